// Colours and patterns of the trace view, per theme. Every kind differs in colour AND
// pattern (solid, hatched, dotted, striped, cross-hatched), so the picture reads in
// greyscale and for colour-blind readers; the legend shows both.

import type { Kind } from './model';

export interface KindStyle {
  fill: string;
  /** Pattern stroke colour over the fill (none: solid). */
  ink?: string;
  pattern: 'solid' | 'hatch' | 'backhatch' | 'cross' | 'dots' | 'vstripes' | 'outline';
}

type Theme = 'light' | 'dark';

const LIGHT: Record<Kind, KindStyle> = {
  user: { fill: '#2e9d57', pattern: 'solid' },
  kernel: { fill: '#2f6fd1', ink: '#1d4f9e', pattern: 'hatch' },
  switch: { fill: '#e08a1e', ink: '#a85f0a', pattern: 'vstripes' },
  irq: { fill: '#d13b3b', ink: '#8f1d1d', pattern: 'cross' },
  softirq: { fill: '#9b51e0', ink: '#6a2aa8', pattern: 'dots' },
  syscall: { fill: '#7aa3e6', pattern: 'solid' },
  runnable: { fill: '#f2c94c', ink: '#a07a00', pattern: 'dots' },
  blocked: { fill: '#c3c9d2', ink: '#7c8694', pattern: 'backhatch' },
  dma: { fill: '#12a4a4', ink: '#0b6f6f', pattern: 'hatch' },
  device: { fill: '#6c8ebf', pattern: 'solid' },
  copy: { fill: '#0b3d91', pattern: 'solid' },
};

const DARK: Record<Kind, KindStyle> = {
  user: { fill: '#3fb86b', pattern: 'solid' },
  kernel: { fill: '#4d86e0', ink: '#9cc0ff', pattern: 'hatch' },
  switch: { fill: '#e8a040', ink: '#ffd08a', pattern: 'vstripes' },
  irq: { fill: '#e05555', ink: '#ffb3b3', pattern: 'cross' },
  softirq: { fill: '#a86ae8', ink: '#e0c6ff', pattern: 'dots' },
  syscall: { fill: '#5d86c9', pattern: 'solid' },
  runnable: { fill: '#d9b23a', ink: '#fff0b0', pattern: 'dots' },
  blocked: { fill: '#4e5663', ink: '#8d97a5', pattern: 'backhatch' },
  dma: { fill: '#1bb5b5', ink: '#a0f0f0', pattern: 'hatch' },
  device: { fill: '#7e9fd0', pattern: 'solid' },
  copy: { fill: '#ffd54f', pattern: 'solid' },
};

export function kindStyle(kind: Kind, theme: Theme): KindStyle {
  return (theme === 'dark' ? DARK : LIGHT)[kind];
}

export interface Chrome {
  laneBg: string;
  laneBgAlt: string;
  grid: string;
  text: string;
  textSoft: string;
  cursor: string;
  highlight: string;
  selection: string;
  wake: string;
  onDark: string;
  onLight: string;
}

export function chrome(theme: Theme): Chrome {
  return theme === 'dark'
    ? { laneBg: '#1c2028', laneBgAlt: '#191d24', grid: '#343b46', text: '#e6e9ee', textSoft: '#aab3bf', cursor: '#ff8a80', highlight: '#ffd54f', selection: '#ffffff', wake: '#ff8a80', onDark: '#ffffff', onLight: '#0d1117' }
    : { laneBg: '#f5f6f8', laneBgAlt: '#eef0f3', grid: '#d6dbe1', text: '#1b1f24', textSoft: '#4a5360', cursor: '#b3261e', highlight: '#f5b400', selection: '#111111', wake: '#b3261e', onDark: '#ffffff', onLight: '#111111' };
}

/** A small tile that repeats: the pattern drawn in `ink` over `fill`. */
export function patternTile(style: KindStyle, dpr: number): HTMLCanvasElement | null {
  if (style.pattern === 'solid' || !style.ink) return null;
  const size = Math.round(8 * dpr);
  const c = document.createElement('canvas');
  c.width = c.height = size;
  const g = c.getContext('2d')!;
  g.fillStyle = style.fill;
  g.fillRect(0, 0, size, size);
  g.strokeStyle = style.ink;
  g.fillStyle = style.ink;
  g.lineWidth = Math.max(1, dpr * 1.2);
  const line = (x0: number, y0: number, x1: number, y1: number) => {
    g.beginPath();
    g.moveTo(x0, y0);
    g.lineTo(x1, y1);
    g.stroke();
  };
  switch (style.pattern) {
    case 'hatch':
      line(0, size, size, 0);
      line(-size / 2, size / 2, size / 2, -size / 2);
      line(size / 2, size * 1.5, size * 1.5, size / 2);
      break;
    case 'backhatch':
      line(0, 0, size, size);
      line(-size / 2, size / 2, size / 2, size * 1.5);
      line(size / 2, -size / 2, size * 1.5, size / 2);
      break;
    case 'cross':
      line(0, size, size, 0);
      line(0, 0, size, size);
      break;
    case 'dots':
      g.beginPath();
      g.arc(size / 4, size / 4, size / 8, 0, Math.PI * 2);
      g.arc((size * 3) / 4, (size * 3) / 4, size / 8, 0, Math.PI * 2);
      g.fill();
      break;
    case 'vstripes':
      g.fillRect(0, 0, size / 4, size);
      g.fillRect(size / 2, 0, size / 4, size);
      break;
  }
  return c;
}

/** The same patterns in CSS, for the HTML legend. */
export function cssSwatch(style: KindStyle): string {
  const ink = style.ink ?? style.fill;
  const bg = style.fill;
  switch (style.pattern) {
    case 'hatch':
      return `background: repeating-linear-gradient(-45deg, ${bg} 0 3px, ${ink} 3px 4.5px)`;
    case 'backhatch':
      return `background: repeating-linear-gradient(45deg, ${bg} 0 3px, ${ink} 3px 4.5px)`;
    case 'cross':
      return `background: repeating-linear-gradient(45deg, transparent 0 3px, ${ink} 3px 4px), repeating-linear-gradient(-45deg, ${bg} 0 3px, ${ink} 3px 4px)`;
    case 'dots':
      return `background: radial-gradient(${ink} 1.2px, transparent 1.6px) 0 0 / 4px 4px, ${bg}`;
    case 'vstripes':
      return `background: repeating-linear-gradient(90deg, ${ink} 0 2px, ${bg} 2px 4px)`;
    default:
      return `background: ${bg}`;
  }
}
