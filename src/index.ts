/**
 * offprint as a library: `renderBrief(source, options)` runs the whole pipeline
 * (parse → model → typeset → layout → render) and resolves to the PDF's bytes.
 */
import { BriefError, Diagnostics, type Warning } from './diagnostics.js';
import { layoutBrief, type Layout } from './layout/index.js';
import { buildBrief, type Brief, type Paper } from './model/index.js';
import { parseSource, sourceKindOf } from './parse/index.js';
import { readPaper } from './model/meta.js';
import { renderPdf } from './render/index.js';
import { joinNames } from './layout/header.js';
import { version } from './version.js';
import { checkLength } from './limits.js';

export interface RenderOptions {
  /** Name used in messages; `.txt` selects wire copy. Default `brief.md`. */
  filename?: string;
  /** Overrides the brief's own `paper:`. */
  paper?: Paper;
  /** Folder images may be read from (normally the source file's folder). No images are read without it. */
  contentDir?: string;
  /** `false` leaves out the locator map (the sidebar starts with the facts). Default true. */
  map?: boolean;
  /** Write PDF/A-2a for archives (still tagged, PDF/UA-1) instead of a plain tagged PDF. */
  pdfa?: boolean;
}

export interface RenderResult {
  pdf: Uint8Array;
  pages: number;
  warnings: Warning[];
  /** What was drawn, as plain data: for reports (`typesettingReport`) and tests. */
  layout: Layout;
  /** The headline and byline as printed, for manifests. */
  title: string;
  byline: string;
  /** The image addresses the brief asked for, as written: the files its PDF depends on besides the source. */
  images: string[];
}

export interface LaidOutBrief {
  brief: Brief;
  layout: Layout;
  warnings: Warning[];
}

/** Parses, models and lays out a brief without rendering it: the data tests assert on. */
export function layoutSource(source: string, options: RenderOptions = {}): LaidOutBrief {
  const filename = options.filename ?? 'brief.md';
  const text = source.normalize('NFC');
  const diagnostics = new Diagnostics(filename, text);
  checkLength(text, diagnostics);
  const parsed = parseSource(text, diagnostics, sourceKindOf(filename));
  const brief = buildBrief(parsed, diagnostics, { source: text, ...(options.contentDir ? { contentDir: options.contentDir } : {}) });
  // An option from JavaScript callers is checked like the front matter's value.
  const paper = options.paper ? readPaper(String(options.paper), 1, diagnostics) : (brief.meta.paper ?? 'a4');
  const layout = layoutBrief(brief, { paper, diagnostics, map: options.map !== false });
  // In source order, as a compiler lists them.
  const warnings = [...diagnostics.warnings].sort((a, b) => a.line - b.line || a.column - b.column);
  return { brief, layout, warnings };
}

export async function renderBrief(source: string, options: RenderOptions = {}): Promise<RenderResult> {
  const { brief, layout, warnings } = layoutSource(source, options);
  const { meta } = brief;
  const countries = brief.sidebar?.groups.flatMap((group) => group.entries.map((entry) => entry.country.name)) ?? [];
  // Ties (no-break spaces) are for line breaking; metadata gets ordinary spaces.
  const plain = (text: string) => text.replace(/\u00A0/g, ' ');
  const pdf = await renderPdf(layout, {
    title: plain(meta.title),
    ...(meta.byline.length ? { author: plain(joinNames(meta.byline)) } : {}),
    ...(meta.dek ? { subject: plain(meta.dek) } : {}),
    ...(countries.length ? { keywords: countries.join(', ') } : {}),
    lang: meta.lang,
    ...(meta.date ? { date: meta.date } : {}),
    creator: `offprint ${version()}`,
  }, { pdfa: options.pdfa === true });
  return { pdf, pages: layout.pages.length, warnings, layout, title: plain(meta.title), byline: plain(joinNames(meta.byline)), images: brief.images };
}

export { BriefError, formatWarning, type Warning } from './diagnostics.js';
export type { Brief, Paper } from './model/index.js';
export type { Layout } from './layout/index.js';
export { typesettingReport, type TypesettingReport } from './layout/report.js';
export { renderPack, type PackBrief, type PackOptions, type PackResult } from './pack/index.js';
