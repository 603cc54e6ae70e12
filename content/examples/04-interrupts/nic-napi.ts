// NAPI under load: one interrupt, many packets. A client sends 200 requests of
// 1,400 bytes back to back, without waiting for answers, so frames arrive from the
// wire about a microsecond apart. The card's first interrupt schedules NAPI; while
// the NET_RX softirq polls the receive ring, the card's interrupt stays masked, and
// frames that arrive meanwhile are picked up by the same poll, with no interrupt of
// their own. The program reads everything and counts.
import { type Sys, type World, AF_INET, SOCK_STREAM, ms } from 'inside-io';

const REQUESTS = 200;
const SIZE = 1400;

export const world: World = {
  cpus: 2,
  until: ms(20),
  nic: { name: 'eth0' }, // try { name: 'eth0', coalesceUsecs: 20 }
  clients: [{ count: 1, port: 8080, requests: REQUESTS, requestSize: SIZE, responseSize: 0 }],
};

export async function main(sys: Sys) {
  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 8);
  const conn = await sys.accept(listener);

  const buf = new Uint8Array(65_536);
  let total = 0;
  while (total < REQUESTS * SIZE) {
    const n = await sys.recv(conn, buf); // sleeps until NET_RX has queued more
    if (n <= 0) break;
    total += n;
  }
  console.log(`received ${total} bytes`);
}
