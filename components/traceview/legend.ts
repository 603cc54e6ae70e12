// The legend: a swatch (colour and pattern, as drawn) and a name for each kind present.

import { KINDS, type Kind, type TraceModel } from './model';
import { cssSwatch, kindStyle } from './palette';
import { traceStrings as S } from '../strings';

export function legend(m: TraceModel, theme: 'light' | 'dark', hidden: ReadonlySet<Kind>): HTMLElement {
  const list = document.createElement('ul');
  list.className = 'tv-legend-list';
  const item = (label: string, style: string) => {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = 'tv-swatch';
    sw.setAttribute('style', style);
    li.append(sw, label);
    list.append(li);
  };
  for (const k of KINDS) if (m.kindsPresent.has(k) && !hidden.has(k)) item(S.kindLabels[k] ?? k, cssSwatch(kindStyle(k, theme)));
  item(S.idle, 'background: transparent');
  if (m.lanes.some((l) => l.marks.length) && !hidden.has('runnable')) item(S.wakeMark, `background: linear-gradient(90deg, transparent 5px, ${theme === 'dark' ? '#ff8a80' : '#b3261e'} 5px 7px, transparent 7px)`);
  return list;
}
