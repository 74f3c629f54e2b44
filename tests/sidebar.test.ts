import { describe, expect, it } from 'vitest';
import { allCountries } from '../src/gazetteer/index.js';
import { layoutSidebar } from '../src/layout/sidebar.js';
import type { TextElement } from '../src/layout/types.js';
import type { Sidebar } from '../src/model/index.js';
import { lineText } from './helpers/layout-checks.js';

const GRID = 12.5;
const GLOSS = 'Countries named in the article, most mentioned first.';

/** A list found in the body, as the model makes it: no statuses, a closing gloss. */
const fromBody: Sidebar = {
  title: 'Countries mentioned',
  from: 'body',
  groups: [{ entries: allCountries().slice(0, 12).map((country) => ({ country })) }],
};

function boxes(sidebar: Sidebar, firstLines: number): string[][] {
  return layoutSidebar(sidebar, 150, GRID, firstLines, 240, 40).map((part) =>
    part(0, 100)
      .elements.filter((e): e is TextElement => e.kind === 'text')
      .map(lineText),
  );
}

describe('the sidebar split over pages', () => {
  it('keeps a list that fits but for its gloss on page 1, without a box over the page for the gloss alone', () => {
    const names = fromBody.groups[0]!.entries.map((e) => e.country.name);
    let glossLeftOut = 0;
    for (let firstLines = 1; firstLines <= 30; firstLines++) {
      const [first, ...continued] = boxes(fromBody, firstLines);
      const onPageOne = first!.join('\n');
      if (names.every((name) => onPageOne.includes(name)) && !onPageOne.includes(GLOSS)) {
        glossLeftOut++;
        expect(continued).toEqual([]);
      }
      // Whatever goes over holds an entry of the list, never only its label and gloss.
      for (const box of continued) expect(names.some((name) => box.join('\n').includes(name))).toBe(true);
    }
    // The case above was met (the gloss takes a grid line of its own at some height).
    expect(glossLeftOut).toBeGreaterThan(0);
  });

  it('still sets the gloss, at the end of the list, when the list goes over', () => {
    const [first, ...continued] = boxes(fromBody, 6);
    expect(continued.length).toBeGreaterThan(0);
    expect(first!.join('\n')).not.toContain(GLOSS);
    expect(continued.at(-1)!.at(-1)).toBe(GLOSS);
  });
});

describe('a status group that goes on over the page', () => {
  it('has its status said again at the head of the box that continues it', () => {
    const countries = allCountries().slice(20, 44);
    const statuses = ['COMPLETED', 'NEGOTIATING', 'AT RISK'];
    const sidebar: Sidebar = { title: 'Cases', from: 'front-matter', groups: statuses.map((status, g) => ({ status: status.toLowerCase(), entries: countries.slice(g * 8, g * 8 + 8).map((country) => ({ country })) })) };
    let checked = 0;
    for (let firstLines = 6; firstLines <= 24; firstLines += 3) {
      const parts = layoutSidebar(sidebar, 150, GRID, firstLines, 240, 12).map((part) =>
        part(0, 100)
          .elements.filter((e): e is TextElement => e.kind === 'text')
          .map(lineText),
      );
      for (const box of parts.slice(1)) {
        // The label, then a status heading before any country.
        expect(box[0]).toBe('CASES (CONTINUED)');
        expect(statuses).toContain(box[1]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3);
  });
});
