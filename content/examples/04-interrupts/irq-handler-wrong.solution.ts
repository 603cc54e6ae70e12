// A solution to the exercise on irq-handler-wrong.ts: the same program as
// irq-handler-right.ts. The top half only acknowledges and defers; the sleep moved
// to the bottom half, which a workqueue runs in a kernel thread.
//
// Your own interrupt handler, done right. A sensor raises an interrupt every 500 µs.
// The top half runs at once, in hard-interrupt context, with interrupts off on its
// CPU: it only reads the value (which acknowledges the interrupt) and defers the rest.
// The bottom half runs later in a workqueue, that is in a kernel thread, where it may
// sleep (here: waiting 100 µs for a slow bus) before it hands the value to readers
// of /dev/sensor0.
import { type Sys, type World, O_RDONLY, text, us, ms } from 'inside-io';

export const world: World = {
  cpus: 2,
  until: ms(5),
  devices: [{ name: 'sensor0', every: us(500), count: 5 }],
};

export async function main(sys: Sys) {
  // In Linux a driver module does this when it loads; here our program plays the driver.
  await sys.request_irq('sensor0', {
    top(irq) {
      const value = irq.ack(); // read the data register: the device lowers its line
      irq.schedule_bottom(value); // everything else can wait a little
    },
    bottom(work, value) {
      work.msleep(0.1); // sleeping is fine here: a workqueue runs in a thread
      work.deliver(`temperature: ${value} °C\n`);
    },
  });

  const fd = await sys.open('/dev/sensor0', O_RDONLY);
  const buf = new Uint8Array(64);
  for (let i = 0; i < 5; i++) {
    const n = await sys.read(fd, buf); // sleeps until the bottom half delivers
    await sys.write(1, text(buf, n));
  }
}
