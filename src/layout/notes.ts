/**
 * The endnotes band: notes too long for a column's foot (footnotes.ts) and the list of links.
 * The body's columns are balanced above it, and the band runs in the same columns below a
 * hairline, balanced in turn on the last page.
 */
import { baselineOf, type PageGeometry } from './geometry.js';
import type { Region } from './flow.js';
import { flowAll, type FlowedPage } from './paginate.js';
import { MUTED } from './styles.js';
import type { FlowUnit } from './units.js';

/** Empty grid lines between the body and the notes band (the hairline sits in them). */
const NOTES_GAP = 2;
/** The notes start on a new page when fewer grid lines than this are left below the body. */
const NOTES_MIN_LINES = 6;

/**
 * Flows the endnotes below the body on its last page (or from the next page when little room
 * is left), in the same columns, balanced; their paragraphs are numbered after the body's.
 */
export function flowNotes(notes: readonly FlowUnit[], offset: number, pages: FlowedPage[], regionsFor: (page: number) => Region[], geometry: PageGeometry): void {
  const lastIndex = pages.length - 1;
  const last = pages[lastIndex]!;
  const bottom = Math.max(0, last.foot ?? 0, ...last.columns.map((c) => c.firstLine + c.used));
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
  // A band of a few lines (a short list of links) stands in the first column alone: split over
  // two columns it would end lines apart.
  const oneColumn = flowAll(notes, (pageIndex) => noteRegions(pageIndex).slice(0, 1), geometry, firstIndex);
  const short = oneColumn.length === 1 && oneColumn[0]!.columns[0]!.used <= SHORT_BAND;
  const flowed = short ? oneColumn : flowAll(notes, noteRegions, geometry, firstIndex);
  for (const page of flowed) {
    for (const element of page.elements) if (element.paragraph !== undefined) element.paragraph += offset;
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

/** Grid lines a band may take and still be set in one column. */
const SHORT_BAND = 4;
/** Notes columns are numbered after the body's, so reports tell the two bands apart. */
const NOTE_COLUMNS = 2;
