/**
 * Full-measure displays (tables): a table spans all the body columns of its page, as a wide
 * table in a report does. The text before it is balanced in the columns above, the table
 * follows across the measure, and the text after it runs on in the columns below, so the two
 * columns stay in register beside nothing but each other.
 */
import { initialState, type Region } from './flow.js';
import { baselineOf, type PageGeometry } from './geometry.js';
import { flowAll, type FlowedPage } from './paginate.js';
import type { BlockUnit, FlowUnit } from './units.js';

/** A run of columns must have at least this many grid lines to be worth opening below a table. */
const MIN_BAND = 3;
/** A table split across pages keeps at least this many grid lines on the first. */
const MIN_TABLE_PART = 4;

export function spansMeasure(unit: FlowUnit): unit is BlockUnit {
  return unit.kind === 'block' && unit.span === true;
}

/**
 * Flows the body: runs of column text between full-measure tables, each run balanced at its
 * end, each table across the measure below it. Paragraph numbers stay those of `units`.
 */
export function flowBody(units: readonly FlowUnit[], regionsFor: (page: number) => Region[], geometry: PageGeometry): FlowedPage[] {
  const pages: FlowedPage[] = [];
  let page = 0;
  /** Grid line the next run of columns starts on, on page `page` (undefined: the page's own start). */
  let top: number | undefined;
  let pending: BlockUnit[] = [];
  let runStart = 0;
  const regionsBelow = (at: number | undefined, on: number) => (index: number) =>
    regionsFor(index).map((region) => {
      if (index !== on || at === undefined || at <= region.firstLine) return region;
      return { ...region, firstLine: at, lines: region.firstLine + region.lines - at };
    });
  const pageEnd = (index: number) => Math.min(...regionsFor(index).map((r) => r.firstLine + r.lines));
  const pageStart = (index: number) => Math.max(...regionsFor(index).map((r) => r.firstLine));

  for (let i = 0; i <= units.length; i++) {
    const last = i === units.length;
    if (!last && !spansMeasure(units[i]!)) continue;
    const run = units.slice(runStart, i);
    if (run.length > 0 || (last && pending.length > 0)) {
      if (top !== undefined && pageEnd(page) - top < MIN_BAND) {
        page++;
        top = undefined;
      }
      const start = { ...initialState(), pending: [...pending], holdPending: !last };
      const flowed = flowAll(run, regionsBelow(top, page), geometry, page, start);
      for (const flowedPage of flowed) {
        for (const element of flowedPage.elements) if (element.paragraph !== undefined) element.paragraph += runStart;
        flowedPage.startUnit += runStart;
      }
      const end = flowed[flowed.length - 1]!;
      mergePages(pages, page, flowed);
      page += flowed.length - 1;
      pending = end.pendingAfter;
      top = Math.max(0, ...end.columns.map((c) => c.firstLine + c.used));
    }
    if (last) break;
    ({ page, top } = placeTable(units[i] as BlockUnit, i, pages, page, top, regionsFor, geometry, pageStart, pageEnd));
    runStart = i + 1;
  }
  return pages;
}

/** Adds `flowed` (starting on page `at`) to `pages`, merging its first page into one already begun. */
function mergePages(pages: FlowedPage[], at: number, flowed: FlowedPage[]): void {
  flowed.forEach((flowedPage, k) => {
    const existing = pages[at + k];
    if (!existing) pages[at + k] = flowedPage;
    else {
      existing.elements.push(...flowedPage.elements);
      existing.columns.push(...flowedPage.columns);
      existing.lateQuotes.push(...flowedPage.lateQuotes);
      existing.pendingAfter = flowedPage.pendingAfter;
    }
  });
}

function emptyPage(startUnit: number): FlowedPage {
  return { elements: [], columns: [], startUnit, lateQuotes: [], pendingAfter: [] };
}

/**
 * Sets a table across the measure at grid line `top` of page `page` (one grid line below the
 * text above), splitting it by rows onto the next pages when it is taller than the room left.
 * Returns where the text after it starts.
 */
function placeTable(table: BlockUnit, unitIndex: number, pages: FlowedPage[], startPage: number, startTop: number | undefined, regionsFor: (page: number) => Region[], geometry: PageGeometry, pageStart: (page: number) => number, pageEnd: (page: number) => number): { page: number; top: number | undefined } {
  let page = startPage;
  let at = startTop === undefined ? pageStart(page) : startTop + Math.max(1, table.spaceBefore);
  let rest: BlockUnit | undefined = table;
  while (rest) {
    const regions = regionsFor(page);
    const x = Math.min(...regions.map((r) => r.x));
    const width = Math.max(...regions.map((r) => r.x + r.width)) - x;
    const room = pageEnd(page) - at;
    const height = rest.height(width);
    let part: BlockUnit = rest;
    rest = undefined;
    if (height > room) {
      const parts = room >= MIN_TABLE_PART ? part.split?.(width, room) : undefined;
      if (parts) [part, rest] = parts;
      else if (at > pageStart(page)) {
        // Not even a few rows fit here: the table starts on the next page.
        page++;
        at = pageStart(page);
        rest = part;
        continue;
      }
    }
    pages[page] ??= emptyPage(pages[page - 1]?.startUnit ?? 0);
    pages[page]!.elements.push(...part.draw(x, baselineOf(geometry, at), width).map((element) => ({ ...element, paragraph: unitIndex })));
    at += part.height(width);
    pages[page]!.foot = at;
    if (rest) {
      page++;
      at = pageStart(page);
    }
  }
  const next = at + Math.max(1, table.spaceAfter ?? 1);
  if (next >= pageEnd(page)) return { page: page + 1, top: undefined };
  return { page, top: next };
}
