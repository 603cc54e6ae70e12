// Inspectors as HTML: pictures of kernel data structures at one instant. The same
// function draws them into the page at build time (at the example's chosen moment)
// and in the browser at the trace view's cursor.

import { formatDuration, type RunResult } from 'inside-io';
import { esc } from '../trace/escape';
import { inspectStrings as S } from '../strings';
import { fdTableAt, buffersAt, epollAt, selectAt, runQueueAt, type BufferLevel, type SelectState } from './state';
import { formatBytes } from '../lab/format';

export const INSPECTORS = ['fdtable', 'buffers', 'epoll', 'select', 'runqueue'] as const;
export type InspectorKind = (typeof INSPECTORS)[number];

/** "fdtable, buffers" → ['fdtable', 'buffers']; unknown names are a mistake of the chapter and stop the build. */
export function parseInspect(list: string | undefined): InspectorKind[] {
  if (!list) return [];
  const names = list.split(/[\s,]+/).filter(Boolean);
  for (const n of names) if (!(INSPECTORS as readonly string[]).includes(n)) throw new Error(`inspect="${list}": unknown inspector "${n}" (use ${INSPECTORS.join(', ')}).`);
  return names as InspectorKind[];
}

type Run = Pick<RunResult, 'events' | 'cpus' | 'threads'>;

/** A colour slot per open file description, so descriptors sharing one are seen to share it. */
const swatch = (ofd: number) => `ofd-c${ofd % 8}`;

function fdTable(run: Run, t: number): string {
  const s = fdTableAt(run, t);
  if (s.processes.length === 0) return `<p class="insp-empty">${esc(S.noFds)}</p>`;
  const files = new Map(s.files.map((f) => [f.ofd, f]));
  const tables = s.processes
    .map((p) => {
      const rows = p.fds
        .map((slot) => {
          const f = files.get(slot.ofd)!;
          return `<tr><th scope="row">${slot.fd}${slot.cloexec ? ` <small title="${esc(S.cloexecTitle)}">CLOEXEC</small>` : ''}</th><td><span class="ofd-chip ${swatch(slot.ofd)}">#${slot.ofd}</span> <code>${esc(f.flags)}</code>${f.refs > 1 ? ` <small>${esc(S.refs(f.refs))}</small>` : ''}</td><td><code>${esc(slot.file)}</code></td></tr>`;
        })
        .join('');
      return `<table class="insp-fd"><caption>${esc(S.fdTableOf(p.name, p.pid))}</caption><thead><tr><th scope="col">fd</th><th scope="col">${esc(S.openFileDesc)}</th><th scope="col">${esc(S.object)}</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join('');
  return `<div class="insp-fd-wrap">${tables}</div>`;
}

function meter(label: string, used: number, max: number): string {
  const pct = max > 0 ? Math.min(100, (used / max) * 100) : 0;
  const text = S.bufferLevel(formatBytes(used), formatBytes(max));
  return `<div class="insp-meter-row"><span class="insp-meter-label">${esc(label)}</span><span class="insp-meter" role="img" aria-label="${esc(`${label}: ${text}`)}"><span style="width:${pct.toFixed(1)}%"></span></span><span class="insp-meter-text">${esc(text)}</span></div>`;
}

function buffer(b: BufferLevel): string {
  const rows = b.kind === 'pipe' ? meter(S.pipeData, b.rcv, b.rcvMax) : meter(S.receiveQueue, b.rcv, b.rcvMax) + meter(S.sendQueue, b.snd ?? 0, b.sndMax ?? 0);
  return `<div class="insp-buffer"><p class="insp-obj"><code>${esc(b.name)}</code></p>${rows}</div>`;
}

function buffers(run: Run, t: number): string {
  const list = buffersAt(run, t);
  return list.length ? list.map(buffer).join('') : `<p class="insp-empty">${esc(S.noBuffers)}</p>`;
}

function epoll(run: Run, t: number): string {
  const list = epollAt(run, t);
  if (list.length === 0) return `<p class="insp-empty">${esc(S.noEpoll)}</p>`;
  return list
    .map((ep) => {
      const interest = ep.interest.length
        ? ep.interest.map((i) => `<li class="insp-chip${ep.ready.includes(i.fd) ? ' is-ready' : ''}">fd ${i.fd} <small>${esc(i.events)}</small></li>`).join('')
        : `<li class="insp-empty">${esc(S.empty)}</li>`;
      const ready = ep.ready.length ? ep.ready.map((fd) => `<li class="insp-chip is-ready">fd ${fd}</li>`).join('') : `<li class="insp-empty">${esc(S.empty)}</li>`;
      return `<div class="insp-epoll"><p class="insp-obj">${esc(S.epollOf(ep.epfd, ep.pid))}</p><p class="insp-sub">${esc(S.interestSet)}</p><ul class="insp-chips">${interest}</ul><p class="insp-sub">${esc(S.readyList)}</p><ol class="insp-chips">${ready}</ol></div>`;
    })
    .join('');
}

function fdSetRow(label: string, nfds: number, set: number[], cls: string): string {
  const cells = Array.from({ length: Math.min(nfds, 64) }, (_, fd) => `<td class="${set.includes(fd) ? cls : ''}" title="fd ${fd}">${set.includes(fd) ? '●' : ''}</td>`).join('');
  return `<tr><th scope="row">${esc(label)}</th>${cells}</tr>`;
}

function selectOne(s: SelectState, names: Map<number, string>): string {
  const n = Math.min(s.nfds, 64);
  const head = `<tr><th scope="col">fd</th>${Array.from({ length: n }, (_, fd) => `<th scope="col">${fd}</th>`).join('')}</tr>`;
  let rows = '';
  for (const which of ['read', 'write', 'except'] as const) {
    if (s.before[which].length === 0 && !(s.after && s.after[which].length)) continue;
    rows += fdSetRow(S.setIn(which), n, s.before[which], 'is-watched');
    rows += s.after ? fdSetRow(S.setOut(which), n, s.after[which], 'is-ready') : '';
  }
  const status = s.after ? S.selectReturned(s.ret ?? 0, formatDuration(s.dur)) : S.selectWaiting;
  const more = s.nfds > 64 ? ` <small>${esc(S.firstFds(64))}</small>` : '';
  return `<div class="insp-select"><p class="insp-obj">${esc(S.selectBy(s.name, s.nfds, names.get(s.tid) ?? '', s.tid, formatDuration(s.t)))}${more}</p><div class="insp-scroll"><table class="insp-fdset">${head}${rows}</table></div><p class="insp-sub">${esc(status)}</p></div>`;
}

function select(run: Run, t: number): string {
  const list = selectAt(run, t);
  const names = new Map(run.threads.map((th) => [th.tid, th.name]));
  return list.length ? list.map((s) => selectOne(s, names)).join('') : `<p class="insp-empty">${esc(S.noSelect)}</p>`;
}

function runQueue(run: Run, t: number): string {
  const s = runQueueAt(run, t);
  const name = (tid: number | undefined) => {
    const th = s.threads.find((x) => x.tid === tid);
    return th ? `${th.name} · ${th.tid}` : tid !== undefined ? `tid ${tid}` : '';
  };
  const cpus = s.cpus
    .map((c) => `<li class="insp-cpu is-${esc(c.doing)}"><span class="insp-cpu-id">CPU ${c.cpu}</span> ${esc(S.cpuDoing(c.doing, name(c.tid)))}</li>`)
    .join('');
  const runnable = s.threads.filter((th) => th.state === 'runnable');
  const blocked = s.threads.filter((th) => th.state === 'blocked');
  const chips = (list: typeof runnable, what: (x: (typeof runnable)[number]) => string) =>
    list.length ? list.map((th) => `<li class="insp-chip">${esc(`${th.name} · ${th.tid}`)} <small>${esc(what(th))}</small></li>`).join('') : `<li class="insp-empty">${esc(S.empty)}</li>`;
  return `<ul class="insp-cpus">${cpus}</ul><p class="insp-sub">${esc(S.runQueue)}</p><ol class="insp-chips">${chips(runnable, (th) => S.since(formatDuration(t - (th.since ?? t))))}</ol><p class="insp-sub">${esc(S.sleeping)}</p><ul class="insp-chips">${chips(blocked, (th) => S.sleepingOn(th.on ?? '?', formatDuration(t - (th.since ?? t))))}</ul>`;
}

const DRAW: Record<InspectorKind, (run: Run, t: number) => string> = { fdtable: fdTable, buffers, epoll, select, runqueue: runQueue };

export function renderInspector(kind: InspectorKind, run: Run, t: number): string {
  // A title, not a heading: examples sit under headings of any level (axe's heading-order).
  return `<section class="inspector" data-inspector="${kind}" role="group" aria-label="${esc(S.titles[kind])}"><p class="inspector-title">${esc(S.titles[kind])}</p>${DRAW[kind](run, t)}</section>`;
}

export function renderInspectors(kinds: InspectorKind[], run: Run, t: number): string {
  if (kinds.length === 0) return '';
  return `<div class="inspectors" data-at="${t}"><p class="insp-at">${esc(S.at(formatDuration(t)))}</p><div class="insp-grid">${kinds.map((k) => renderInspector(k, run, t)).join('')}</div></div>`;
}
