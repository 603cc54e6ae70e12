// Statistics of a run, computed from its trace events alone.

import type { TraceEvent } from './event.js';

export interface CpuTime {
  user: number;
  system: number;
  irq: number;
  softirq: number;
  idle: number;
}

export interface Stats {
  /** Virtual time covered, ns. */
  duration: number;
  cpus: number;
  /** CPU time summed over all CPUs, ns. */
  cpu: CpuTime;
  syscalls: number;
  syscallsByName: Record<string, number>;
  /** Failed system calls by errno name. */
  errors: Record<string, number>;
  bytesToUser: number;
  bytesFromUser: number;
  copies: number;
  contextSwitches: number;
  wakeups: number;
  /** Total time threads spent asleep on wait queues, ns. */
  blockedTime: number;
}

export function computeStats(run: { events: readonly TraceEvent[]; end: number; cpus: number }): Stats {
  const s: Stats = {
    duration: run.end,
    cpus: run.cpus,
    cpu: { user: 0, system: 0, irq: 0, softirq: 0, idle: 0 },
    syscalls: 0,
    syscallsByName: {},
    errors: {},
    bytesToUser: 0,
    bytesFromUser: 0,
    copies: 0,
    contextSwitches: 0,
    wakeups: 0,
    blockedTime: 0,
  };
  for (const e of run.events) {
    switch (e.cat) {
      case 'syscall':
        s.syscalls++;
        s.syscallsByName[e.name] = (s.syscallsByName[e.name] ?? 0) + 1;
        if (e.errno) s.errors[e.errno] = (s.errors[e.errno] ?? 0) + 1;
        break;
      case 'user':
        s.cpu.user += e.dur;
        break;
      case 'kernel':
        s.cpu.system += e.dur;
        break;
      case 'sched':
        if (e.cpu !== undefined) {
          s.cpu.system += e.dur;
          s.contextSwitches++;
        }
        break;
      case 'irq':
        s.cpu.irq += e.dur;
        break;
      case 'softirq':
        s.cpu.softirq += e.dur;
        break;
      case 'copy':
        s.copies++;
        if (e.name === 'copy_to_user') s.bytesToUser += e.bytes ?? 0;
        else s.bytesFromUser += e.bytes ?? 0;
        break;
      case 'wakeup':
        s.wakeups++;
        break;
      case 'wait':
        s.blockedTime += e.dur;
        break;
    }
  }
  const busy = s.cpu.user + s.cpu.system + s.cpu.irq + s.cpu.softirq;
  s.cpu.idle = Math.max(0, run.end * run.cpus - busy);
  return s;
}
