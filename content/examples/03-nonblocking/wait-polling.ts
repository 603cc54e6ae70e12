// The same workload, read by busy polling. A producer thread sends five messages
// through a pipe, one every 100 µs (params.pause); each message carries the time
// it was sent. The consumer makes its end non-blocking and asks again and again
// until a message is there. Compare with wait-blocking.ts, which differs only in how the consumer waits.
import { type Sys, type World, F_GETFL, F_SETFL, O_NONBLOCK, EAGAIN, text, us, ms } from 'inside-io';

// The pause between two messages, in µs: a parameter that a scaling chart can sweep.
export const params = { pause: 100 };

export function world(p: typeof params): World {
  return { cpus: 2, until: ms(1) + 6 * us(p.pause) };
}

export async function main(sys: Sys) {
  const fds = [0, 0];
  await sys.pipe(fds);

  await sys.pthread_create(async (producer: Sys) => {
    for (let i = 1; i <= 5; i++) {
      await producer.nanosleep(us(params.pause)); // nothing to send for a while
      await producer.write(fds[1], `${producer.clock_gettime()}`); // the time it was sent
    }
  }, 'producer');

  const flags = await sys.fcntl(fds[0], F_GETFL);
  await sys.fcntl(fds[0], F_SETFL, flags | O_NONBLOCK);

  const buf = new Uint8Array(32);
  for (let i = 1; i <= 5; i++) {
    let n = await sys.read(fds[0], buf);
    while (n === -1 && sys.errno === EAGAIN) n = await sys.read(fds[0], buf); // spin
    const sent = Number(text(buf, n));
    console.log(`message ${i} arrived ${sys.clock_gettime() - sent} ns after it was sent`);
  }
}
