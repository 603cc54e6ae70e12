// The scenario format shared by the simulator's runner (run-sim.ts) and the real kernel's
// (real.py), and how outcomes are turned into comparable lines.
//
// A scenario is data: a list of steps naming descriptors ('a', 'b', 'ep'...) instead of
// numbers. Both runners return the same raw outcome for each step; `describe` turns it
// into one line such as "poll=2 a:POLLIN b:POLLNVAL", and the test compares the lines.

import { pollMaskName } from '../../sim/kernel/poll.js';
import { epollMaskName } from '../../sim/trace/format-net.js';

export type Step =
  | { op: 'pipe'; as: [string, string]; flags?: ['O_NONBLOCK'] }
  | { op: 'socketpair'; as: [string, string]; flags?: ['SOCK_NONBLOCK'] }
  | { op: 'socket'; as: string; flags?: ['SOCK_NONBLOCK'] }
  /** socket + bind(127.0.0.1:0) + listen(backlog); listen: false leaves a port where nobody listens. */
  | { op: 'listen'; as: string; backlog?: number; flags?: ['SOCK_NONBLOCK']; listen?: boolean }
  | { op: 'connect'; fd: string; to: string }
  | { op: 'accept'; fd: string; as: string; flags?: ['SOCK_NONBLOCK'] }
  | { op: 'close'; fd: string }
  | { op: 'dup'; fd: string; as: string }
  | { op: 'dup2'; fd: string; to: number; as: string }
  /** A descriptor for /dev/null (a file without ->poll). */
  | { op: 'devnull'; as: string }
  | { op: 'set_nonblock'; fd: string }
  | { op: 'getfl_nonblock'; fd: string }
  /** RLIMIT_NOFILE soft limit = highest named descriptor + 1 + extra. */
  | { op: 'limit_nofile'; extra?: number }
  | { op: 'raise_nofile'; value: number }
  | { op: 'sleep'; ms: number }
  | { op: 'write'; fd: string; bytes: number }
  | { op: 'read'; fd: string; count: number }
  | { op: 'recv'; fd: string; count: number; flags?: string[] }
  | { op: 'send'; fd: string; bytes: number; flags?: string[] }
  /** Write 4096-byte chunks (or `chunk`) until the call fails; exact: compare the total too. */
  | { op: 'fill'; fd: string; chunk?: number; exact?: boolean }
  /** Read until EAGAIN or EOF; exact: compare the total too. */
  | { op: 'drain'; fd: string; exact?: boolean }
  | { op: 'shutdown'; fd: string; how: 'SHUT_RD' | 'SHUT_WR' | 'SHUT_RDWR' }
  | { op: 'getsockopt'; fd: string; opt: 'SO_ERROR' | 'SO_SNDBUF' | 'SO_RCVBUF' | 'SO_TYPE' | 'SO_ACCEPTCONN' }
  | { op: 'setsockopt'; fd: string; opt: 'SO_SNDBUF' | 'SO_RCVBUF' | 'SO_REUSEADDR'; value: number }
  /** null sets are NULL pointers; nfds defaults to the highest descriptor + 1; setsize: bits in each set. */
  | { op: 'select'; r?: string[]; w?: string[]; e?: string[]; timeout_ms?: number | null; nfds?: number; setsize?: number }
  | { op: 'poll'; fds: { fd: string | number; events?: string[] }[]; timeout?: number }
  | { op: 'epoll_create'; as: string }
  /** data defaults to the target descriptor's number (reported back by name). */
  | { op: 'epoll_ctl'; ep: string; ctl: 'ADD' | 'MOD' | 'DEL' | number; fd: string; events?: string[]; data?: string }
  | { op: 'epoll_wait'; ep: string; max?: number; timeout?: number }
  /** Another thread: sleeps delay_ms, then runs its steps while the main thread goes on. */
  | { op: 'thread'; delay_ms: number; steps: Step[] };

export interface Scenario {
  name: string;
  /** What Linux behaviour it pins down. */
  about: string;
  steps: Step[];
}

/** What a runner reports for one step. */
export interface Outcome {
  ret: number;
  errno?: string;
  value?: number | string;
  bytes?: number;
  end?: string;
  sets?: { r?: string[]; w?: string[]; e?: string[] };
  revents?: number[];
  events?: [string, number][];
}

export interface RunOutcomes {
  main: Outcome[];
  threads: Outcome[][];
}

/** One comparable line per step. Where a number depends on kernel memory accounting, only its shape is kept. */
export function describe(step: Step, o: Outcome): string {
  const head = `${step.op}=${o.ret}${o.errno ? ' ' + o.errno : ''}`;
  if (o.errno) return head;
  switch (step.op) {
    case 'fill':
      return `${head} ${step.exact ? `${o.bytes} bytes` : (o.bytes ?? 0) > 0 ? 'some bytes' : 'nothing'} then ${o.end}`;
    case 'drain':
      return `${head} ${step.exact ? `${o.bytes} bytes` : (o.bytes ?? 0) > 0 ? 'some bytes' : 'nothing'} then ${o.end}`;
    case 'getsockopt':
    case 'getfl_nonblock':
      return `${head} value=${o.value}`;
    case 'select': {
      const s = o.sets ?? {};
      return `${head} r[${(s.r ?? []).join(' ')}] w[${(s.w ?? []).join(' ')}] e[${(s.e ?? []).join(' ')}]`;
    }
    case 'poll':
      return `${head} ${step.fds.map((p, i) => `${p.fd}:${pollMaskName(o.revents?.[i] ?? 0)}`).join(' ')}`;
    case 'epoll_wait':
      return `${head} ${(o.events ?? []).map(([name, mask]) => `${name}:${epollMaskName(mask)}`).join(' ')}`.trimEnd();
    default:
      return head;
  }
}

export function describeRun(sc: Scenario, r: RunOutcomes): string[] {
  const lines = sc.steps.map((s, i) => describe(s, r.main[i] ?? { ret: NaN, errno: 'MISSING' }));
  const threads = sc.steps.filter((s): s is Extract<Step, { op: 'thread' }> => s.op === 'thread');
  threads.forEach((th, i) => {
    th.steps.forEach((s, j) => lines.push(`thread ${i + 1}: ${describe(s, r.threads[i]?.[j] ?? { ret: NaN, errno: 'MISSING' })}`));
  });
  return lines;
}
