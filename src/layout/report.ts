/**
 * The typesetting report (`offprint build --report`): figures read off the layout so quality
 * can be tracked over time — adjustment ratios, hyphens, widows and orphans, grid register,
 * holes at column feet and the balance of the last page. Tests use the same figures.
 */
import type { ColumnFill, Layout, Page, TextElement, TextRole } from './types.js';

/** Roles whose lines are justified running text: the lines the figures are about. */
const RUNNING: ReadonlySet<TextRole> = new Set(['body', 'list', 'quote', 'note']);
/** Roles set on the baseline grid (notes have their own, smaller leading). */
const ON_GRID: ReadonlySet<TextRole> = new Set(['body', 'list', 'quote']);

export interface ColumnReport {
  column: number;
  /** Grid lines the column holds and the grid lines its text reaches down to (footnotes included). */
  lines: number;
  used: number;
  /** Grid lines its footnotes take at its foot (0 without). */
  notes: number;
  /** Empty grid lines at the foot of a column that is not the brief's last (above its footnotes, if any). */
  hole: number;
  /** The column opens with the last line of a paragraph begun elsewhere. */
  widow: boolean;
  /** The column ends with the first line of a paragraph that goes on elsewhere. */
  orphan: boolean;
  /** The column's last line ends with a hyphen. */
  hyphenAtFoot: boolean;
  /** Lines had to be placed against the rules (a column too short for them). */
  forced: boolean;
}

export interface PageReport {
  page: number;
  columns: ColumnReport[];
  /** Body lines whose baseline is not on the grid. */
  offGrid: number;
  /** Grid lines between the lowest and highest column foot (the last page's balance). */
  balance: number;
}

export interface ParagraphReport {
  /** Index of the flow unit; its lines may stand in several columns. */
  paragraph: number;
  role: TextRole;
  firstPage: number;
  lines: number;
  /** Knuth–Plass adjustment ratio of each line (>0 stretched, <0 shrunk; last lines are 0). */
  ratios: number[];
  hyphens: number;
  maxHyphenRun: number;
}

export interface TypesettingReport {
  pages: PageReport[];
  paragraphs: ParagraphReport[];
  summary: {
    lines: number;
    ratioMedian: number;
    ratioP95: number;
    ratioMax: number;
    hyphenatedLines: number;
    maxHyphenRun: number;
    widows: number;
    orphans: number;
    holes: number;
    hyphensAtFoot: number;
    offGrid: number;
    lastPageBalance: number;
  };
}

export function typesettingReport(layout: Layout): TypesettingReport {
  const pages = layout.pages.map((page, i) => pageReport(layout, page, i === layout.pages.length - 1));
  const paragraphs = paragraphReports(layout);
  const ratios = paragraphs.flatMap((p) => p.ratios.filter((_, i) => i < p.ratios.length - 1 || p.lines === 1)).sort((a, b) => a - b);
  const quantile = (q: number) => (ratios.length ? ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))]! : 0);
  const columns = pages.flatMap((p) => p.columns);
  const count = (test: (c: ColumnReport) => boolean) => columns.filter(test).length;
  return {
    pages,
    paragraphs,
    summary: {
      lines: paragraphs.reduce((sum, p) => sum + p.lines, 0),
      ratioMedian: round(quantile(0.5)),
      ratioP95: round(quantile(0.95)),
      ratioMax: round(ratios.length ? ratios[ratios.length - 1]! : 0),
      hyphenatedLines: paragraphs.reduce((sum, p) => sum + p.hyphens, 0),
      maxHyphenRun: Math.max(0, ...paragraphs.map((p) => p.maxHyphenRun)),
      widows: count((c) => c.widow),
      orphans: count((c) => c.orphan),
      holes: count((c) => c.hole > 0),
      hyphensAtFoot: count((c) => c.hyphenAtFoot),
      offGrid: pages.reduce((sum, p) => sum + p.offGrid, 0),
      lastPageBalance: pages[pages.length - 1]?.balance ?? 0,
    },
  };
}

function flowLines(page: Page, fill: ColumnFill): TextElement[] {
  return page.elements.filter((e): e is TextElement => e.kind === 'text' && e.column === fill.column && e.band === fill.firstLine).sort((a, b) => a.y - b.y);
}

function pageReport(layout: Layout, page: Page, lastPage: boolean): PageReport {
  const { pitch, origin } = layout.grid;
  const lineOf = (y: number) => (y - origin) / pitch;
  const columns = page.columns.map((fill): ColumnReport => {
    const lines = flowLines(page, fill);
    const first = lines[0];
    const last = lines[lines.length - 1];
    return {
      column: fill.column,
      lines: fill.lines,
      used: fill.used,
      notes: fill.notes ?? 0,
      hole: lastPage || fill.balanced ? 0 : fill.lines - (fill.filled ?? fill.used),
      widow: !!first && !first.paragraphStart && !!first.paragraphEnd && RUNNING.has(first.role),
      orphan: !!last && !!last.paragraphStart && !last.paragraphEnd && RUNNING.has(last.role),
      hyphenAtFoot: !!last && last.hyphenated,
      forced: fill.forced,
    };
  });
  const body = page.elements.filter((e): e is TextElement => e.kind === 'text' && e.column !== undefined && ON_GRID.has(e.role));
  const offGrid = body.filter((e) => Math.abs(lineOf(e.y) - Math.round(lineOf(e.y))) > 0.01).length;
  // Where each column's flow ends (text or display), in grid lines from the top of the page,
  // compared within each band of columns (the body, and the endnotes below it).
  const bands = new Map<number, number[]>();
  // Footnotes hanging below a balanced page's text do not count: the text's feet are compared.
  for (const fill of page.columns) bands.set(fill.firstLine, [...(bands.get(fill.firstLine) ?? []), fill.firstLine + fill.used - (fill.below ?? 0)]);
  const balance = Math.max(0, ...[...bands.values()].filter((feet) => feet.length > 1).map((feet) => Math.max(...feet) - Math.min(...feet)));
  return { page: page.number, columns, offGrid, balance };
}

function paragraphReports(layout: Layout): ParagraphReport[] {
  const byParagraph = new Map<number, ParagraphReport & { run: number }>();
  layout.pages.forEach((page) => {
    const lines = page.elements.filter((e): e is TextElement => e.kind === 'text' && e.paragraph !== undefined && RUNNING.has(e.role));
    lines.sort((a, b) => (a.column ?? 0) - (b.column ?? 0) || a.y - b.y);
    for (const line of lines) {
      let report = byParagraph.get(line.paragraph!);
      if (!report) {
        report = { paragraph: line.paragraph!, role: line.role, firstPage: page.number, lines: 0, ratios: [], hyphens: 0, maxHyphenRun: 0, run: 0 };
        byParagraph.set(line.paragraph!, report);
      }
      report.lines++;
      report.ratios.push(round(line.ratio));
      report.run = line.hyphenated ? report.run + 1 : 0;
      if (line.hyphenated) report.hyphens++;
      report.maxHyphenRun = Math.max(report.maxHyphenRun, report.run);
    }
  });
  return [...byParagraph.values()].sort((a, b) => a.paragraph - b.paragraph).map(({ run: _run, ...report }) => report);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
