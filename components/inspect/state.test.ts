// Kernel state rebuilt from a trace, at chosen instants of known runs.
import { describe, it, expect } from 'vitest';
import { runExample } from '../../tests/examples.js';
import { fdTableAt, buffersAt, runQueueAt, epollAt, selectAt, parseFdSet } from './state';
import { resolveAt } from './at';
import type { TraceEvent } from 'inside-io';

describe('inspector state', () => {
  it('shows the blocked reader, the running writer and the descriptor table halfway through read()', async () => {
    const r = await runExample('02-blocking/blocking-read.ts');
    const t = resolveAt('line:20', r);
    const rq = runQueueAt(r, t);
    expect(rq.threads.find((th) => th.tid === 1)).toMatchObject({ state: 'blocked', on: 'pipe_read' });
    expect(rq.threads.find((th) => th.tid === 2)).toMatchObject({ state: 'running', mode: 'user' });
    expect(rq.cpus.map((c) => c.doing).sort()).toEqual(['idle', 'user']);
    const fds = fdTableAt(r, t);
    expect(fds.processes[0]!.fds.map((f) => f.fd)).toEqual([0, 1, 2, 3, 4]);
    expect(fds.files.find((f) => f.ofd === fds.processes[0]!.fds[3]!.ofd)!.flags).toBe('O_RDONLY');
    expect(buffersAt(r, t)).toEqual([expect.objectContaining({ kind: 'pipe', rcv: 0, rcvMax: 65536 })]);
  });

  it('sees the pipe fill when the writer writes, and empty again after the read', async () => {
    const r = await runExample('02-blocking/blocking-read.ts');
    const write = r.events.find((e) => e.cat === 'syscall' && e.name === 'write' && e.tid === 2)!;
    const read = r.events.find((e) => e.cat === 'syscall' && e.name === 'read')!;
    const level = (t: number) => buffersAt(r, t)[0]!.rcv;
    expect(level(write.t - 1)).toBe(0);
    expect(level(write.t + write.dur)).toBe(22);
    expect(level(read.t + read.dur)).toBe(0);
  });

  it('is the same whichever way the cursor came: backward steps need no history', async () => {
    const r = await runExample('03-nonblocking/busy-poll.ts');
    const times = [...new Set(r.events.map((e) => e.t))].sort((a, b) => a - b);
    const forward = times.map((t) => JSON.stringify([fdTableAt(r, t), runQueueAt(r, t)]));
    const backward = [...times].reverse().map((t) => JSON.stringify([fdTableAt(r, t), runQueueAt(r, t)])).reverse();
    expect(backward).toEqual(forward);
    // O_NONBLOCK appears on the read end's description when fcntl(F_SETFL) ran.
    const setfl = r.events.find((e) => e.cat === 'io' && e.name === 'file flags')!;
    const flagsAt = (t: number) => fdTableAt(r, t).files.find((f) => f.file.startsWith('pipe') && f.flags.startsWith('O_RDONLY'))!.flags;
    expect(flagsAt(setfl.t - 1)).toBe('O_RDONLY');
    expect(flagsAt(setfl.t)).toBe('O_RDONLY|O_NONBLOCK');
  });

  it('replays epoll interest sets and ready lists, and select’s sets before and after', () => {
    const ev = (seq: number, t: number, name: string, detail: TraceEvent['detail'], extra: Partial<TraceEvent> = {}): TraceEvent => ({ seq, t, dur: 0, cat: 'io', name, pid: 1, tid: 1, detail, ...extra });
    const run = {
      cpus: 1,
      threads: [{ tid: 1, pid: 1, name: 'main' }],
      events: [
        ev(0, 10, 'epoll add', { epfd: 5, fd: 6, events: 'EPOLLIN' }),
        ev(1, 20, 'epoll add', { epfd: 5, fd: 7, events: 'EPOLLIN|EPOLLET' }),
        ev(2, 30, 'ready +', { epfd: 5, fd: 7 }),
        ev(3, 31, 'ready +', { epfd: 5, fd: 6 }),
        ev(4, 40, 'ready -', { epfd: 5, fd: 7 }),
        ev(5, 50, 'epoll del', { epfd: 5, fd: 6 }),
        { seq: 6, t: 60, dur: 40, cat: 'syscall', name: 'select', tid: 1, pid: 1, args: ['8', '[3 4 7]', 'NULL', 'NULL', 'NULL'], ret: 1, retNote: 'in [4]' } as TraceEvent,
      ],
    };
    expect(epollAt(run, 35)).toEqual([{ pid: 1, epfd: 5, interest: [{ fd: 6, events: 'EPOLLIN' }, { fd: 7, events: 'EPOLLIN|EPOLLET' }], ready: [7, 6] }]);
    expect(epollAt(run, 45)[0]!.ready).toEqual([6]);
    expect(epollAt(run, 55)[0]).toMatchObject({ interest: [{ fd: 7 }], ready: [] });
    // The simulator records the kernel's mask as a number; the inspector names its bits.
    const numeric = { ...run, events: [ev(0, 10, 'epoll add', { epfd: 5, fd: 6, events: (0x19 | (1 << 31)) >>> 0 })] };
    expect(epollAt(numeric, 20)[0]!.interest).toEqual([{ fd: 6, events: 'EPOLLIN|EPOLLERR|EPOLLHUP|EPOLLET' }]);
    const during = selectAt(run, 70)[0]!;
    expect(during.before.read).toEqual([3, 4, 7]);
    expect(during.after).toBeNull();
    expect(selectAt(run, 100)[0]!.after!.read).toEqual([4]);
    expect(parseFdSet('[3, 4]')).toEqual([3, 4]);
    expect(parseFdSet('NULL')).toEqual([]);
  });
});
