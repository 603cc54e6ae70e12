// The world as a form: the machine (CPUs, how long to run, the event cap), the
// program's own parameters, each group of clients, the network and every cost. Only
// what the reader changes is sent with the run (as `set`: parameter names and world
// paths such as "clients.0.count"), so the program's own world stays the default.

import { defaultCosts, type ParamValue, type World } from 'inside-io';
import { playgroundStrings as P } from '../strings';

interface Field {
  key: string;
  label: string;
  /** The program's own value, in the form's unit. */
  value: ParamValue;
  /** Form unit → world unit (ns) for times. */
  scale?: number;
  step?: string;
}

const SCALE = { ms: 1_000_000, us: 1_000 };

function fields(params: Record<string, ParamValue>, world: World): { title: string; fields: Field[]; open?: boolean }[] {
  const w = world as World & { clients?: Record<string, number | string | boolean>[]; network?: { latency?: number } };
  const groups: { title: string; fields: Field[]; open?: boolean }[] = [
    {
      title: P.machine,
      open: true,
      fields: [
        { key: 'cpus', label: P.cpus, value: w.cpus ?? 2, step: '1' },
        { key: 'until', label: P.until, value: (w.until ?? 1e9) / SCALE.ms, scale: SCALE.ms, step: 'any' },
        { key: 'maxEvents', label: P.maxEvents, value: w.maxEvents ?? 200_000, step: '1' },
      ],
    },
  ];
  const own = Object.entries(params);
  if (own.length) groups.push({ title: P.params, open: true, fields: own.map(([k, v]) => ({ key: k, label: k, value: v, step: 'any' })) });
  (w.clients ?? []).forEach((g, i) => {
    const f: Field[] = [];
    for (const [k, scale] of [['count', 1], ['active', 1], ['requests', 1], ['idle', SCALE.ms], ['think', SCALE.us]] as const) {
      const v = g[k];
      if (typeof v === 'number' || k === 'count') f.push({ key: `clients.${i}.${k}`, label: P.clientFields[k] ?? k, value: typeof v === 'number' ? v / scale : 0, scale, step: 'any' });
    }
    groups.push({ title: P.clients(String(g.name ?? i + 1)), open: true, fields: f });
  });
  if (w.clients?.length) groups.push({ title: P.network, fields: [{ key: 'network.latency', label: P.latency, value: (w.network?.latency ?? 50_000) / SCALE.us, scale: SCALE.us, step: 'any' }] });
  groups.push({ title: P.costs, fields: Object.entries(defaultCosts).map(([k, v]) => ({ key: `costs.${k}`, label: k, value: w.costs?.[k as keyof typeof defaultCosts] ?? v, step: '1' })) });
  return groups;
}

export class WorldForm {
  private own = new Map<string, Field>();

  constructor(private form: HTMLFormElement, private onChange: () => void) {
    form.addEventListener('input', () => this.onChange());
    form.addEventListener('submit', (e) => e.preventDefault());
  }

  /** Draw the form for a program, keeping values the reader already changed where the field still exists. */
  show(params: Record<string, ParamValue>, world: World, keep: Record<string, ParamValue> = {}): void {
    this.own.clear();
    const parts: HTMLElement[] = [];
    for (const g of fields(params, world)) {
      const box = document.createElement('details');
      box.className = 'pg-group';
      box.open = !!g.open;
      const sum = document.createElement('summary');
      sum.textContent = g.title;
      box.append(sum);
      for (const f of g.fields) {
        this.own.set(f.key, f);
        const label = document.createElement('label');
        const input = document.createElement('input');
        input.name = f.key;
        const kept = keep[f.key];
        if (typeof f.value === 'boolean') {
          input.type = 'checkbox';
          input.checked = typeof kept === 'boolean' ? kept : f.value;
        } else {
          input.type = typeof f.value === 'number' ? 'number' : 'text';
          if (f.step) input.step = f.step;
          const shown = kept === undefined ? f.value : typeof kept === 'number' && f.scale ? kept / f.scale : kept;
          input.value = String(shown);
        }
        const span = document.createElement('span');
        span.textContent = f.label;
        label.append(span, input);
        box.append(label);
      }
      parts.push(box);
    }
    this.form.replaceChildren(...parts);
    this.form.hidden = false;
  }

  /** What differs from the program's own world, in world units. */
  changes(): Record<string, ParamValue> {
    const out: Record<string, ParamValue> = {};
    for (const input of this.form.querySelectorAll<HTMLInputElement>('input[name]')) {
      const f = this.own.get(input.name);
      if (!f) continue;
      let v: ParamValue;
      if (input.type === 'checkbox') v = input.checked;
      else if (input.type === 'number') {
        if (input.value.trim() === '' || !Number.isFinite(Number(input.value))) continue;
        v = Number(input.value);
      } else v = input.value;
      if (v === f.value) continue;
      out[input.name] = typeof v === 'number' && f.scale ? Math.round(v * f.scale) : v;
    }
    return out;
  }
}
