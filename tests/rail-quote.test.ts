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
