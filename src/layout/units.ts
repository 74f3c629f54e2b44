/**
 * Flow units: the body's blocks prepared for the column flow (Typst's "collect" step).
 * A text unit breaks into grid lines and may split between columns; a block unit is rigid
 * (pull-quote, table, image, ornament) and occupies a whole number of grid lines.
 */
import type { Inline } from '../model/index.js';
import { paragraphItems, setLines, setLinesLoosely, type Alignment, type Item, type SetLine } from '../typeset/index.js';
import type { FootNote } from './footnotes.js';
import type { TextStyle } from './styles.js';
import { paragraphStyle } from './text.js';
import type { PageElement, TextRole } from './types.js';

/** A structure element a unit sits inside (a list, its item, a quotation, a note), keyed so units share it. */
export interface PathStep {
  type: 'L' | 'LI' | 'BlockQuote' | 'Note';
  key: number;
}

export interface TextUnit {
  kind: 'text';
  role: TextRole;
  style: TextStyle;
  inlines: Inline[];
  align: Alignment;
  hyphenation: string | undefined;
  firstIndent: number;
  /** Left and right indents from the column edges, in points. */
  indent: number;
  rightIndent: number;
  /** Grid lines of space above, dropped at the top of a column. */
  spaceBefore: number;
  /** Grid lines of space below (after displays such as code and quotes). */
  spaceAfter?: number;
  keepWithNext: boolean;
  /** Never opens a column alone: a quotation's attribution takes the last lines above it along. */
  keepWithPrevious?: boolean;
  /** The heading that opens the endnotes: they are set in a band of their own below the body. */
  startsNotes?: boolean;
  /** A paragraph of footnote `note` (its number). */
  note?: number;
  /** Footnotes first referenced in this unit: each is set at the foot of the column its reference lands in. */
  footnotes?: FootNote[];
  /** The structure elements around the unit, outermost first, and a heading's level. */
  structPath: PathStep[];
  headingLevel?: number;
  /** List marker set in the left indent of the first line. */
  marker?: { text: string; style: TextStyle; destination?: string };
  /** Number of block-quote rules to draw at the left. */
  quoteDepth: number;
  /** A later paragraph of the same quotation at the same indent: its rule joins the one above. */
  quoteContinues?: boolean;
  /** Line numbers in the source, for messages. */
  sourceLine: number;
  onMissingGlyphs?: (characters: string[]) => void;
  /** Base direction when the brief's language sets it (right to left); else the text decides. */
  direction?: 'rtl';
  /** The narrowest column the unit may be set in; long words are cut to fit it. */
  narrowestColumn: number;
  cache?: { items: Item[]; lines: Map<string, SetLine[]>; loose: Map<string, SetLine[] | undefined> };
}

export interface BlockUnit {
  kind: 'block';
  role: TextRole;
  spaceBefore: number;
  spaceAfter?: number;
  /** Part of footnote `note` (its number): a table or image in a note. */
  note?: number;
  /** Pull-quotes float a little: never at the top or bottom of a column. */
  pullQuote: boolean;
  /** Set across all the body columns of the page (a table, a wide image), not in one column. */
  span?: boolean;
  /**
   * A figure: when it does not fit where it comes, the text after it fills the space and it
   * goes to the head of the next column (or, across the measure, of the next page).
   */
  float?: boolean;
  /** What the block is in the document's structure: a table's shape, or a figure's alternate text. */
  table?: { id: number; rows: number; columns: number };
  figure?: { alt: string };
  /** The words a pull-quote repeats, so it is not set beside them. */
  quotes?: string;
  /** Line in the source, for messages. */
  sourceLine?: number;
  /** A pull-quote the pipeline picked itself: left out without a word, as the writer never asked for it. */
  automatic?: boolean;
  /** Height in grid lines when set in `width`. */
  height(width: number): number;
  /** Elements for the block with its first grid cell's baseline at `baseline`. */
  draw(x: number, baseline: number, width: number): PageElement[];
  /**
   * Splits the block so its first part fits `gridLines`, when it can be split at all with at
   * least `minRows` rows (a table's body rows) in each part; 1 when not given.
   */
  split?(width: number, gridLines: number, minRows?: number): [BlockUnit, BlockUnit] | undefined;
}

export type FlowUnit = TextUnit | BlockUnit;

/**
 * Left and right indents in a column of `columnWidth`. Deep nesting stops indenting at 40% of
 * the column, so a sixty-level list still leaves a readable measure.
 */
export function unitIndents(unit: TextUnit, columnWidth: number): { left: number; right: number } {
  const limit = columnWidth * 0.4;
  const left = Math.min(unit.indent, limit);
  const right = Math.min(unit.rightIndent, Math.max(0, limit - left));
  return { left, right };
}

/**
 * The unit's lines set in a column of `columnWidth`, starting at item `from` (0 = the start).
 * The items are made once per unit, for the narrowest column it can meet, so an item index
 * means the same place whichever column a paragraph continues in.
 */
export function unitLines(unit: TextUnit, columnWidth: number, from: number, noHyphenOnLine?: number): SetLine[] {
  const measure = unitMeasure(unit, columnWidth);
  const cache = unitCache(unit);
  const key = `${measure.toFixed(3)}:${from}:${noHyphenOnLine ?? ''}`;
  let lines = cache.lines.get(key);
  if (!lines) {
    lines = setLines(cache.items, from, () => measure, unit.align, noHyphenOnLine === undefined ? {} : { noHyphenOnLine });
    cache.lines.set(key, lines);
  }
  return lines;
}

/** Loosest adjustment ratio a paragraph set a line longer may have: spaces stay under 0.4 em. */
const LOOSE_TOLERANCE = 1.5;

/**
 * The unit's lines from `from`, set `looseness` lines longer or shorter than its best setting
 * (TeX's \looseness), or undefined when that would make a line looser than LOOSE_TOLERANCE
 * (or tighter than the spaces allow). Only justified text has this freedom.
 */
export function unitLinesLoosely(unit: TextUnit, columnWidth: number, from: number, looseness: number): SetLine[] | undefined {
  const measure = unitMeasure(unit, columnWidth);
  const cache = unitCache(unit);
  const key = `${measure.toFixed(3)}:${from}:~${looseness}`;
  if (!cache.loose.has(key)) {
    // A paragraph that already has a loose line may get others as loose, but none looser.
    const worst = Math.max(0, ...unitLines(unit, columnWidth, from).map((line) => line.ratio));
    cache.loose.set(key, setLinesLoosely(cache.items, from, () => measure, unit.align, looseness, Math.max(LOOSE_TOLERANCE, worst)));
  }
  return cache.loose.get(key);
}

/** The unit's boxes, glue and penalties (made once, for the narrowest column). */
export function unitItems(unit: TextUnit): readonly Item[] {
  return unitCache(unit).items;
}

function unitMeasure(unit: TextUnit, columnWidth: number): number {
  const { left, right } = unitIndents(unit, columnWidth);
  return columnWidth - left - right;
}

function unitCache(unit: TextUnit): { items: Item[]; lines: Map<string, SetLine[]>; loose: Map<string, SetLine[] | undefined> } {
  if (!unit.cache) {
    const narrowestIndents = unitIndents(unit, unit.narrowestColumn);
    const narrowest = unit.narrowestColumn - narrowestIndents.left - narrowestIndents.right;
    const options = { align: unit.align, hyphenation: unit.hyphenation, firstIndent: unit.firstIndent, direction: unit.direction, ...(unit.onMissingGlyphs ? { onMissingGlyphs: unit.onMissingGlyphs } : {}) };
    unit.cache = { items: paragraphItems(unit.inlines, paragraphStyle(unit.style, narrowest, options)), lines: new Map(), loose: new Map() };
  }
  return unit.cache;
}

/** How many grid lines a run of `count` lines at the unit's leading takes. */
export function gridLinesFor(unit: TextUnit, count: number, grid: number): number {
  return unit.style.leading === grid ? count : Math.ceil((count * unit.style.leading) / grid - 1e-6);
}

/** How many of the unit's lines fit in `gridLines` grid lines. */
export function linesFitting(unit: TextUnit, gridLines: number, grid: number): number {
  return unit.style.leading === grid ? gridLines : Math.floor((gridLines * grid) / unit.style.leading + 1e-6);
}
