/**
 * A pull-quote with no spot in the columns away from its words: found on an unseen one-page news
 * item (tests/fixtures/unseen), where the writer's quote hung below the last paragraph of the
 * second column and left the text columns 12 lines apart. It stands in page 1's rail instead; an
 * automatic one with nowhere to go is left out.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutSource, typesettingReport } from '../src/index.js';
import { pageGeometry } from '../src/layout/index.js';
import { outsideFrame, overlappingText, textElements } from './helpers/layout-checks.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/unseen/${name}`, import.meta.url), 'utf8');

describe('a pull-quote in the rail', () => {
  it('stands below the sidebar when it would otherwise trail the article, and the columns end level', () => {
    const { layout, warnings } = layoutSource(fixture('port-strike-one-quote.md'), { filename: 'strike.md' });
    const rail = pageGeometry('a4').firstPage.rail;
    const quote = textElements(layout).filter((e) => e.role === 'pullquote');
    expect(quote.length).toBeGreaterThan(0);
    for (const line of quote) expect(line.x).toBeGreaterThanOrEqual(rail.x - 6);
    // Below everything else in the rail.
    const sidebar = textElements(layout).filter((e) => e.role === 'sidebar');
    expect(Math.min(...quote.map((e) => e.y))).toBeGreaterThan(Math.max(...sidebar.map((e) => e.y)));
    // The body's two columns end on the same grid line.
    const feet = [0, 1].map((column) => Math.max(...textElements(layout).filter((e) => e.column === column).map((e) => e.y)));
    expect(Math.abs(feet[0]! - feet[1]!)).toBeLessThanOrEqual(layout.grid.pitch + 0.01);
    expect(typesettingReport(layout).summary.lastPageBalance).toBeLessThanOrEqual(1);
    expect(warnings).toEqual([]);
    expect(outsideFrame(layout)).toEqual([]);
    expect(overlappingText(layout)).toEqual([]);
  });

  it('is not used when the rail has no room left', () => {
    const countries = ['Germany', 'Belgium', 'France', 'Poland', 'Italy', 'Spain', 'Austria', 'Denmark', 'Sweden', 'Norway', 'Finland', 'Estonia', 'Latvia', 'Lithuania', 'Portugal', 'Greece', 'Ireland', 'Czechia', 'Slovakia', 'Hungary', 'Romania', 'Bulgaria', 'Croatia', 'Slovenia'];
    const source = fixture('port-strike-one-quote.md').replace('kicker: Trade\n', `kicker: Trade\nsidebar:\n  countries:\n${countries.map((c) => `    - name: ${c}\n      note: A note long enough to take a second line in the rail`).join('\n')}\n`);
    const { layout } = layoutSource(source, { filename: 'strike.md' });
    const rail = pageGeometry('a4').firstPage.rail;
    const quote = textElements(layout).filter((e) => e.role === 'pullquote' && e.page === 1);
    for (const line of quote) expect(line.x).toBeLessThan(rail.x - 6);
    expect(outsideFrame(layout)).toEqual([]);
    expect(overlappingText(layout)).toEqual([]);
  });

  it('leaves out an automatic quote that could only hang below the last paragraph, and the columns end level', () => {
    // Unseen two-page brief asking for two quotes: the second hung below one column's end.
    const { layout, warnings } = layoutSource(fixture('coalition-letter-lists.md'), { filename: 'coalition.md' });
    const last = layout.pages[layout.pages.length - 1]!;
    const body = textElements({ ...layout, pages: [last] }).filter((e) => e.column !== undefined && e.role !== 'links');
    const feet = [0, 1].map((column) => Math.max(...body.filter((e) => e.column === column).map((e) => e.y)));
    expect(Math.abs(feet[0]! - feet[1]!)).toBeLessThanOrEqual(layout.grid.pitch + 0.01);
    for (const quote of textElements({ ...layout, pages: [last] }).filter((e) => e.role === 'pullquote')) {
      expect(quote.y, 'a quote below the text of the last page').toBeLessThan(Math.max(...feet));
    }
    expect(warnings).toEqual([]);
  });
});

describe('a pull-quote on a one-page brief', () => {
  it('is not picked automatically when its words are on the page (an unseen 150-word item repeated its one quotation)', () => {
    const { layout } = layoutSource(fixture('mongolia-one-page.md'), { filename: 'mongolia.md' });
    expect(layout.pages).toHaveLength(1);
    expect(textElements(layout).filter((e) => e.role === 'pullquote')).toEqual([]);
  });

  it('never stands level with its words: in the rail only below or above them, else left out with a warning', () => {
    const sentence = 'The herders will be paid within forty days of a loss.';
    let inRail = 0;
    let leftOut = 0;
    for (let paragraphs = 6; paragraphs <= 16; paragraphs += 2) {
      const body = Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i + 1} tells of the herders and the insurance scheme in plain words that fill a column for a while longer.`);
      const source = `---\ntitle: Level test\ncountry: Mongolia\n---\n\n${body.join('\n\n')}\n\nThe minister said: ${sentence}\n\n:::pullquote{cite="A minister"}\n${sentence}\n:::\n`;
      const { layout, warnings } = layoutSource(source, { filename: 'level.md' });
      const quote = textElements(layout).filter((e) => e.role === 'pullquote');
      if (quote.length === 0) {
        leftOut++;
        expect(warnings.some((w) => w.message.includes('pull-quote found no place'))).toBe(true);
        continue;
      }
      inRail++;
      const words = textElements(layout).filter((e) => e.role === 'body' && e.pieces.map((p) => p.text).join('').includes('within forty'));
      const top = Math.min(...quote.map((e) => e.y)) - 4 * layout.grid.pitch;
      const bottom = Math.max(...quote.map((e) => e.y)) + 3 * layout.grid.pitch;
      for (const line of words) expect(line.y < top || line.y > bottom, `${paragraphs} paragraphs`).toBe(true);
    }
    // Both cases came up: the rail took the quote away from its words, and refused it beside them.
    expect(inRail).toBeGreaterThan(0);
    expect(leftOut).toBeGreaterThan(0);
  });
});
