import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('sigio.ts', () => {
  it('wakes the program with SIGIO, runs the handler, and shows what the signal does not say', async () => {
    const r = await runExample('05-async/sigio.ts');
    const [line] = r.output.map((o) => o.text);
    const [, requests, signals] = /^(\d+) requests, (\d+) SIGIO signals\n$/.exec(line!)!.map(Number);
    expect(requests).toBe(6);
    // Arrivals on both sockets at once: the pending SIGIO absorbed the second one.
    expect(signals).toBeLessThan(requests!);
    // Each pause() ends with EINTR, right after a SIGIO, its handler, and rt_sigreturn.
    const pauses = calls(r, 'pause');
    expect(pauses.length).toBe(signals);
    expect(pauses.every((e) => e.errno === 'EINTR')).toBe(true);
    const notes = r.events.filter((e) => e.cat === 'note' && e.name === '--- SIGIO ---');
    expect(notes.length).toBe(signals);
    expect(notes.every((e) => e.detail?.action === 'handler')).toBe(true);
    expect(calls(r, 'rt_sigreturn').length).toBe(signals);
    // Not knowing which socket: every round tries both, until EAGAIN.
    const eagain = calls(r, 'recvfrom').filter((e) => e.errno === 'EAGAIN');
    expect(eagain.length).toBe(2 * signals!);
  });
});
