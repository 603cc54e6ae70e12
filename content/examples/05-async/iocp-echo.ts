// An echo server on an I/O completion port: THE WINDOWS MODEL, shown on this
// simulated machine to compare with epoll. Linux has no completion ports.
//
// The program never asks "is there data?". For each connection it starts an
// overlapped WSARecv and hands over the buffer the data must go to, before any data
// has arrived. When data comes, the system puts it straight into that buffer and
// queues a completion packet on the port. Two worker threads wait on the port in
// GetQueuedCompletionStatus; each packet says which operation finished (its
// OVERLAPPED) and how many bytes. The port's concurrency value, 2, caps how many
// workers run at once. Note the price: one 1 KiB buffer per idle connection.
// @expect-stop time
import { type Sys, type World, type Overlapped, AF_INET, SOCK_STREAM, INVALID_HANDLE_VALUE, INFINITE, us, ms } from 'inside-io';

export const world: World = {
  cpus: 2,
  until: ms(10),
  // Each client waits 100 µs after connecting before its first request, and 300 µs between requests.
  clients: [{ count: 8, port: 8080, requests: 5, requestSize: 256, idle: us(100), think: us(300) }],
};

/** What we attach to each operation, to recognise it when its packet comes back. */
interface Op extends Overlapped {
  kind: 'recv' | 'send';
  sock: number;
  buf: Uint8Array;
}

export async function main(sys: Sys) {
  const win = sys.win32;
  const port = await win.CreateIoCompletionPort(INVALID_HANDLE_VALUE, 0, 0, 2); // concurrency value: 2

  for (let i = 0; i < 2; i++) {
    await sys.pthread_create(async (w: Sys) => {
      const bytes = { value: 0 };
      const key = { value: 0 };
      const done = { value: null as Overlapped | null };
      for (;;) {
        await w.win32.GetQueuedCompletionStatus(port, bytes, key, done, INFINITE);
        const op = done.value as Op;
        if (op.kind === 'recv') {
          if (bytes.value === 0) await w.close(op.sock); // the client closed
          else await w.win32.WSASend(op.sock, op.buf, bytes.value, { kind: 'send', sock: op.sock, buf: op.buf } as Op);
        } else {
          await w.win32.WSARecv(op.sock, op.buf, op.buf.length, { kind: 'recv', sock: op.sock, buf: op.buf } as Op);
        }
      }
    }, `worker ${i + 1}`);
  }

  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 64);
  for (;;) {
    const sock = await sys.accept(listener);
    await win.CreateIoCompletionPort(sock, port, sock, 0); // its completions go to our port
    const buf = new Uint8Array(1024); // supplied now, filled whenever data arrives
    await win.WSARecv(sock, buf, buf.length, { kind: 'recv', sock, buf } as Op);
  }
}
