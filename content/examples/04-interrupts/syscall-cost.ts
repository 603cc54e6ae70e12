// What it costs to enter the kernel and come back. Each system call executes the
// `syscall` instruction, runs the kernel's entry code, does its work, and returns
// to user mode. getpid() has almost no work to do, so a thousand of them measure
// the trip itself. clock_gettime() is answered in user mode from the vDSO, code the
// kernel maps into every process, so it never shows up in the trace.
import { type Sys, type World, ms } from 'inside-io';

export const world: World = {
  cpus: 1,
  until: ms(5),
  // What if entering the kernel cost ten times as much? Try: costs: { syscallEntry: 600 },
};

export async function main(sys: Sys) {
  const start = sys.clock_gettime(); // vDSO: no system call
  for (let i = 0; i < 1000; i++) {
    await sys.getpid(); // into the kernel and back, a thousand times
  }
  const each = (sys.clock_gettime() - start) / 1000;
  console.log(`one getpid() round trip: ${each} ns`);
}
