// From the wire to read(). A client sends a request; follow it into the machine:
// 1. the frame crosses the wire and the network card DMAs it into a buffer the driver
//    had posted in its RX ring (the "eth0 DMA" lane), with no CPU involved;
// 2. the card raises its interrupt: the top half only masks it and raises NET_RX;
// 3. on the way out of the interrupt the NET_RX softirq polls the ring (NAPI), passes
//    the frame up through IP to TCP, which queues the bytes on the socket and wakes us;
// 4. our recv() returns, copying the bytes from the socket into our buffer.
import { type Sys, type World, AF_INET, SOCK_STREAM, text, us, ms } from 'inside-io';

export const world: World = {
  cpus: 2,
  until: ms(5),
  nic: { name: 'eth0' }, // put a network card between the machine and the network
  clients: [{ count: 1, port: 8080, requests: 1, requestSize: 1200, responseSize: 0, idle: us(100) }],
};

export async function main(sys: Sys) {
  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 8);
  const conn = await sys.accept(listener);

  const buf = new Uint8Array(2048);
  const n = await sys.recv(conn, buf); // sleeps until NET_RX wakes us
  await sys.write(1, `received ${n} bytes: "${text(buf, 16)}..."\n`);
}
