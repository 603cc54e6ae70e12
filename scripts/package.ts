// npm run package: one archive of the built site for instructors, with a README and a
// tiny server script. Run after `astro build` (the npm script does both), with the same
// BASE_PATH and EDITION as the build; both are read back from the built pages.
//   npx tsx scripts/package.ts [--dist dist] [--out release]
import { readFileSync, readdirSync, statSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zip, type ZipEntry } from './package/zip';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : [p];
    });
}

export interface BuiltSite {
  base: string;
  edition: 'reader' | 'instructor';
}

/** What the site in `dist` was built for, read from its home page. */
export function inspectBuild(dist: string): BuiltSite {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) throw new Error(`${dist}/index.html is missing: build the site first (npm run package does).`);
  const html = readFileSync(index, 'utf8');
  const icon = /<link rel="icon" href="([^"]*)favicon\.svg"/.exec(html);
  if (!icon) throw new Error('cannot tell the base path: the home page has no favicon link');
  return { base: icon[1]!, edition: /data-edition="instructor"/.test(html) ? 'instructor' : 'reader' };
}

export function packageSite(dist: string, out: string): string {
  const { base, edition } = inspectBuild(dist);
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  const slug = base.replace(/^\/|\/$/g, '').replace(/\//g, '-');
  const name = ['inside-io', version, edition === 'instructor' ? 'instructor' : '', slug].filter(Boolean).join('-');
  const fill = (template: string) =>
    template
      .replaceAll('{{BASE}}', base)
      .replaceAll('{{VERSION}}', version)
      .replaceAll('{{DATE}}', new Date().toISOString().slice(0, 10))
      .replaceAll('{{EDITION_TITLE}}', edition === 'instructor' ? 'instructor edition' : 'reader edition')
      .replaceAll('{{EDITION_LINE}}', edition === 'instructor' ? 'instructor (with solutions and instructor notes: do not publish to students)' : 'reader (for students)');
  const here = new URL('./package/', import.meta.url);
  const enc = (s: string) => new TextEncoder().encode(s);
  const entries: ZipEntry[] = [
    { name: `${name}/README.txt`, data: enc(fill(readFileSync(new URL('README.txt', here), 'utf8'))) },
    { name: `${name}/serve.py`, data: enc(fill(readFileSync(new URL('serve.py', here), 'utf8'))), mode: 0o755 },
    ...files(dist).map((f) => ({ name: `${name}/site${base}${relative(dist, f).split('\\').join('/')}`, data: readFileSync(f) })),
  ];
  mkdirSync(out, { recursive: true });
  const file = join(out, `${name}.zip`);
  writeFileSync(file, zip(entries));
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = packageSite(arg('dist', 'dist'), arg('out', 'release'));
  console.log(`${file} (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB): unzip it and read README.txt`);
}
