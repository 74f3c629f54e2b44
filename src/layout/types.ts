/**
 * The layout stage's output: pages of positioned elements, plain data. Render draws exactly
 * this; tests assert on it (frame, overlap, every word placed once) without making a PDF.
 */
import type { Paper } from '../model/index.js';
import type { LinePiece } from '../typeset/index.js';

/** What a text line is, so tests and reports can tell body text from display text. */
export type TextRole =
  | 'body'
  | 'heading'
  | 'list'
  | 'quote'
  | 'code'
  | 'note'
  | 'table'
  | 'caption'
  | 'kicker'
  | 'headline'
  | 'dek'
  | 'byline'
  | 'pullquote'
  | 'pullquote-cite'
  | 'sidebar'
  | 'running-head'
  | 'footer';

export interface TextElement {
  kind: 'text';
  role: TextRole;
  /** Left edge of the line's measure and the baseline, in points from the page's top left. */
  x: number;
  y: number;
  pieces: LinePiece[];
  /** Width of the set text. */
  width: number;
  /** Height above and depth below the baseline (for overlap tests). */
  ascent: number;
  descent: number;
  /** The measure the line was set to, and its Knuth–Plass adjustment ratio. */
  measure: number;
  ratio: number;
  hyphenated: boolean;
  /** Body column index on the page (0, 1), when the line is in the column flow. */
  column?: number;
  /** Grid line the line's run of columns starts on: a page has several runs when a table spans it. */
  band?: number;
  /** Index of the flow unit (paragraph, list item, heading…) the line belongs to. */
  paragraph?: number;
  /** Last line of its paragraph / first line of its paragraph. */
  paragraphEnd?: boolean;
  paragraphStart?: boolean;
}

export interface RuleElement {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color: string;
}

export interface RectElement {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
}

export interface ImageElement {
  kind: 'image';
  x: number;
  y: number;
  width: number;
  height: number;
  path: string;
}

/**
 * Vector shapes (the locator map): rings of points, filled with the even-odd rule (so holes
 * such as Lesotho in South Africa stay open whatever their winding) and/or stroked.
 */
export interface PathElement {
  kind: 'path';
  /** The shape's origin on the page, in points from the page's top left. */
  x: number;
  y: number;
  /**
   * Flat x, y pairs in points from the origin, one array per ring or line. Map shapes keep
   * the map stage's own arrays (shared by every layout of the same map): never mutate them.
   */
  rings: readonly (readonly number[])[];
  /** Closed rings (areas) or open lines. */
  closed: boolean;
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  /** What the shape shows, for tests and reading the layout: `land`, `focus AL`, `group 0`, `marker XK`, `region-outline`. */
  label: string;
}

export type PageElement = TextElement | RuleElement | RectElement | ImageElement | PathElement;

/** How one body column of a page was filled, in grid lines: for reports and tests. */
export interface ColumnFill {
  column: number;
  x: number;
  width: number;
  /** Grid line the column starts on and the grid lines it could hold. */
  firstLine: number;
  lines: number;
  /** Grid lines the flow filled (from the column's first line). */
  used: number;
  /** Lines had to be placed against the widow, orphan or hyphen rules. */
  forced: boolean;
  /** The column ends a run of text that was balanced (the article's end, or above a table). */
  balanced?: boolean;
}

export interface Page {
  /** 1-based. */
  number: number;
  elements: PageElement[];
  /** The body columns, in flow order. */
  columns: ColumnFill[];
}

export interface Frame {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Layout {
  paper: Paper;
  width: number;
  height: number;
  /** The printable frame: everything drawn stays inside it. */
  frame: Frame;
  /** Baseline grid pitch and the first grid baseline on every page. */
  grid: { pitch: number; origin: number };
  pages: Page[];
}
