// The trace carries what the inspectors draw: descriptor tables and pipe levels.
import { describe, it, expect } from 'vitest';
import { run, O_NONBLOCK, F_GETFL, F_SETFL, type TraceEvent } from 'inside-io';

const io = (events: TraceEvent[], name: string) => events.filter((e) => e.cat === 'io' && e.name === name);

describe('descriptor-table events', () => {
  it('record opens, dups, closes and flag changes, with one number per open file description', async () => {
    const r = await run(async (sys) => {
      const fds = [0, 0];
      await sys.pipe(fds);
      await sys.dup(fds[0]!);
      const fl = await sys.fcntl(fds[0]!, F_GETFL);
      await sys.fcntl(fds[0]!, F_SETFL, fl | O_NONBLOCK);
      await sys.close(fds[1]!);
    });
    const opens = io(r.events, 'fd open').filter((e) => e.pid === 1);
    expect(opens.map((e) => e.detail!.fd)).toEqual([0, 1, 2, 3, 4, 5]);
    // The dup points at the read end's open file description, not a new one.
    const byFd = new Map(opens.map((e) => [e.detail!.fd, e.detail!]));
    expect(byFd.get(5)!.ofd).toBe(byFd.get(3)!.ofd);
    expect(byFd.get(4)!.ofd).not.toBe(byFd.get(3)!.ofd);
    expect(byFd.get(3)!.file).toMatch(/^pipe:\[\d+\]$/);
    expect(byFd.get(3)!.flags).toBe('O_RDONLY');
    const flags = io(r.events, 'file flags');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.detail).toEqual({ ofd: byFd.get(3)!.ofd, flags: 'O_RDONLY|O_NONBLOCK' });
    // close(4), then every descriptor at exit.
    const closes = io(r.events, 'fd close').filter((e) => e.pid === 1).map((e) => e.detail!.fd);
    expect(closes[0]).toBe(4);
    expect(closes.slice(1).sort()).toEqual([0, 1, 2, 3, 5]);
  });

  it('give a forked child the parent’s descriptors, sharing the same descriptions', async () => {
    const r = await run(async (sys) => {
      const fds = [0, 0];
      await sys.pipe(fds);
      const pid = await sys.fork(async (child) => {
        await child.close(fds[0]!);
      });
      await sys.waitpid(pid);
    });
    const parent = io(r.events, 'fd open').filter((e) => e.pid === 1);
    const child = io(r.events, 'fd open').filter((e) => e.pid === 2);
    expect(child.map((e) => e.detail!.fd)).toEqual([0, 1, 2, 3, 4]);
    expect(child.map((e) => e.detail!.ofd)).toEqual(parent.map((e) => e.detail!.ofd));
  });
});

describe('pipe buffer events', () => {
  it('follow the fill level through writes and reads', async () => {
    const r = await run(async (sys) => {
      const fds = [0, 0];
      await sys.pipe(fds);
      await sys.write(fds[1]!, 'hello');
      await sys.write(fds[1]!, ' world');
      await sys.read(fds[0]!, new Uint8Array(4));
    });
    const levels = io(r.events, 'pipe buffer').map((e) => [e.detail!.len, e.detail!.size]);
    expect(levels).toEqual([[5, 65536], [11, 65536], [7, 65536]]);
  });
});

describe('a run that stops with threads still waiting', () => {
  it('records their unfinished system call and sleep, so views show the wait', async () => {
    const r = await run(
      async (sys) => {
        const fds = [0, 0];
        await sys.pipe(fds);
        await sys.read(fds[0]!, new Uint8Array(8)); // nobody ever writes
      },
      { until: 1_000_000 },
    );
    const read = r.events.find((e) => e.cat === 'syscall' && e.name === 'read')!;
    expect(read.ret).toBeUndefined();
    expect(read.detail).toEqual({ unfinished: true });
    expect(read.t + read.dur).toBe(r.end);
    const wait = r.events.find((e) => e.cat === 'wait' && e.tid === 1)!;
    expect(wait.name).toBe('pipe_read');
    expect(wait.t + wait.dur).toBe(r.end);
  });
});
