import { describe, it, expect } from 'vitest';
import { AF_INET, SOCK_STREAM, FIONREAD, type Sys } from 'inside-io';
import { sim, outcomes } from './helpers.js';

async function pair(sys: Sys): Promise<[number, number, number]> {
  const l = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(l, { addr: '127.0.0.1', port: 7000 });
  await sys.listen(l, 4);
  const c = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.connect(c, { addr: '127.0.0.1', port: 7000 });
  return [l, c, await sys.accept(l)];
}

describe('ioctl(FIONREAD) on a TCP socket (tcp_ioctl SIOCINQ)', () => {
  it('counts the unread bytes in the receive queue, and is EINVAL on a listener', async () => {
    const seen: number[] = [];
    const r = await sim(async (sys) => {
      const [l, c, s] = await pair(sys);
      const n = { value: -1 };
      await sys.ioctl(s, FIONREAD, n);
      seen.push(n.value);
      await sys.write(c, 'sixteen bytes!!!');
      await sys.ioctl(s, FIONREAD, n);
      seen.push(n.value);
      await sys.read(s, new Uint8Array(10));
      await sys.ioctl(s, FIONREAD, n);
      seen.push(n.value);
      await sys.ioctl(l, FIONREAD, n);
    });
    expect(seen).toEqual([0, 16, 6]);
    expect(outcomes(r, ['ioctl'])).toEqual(['ioctl=0', 'ioctl=0', 'ioctl=0', 'ioctl=-1 EINVAL']);
  });
});
