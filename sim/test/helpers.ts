import { run, type RunResult, type Sys, type World, type TraceEvent } from 'inside-io';

/** Run a program; an exception inside it (a failed expect, say) fails the test. */
export async function sim(main: (sys: Sys) => Promise<unknown>, world?: World): Promise<RunResult> {
  const r = await run(main, world);
  if (r.errors.length > 0) throw new Error(`the program threw: ${r.errors.map((e) => e.message).join('; ')}`);
  return r;
}

export function syscalls(r: RunResult, name?: string): TraceEvent[] {
  return r.events.filter((e) => e.cat === 'syscall' && (!name || e.name === name));
}

/** "read=5", "read=-1 EAGAIN": compact outcomes to compare. */
export function outcomes(r: RunResult, names?: string[]): string[] {
  return syscalls(r)
    .filter((e) => !names || names.includes(e.name))
    .sort((a, b) => a.t - b.t || a.seq - b.seq)
    .map((e) => `${e.name}=${e.ret}${e.errno ? ' ' + e.errno : ''}`);
}
