import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('reactor-writes.ts', () => {
  it('keeps what a partial write left, watches EPOLLOUT only while bytes wait, and delivers every echo', async () => {
    const r = await runExample('07-reactor/reactor-writes.ts');
    const g = r.net.groups[0]!;
    expect(g).toMatchObject({ connected: 2, requests: 4, responses: 4, reset: 0 });
    expect(g.bytesReceived).toBe(400_000);

    const writes = calls(r, 'write');
    // Partial writes (fewer bytes accepted than offered) and writes refused with EAGAIN.
    const partial = writes.filter((e) => (e.ret ?? 0) > 0 && Number(e.args![2]) > e.ret!);
    const refused = writes.filter((e) => e.errno === 'EAGAIN');
    expect(partial.length).toBeGreaterThanOrEqual(4);
    expect(refused.length).toBeGreaterThanOrEqual(4);

    // A refusal after a read switches that connection to EPOLLOUT (a refusal while already
    // watching EPOLLOUT changes nothing); each completed flush switches it back to EPOLLIN.
    const mods = calls(r, 'epoll_ctl').filter((e) => e.args![1] === 'EPOLL_CTL_MOD');
    const toOut = mods.filter((e) => /events=EPOLLOUT,/.test(e.args![3]!));
    const toIn = mods.filter((e) => /events=EPOLLIN,/.test(e.args![3]!));
    expect(toOut.length).toBeGreaterThanOrEqual(4);
    expect(toOut.length).toBeLessThanOrEqual(refused.length);
    expect(toIn.length).toBeGreaterThanOrEqual(toOut.length - 2);

    // The server never spins on a full buffer: after an EAGAIN, the next write on that socket
    // comes only after an epoll_wait reported EPOLLOUT for it.
    const seq = r.events.filter((e) => e.cat === 'syscall' && !e.detail?.unfinished && (e.name === 'write' || e.name === 'epoll_wait'));
    for (let i = 0; i < seq.length; i++) {
      if (seq[i]!.errno !== 'EAGAIN') continue;
      const fd = seq[i]!.args![0]!;
      const j = seq.findIndex((e, k) => k > i && e.name === 'write' && e.args![0] === fd);
      if (j < 0) continue;
      const waits = seq.slice(i + 1, j).filter((e) => e.name === 'epoll_wait');
      expect(waits.some((w) => w.args![1]!.includes(`events=EPOLLOUT, data={u32=${fd},`))).toBe(true);
    }
  });
});
