import { describe, it, expect } from 'vitest';
import { runExample, calls, exampleSource } from '../../../tests/examples.js';

describe('dup-close.ts', () => {
  it('after close(3), a dup keeps the file open and epoll still reports fd 3', async () => {
    const r = await runExample('06-multiplexing/dup-close.ts');
    expect(calls(r, 'close')[0]!.ret).toBe(0);
    // The item was not removed by the close: it goes only when the process exits and
    // the last descriptor (the dup) is closed with it.
    const dels = r.events.filter((e) => e.name === 'epoll del');
    expect(dels.length).toBeGreaterThan(0);
    for (const d of dels) expect(d.t).toBe(r.end);
    const wait = calls(r, 'epoll_wait')[0]!;
    expect(wait.ret).toBe(1);
    expect(wait.args![1]).toBe('[{events=EPOLLIN, data={u32=3, u64=3}}]');
    expect(calls(r, 'read')[0]!.errno).toBe('EBADF');
    expect(calls(r, 'epoll_ctl').at(-1)!.errno).toBe('EBADF');
    expect(r.output[0]!.text.trim()).toBe('event for fd 3; read(3) = -1; the data is still readable through fd 6');
  });

  it('EPOLL_CTL_DEL before close() takes the item out: no event arrives', async () => {
    const source = exampleSource('06-multiplexing/dup-close.ts').replace(
      '// Try this first, before the close: await sys.epoll_ctl',
      'await sys.epoll_ctl',
    );
    const r = await runExample('06-multiplexing/dup-close.ts', source);
    expect(calls(r, 'epoll_wait')[0]!.ret).toBe(0);
    expect(r.events.some((e) => e.name === 'epoll del' && e.detail?.why === 'EPOLL_CTL_DEL')).toBe(true);
    expect(r.output).toEqual([]);
  });
});
