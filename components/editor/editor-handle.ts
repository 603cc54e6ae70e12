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
  markLine(line: number): void;
  focus(): void;
  dispose(): void;
}
