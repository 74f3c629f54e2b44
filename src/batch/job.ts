/**
 * What the main thread sends a builder (in-process or a worker thread) and what comes back.
 * Both are plain data, so they cross `postMessage` unchanged.
 */
import type { Paper } from '../model/index.js';

/** Everything besides the source that changes what a build writes. */
export interface BuildOptions {
  /** Overrides the brief's own `paper:`; undefined keeps the brief's. */
  paper?: Paper;
  pdfa: boolean;
  /** Also write `<name>.report.json`. */
  report: boolean;
  /** The locator map (the CLI always draws it; kept here so the build key covers it). */
  map: boolean;
}

export interface RenderJob {
  /** The file as messages name it (relative to the working folder). */
  file: string;
  /** The source text exactly as the main thread read and hashed it. */
  source: string;
  /** The only folder images may be read from. */
  contentDir: string;
  /** The PDF's file name, for the report. */
  pdfName: string;
  options: BuildOptions;
}

export interface JobWarning {
  line: number;
  column: number;
  message: string;
}

export type JobOutcome =
  | {
      ok: true;
      pdf: Uint8Array;
      pages: number;
      title: string;
      byline: string;
      warnings: JobWarning[];
      /** Image addresses the brief asked for, as written (for the build key). */
      images: string[];
      /** The typesetting report as JSON text, when asked for. */
      report?: string;
    }
  | { ok: false; error: JobWarning };
