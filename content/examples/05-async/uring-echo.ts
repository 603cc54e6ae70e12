// An echo server on io_uring: one thread, one ring, and no accept(), recv() or send()
// system calls. Each thing we want done is an entry (SQE) we write into the shared
// submission ring: "accept a connection", "receive on this socket", "send this back".
// The kernel does it when it can and writes the result (CQE) into the completion ring.
// io_uring_enter() is called only to hand over new entries and to wait for results.
// @expect-stop time
import {
  type Sys, type World, type IoUring, AF_INET, SOCK_STREAM, us, ms,
  io_uring_prep_accept, io_uring_prep_recv, io_uring_prep_send,
} from 'inside-io';

export const world: World = {
  cpus: 2,
  until: ms(10),
  clients: [{ count: 8, port: 8080, requests: 5, requestSize: 256, think: us(300) }],
};

type Op = { kind: 'accept' } | { kind: 'recv' | 'send'; fd: number; buf: Uint8Array };
const ops = new Map<number, Op>(); // what each user_data stands for
let nextId = 1;

function queue(ring: IoUring, op: Op): void {
  const sqe = ring.get_sqe()!; // a slot in the shared submission ring
  if (op.kind === 'accept') io_uring_prep_accept(sqe, listener);
  else if (op.kind === 'recv') io_uring_prep_recv(sqe, op.fd, op.buf, op.buf.length);
  else io_uring_prep_send(sqe, op.fd, op.buf, op.buf.length);
  sqe.user_data = nextId;
  ops.set(nextId++, op);
}

let listener = -1;

export async function main(sys: Sys) {
  listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 64);
  const ring = (await sys.io_uring_queue_init(64))!;

  queue(ring, { kind: 'accept' });
  for (;;) {
    // One io_uring_enter(): hand over the new SQEs and wait until at least one CQE is there.
    await ring.submit_and_wait(1);
    // Then take every result that is ready, without entering the kernel.
    for (let cqe = ring.peek_cqe(); cqe; cqe = ring.peek_cqe()) {
      const op = ops.get(cqe.user_data)!;
      ops.delete(cqe.user_data);
      ring.cqe_seen(cqe);
      if (op.kind === 'accept') {
        queue(ring, { kind: 'recv', fd: cqe.res, buf: new Uint8Array(1024) }); // cqe.res: the new socket
        queue(ring, { kind: 'accept' }); // and keep accepting
      } else if (op.kind === 'recv') {
        if (cqe.res <= 0) await sys.close(op.fd); // the client closed
        else queue(ring, { kind: 'send', fd: op.fd, buf: op.buf.subarray(0, cqe.res) });
      } else {
        queue(ring, { kind: 'recv', fd: op.fd, buf: new Uint8Array(1024) });
      }
    }
  }
}
