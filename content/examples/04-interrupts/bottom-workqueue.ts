// A bottom half in a workqueue. The top half only acknowledges the sensor and
// schedules the rest; the work item runs later in kworker/0:1, a kernel thread
// that must first be woken and switched in. In exchange it runs in process
// context, where it may sleep (it does not need to here).
// Compare with bottom-tasklet.ts, which differs in one word.
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
    { bottom: 'workqueue' },
  );

  const fd = await sys.open('/dev/sensor0', O_RDONLY);
  const buf = new Uint8Array(64);
  for (let i = 1; i <= 5; i++) {
    const n = await sys.read(fd, buf); // sleeps until the bottom half delivers
    const late = sys.clock_gettime() - i * us(500); // reading i was taken at i × 500 µs
    console.log(`${text(buf, n)}, in our hands ${late} ns after the interrupt`);
  }
}
