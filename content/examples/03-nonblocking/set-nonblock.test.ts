import { describe, it, expect } from 'vitest';
import { formatStrace } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('set-nonblock.ts', () => {
  it('sets O_NONBLOCK four ways; accept() does not inherit it; a dup shares it', async () => {
    const r = await runExample('03-nonblocking/set-nonblock.ts');
    const log = formatStrace(r.events);
    // The non-blocking listener answers EAGAIN at once when nobody has connected.
    const accepts = calls(r, 'accept');
    expect(accepts[0]!.errno).toBe('EAGAIN');
    expect(accepts[0]!.dur).toBeLessThan(2_000);
    // The accepted socket starts blocking; fcntl adds O_NONBLOCK; the dup (fd 6) sees it.
    expect(log).toContain('fcntl(5, F_GETFL) = 0x2 (flags O_RDWR)');
    expect(log).toContain('fcntl(5, F_SETFL, O_RDWR|O_NONBLOCK) = 0');
    expect(log).toContain('ioctl(4, FIONBIO, [1]) = 0');
    expect(log).toContain('fcntl(6, F_GETFL) = 0x802 (flags O_RDWR|O_NONBLOCK)');
    expect(calls(r, 'read')[0]!.errno).toBe('EAGAIN');
    // accept4(SOCK_NONBLOCK) gives a non-blocking socket directly.
    expect(log).toContain('accept4(3, NULL, NULL, SOCK_NONBLOCK) = 8');
    expect(log).toContain('fcntl(8, F_GETFL) = 0x802 (flags O_RDWR|O_NONBLOCK)');
    // Nothing ever slept.
    expect(r.events.some((e) => e.cat === 'wait')).toBe(false);
  });
});
