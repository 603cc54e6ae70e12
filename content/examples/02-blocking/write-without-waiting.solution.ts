// SOLUTION of write-without-waiting.ts: give the sending socket a send buffer
// large enough for what the receiver's window cannot take yet. The kernel caps
// the request at net.core.wmem_max (212,992) and doubles it (socket(7)).
import { Sys, type World, AF_INET, SOCK_STREAM, SOL_SOCKET, SO_SNDBUF, ms } from 'inside-io';

export const world: World = { cpus: 2, until: ms(5) };

const TOTAL = 200_000; // bytes the sender writes in one call

export async function main(sys: Sys) {
  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '127.0.0.1', port: 9000 });
  await sys.listen(listener, 1);
  const sender = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.setsockopt(sender, SOL_SOCKET, SO_SNDBUF, 200_000);
  await sys.connect(sender, { addr: '127.0.0.1', port: 9000 });
  const receiver = await sys.accept(listener);

  // The receiving thread is busy for 1 ms before it starts reading.
  const tid = await sys.pthread_create(async (r: Sys) => {
    await r.compute(ms(1));
    const buf = new Uint8Array(32_768);
    let got = 0;
    while (got < TOTAL) got += await r.read(receiver, buf);
  }, 'receiver');

  // One write() of 200,000 bytes. The receiver's buffer and this socket's send
  // buffer fill up long before that: the call sleeps until the receiver reads.
  const n = await sys.write(sender, new Uint8Array(TOTAL));
  await sys.write(1, `write returned ${n} at ${Sys.formatTime(sys.clock_gettime())}\n`);
  await sys.pthread_join(tid);
}
