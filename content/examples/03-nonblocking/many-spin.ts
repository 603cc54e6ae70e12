// Why non-blocking I/O alone is not enough. One thread watches ten pipes, as a server
// watches ten connections. It cannot block on any one of them (a message may come on
// another), so it makes them all non-blocking and asks each in turn, round after
// round. Two messages arrive, on pipes 7 and 2, after 200 and 300 µs.
import { type Sys, type World, O_NONBLOCK, text, us, ms } from 'inside-io';

export const world: World = { cpus: 2, until: ms(2) };

const N = 10; // how many descriptors the loop watches

export async function main(sys: Sys) {
  const pipes: number[][] = [];
  for (let i = 0; i < N; i++) {
    const fds = [0, 0];
    await sys.pipe2(fds, O_NONBLOCK);
    pipes.push(fds);
  }

  await sys.pthread_create(async (peer: Sys) => {
    await peer.nanosleep(us(200));
    await peer.write(pipes[7]![1]!, 'hello on pipe 7');
    await peer.nanosleep(us(100));
    await peer.write(pipes[2]![1]!, 'hello on pipe 2');
  }, 'peer');

  const buf = new Uint8Array(64);
  let messages = 0;
  let calls = 0;
  while (messages < 2) {
    for (const [readEnd] of pipes) {
      const n = await sys.read(readEnd!, buf); // -1 EAGAIN almost every time
      calls++;
      if (n > 0) {
        messages++;
        console.log(`round ${Math.ceil(calls / N)}: ${text(buf, n)}`);
      }
    }
  }
  console.log(`${calls} read() calls to receive ${messages} messages`);
}
