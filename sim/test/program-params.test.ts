// A program's parameters: what sweeps and the playground change between runs.
import { describe, it, expect } from 'vitest';
import * as sim from 'inside-io';

const modules = { [sim.SIM_MODULE]: sim };
const program = `
import { type Sys, type World, us } from 'inside-io';
export const params = { cpus: 2, tries: 3, label: 'x' };
export function world(p: typeof params): World {
  return { cpus: p.cpus, until: us(500) };
}
export async function main(sys: Sys) {
  for (let i = 0; i < params.tries; i++) await sys.getpid();
  await sys.write(1, params.label);
}`;

describe('program parameters', () => {
  it('have defaults, and a world can be a function of them', async () => {
    const r = await sim.runSource(program, modules);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.params).toEqual({ cpus: 2, tries: 3, label: 'x' });
    expect(r.result.cpus).toBe(2);
    expect(r.result.events.filter((e) => e.name === 'getpid')).toHaveLength(3);
  });

  it('can be overridden: main and the world see the new values', async () => {
    const r = await sim.runSource(program, modules, { params: { cpus: 4, tries: 7, label: 'y' } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.result.cpus).toBe(4);
    expect(r.result.events.filter((e) => e.name === 'getpid')).toHaveLength(7);
    expect(r.result.output.map((o) => o.text).join('')).toBe('y');
  });

  it('refuse unknown names and wrong types with a message that says why', async () => {
    const a = await sim.runSource(program, modules, { params: { clients: 3 } });
    expect(!a.ok && a.error.message).toMatch(/no parameter "clients"; its parameters are: cpus, tries, label/);
    const b = await sim.runSource(program, modules, { params: { tries: 'many' } });
    expect(!b.ok && b.error.message).toMatch(/"tries" must be a number/);
    const c = await sim.runSource(`export async function main() {}`, modules, { params: { n: 1 } });
    expect(!c.ok && c.error.message).toMatch(/no parameters/);
  });
});
