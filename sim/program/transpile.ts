// Turning a reader's TypeScript into JavaScript the simulator can run. Sucrase strips
// types and rewrites imports to require() while keeping every line where it was, so
// a line in a stack trace is the same line in the reader's source.

import { transform } from 'sucrase';

export interface TranspileOk {
  ok: true;
  code: string;
}

export interface TranspileError {
  ok: false;
  message: string;
  line: number;
  column: number;
}

export function transpile(source: string, file = 'program.ts'): TranspileOk | TranspileError {
  try {
    const out = transform(source, { transforms: ['typescript', 'imports'], filePath: file, production: true, disableESTransforms: true });
    return { ok: true, code: out.code };
  } catch (err) {
    const e = err as Error & { loc?: { line: number; column: number } };
    const message = e.message.replace(/\s*\(\d+:\d+\)\s*$/, '');
    return { ok: false, message: `Syntax error: ${message}`, line: e.loc?.line ?? 1, column: (e.loc?.column ?? 0) + 1 };
  }
}
