/**
 * Hanging punctuation (optical margin alignment, as microtype does for TeX): light marks at a
 * line's edges — quotes, hyphens, dashes, stops and commas — hang partly into the margin, so
 * the column's edge looks straight to the eye instead of dented where they fall.
 *
 * The amounts are shares of the mark's own advance width, tuned by eye on Source Serif and
 * Source Sans: a stop or a hyphen carries almost no ink at its right, a dash carries more.
 */
import { textWidth } from '../fonts/index.js';
import type { RunStyle } from './types.js';

const RIGHT: Readonly<Record<string, number>> = {
  '.': 0.8,
  ',': 0.8,
  '-': 0.75,
  '\u2010': 0.75,
  '\u00AD': 0.75,
  ':': 0.5,
  ';': 0.5,
  '\u2019': 0.7,
  '\u201D': 0.6,
  '"': 0.6,
  "'": 0.7,
  // Dashes and the ellipsis end a line with a solid mark: they hang only a hair.
  '\u2013': 0.12,
  '\u2014': 0.06,
  '\u2026': 0.08,
  ')': 0.15,
};

const LEFT: Readonly<Record<string, number>> = {
  '\u201C': 0.6,
  '\u2018': 0.7,
  '"': 0.6,
  "'": 0.7,
  '(': 0.15,
  '\u2013': 0.5,
  '\u2014': 0.3,
};

const cache = new Map<string, number>();

function hang(table: Readonly<Record<string, number>>, side: string, ch: string | undefined, style: RunStyle): number {
  if (!ch) return 0;
  const share = table[ch];
  if (!share || style.font === 'mono') return 0;
  const key = `${side}${ch}|${style.font}|${style.size}`;
  let width = cache.get(key);
  if (width === undefined) {
    width = textWidth(style.font, ch, style.size) * share;
    cache.set(key, width);
  }
  return width;
}

/** How far the last character of `text` may hang past the right edge, in points. */
export function rightHang(text: string, style: RunStyle): number {
  return hang(RIGHT, 'r', lastChar(text), style);
}

/** How far the first character of `text` may hang past the left edge, in points. */
export function leftHang(text: string, style: RunStyle): number {
  return hang(LEFT, 'l', text[0], style);
}

function lastChar(text: string): string | undefined {
  return text.length ? text[text.length - 1] : undefined;
}
