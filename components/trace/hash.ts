// A fingerprint of a run, to show that the browser's trace is identical to the one
// rendered at build time (the simulator is deterministic). FNV-1a over the JSON.
import type { RunResult } from 'inside-io';

export function runFingerprint(r: Pick<RunResult, 'events' | 'output' | 'stop' | 'errors' | 'end'>): string {
  const s = JSON.stringify([r.events, r.output, r.stop, r.errors, r.end]);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0') + s.length.toString(16);
}
