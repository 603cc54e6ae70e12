// A solution to the exercise on send-buffer.ts: a smaller receive buffer for the
// reader (set on the listening socket, whose connections inherit it) makes the
// reader's window smaller, so the writer hits EAGAIN sooner.
//
// The send side: a non-blocking writer whose peer does not read. write() only copies
// bytes into the kernel; TCP carries them to the peer's receive buffer as long as the
// peer has room. When both buffers are full, write() first comes up short (a partial
// write), then answers -1 EAGAIN. As soon as the peer reads, there is room again.
import {
  type Sys, type World, AF_INET, SOCK_STREAM, SOCK_NONBLOCK, SOL_SOCKET, SO_SNDBUF, SO_RCVBUF, EAGAIN, ms,
} from 'inside-io';

export const world: World = { cpus: 1, until: ms(1) };

export async function main(sys: Sys) {
  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '127.0.0.1', port: 8080 });
  // A connection accepted from this listener takes its buffer sizes from it.
  await sys.setsockopt(listener, SOL_SOCKET, SO_RCVBUF, 8192); // 8 KiB asked, 16 KiB given
  await sys.listen(listener, 8);
  const writer = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
  await sys.connect(writer, { addr: '127.0.0.1', port: 8080 }); // -1 EINPROGRESS: see later in the chapter
  const reader = await sys.accept(listener);

  const size = { value: 0 };
  await sys.getsockopt(writer, SOL_SOCKET, SO_SNDBUF, size); // the writer's send buffer
  await sys.getsockopt(reader, SOL_SOCKET, SO_RCVBUF, size); // the reader's receive buffer

  const chunk = 'x'.repeat(32 * 1024); // 32 KiB per write()
  let total = 0;
  for (;;) {
    const n = await sys.write(writer, chunk);
    if (n === -1 && sys.errno === EAGAIN) break; // both buffers are full
    total += n; // n may be less than chunk.length: keep the rest for later!
  }
  console.log(`accepted ${total} bytes before EAGAIN`);

  await sys.read(reader, new Uint8Array(64 * 1024)); // the peer finally reads 64 KiB...
  const n = await sys.write(writer, chunk); // ...and there is room again
  console.log(`then write() took ${n} more`);
}
