/**
 * The layout stage: a Brief to pages of positioned elements (plain data).
 *
 * Page 1: the headline block across the measure, two body columns and the sidebar rail.
 * Later pages: a running head and two wide body columns. The flow carries what is left from
 * column to column; the last page is balanced; furniture is added once the page count is known.
 */
import type { Diagnostics } from '../diagnostics.js';
import type { Brief, Paper } from '../model/index.js';
import { patternsFor } from '../typeset/index.js';
import { collectUnits } from './collect.js';
import { cloneState, fillRegion, initialState, isDone, type FlowState, type Looseness, type Region, type RegionResult } from './flow.js';
import { footer, runningHead } from './furniture.js';
import { baselineOf, pageGeometry, type PageGeometry } from './geometry.js';
import { MUTED } from './styles.js';
import { layoutHeader } from './header.js';
import { layoutSidebar, type SidebarPart } from './sidebar.js';
import type { ColumnFill, Layout, Page, PageElement } from './types.js';
import { unitLinesLoosely, type BlockUnit, type FlowUnit } from './units.js';

export interface LayoutOptions {
  paper: Paper;
  diagnostics: Diagnostics;
}

/** A brief longer than this is almost surely a mistake; stop rather than fill the disk. */
const MAX_PAGES = 2000;

export function layoutBrief(brief: Brief, options: LayoutOptions): Layout {
  const { diagnostics } = options;
  const geometry = pageGeometry(options.paper);
  const hyphenation = patternsFor(brief.meta.lang);
  if (!hyphenation) diagnostics.warn(`no hyphenation patterns for language "${brief.meta.lang}"; the brief is set without hyphenation`);

  const header = layoutHeader(brief.meta, geometry, (message) => diagnostics.warn(message));
  const missing = new Map<number, Set<string>>();
  const units = collectUnits(brief.body, {
    hyphenation,
    grid: geometry.grid,
    maxImageHeight: (geometry.gridLines - header.gridLines - 3) * geometry.grid,
    narrowestColumn: Math.min(geometry.firstPage.body[0].width, geometry.laterPages.body[0].width),
    warn: (message, line) => diagnostics.warn(message, line),
    onMissingGlyphs: (line) => (characters) => {
      const set = missing.get(line) ?? new Set<string>();
      for (const ch of characters) set.add(ch);
      missing.set(line, set);
    },
  });

  const bodyLines = geometry.gridLines - header.gridLines;
  const sidebar = brief.sidebar
    ? layoutSidebar(brief.sidebar, geometry.firstPage.rail.width, geometry.grid, bodyLines, geometry.laterPages.body[1].width, geometry.gridLines - 6)
    : [];
  const baselineAt = (line: number) => geometry.gridOrigin + line * geometry.grid;
  const firstPageExtras: PageElement[] = [...header.elements];
  const [firstSidebar, ...continuedSidebar] = sidebar;
  if (firstSidebar) firstPageExtras.push(...firstSidebar(geometry.firstPage.rail.x, baselineAt(header.gridLines)).elements);
  // A sidebar too long for page 1 goes on at the head of the right-hand column of the next pages.
  const continued: SidebarPart[] = continuedSidebar.map((part) => part(geometry.laterPages.body[1].x, baselineAt(0)));

  const regionsFor = (pageIndex: number): Region[] => {
    if (pageIndex === 0) {
      return geometry.firstPage.body.map((column, i) => ({ ...column, firstLine: header.gridLines, lines: bodyLines, column: i }));
    }
    return geometry.laterPages.body.map((column, i) => {
      const box = i === 1 ? continued[pageIndex - 1] : undefined;
      const reserved = box ? box.gridLines + 1 : 0;
      return { ...column, firstLine: reserved, lines: geometry.gridLines - reserved, column: i };
    });
  };

  // Endnotes are a band of their own: the body's columns are balanced above them, and the notes
  // run in the same columns below a hairline, balanced in turn on the last page.
  const notesAt = units.findIndex((unit) => unit.kind === 'text' && unit.startsNotes);
  let bodyUnits = notesAt < 0 ? units : units.slice(0, notesAt);
  let flowPages = flowAll(bodyUnits, regionsFor, geometry);
  // A pull-quote that found no place before the text ran out would trail the article at a
  // column's foot: set it from a page earlier instead, ahead of its words, as a teaser.
  const late = flowPages[flowPages.length - 1]!.lateQuotes;
  if (late.length && flowPages.length > 1) {
    const from = flowPages[flowPages.length - 2]!.startUnit;
    bodyUnits = [...bodyUnits.slice(0, from).filter((u) => !late.includes(u as BlockUnit)), ...late, ...bodyUnits.slice(from).filter((u) => !late.includes(u as BlockUnit))];
    const again = flowAll(bodyUnits, regionsFor, geometry);
    if (again.length <= flowPages.length && again[again.length - 1]!.lateQuotes.length === 0) flowPages = again;
  }
  if (notesAt >= 0) flowNotes(units.slice(notesAt), notesAt, flowPages, regionsFor, geometry);
  for (const [line, characters] of [...missing].sort((a, b) => a[0] - b[0])) {
    const list = [...characters].map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
    diagnostics.warn(`the fonts have no glyph for ${list}; ${characters.size === 1 ? 'it prints' : 'they print'} as blank boxes (no vendored font covers them)`, line);
  }
  // The sidebar's continuation needs its pages even when the text ends sooner.
  while (flowPages.length < continued.length + 1) flowPages.push({ elements: [], columns: [], startUnit: 0, lateQuotes: [] });
  const pages: Page[] = flowPages.map((flowed, index) => ({ number: index + 1, elements: flowed.elements, columns: flowed.columns }));
  pages[0]!.elements.unshift(...firstPageExtras);
  continued.forEach((box, i) => pages[i + 1]!.elements.unshift(...box.elements));
  for (const page of pages) {
    if (page.number > 1) page.elements.unshift(...runningHead(brief.meta, geometry));
    page.elements.push(...footer(brief.meta, page.number, pages.length, geometry));
  }
  return {
    paper: options.paper,
    width: geometry.width,
    height: geometry.height,
    frame: { left: geometry.margin.left - 6, top: 12, right: geometry.width - geometry.margin.right + 6, bottom: geometry.height - 12 },
    grid: { pitch: geometry.grid, origin: geometry.gridOrigin },
    pages,
  };
}

/** Empty grid lines between the body and the notes band (the hairline sits in them). */
const NOTES_GAP = 2;
/** The notes start on a new page when fewer grid lines than this are left below the body. */
const NOTES_MIN_LINES = 6;

/**
 * Flows the endnotes below the body on its last page (or from the next page when little room
 * is left), in the same columns, balanced; their paragraphs are numbered after the body's.
 */
function flowNotes(notes: readonly FlowUnit[], offset: number, pages: FlowedPage[], regionsFor: (page: number) => Region[], geometry: PageGeometry): void {
  const lastIndex = pages.length - 1;
  const last = pages[lastIndex]!;
  const bottom = Math.max(0, ...last.columns.map((c) => c.firstLine + c.used));
  const top = bottom + NOTES_GAP;
  const room = Math.min(...regionsFor(lastIndex).map((r) => r.firstLine + r.lines)) - top;
  const sharePage = bottom > 0 && room >= NOTES_MIN_LINES;
  const firstIndex = sharePage ? lastIndex : lastIndex + 1;
  const noteRegions = (pageIndex: number): Region[] =>
    regionsFor(pageIndex).map((region) => {
      const column = region.column + NOTE_COLUMNS;
      if (pageIndex !== firstIndex || !sharePage) return { ...region, column };
      return { ...region, column, firstLine: top, lines: region.firstLine + region.lines - top };
    });
  const flowed = flowAll(notes, noteRegions, geometry, firstIndex);
  for (const page of flowed) {
    for (const element of page.elements) if (element.kind === 'text' && element.paragraph !== undefined) element.paragraph += offset;
  }
  if (sharePage) {
    const [first, ...rest] = flowed;
    const regions = regionsFor(lastIndex);
    const left = Math.min(...regions.map((r) => r.x));
    const right = Math.max(...regions.map((r) => r.x + r.width));
    const y = baselineOf(geometry, top - 1) - geometry.grid * 0.35;
    last.elements.push({ kind: 'rule', x1: left, y1: y, x2: right, y2: y, width: 0.5, color: MUTED }, ...first!.elements);
    last.columns.push(...first!.columns);
    pages.push(...rest);
  } else pages.push(...flowed);
}

/** Notes columns are numbered after the body's, so reports tell the two bands apart. */
const NOTE_COLUMNS = 2;

/** Flows all units page by page, then balances the columns of the last page. */
interface FlowedPage {
  elements: PageElement[];
  columns: ColumnFill[];
  /** The unit the page's flow started at. */
  startUnit: number;
  lateQuotes: BlockUnit[];
}

function flowedPage(regions: Region[], results: RegionResult[], startUnit: number): FlowedPage {
  return {
    startUnit,
    lateQuotes: results.flatMap((r) => r.lateQuotes),
    elements: results.flatMap((r) => r.elements),
    columns: regions.map((region, i) => ({ column: region.column, x: region.x, width: region.width, firstLine: region.firstLine, lines: region.lines, used: results[i]?.used ?? 0, forced: results[i]?.forced ?? false })),
  };
}

function flowAll(units: readonly FlowUnit[], regionsFor: (page: number) => Region[], geometry: PageGeometry, firstPage = 0): FlowedPage[] {
  const pages: FlowedPage[] = [];
  let state = initialState();
  let previousStart: FlowState | undefined;
  for (let pageIndex = firstPage; pageIndex < MAX_PAGES; pageIndex++) {
    const start = cloneState(state);
    const regions = regionsFor(pageIndex);
    const results = fillPage(units, state, regions, geometry, regionsFor(pageIndex + 1));
    if (isDone(units, state)) {
      const last = balanceLastPage(units, start, regions, results, geometry, regionsFor(pageIndex + 1));
      if (last.spread > 1 && previousStart && pageIndex > firstPage) {
        const better = rebalanceAcrossPages(units, previousStart, pages[pages.length - 1]!, pageIndex, regionsFor, geometry);
        if (better) {
          pages[pages.length - 1] = better[0];
          pages.push(better[1]);
          return pages;
        }
      }
      pages.push(last.page);
      return pages;
    }
    previousStart = start;
    if (results.every((r) => r.used === 0) && sameState(start, state)) {
      throw new Error('layout made no progress: a block is larger than a page');
    }
    pages.push(flowedPage(regions, results, start.unit));
  }
  throw new Error(`the brief would take more than ${MAX_PAGES} pages`);
}

/**
 * Re-flows the last page so its columns end on the same grid line (or within one): tries the
 * lowest common bottom line first and keeps the first that holds everything.
 */
function balanceLastPage(units: readonly FlowUnit[], start: FlowState, regions: Region[], results: RegionResult[], geometry: PageGeometry, following: Region[]): { page: FlowedPage; spread: number } {
  const used = results.reduce((sum, r) => sum + r.used, 0);
  if (regions.length < 2 || used <= 1) return { page: flowedPage(regions, results, start.unit), spread: 0 };
  const top = Math.min(...regions.map((r) => r.firstLine));
  const lowest = Math.max(...regions.map((r) => r.firstLine + r.lines));
  // Balance only if that does not push a pull-quote to the head of a column or break the line rules.
  const worse = (trial: RegionResult[]) => trial.some((r) => (r.quoteAtTop && !results.some((u) => u.quoteAtTop)) || (r.forced && !results.some((u) => u.forced)));
  const trialAt = (bottom: number, changes: Looseness[] = []) => {
    const caps = regions.map((r) => Math.max(0, Math.min(r.lines, bottom - r.firstLine)));
    const state = cloneState(start);
    const trial = fillPage(units, state, regions, geometry, following, caps, changes);
    return isDone(units, state) && !worse(trial) ? trial : undefined;
  };
  let balanced: { trial: RegionResult[]; bottom: number } | undefined;
  for (let bottom = top + 1; bottom < lowest && !balanced; bottom++) {
    const caps = regions.map((r) => Math.max(0, Math.min(r.lines, bottom - r.firstLine)));
    if (caps.reduce((a, b) => a + b, 0) < used) continue;
    const trial = trialAt(bottom);
    if (trial) balanced = { trial, bottom };
  }
  if (!balanced) return { page: flowedPage(regions, results, start.unit), spread: spread(regions, results) };
  if (spread(regions, balanced.trial) <= 1) return { page: flowedPage(regions, balanced.trial, start.unit), spread: spread(regions, balanced.trial) };
  // The rules left the columns further apart than a line: set one paragraph of the page a line
  // longer or shorter (or open a display by a grid line) and balance again.
  for (const changes of changeSets(holeFillers(units, start, units.length - 1, regions[regions.length - 1]!.width))) {
    for (const bottom of [balanced.bottom - 1, balanced.bottom, balanced.bottom + 1]) {
      const trial = trialAt(bottom, changes);
      if (trial && spread(regions, trial) <= 1) return { page: flowedPage(regions, trial, start.unit), spread: spread(regions, trial) };
    }
  }
  return { page: flowedPage(regions, balanced.trial, start.unit), spread: spread(regions, balanced.trial) };
}

/**
 * When the last page cannot be balanced within a line on its own, sets one paragraph of the
 * page before a line longer (or shorter) so one line more (or less) goes over, keeping that page
 * as full as it was, and balances again. Returns the two new pages, or undefined.
 */
function rebalanceAcrossPages(units: readonly FlowUnit[], previousStart: FlowState, previous: FlowedPage, lastIndex: number, regionsFor: (page: number) => Region[], geometry: PageGeometry): [FlowedPage, FlowedPage] | undefined {
  const regions = regionsFor(lastIndex - 1);
  const lastRegions = regionsFor(lastIndex);
  const filled = previous.columns.reduce((sum, c) => sum + c.used, 0);
  for (const changes of changeSets(holeFillers(units, previousStart, units.length - 1, regions[regions.length - 1]!.width)).slice(0, REBALANCE_CANDIDATES)) {
    const state = cloneState(previousStart);
    const results = fillPage(units, state, regions, geometry, lastRegions, undefined, changes);
    if (isDone(units, state) || results.some((r) => r.forced) || results.reduce((sum, r) => sum + r.used, 0) < filled) continue;
    const start = cloneState(state);
    const lastResults = fillPage(units, state, lastRegions, geometry, regionsFor(lastIndex + 1));
    if (!isDone(units, state)) continue;
    const last = balanceLastPage(units, start, lastRegions, lastResults, geometry, regionsFor(lastIndex + 1));
    if (last.spread <= 1) return [flowedPage(regions, results, previousStart.unit), last.page];
  }
  return undefined;
}

/** How many changes to the page before are tried to balance the last page. */
const REBALANCE_CANDIDATES = 40;

/** Grid lines between the highest and lowest column foot. */
function spread(regions: Region[], results: RegionResult[]): number {
  const feet = regions.map((region, i) => region.firstLine + (results[i]?.used ?? 0));
  return Math.max(...feet) - Math.min(...feet);
}

function fillPage(units: readonly FlowUnit[], state: FlowState, regions: Region[], geometry: PageGeometry, following: Region[], caps?: number[], pageChanges: Looseness[] = []): RegionResult[] {
  const results: RegionResult[] = [];
  regions.forEach((region, i) => {
    const earlier = results.flatMap((r) => r.elements);
    const fill = (into: FlowState, changes: Looseness[] = []) => fillRegion(units, into, region, geometry, nextWidth(regions, i, following), earlier, caps?.[i] ?? region.lines, [...pageChanges, ...changes]);
    // The last column of a page being balanced must take all that is left, and should end
    // within a line of the columns before it.
    const finish = caps !== undefined && i === regions.length - 1 ? { minUsed: Math.max(0, ...results.map((r) => r.used)) - 1 } : undefined;
    results.push(fillHoles(units, state, region.width, caps?.[i] ?? region.lines, finish, fill));
  });
  return results;
}

/**
 * Fills a region, and when the widow, orphan or keep rules leave empty grid lines at its foot
 * while text is still to come, sets one of the region's paragraphs a line longer or shorter
 * (TeX's looseness trick) so the column ends full. Of the settings that close the hole without
 * breaking a rule, the one with the least stretched lines wins; if none does, the hole stays.
 */
function fillHoles(units: readonly FlowUnit[], state: FlowState, width: number, cap: number, finish: { minUsed: number } | undefined, fill: (state: FlowState, changes?: Looseness[]) => RegionResult): RegionResult {
  const start = cloneState(state);
  const plain = fill(state);
  // A balanced last column must finish, ending no more than a line above the others; any
  // other column should end full.
  const score = (result: RegionResult, after: FlowState) => (finish ? (isDone(units, after) ? (result.used >= finish.minUsed ? 2 : 1) : 0) : isDone(units, after) ? cap : result.used);
  const target = finish ? 2 : cap;
  const plainScore = score(plain, state);
  if (plainScore >= target) return plain;
  const fillers = holeFillers(units, start, Math.min(state.unit, units.length - 1), width);
  let best: { result: RegionResult; state: FlowState; cost: number; score: number } | undefined;
  for (const trial of costedChangeSets(fillers)) {
    if (best && best.score === target && best.cost <= trial.cost) break;
    const trialState = cloneState(start);
    const result = fill(trialState, trial.changes);
    const trialScore = score(result, trialState);
    const better = !best || trialScore > best.score || (trialScore === best.score && trial.cost < best.cost);
    if (trialScore > plainScore && result.used <= cap && !result.forced && (!result.quoteAtTop || plain.quoteAtTop) && better) best = { result, state: trialState, cost: trial.cost, score: trialScore };
  }
  if (!best) return plain;
  Object.assign(state, best.state);
  if (!best.state.carry) delete state.carry;
  return best.result;
}

/**
 * Single changes first; two at once (two paragraphs, or a paragraph and a space) only after
 * every single one, among the cheapest few, at the dearer one's cost plus a little.
 */
function costedChangeSets(fillers: Array<{ looseness: Looseness; cost: number }>): Array<{ changes: Looseness[]; cost: number }> {
  const cheapest = fillers.slice(0, PAIR_CANDIDATES);
  const pairs = cheapest.flatMap((a, i) => cheapest.slice(i + 1).filter((b) => b.looseness.unit !== a.looseness.unit).map((b) => ({ changes: [a.looseness, b.looseness], cost: Math.max(a.cost, b.cost) + PAIR_COST })));
  return [...fillers.map((f) => ({ changes: [f.looseness], cost: f.cost })), ...pairs];
}

function changeSets(fillers: Array<{ looseness: Looseness; cost: number }>): Looseness[][] {
  return costedChangeSets(fillers).map((set) => set.changes);
}

/** How many of the cheapest changes are tried two at a time, and what a second change costs. */
const PAIR_CANDIDATES = 8;
const PAIR_COST = 0.25;

/** Extra space above a display costs more than any paragraph set within the looseness tolerance. */
const SPACE_COST = 2;

/**
 * What may change in a region to fill a hole at its foot, cheapest first: a justified paragraph
 * a line longer or shorter (cost: its most stretched line), else a grid line more above a
 * heading, pull-quote or other display (the vertical glue of TeX, kept on the grid).
 */
function holeFillers(units: readonly FlowUnit[], start: FlowState, last: number, width: number): Array<{ looseness: Looseness; cost: number }> {
  const fillers: Array<{ looseness: Looseness; cost: number }> = [];
  const candidates = [...start.pending.map((quote) => units.indexOf(quote))];
  for (let unit = start.unit; unit <= last; unit++) candidates.push(unit);
  for (const unit of candidates) {
    const candidate = units[unit]!;
    if (candidate.kind === 'text' && candidate.align === 'justify') {
      const from = unit === start.unit ? start.from : 0;
      for (const lines of [1, -1]) {
        const set = unitLinesLoosely(candidate, width, from, lines);
        if (set) fillers.push({ looseness: { unit, lines }, cost: Math.max(...set.map((line) => Math.abs(line.ratio))) });
      }
    } else if (candidate.kind === 'block' || candidate.keepWithNext) {
      fillers.push({ looseness: { unit, lines: 0, space: 1 }, cost: SPACE_COST });
    }
  }
  return fillers.sort((a, b) => a.cost - b.cost);
}

/** Width of the region that follows region `index`: the next column, or the next page's first. */
function nextWidth(regions: Region[], index: number, following: Region[]): number {
  return (regions[index + 1] ?? following[0] ?? regions[index]!).width;
}

function sameState(a: FlowState, b: FlowState): boolean {
  return a.unit === b.unit && a.from === b.from && a.carry === b.carry && a.pending.length === b.pending.length;
}

export type * from './types.js';
export { pageGeometry } from './geometry.js';
