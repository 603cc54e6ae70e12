import { describe, it, expect } from 'vitest';
import { run, us, ms, SIGIO, SIG_IGN, O_ASYNC, O_NONBLOCK, F_SETOWN, F_GETOWN, F_SETFL, EINTR, text } from 'inside-io';
import { sim, syscalls } from './helpers.js';

describe('signal handlers and signal-driven I/O', () => {
  it('run the handler on the thread before the interrupted call returns, then rt_sigreturn', async () => {
    const order: string[] = [];
    const r = await sim(async (sys) => {
      const p = [0, 0];
      await sys.pipe(p);
      await sys.signal(SIGIO, async (sig) => {
        order.push(`handler ${sig}`);
        await sys.getpid(); // a handler may make system calls
      });
      await sys.fcntl(p[0]!, F_SETOWN, await sys.getpid());
      expect(await sys.fcntl(p[0]!, F_GETOWN)).toBe(1);
      await sys.fcntl(p[0]!, F_SETFL, O_ASYNC | O_NONBLOCK);
      await sys.pthread_create(async (w) => {
        await w.nanosleep(us(100));
        await w.write(p[1]!, 'x');
      });
      const ret = await sys.nanosleep(ms(10));
      order.push(`nanosleep ${ret} ${sys.errno}`);
      const buf = new Uint8Array(4);
      order.push(`read ${text(buf, await sys.read(p[0]!, buf))}`);
    });
    expect(order).toEqual([`handler ${SIGIO}`, `nanosleep -1 ${EINTR}`, 'read x']);
    const names = syscalls(r).filter((e) => e.tid === 1).map((e) => e.name);
    expect(names.slice(names.indexOf('nanosleep'), names.indexOf('nanosleep') + 3)).toEqual(['nanosleep', 'getpid', 'rt_sigreturn']);
    expect(syscalls(r, 'nanosleep').find((e) => e.tid === 1)!.dur).toBeLessThan(ms(1));
  });

  it('SIGIO with no handler kills the process (its default action); SIG_IGN drops it', async () => {
    const prog = (ignore: boolean) => async (sys: import('inside-io').Sys) => {
      const p = [0, 0];
      await sys.pipe(p);
      if (ignore) await sys.signal(SIGIO, SIG_IGN);
      await sys.fcntl(p[0]!, F_SETOWN, 1);
      await sys.fcntl(p[0]!, F_SETFL, O_ASYNC);
      await sys.write(p[1]!, 'x');
      await sys.write(1, 'still here\n');
    };
    const killed = await run(prog(false));
    expect(killed.output).toEqual([]);
    expect(killed.events.some((e) => e.name === 'process killed' && e.detail?.by === 'killed by SIGIO')).toBe(true);
    const ignored = await run(prog(true));
    expect(ignored.output.map((o) => o.text)).toEqual(['still here\n']);
  });
});
