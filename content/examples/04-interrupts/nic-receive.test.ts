import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('nic-receive.ts', () => {
  it('follows a request from the wire, by DMA, interrupt and NET_RX softirq, to recv()', async () => {
    const r = await runExample('04-interrupts/nic-receive.ts');
    expect(r.output.map((o) => o.text).join('')).toMatch(/^received 1200 bytes: "/);
    const wire = r.events.find((e) => e.cat === 'device' && e.name === 'wire in' && e.detail?.segment === 'DATA')!;
    // 1. The card DMAs the frame (payload + 66 bytes of headers) when it has come off the wire.
    const dma = r.events.find((e) => e.cat === 'dma' && e.bytes === 1266)!;
    expect(dma.detail?.device).toBe('eth0 DMA');
    expect(dma.name).toBe('DMA to memory');
    expect(dma.t).toBe(wire.t + wire.dur);
    // 2. Then its interrupt (after the FIN's DMA, which followed right behind: one interrupt for both).
    const irq = r.events.find((e) => e.cat === 'irq' && e.name === 'irq 25: eth0' && e.t >= dma.t + dma.dur)!;
    expect(irq.t - (dma.t + dma.dur)).toBeLessThan(1_000);
    // 3. NET_RX runs as the interrupt returns, and wakes the reader.
    const netRx = r.events.find((e) => e.cat === 'softirq' && e.name === 'NET_RX' && e.t === irq.t + irq.dur)!;
    expect(netRx.cpu).toBe(irq.cpu);
    const wait = r.events.find((e) => e.cat === 'wait' && e.name === 'sk_wait_data')!;
    expect(wait.detail?.woken_by).toBe('NET_RX');
    expect(wait.t + wait.dur).toBeGreaterThan(netRx.t);
    expect(wait.t + wait.dur).toBeLessThan(netRx.t + netRx.dur);
    // 4. recv() returns the bytes, copying them out of the socket.
    const [recv] = calls(r, 'recvfrom');
    expect(recv!.ret).toBe(1200);
    expect(recv!.line).toBe(24);
    expect(r.events.some((e) => e.cat === 'copy' && e.name === 'copy_to_user' && e.bytes === 1200)).toBe(true);
  });
});
