// Another wrong way, one the kernel does not catch: a top half that takes too long.
// It busy-waits 1.2 ms (mdelay never sleeps, so it is allowed), with interrupts off
// on its CPU, while the sensor produces a reading every 500 µs. Readings that arrive
// meanwhile overwrite each other in the data register: they are lost, and the
// program waits forever for the ten readings the sensor took. The workqueue thread
// bound to that CPU hardly gets to run at all.
// @expect-stop blocked
import { type Sys, type World, O_RDONLY, text, us, ms } from 'inside-io';

export const world: World = {
  cpus: 2,
  until: ms(8),
  devices: [{ name: 'sensor0', every: us(500), count: 10 }],
};

export async function main(sys: Sys) {
  await sys.request_irq('sensor0', {
    top(irq) {
      const value = irq.ack();
      irq.mdelay(1.2); // too much work with interrupts off
      irq.schedule_bottom(value);
    },
    bottom(work, value) {
      work.deliver(`temperature: ${value} °C\n`);
    },
  });

  const fd = await sys.open('/dev/sensor0', O_RDONLY);
  const buf = new Uint8Array(256);
  let readings = 0;
  while (readings < 10) {
    const n = await sys.read(fd, buf);
    readings += text(buf, n).split('\n').length - 1;
    await sys.write(1, text(buf, n));
  }
}
