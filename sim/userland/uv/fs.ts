// File system requests and lookups on the thread pool (src/unix/fs.c, getaddrinfo.c,
// threadpool.c uv_queue_work): the blocking call runs on a worker thread; its callback
// runs on the loop's thread, in the poll phase.

import type { Sys } from '../../sys.js';
import type { UvLoop } from './loop.js';

/** uv_fs_open(). The callback gets the descriptor, or -errno. */
export function fsOpen(loop: UvLoop, path: string, flags: number, cb: (fd: number) => unknown): Promise<void> {
  return loop.pool.submit(async (w) => ret(w, await w.open(path, flags)), (r) => cb(r as number));
}

/** uv_fs_read(): pread on a worker. The callback gets the byte count, or -errno. */
export function fsRead(loop: UvLoop, fd: number, buf: Uint8Array, offset: number, cb: (n: number) => unknown): Promise<void> {
  return loop.pool.submit(async (w) => ret(w, await w.pread(fd, buf, buf.length, offset)), (r) => cb(r as number));
}

/** uv_fs_write(). */
export function fsWrite(loop: UvLoop, fd: number, data: Uint8Array, offset: number, cb: (n: number) => unknown): Promise<void> {
  return loop.pool.submit(async (w) => ret(w, await w.pwrite(fd, data, data.length, offset)), (r) => cb(r as number));
}

/** uv_fs_close(). */
export function fsClose(loop: UvLoop, fd: number, cb: (r: number) => unknown): Promise<void> {
  return loop.pool.submit(async (w) => ret(w, await w.close(fd)), (r) => cb(r as number));
}

/**
 * uv_getaddrinfo(): the resolver's blocking lookup on a worker. The simulated machine has
 * no DNS server: the lookup takes `latency` ns (default 2 ms, a nearby resolver) and
 * answers with an address from TEST-NET-2.
 */
export function getaddrinfo(loop: UvLoop, name: string, cb: (addr: string) => unknown, latency = 2_000_000): Promise<void> {
  return loop.pool.submit(async (w) => {
    await w.nanosleep(latency);
    let h = 0;
    for (const c of name) h = (h * 31 + c.charCodeAt(0)) % 254;
    return `198.51.100.${h + 1}`;
  }, (addr) => cb(addr as string));
}

/** uv_queue_work(): your own function on a worker, then `after` on the loop. */
export function queueWork(loop: UvLoop, work: (worker: Sys) => Promise<unknown>, after: (result: unknown) => unknown): Promise<void> {
  return loop.pool.submit(work, after);
}

function ret(w: Sys, r: number): number {
  return r < 0 ? -w.errno : r;
}
