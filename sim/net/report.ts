// What the remote peers saw: per group of clients, connections, requests answered and
// how long each answer took. Examples and tests assert on it ("requests served", p99).

export interface GroupReport {
  name: string;
  port: number;
  clients: number;
  /** Clients whose handshake completed. */
  connected: number;
  /** Connection attempts answered with RST (nobody listening). */
  refused: number;
  /** SYNs sent again because no answer came (the listener's accept queue was full). */
  synRetries: number;
  /** Established connections that the server reset (RST). */
  reset: number;
  /** Connections the server closed (FIN) while the client still had requests to make. */
  closedEarly: number;
  /** Requests sent. */
  requests: number;
  /** Requests answered in full: "requests served". */
  responses: number;
  bytesSent: number;
  bytesReceived: number;
  /** For each answered request, ns from its first byte leaving the client to the answer's last byte arriving. */
  latencies: number[];
}

export interface NetReport {
  groups: GroupReport[];
}

export function emptyGroupReport(name: string, port: number, clients: number): GroupReport {
  return { name, port, clients, connected: 0, refused: 0, synRetries: 0, reset: 0, closedEarly: 0, requests: 0, responses: 0, bytesSent: 0, bytesReceived: 0, latencies: [] };
}

/** The p-th percentile (0 < p ≤ 100) of a list of values, nearest-rank; NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}
