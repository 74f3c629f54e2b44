/**
 * A brief that names no country has nothing for page 1's rail (no map, facts or list). Found on
 * an unseen brief: its text stood in two narrow columns beside an empty right third of the page.
 */
import { describe, expect, it } from 'vitest';
import { layoutSource } from '../src/index.js';
import { pageGeometry } from '../src/layout/index.js';
import { outsideFrame, overlappingText, textElements } from './helpers/layout-checks.js';

const body = Array.from({ length: 14 }, (_, i) => `Paragraph ${i + 1}: sales of fountain pens have risen for the fifth year in a row, according to an industry survey published on Monday, and ink sales faster still.`).join('\n\n');

function firstPageMeasures(source: string) {
  const { layout } = layoutSource(source, { filename: 'pens.md', map: false });
  return { layout, measures: new Set(textElements(layout).filter((e) => e.page === 1 && e.role === 'body').map((e) => Math.round(e.measure))) };
}

describe('page 1 without a rail', () => {
  const geometry = pageGeometry('a4');

  it('sets the text in the later pages’ two wide columns when there is no country at all', () => {
    const { layout, measures } = firstPageMeasures(`# The Quiet Return of the Fountain Pen\n\n${body}\n`);
    expect([...measures]).toEqual([Math.round(geometry.laterPages.body[0].width)]);
    const columns = new Set(textElements(layout).filter((e) => e.page === 1 && e.role === 'body').map((e) => e.x));
    expect(columns.size).toBe(2);
    expect(outsideFrame(layout)).toEqual([]);
    expect(overlappingText(layout)).toEqual([]);
  });

  it('keeps the rail’s narrow columns when a country gives it something to show', () => {
    const { measures } = firstPageMeasures(`# Pens in Italy\n\nItaly makes many of them. ${body}\n`);
    expect([...measures]).toEqual([Math.round(geometry.firstPage.body[0].width)]);
  });
});
