// The simulator's type declarations, generated from sim/ with the TypeScript
// compiler, for the editor: readers get completion and type errors for every
// system call. Exposed as the virtual module "virtual:sim-declarations":
// { files: { "index.d.ts": "...", "kernel/errno.d.ts": "..." } }.
import ts from 'typescript';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';

const ID = 'virtual:sim-declarations';
const RESOLVED = '\0' + ID;

export function generateSimDeclarations() {
  const simDir = fileURLToPath(new URL('../../sim/', import.meta.url));
  const entry = simDir + 'index.ts';
  const options = {
    declaration: true,
    emitDeclarationOnly: true,
    stripInternal: true,
    removeComments: false,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    strict: true,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
  };
  const program = ts.createProgram([entry], options);
  const files = {};
  program.emit(undefined, (fileName, text) => {
    if (!fileName.startsWith(simDir)) return;
    files[relative(simDir, fileName)] = text;
  });
  return files;
}

export function simDeclarations() {
  return {
    name: 'inside-io:sim-declarations',
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      return `export const files = ${JSON.stringify(generateSimDeclarations())};`;
    },
  };
}
