import { readFileSync } from 'node:fs';
import { buildModel } from './components/traceview/model';
const run = JSON.parse(readFileSync('/tmp/run100k.json', 'utf8'));
for (let i = 0; i < 6; i++) { const r = { ...run, events: structuredClone(run.events) }; const t = performance.now(); buildModel(r); console.log(Math.round(performance.now() - t)); }
