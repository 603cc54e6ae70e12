// `npm run package` on the course build: one ZIP with README.txt, serve.py and the
// site laid out as its URLs; unpacked and served, the book works under its base path.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { packageSite, inspectBuild } from '../scripts/package';
import { unzip } from '../scripts/package/zip';
import { serveDist } from './static-server';
import { COURSE_DIR, COURSE_BASE } from './course-build';
import { CHAPTER } from './harness';

describe('npm run package', () => {
  it('reads the base path and edition back from the build', () => {
    expect(inspectBuild('dist')).toEqual({ base: '/', edition: 'reader' });
    expect(inspectBuild(COURSE_DIR)).toEqual({ base: COURSE_BASE, edition: 'instructor' });
  });

  it('writes one archive that unpacks into a served, working book with instructions', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'inside-io-package-'));
    const file = packageSite(COURSE_DIR, tmp);
    expect(file).toMatch(/inside-io-[\d.]+-instructor-os101-io\.zip$/);
    const entries = unzip(readFileSync(file));
    const top = entries[0]!.name.split('/')[0]!;
    for (const e of entries) {
      expect(e.name.startsWith(`${top}/`)).toBe(true);
      const p = join(tmp, 'x', e.name);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, e.data);
    }
    const readme = readFileSync(join(tmp, 'x', top, 'README.txt'), 'utf8');
    expect(readme).toContain('/os101/io/');
    expect(readme).toMatch(/file:\/\//);
    expect(readme).toMatch(/BASE_PATH=\/your\/path\/ npm run package/);
    expect(readme).toContain('instructor');
    expect(readme).not.toContain('{{');
    const site = join(tmp, 'x', top, 'site', 'os101', 'io');
    const server = await serveDist(site, COURSE_BASE);
    let script = '';
    try {
      for (const path of ['', CHAPTER, 'book/', 'pagefind/pagefind.js']) expect((await fetch(server.url + path)).status, path).toBe(200);
      const html = await (await fetch(server.url + CHAPTER)).text();
      script = /src="([^"]+\.js)"/.exec(html)![1]!;
      expect((await fetch(new URL(script, server.url))).status).toBe(200);
    } finally {
      await server.close();
    }
    // The archive's own server script, where Python is installed.
    if (spawnSync('python3', ['--version']).status !== 0) return;
    const py = spawn('python3', [join(tmp, 'x', top, 'serve.py'), '18731'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => py.stdout!.once('data', () => resolve()));
      const home = await fetch('http://127.0.0.1:18731/os101/io/');
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('Inside I/O');
      const js = await fetch(new URL(script, 'http://127.0.0.1:18731/'));
      expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
      const missing = await fetch('http://127.0.0.1:18731/os101/io/no-such-page/');
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('Page not found');
    } finally {
      py.kill();
    }
  });
});
