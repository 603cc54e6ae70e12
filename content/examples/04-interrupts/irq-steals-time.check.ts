// The prediction about irq-steals-time.ts: how long 2 ms of computation takes when
// interrupts keep borrowing the CPU.
import type { RunResult } from 'inside-io';

/** Prediction: the wall-clock time of the 2 ms computation, in µs. */
export function tookUs(run: RunResult) {
  const took = Number(/took ([\d.]+) µs/.exec(run.output.map((o) => o.text).join(''))?.[1] ?? NaN);
  const irqs = run.events.filter((e) => e.cat === 'irq');
  const sensor = irqs.filter((e) => e.name.endsWith(': sensor0'));
  const ticks = irqs.length - sensor.length;
  const irqTime = irqs.reduce((s, e) => s + e.dur, 0);
  return {
    value: took,
    explain: `2,000 µs of computation plus ${(irqTime / 1000).toLocaleString('en-US')} µs of interrupts: ${sensor.length} sensor handlers of ${(sensor[0]?.dur ?? 0) / 1000} µs and ${ticks} timer tick${ticks === 1 ? '' : 's'} of ${(irqs.find((e) => !e.name.endsWith(': sensor0'))?.dur ?? 0) / 1000} µs.`,
  };
}
