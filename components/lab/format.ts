// Numbers as readers read them: "4,812", "1.2 ms", "12.5 KB".

import { formatDuration } from 'inside-io';
import type { Unit } from './metrics';

export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  const a = Math.abs(n);
  return n.toLocaleString('en-US', { maximumFractionDigits: a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3 });
}

export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (Math.abs(n) < 1024) return `${formatCount(n)} B`;
  if (Math.abs(n) < 1024 * 1024) return `${formatCount(n / 1024)} KiB`;
  return `${formatCount(n / 1024 / 1024)} MiB`;
}

export function formatValue(n: number, unit: Unit): string {
  if (!Number.isFinite(n)) return '—';
  if (unit === 'ns') return formatDuration(Math.round(n));
  if (unit === 'bytes') return formatBytes(n);
  return formatCount(n);
}
