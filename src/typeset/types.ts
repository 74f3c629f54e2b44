/**
 * The typeset stage's data: Knuth & Plass's boxes, glue and penalties going in, set lines
 * of positioned text pieces coming out.
 */
import type { FontId } from '../fonts/index.js';

/** How a run of text is drawn. Shared by reference between the items of one inline run. */
export interface RunStyle {
  font: FontId;
  size: number;
  color: string;
  /** Extra OpenType features, e.g. small caps. */
  features?: string[];
  /** Letter-spacing in thousandths of an em, added after every glyph (capitals, small caps). */
  tracking?: number;
  /** Baseline shift upwards in points (superscripts). */
  rise?: number;
  link?: string;
  /** A named destination in the same PDF this run links to (a footnote reference to its note). */
  destination?: string;
  /** What the link leads to, in words (its alternate text), when the text alone does not say. */
  linkTitle?: string;
  /** The run is a link's number, referring to the printed list of links (not part of the words). */
  linkNumber?: number;
  strike?: boolean;
  /**
   * Embedding level (UAX #9) of the run, odd for right to left. Set only in paragraphs that need
   * the bidirectional algorithm, where each level has its own style object (so runs at different
   * levels never merge); absent means level 0 of a left-to-right paragraph.
   */
  level?: number;
  /** The base level of the run's paragraph (1: right to left), beside `level`. */
  paragraphLevel?: number;
}

export interface BoxItem {
  type: 'box';
  width: number;
  /** How much the box may widen or narrow by glyph expansion (justified text only). */
  stretch?: number;
  shrink?: number;
  text: string;
  style: RunStyle;
  /** How far the box's first mark may hang into the left margin when it opens a line. */
  leftHang?: number;
}

export interface GlueItem {
  type: 'glue';
  width: number;
  stretch: number;
  shrink: number;
  /** The face whose space glyph is drawn for this glue. */
  style: RunStyle;
  /** How far the mark before this space may hang into the right margin if the line ends here. */
  hang?: number;
}

export interface PenaltyItem {
  type: 'penalty';
  /** Width added when the line breaks here (a hyphen). */
  width: number;
  penalty: number;
  flagged: boolean;
  /** Set when breaking here draws a hyphen in this style. */
  hyphen?: RunStyle;
  /** How far the line's last mark (the hyphen, a dash) may hang into the right margin. */
  hang?: number;
}

export type Item = BoxItem | GlueItem | PenaltyItem;

export const INFINITE_PENALTY = 10000;

/**
 * How far a justified space may stretch and shrink, in ems of its font size. Source Serif's
 * space is narrow (0.24 em), so the elasticity is set from the em, as TeX's fonts do.
 */
export const SPACE_STRETCH_EM = 0.2;
export const SPACE_SHRINK_EM = 0.08;

/**
 * Glyph expansion, as microtype does for TeX: a justified line may scale its letters by up to
 * 1.5% either way, so narrow columns need less extra space between words.
 */
export const MAX_EXPANSION = 0.015;

/**
 * Letter-spacing a justified line may add (or take away) per glyph, in ems: newspaper
 * justification settings allow a few percent, which keeps the spaces of narrow columns even.
 */
export const LETTER_STRETCH_EM = 0.015;
export const LETTER_SHRINK_EM = 0.005;

export type Alignment = 'justify' | 'ragged' | 'balanced' | 'center';

/** A positioned run of same-styled text within a line. Spaces in `text` are `spaceWidth` wide. */
export interface LinePiece {
  text: string;
  style: RunStyle;
  /** Offset from the line's start, in points. */
  x: number;
  width: number;
  spaceWidth: number;
  /** Horizontal scale of the glyphs (1 = as designed). */
  scale: number;
  /** Extra advance after every glyph other than a space, in points (justification). */
  letterSpacing: number;
}

export interface SetLine {
  pieces: LinePiece[];
  /** The measure the line was set to. */
  measure: number;
  /** Width of the set text (equals the measure for a justified line). */
  width: number;
  /** Knuth–Plass adjustment ratio: >0 stretched, <0 shrunk. */
  ratio: number;
  hyphenated: boolean;
  /** Index of the first item on this line, for continuing a paragraph elsewhere. */
  startItem: number;
  /** Index of the item the line broke at. */
  breakItem: number;
  /** Whether this is the paragraph's last line. */
  last: boolean;
  /**
   * The paragraph reads right to left: the line is flush with the measure's right edge (an
   * indent is on the right) and its pieces, kept in logical order, have x in visual order.
   */
  rtl?: true;
}
