// Events in words: the narration read out at the cursor ("t=1.2 ms: main (thread 1)
// calls read(3, …, 64) — no data yet: returns -1 EAGAIN") and the tooltip's details.

import { formatDuration, strerrorByName, type TraceEvent } from 'inside-io';
import { traceStrings as S } from '../strings';

export interface Names {
  threadName: Map<number, string>;
}

function who(e: TraceEvent, n: Names): string {
  if (e.tid === undefined) return e.pid !== undefined ? S.process(e.pid) : S.kernel;
  return S.thread(n.threadName.get(e.tid) ?? '', e.tid);
}

function tidWord(text: unknown, n: Names): string {
  const m = /^tid (\d+)$/.exec(String(text ?? ''));
  if (!m) return String(text ?? '?');
  const tid = Number(m[1]);
  return S.thread(n.threadName.get(tid) ?? '', tid);
}

function callText(e: TraceEvent): string {
  return `${e.name}(${(e.args ?? []).join(', ')})`;
}

function result(e: TraceEvent): string {
  if (e.detail?.unfinished) return S.unfinished;
  if (e.ret === undefined) return S.noReturn;
  if (e.errno) return S.returnsError(e.errno, strerrorByName(e.errno));
  return S.returns(e.ret, formatDuration(e.dur));
}

/** One sentence about the event, without its time. */
export function sentence(e: TraceEvent, n: Names): string {
  const d = e.detail ?? {};
  switch (e.cat) {
    case 'syscall':
      return S.calls(who(e, n), callText(e), result(e));
    case 'wait':
      return d.unfinished ? S.asleepUnfinished(who(e, n), e.name) : S.asleep(who(e, n), e.name, formatDuration(e.dur), tidWord(d.woken_by, n));
    case 'wakeup':
      return S.wakes(tidWord(d.by, n), who(e, n), e.name === 'timeout');
    case 'sched':
      return e.cpu !== undefined ? S.switchTo(e.cpu, tidWord(`tid ${d.next ?? e.tid}`, n), formatDuration(e.dur)) : S.runnable(who(e, n), formatDuration(e.dur));
    case 'copy':
      return S.copy(who(e, n), e.bytes ?? 0, e.name === 'copy_to_user', formatDuration(e.dur));
    case 'irq':
      return S.irq(e.cpu ?? 0, e.name, formatDuration(e.dur));
    case 'softirq':
      return S.softirq(e.cpu ?? 0, e.name, formatDuration(e.dur));
    case 'dma':
    case 'device':
      return S.device(String(d.device ?? e.name), e.name, formatDuration(e.dur));
    case 'user':
      return S.user(who(e, n), formatDuration(e.dur));
    case 'kernel':
      return S.kernelMode(who(e, n), formatDuration(e.dur));
    case 'io':
      return ioSentence(e, n);
    case 'note':
      return d.message ? `${e.name}: ${String(d.message)}` : S.note(e.name, who(e, n));
  }
}

function ioSentence(e: TraceEvent, n: Names): string {
  const d = e.detail ?? {};
  switch (e.name) {
    case 'fd open':
      return S.fdOpen(e.pid ?? 0, Number(d.fd), String(d.file), String(d.flags), Number(d.ofd));
    case 'fd close':
      return S.fdClose(e.pid ?? 0, Number(d.fd));
    case 'file flags':
      return S.fileFlags(Number(d.ofd), String(d.flags));
    case 'pipe buffer':
      return S.pipeLevel(String(d.pipe), Number(d.len), Number(d.size));
    case 'sk buffer':
      return S.sockLevel(String(d.sock), Number(d.rcv), Number(d.snd));
    case 'epoll add':
    case 'epoll mod':
    case 'epoll del':
      return S.epollCtl(e.name.slice(6), Number(d.epfd), Number(d.fd), String(d.events ?? ''));
    case 'ready +':
      return S.readyAdd(Number(d.epfd), Number(d.fd));
    case 'ready -':
      return S.readyDel(Number(d.epfd), Number(d.fd));
    case 'select scan':
    case 'poll scan':
      return S.scan(who(e, n), e.name.split(' ')[0]!, Number(d.fds), Number(d.ready), formatDuration(e.dur));
    default:
      return `${e.name}${Object.keys(d).length ? ` (${Object.entries(d).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`;
  }
}

/** What the aria-live region says when the cursor lands on an event. */
export function narrate(e: TraceEvent, n: Names): string {
  return `t=${formatDuration(e.t)}: ${sentence(e, n)}`;
}

/** Tooltip: the sentence, then facts one per line. */
export function details(e: TraceEvent, n: Names): { title: string; facts: [string, string][] } {
  const facts: [string, string][] = [[S.factTime, formatDuration(e.t)]];
  if (e.dur > 0) facts.push([S.factDuration, formatDuration(e.dur)]);
  if (e.cpu !== undefined) facts.push([S.factCpu, String(e.cpu)]);
  if (e.cat === 'syscall') {
    facts.push([S.factCall, callText(e)]);
    facts.push([S.factResult, result(e)]);
  }
  if (e.bytes !== undefined) facts.push([S.factBytes, e.bytes.toLocaleString('en-US')]);
  if (e.line !== undefined) facts.push([S.factLine, String(e.line)]);
  if (e.detail?.woken_by !== undefined) facts.push([S.factWokenBy, tidWord(e.detail.woken_by, n)]);
  if (e.detail?.by !== undefined) facts.push([S.factWokenBy, tidWord(e.detail.by, n)]);
  return { title: sentence(e, n), facts };
}
