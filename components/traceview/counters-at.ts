// The counters as they stood at the cursor: what had happened by time T (CPU time
// clipped at T), computed from the trace prefix.

import type { TraceModel } from './model';
import { upperBound } from '../inspect/timeline-order';

export interface CountersAt {
  t: number;
  syscalls: number;
  failed: number;
  switches: number;
  copied: number;
  user: number;
  system: number;
  interrupts: number;
  idle: number;
}

export function countersAt(m: TraceModel, t: number): CountersAt {
  const c: CountersAt = { t, syscalls: 0, failed: 0, switches: 0, copied: 0, user: 0, system: 0, interrupts: 0, idle: 0 };
  const end = upperBound(m.sorted, t);
  for (let i = 0; i < end; i++) {
    const e = m.sorted[i]!;
    const d = Math.max(0, Math.min(e.dur, t - e.t));
    switch (e.cat) {
      case 'syscall':
        c.syscalls++;
        if (e.errno && e.t + e.dur <= t) c.failed++;
        break;
      case 'user':
        c.user += d;
        break;
      case 'kernel':
        c.system += d;
        break;
      case 'sched':
        if (e.cpu !== undefined) {
          c.switches++;
          c.system += d;
        }
        break;
      case 'irq':
      case 'softirq':
        c.interrupts += d;
        break;
      case 'copy':
        if (e.t + e.dur <= t) c.copied += e.bytes ?? 0;
        break;
    }
  }
  c.idle = Math.max(0, t * m.run.cpus - c.user - c.system - c.interrupts);
  return c;
}
