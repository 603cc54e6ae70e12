// What the example needs from an editor, whichever one the device gets
// (Monaco on desktops, a plain text area on phones).

export interface Problem {
  line: number;
  column: number;
  message: string;
  kind: 'syntax' | 'type';
}

export interface EditorHandle {
  getValue(): string;
  setValue(source: string): void;
  /** Syntax and type errors, as the TypeScript checker reports them (empty when fine). */
  problems(): Promise<Problem[]>;
  /** Mark a line (0: clear the mark); `quiet`: do not take focus or move the selection. */
  markLine(line: number, quiet?: boolean): void;
  /** Called when the reader moves the caret to another line. */
  onCursorLine(fn: (line: number) => void): void;
  focus(): void;
  dispose(): void;
}
