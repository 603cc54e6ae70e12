// Differential tests: every scenario runs on the simulator and on this machine's Linux
// kernel (real.py, through Python's os/socket/ctypes), and the outcomes must agree.
// Totals that depend on kernel memory accounting (how many bytes fill a socket buffer)
// are compared by shape only ("some bytes then EAGAIN"); see format.ts.
import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { scenarios } from './scenarios.js';
import { describeRun, type RunOutcomes } from './format.js';
import { runOnSim } from './run-sim.js';

const REAL = fileURLToPath(new URL('./real.py', import.meta.url));

/** Outcomes on the real kernel, by scenario index. */
function runOnLinux(): Map<number, RunOutcomes | string> {
  const out = execFileSync('python3', [REAL], { input: JSON.stringify({ scenarios }), timeout: 120_000, maxBuffer: 64 << 20 }).toString();
  const results = new Map<number, RunOutcomes | string>();
  for (const line of out.split('\n')) {
    const m = /^(RESULT|TIMEOUT|ERROR) (\d+) ?(.*)$/.exec(line);
    if (!m) continue;
    const i = Number(m[2]);
    if (m[1] === 'RESULT') results.set(i, JSON.parse(m[3]!) as RunOutcomes);
    else results.set(i, `${m[1]} ${m[3] ?? ''}`.trim());
  }
  return results;
}

describe('the simulator agrees with the Linux kernel of this machine', () => {
  let real: Map<number, RunOutcomes | string>;
  beforeAll(() => {
    real = runOnLinux();
  }, 130_000);

  it('has at least 40 scenarios, each run on Linux', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    expect(real.size).toBe(scenarios.length);
  });

  scenarios.forEach((sc, i) => {
    it(sc.name, async () => {
      const r = real.get(i);
      if (typeof r === 'string' || r === undefined) throw new Error(`the real kernel run failed: ${r ?? 'no result'}`);
      const onLinux = describeRun(sc, r);
      const onSim = describeRun(sc, await runOnSim(sc));
      expect(onSim, sc.about).toEqual(onLinux);
    });
  });
});
