/**
 * A block quotation ending in an attribution line ("— Report of the panel, 2025"): found on an
 * unseen brief, where the attribution was justified and its few words spread across the measure,
 * and the rule beside the quotation broke between its paragraphs.
 */
import { describe, expect, it } from 'vitest';
import { layoutSource } from '../src/index.js';
import { lineText, textElements } from './helpers/layout-checks.js';

const QUOTE = 'Without an agreement on sharing, there can be no credible management of the stock, and without credible management, there is no sustainable fishery. The parties know this.';

function brief(attribution: string): string {
  return `---\ntitle: Quotas\n---\n\nThe dispute began when mackerel moved north and west into new waters.\n\n> ${QUOTE}\n>\n> ${attribution}\n\nFishing communities have urged their governments to compromise.\n`;
}

function quoteLines(source: string) {
  return textElements(layoutSource(source, { filename: 'q.md', map: false }).layout).filter((e) => e.role === 'quote');
}

describe('a block quotation’s attribution', () => {
  it('is set ragged at natural spacing, not spread across the measure', () => {
    const lines = quoteLines(brief('— Report of the independent review panel on North-East Atlantic mackerel, 2025'));
    const attribution = lines.filter((line) => lines.indexOf(line) >= lines.findIndex((l) => lineText(l).includes('Report')));
    expect(attribution.length).toBeGreaterThan(1);
    for (const line of attribution) {
      expect(line.ratio, lineText(line)).toBe(0);
      expect(line.hyphenated).toBe(false);
    }
    // Only the last line of its paragraph may be short: the quotation above stays justified.
    const quoted = lines.filter((line) => !attribution.includes(line) && !line.paragraphEnd);
    expect(quoted.length).toBeGreaterThan(1);
    // (A hung hyphen or stop stands a little past the measure.)
    for (const line of quoted) expect(Math.abs(line.width - line.measure), lineText(line)).toBeLessThan(4);
  });

  it('has one unbroken rule beside all its paragraphs in a column', () => {
    const { layout } = layoutSource(brief('— Report of the independent review panel, 2025'), { filename: 'q.md', map: false });
    const page = layout.pages[0]!;
    const quoteXs = new Set(textElements(layout).filter((e) => e.role === 'quote').map((e) => e.x - 6));
    const byColumn = new Map<number, number[][]>();
    for (const e of page.elements) {
      if (e.kind !== 'rule' || e.x1 !== e.x2 || ![...quoteXs].some((x) => Math.abs(x - e.x1) < 0.01)) continue;
      byColumn.set(e.x1, [...(byColumn.get(e.x1) ?? []), [Math.min(e.y1, e.y2), Math.max(e.y1, e.y2)]]);
    }
    // The quotation's second paragraph starts in the column its first ends in.
    expect([...byColumn.values()].some((spans) => spans.length > 1)).toBe(true);
    for (const spans of byColumn.values()) {
      spans.sort((a, b) => a[0]! - b[0]!);
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0], 'a gap in the rule').toBeLessThanOrEqual(spans[i - 1]![1]! + 0.01);
    }
  });

  it('never opens a column alone, cut off from the quotation it names', () => {
    const filler = 'Fishing communities in the north depend on the stock for a large part of their income and have urged their governments to compromise before the autumn talks.';
    let attributions = 0;
    for (let before = 4; before <= 40; before++) {
      const source = `---\ntitle: Quotas\npullquotes: none\n---\n\n${Array.from({ length: before }, () => filler).join('\n\n')}\n\n> ${QUOTE} ${QUOTE}\n>\n> — Report of the review panel, 2025\n\n${Array.from({ length: 30 }, () => filler).join('\n\n')}\n`;
      const lines = textElements(layoutSource(source, { filename: 'q.md', map: false }).layout).filter((e) => e.column !== undefined);
      for (const line of lines.filter((e) => e.role === 'quote' && lineText(e).startsWith('—'))) {
        attributions++;
        const above = lines.filter((e) => e.page === line.page && e.column === line.column && e.band === line.band && e.y < line.y);
        expect(above.some((e) => e.role === 'quote'), `${before} paragraphs before: the attribution opens page ${line.page}, column ${line.column}`).toBe(true);
      }
    }
    expect(attributions).toBe(37);
  });

  it('does not take the quotation’s last lines along when it is long enough to start below them', () => {
    // A long last paragraph opening with a dash (dialogue, as French writes it) is split across
    // the columns like any paragraph: taking the lines above it along left a column nearly empty
    // under the quotation.
    const filler = 'Fishing communities in the north depend on the stock for a large part of their income.';
    const dialogue = `— ${Array.from({ length: 30 }, () => 'Nous ne partirons pas, répondit-il, tant que les quotas ne seront pas partagés entre tous.').join(' ')}`;
    let checked = 0;
    for (let before = 0; before <= 4; before++) {
      const source = `---\ntitle: Quotas\npullquotes: none\n---\n\n${Array.from({ length: before + 1 }, () => filler).join('\n\n')}\n\n> ${QUOTE}\n>\n> ${dialogue}\n\n${Array.from({ length: 20 }, () => filler).join('\n\n')}\n`;
      const { layout } = layoutSource(source, { filename: 'q.md', map: false });
      const lines = textElements(layout).filter((e) => e.column !== undefined);
      const opening = lines.findIndex((e) => e.role === 'quote' && lineText(e).startsWith('—'));
      expect(lineText(lines[opening - 1]!)).toMatch(/know this\.\s*$/u);
      // Each column holding lines of the quotation is filled to its foot.
      for (const line of lines.slice(0, opening).filter((e) => e.role === 'quote')) {
        const column = lines.filter((e) => e.page === line.page && e.column === line.column && e.band === line.band);
        const foot = Math.max(...lines.filter((e) => e.page === line.page && e.band === line.band).map((e) => e.y));
        expect(Math.max(...column.map((e) => e.y)), `${before} paragraphs before: page ${line.page}, column ${line.column}`).toBeGreaterThan(foot - 3 * layout.grid.pitch);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('leaves a last paragraph that is no attribution justified', () => {
    const lines = quoteLines(brief('And the next paragraph of the quotation goes on at length about quotas, shares and the science of the stock.'));
    const last = lines.filter((line) => lines.indexOf(line) >= lines.findIndex((l) => lineText(l).startsWith('And the next')));
    expect(last.some((line) => !line.paragraphEnd && line.ratio !== 0)).toBe(true);
  });
});
