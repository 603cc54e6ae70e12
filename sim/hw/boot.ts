// Putting the world's hardware into a new kernel: its devices with their /dev entries,
// the disk with its file system and files.

import type { Kernel } from '../kernel/kernel.js';
import type { FileSpec, ResolvedWorld } from '../world.js';
import { Sensor } from './sensor.js';
import { Disk } from './disk.js';
import { DiskFs } from '../fs/regular-file.js';
import { Nic } from './nic.js';
import { netns } from '../fs/inet.js';

const encoder = new TextEncoder();

export function bootDevices(k: Kernel, w: ResolvedWorld): void {
  for (const spec of w.devices) k.vfs.add(`/dev/${spec.name}`, new Sensor(k, spec));
  const disk = new Disk(k, w.disk);
  const fs = new DiskFs(k, disk);
  k.createFile = (path) => fs.create(path);
  for (const [path, spec] of Object.entries(w.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    fs.populate(path, fileContent(spec), typeof spec === 'object' && spec.cached === true);
  }
}

/**
 * Put the network card between TCP and the world's network (after the network is
 * started): arrivals go through the card's RX ring, interrupt and NAPI; departures
 * through its TX ring.
 */
export function attachNic(k: Kernel, w: ResolvedWorld): Nic | null {
  if (!w.nic) return null;
  const ns = netns(k);
  const nic = new Nic(k, w.nic, (seg, tally) => ns.tcpV4Rcv(seg, tally));
  const wire = ns.toWorld;
  ns.toWorld = (seg) => nic.transmit(seg, wire);
  ns.rx = (seg) => nic.receive(seg);
  return nic;
}

/** A file's bytes: its text, or numbered 64-byte lines up to its size. */
function fileContent(spec: FileSpec): Uint8Array {
  if (typeof spec === 'string') return encoder.encode(spec);
  if (spec.content !== undefined) return encoder.encode(spec.content);
  const size = spec.size ?? 0;
  const out = new Uint8Array(size);
  // Every line is the same 64 bytes but for its 7-digit number: copy the template, then
  // write the digits (encoding a million strings made a 64 MiB file take seconds).
  const template = encoder.encode('0000000 the quick brown fox jumps over the lazy dog'.padEnd(63, '.') + '\n');
  for (let off = 0, line = 0; off < size; line++, off += 64) {
    const n = Math.min(64, size - off);
    out.set(n === 64 ? template : template.subarray(0, n), off);
    for (let d = 6, v = line; d >= 0 && v > 0; d--, v = Math.floor(v / 10)) if (d < n) out[off + d] = 48 + (v % 10);
  }
  return out;
}
