/**
 * A pull-quote never stands beside the words it repeats, also when it was set ahead of them and
 * its words come in the column filled after it. Found on an unseen brief (tests/fixtures/unseen):
 * a quote moved back from the article's end stood level with its own sentence in the next column.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutSource } from '../src/index.js';
import { pageGeometry } from '../src/layout/index.js';
import type { Layout } from '../src/layout/index.js';
import { lineText, textElements } from './helpers/layout-checks.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/unseen/${name}`, import.meta.url), 'utf8');
const simple = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Each pull-quote on each page, with the body text in its column and level with it elsewhere. */
function quotesAndNeighbours(layout: Layout) {
  const out: Array<{ page: number; quote: string; ownColumn: string; level: string }> = [];
  const grid = layout.grid.pitch;
  for (const page of layout.pages) {
    const lines = textElements({ ...layout, pages: [page] });
    const quoteLines = lines.filter((e) => e.role === 'pullquote');
    for (const x of new Set(quoteLines.map((e) => e.x))) {
      const own = quoteLines.filter((e) => e.x === x);
      const top = Math.min(...own.map((e) => e.y)) - 4 * grid;
      const bottom = Math.max(...own.map((e) => e.y)) + 3 * grid;
      const body = lines.filter((e) => e.column !== undefined && e.role !== 'pullquote');
      const inColumn = body.filter((e) => Math.abs(e.x - x) < 30);
      out.push({
        page: page.number,
        quote: own.map(lineText).join(' '),
        ownColumn: simple(inColumn.map(lineText).join('')),
        level: simple(body.filter((e) => !inColumn.includes(e) && e.y >= top && e.y <= bottom).map(lineText).join('')),
      });
    }
  }
  return out;
}

describe('pull-quotes and their words', () => {
  it('keeps a quote set ahead of its words away from them on the page they reach', () => {
    const { layout } = layoutSource(fixture('mackerel-table-notes-quote.md'), { filename: 'mackerel.md', map: false });
    // The quote finds a place away from its words, or is left out: never beside them.
    const placed = quotesAndNeighbours(layout);
    for (const { page, quote, ownColumn, level } of placed) {
      const words = quote.replace(/[“”]/g, '').split(/\s+/);
      for (const probe of [words.slice(0, 5), words.slice(-5)].map((part) => simple(part.join(' ')))) {
        expect(ownColumn, `page ${page}: “${quote}” in its own column`).not.toContain(probe);
        expect(level, `page ${page}: “${quote}” level with its words`).not.toContain(probe);
      }
    }
  });

  it('sets an automatic quote with no place in the columns in page 1’s rail, without a warning', () => {
    const automatic = layoutSource(fixture('mackerel-table-notes-quote.md'), { filename: 'mackerel.md', map: false });
    expect(automatic.brief.body.filter((block) => block.kind === 'pullquote').length).toBe(1);
    // Its words stand on page 2, and page 1's rail has room below the list.
    const quote = textElements(automatic.layout).filter((e) => e.role === 'pullquote');
    expect(quote.length).toBeGreaterThan(0);
    expect(quote.every((e) => e.page === 1 && e.x >= pageGeometry('a4').firstPage.rail.x - 6)).toBe(true);
    expect(automatic.warnings).toEqual([]);
  });

  it('leaves out an automatic quote with nowhere to go silently, and warns for one the writer marked', () => {
    // No country, so no rail; quoted speech at the very end, in a brief that asks for three quotes.
    const speech = (n: number) => `“Quote number ${n} is a whole sentence of more than six words,” said Anna Berg.`;
    const body = `Opening paragraph with a few words of text.\n\nSecond paragraph, a little longer than the first one was.\n\n${[1, 2, 3].map(speech).join(' ')}\n`;
    const automatic = layoutSource(`---\ntitle: Quotes\npullquotes: 3\n---\n\n${body}`, { filename: 'auto.md', map: false });
    expect(automatic.brief.body.filter((block) => block.kind === 'pullquote').length).toBeGreaterThan(0);
    expect(textElements(automatic.layout).filter((e) => e.role === 'pullquote')).toEqual([]);
    expect(automatic.warnings).toEqual([]);
    const marked = layoutSource(`---\ntitle: Quotes\n---\n\n${body}\n:::pullquote\nQuote number one is a whole sentence of more than six words.\n:::\n`, { filename: 'marked.md', map: false });
    expect(textElements(marked.layout).filter((e) => e.role === 'pullquote')).toEqual([]);
    expect(marked.warnings.some((w) => w.message.includes('pull-quote'))).toBe(true);
  });
});
