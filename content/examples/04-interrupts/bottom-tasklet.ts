// A bottom half in a tasklet. The top half only acknowledges the sensor and
// schedules the rest; the tasklet runs right after it, on the same CPU, on the way
// out of the interrupt (irq_exit), in softirq context: interrupts are on again, but
// it is still atomic code with no thread of its own, so it must not sleep.
// Compare with bottom-workqueue.ts, which differs in one word.
import { type Sys, type World, O_RDONLY, text, us, ms } from 'inside-io';

export const world: World = {
  cpus: 2,
  until: ms(5),
  devices: [{ name: 'sensor0', every: us(500), count: 5 }], // readings at 0.5, 1.0, ... 2.5 ms
};

export async function main(sys: Sys) {
  await sys.request_irq(
    'sensor0',
    {
      top(irq) {
        irq.schedule_bottom(irq.ack()); // acknowledge, hand the value on, return
      },
      bottom(ctx, value) {
        ctx.deliver(`${value} °C`); // make it readable from /dev/sensor0, wake the reader
      },
    },
    { bottom: 'tasklet' },
  );

  const fd = await sys.open('/dev/sensor0', O_RDONLY);
  const buf = new Uint8Array(64);
  for (let i = 1; i <= 5; i++) {
    const n = await sys.read(fd, buf); // sleeps until the bottom half delivers
    const late = sys.clock_gettime() - i * us(500); // reading i was taken at i × 500 µs
    console.log(`${text(buf, n)}, in our hands ${late} ns after the interrupt`);
  }
}
