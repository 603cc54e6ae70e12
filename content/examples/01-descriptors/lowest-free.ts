// A descriptor is a small number: the lowest free slot in this process's
// descriptor table. Pipes, sockets and files all get their numbers the same way.
import { type Sys, type World, AF_INET, SOCK_STREAM, ms } from 'inside-io';

export const world: World = { cpus: 1, until: ms(1) };

export async function main(sys: Sys) {
  // Slots 0, 1 and 2 are taken when a program starts: standard input,
  // standard output and standard error (here, all three are the terminal).

  const p = [0, 0];
  await sys.pipe(p); // the pipe's read end and write end: the next two free slots

  const s = await sys.socket(AF_INET, SOCK_STREAM); // a TCP socket: the next slot

  await sys.close(p[0]); // frees the read end's slot...
  const d = await sys.dup(s); // ...so the next descriptor reuses it

  await sys.write(1, `pipe: ${p[0]} and ${p[1]}; socket: ${s}; dup(${s}) gave ${d}\n`);
}
