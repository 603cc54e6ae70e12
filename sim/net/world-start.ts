// Bringing a world's outside up: the network, and every client on its schedule.

import type { Kernel } from '../kernel/kernel.js';
import { Client } from './client.js';
import { Network } from './network.js';
import { emptyGroupReport, type NetReport } from './report.js';
import type { ResolvedClientGroup, ResolvedNetwork } from './world.js';

/** Clients get addresses from TEST-NET-2 (RFC 5737, 198.51.100.0/24), which exists only in the simulation. */
const PORTS_PER_ADDR = 50_000;

export function startNetwork(k: Kernel, network: ResolvedNetwork, groups: ResolvedClientGroup[]): NetReport {
  const report: NetReport = { groups: [] };
  if (groups.length === 0) return report;
  const net = new Network(k, network);
  let n = 0;
  for (const g of groups) {
    const r = emptyGroupReport(g.name, g.port, g.count);
    report.groups.push(r);
    for (let i = 0; i < g.count; i++, n++) {
      // Active clients are spread evenly: client i is active when ⌊(i+1)·a⌋ > ⌊i·a⌋.
      const active = Math.floor((i + 1) * g.active) > Math.floor(i * g.active);
      const local = { addr: `198.51.100.${1 + Math.floor(n / PORTS_PER_ADDR)}`, port: 10_000 + (n % PORTS_PER_ADDR) };
      new Client(k, net, g, r, i, local, active).start(g.start + i * g.every);
    }
  }
  return report;
}
