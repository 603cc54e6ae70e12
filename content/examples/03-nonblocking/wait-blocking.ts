// The workload for the comparison, read the blocking way. A producer thread sends
// five messages through a pipe, one every 100 µs (params.pause); each message
// carries the time it was sent. The consumer reads them with plain blocking read()s
// and prints how long each message took to arrive. Compare with wait-polling.ts,
// which differs only in how the consumer waits.
import { type Sys, type World, text, us, ms } from 'inside-io';

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

  const buf = new Uint8Array(32);
  for (let i = 1; i <= 5; i++) {
    const n = await sys.read(fds[0], buf); // sleeps until the producer writes
    const sent = Number(text(buf, n));
    console.log(`message ${i} arrived ${sys.clock_gettime() - sent} ns after it was sent`);
  }
}
