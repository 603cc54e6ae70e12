// Monaco imports its CSS from JavaScript. Left to Vite and Astro, that CSS would be
// hoisted into the <head> of every page, although the editor loads only when a reader
// clicks Edit. This plugin turns each Monaco CSS import into a module that injects a
// <style> element when (and only when) the editor's chunk is loaded.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const PREFIX = '\0monaco-css:';
// Vite treats any id ending in .css as a stylesheet; ours must look like JavaScript.
const SUFFIX = '.style.js';
const fileOf = (id) => id.slice(PREFIX.length, -SUFFIX.length);

export function monacoCssInline() {
  return {
    name: 'inside-io:monaco-css-inline',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.endsWith('.css')) return null;
      if (!importer.includes('monaco-editor') && !importer.startsWith(PREFIX)) return null;
      const from = importer.startsWith(PREFIX) ? fileOf(importer) : importer;
      return PREFIX + resolve(dirname(from), source) + SUFFIX;
    },
    // Monaco's TypeScript support would also create its worker itself with
    // new Worker(new URL('ts.worker.js', import.meta.url)), which Vite bundles a second
    // time (7 MB). MonacoEnvironment.getWorker (components/editor/monaco-editor.ts)
    // always answers first, so that path is dead: drop it.
    transform(code, id) {
      if (!/monaco-editor\/.*typescript\/workerManager\.js$/.test(id)) return null;
      const out = code.replace(/new Worker\(new URL\(['"]ts\.worker\.js['"], import\.meta\.url\),\s*\{\s*type:\s*"module"\s*\}\)/, 'undefined');
      if (out === code) this.error('monaco-css-inline: the TypeScript worker line in workerManager.js changed; update the plugin.');
      return out;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = fileOf(id);
      let css = readFileSync(file, 'utf8');
      const imports = [];
      // Fonts and images referenced by url(...) become asset imports.
      css = css.replace(/url\((['"]?)(?!data:|#)([^'")]+)\1\)/g, (_m, _q, ref) => {
        const name = `__asset${imports.length}`;
        imports.push(`import ${name} from ${JSON.stringify(resolve(dirname(file), ref.split(/[?#]/)[0]) + '?url')};`);
        return `url("\${${name}}")`;
      });
      return `${imports.join('\n')}
const css = \`${css.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{(?!__asset)/g, '\\${')}\`;
if (typeof document !== 'undefined') {
  const style = document.createElement('style');
  style.dataset.monaco = ${JSON.stringify(file.split('node_modules/').pop())};
  style.textContent = css;
  document.head.appendChild(style);
}
export default css;`;
    },
  };
}
