// setTimeout(fn, 0) or setImmediate(fn): which runs first when both are called from the
// main script? Node turns the 0 into 1 ms. Before its first iteration the loop runs the
// timers that are due; then it polls, runs the check phase (immediates), and only at the
// end of the iteration the timers again. So the answer depends on whether 1 ms has passed
// between the timer's creation and the loop's start: on how long start-up took. Here
// `params.startup` plays that part. process.nextTick and promise callbacks run first of all,
// as soon as the main script returns.
import { type Sys, type World, UvLoop, ms } from 'inside-io';

export const params = { startup: 0.4 }; // milliseconds between setTimeout() and the loop's start

export const world: World = { until: ms(10) };

export async function main(sys: Sys) {
  const loop = new UvLoop(sys);
  const say = (text: string) => sys.write(1, `${(sys.clock_gettime() / 1e6).toFixed(2)} ms  ${text}\n`);

  loop.setTimeout(() => say('setTimeout 0'), 0);
  loop.setImmediate(() => say('setImmediate'));
  loop.queueMicrotask(() => say('promise callback'));
  loop.nextTick(() => say('process.nextTick'));

  await sys.compute(ms(params.startup)); // the rest of the main script, and Node's own start-up
  await loop.run();
}
