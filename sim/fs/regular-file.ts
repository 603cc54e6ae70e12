// Regular files on the disk (what ext4 would do, minus everything about directories,
// journals and allocation): read and write go through the page cache
// (generic_file_read_iter → filemap_read, generic_perform_write), or, with O_DIRECT,
// straight between the disk and the caller's buffer by DMA (iomap_dio_rw).
// Each file's blocks are contiguous on the disk, starting at its own base sector.

import type { FileObject, OpenFile } from '../kernel/file.js';
import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { WaitQueue } from '../kernel/waitqueue.js';
import { EFBIG, EINVAL } from '../kernel/errno.js';
import { O_APPEND, O_DIRECT, PAGE_SIZE } from '../kernel/flags.js';
import { copyFromUser, copyToUser } from '../kernel/uaccess.js';
import { SECTOR_SIZE, type Plug } from '../hw/blk.js';
import type { Disk } from '../hw/disk.js';
import { AddressSpace, Page, type Readahead } from './page-cache.js';
import type { VfsNode } from './vfs.js';

export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;

/** Room each file has on the disk: 256 MiB, the largest a file may grow here. */
export const MAX_FILE_SIZE = 256 * 1024 * 1024;
/** The first file starts 1 MiB into the disk, as partitions usually do. */
const FIRST_SECTOR = 2048;

/** struct inode of a regular file. */
export class Inode implements VfsNode {
  readonly kind = 'reg';
  size = 0;
  readonly mapping: AddressSpace;
  constructor(
    readonly fs: DiskFs,
    readonly ino: number,
    readonly path: string,
  ) {
    this.mapping = new AddressSpace(fs.k, fs.disk.queue, FIRST_SECTOR + (ino - 1) * (MAX_FILE_SIZE / SECTOR_SIZE));
  }

  open(k: Kernel): FileObject {
    return new RegularFile(k, this);
  }
}

/** The file system on the disk: creates files and fills in the world's files. */
export class DiskFs {
  private nextIno = 1;
  constructor(
    readonly k: Kernel,
    readonly disk: Disk,
  ) {}

  create(path: string): Inode {
    const inode = new Inode(this, this.nextIno++, path);
    this.k.vfs.add(path, inode);
    return inode;
  }

  /** A file of the world: its bytes are on the disk; with `cached`, also already in the page cache. */
  populate(path: string, content: Uint8Array, cached: boolean): Inode {
    const inode = this.create(path);
    inode.size = content.length;
    const m = inode.mapping;
    this.disk.store.write(m.baseSector, content, 0, content.length);
    if (cached) {
      for (let i = 0; i * PAGE_SIZE < content.length; i++) {
        const p = new Page(i);
        p.data.set(content.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE));
        p.uptodate = true;
        m.pages.set(i, p);
      }
    }
    return inode;
  }
}

/** The inode behind a file object, if it is a regular file on the disk. */
export function inodeOf(obj: FileObject): Inode | null {
  return obj instanceof RegularFile ? obj.inode : null;
}

/** Are all the pages of [pos, pos + count) in the page cache and up to date? (A read would not block.) */
export function isCached(inode: Inode, pos: number, count: number): boolean {
  const m = inode.mapping;
  for (let i = Math.floor(pos / PAGE_SIZE); i * PAGE_SIZE < Math.min(pos + count, inode.size); i++) {
    const p = m.pages.get(i);
    if (!p || !p.uptodate) return false;
  }
  return true;
}

/**
 * Start reading [pos, pos + count) into the page cache without waiting (the first half
 * of filemap_read with IOCB_NOWAIT... and readahead); returns the pages to wait for.
 */
export function* prefetch(t: Thread, f: OpenFile, pos: number, count: number): KGen<Page[]> {
  const inode = inodeOf(f.obj);
  if (!inode || count === 0 || pos >= inode.size) return [];
  const n = Math.min(count, inode.size - pos);
  const first = Math.floor(pos / PAGE_SIZE);
  const last = Math.floor((pos + n - 1) / PAGE_SIZE);
  return yield* inode.mapping.getPages(t, first, last, Math.floor((inode.size - 1) / PAGE_SIZE), raOf(f));
}

/** Per open file readahead state (struct file_ra_state lives in struct file). */
const raStates = new WeakMap<OpenFile, Readahead>();
function raOf(f: OpenFile): Readahead {
  let ra = raStates.get(f);
  if (!ra) raStates.set(f, (ra = { start: 0, size: 0 }));
  return ra;
}

/** No ->poll: select and poll report a regular file always ready (DEFAULT_POLLMASK); epoll refuses it (EPERM). */
class RegularFile implements FileObject {
  readonly kind = 'file';
  constructor(
    private readonly k: Kernel,
    readonly inode: Inode,
  ) {}

  describe(): string {
    return this.inode.path;
  }

  *read(k: Kernel, t: Thread, f: OpenFile, buf: Uint8Array, count: number): KGen<number> {
    const n = yield* this.readAt(k, t, f, buf, count, f.pos);
    if (n > 0) f.pos += n;
    return n;
  }

  *write(k: Kernel, t: Thread, f: OpenFile, data: Uint8Array, count: number): KGen<number> {
    const pos = f.flags & O_APPEND ? this.inode.size : f.pos;
    const n = yield* this.writeAt(k, t, f, data, count, pos);
    if (n > 0) f.pos = pos + n;
    return n;
  }

  /** pread64 / the read half of read(): through the page cache, or direct. */
  *readAt(k: Kernel, t: Thread, f: OpenFile, buf: Uint8Array, count: number, pos: number): KGen<number> {
    yield* work(k.costs.fileOp);
    if (pos < 0) return -EINVAL;
    if (f.flags & O_DIRECT) return yield* syncDirect(k, t, this.inode, 'read', pos, buf, count);
    return yield* this.bufferedRead(t, f, buf, count, pos);
  }

  *writeAt(k: Kernel, t: Thread, f: OpenFile, data: Uint8Array, count: number, pos: number): KGen<number> {
    yield* work(k.costs.fileOp);
    if (pos < 0) return -EINVAL;
    if (pos + count > MAX_FILE_SIZE) return -EFBIG;
    if (f.flags & O_DIRECT) return yield* syncDirect(k, t, this.inode, 'write', pos, data, count);
    return yield* this.bufferedWrite(t, data, count, pos);
  }

  /** filemap_read(): find or read the pages, wait for them, copy out. */
  private *bufferedRead(t: Thread, f: OpenFile, buf: Uint8Array, count: number, pos: number): KGen<number> {
    const inode = this.inode;
    if (count === 0 || pos >= inode.size) return 0;
    const n = Math.min(count, inode.size - pos);
    const first = Math.floor(pos / PAGE_SIZE);
    const last = Math.floor((pos + n - 1) / PAGE_SIZE);
    const lastFilePage = Math.floor((inode.size - 1) / PAGE_SIZE);
    const pages = yield* inode.mapping.getPages(t, first, last, lastFilePage, raOf(f));
    for (const p of pages) yield* inode.mapping.waitUptodate(t, p);
    let done = 0;
    for (const p of pages) {
      const from = Math.max(pos, p.index * PAGE_SIZE);
      const to = Math.min(pos + n, (p.index + 1) * PAGE_SIZE);
      buf.set(p.data.subarray(from - p.index * PAGE_SIZE, to - p.index * PAGE_SIZE), done);
      done += to - from;
    }
    yield* copyToUser(this.k, n);
    raOf(f).prev = Math.floor((pos + n) / PAGE_SIZE); // ra->prev_pos = last_pos
    return n;
  }

  /** generic_perform_write(): copy into page-cache pages and mark them dirty; no disk I/O. */
  private *bufferedWrite(t: Thread, data: Uint8Array, count: number, pos: number): KGen<number> {
    const inode = this.inode;
    const m = inode.mapping;
    if (count === 0) return 0;
    const first = Math.floor(pos / PAGE_SIZE);
    const last = Math.floor((pos + count - 1) / PAGE_SIZE);
    const lastFilePage = inode.size > 0 ? Math.floor((inode.size - 1) / PAGE_SIZE) : -1;
    // A page only partly overwritten must first be read, if the file has data there (read-modify-write).
    for (const i of new Set([first, last])) {
      const whole = pos <= i * PAGE_SIZE && pos + count >= (i + 1) * PAGE_SIZE;
      if (!whole && i <= lastFilePage && !m.pages.has(i)) {
        const [p] = yield* m.getPages(t, i, i, i, { start: 0, size: 0 });
        yield* m.waitUptodate(t, p!);
      }
    }
    yield* work(this.k.costs.pageCacheLookup * (last - first + 1));
    let done = 0;
    for (let i = first; i <= last; i++) {
      let p = m.pages.get(i);
      if (!p) {
        p = new Page(i);
        p.uptodate = true; // new or fully overwritten: nothing to read
        m.pages.set(i, p);
      }
      while (p.writeback) yield* this.k.sleepOn(t, p.wait, 'folio_wait_writeback');
      const from = Math.max(pos, i * PAGE_SIZE);
      const to = Math.min(pos + count, (i + 1) * PAGE_SIZE);
      p.data.set(data.subarray(done, done + to - from), from - i * PAGE_SIZE);
      p.dirty = true;
      done += to - from;
    }
    yield* copyFromUser(this.k, count);
    inode.size = Math.max(inode.size, pos + count);
    return count;
  }

  /** vfs_fsync_range(): write back the dirty pages and wait for the disk. */
  *fsync(_k: Kernel, t: Thread): KGen<number> {
    yield* this.inode.mapping.writeAndWait(t);
    return 0;
  }

  /** generic_file_llseek(). */
  llseek(f: OpenFile, offset: number, whence: number): number {
    const base = whence === SEEK_SET ? 0 : whence === SEEK_CUR ? f.pos : whence === SEEK_END ? this.inode.size : NaN;
    const pos = base + offset;
    if (!Number.isInteger(pos) || pos < 0) return -EINVAL;
    f.pos = pos;
    return pos;
  }

  /** O_TRUNC / ftruncate(): drop pages past the new end. */
  *truncate(k: Kernel, _t: Thread, _f: OpenFile, size: number): KGen<number> {
    yield* work(k.costs.fileOp);
    const m = this.inode.mapping;
    for (const [i, p] of m.pages) if (i * PAGE_SIZE >= size && !p.writeback && !p.locked) m.pages.delete(i);
    this.inode.size = size;
    return 0;
  }

}

/**
 * Start direct I/O (iomap_dio_rw): one bio between the disk and the caller's buffer.
 * The position, length and buffer must be aligned to the 512-byte logical block, or
 * it is EINVAL. Returns how many bytes it will transfer (0 at end of file, when `done`
 * is not called) or -errno; `done` runs in the BLOCK softirq with that count.
 */
export function* startDirect(k: Kernel, t: Thread, inode: Inode, op: 'read' | 'write', pos: number, buf: Uint8Array, count: number, done: (res: number) => KGen<void>, plug?: Plug): KGen<number> {
  if (pos % SECTOR_SIZE || count % SECTOR_SIZE || buf.byteOffset % SECTOR_SIZE) return -EINVAL;
  if (count === 0) return 0;
  const m = inode.mapping;
  const first = Math.floor(pos / PAGE_SIZE);
  const last = Math.floor((pos + count - 1) / PAGE_SIZE);
  // Cached dirty data in the range must reach the disk first (filemap_write_and_wait_range).
  yield* m.writeAndWait(t, first, last);
  let n = count;
  if (op === 'read') {
    if (pos >= inode.size) return 0;
    n = Math.min(count, inode.size - pos); // a short read at the end of the file
  }
  const io = Math.ceil(n / SECTOR_SIZE) * SECTOR_SIZE;
  if (op === 'write') {
    inode.size = Math.max(inode.size, pos + count);
    m.invalidate(first, last);
  }
  m.queue.submit(
    { op, sector: m.sectorOf(pos), bytes: io, segments: [{ buf, off: 0, len: io }], endio: () => done(n) },
    t.cpu?.id ?? 0,
    plug,
  );
  yield* work(k.costs.blockSubmit);
  return n;
}

/** Synchronous direct I/O: start it and sleep until the completion wakes us. */
function* syncDirect(k: Kernel, t: Thread, inode: Inode, op: 'read' | 'write', pos: number, buf: Uint8Array, count: number): KGen<number> {
  let result: number | null = null;
  const wq = new WaitQueue('dio');
  const n = yield* startDirect(k, t, inode, op, pos, buf, count, function* (res) {
    result = res;
    yield* k.wakeUp(wq);
  });
  if (n <= 0) return n;
  while (result === null) yield* k.sleepOn(t, wq, 'iomap_dio_rw');
  return result;
}
