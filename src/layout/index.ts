/**
 * The layout stage: a Brief to pages of positioned elements (plain data).
 *
 * Page 1: the headline block across the measure, two body columns and the sidebar rail
 * (locator map, the focus country at a glance, the country list).
 * Later pages: a running head and two wide body columns. The flow carries what is left from
 * column to column; the last page is balanced; furniture is added once the page count is known.
 */
import type { Diagnostics } from '../diagnostics.js';
import type { Brief, Paper } from '../model/index.js';
import { patternsFor } from '../typeset/index.js';
import { collectUnits } from './collect.js';
import { cloneState, fillRegion, initialState, isDone, type FlowState, type Region, type RegionResult } from './flow.js';
import { footer, runningHead } from './furniture.js';
import { pageGeometry, type PageGeometry } from './geometry.js';
import { layoutHeader } from './header.js';
import { layoutRail } from './rail.js';
import type { SidebarPart } from './sidebar.js';
import type { Layout, Page, PageElement } from './types.js';
import type { FlowUnit } from './units.js';

export interface LayoutOptions {
  paper: Paper;
  diagnostics: Diagnostics;
  /** Whether page 1's rail opens with the locator map. */
  map: boolean;
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

  const flowPages = flowAll(units, regionsFor, geometry);
  for (const [line, characters] of [...missing].sort((a, b) => a[0] - b[0])) {
    const list = [...characters].map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
    diagnostics.warn(`the fonts have no glyph for ${list}; ${characters.size === 1 ? 'it prints' : 'they print'} as blank boxes (no vendored font covers them)`, line);
  }
  // The sidebar's continuation needs its pages even when the text ends sooner.
  while (flowPages.length < continued.length + 1) flowPages.push([]);
  const pages: Page[] = flowPages.map((elements, index) => ({ number: index + 1, elements }));
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

/** Flows all units page by page, then balances the columns of the last page. */
function flowAll(units: readonly FlowUnit[], regionsFor: (page: number) => Region[], geometry: PageGeometry): PageElement[][] {
  const pages: PageElement[][] = [];
  let state = initialState();
  for (let pageIndex = 0; pageIndex < MAX_PAGES; pageIndex++) {
    const start = cloneState(state);
    const regions = regionsFor(pageIndex);
    const results = fillPage(units, state, regions, geometry, regionsFor(pageIndex + 1));
    if (isDone(units, state)) {
      pages.push(balanceLastPage(units, start, regions, results, geometry, regionsFor(pageIndex + 1)));
      return pages;
    }
    if (results.every((r) => r.used === 0) && sameState(start, state)) {
      throw new Error('layout made no progress: a block is larger than a page');
    }
    pages.push(results.flatMap((r) => r.elements));
  }
  throw new Error(`the brief would take more than ${MAX_PAGES} pages`);
}

/**
 * Re-flows the last page so its columns end on the same grid line (or within one): tries the
 * lowest common bottom line first and keeps the first that holds everything.
 */
function balanceLastPage(units: readonly FlowUnit[], start: FlowState, regions: Region[], results: RegionResult[], geometry: PageGeometry, following: Region[]): PageElement[] {
  const used = results.reduce((sum, r) => sum + r.used, 0);
  if (regions.length < 2 || used <= 1) return results.flatMap((r) => r.elements);
  const top = Math.min(...regions.map((r) => r.firstLine));
  const lowest = Math.max(...regions.map((r) => r.firstLine + r.lines));
  for (let bottom = top + 1; bottom < lowest; bottom++) {
    const caps = regions.map((r) => Math.max(0, Math.min(r.lines, bottom - r.firstLine)));
    if (caps.reduce((a, b) => a + b, 0) < used) continue;
    const state = cloneState(start);
    const trial = fillPage(units, state, regions, geometry, following, caps);
    // Balance only if that does not push a pull-quote to the head of a column or break the line rules.
    const worse = trial.some((r) => (r.quoteAtTop && !results.some((u) => u.quoteAtTop)) || (r.forced && !results.some((u) => u.forced)));
    if (isDone(units, state) && !worse) return trial.flatMap((r) => r.elements);
  }
  return results.flatMap((r) => r.elements);
}

function fillPage(units: readonly FlowUnit[], state: FlowState, regions: Region[], geometry: PageGeometry, following: Region[], caps?: number[]): RegionResult[] {
  const results: RegionResult[] = [];
  regions.forEach((region, i) => {
    const earlier = results.flatMap((r) => r.elements);
    results.push(fillRegion(units, state, region, geometry, nextWidth(regions, i, following), earlier, caps?.[i] ?? region.lines));
  });
  return results;
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
