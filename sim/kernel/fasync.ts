// Signal-driven I/O (fs/fcntl.c: f_setown, fasync_helper, kill_fasync, send_sigio).
// fcntl(fd, F_SETOWN, pid) names the process to signal; setting O_ASYNC with F_SETFL
// puts the file on its "fasync" list; from then on, every time the file's wait queue is
// woken (data arrived, space freed, the peer closed) the owner is sent SIGIO. The
// signal says only that something happened on some descriptor: not which, nor what;
// and a signal already pending is not queued twice, so bursts collapse into one.

import type { Kernel } from './kernel.js';
import type { OpenFile } from './file.js';
import type { WaitEntry, WaitQueue } from './waitqueue.js';
import { SIGIO } from './flags.js';

interface Fasync {
  owner: number;
  entries: WaitEntry[] | null;
}

const state = new WeakMap<OpenFile, Fasync>();

function of(f: OpenFile): Fasync {
  let s = state.get(f);
  if (!s) state.set(f, (s = { owner: 0, entries: null }));
  return s;
}

/** F_SETOWN: the process (pid > 0) that gets SIGIO for this open file. */
export function setOwner(f: OpenFile, pid: number): void {
  of(f).owner = pid;
}

/** F_GETOWN. */
export function getOwner(f: OpenFile): number {
  return state.get(f)?.owner ?? 0;
}

/** ->fasync(on): O_ASYNC was set or cleared; hook onto (or off) the file's wait queues. */
export function setFasync(k: Kernel, f: OpenFile, on: boolean): void {
  const s = of(f);
  if (!on) {
    for (const e of s.entries ?? []) e.queue?.remove(e);
    s.entries = null;
    return;
  }
  if (s.entries || !f.obj.poll) return;
  const entries: WaitEntry[] = [];
  f.obj.poll(k, f, {
    wait(q: WaitQueue): void {
      const e: WaitEntry = { exclusive: false, queue: null, func: () => (killFasync(k, f), false) };
      q.add(e);
      entries.push(e);
    },
  });
  s.entries = entries;
}

/** kill_fasync → send_sigio(): signal the owner, if there is one. */
function killFasync(k: Kernel, f: OpenFile): void {
  const owner = state.get(f)?.owner ?? 0;
  if (owner <= 0 || f.refs === 0) return;
  const p = k.processes.find((x) => x.pid === owner && !x.exited);
  if (p) k.signalProcess(p, SIGIO);
}
