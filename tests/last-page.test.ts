/**
 * The last page of an unseen brief (tests/fixtures/unseen/lithium-short-paragraphs.md): four
 * lines of text were left for page 2, and a pull-quote the pipeline picked itself stood among
 * them. A quote may not open a column, so all of it went into the left column and the right one
 * stayed empty. The quote is left out when the page balances without it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutSource, typesettingReport } from '../src/index.js';
import { textElements } from './helpers/layout-checks.js';

const source = readFileSync(new URL('./fixtures/unseen/lithium-short-paragraphs.md', import.meta.url), 'utf8');

describe('an automatic pull-quote on a short last page', () => {
  const { layout } = layoutSource(source, { filename: 'lithium.md' });
  const last = layout.pages[layout.pages.length - 1]!;

  it('is left out when it keeps the columns from balancing', () => {
    expect(layout.pages.length).toBe(2);
    expect(typesettingReport(layout).summary.lastPageBalance).toBeLessThanOrEqual(1);
    const columns = new Set(textElements(layout).filter((e) => e.page === last.number && e.role === 'body').map((e) => e.column));
    expect(columns.size).toBe(2);
    expect(textElements(layout).filter((e) => e.page === last.number && e.role === 'pullquote')).toEqual([]);
  });
});

describe('an automatic pull-quote carried past a table onto the last page', () => {
  it('is left out too when it keeps the last columns from balancing (an unseen brief: 15 lines against 5)', () => {
    const fixture = readFileSync(new URL('./fixtures/unseen/andalusia-quote-below-table.md', import.meta.url), 'utf8');
    const { layout } = layoutSource(fixture, { filename: 'andalusia.md' });
    expect(typesettingReport(layout).summary.lastPageBalance).toBeLessThanOrEqual(1);
  });
});
