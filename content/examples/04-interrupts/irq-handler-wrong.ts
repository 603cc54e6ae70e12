// The same driver, done wrong: the top half waits for the slow bus itself. But a
// hard-interrupt handler runs on whatever the CPU happened to be doing, with no
// process of its own to put to sleep. The kernel catches it and prints its most
// famous complaint: "BUG: scheduling while atomic".
// @expect-stop bug
import { type Sys, type World, O_RDONLY, text, us, ms } from 'inside-io';

export const world: World = {
  cpus: 2,
  until: ms(5),
  devices: [{ name: 'sensor0', every: us(500), count: 5 }],
};

export async function main(sys: Sys) {
  await sys.request_irq('sensor0', {
    top(irq) {
      const value = irq.ack();
      irq.msleep(0.1); // wrong: sleeping in hard-interrupt context
      irq.deliver(`temperature: ${value} °C\n`);
    },
  });

  const fd = await sys.open('/dev/sensor0', O_RDONLY);
  const buf = new Uint8Array(64);
  for (let i = 0; i < 5; i++) {
    const n = await sys.read(fd, buf);
    await sys.write(1, text(buf, n));
  }
}
