/**
 * The layout stage: a Brief to pages of positioned elements (plain data).
 *
 * Page 1: the headline block across the measure, two body columns and the sidebar rail
 * (locator map, the focus country at a glance, the country list).
 * Later pages: a running head and two wide body columns. The flow carries what is left from
 * column to column; the last page is balanced; furniture is added once the page count is known.
 */
import { codePointName, type Diagnostics } from '../diagnostics.js';
import type { Brief, Paper } from '../model/index.js';
import { isRightToLeftLanguage, patternsFor } from '../typeset/index.js';
import { collectUnits } from './collect.js';
import { besideWords, type Region } from './flow.js';
import { planFootnotes } from './footnotes.js';
import { flowNotes } from './notes.js';
import { flowBody } from './spans.js';
import { tagLayout } from './structure.js';
import { footer, runningHead } from './furniture.js';
import { pageGeometry } from './geometry.js';
import { layoutHeader } from './header.js';
import { layoutRail } from './rail.js';
import { levelWithItsWords } from './quote-check.js';
import { quoteInRail, type RailRoom } from './rail-quote.js';
import type { SidebarPart } from './sidebar.js';
import type { Layout, Page, PageElement } from './types.js';
import type { FlowedPage } from './paginate.js';
import type { BlockUnit, FlowUnit } from './units.js';

/** A footnote longer than this share of page 1's columns is set in the endnotes band instead. */
const MAX_FOOTNOTE_SHARE = 1 / 3;

export interface LayoutOptions {
  paper: Paper;
  diagnostics: Diagnostics;
  /** Whether page 1's rail opens with the locator map. */
  map: boolean;
}


export function layoutBrief(brief: Brief, options: LayoutOptions): Layout {
  const { diagnostics } = options;
  const geometry = pageGeometry(options.paper);
  const hyphenation = patternsFor(brief.meta.lang);
  const rightToLeft = isRightToLeftLanguage(brief.meta.lang);
  if (!hyphenation) diagnostics.warn(`no hyphenation patterns for language "${brief.meta.lang}"; the brief is set without hyphenation`);

  const header = layoutHeader(brief.meta, geometry, (message) => diagnostics.warn(message));
  const missing = new Map<number, Set<string>>();
  const units = collectUnits(brief.body, {
    hyphenation,
    grid: geometry.grid,
    maxImageHeight: (geometry.gridLines - header.gridLines - 3) * geometry.grid,
    images: {
      grid: geometry.grid,
      columnWidth: geometry.laterPages.body[0].width,
      // 60% of a column; across the measure, half a page, so text keeps most of it.
      columnMaxHeight: Math.min(0.6 * geometry.gridLines, geometry.gridLines - header.gridLines - 3) * geometry.grid,
      wideMaxHeight: 0.5 * geometry.gridLines * geometry.grid,
    },
    narrowestColumn: Math.min(geometry.firstPage.body[0].width, geometry.laterPages.body[0].width),
    ...(rightToLeft ? { direction: 'rtl' as const } : {}),
    warn: (message, line) => diagnostics.warn(message, line),
    onMissingGlyphs: (line) => (characters) => {
      const set = missing.get(line) ?? new Set<string>();
      for (const ch of characters) set.add(ch);
      missing.set(line, set);
    },
  });

  const bodyLines = geometry.gridLines - header.gridLines;
  const sidebar = layoutRail(brief, {
    width: geometry.firstPage.rail.width,
    grid: geometry.grid,
    firstLines: bodyLines,
    continuedWidth: geometry.laterPages.body[1].width,
    continuedLines: geometry.gridLines - 6,
    map: options.map,
  });
  const baselineAt = (line: number) => geometry.gridOrigin + line * geometry.grid;
  const firstPageExtras: PageElement[] = [...header.elements];
  const [firstSidebar, ...continuedSidebar] = sidebar;
  const railPart = firstSidebar?.(geometry.firstPage.rail.x, baselineAt(header.gridLines));
  if (railPart) firstPageExtras.push(...railPart.elements);
  // A brief with no country at all has nothing for the rail (no map, facts or list): page 1's
  // text then takes the full measure in the later pages' two columns, instead of leaving the
  // right third of the page empty.
  const railEmpty = !brief.sidebar && !brief.meta.country;
  // What is left of page 1's rail below its blocks: room for a pull-quote with nowhere else to go.
  const rail: RailRoom | undefined = railPart && !railEmpty
    ? { x: geometry.firstPage.rail.x, width: geometry.firstPage.rail.width, firstFree: header.gridLines + railPart.gridLines, free: bodyLines - railPart.gridLines, baselineAt }
    : undefined;
  // A sidebar too long for page 1 goes on at the head of the right-hand column of the next pages.
  const continued: SidebarPart[] = continuedSidebar.map((part) => part(geometry.laterPages.body[1].x, baselineAt(0)));

  // A brief in a right-to-left language reads its columns from right to left.
  const inReadingOrder = (regions: Region[]): Region[] => (rightToLeft ? regions.reverse() : regions);
  const firstBody = railEmpty ? geometry.laterPages.body : geometry.firstPage.body;
  const regionsFor = (pageIndex: number): Region[] => {
    if (pageIndex === 0) {
      return inReadingOrder(firstBody.map((column, i) => ({ ...column, firstLine: header.gridLines, lines: bodyLines, column: i })));
    }
    return inReadingOrder(
      geometry.laterPages.body.map((column, i) => {
        const box = i === 1 ? continued[pageIndex - 1] : undefined;
        const reserved = box ? box.gridLines + 1 : 0;
        return { ...column, firstLine: reserved, lines: geometry.gridLines - reserved, column: i };
      }),
    );
  };

  // Footnotes go to the foot of the column their reference lands in; long ones, and the list of
  // links, form a band of their own: the body's columns are balanced above it, and the band runs
  // in the same columns below a hairline, balanced in turn on the last page.
  const notesAt = units.findIndex((unit) => unit.kind === 'text' && unit.startsNotes);
  let bodyUnits = notesAt < 0 ? units : units.slice(0, notesAt);
  const { notes: footNotes, footUnits, endUnits } = planFootnotes(bodyUnits, notesAt < 0 ? [] : units.slice(notesAt), Math.min(geometry.firstPage.body[0].width, geometry.laterPages.body[0].width), Math.floor(bodyLines * MAX_FOOTNOTE_SHARE), geometry.grid);
  let flowPages = flowBody(bodyUnits, regionsFor, geometry);
  // A brief whose body is empty (only raw HTML, say) still has its page 1.
  if (flowPages.length === 0) flowPages.push({ elements: [], columns: [], startUnit: 0, lateQuotes: [], pendingAfter: [] });
  const placed = placeLateQuotes(flowPages, bodyUnits, (moved) => flowBody(moved, regionsFor, geometry), rail, geometry.grid, (quote) => {
    // Only a quote the writer marked is worth a word; one picked automatically just goes.
    if (!quote.automatic) diagnostics.warn('a pull-quote found no place beside text that does not already show its words and was left out (its words stay in the body)', quote.sourceLine ?? 1);
  });
  ({ flowPages, bodyUnits } = placed);
  // (A quote drawn in the rail is no unit any more: flowing again would lose it.)
  if (!placed.railQuote) ({ flowPages, bodyUnits } = withoutUnbalancingQuotes(flowPages, bodyUnits, (kept) => flowBody(kept, regionsFor, geometry)));
  // Notes are numbered after the body as finally set (pull-quotes may have been left out): the
  // footnotes first, then the band.
  for (const page of flowPages) {
    for (const element of page.elements) if (element.kind === 'text' && element.footnote) element.paragraph = bodyUnits.length + element.footnote.unit;
  }
  if (endUnits.length) flowNotes(endUnits, bodyUnits.length + footUnits.length, flowPages, regionsFor, geometry);
  for (const [line, characters] of [...missing].sort((a, b) => a[0] - b[0])) {
    const list = [...characters].map((c) => `"${c}" (${codePointName(c)})`).join(', ');
    const first = [...characters][0]!;
    diagnostics.warn(`the fonts have no glyph for ${list}; ${characters.size === 1 ? 'it prints' : 'they print'} as blank boxes, as no vendored font covers ${characters.size === 1 ? 'it' : 'them'}: replace ${characters.size === 1 ? 'it' : 'them'} or say in words what ${characters.size === 1 ? 'it means' : 'they mean'}`, line, diagnostics.columnOf(line, first));
  }
  // The sidebar's continuation needs its pages even when the text ends sooner.
  while (flowPages.length < continued.length + 1) flowPages.push({ elements: [], columns: [], startUnit: 0, lateQuotes: [], pendingAfter: [] });
  const pages: Page[] = flowPages.map((flowed, index) => ({ number: index + 1, elements: flowed.elements, columns: flowed.columns }));
  pages[0]!.elements.unshift(...firstPageExtras);
  continued.forEach((box, i) => pages[i + 1]!.elements.unshift(...box.elements));
  for (const page of pages) {
    if (page.number > 1) page.elements.unshift(...runningHead(brief.meta, geometry));
    page.elements.push(...footer(brief.meta, page.number, pages.length, geometry));
  }
  // Each footnote's Note follows the paragraph holding its reference in the structure.
  const noteAfter = new Map(footNotes.flatMap((note) => note.units.map((_, part) => [bodyUnits.length + note.firstUnit + part, bodyUnits.indexOf(note.anchor)] as const)));
  const structure = tagLayout(pages, [...bodyUnits, ...footUnits, ...endUnits], { mapAlt: mapDescription(brief), noteAfter });
  return {
    structure,
    paper: options.paper,
    width: geometry.width,
    height: geometry.height,
    frame: { left: geometry.margin.left - 6, top: 12, right: geometry.width - geometry.margin.right + 6, bottom: geometry.height - 12 },
    grid: { pitch: geometry.grid, origin: geometry.gridOrigin },
    pages,
  };
}

/**
 * Pull-quotes that found no place before the text ran out would trail the article, stacked at
 * a column's foot. Each is set from further back instead (the first a page before the last, the
 * next a page before that), ahead of its words as a teaser; any still left over is left out.
 */
function placeLateQuotes(pages: FlowedPage[], units: FlowUnit[], flow: (units: FlowUnit[]) => FlowedPage[], rail: RailRoom | undefined, grid: number, warn: (quote: BlockUnit) => void): { flowPages: FlowedPage[]; bodyUnits: FlowUnit[]; railQuote?: boolean } {
  const late = pages[pages.length - 1]!.lateQuotes;
  if (late.length === 0) return { flowPages: pages, bodyUnits: units };
  if (pages.length > 1) {
    let moved = units.filter((unit) => !late.includes(unit as BlockUnit));
    late.forEach((quote, k) => {
      const from = pages[Math.max(0, pages.length - 2 - k)]!.startUnit;
      const at = moved.indexOf(units[Math.min(from, units.length - 1)]!);
      moved = [...moved.slice(0, Math.max(0, at)), quote, ...moved.slice(Math.max(0, at))];
    });
    const again = flow(moved);
    if (again.length <= pages.length && again[again.length - 1]!.lateQuotes.length === 0) return { flowPages: again, bodyUnits: moved };
  }
  // One quote with nowhere else to go may stand in page 1's rail, the columns flowed without it.
  // Whether its words are on page 1, or level with it, is asked of those columns.
  if (late.length === 1) {
    const quote = late[0]!;
    const kept = units.filter((unit) => unit !== quote);
    let flowed: FlowedPage[] | undefined;
    const without = () => (flowed ??= flow(kept));
    if (rail && quote.height(rail.width) + 1 <= rail.free) {
      const drawn = without().length > 0 ? quoteInRail(quote, without(), rail) : undefined;
      const pagesWithout = without();
      if (drawn && pagesWithout.length <= pages.length && pagesWithout[pagesWithout.length - 1]!.lateQuotes.length === 0) {
        pagesWithout[0]!.elements.push(...drawn);
        return { flowPages: pagesWithout, bodyUnits: kept, railQuote: true };
      }
    }
    // One trailing quote the writer marked may close the article, unless it throws the last
    // columns out of balance (a short brief, or text below a figure across the measure) or ends
    // up level with its own words, which it would only echo: then, as more would stack up, it is
    // left out. One picked automatically is left out whenever the text sets as well without it:
    // hung under one column's last paragraph, it leaves that column's text short of the other's,
    // and nobody asked for it.
    const automatic = quote.automatic === true;
    const last = pages[pages.length - 1]!;
    const spread = lastBandSpread(last);
    const index = units.indexOf(quote);
    const drawn = last.elements.filter((e) => e.kind === 'text' && (e.role === 'pullquote' || e.role === 'pullquote-cite') && e.paragraph === index);
    const echoes = quote.quotes !== undefined && levelWithItsWords(quote.quotes, drawn, last.elements, grid);
    if (!automatic && spread <= MAX_TRAILING_SPREAD && !echoes) return { flowPages: pages, bodyUnits: units };
    // Nothing but the quote to set (a brief of one pull-quote), or no better without it: keep it.
    const end = without()[without().length - 1];
    if (!end || without().length > pages.length || (!automatic && !echoes && lastBandSpread(end) >= spread)) return { flowPages: pages, bodyUnits: units };
    warn(quote);
    // Without it another quote may now be the one left at the end: it gets the same treatment.
    if (end.lateQuotes.length) return placeLateQuotes(without(), kept, flow, rail, grid, warn);
    return { flowPages: without(), bodyUnits: kept };
  }
  for (const quote of late.slice(1)) warn(quote);
  const kept = units.filter((unit) => !late.slice(1).includes(unit as BlockUnit));
  return { flowPages: flow(kept), bodyUnits: kept };
}

/**
 * Pull-quotes picked automatically on the last page are left out when they keep its columns
 * from balancing: a quote may not open a column, so with a few lines left after it the page
 * ends with the quote and those lines in one column and the next column empty. Nobody asked
 * for such a quote; the balanced page without it reads better.
 */
function withoutUnbalancingQuotes(pages: FlowedPage[], units: FlowUnit[], flow: (units: FlowUnit[]) => FlowedPage[]): { flowPages: FlowedPage[]; bodyUnits: FlowUnit[] } {
  const last = pages[pages.length - 1]!;
  const spread = lastBandSpread(last);
  if (spread <= 1) return { flowPages: pages, bodyUnits: units };
  // Known by their words: a quote carried past a table into the next run of columns is drawn
  // there without its unit's number.
  const shown = last.elements.filter((e) => e.kind === 'text' && e.role === 'pullquote');
  const quotes = new Set<FlowUnit>(units.filter((unit) => unit.kind === 'block' && unit.automatic === true && unit.quotes !== undefined && besideWords(unit.quotes, shown, [])));
  if (quotes.size === 0) return { flowPages: pages, bodyUnits: units };
  const kept = units.filter((unit) => !quotes.has(unit));
  const again = flow(kept);
  const end = again[again.length - 1];
  if (!end || again.length > pages.length || end.lateQuotes.length > 0 || lastBandSpread(end) >= spread) return { flowPages: pages, bodyUnits: units };
  return { flowPages: again, bodyUnits: kept };
}

/** A trailing pull-quote may leave the last columns this many grid lines apart at most. */
const MAX_TRAILING_SPREAD = 2;

/** Grid lines between the longest and the shortest column of a page's last band of columns. */
function lastBandSpread(page: FlowedPage): number {
  const band = Math.max(...page.columns.map((c) => c.firstLine));
  const ends = page.columns.filter((c) => c.firstLine === band).map((c) => c.firstLine + (c.filled ?? c.used));
  return ends.length < 2 ? 0 : Math.max(...ends) - Math.min(...ends);
}

/** Alternate text for the locator map: what it shows, in words. */
function mapDescription(brief: Brief): string | undefined {
  const sidebar = brief.sidebar;
  if (!sidebar) return undefined;
  const groups = sidebar.groups.map((group) => `${group.status ? `${group.status}: ` : ''}${group.entries.map((entry) => entry.country.name).join(', ')}`);
  const focus = brief.meta.country?.name;
  return `Locator map${focus ? ` centred on ${focus}` : ''}, showing the countries listed beside it${groups.length ? ` (${groups.join('; ')})` : ''}.`;
}

export type * from './types.js';
export { pageGeometry } from './geometry.js';
