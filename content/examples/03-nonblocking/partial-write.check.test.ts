import { describe, it, expect } from 'vitest';
import { runExample, exampleSource } from '../../../tests/examples.js';
import { check } from './partial-write.check.js';

describe('partial-write.check.ts', () => {
  it('rejects the lost bytes, a blocking writer and a spinning one, and accepts waiting with poll()', async () => {
    const start = await runExample('03-nonblocking/partial-write.ts');
    expect(check(start).message).toMatch(/received 81,920 of 200,000 bytes/);
    const solution = exampleSource('03-nonblocking/partial-write.solution.ts');
    expect(check(await runExample('03-nonblocking/partial-write.solution.ts')).ok).toBe(true);
    // Spinning instead of poll(): every byte arrives, but the check says why it is not enough.
    const spin = solution.replace('await sys.poll([{ fd: writer, events: POLLOUT, revents: 0 }], 1, -1);', 'continue;');
    const v = check(await runExample('03-nonblocking/partial-write.solution.ts', spin));
    expect(v.ok).toBe(false);
    expect(v.message).toMatch(/the writer spins/);
    // A blocking socket: every byte arrives too, but the writer slept in write().
    const blocking = solution.replace('SOCK_STREAM | SOCK_NONBLOCK', 'SOCK_STREAM');
    const b = check(await runExample('03-nonblocking/partial-write.solution.ts', blocking));
    expect(b.ok).toBe(false);
    expect(b.message).toMatch(/slept inside write/);
  });
});
