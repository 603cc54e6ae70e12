// The phases of a libuv loop (the loop under Node.js), in the order libuv 1.45+ runs
// them in each iteration:
//   pending callbacks → idle → prepare → poll (epoll_wait) → check → close callbacks → timers
// One file read goes to libuv's thread pool; its callback runs on the loop thread in the
// poll phase, and what it schedules shows the rules Node programmers meet:
//  - process.nextTick callbacks, then promise callbacks, run right after each callback;
//  - setImmediate runs in the very next check phase, so inside an I/O callback it always
//    beats setTimeout(..., 0), which has to wait for the timers phase (at least 1 ms).
// The trace marks each phase as the loop enters it ("uv: poll"...).
import { type Sys, type World, UvLoop, O_RDONLY, ms } from 'inside-io';

export const world: World = { cpus: 2, until: ms(10), files: { '/etc/app.conf': 'port=8080\n' } };

export async function main(sys: Sys) {
  const loop = new UvLoop(sys);
  const say = (text: string) => sys.write(1, text + '\n');

  const fd = await sys.open('/etc/app.conf', O_RDONLY);
  await loop.fs_read(fd, new Uint8Array(64), 0, async (n) => {
    await say(`poll:   the read callback (${n} bytes)`);
    loop.setTimeout(() => say('timers: setTimeout 0'), 0);
    loop.setImmediate(() => say('check:  setImmediate'));
    loop.queueMicrotask(() => say('        a promise callback'));
    loop.nextTick(() => say('        process.nextTick'));
  });
  const prepare = loop.prepare();
  prepare.start(async () => {
    await say('prepare: just before poll');
    prepare.close(() => say('close:  the prepare handle is closed'));
  });

  await loop.run(); // returns when nothing is left to do
}
