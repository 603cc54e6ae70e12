// A world: what the simulated machine looks like and how long to run it. An example
// program exports one next to its `main`.

import { resolveCosts, type Costs } from './cost.js';
import type { SensorSpec } from './hw/sensor.js';
import type { DiskSpec } from './hw/disk.js';
import type { NicSpec } from './hw/nic.js';

/** A file of the world, on its disk: its text, or a size (filled with numbered lines); `cached` puts it in the page cache already. */
export type FileSpec = string | { content?: string; size?: number; cached?: boolean };
import { resolveClients, resolveNetwork, type ClientGroup, type NetworkSpec, type ResolvedClientGroup, type ResolvedNetwork } from './net/world.js';

export interface World {
  /** Number of CPUs (default 2). */
  cpus?: number;
  /** Stop after this much virtual time, in nanoseconds (default 1 s). */
  until?: number;
  /** Override entries of the cost model, e.g. { contextSwitch: 0 }. */
  costs?: Partial<Costs>;
  /** Name of the first process (default "main"). */
  name?: string;
  /** Stop the run after this many trace events (default 200,000). */
  maxEvents?: number;
  /** Timer interrupts per second on a busy CPU, CONFIG_HZ (default 1000). */
  hz?: number;
  /** Simple devices that raise interrupts, for writing a driver: e.g. [{ name: 'sensor0', every: us(500) }]. */
  devices?: SensorSpec[];
  /** The disk (a SATA SSD "sda" by default). */
  disk?: DiskSpec;
  /**
   * A network card between the machine and the world's network: frames are DMA'd, raise
   * interrupts and go through the NET_RX softirq (NAPI). Without it (the default, cheaper
   * for huge runs) segments from the world reach TCP directly.
   */
  nic?: NicSpec | boolean;
  /** Files on the disk when the run starts, by path: { '/data/log.txt': 'hello', '/data/big': { size: 1 << 20 } }. */
  files?: Record<string, FileSpec>;
  /** The network to the outside world: latency and bandwidth (default 50 µs, 10 Gbit/s). */
  network?: NetworkSpec;
  /** Remote clients that connect to this machine (address 192.0.2.1) on a schedule, e.g. [{ count: 100, port: 8080 }]. */
  clients?: ClientGroup[];
}

export interface ResolvedWorld {
  cpus: number;
  until: number;
  costs: Costs;
  name: string;
  maxEvents: number;
  hz: number;
  devices: SensorSpec[];
  disk: DiskSpec;
  nic: NicSpec | null;
  files: Record<string, FileSpec>;
  network: ResolvedNetwork;
  clients: ResolvedClientGroup[];
}

export const DEFAULT_UNTIL = 1_000_000_000;
export const DEFAULT_MAX_EVENTS = 200_000;
/** CONFIG_HZ=1000, as Ubuntu's generic kernel since 24.04 and Fedora's (Debian's is 250). */
export const DEFAULT_HZ = 1000;
const MAX_UNTIL = 3_600_000_000_000;

/** Check a world and fill in defaults; a bad world gets a message that says what to fix. */
export function resolveWorld(w: World | undefined): ResolvedWorld {
  const world = w ?? {};
  if (typeof world !== 'object') throw new TypeError('world must be an object, e.g. { cpus: 2, until: ms(10) }.');
  const cpus = world.cpus ?? 2;
  if (!Number.isInteger(cpus) || cpus < 1 || cpus > 64) throw new RangeError(`world.cpus must be a whole number from 1 to 64, not ${String(cpus)}.`);
  const until = world.until ?? DEFAULT_UNTIL;
  if (typeof until !== 'number' || !Number.isFinite(until) || until <= 0 || until > MAX_UNTIL) {
    throw new RangeError(`world.until must be a time from 1 ns to 1 hour (in nanoseconds: use ms(10) or sec(1)), not ${String(until)}.`);
  }
  const maxEvents = world.maxEvents ?? DEFAULT_MAX_EVENTS;
  if (!Number.isInteger(maxEvents) || maxEvents < 100 || maxEvents > 5_000_000) throw new RangeError(`world.maxEvents must be a whole number from 100 to 5,000,000, not ${String(maxEvents)}.`);
  const hz = world.hz ?? DEFAULT_HZ;
  if (![100, 250, 300, 1000].includes(hz)) throw new RangeError(`world.hz must be one of the kernel's CONFIG_HZ choices, 100, 250, 300 or 1000, not ${String(hz)}.`);
  const devices = world.devices ?? [];
  if (!Array.isArray(devices)) throw new TypeError('world.devices must be a list, e.g. [{ name: "sensor0", every: us(500) }].');
  const names = new Set<string>();
  for (const d of devices) {
    if (!d || typeof d.name !== 'string' || !/^[a-z][a-z0-9_-]*$/.test(d.name)) throw new TypeError(`world.devices: each device needs a name made of lowercase letters and digits, like "sensor0", not ${JSON.stringify(d?.name)}.`);
    if (names.has(d.name)) throw new TypeError(`world.devices: two devices are named "${d.name}".`);
    names.add(d.name);
    if (typeof d.every !== 'number' || !(d.every > 0)) throw new RangeError(`world.devices: "${d.name}" needs every > 0 (the time between readings, e.g. us(500)).`);
  }
  const disk = world.disk ?? {};
  if (typeof disk !== 'object') throw new TypeError('world.disk must be an object, e.g. { kind: "hdd" }.');
  if (disk.kind !== undefined && disk.kind !== 'ssd' && disk.kind !== 'hdd') throw new TypeError(`world.disk.kind must be "ssd" or "hdd", not ${JSON.stringify(disk.kind)}.`);
  if (disk.scheduler !== undefined && disk.scheduler !== 'mq-deadline' && disk.scheduler !== 'none') throw new TypeError(`world.disk.scheduler must be "mq-deadline" or "none".`);
  if (disk.queueDepth !== undefined && (!Number.isInteger(disk.queueDepth) || disk.queueDepth < 1)) throw new RangeError('world.disk.queueDepth must be a whole number ≥ 1.');
  const files = world.files ?? {};
  for (const [path, f] of Object.entries(files)) {
    if (!path.startsWith('/') || path.startsWith('/dev/')) throw new TypeError(`world.files: "${path}" must be an absolute path outside /dev.`);
    if (typeof f !== 'string' && (typeof f !== 'object' || f === null)) throw new TypeError(`world.files["${path}"] must be a string or { size } or { content }.`);
  }
  const network = resolveNetwork(world.network);
  const clients = resolveClients(world.clients);
  const nic = world.nic === true ? {} : world.nic || null;
  if (nic !== null && typeof nic !== 'object') throw new TypeError('world.nic must be true or an object like { coalesceUsecs: 8 }.');
  return { cpus, until: Math.round(until), costs: resolveCosts(world.costs), name: world.name ?? 'main', maxEvents, hz, devices, disk, nic, files, network, clients };
}
