import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('iocp-echo.ts', () => {
  it('echoes through completion packets: buffers posted first, no recv() or readiness call at all', async () => {
    const r = await runExample('05-async/iocp-echo.ts');
    const g = r.net.groups[0]!;
    expect(g.connected).toBe(8);
    expect(g.responses).toBe(40);
    const names = new Set(calls(r).map((e) => e.name));
    for (const n of ['recvfrom', 'read', 'epoll_wait', 'select', 'poll']) expect(names.has(n)).toBe(false);
    // Every receive was started before its data came: WSARecv returned "pending" each time.
    const recvs = calls(r, 'WSARecv');
    expect(recvs.length).toBe(8 + 40);
    expect(recvs.every((e) => e.args![3] === 'pending')).toBe(true);
    // Workers sleep in GetQueuedCompletionStatus; each packet releases one of them.
    const workers = r.threads.filter((t) => t.name.startsWith('worker'));
    expect(workers.length).toBe(2);
    const waits = r.events.filter((e) => e.cat === 'wait' && workers.some((w) => w.tid === e.tid));
    expect(waits.every((e) => e.name === 'NtRemoveIoCompletion')).toBe(true);
    const packets = calls(r, 'GetQueuedCompletionStatus').filter((e) => e.ret === 1);
    expect(packets.length).toBe(40 + 40 + 8);
  });
});
