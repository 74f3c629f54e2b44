/**
 * Full-measure displays (tables, wide images): a table spans all the body columns of its page,
 * as a wide table in a report does. The text before it is balanced in the columns above, the table
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
/**
 * Nor does a split leave fewer body rows than this on either page (a row alone under its
 * header, or under the header repeated over the page, reads as a table's widow or orphan).
 * A table that cannot split so where it comes floats to the next page, as an image does.
 */
const MIN_TABLE_ROWS = 2;

export function spansMeasure(unit: FlowUnit): unit is BlockUnit {
  return unit.kind === 'block' && unit.span === true;
}

/**
 * Flows the body: runs of column text between full-measure displays, each run balanced at its
 * end, each display across the measure below it. Paragraph numbers stay those of `units`.
 *
 * A table that does not fit splits by rows. An image does not split: when it does not fit below
 * the text before it, it floats to the head of the next page (below any image already there),
 * and the text after it runs on in the columns to fill this page first, as a journal sets a
 * wide figure.
 */
export function flowBody(units: readonly FlowUnit[], pageRegions: (page: number) => Region[], geometry: PageGeometry): FlowedPage[] {
  const pages: FlowedPage[] = [];
  /** Per page, the first grid line below the images floated to its head. */
  const floatsEnd = new Map<number, number>();
  const regionsFor = (index: number): Region[] => {
    const below = floatsEnd.get(index);
    if (below === undefined) return pageRegions(index);
    return pageRegions(index).map((region) => (below <= region.firstLine ? region : { ...region, firstLine: below, lines: Math.max(0, region.firstLine + region.lines - below) }));
  };
  let page = 0;
  /** Grid line the next run of columns starts on, on page `page` (undefined: the page's own start). */
  let top: number | undefined;
  let pending: BlockUnit[] = [];
  let runStart = 0;
  /** Images that floated on: they are not part of the run of text around them. */
  const floated = new Set<number>();
  const regionsBelow = (at: number | undefined, on: number) => (index: number) =>
    regionsFor(index).map((region) => {
      if (index !== on || at === undefined || at <= region.firstLine) return region;
      return { ...region, firstLine: at, lines: region.firstLine + region.lines - at };
    });
  const pageEnd = (index: number) => Math.min(...pageRegions(index).map((r) => r.firstLine + r.lines));
  const pageStart = (index: number) => Math.max(...regionsFor(index).map((r) => r.firstLine));
  /** Grid lines of a page's columns with no figure floated to its head. */
  const wholePage = (index: number) => pageEnd(index) - Math.max(...pageRegions(index).map((r) => r.firstLine));

  for (let i = 0; i <= units.length; i++) {
    const last = i === units.length;
    if (!last && !spansMeasure(units[i]!)) continue;
    const indices: number[] = [];
    for (let k = runStart; k < i; k++) if (!floated.has(k)) indices.push(k);
    const run = indices.map((k) => units[k]!);
    let runPage = page;
    let runTop = top;
    let firstFlowPage = page;
    let flowed: FlowedPage[] = [];
    if (run.length > 0 || (last && pending.length > 0)) {
      if (runTop !== undefined && pageEnd(runPage) - runTop < MIN_BAND) {
        runPage++;
        runTop = undefined;
      }
      firstFlowPage = runPage;
      const start = { ...initialState(), pending: [...pending], holdPending: !last };
      flowed = flowAll(run, regionsBelow(runTop, runPage), geometry, runPage, start);
      const end = flowed[flowed.length - 1]!;
      runPage += flowed.length - 1;
      runTop = Math.max(0, ...end.columns.map((c) => c.firstLine + c.used));
    }
    const display = last ? undefined : (units[i] as BlockUnit);
    // A figure after one that floated on floats too, so figures keep their order.
    const afterFloat = indices.length < i - runStart;
    // A table floats only whole: one taller than a page goes on in placeTable, split where it must.
    const floats = display !== undefined && (display.float === true || (display.split !== undefined && display.height(measureOf(pageRegions(runPage + 1)).width) <= wholePage(runPage + 1) && !splitsBelow(display, runPage, runTop, regionsFor, pageStart, pageEnd)));
    if (floats && (afterFloat || !fitsBelow(display, runPage, runTop, regionsFor, pageStart, pageEnd))) {
      // The text after the display fills this page; the run goes on past it.
      floatToNextPage(display, i, runPage, pages, floatsEnd, pageRegions, geometry, pageEnd);
      floated.add(i);
      continue;
    }
    if (flowed.length) {
      for (const flowedPage of flowed) {
        for (const element of flowedPage.elements) if (element.paragraph !== undefined) element.paragraph = indices[element.paragraph] ?? element.paragraph;
        flowedPage.startUnit = indices[flowedPage.startUnit] ?? i;
      }
      mergePages(pages, firstFlowPage, flowed);
      pending = flowed[flowed.length - 1]!.pendingAfter;
    }
    page = runPage;
    top = runTop;
    // Images floated past the end of the run's text: what follows starts below the last of them.
    const lastFloatPage = Math.max(-1, ...floatsEnd.keys());
    if (lastFloatPage > page) {
      page = lastFloatPage;
      top = floatsEnd.get(page)! - Math.max(1, display?.spaceBefore ?? 1);
    }
    if (last) break;
    ({ page, top } = placeTable(display!, i, pages, page, top, regionsFor, geometry, pageStart, pageEnd, wholePage));
    runStart = i + 1;
  }
  for (let k = 0; k < pages.length; k++) pages[k] ??= emptyPage(pages[k - 1]?.startUnit ?? 0);
  return pages;
}

/** Whether an image fits across the measure below grid line `top` of `page`. */
function fitsBelow(image: BlockUnit, page: number, top: number | undefined, regionsFor: (page: number) => Region[], pageStart: (page: number) => number, pageEnd: (page: number) => number): boolean {
  const at = top === undefined ? pageStart(page) : top + Math.max(1, image.spaceBefore);
  return image.height(measureOf(regionsFor(page)).width) <= pageEnd(page) - at;
}

/**
 * Whether a table that does not fit below grid line `top` of `page` can start there and go on
 * over the page, with enough rows on each side; a table at the head of a page always may.
 */
function splitsBelow(table: BlockUnit, page: number, top: number | undefined, regionsFor: (page: number) => Region[], pageStart: (page: number) => number, pageEnd: (page: number) => number): boolean {
  if (top === undefined) return true;
  const room = pageEnd(page) - (top + Math.max(1, table.spaceBefore));
  return room >= MIN_TABLE_PART && table.split?.(measureOf(regionsFor(page)).width, room, MIN_TABLE_ROWS) !== undefined;
}

function measureOf(regions: Region[]): { x: number; width: number } {
  const x = Math.min(...regions.map((r) => r.x));
  return { x, width: Math.max(...regions.map((r) => r.x + r.width)) - x };
}

/**
 * Sets an image at the head of the first page after `after` with room for it (below images
 * already floated there), and records where the text on that page starts.
 */
function floatToNextPage(image: BlockUnit, unitIndex: number, after: number, pages: FlowedPage[], floatsEnd: Map<number, number>, pageRegions: (page: number) => Region[], geometry: PageGeometry, pageEnd: (page: number) => number): void {
  for (let page = after + 1; ; page++) {
    const regions = pageRegions(page);
    const { x, width } = measureOf(regions);
    const at = floatsEnd.get(page) ?? Math.max(...regions.map((r) => r.firstLine));
    const height = image.height(width);
    // An image alone on a page is set even if it were too tall (its height is limited to half a page).
    if (at + height > pageEnd(page) && floatsEnd.has(page)) continue;
    pages[page] ??= emptyPage(unitIndex);
    pages[page]!.elements.push(...image.draw(x, baselineOf(geometry, at), width).map((element) => ({ ...element, paragraph: unitIndex })));
    pages[page]!.foot = at + height;
    floatsEnd.set(page, at + height + Math.max(1, image.spaceAfter ?? 1));
    return;
  }
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
function placeTable(table: BlockUnit, unitIndex: number, pages: FlowedPage[], startPage: number, startTop: number | undefined, regionsFor: (page: number) => Region[], geometry: PageGeometry, pageStart: (page: number) => number, pageEnd: (page: number) => number, wholePage: (page: number) => number): { page: number; top: number | undefined } {
  let page = startPage;
  let at = startTop === undefined ? pageStart(page) : startTop + Math.max(1, table.spaceBefore);
  let rest: BlockUnit | undefined = table;
  while (rest) {
    const regions = regionsFor(page);
    const x = Math.min(...regions.map((r) => r.x));
    const width = Math.max(...regions.map((r) => r.x + r.width)) - x;
    const room = pageEnd(page) - at;
    const height: number = rest.height(width);
    let part: BlockUnit = rest;
    rest = undefined;
    if (height > room) {
      // A part taller than a whole page (one with no figure at its head) splits where it must,
      // a row apart if need be.
      const parts: [BlockUnit, BlockUnit] | undefined = room >= MIN_TABLE_PART ? (part.split?.(width, room, MIN_TABLE_ROWS) ?? (height > wholePage(page) ? part.split?.(width, room) : undefined)) : undefined;
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
