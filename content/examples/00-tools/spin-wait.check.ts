// The check for the spin-wait exercise, and the answers to its predictions. Each
// function reads a finished run; the page runs them on the reader's run.
import { syscalls, computeStats, type RunResult, type Verdict } from 'inside-io';

/** Goal: the message arrives, with at most 3 read() calls on the main thread. */
export function check(run: RunResult): Verdict {
  const reads = syscalls(run, { name: 'read', tid: 1 });
  const got = run.output.map((o) => o.text).join('');
  if (!got.includes('got: done')) return { ok: false, message: 'The message never arrived: the program must still print “got: done”.' };
  if (reads.length > 3) {
    const wasted = computeStats(run).cpu.system;
    return { ok: false, message: `Your reader made ${reads.length.toLocaleString('en-US')} read calls to get one message (the goal is at most 3), and they cost ${Math.round(wasted / 1000)} µs of system time.` };
  }
  return { ok: true, message: `One message, ${reads.length} read call${reads.length === 1 ? '' : 's'}: the reader slept until the writer woke it.` };
}

/** Prediction: how many times does read() return EAGAIN before the message arrives? */
export function eagainCount(run: RunResult) {
  const n = syscalls(run, { name: 'read', errno: 'EAGAIN' }).length;
  return { value: n, explain: `read() failed with EAGAIN ${n} times while the writer computed for 100 µs.` };
}

/** Prediction: which thread uses more CPU time, the reader that waits or the writer that works? */
export function busiestThread(run: RunResult) {
  const busy = new Map<number, number>();
  for (const e of run.events) if ((e.cat === 'kernel' || e.cat === 'user') && e.tid !== undefined) busy.set(e.tid, (busy.get(e.tid) ?? 0) + e.dur);
  const ranked = [...busy].sort((a, b) => b[1] - a[1]);
  const name = (tid: number) => run.threads.find((t) => t.tid === tid)?.name ?? `tid ${tid}`;
  const us = (ns: number) => `${Math.round(ns / 1000)} µs`;
  const [first, second] = ranked;
  return {
    value: name(first![0]),
    explain: `${name(first![0])} used ${us(first![1])} of CPU time${second ? `, ${name(second[0])} ${us(second[1])}` : ''}.`,
  };
}
