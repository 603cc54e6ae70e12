// The outside world, as a world description gives it: the network between this
// machine and its remote peers, and groups of clients that connect on a schedule.
// "10,000 mostly idle connections" is one line:
//   clients: [{ count: 10_000, port: 8080, active: 0.01, requests: Infinity, think: ms(10) }]

export interface NetworkSpec {
  /** One-way latency between a peer and this machine, in ns (default 50 µs, a data-centre network). */
  latency?: number;
  /** Link bandwidth in bits per second, shared by all peers, each direction (default 10 Gbit/s). */
  bandwidth?: number;
}

export interface ClientGroup {
  /** How many clients (each one connection). */
  count: number;
  /** The port of this machine they connect to (its address is 192.0.2.1; listen on 0.0.0.0 or that). */
  port: number;
  /** A name for the trace and the report (default "clients", or "clients 2"...). */
  name?: string;
  /** When the first client connects, ns (default 0). */
  start?: number;
  /** Time between one client's connect and the next one's (default 0: all at once). */
  every?: number;
  /** Fraction of the clients that send requests, spread evenly; the others connect and stay idle (default 1). */
  active?: number;
  /** Requests each active client sends, one after the other on its connection (default 1; Infinity: until the run ends). */
  requests?: number;
  /** Bytes in a request (default 64). */
  requestSize?: number;
  /** Bytes the client waits for in answer to each request before the next (default: requestSize, an echo; 0: does not wait). */
  responseSize?: number;
  /** Time between an answer and the next request (default 0). */
  think?: number;
  /** Time between connecting and the first request (default 0). */
  idle?: number;
  /** Close the connection after the last answer (default true); idle clients close only if this is true and `idle` passes. */
  close?: boolean;
}

export interface ResolvedNetwork {
  latency: number;
  bandwidth: number;
}

export type ResolvedClientGroup = Required<ClientGroup>;

export const DEFAULT_LATENCY = 50_000;
export const DEFAULT_BANDWIDTH = 10e9;

function time(v: unknown, what: string, allowInfinity = false): number {
  if (typeof v !== 'number' || Number.isNaN(v) || v < 0 || (!allowInfinity && !Number.isFinite(v))) {
    throw new RangeError(`${what} must be a time ≥ 0 in nanoseconds (use us(50), ms(10)...), not ${String(v)}.`);
  }
  return Number.isFinite(v) ? Math.round(v) : v;
}

export function resolveNetwork(n: NetworkSpec | undefined): ResolvedNetwork {
  const spec = n ?? {};
  if (typeof spec !== 'object') throw new TypeError('world.network must be an object, e.g. { latency: us(50), bandwidth: 1e9 }.');
  const latency = time(spec.latency ?? DEFAULT_LATENCY, 'world.network.latency');
  const bandwidth = spec.bandwidth ?? DEFAULT_BANDWIDTH;
  if (typeof bandwidth !== 'number' || !(bandwidth > 0) || !Number.isFinite(bandwidth)) {
    throw new RangeError(`world.network.bandwidth must be a positive number of bits per second (1e9 is 1 Gbit/s), not ${String(bandwidth)}.`);
  }
  return { latency, bandwidth };
}

export function resolveClients(groups: ClientGroup[] | undefined): ResolvedClientGroup[] {
  if (groups === undefined) return [];
  if (!Array.isArray(groups)) throw new TypeError('world.clients must be a list, e.g. [{ count: 100, port: 8080 }].');
  return groups.map((g, i) => {
    const what = `world.clients[${i}]`;
    if (!g || typeof g !== 'object') throw new TypeError(`${what} must be an object like { count: 100, port: 8080 }.`);
    if (!Number.isInteger(g.count) || g.count < 0 || g.count > 1_000_000) throw new RangeError(`${what}.count must be a whole number from 0 to 1,000,000, not ${String(g.count)}.`);
    if (!Number.isInteger(g.port) || g.port < 1 || g.port > 65535) throw new RangeError(`${what}.port must be a port number from 1 to 65535, not ${String(g.port)}.`);
    const active = g.active ?? 1;
    if (typeof active !== 'number' || !(active >= 0 && active <= 1)) throw new RangeError(`${what}.active must be a fraction from 0 to 1, not ${String(active)}.`);
    const requests = g.requests ?? 1;
    if (!(requests === Infinity || (Number.isInteger(requests) && requests >= 0))) throw new RangeError(`${what}.requests must be a whole number ≥ 0 or Infinity, not ${String(requests)}.`);
    const requestSize = g.requestSize ?? 64;
    if (!Number.isInteger(requestSize) || requestSize < 1 || requestSize > 1 << 26) throw new RangeError(`${what}.requestSize must be a number of bytes from 1 to 64 MiB, not ${String(requestSize)}.`);
    const responseSize = g.responseSize ?? requestSize;
    if (!Number.isInteger(responseSize) || responseSize < 0 || responseSize > 1 << 26) throw new RangeError(`${what}.responseSize must be a number of bytes from 0 to 64 MiB, not ${String(responseSize)}.`);
    return {
      count: g.count,
      port: g.port,
      name: g.name ?? (groups.length > 1 ? `clients ${i + 1}` : 'clients'),
      start: time(g.start ?? 0, `${what}.start`),
      every: time(g.every ?? 0, `${what}.every`),
      active,
      requests,
      requestSize,
      responseSize,
      think: time(g.think ?? 0, `${what}.think`),
      idle: time(g.idle ?? 0, `${what}.idle`, true),
      close: g.close ?? true,
    };
  });
}
