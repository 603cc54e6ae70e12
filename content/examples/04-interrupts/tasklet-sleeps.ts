// The driver from irq-handler-right.ts, with one change: its bottom half, which
// waits 100 µs for a slow bus with msleep(), is now a tasklet instead of a work item.
// @expect-stop bug
import { type Sys, type World, O_RDONLY, text, us, ms } from 'inside-io';

export const world: World = {
  cpus: 2,
  until: ms(5),
  devices: [{ name: 'sensor0', every: us(500), count: 5 }],
};

export async function main(sys: Sys) {
  await sys.request_irq(
    'sensor0',
    {
      top(irq) {
        irq.schedule_bottom(irq.ack());
      },
      bottom(ctx, value) {
        ctx.msleep(0.1); // wait for the slow bus
        ctx.deliver(`temperature: ${value} °C\n`);
      },
    },
    { bottom: 'tasklet' }, // was: the default, a workqueue
  );

  const fd = await sys.open('/dev/sensor0', O_RDONLY);
  const buf = new Uint8Array(64);
  for (let i = 0; i < 5; i++) {
    const n = await sys.read(fd, buf);
    await sys.write(1, text(buf, n));
  }
}
