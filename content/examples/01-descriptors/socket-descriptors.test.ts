import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('socket-descriptors.ts', () => {
  it('socket() and accept() return ordinary descriptors that read() and write() accept', async () => {
    const r = await runExample('01-descriptors/socket-descriptors.ts');
    expect(calls(r, 'socket').map((e) => e.ret)).toEqual([3, 4]);
    expect(calls(r, 'accept')[0]!.ret).toBe(5);
    const w = calls(r, 'write')[0]!;
    expect([w.args![0], w.ret]).toEqual(['4', 4]);
    const rd = calls(r, 'read')[0]!;
    expect([rd.args![0], rd.ret]).toEqual(['5', 4]);
    // Three sockets, three different kernel objects: the socket:[inode] names differ.
    const socks = new Set(r.events.filter((e) => e.cat === 'io' && e.name === 'sk buffer').map((e) => e.detail!.sock));
    expect(socks.size).toBeGreaterThanOrEqual(2);
    expect(r.output.map((o) => o.text).join('')).toBe('listener 3, client 4, accepted 5; read "ping"\n');
  });
});
