/**
 * Errors and warnings with a place in the source, so a writer can find what to fix.
 * Every stage reports through these; the CLI prints them like a compiler.
 */

/** Where something is in a source file (1-based line and column). */
export interface SourcePlace {
  file: string;
  line: number;
  column: number;
}

/** Something odd that did not stop the brief from building. */
export interface Warning extends SourcePlace {
  message: string;
}

/** A problem that stops a brief from building. */
export class BriefError extends Error implements SourcePlace {
  readonly file: string;
  readonly line: number;
  readonly column: number;

  constructor(message: string, place: SourcePlace) {
    super(message);
    this.name = 'BriefError';
    this.file = place.file;
    this.line = place.line;
    this.column = place.column;
  }

  /** `file:line:col: error: message`, the way compilers print it. */
  format(): string {
    return `${this.file}:${this.line}:${this.column}: error: ${this.message}`;
  }
}

/** 1-based line and column of a character offset into a source. */
export function placeOf(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** `U+200B`: how messages name a character that may be invisible. */
export function codePointName(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function formatWarning(warning: Warning): string {
  return `${warning.file}:${warning.line}:${warning.column}: warning: ${warning.message}`;
}

/** Collects warnings during one build; stages push to it instead of printing. */
export class Diagnostics {
  readonly warnings: Warning[] = [];
  private readonly seen = new Set<string>();

  /** The source's lines, split when a warning first needs a column (most builds never do). */
  private lines: readonly string[] | undefined;

  constructor(
    readonly file: string,
    private readonly source?: string,
  ) {}

  /** 1-based column of `text` on source line `line` (1 when the line or text is not found). */
  columnOf(line: number, text: string): number {
    this.lines ??= this.source === undefined ? [] : this.source.split('\n');
    const at = this.lines[line - 1]?.indexOf(text) ?? -1;
    return at < 0 ? 1 : at + 1;
  }

  warn(message: string, line = 1, column = 1): void {
    const key = `${line}:${column}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.warnings.push({ file: this.file, line, column, message });
  }

  error(message: string, line = 1, column = 1): BriefError {
    return new BriefError(message, { file: this.file, line, column });
  }
}
