// The descriptor table as trace events, so that a view can draw any process's fd
// table and its open file descriptions at any moment (the fd-table inspector) by
// replaying the trace. Nothing in the kernel reads these events back.
//
// Events (category 'io', instants, with the process's pid):
// - 'fd open':  a descriptor now points at an open file description
//               (detail: fd, ofd — a number naming the description within the run,
//               file — what /proc/PID/fd would show, kind, flags, cloexec);
// - 'fd close': the descriptor is free again (detail: fd);
// - 'file flags': an open file description's status flags changed, e.g. by
//               fcntl(F_SETFL) or ioctl(FIONBIO) (detail: ofd, flags).

import type { Kernel } from './kernel.js';
import type { Process } from './task.js';
import type { OpenFile } from './file.js';
import { openFlags } from '../trace/format-args.js';

/** Numbers for open file descriptions, per kernel (so the same program always gets the same numbers). */
const ofdIds = new WeakMap<Kernel, { next: number; ids: WeakMap<OpenFile, number> }>();

export function ofdId(k: Kernel, f: OpenFile): number {
  let m = ofdIds.get(k);
  if (!m) ofdIds.set(k, (m = { next: 1, ids: new WeakMap() }));
  let id = m.ids.get(f);
  if (id === undefined) m.ids.set(f, (id = m.next++));
  return id;
}

/** Start recording `p`'s descriptor table; descriptors it already holds (fork) are recorded as opened now. */
export function traceFdTable(k: Kernel, p: Process): void {
  const emit = (fd: number, f: OpenFile | null, cloexec = false) =>
    k.emit(
      f
        ? { t: k.now, dur: 0, cat: 'io', name: 'fd open', pid: p.pid, detail: { fd, ofd: ofdId(k, f), file: f.obj.describe(), kind: f.obj.kind, flags: openFlags(f.flags), cloexec } }
        : { t: k.now, dur: 0, cat: 'io', name: 'fd close', pid: p.pid, detail: { fd } },
    );
  p.fds.onChange = (fd, e) => emit(fd, e?.file ?? null, e?.cloexec);
  for (const [fd, e] of p.fds.entries()) emit(fd, e.file, e.cloexec);
}

/** An open file description's status flags changed (fcntl F_SETFL, ioctl FIONBIO). */
export function traceFileFlags(k: Kernel, f: OpenFile, pid: number): void {
  k.emit({ t: k.now, dur: 0, cat: 'io', name: 'file flags', pid, detail: { ofd: ofdId(k, f), flags: openFlags(f.flags) } });
}
