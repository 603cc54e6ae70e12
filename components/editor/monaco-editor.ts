// The Monaco editor, loaded only when a reader clicks Edit on a desktop. The
// simulator's own declarations are given to Monaco's TypeScript worker, so readers
// get completion, hover docs and type errors for every system call. The TypeScript
// worker reports errors; running goes through the same transpiler as everything else.

import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/typescript/register';
import * as tsLang from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import { files as simDeclarations } from 'virtual:sim-declarations';
import type { EditorHandle, Problem } from './editor-handle';
import { ui } from '../strings';

// Monaco asks here for its workers: the generic editor worker and the TypeScript
// language service. Both are bundled by Vite from the package (never a CDN).
(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker: (_moduleId: string, label: string) => (label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker()),
};

/** What a program sees besides the simulator: ES2022, and console (printing into the run's output). */
const programGlobals = `
interface ProgramConsole { log(...data: unknown[]): void; info(...data: unknown[]): void; debug(...data: unknown[]): void; warn(...data: unknown[]): void; error(...data: unknown[]): void; }
declare var console: ProgramConsole;
declare class TextEncoder { encode(input?: string): Uint8Array; }
declare class TextDecoder { constructor(label?: string); decode(input?: Uint8Array): string; }
`;

let configured = false;
function configure(): void {
  if (configured) return;
  configured = true;
  // Monaco's dark theme draws comments in #608b4e: 4.2:1 on its #1e1e1e background, under
  // WCAG AA's 4.5:1. The same theme with comments in #6a9955 (5.0:1), as VS Code's Dark+.
  monaco.editor.defineTheme(DARK_THEME, { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '6a9955' }], colors: {} });
  const d = tsLang.typescriptDefaults;
  d.setCompilerOptions({
    target: tsLang.ScriptTarget.ES2020,
    module: tsLang.ModuleKind.ESNext,
    moduleResolution: tsLang.ModuleResolutionKind.NodeJs,
    lib: ['es2022'],
    strict: true,
    noEmit: true,
    allowNonTsExtensions: true,
    moduleDetection: 3, // force: top-level await and imports work in every file
  } as never);
  d.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  for (const [path, text] of Object.entries(simDeclarations)) d.addExtraLib(text, `file:///node_modules/inside-io/${path}`);
  d.addExtraLib(JSON.stringify({ name: 'inside-io', types: 'index.d.ts' }), 'file:///node_modules/inside-io/package.json');
  d.addExtraLib(programGlobals, 'file:///globals.d.ts');
}

const DARK_THEME = 'inside-io-dark';

function currentTheme(): string {
  return document.documentElement.dataset.theme === 'dark' ? DARK_THEME : 'vs';
}

export async function createMonacoEditor(host: HTMLElement, id: string, source: string, onChange: (s: string) => void, opts: { fill?: boolean } = {}): Promise<EditorHandle> {
  configure();
  const uri = monaco.Uri.parse(`file:///examples/${id}.ts`);
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(source, 'typescript', uri);
  model.setValue(source);
  const editor = monaco.editor.create(host, {
    model,
    theme: currentTheme(),
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    lineNumbersMinChars: 3,
    tabSize: 2,
    ariaLabel: ui.editorAriaLabel,
    // Monaco dims the last line's number by default, below WCAG AA contrast.
    renderFinalNewline: 'on',
    tabFocusMode: false,
  });
  // Grow with the code (within limits) rather than scroll inside a small box.
  const fit = () => {
    const h = Math.min(Math.max(editor.getContentHeight(), 160), 640);
    host.style.height = `${h}px`;
  };
  // A full-page editor (the playground) keeps the height its page gives it.
  if (!opts.fill) {
    editor.onDidContentSizeChange(fit);
    fit();
  }
  editor.onDidChangeModelContent(() => onChange(model.getValue()));
  // Escape leaves the editor for keyboard users (Monaco keeps Tab for indentation).
  editor.addCommand(monaco.KeyCode.Escape, () => {
    (host.closest('live-example, inside-playground')?.querySelector('[data-action="run"]') as HTMLElement | null)?.focus();
  }, '!suggestWidgetVisible && !findWidgetVisible');
  const themeObserver = new MutationObserver(() => monaco.editor.setTheme(currentTheme()));
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  let decorations: string[] = [];

  return {
    getValue: () => model.getValue(),
    setValue: (s) => model.setValue(s),
    async problems(): Promise<Problem[]> {
      const getWorker = await tsLang.getTypeScriptWorker();
      const worker = await getWorker(uri);
      const [syn, sem] = await Promise.all([worker.getSyntacticDiagnostics(uri.toString()), worker.getSemanticDiagnostics(uri.toString())]);
      const toProblem = (kind: Problem['kind']) => (d: { start?: number; messageText: unknown }): Problem => {
        const pos = model.getPositionAt(d.start ?? 0);
        return { kind, line: pos.lineNumber, column: pos.column, message: flatten(d.messageText) };
      };
      return [...syn.map(toProblem('syntax')), ...sem.map(toProblem('type'))];
    },
    markLine(line) {
      decorations = editor.deltaDecorations(decorations, line > 0 ? [{ range: new monaco.Range(line, 1, line, 1), options: { isWholeLine: true, className: 'monaco-line-mark' } }] : []);
      if (line > 0) editor.revealLineInCenterIfOutsideViewport(line);
    },
    onCursorLine(fn) {
      let last = 0;
      editor.onDidChangeCursorPosition((e) => {
        // Only the reader's own moves (a click, the arrow keys), not edits or our marks.
        if (e.reason !== monaco.editor.CursorChangeReason.Explicit || e.position.lineNumber === last) return;
        last = e.position.lineNumber;
        fn(last);
      });
    },
    focus: () => editor.focus(),
    dispose() {
      themeObserver.disconnect();
      editor.dispose();
      model.dispose();
    },
  };
}

function flatten(m: unknown): string {
  if (typeof m === 'string') return m;
  const chain = m as { messageText: string; next?: unknown[] };
  return [chain.messageText, ...(chain.next ?? []).map(flatten)].join(' ');
}
