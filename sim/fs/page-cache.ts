// The page cache (mm/filemap.c, mm/readahead.c, mm/page-writeback.c): a file's data
// in memory, one 4 KiB page at a time. A read that finds its pages costs only the copy
// to user space; a miss sends a read to the disk for the missing pages and a few
// more (readahead), and sleeps until the disk's interrupt marks them up to date. A
// write only copies into pages and marks them dirty; the disk sees it later, when
// fsync() (or, in Linux, the flusher thread or memory pressure) writes them back.

import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { WaitQueue } from '../kernel/waitqueue.js';
import { PAGE_SIZE } from '../kernel/flags.js';
import { MAX_REQUEST_BYTES, SECTOR_SIZE, type Plug, type RequestQueue } from '../hw/blk.js';

/** struct folio (one page here): its data and state bits. */
export class Page {
  readonly data = new Uint8Array(PAGE_SIZE);
  /** PG_uptodate: the data is valid. */
  uptodate = false;
  /** PG_locked: a read from the disk is in flight. */
  locked = false;
  dirty = false;
  /** PG_writeback: being written to the disk. */
  writeback = false;
  /** PG_readahead: reading this page means the reader is sequential; time to read further ahead. */
  readahead = false;
  /** Sleepers in folio_wait_locked / folio_wait_writeback. */
  readonly wait = new WaitQueue('folio wait');
  constructor(readonly index: number) {}
}

/** file_ra_state: the readahead window of one open file. */
export interface Readahead {
  start: number;
  size: number;
  /** prev_pos as a page index: the page just past the last read (undefined: nothing read yet). */
  prev?: number;
}

/** Readahead's largest window: read_ahead_kb = 128 (32 pages). */
const RA_MAX_PAGES = 32;

/** get_init_ra_size(): a first miss reads 4× (small reads) or 2× the request, up to the maximum. */
function initialWindow(reqPages: number): number {
  let n = 1;
  while (n < reqPages) n *= 2;
  if (n <= RA_MAX_PAGES / 32) return n * 4;
  if (n <= RA_MAX_PAGES / 4) return n * 2;
  return RA_MAX_PAGES;
}

/** struct address_space: the cached pages of one file, and where its blocks are on the disk. */
export class AddressSpace {
  readonly pages = new Map<number, Page>();
  constructor(
    private readonly k: Kernel,
    readonly queue: RequestQueue,
    /** The file's first sector: its blocks are contiguous from there. */
    readonly baseSector: number,
  ) {}

  /** Sector of a byte offset in the file. */
  sectorOf(pos: number): number {
    return this.baseSector + pos / SECTOR_SIZE;
  }

  /**
   * filemap_get_pages(): make pages [first, last] present, reading what is missing
   * (and the readahead window) with one bio per run of consecutive pages, and start
   * asynchronous readahead when a marked page is reached. Does not wait.
   */
  *getPages(t: Thread, first: number, last: number, lastFilePage: number, ra: Readahead): KGen<Page[]> {
    const k = this.k;
    yield* work(k.costs.pageCacheLookup * (last - first + 1));
    const missing = [];
    for (let i = first; i <= last; i++) if (!this.pages.has(i)) missing.push(i);
    const plug: Plug = { bios: [] };
    if (missing.length > 0) {
      const start = missing[0]!;
      const req = last - start + 1;
      if (this.looksSequential(start, req, ra)) {
        // page_cache_sync_ra(): a new window starting at the first miss.
        // (It always covers what was asked; what it reads beyond is marked for async readahead.)
        ra.start = start;
        ra.size = Math.max(initialWindow(req), req);
        const end = Math.min(lastFilePage, start + ra.size - 1);
        const marker = last + 1;
        yield* this.readRange(t, start, end, marker <= end ? marker : -1, plug);
      } else {
        // "Standalone, small random read. Read as is, and do not pollute the readahead state."
        yield* this.readRange(t, start, last, -1, plug);
      }
    }
    const out: Page[] = [];
    for (let i = first; i <= last; i++) {
      const p = this.pages.get(i)!;
      if (p.readahead) {
        // page_cache_async_ra(): the reader got here, so read the next window now, without waiting for it.
        p.readahead = false;
        const start = ra.start + ra.size;
        ra.start = start;
        ra.size = Math.min(RA_MAX_PAGES, ra.size * 2);
        const end = Math.min(lastFilePage, start + ra.size - 1);
        if (start <= end) yield* this.readRange(t, start, end, start, plug);
      }
      out.push(p);
    }
    if (plug.bios.length > 0) this.queue.flush(plug, t.cpu?.id ?? 0);
    return out;
  }

  /**
   * page_cache_sync_ra()'s test: the start of the file, a large read, or a read right
   * after the previous one (index - prev_index <= 1) is sequential; otherwise it is one
   * only if the pages just before it are cached, more of them than the read asks for
   * (page_cache_prev_miss: the trace a sequential reader leaves behind).
   */
  private looksSequential(start: number, req: number, ra: Readahead): boolean {
    if (start === 0 || req > RA_MAX_PAGES) return true;
    if (ra.prev !== undefined && start - ra.prev >= 0 && start - ra.prev <= 1) return true;
    let contig = 0;
    while (contig < RA_MAX_PAGES && start - contig - 1 >= 0 && this.pages.has(start - contig - 1)) contig++;
    return contig > req;
  }

  /** Read pages [start, end] that are not cached: lock them and send bios for each consecutive run. */
  private *readRange(t: Thread, start: number, end: number, marker: number, plug: Plug): KGen<void> {
    let run: Page[] = [];
    let bios = 0;
    const send = (): void => {
      if (run.length === 0) return;
      const pages = run;
      run = [];
      bios++;
      this.queue.submit({
        op: 'read',
        sector: this.sectorOf(pages[0]!.index * PAGE_SIZE),
        bytes: pages.length * PAGE_SIZE,
        segments: pages.map((p) => ({ buf: p.data, off: 0, len: PAGE_SIZE })),
        endio: (err) => this.readDone(pages, err),
      }, t.cpu?.id ?? 0, plug);
    };
    for (let i = start; i <= end; i++) {
      if (this.pages.has(i)) {
        send();
        continue;
      }
      if (run.length * PAGE_SIZE >= MAX_REQUEST_BYTES) send();
      const p = new Page(i);
      p.locked = true;
      p.readahead = i === marker;
      this.pages.set(i, p);
      run.push(p);
    }
    send();
    yield* work(this.k.costs.blockSubmit * bios);
  }

  /** The read bio's end (in the BLOCK softirq): the pages are valid; wake their waiters. */
  private *readDone(pages: Page[], err: number): KGen<void> {
    for (const p of pages) {
      p.locked = false;
      p.uptodate = err === 0;
      yield* this.k.wakeUp(p.wait, undefined, Infinity);
    }
  }

  /** folio_wait_locked(): sleep until a page's read has finished. */
  *waitUptodate(t: Thread, p: Page): KGen<void> {
    while (p.locked) yield* this.k.sleepOn(t, p.wait, 'folio_wait_locked');
  }

  /** Write back dirty pages in [first, last] (all when omitted) and wait for them (filemap_write_and_wait_range). */
  *writeAndWait(t: Thread, first = 0, last = Infinity): KGen<number> {
    const dirty = [...this.pages.values()].filter((p) => p.dirty && p.index >= first && p.index <= last).sort((a, b) => a.index - b.index);
    const plug: Plug = { bios: [] };
    let bios = 0;
    let i = 0;
    while (i < dirty.length) {
      const run = [dirty[i]!];
      while (i + run.length < dirty.length && dirty[i + run.length]!.index === run[run.length - 1]!.index + 1 && run.length * PAGE_SIZE < MAX_REQUEST_BYTES) run.push(dirty[i + run.length]!);
      i += run.length;
      for (const p of run) {
        p.dirty = false;
        p.writeback = true;
      }
      bios++;
      this.queue.submit({
        op: 'write',
        sector: this.sectorOf(run[0]!.index * PAGE_SIZE),
        bytes: run.length * PAGE_SIZE,
        segments: run.map((p) => ({ buf: p.data, off: 0, len: PAGE_SIZE })),
        endio: (err) => this.writeDone(run, err),
      }, t.cpu?.id ?? 0, plug);
    }
    yield* work(this.k.costs.blockSubmit * bios);
    if (bios > 0) this.queue.flush(plug, t.cpu?.id ?? 0);
    for (const p of dirty) while (p.writeback) yield* this.k.sleepOn(t, p.wait, 'folio_wait_writeback');
    return dirty.length;
  }

  private *writeDone(pages: Page[], err: number): KGen<void> {
    for (const p of pages) {
      p.writeback = false;
      if (err) p.dirty = true;
      yield* this.k.wakeUp(p.wait, undefined, Infinity);
    }
  }

  /** Drop cached pages in [first, last] (invalidate_inode_pages2_range, after a direct write). */
  invalidate(first: number, last: number): void {
    for (const [i, p] of this.pages) if (i >= first && i <= last && !p.dirty && !p.writeback && !p.locked) this.pages.delete(i);
  }

  get dirtyCount(): number {
    let n = 0;
    for (const p of this.pages.values()) if (p.dirty) n++;
    return n;
  }
}
