/**
 * A pull-quote that would trail the article (no spot in the columns away from its words) may
 * stand in page 1's rail instead, below the sidebar, when the rail has room: the body columns
 * then end level, and the quote is set apart beside them rather than hanging under the last
 * paragraph of one column. On a brief of one page its words are necessarily on the same page;
 * on a longer one, or for a quote picked automatically, the rail takes it only when page 1 does
 * not show its words. Either way its words may not stand level with it in the columns beside.
 */
import { besideWords } from './flow.js';
import { levelWithItsWords } from './quote-check.js';
import type { FlowedPage } from './paginate.js';
import type { BlockUnit } from './units.js';

export interface RailRoom {
  x: number;
  width: number;
  /** Grid line below the rail's last block, and grid lines free from there to the foot. */
  firstFree: number;
  free: number;
  /** Baseline of a grid line. */
  baselineAt: (line: number) => number;
}

/** The quote drawn in the rail (one grid line below its blocks), or undefined when it does not belong there. */
export function quoteInRail(quote: BlockUnit, pages: readonly FlowedPage[], rail: RailRoom | undefined): FlowedPage['elements'] | undefined {
  if (!rail || !quote.pullQuote) return undefined;
  const height = quote.height(rail.width);
  if (rail.free < height + 1) return undefined;
  // A quote nobody asked for is not worth repeating on the page that shows its words.
  const wordsOnPage = quote.quotes !== undefined && besideWords(quote.quotes, pages[0]!.elements, []);
  if (wordsOnPage && (pages.length > 1 || quote.automatic)) return undefined;
  const drawn = quote.draw(rail.x, rail.baselineAt(rail.firstFree + 1), rail.width);
  // On a one-page brief its words are on the page; they must still not stand level with it
  // (a short brief's sentence right beside its own quotation reads as a misprint).
  if (quote.quotes !== undefined && levelWithItsWords(quote.quotes, drawn, pages[0]?.elements ?? [], rail.baselineAt(1) - rail.baselineAt(0))) return undefined;
  return drawn;
}
