// Putting the world's hardware into a new kernel: its devices, with their /dev entries.

import type { Kernel } from '../kernel/kernel.js';
import type { ResolvedWorld } from '../world.js';
import { Sensor } from './sensor.js';

export function bootDevices(k: Kernel, w: ResolvedWorld): void {
  for (const spec of w.devices) {
    const dev = new Sensor(k, spec);
    k.vfs.add(`/dev/${spec.name}`, dev);
  }
}
