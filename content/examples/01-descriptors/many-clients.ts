// EXERCISE. A server must accept 1,500 connections from remote clients and keep
// them open. As given, accept() fails long before that.
import { type Sys, type World, AF_INET, SOCK_STREAM, EMFILE, ms, us } from 'inside-io';

const CLIENTS = 1_500;

export const world: World = {
  until: ms(40),
  maxEvents: 500_000,
  // 1,500 clients connect, 20 µs apart, and then stay connected without a word.
  clients: [{ count: CLIENTS, port: 8080, every: us(20), requests: 0, idle: Infinity }],
};

export async function main(sys: Sys) {
  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 4096);

  let accepted = 0;
  while (accepted < CLIENTS) {
    const conn = await sys.accept(listener);
    if (conn === -1) {
      await sys.write(1, `accept() failed with ${sys.errno === EMFILE ? 'EMFILE' : sys.errno} after ${accepted} connections\n`);
      return;
    }
    accepted++;
  }
  await sys.write(1, `holding ${accepted} connections\n`);
}
