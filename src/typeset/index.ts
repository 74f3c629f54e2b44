/**
 * The typeset stage: styled text to set lines, with Knuth–Plass line breaking, hyphenation
 * from language patterns and widths from the same shaping that draws the glyphs.
 */
import { findBreaks, type Break } from './knuth-plass.js';
import { buildLines } from './lines.js';
import { INFINITE_PENALTY, type Alignment, type Item, type SetLine } from './types.js';

export { paragraphItems, type ParagraphStyle } from './items.js';
export { patternsFor } from './hyphenate.js';
export { hasRightToLeft, isRightToLeftLanguage, mirrorOf } from './bidi.js';
export { runWidth, shapeRun } from './measure.js';
export type * from './types.js';

/**
 * Sets items[from..] into lines of the given measures. Justified text tries a strict pass,
 * then a looser one, then an emergency pass with extra stretch, so an overfull line is only
 * ever the last resort.
 */
export interface SetOptions {
  /** A line (0-based) that must not end with a hyphen, such as the last line of a column. */
  noHyphenOnLine?: number;
}

export function setLines(items: readonly Item[], from: number, measureOf: (line: number) => number, align: Alignment, options: SetOptions = {}): SetLine[] {
  const start = firstBox(items, from);
  if (start === undefined) return [];
  const breaks = chooseBreaks(items, start, measureOf, align, options);
  return buildLines(items, breaks, start, measureOf, align);
}

/**
 * Sets items[from..] `looseness` lines longer (or shorter) than their best setting, or returns
 * undefined when no such setting keeps every line within `tolerance` (TeX's \looseness).
 */
export function setLinesLoosely(items: readonly Item[], from: number, measureOf: (line: number) => number, align: Alignment, looseness: number, tolerance: number, options: SetOptions = {}): SetLine[] | undefined {
  const start = firstBox(items, from);
  if (start === undefined || align !== 'justify') return undefined;
  const extra = options.noHyphenOnLine === undefined ? {} : { noHyphenOnLine: options.noHyphenOnLine };
  const breaks = findBreaks(items, start, { lineWidth: measureOf, tolerance, looseness, noFinalHyphen: true, noFinalTypedHyphen: true, ...extra });
  return breaks ? buildLines(items, breaks, start, measureOf, align) : undefined;
}

/** Where setting starts: the first box at or after `from`, or undefined when no text is left. */
function firstBox(items: readonly Item[], from: number): number | undefined {
  let start = from;
  while (start < items.length && items[start]!.type !== 'box' && !isForcedBreak(items[start]!)) start++;
  if (start >= items.length - 1 && !items.slice(start).some((item) => item.type === 'box')) return undefined;
  return start;
}

function chooseBreaks(items: readonly Item[], from: number, measureOf: (line: number) => number, align: Alignment, constraint: SetOptions): Break[] {
  const extra = constraint.noHyphenOnLine === undefined ? {} : { noHyphenOnLine: constraint.noHyphenOnLine };
  if (align === 'justify') {
    const size = measureOf(0);
    // A ladder of tolerances: a paragraph that cannot be set within 1.5 is set as tightly as it
    // can be, rather than letting the optimum spend the whole of a wide tolerance on one line.
    const passes = [
      { tolerance: 1.5 },
      { tolerance: 1.75 },
      { tolerance: 2 },
      { tolerance: 2.5 },
      { tolerance: 3 },
      { tolerance: 6, emergencyStretch: size * 0.1 },
    ];
    // At each tolerance a typed hyphen ("Sachsen-") is kept off the line above the last, as an
    // added one is; only when that alone makes the tolerance unreachable is it allowed there
    // (forbidding it outright left a German paragraph of compounds a 2.7 line).
    const typedHyphens = items.some((item, i) => i >= from && item.type === 'penalty' && item.flagged && item.hyphen === undefined);
    for (const pass of passes) {
      const strict = findBreaks(items, from, { lineWidth: measureOf, noFinalHyphen: true, noFinalTypedHyphen: true, ...pass, ...extra });
      const breaks = strict ?? (typedHyphens ? findBreaks(items, from, { lineWidth: measureOf, noFinalHyphen: true, ...pass, ...extra }) : undefined);
      if (breaks) return breaks;
    }
  } else {
    const rightStretch = Math.max(20, measureOf(0) * 0.25);
    const breaks = findBreaks(items, from, { lineWidth: measureOf, tolerance: INFINITE_PENALTY, rightStretch, noFinalHyphen: true, ...extra });
    if (breaks) return breaks;
  }
  // Nothing fits the tolerance (a word longer than two lines, say): accept whatever total fit
  // gives, hyphen ladders included, rather than fail.
  return findBreaks(items, from, { lineWidth: measureOf, tolerance: INFINITE_PENALTY, emergencyStretch: measureOf(0), maxHyphenRun: Infinity }) ?? greedyBreaks(items, from, measureOf);
}

function isForcedBreak(item: Item): boolean {
  return item.type === 'penalty' && item.penalty <= -INFINITE_PENALTY;
}

/**
 * Fallback that cannot fail: first fit, breaking at the last legal point before the measure
 * runs out. Only reached for input no total-fit solution exists for.
 */
function greedyBreaks(items: readonly Item[], from: number, measureOf: (line: number) => number): Break[] {
  const breaks: Break[] = [];
  let width = 0;
  let lastLegal = -1;
  let widthAtLegal = 0;
  for (let i = from; i < items.length; i++) {
    const item = items[i]!;
    const legal = (item.type === 'glue' && i > from && items[i - 1]!.type === 'box') || (item.type === 'penalty' && item.penalty < INFINITE_PENALTY);
    if (isForcedBreak(item)) {
      breaks.push({ position: i, ratio: 0, flagged: false });
      width = 0;
      lastLegal = -1;
      continue;
    }
    if (legal) {
      lastLegal = i;
      widthAtLegal = width;
    }
    if (item.type !== 'penalty') width += item.width;
    if (width > measureOf(breaks.length) && lastLegal >= 0) {
      const brk = items[lastLegal]!;
      breaks.push({ position: lastLegal, ratio: 0, flagged: brk.type === 'penalty' && brk.flagged });
      width -= widthAtLegal + (brk.type === 'glue' ? brk.width : 0);
      lastLegal = -1;
    }
  }
  return breaks;
}
