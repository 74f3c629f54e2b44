/** What building one brief came to, and how a compiler would print it. */
import { formatWarning } from '../diagnostics.js';
import type { ManifestEntry } from '../manifest.js';

/** One diagnostic, as `--json` prints it. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface BriefResult {
  file: string;
  output: string;
  ok: boolean;
  /** Up to date: not rebuilt (its recorded warnings are repeated in `diagnostics`). */
  skipped?: boolean;
  pages?: number;
  diagnostics: Diagnostic[];
  /** Milliseconds from handing the brief to a builder to its PDF written. */
  ms?: number;
  /** For the folder's manifest. */
  entry?: ManifestEntry;
  /** The image addresses the brief asked for when last built (watch mode watches them). */
  images?: string[];
}

/** The fields `--json` documents, in input order. */
export function jsonResult(result: BriefResult): object {
  const { file, output, ok, skipped, pages, diagnostics } = result;
  return { file, output, ok, ...(skipped ? { skipped } : {}), ...(pages !== undefined ? { pages } : {}), diagnostics };
}

export function formatDiagnostic(d: Diagnostic): string {
  return d.severity === 'warning' ? formatWarning(d) : `${d.file}:${d.line}:${d.column}: error: ${d.message}`;
}

/** `content/x.md -> output/x.pdf (2 pages)`, `content/x.md: up to date`, or nothing for a failure. */
export function resultLine(result: BriefResult, withTime: boolean): string | undefined {
  if (!result.ok) return undefined;
  if (result.skipped) return `${result.file}: up to date`;
  const time = withTime && result.ms !== undefined ? ` in ${Math.round(result.ms)} ms` : '';
  return `${result.file} -> ${result.output} (${result.pages} page${result.pages === 1 ? '' : 's'})${time}`;
}

/** `3 briefs: 1 built, 1 up to date, 1 failed`. */
export function summaryLine(results: readonly BriefResult[]): string {
  const skipped = results.filter((r) => r.ok && r.skipped).length;
  const failed = results.filter((r) => !r.ok).length;
  const built = results.length - skipped - failed;
  const parts = [`${built} built`, ...(skipped ? [`${skipped} up to date`] : []), ...(failed ? [`${failed} failed`] : [])];
  return `${results.length} brief${results.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}
