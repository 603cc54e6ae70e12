// Comparisons, sweeps and predictions compute real numbers from real runs.
import { describe, it, expect } from 'vitest';
import { exampleSource } from '../../tests/examples.js';
import { runSet } from './run-set';
import { runSweep } from './sweep';
import { runMetrics, metricValue, metricInfo, metricLabel, isMetric } from './metrics';
import { gradePrediction } from './predict';
import { makeScale, wantsLog } from '../scaling/axis';

const spin = { file: 'wait-spin.ts', source: exampleSource('00-tools/wait-spin.ts') };
const block = { file: 'wait-block.ts', source: exampleSource('00-tools/wait-block.ts') };

describe('runSet', () => {
  it('runs programs on the first one’s world, with parameters set where they are declared', async () => {
    const [a, b] = await runSet([spin, block], { set: { wait: 200 } });
    if (!a!.ok || !b!.ok) throw new Error('did not run');
    expect(a.params).toEqual({ wait: 200 });
    const ma = runMetrics(a.result);
    const mb = runMetrics(b.result);
    expect(ma['syscalls:read']).toBeGreaterThan(100);
    expect(mb['syscalls:read']).toBe(1);
    expect(mb.switches).toBeGreaterThanOrEqual(ma.switches);
    expect(ma.cpuSystem).toBeGreaterThan(mb.cpuSystem * 3);
  });

  it('sets world fields that no program declares, and refuses unknown names', async () => {
    const [a] = await runSet([block], { set: { cpus: 1 } });
    expect(a!.ok && a!.result.cpus).toBe(1);
    await expect(runSet([block], { set: { clients: 3 } })).rejects.toThrow(/neither a parameter of these programs nor a world field/);
  });
});

describe('runSweep', () => {
  it('gives one number per program and value, reporting progress', async () => {
    const seen: number[] = [];
    const series = await runSweep({ programs: [spin, block], param: 'wait', values: [10, 100], metric: 'syscalls:read' }, (done) => seen.push(done));
    expect(seen).toEqual([0, 2, 4]);
    expect(series[1]!.points).toEqual([{ x: 10, y: 1 }, { x: 100, y: 1 }]);
    expect(series[0]!.points[1]!.y).toBeGreaterThan(series[0]!.points[0]!.y * 5);
  });

  it('marks a run that hit a limit, but not a server that ends at the time limit as it declares', async () => {
    const server = { file: 'reactor-blocking.ts', source: exampleSource('07-reactor/reactor-blocking.ts') };
    expect(server.source).toMatch(/@expect-stop time/);
    const [ok] = await runSweep({ programs: [server], param: 'slow', values: [1], metric: 'p99' });
    expect(ok!.points).toEqual([{ x: 1, y: expect.any(Number) }]);
    // The same program cut short by a smaller event cap is marked.
    const [cut] = await runSweep({ programs: [server], param: 'maxEvents', values: [200], metric: 'syscalls' });
    expect(cut!.points[0]!.note).toBe('cap');
  });
});

describe('metrics', () => {
  it('count requests served and latency percentiles from what the clients saw', () => {
    const group = { latencies: [1, 2, 3, 4, 100].map((l) => l * 1000), responses: 5 } as NonNullable<Parameters<typeof runMetrics>[0]['net']>['groups'][number];
    const m = runMetrics({ cpus: 1, end: 1000, events: [], net: { groups: [group] } });
    expect(m.requests).toBe(5);
    expect(m.p50).toBe(3000);
    expect(m.p99).toBe(100_000);
    expect(metricValue(m, 'cpuIdle', 'requests')).toBe(200);
    expect(metricValue(m, 'syscalls:read')).toBe(0);
  });

  it('add up the time inside named system calls, and sum over several names joined by |', () => {
    const call = (name: string, dur: number, unfinished = false) =>
      ({ seq: 0, t: 0, dur, cat: 'syscall', name, pid: 1, tid: 1, ret: 0, ...(unfinished ? { detail: { unfinished: true } } : {}) }) as Parameters<typeof runMetrics>[0]['events'][number];
    const events = [call('select', 700), call('select', 300), call('read', 50), call('read', 50), call('epoll_wait', 5000, true)];
    const m = runMetrics({ cpus: 1, end: 10_000, events });
    expect(isMetric('time:select|poll|epoll_wait')).toBe(true);
    expect(isMetric('time:select|')).toBe(false);
    expect(metricValue(m, 'time:select')).toBe(1000);
    // The unfinished epoll_wait (still waiting when the run stopped) is not counted.
    expect(metricValue(m, 'time:select|poll|epoll_wait')).toBe(1000);
    expect(metricValue(m, 'time:select|read', 'syscalls:select|read')).toBe(275);
    expect(metricValue(m, 'time:select|poll', 'syscalls:read')).toBe(500);
    expect(metricInfo('time:read').unit).toBe('ns');
    expect(metricLabel('time:select|poll|epoll_wait')).toBe('time in select(), poll() or epoll_wait()');
    expect(metricLabel('syscalls:read')).toBe('read() calls');
  });
});

describe('predictions', () => {
  it('grade numbers exactly, closely or not, and text by its words', () => {
    expect(gradePrediction('725', { value: 725 }, 'number')).toBe('exact');
    expect(gradePrediction('1,000', { value: 1000 }, 'number')).toBe('exact');
    expect(gradePrediction('700', { value: 725 }, 'number')).toBe('close');
    expect(gradePrediction('100', { value: 725 }, 'number')).toBe('off');
    expect(gradePrediction(' Main ', { value: 'main' }, 'choice')).toBe('exact');
    expect(gradePrediction('writer', { value: 'main' }, 'choice')).toBe('off');
  });
});

describe('chart axes', () => {
  it('go logarithmic when values span decades, with power-of-ten ticks', () => {
    expect(wantsLog([10, 100, 1000])).toBe(true);
    expect(wantsLog([1, 2, 3])).toBe(false);
    const s = makeScale([10, 10_000], true);
    expect(s.ticks).toEqual([10, 100, 1000, 10000]);
    expect(s.at(100)).toBeCloseTo(1 / 3);
    expect(makeScale([0, 7], false, true).ticks).toEqual([0, 2, 4, 6, 8]);
  });
});

describe('world fields', () => {
  it('set costs, the network and a group of clients without touching the program’s own world', async () => {
    const { isWorldField } = await import('./run-set');
    expect(isWorldField('costs.contextSwitch')).toBe(true);
    expect(isWorldField('clients.0.count')).toBe(true);
    expect(isWorldField('clients.0.evil')).toBe(false);
    expect(isWorldField('network.latency')).toBe(true);
    const [r] = await runSet([block], { set: { 'costs.contextSwitch': 0, 'network.latency': 1000 } });
    expect(r!.ok && r!.result.costs.contextSwitch).toBe(0);
    await expect(runSet([block], { set: { 'clients.0.count': 3 } })).rejects.toThrow(/no such group of clients/);
  });
});
