// Build time: the playground's templates are the book's own example programs (not
// exercise solutions), grouped by chapter folder, titled by their first comment line.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES_ROOT } from '../lab/example-files';

export interface Template {
  src: string;
  folder: string;
  title: string;
  source: string;
}

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const rel = prefix + name;
      if (statSync(join(dir, name)).isDirectory()) return walk(join(dir, name), rel + '/');
      return /\.ts$/.test(name) && !/\.(test|check|solution|d)\.ts$/.test(name) ? [rel] : [];
    });
}

/** "// A blocking read: the main thread..." → "A blocking read". */
function titleOf(source: string, src: string): string {
  const first = /^\/\/\s*(.+)$/m.exec(source)?.[1] ?? src;
  return first.split(/[:.—]/)[0]!.trim().slice(0, 70);
}

export function templates(): Template[] {
  return walk(EXAMPLES_ROOT).map((src) => {
    const source = readFileSync(EXAMPLES_ROOT + src, 'utf8');
    return { src, folder: src.split('/')[0]!, title: titleOf(source, src), source };
  });
}
