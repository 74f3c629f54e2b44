/**
 * A pull-quote never stands beside the words it repeats, also when it was set ahead of them and
 * its words come in the column filled after it. Found on an unseen brief (tests/fixtures/unseen):
 * a quote moved back from the article's end stood level with its own sentence in the next column.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutSource } from '../src/index.js';
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

  it('leaves out an automatic quote that finds no place without a warning, and warns for one the writer marked', () => {
    const source = fixture('mackerel-table-notes-quote.md');
    const automatic = layoutSource(source, { filename: 'mackerel.md', map: false });
    const picked = automatic.brief.body.filter((block) => block.kind === 'pullquote');
    expect(picked.length).toBe(1);
    // In this brief it finds none (its words stand on the last page, and page 1 has no room).
    expect(textElements(automatic.layout).filter((e) => e.role === 'pullquote')).toEqual([]);
    expect(automatic.warnings.filter((w) => w.message.includes('pull-quote'))).toEqual([]);
    // The same words marked by the writer where the article ends: left out, worth a warning.
    const marked = source.replace(/\n\[\^ices\]:/, '\n:::pullquote\nFor the first time, everyone in the room agrees that the stock is in trouble.\n:::\n\n[^ices]:');
    const written = layoutSource(marked, { filename: 'mackerel.md', map: false });
    expect(written.brief.body.filter((block) => block.kind === 'pullquote').length).toBe(1);
    expect(textElements(written.layout).filter((e) => e.role === 'pullquote')).toEqual([]);
    expect(written.warnings.some((w) => w.message.includes('pull-quote'))).toBe(true);
  });
});
