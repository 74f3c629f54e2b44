/**
 * What a build prints while it runs. Results come out in input order, whatever order the
 * workers finish in, so two runs print the same lines. On a terminal (stderr is a TTY) a
 * one-line bar is redrawn in place below them — done/total, rate, ETA, the brief last started —
 * and cleared before any line is printed, so diagnostics are never garbled by it. Elsewhere
 * (a pipe, a log, CI) only the plain lines. With `--json`, nothing: the caller prints the
 * document at the end.
 */
import { formatDiagnostic, resultLine, type BriefResult } from './results.js';

export interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ReporterOptions {
  stdout: Stream;
  stderr: Stream;
  /** `--json`: print nothing. */
  quiet: boolean;
  /** Watch mode: each built line says how long it took. */
  withTimes: boolean;
  /** Milliseconds; a clock tests can drive. */
  now?: () => number;
}

const CLEAR_LINE = '\r\u001b[2K';
const REDRAW_EVERY_MS = 100;

export class Reporter {
  private results: (BriefResult | undefined)[] = [];
  private printed = 0;
  private total = 0;
  private toBuild = 0;
  private built = 0;
  private current = '';
  private started = 0;
  private bar = false;
  private barShown = false;
  private lastDrawn = -Infinity;
  private readonly now: () => number;

  constructor(private options: ReporterOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** A round of `total` briefs, `toBuild` of which will be rendered (the rest are up to date or failed early). */
  begin(total: number, toBuild: number): void {
    this.results = new Array(total);
    this.printed = 0;
    this.total = total;
    this.toBuild = toBuild;
    this.built = 0;
    this.current = '';
    this.started = this.now();
    this.bar = !this.options.quiet && this.options.stderr.isTTY === true && toBuild >= 2;
    this.draw(true);
  }

  /** A builder has begun on `file`. */
  building(file: string): void {
    this.current = file;
    this.draw(false);
  }

  /** Result `index` (input order) is in; prints it and any waiting after it, in order. */
  finished(index: number, result: BriefResult, rendered: boolean): void {
    this.results[index] = result;
    if (rendered) this.built++;
    let lines = false;
    while (this.printed < this.total && this.results[this.printed]) {
      lines = this.print(this.results[this.printed]!) || lines;
      this.printed++;
    }
    this.draw(lines);
  }

  /** Clears the bar at the end of a round. */
  end(): void {
    this.clear();
    this.bar = false;
  }

  /** Prints nothing more (watch mode, stopping: what is still in flight is abandoned). */
  silence(): void {
    this.clear();
    this.options = { ...this.options, quiet: true };
  }

  /** A line of our own (watch mode's notices), printed above the bar. */
  note(text: string, stream: 'stdout' | 'stderr' = 'stderr'): void {
    if (this.options.quiet) return;
    this.clear();
    this.options[stream].write(`${text}\n`);
    this.draw(true);
  }

  private print(result: BriefResult): boolean {
    if (this.options.quiet) return false;
    this.clear();
    for (const d of result.diagnostics) this.options.stderr.write(`${formatDiagnostic(d)}\n`);
    const line = resultLine(result, this.options.withTimes);
    if (line) this.options.stdout.write(`${line}\n`);
    return true;
  }

  private clear(): void {
    if (!this.barShown) return;
    this.options.stderr.write(CLEAR_LINE);
    this.barShown = false;
  }

  private draw(now: boolean): void {
    if (!this.bar) return;
    const time = this.now();
    if (!now && time - this.lastDrawn < REDRAW_EVERY_MS) return;
    this.lastDrawn = time;
    const done = this.results.filter(Boolean).length;
    const line = progressLine({ done, total: this.total, built: this.built, toBuild: this.toBuild, seconds: (time - this.started) / 1000, current: this.current, width: this.options.stderr.columns || 80 });
    this.options.stderr.write(`${CLEAR_LINE}${line}`);
    this.barShown = true;
  }
}

export interface ProgressState {
  /** Results in (built, up to date or failed) of `total`. */
  done: number;
  total: number;
  /** Rendered so far of `toBuild`; the rate and ETA come from these. */
  built: number;
  toBuild: number;
  seconds: number;
  current: string;
  width: number;
}

/** `[#######.............]  7/20  3.1 briefs/s  ETA 4 s  content/x.md`, cut to the terminal's width. */
export function progressLine(state: ProgressState): string {
  const cells = 20;
  const filled = state.total ? Math.round((cells * state.done) / state.total) : 0;
  const rate = state.seconds > 0 ? state.built / state.seconds : 0;
  const left = state.toBuild - state.built;
  const eta = rate > 0 ? `ETA ${duration(left / rate)}` : 'ETA --';
  const line = `[${'#'.repeat(filled)}${'.'.repeat(cells - filled)}] ${state.done}/${state.total}  ${rate.toFixed(1)} briefs/s  ${eta}  ${state.current}`;
  // One column short of the width, so the cursor never wraps to a new line.
  const room = Math.max(10, state.width - 1);
  return line.length > room ? `${line.slice(0, room - 1)}…` : line;
}

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.floor(seconds % 60)).padStart(2, '0')} s`;
}
