/**
 * A pull-quote set ahead of its words (moved back from the article's end, or waiting since an
 * earlier page) can land in a column whose own text below it, or the column filled after it,
 * shows the same words level with it: the flow checks only what is already on the page when it
 * places a quote. This looks at the whole page once it is filled and names a column to keep
 * quotes out of.
 */
import { besideWords, type Region, type RegionResult } from './flow.js';
import type { PageElement } from './types.js';

/** Grid lines above and below a quote within which its words count as level with it. */
const LEVEL_MARGIN = 3;

/** The index of a region holding a pull-quote that stands beside its words, or undefined. */
export function quoteBesideItsWords(regions: readonly Region[], results: readonly RegionResult[], grid: number): number | undefined {
  for (let i = 0; i < results.length && i < regions.length; i++) {
    const result = results[i]!;
    for (const { quote, elements: drawn } of result.quotes) {
      const window = levelWindow(drawn, grid);
      if (quote.quotes === undefined || !window) continue;
      const column = result.elements.filter((e) => !drawn.includes(e));
      const level = results.flatMap((other, j) => (j === i ? [] : other.elements.filter((e) => e.kind === 'text' && e.y >= window.top && e.y <= window.bottom)));
      if (besideWords(quote.quotes, column, level)) return i;
    }
  }
  return undefined;
}

/**
 * Whether a quote, drawn as `drawn`, stands level with its words anywhere among `elements` (the
 * page's text, in any column or the rail): within LEVEL_MARGIN grid lines of it.
 */
export function levelWithItsWords(quotes: string, drawn: readonly PageElement[], elements: readonly PageElement[], grid: number): boolean {
  const window = levelWindow(drawn, grid);
  if (!window) return false;
  // Other pull-quotes (or this one where it stood before) repeat words too: only text counts.
  return besideWords(quotes, [], elements.filter((e) => e.kind === 'text' && e.role !== 'pullquote' && e.role !== 'pullquote-cite' && !drawn.includes(e) && e.y >= window.top && e.y <= window.bottom));
}

/** The baselines within which text counts as level with a drawn quote, or undefined when it has no lines. */
function levelWindow(drawn: readonly PageElement[], grid: number): { top: number; bottom: number } | undefined {
  const ys = drawn.flatMap((e) => (e.kind === 'text' ? [e.y] : []));
  if (!ys.length) return undefined;
  return { top: Math.min(...ys) - grid * (1 + LEVEL_MARGIN), bottom: Math.max(...ys) + grid * LEVEL_MARGIN };
}
