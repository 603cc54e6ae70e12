// npm run bench: every figure the book's issues ask for, printed as one report.
// Page figures need a built site (npm run build) and Chromium; the rest runs in Node.
// Other bench modules in this folder export a function returning { title, lines }.
import { existsSync, readdirSync } from 'node:fs';
import { kernelThroughput } from './kernel-throughput';
import { pageFigures } from './page';

interface Section {
  title: string;
  lines: string[];
}

function print(s: Section): void {
  console.log(`\n${s.title}`);
  for (const l of s.lines) console.log(`  ${l}`);
}

console.log(`Inside I/O benchmarks — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}`);
print(await kernelThroughput());

// Subsystem benchmarks (multiplexing, hardware...) live in their own modules.
const own = new Set(['run.ts', 'kernel-throughput.ts', 'page.ts']);
for (const file of readdirSync(new URL('.', import.meta.url)).sort()) {
  if (!file.endsWith('.ts') || own.has(file) || file.endsWith('.test.ts')) continue;
  const mod = (await import(`./${file}`)) as Record<string, unknown>;
  const fn = Object.values(mod).find((v): v is () => Promise<Section | Section[]> => typeof v === 'function');
  if (!fn) continue;
  const out = await fn();
  for (const s of Array.isArray(out) ? out : [out]) print(s);
}

if (existsSync('dist/index.html')) print(await pageFigures());
else console.log('\nPage figures skipped: run `npm run build` first.');
