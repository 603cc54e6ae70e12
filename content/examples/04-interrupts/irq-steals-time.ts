// Interrupts are asynchronous: they arrive when the hardware is ready, not when the
// program asks. Here the program computes for 2 ms in user mode on the only CPU and
// makes no system call meanwhile. Its sensor interrupts every 250 µs anyway; each
// time, the CPU stops the computation, runs the handler (the top half) in the
// kernel, and resumes the computation where it was. The computation never notices,
// except that it finishes late.
import { type Sys, type World, us, ms } from 'inside-io';

export const world: World = {
  cpus: 1,
  until: ms(5),
  devices: [{ name: 'sensor0', every: us(250), count: 8 }],
};

export async function main(sys: Sys) {
  await sys.request_irq('sensor0', {
    top(irq) {
      irq.ack(); // read the data register: the device lowers its interrupt line
      irq.udelay(20); // 20 µs of work with interrupts off (too much, but visible)
    },
  });

  const start = sys.clock_gettime(); // a vDSO call: no system call, no trace entry
  await sys.compute(ms(2)); // 2 ms of pure computation in user mode
  const took = sys.clock_gettime() - start;
  console.log(`2 ms of computation took ${took / 1000} µs of wall-clock time`);
}
