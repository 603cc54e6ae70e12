// Before the browser tests: dist/ must exist, and Chromium must be installed; the
// course build (instructor edition under /os101/io/, in dist-course/) is made if it
// is missing or older than dist/.
import { existsSync } from 'node:fs';
import { CHROMIUM } from './browser';
import { ensureCourseBuild } from './course-build';

export default function setup(): void {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  ensureCourseBuild();
}
