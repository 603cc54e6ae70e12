import { describe, it, expect } from 'vitest';
import { run, formatStrace, us, ms } from 'inside-io';

const pingPong = async (sys: import('inside-io').Sys) => {
  const a = [0, 0];
  const b = [0, 0];
  await sys.pipe(a);
  await sys.pipe(b);
  const t = await sys.pthread_create(async (peer) => {
    const buf = new Uint8Array(8);
    for (let i = 0; i < 20; i++) {
      await peer.read(a[0]!, buf);
      await peer.write(b[1]!, buf, 4);
    }
  });
  const buf = new Uint8Array(8);
  for (let i = 0; i < 20; i++) {
    await sys.write(a[1]!, 'ping');
    await sys.read(b[0]!, buf);
    await sys.compute(us(3));
  }
  await sys.pthread_join(t);
};

describe('runs', () => {
  it('are deterministic: the same program gives a byte-identical trace', async () => {
    const one = await run(pingPong, { cpus: 2 });
    const two = await run(pingPong, { cpus: 2 });
    expect(JSON.stringify(two.events)).toBe(JSON.stringify(one.events));
    expect(formatStrace(one.events).split('\n').length).toBeGreaterThan(80);
  });

  it('report an exception with its message', async () => {
    const r = await run(async (sys) => {
      await sys.getpid();
      throw new TypeError('boom');
    });
    expect(r.stop.reason).toBe('exit');
    expect(r.errors[0]!.message).toBe('Uncaught TypeError: boom');
  });

  it('detect a program that awaits something other than a system call', async () => {
    const r = await run(async (sys) => {
      await sys.getpid();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await sys.getpid();
    });
    expect(r.stop.reason).toBe('stall');
    expect(r.stop.message).toMatch(/not a system call/);
  });

  it('reject two system calls at once on one thread', async () => {
    const r = await run(async (sys) => {
      const fds = [0, 0];
      await sys.pipe(fds);
      void sys.read(fds[0]!, new Uint8Array(1)); // not awaited
      await sys.getpid();
    });
    expect(r.errors[0]!.message).toMatch(/must be awaited/);
  });

  it('reject a thread using another thread\'s handle', async () => {
    const r = await run(async (sys) => {
      await sys.pthread_create(async () => {
        await sys.getpid();
      });
      await sys.nanosleep(ms(1));
    });
    expect(r.errors[0]!.message).toMatch(/its own handle/);
  });

  it('stop with a clear message at the event cap, keeping the partial trace', async () => {
    const r = await run(async (sys) => {
      for (;;) await sys.getpid();
    }, { maxEvents: 1000 });
    expect(r.stop.reason).toBe('cap');
    expect(r.stop.message).toMatch(/1,000 trace events/);
    expect(r.events.length).toBe(1000);
  });

  it('reject an absurd world with a message saying what to fix', async () => {
    await expect(run(async () => {}, { cpus: 0 })).rejects.toThrow(/world.cpus must be a whole number from 1 to 64/);
    await expect(run(async () => {}, { until: -5 })).rejects.toThrow(/world.until/);
    await expect(run(async () => {}, { costs: { warpDrive: 1 } as never })).rejects.toThrow(/unknown cost "warpDrive"/);
  });
});
