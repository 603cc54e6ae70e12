// The same echo service as a Proactor (Pyarali, Harrison, Schmidt and Jordan, 1997):
// the program does not wait for readiness and then do the I/O itself; it *starts* each
// operation, with its buffer, and names the handler to run when the operation is done.
// The kernel performs it (here through io_uring) and queues a completion; a completion
// dispatcher takes completions and calls their handlers. Compare with reactor-echo.ts.
// @expect-stop time
import {
  type Sys, type World, type IoUring, AF_INET, SOCK_STREAM, ms, us,
  io_uring_prep_accept, io_uring_prep_recv, io_uring_prep_send,
} from 'inside-io';

export const world: World = {
  until: ms(5),
  clients: [{ count: 3, port: 8080, every: us(10), requests: 3, think: us(500) }],
};

type Completion = (res: number) => Promise<void> | void;

export async function main(sys: Sys) {
  const ring = (await sys.io_uring_queue_init(64))!;
  const completions = new Map<number, Completion>(); // user_data → completion handler
  let nextId = 1;

  // Initiators: start an operation and say what to do when it has completed.
  function start(prep: (sqe: ReturnType<IoUring['get_sqe']> & object) => void, then: Completion) {
    const sqe = ring.get_sqe()!;
    prep(sqe);
    sqe.user_data = nextId;
    completions.set(nextId++, then);
  }
  const accept = (then: Completion) => start((sqe) => io_uring_prep_accept(sqe, listener), then);
  const recv = (fd: number, buf: Uint8Array, then: Completion) => start((sqe) => io_uring_prep_recv(sqe, fd, buf, buf.length), then);
  const send = (fd: number, data: Uint8Array, then: Completion) => start((sqe) => io_uring_prep_send(sqe, fd, data, data.length), then);

  // Completion handlers: the application. When one runs, the data is already in the buffer.
  function serve(conn: number) {
    const buf = new Uint8Array(4096);
    recv(conn, buf, async (n) => {
      if (n <= 0) return void (await sys.close(conn)); // the client closed
      await sys.compute(us(20)); // the same 20 µs of work per request
      send(conn, buf.subarray(0, n), () => serve(conn)); // echo, then receive again
    });
  }
  function acceptNext() {
    accept((conn) => {
      serve(conn);
      acceptNext();
    });
  }

  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 128);
  acceptNext();

  // The completion dispatcher: submit what was started, wait for completions, run their handlers.
  for (;;) {
    await ring.submit_and_wait(1);
    for (let cqe = ring.peek_cqe(); cqe; cqe = ring.peek_cqe()) {
      const handler = completions.get(cqe.user_data)!;
      completions.delete(cqe.user_data);
      const res = cqe.res;
      ring.cqe_seen(cqe);
      await handler(res);
    }
  }
}
