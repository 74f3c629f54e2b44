/**
 * Pagination (Typst's "distribute" step at page level): flows units through the columns of one
 * page after another, balances the last page (within a line, moving a line over from the page
 * before when it must) and reports how each column was filled.
 */
import { cloneState, fillRegion, initialState, isDone, type FlowState, type Looseness, type Region, type RegionResult } from './flow.js';
import type { PageGeometry } from './geometry.js';
import { changeSets, fillHoles, holeFillers } from './holes.js';
import { quoteBesideItsWords } from './quote-check.js';
import type { ColumnFill, PageElement } from './types.js';
import type { BlockUnit, FlowUnit } from './units.js';

/** A brief longer than this is almost surely a mistake; stop rather than fill the disk. */
const MAX_PAGES = 2000;

export interface FlowedPage {
  elements: PageElement[];
  columns: ColumnFill[];
  /** The unit the page's flow started at. */
  startUnit: number;
  lateQuotes: BlockUnit[];
  /** Pull-quotes still waiting for a place when the page was done. */
  pendingAfter: BlockUnit[];
  /** Grid line below a full-measure table that ends the page's content, if one does. */
  foot?: number;
}

function balancedPage(regions: Region[], results: RegionResult[], startUnit: number, after: FlowState): FlowedPage {
  const page = flowedPage(regions, results, startUnit, after);
  for (const column of page.columns) column.balanced = true;
  return page;
}

function flowedPage(regions: Region[], results: RegionResult[], startUnit: number, after: FlowState): FlowedPage {
  return {
    startUnit,
    pendingAfter: [...after.pending],
    lateQuotes: results.flatMap((r) => r.lateQuotes),
    elements: results.flatMap((r) => r.elements),
    columns: regions.map((region, i) => ({ column: region.column, x: region.x, width: region.width, firstLine: region.firstLine, lines: region.lines, used: (results[i]?.used ?? 0) + (results[i]?.below ?? 0), below: results[i]?.below ?? 0, filled: results[i]?.filled ?? 0, notes: results[i]?.notes ?? 0, forced: results[i]?.forced ?? false })),
  };
}

/** Flows all units page by page, then balances the columns of the last page. */
export function flowAll(units: readonly FlowUnit[], regionsFor: (page: number) => Region[], geometry: PageGeometry, firstPage = 0, initial: FlowState = initialState()): FlowedPage[] {
  const pages: FlowedPage[] = [];
  let state = cloneState(initial);
  let previousStart: FlowState | undefined;
  let stalled = 0;
  for (let pageIndex = firstPage; pageIndex < MAX_PAGES; pageIndex++) {
    const start = cloneState(state);
    const regions = regionsFor(pageIndex);
    const results = fillPage(units, state, regions, geometry, regionsFor(pageIndex + 1));
    if (isDone(units, state)) {
      const last = balanceLastPage(units, start, state, regions, results, geometry, regionsFor(pageIndex + 1));
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
    // Nothing fitted: fine once (a short run of columns below a table), a dead end twice.
    if (results.every((r) => r.used === 0) && sameState(start, state)) {
      if (++stalled > 1) throw new Error('layout made no progress: a block is larger than a page');
    } else stalled = 0;
    pages.push(flowedPage(regions, results, start.unit, state));
  }
  throw new Error(`the brief would take more than ${MAX_PAGES} pages`);
}

/**
 * Re-flows the last page so its columns end on the same grid line (or within one): tries the
 * lowest common bottom line first and keeps the first that holds everything.
 */
function balanceLastPage(units: readonly FlowUnit[], start: FlowState, end: FlowState, regions: Region[], results: RegionResult[], geometry: PageGeometry, following: Region[]): { page: FlowedPage; spread: number } {
  // Text lines to place (footnotes may hang below a balanced page's text).
  const used = results.reduce((sum, r) => sum + r.filled - r.notes, 0);
  if (regions.length < 2 || used <= 1) return { page: balancedPage(regions, results, start.unit, end), spread: 0 };
  const top = Math.min(...regions.map((r) => r.firstLine));
  const lowest = Math.max(...regions.map((r) => r.firstLine + r.lines));
  // Balance only if that does not push a pull-quote to the head of a column or break the line rules.
  const worse = (trial: RegionResult[]) => trial.some((r) => (r.quoteAtTop && !results.some((u) => u.quoteAtTop)) || (r.forced && !results.some((u) => u.forced)));
  let anywhere = false;
  /** The fewest lines the balanced columns must hold between them. */
  let least = used;
  const trialAt = (bottom: number, changes: Looseness[] = []) => {
    const caps = regions.map((r) => Math.max(0, Math.min(r.lines, bottom - r.firstLine)));
    const state = cloneState(start);
    const trial = fillPage(units, state, regions, geometry, following, caps, changes, anywhere);
    return isDone(units, state) && !worse(trial) ? { trial, state } : undefined;
  };
  const search = (): { page: FlowedPage; spread: number } => {
    let balanced: { trial: RegionResult[]; state: FlowState; bottom: number } | undefined;
    for (let bottom = top + 1; bottom < lowest && !balanced; bottom++) {
      const caps = regions.map((r) => Math.max(0, Math.min(r.lines, bottom - r.firstLine)));
      if (caps.reduce((a, b) => a + b, 0) < least) continue;
      const trial = trialAt(bottom);
      if (trial) balanced = { ...trial, bottom };
    }
    if (!balanced) return { page: balancedPage(regions, results, start.unit, end), spread: spread(regions, results) };
    if (spread(regions, balanced.trial) <= 1) return { page: balancedPage(regions, balanced.trial, start.unit, balanced.state), spread: spread(regions, balanced.trial) };
    // The rules left the columns further apart than a line: set one paragraph of the page a line
    // longer or shorter (or open a display by a grid line) and balance again.
    for (const changes of changeSets(holeFillers(units, start, units.length - 1, regions[regions.length - 1]!.width))) {
      for (const bottom of [balanced.bottom - 1, balanced.bottom, balanced.bottom + 1]) {
        const trial = trialAt(bottom, changes);
        if (trial && spread(regions, trial.trial) <= 1) return { page: balancedPage(regions, trial.trial, start.unit, trial.state), spread: spread(regions, trial.trial) };
      }
    }
    return { page: balancedPage(regions, balanced.trial, start.unit, balanced.state), spread: spread(regions, balanced.trial) };
  };
  // Pull-quotes keep to the outer column unless that is what stops the columns from balancing.
  const outer = search();
  if (outer.spread <= 1) return outer;
  anywhere = true;
  const any = search();
  let best = any.spread < outer.spread ? any : outer;
  // Columns above a table hold a pull-quote for the columns below it when it finds no place. A
  // quote the first fill set here may then take no room in the balanced columns: counted as text
  // to place, it kept the search from the lower feet (15 lines beside 4 above a table).
  const quoteLines = start.holdPending ? results.reduce((sum, r) => sum + r.quoteLines, 0) : 0;
  if (best.spread > 1 && quoteLines > 0) {
    least = used - quoteLines;
    for (const where of [false, true]) {
      anywhere = where;
      const held = search();
      if (held.spread < best.spread) best = held;
      if (best.spread <= 1) break;
    }
  }
  return best;
}

/**
 * When the last page cannot be balanced within a line on its own, sets one paragraph of the
 * page before a line longer (or shorter) so one line more (or less) goes over, keeping that page
 * as full as it was, and balances again. Returns the two new pages, or undefined.
 */
function rebalanceAcrossPages(units: readonly FlowUnit[], previousStart: FlowState, previous: FlowedPage, lastIndex: number, regionsFor: (page: number) => Region[], geometry: PageGeometry): [FlowedPage, FlowedPage] | undefined {
  const regions = regionsFor(lastIndex - 1);
  const lastRegions = regionsFor(lastIndex);
  const filled = previous.columns.reduce((sum, c) => sum + (c.filled ?? c.used), 0);
  for (const changes of changeSets(holeFillers(units, previousStart, units.length - 1, regions[regions.length - 1]!.width)).slice(0, REBALANCE_CANDIDATES)) {
    const state = cloneState(previousStart);
    const results = fillPage(units, state, regions, geometry, lastRegions, undefined, changes);
    if (isDone(units, state) || results.some((r) => r.forced) || results.reduce((sum, r) => sum + r.filled, 0) < filled) continue;
    const start = cloneState(state);
    const lastResults = fillPage(units, state, lastRegions, geometry, regionsFor(lastIndex + 1));
    if (!isDone(units, state)) continue;
    const last = balanceLastPage(units, start, state, lastRegions, lastResults, geometry, regionsFor(lastIndex + 1));
    if (last.spread <= 1) return [flowedPage(regions, results, previousStart.unit, start), last.page];
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

/**
 * Fills the page's columns in turn. A pull-quote that turns out to stand beside its words (in
 * its own column, or level in a column filled after it) is kept out of that column and the page
 * is filled again: the quote goes on to a later column or page.
 */
function fillPage(units: readonly FlowUnit[], state: FlowState, regions: Region[], geometry: PageGeometry, following: Region[], caps?: number[], pageChanges: Looseness[] = [], quotesAnywhere = false): RegionResult[] {
  const start = cloneState(state);
  let barred = regions;
  for (;;) {
    const results = fillColumns(units, state, barred, geometry, following, caps, pageChanges, quotesAnywhere);
    const column = quoteBesideItsWords(barred, results, geometry.grid);
    if (column === undefined || barred[column]!.noQuotes) return results;
    barred = barred.map((region, i) => (i === column ? { ...region, noQuotes: true } : region));
    for (const key of Object.keys(state) as Array<keyof FlowState>) delete state[key];
    Object.assign(state, cloneState(start));
  }
}

function fillColumns(units: readonly FlowUnit[], state: FlowState, regions: Region[], geometry: PageGeometry, following: Region[], caps?: number[], pageChanges: Looseness[] = [], quotesAnywhere = false): RegionResult[] {
  const results: RegionResult[] = [];
  regions.forEach((column, i) => {
    // When balancing cannot keep pull-quotes to the outer column, any column may take one.
    const placed = caps && quotesAnywhere ? column : { ...column, outer: i === regions.length - 1 };
    // Balancing: footnotes hang below the text's common foot while the column has room for them.
    const region = caps ? { ...placed, noteRoom: placed.lines - (caps[i] ?? placed.lines) } : placed;
    const earlier = results.flatMap((r) => r.elements);
    const fill = (into: FlowState, changes: Looseness[] = []) => fillRegion(units, into, region, geometry, nextWidth(regions, i, following), earlier, caps?.[i] ?? region.lines, [...pageChanges, ...changes]);
    // The last column of a page being balanced must take all that is left, and should end
    // within a line of the columns before it.
    const finish = caps !== undefined && i === regions.length - 1 ? { minUsed: Math.max(0, ...results.map((r) => r.used)) - 1 } : undefined;
    results.push(fillHoles(units, state, region.width, caps?.[i] ?? region.lines, finish, fill));
  });
  return results;
}

/** Width of the region that follows region `index`: the next column, or the next page's first. */
function nextWidth(regions: Region[], index: number, following: Region[]): number {
  return (regions[index + 1] ?? following[0] ?? regions[index]!).width;
}

function sameState(a: FlowState, b: FlowState): boolean {
  return a.unit === b.unit && a.from === b.from && a.carry === b.carry && a.pending.length === b.pending.length && (a.floats?.length ?? 0) === (b.floats?.length ?? 0);
}
