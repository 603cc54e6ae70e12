// The second build the browser tests need: the instructor edition under a non-root
// base path, in dist-course/ (dist/ stays the default reader build at /). One build
// covers two checks: everything resolves under a base path, and the instructor
// material is present in this edition and absent from the default one.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const COURSE_DIR = 'dist-course';
export const COURSE_BASE = '/os101/io/';

const mtime = (f: string) => (existsSync(f) ? statSync(f).mtimeMs : 0);

/** Build dist-course/ unless it is newer than dist/ (which `npm test` has just rebuilt). */
export function ensureCourseBuild(): void {
  if (mtime(`${COURSE_DIR}/index.html`) > mtime('dist/index.html')) return;
  console.log(`Building the instructor edition under ${COURSE_BASE} into ${COURSE_DIR}/ (a second build, for the base-path and edition tests)…`);
  // Vitest puts Vite's own variables (BASE_URL, MODE, NODE_ENV=test…) into process.env;
  // Astro would take BASE_URL from there over the config's base. Build with a clean one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|VITE_.*)$/.test(k)));
  const r = spawnSync('node_modules/.bin/astro', ['build', '--outDir', COURSE_DIR], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...env, BASE_PATH: COURSE_BASE, EDITION: 'instructor' },
  });
  if (r.status !== 0) throw new Error(`The course build failed (exit ${r.status}).`);
}
