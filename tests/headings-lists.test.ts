/**
 * Subheads and lists in an unseen brief (tests/fixtures/unseen/coalition-letter-lists.md): an H3
 * right under an H2 stood two grid lines below it, and a pull-quote was set between the first
 * and second items of a numbered list.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutSource } from '../src/index.js';
import { lineText, textElements } from './helpers/layout-checks.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/unseen/${name}`, import.meta.url), 'utf8');

describe('headings in a stack', () => {
  it('sets a subhead right under its heading on the next grid line', () => {
    const source = '---\ntitle: Stack\npullquotes: none\n---\n\nAn opening paragraph long enough to fill a few lines of the first column, so the headings stand below it and not at the top.\n\n## Defence\n\n### Procurement\n\nThe agreement commits the government to spending more.\n\n## Energy\n\nSubsidies for heat pumps will be extended.\n';
    const { layout } = layoutSource(source, { filename: 's.md', map: false });
    const lines = textElements(layout);
    const h2 = lines.find((e) => lineText(e).includes('Defence'))!;
    const h3 = lines.find((e) => lineText(e) === 'Procurement')!;
    const text = lines.find((e) => lineText(e).startsWith('The agreement'))!;
    expect(h3.y - h2.y).toBeCloseTo(layout.grid.pitch, 3);
    expect(text.y - h3.y).toBeCloseTo(layout.grid.pitch, 3);
    // A heading after text keeps its grid line of space above.
    const energy = lines.find((e) => lineText(e).includes('Energy'))!;
    const before = lines.filter((e) => e.column === energy.column && e.page === energy.page && e.y < energy.y).sort((a, b) => b.y - a.y)[0]!;
    expect(energy.y - before.y).toBeGreaterThanOrEqual(2 * layout.grid.pitch - 0.01);
  });
});

describe('pull-quotes and lists', () => {
  it('never sets a pull-quote between two items of a list', () => {
    const { layout } = layoutSource(fixture('coalition-letter-lists.md').replace('pullquotes: 2', 'pullquotes: 1'), { filename: 'coalition.md', map: false });
    let quotes = 0;
    for (const page of layout.pages) {
      const lines = textElements({ ...layout, pages: [page] }).filter((e) => e.column !== undefined || e.role === 'pullquote');
      for (const quote of lines.filter((e) => e.role === 'pullquote')) {
        quotes++;
        const column = lines.filter((e) => e.role !== 'pullquote' && Math.abs(e.x - quote.x) < 40);
        const above = column.filter((e) => e.y < quote.y).sort((a, b) => b.y - a.y)[0];
        const below = column.filter((e) => e.y > quote.y).sort((a, b) => a.y - b.y)[0];
        expect(above?.role === 'list' && below?.role === 'list', `page ${page.number}: “${lineText(quote)}” inside a list`).toBe(false);
      }
    }
    expect(quotes).toBeGreaterThan(0);
  });
});
