// The archive writer behind `npm run package`: what it writes, a standard unzip reads back.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zip, unzip, crc32 } from '../scripts/package/zip';

const enc = (s: string) => new TextEncoder().encode(s);

describe('zip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(enc('123456789')).toString(16)).toBe('cbf43926');
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('round-trips names (UTF-8, folders), contents (compressible or not) and modes', () => {
    const random = new Uint8Array(5000).map((_, i) => (i * 2654435761) >>> 24);
    const entries = [
      { name: 'book/README.txt', data: enc('hello\n'.repeat(500)) },
      { name: 'book/site/chapters/02-blocking/index.html', data: enc('<!doctype html><title>é ✓ 简体</title>') },
      { name: 'book/serve.py', data: enc('print(1)\n'), mode: 0o755 },
      { name: 'book/random.bin', data: random },
      { name: 'book/empty', data: new Uint8Array() },
    ];
    const back = unzip(zip(entries));
    expect(back.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    back.forEach((e, i) => expect(Buffer.from(e.data).equals(Buffer.from(entries[i]!.data))).toBe(true));
    expect(back[2]!.mode).toBe(0o755);
    expect(back[0]!.mode).toBe(0o644);
  });

  it('is read by the system unzip, when there is one', () => {
    let hasUnzip = true;
    try {
      execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    } catch {
      hasUnzip = false;
    }
    const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
    const file = join(dir, 'a.zip');
    writeFileSync(file, zip([{ name: 'x/y.txt', data: enc('contents\n') }, { name: 'x/z.sh', data: enc('echo hi\n'), mode: 0o755 }]));
    const entries = unzip(readFileSync(file));
    expect(entries.map((e) => e.name)).toEqual(['x/y.txt', 'x/z.sh']);
    if (!hasUnzip) return;
    execFileSync('unzip', ['-q', file, '-d', dir]);
    expect(readFileSync(join(dir, 'x/y.txt'), 'utf8')).toBe('contents\n');
    expect(existsSync(join(dir, 'x/z.sh'))).toBe(true);
  });
});
