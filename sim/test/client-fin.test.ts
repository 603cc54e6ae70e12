import { describe, it, expect } from 'vitest';
import { AF_INET, SOCK_STREAM, ms } from 'inside-io';
import { sim } from './helpers.js';

describe('a remote client that closes with bytes still waiting for the window (sim/net/client.ts)', () => {
  it('sends its FIN after the last queued byte, as tcp_send_fin() does, so nothing is lost', async () => {
    let total = 0;
    let eofAt = -1;
    const r = await sim(
      async (sys) => {
        const l = await sys.socket(AF_INET, SOCK_STREAM);
        await sys.bind(l, { addr: '0.0.0.0', port: 8080 });
        await sys.listen(l, 8);
        const c = await sys.accept(l);
        await sys.nanosleep(ms(1)); // let the client fill the window and call close()
        const buf = new Uint8Array(65536);
        for (let n = await sys.read(c, buf); n > 0; n = await sys.read(c, buf)) total += n;
        eofAt = total;
      },
      // 100 requests of 1,400 bytes that expect no answer: far more than one 64 KiB window.
      { until: ms(50), clients: [{ count: 1, port: 8080, requests: 100, requestSize: 1400, responseSize: 0 }] },
    );
    expect(total).toBe(140_000);
    expect(eofAt).toBe(140_000); // end of file came after the last byte, not after the first window
    expect(r.net.groups[0]).toMatchObject({ bytesSent: 140_000, closedEarly: 0 });
  });
});
