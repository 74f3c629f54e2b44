/**
 * How long a brief may be. A brief is a few pages; past a book's length the whole document's
 * layout is held in memory (about 1.7 MB a page) and takes minutes, so an over-long source stops
 * at once with a clear error instead of running out of memory half an hour later.
 */
import { placeOf, type Diagnostics } from './diagnostics.js';

/** About 780 pages of two-column text (a 2 MB source sets 411 pages with ~700 MB peak memory). */
export const MAX_WORDS = 600_000;

/** Throws, naming the line where the limit is passed, when the source has more than MAX_WORDS words. */
export function checkLength(source: string, diagnostics: Diagnostics): void {
  // Too few characters to hold that many words: skip the count (the common case costs nothing).
  if (source.length < MAX_WORDS * 2) return;
  const words = /\S+/g;
  let count = 0;
  let overAt = -1;
  while (words.exec(source)) {
    if (++count === MAX_WORDS + 1) overAt = words.lastIndex;
  }
  if (overAt < 0) return;
  const { line } = placeOf(source, overAt);
  throw diagnostics.error(
    `the brief has ${count.toLocaleString('en')} words, more than the ${MAX_WORDS.toLocaleString('en')} (about 780 pages) offprint sets in one brief; the limit is passed on this line — split the text into several briefs`,
    line,
  );
}
