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
  | 'footer'
  /** The printed list of link addresses at the end, and its heading. */
  | 'links'
  /** A briefing pack's cover and contents: the pack's title, date and the entries for its briefs. */
  | 'pack-title'
  | 'pack-label'
  | 'contents';

export interface TextElement extends Tagged {
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
  /**
   * A footnote's line (or number) set at the foot of a column: the note's number and its
   * paragraph among the foot-note units (the layout turns that into `paragraph` for tagging).
   */
  footnote?: { number: number; unit: number };
  /** Last line of its paragraph / first line of its paragraph. */
  paragraphEnd?: boolean;
  paragraphStart?: boolean;
}

export interface RuleElement extends Tagged {
  kind: 'rule';
  /** The hairline of a footer or running head (page furniture); other rules have none. */
  role?: 'footer' | 'running-head';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color: string;
}

export interface RectElement extends Tagged {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
}

export interface ImageElement extends Tagged {
  kind: 'image';
  x: number;
  y: number;
  width: number;
  height: number;
  /** A PNG or JPEG file inside the content folder, or a cleaned SVG drawing (model/svg.ts). */
  path?: string;
  svg?: string;
  /** The image's line in the source, for messages. */
  line?: number;
}

/**
 * Vector shapes (the locator map): rings of points, filled with the even-odd rule (so holes
 * such as Lesotho in South Africa stay open whatever their winding) and/or stroked.
 */
export interface PathElement extends Tagged {
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

/**
 * Where an element belongs in the document's logical structure (tagged PDF): the id of a leaf
 * of `Layout.structure`, or none for an artifact (running heads, rules, repeated displays).
 */
export interface Tagged {
  struct?: number;
  /** Index of the flow unit the element was set for (paragraph lines carry it too). */
  paragraph?: number;
  /** A list marker or note number (the `Lbl` of its item). */
  marker?: boolean;
  /** A table cell's line: its table, row and column (the repeated header rows of a split table are marked `repeated`). */
  cell?: { table: number; row: number; column: number; header: boolean; repeated: boolean };
}

/** PDF structure types offprint uses (ISO 32000 standard structure types). */
export type StructType =
  | 'Document' | 'Sect' | 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody'
  | 'BlockQuote' | 'Table' | 'THead' | 'TBody' | 'TR' | 'TH' | 'TD' | 'Note' | 'Figure' | 'Caption' | 'Code' | 'Aside'
  /** A briefing pack: each brief an article, and the table of contents with its items. */
  | 'Art' | 'TOC' | 'TOCI';

/** A node of the logical structure tree, in reading order. */
export interface StructNode {
  id: number;
  type: StructType;
  children: StructNode[];
  /** Alternate text (figures, the map). */
  alt?: string;
  /** Header cells: what they head. */
  scope?: 'Column' | 'Row';
  /** Destination name for headings (`section-3`), used by the outline and links. */
  destination?: string;
}

/** How one body column of a page was filled, in grid lines: for reports and tests. */
export interface ColumnFill {
  column: number;
  x: number;
  width: number;
  /** Grid line the column starts on and the grid lines it could hold. */
  firstLine: number;
  lines: number;
  /** Grid lines down to the column's last drawn line (its foot when footnotes stand there). */
  used: number;
  /** Of those, grid lines of footnotes hanging below a balanced page's text (0 otherwise). */
  below?: number;
  /** Grid lines holding text or footnotes (fewer than `used` by any empty lines above the notes). */
  filled?: number;
  /** Grid lines the footnotes at the column's foot take (their hairline and gap included). */
  notes?: number;
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
  /** The logical structure, in reading order: the tagged PDF's structure tree. */
  structure: StructNode;
}
