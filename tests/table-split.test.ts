/**
 * Tables split over a page (an unseen brief, tests/fixtures/unseen/mekong-tables-footnotes.md):
 * its three-row table came at the foot of page 1 with room for one row, which was set there
 * under the header and the other two went over under the header repeated, at another width. A
 * split now leaves at least two rows on each side; a table that cannot split so where it comes
 * goes to the head of the next page, and the text after it fills the page first.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutSource } from '../src/index.js';
import { seededRandom } from './helpers/generate.js';
import { outsideFrame, textElements } from './helpers/layout-checks.js';
import type { Layout } from '../src/layout/index.js';

const fixture = readFileSync(new URL('./fixtures/unseen/mekong-tables-footnotes.md', import.meta.url), 'utf8');

/** Per table, the body rows set on each page. */
function rowsByPage(layout: Layout): Map<number, Map<number, Set<number>>> {
  const tables = new Map<number, Map<number, Set<number>>>();
  for (const element of textElements(layout)) {
    if (!element.cell || element.cell.header) continue;
    const pages = tables.get(element.cell.table) ?? new Map<number, Set<number>>();
    const rows = pages.get(element.page) ?? new Set<number>();
    rows.add(element.cell.row);
    pages.set(element.page, rows);
    tables.set(element.cell.table, pages);
  }
  return tables;
}

/** A table of `rows` body rows after `paragraphsBefore` paragraphs, so it falls at varied heights. */
function briefWithTable(rows: number, paragraphsBefore: number): string {
  const random = seededRandom(rows * 100 + paragraphsBefore);
  const paragraph = () => Array.from({ length: 5 }, () => `${WORDS.slice(0, 6 + Math.floor(random() * 10)).join(' ')}.`).join(' ');
  const table = ['| Scenario | Tonnes | Share | Cost |', '|---|---:|---:|---:|', ...Array.from({ length: rows }, (_, i) => `| Case ${i + 1} | ${10 + i} Mt | ${20 + i}% | $${i + 1}.5 bn |`)].join('\n');
  const before = Array.from({ length: paragraphsBefore }, paragraph);
  const after = Array.from({ length: 12 }, paragraph);
  return ['# A table near the foot', ...before, table, ...after].join('\n\n');
}

const WORDS = 'The delta loses sediment every year while the reservoirs upstream keep filling and the coast retreats further inland'.split(' ');

describe('a table at the foot of a page', () => {
  it('is not split with one row alone on either side, in the unseen brief', () => {
    const { layout } = layoutSource(fixture, { filename: 'mekong.md' });
    for (const pages of rowsByPage(layout).values()) {
      if (pages.size > 1) for (const rows of pages.values()) expect(rows.size).toBeGreaterThanOrEqual(2);
    }
    // The three-row table stands whole at the head of page 2, and the text after it fills page 1.
    const split = [...rowsByPage(layout).values()].filter((pages) => pages.size > 1);
    expect(split).toEqual([]);
    const scenarios = textElements(layout).filter((e) => e.cell?.table === 1 && !e.cell.header);
    expect(new Set(scenarios.map((e) => e.page))).toEqual(new Set([2]));
    const after = textElements(layout).find((e) => e.role === 'body' && e.pieces.map((p) => p.text).join('').includes('Even the best case'));
    expect(after?.page).toBe(1);
  });

  it('never leaves a lone row on either side, wherever the table falls', () => {
    let splits = 0;
    for (const rows of [3, 8, 14]) {
      for (let before = 8; before <= 20; before++) {
        const { layout } = layoutSource(briefWithTable(rows, before), { filename: 'gen.md' });
        for (const pages of rowsByPage(layout).values()) {
          if (pages.size < 2) continue;
          splits++;
          for (const set of pages.values()) expect(set.size).toBeGreaterThanOrEqual(2);
        }
      }
    }
    // Some of these tables did fall across a page (else the check above checked nothing).
    expect(splits).toBeGreaterThan(0);
  });

  it('splits a table taller than a page wherever it comes, never floating it whole off the page', () => {
    for (const paper of ['a4', 'letter'] as const) {
      for (let before = 10; before <= 20; before += 2) {
        const { layout } = layoutSource(briefWithTable(70, before), { filename: 'long.md', paper });
        expect(outsideFrame(layout), `${paper}, ${before} paragraphs`).toEqual([]);
        const rows = new Set(textElements(layout).flatMap((e) => (e.cell && !e.cell.header ? [e.cell.row] : [])));
        expect(rows.size).toBe(70);
      }
    }
  });
});
