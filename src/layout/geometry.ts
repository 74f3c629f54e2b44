/**
 * The page grid (DESIGN.md): margins, the baseline grid, and the column sets. Page 1 has two
 * body columns and a sidebar rail; later pages have two wide body columns.
 */
import type { Paper } from '../model/index.js';

const MM = 72 / 25.4;
const GUTTER_MM = 6.5;

export const PAPER_SIZES: Record<Paper, { width: number; height: number }> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
};

export interface Column {
  x: number;
  width: number;
}

export interface PageGeometry {
  paper: Paper;
  width: number;
  height: number;
  margin: { top: number; bottom: number; left: number; right: number };
  gutter: number;
  /** Baseline grid pitch (the body leading). */
  grid: number;
  /** Baseline of grid line 0, measured from the page top. */
  gridOrigin: number;
  /** Number of grid lines from the top margin to the bottom margin. */
  gridLines: number;
  firstPage: { body: [Column, Column]; rail: Column };
  laterPages: { body: [Column, Column] };
}

export function pageGeometry(paper: Paper): PageGeometry {
  const { width, height } = PAPER_SIZES[paper];
  const margin = { top: 15 * MM, bottom: 18 * MM, left: 15 * MM, right: 15 * MM };
  // Between body columns a wider gutter than DESIGN.md's 5 mm: hanging punctuation takes up to
  // about 2 pt of it on either side, and the white between columns must still read as a gutter
  // (to the eye, and to text extractors that tell columns apart by it).
  const gutter = GUTTER_MM * MM;
  const railGutter = 5 * MM;
  const grid = 12.5;
  const measure = width - margin.left - margin.right;
  // About 57 + 57 + 54 mm on A4; other papers keep the proportions.
  const bodyWidth = ((measure - gutter - railGutter) * 57.25) / 168.5;
  const railWidth = measure - gutter - railGutter - 2 * bodyWidth;
  const wide = (measure - gutter) / 2;
  const gridOrigin = margin.top + 9;
  const gridLines = Math.floor((height - margin.bottom - gridOrigin) / grid) + 1;
  return {
    paper,
    width,
    height,
    margin,
    gutter,
    grid,
    gridOrigin,
    gridLines,
    firstPage: {
      body: [
        { x: margin.left, width: bodyWidth },
        { x: margin.left + bodyWidth + gutter, width: bodyWidth },
      ],
      rail: { x: margin.left + 2 * bodyWidth + gutter + railGutter, width: railWidth },
    },
    laterPages: {
      body: [
        { x: margin.left, width: wide },
        { x: margin.left + wide + gutter, width: wide },
      ],
    },
  };
}

/** Baseline of grid line `line` (0-based) on any page. */
export function baselineOf(geometry: PageGeometry, line: number): number {
  return geometry.gridOrigin + line * geometry.grid;
}
