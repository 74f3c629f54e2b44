/**
 * A country with two current names is printed as the writer names it. Found on an unseen brief
 * that wrote Timor-Leste and Türkiye while its sidebar said East Timor and Turkey.
 */
import { describe, expect, it } from 'vitest';
import { layoutSource } from '../src/index.js';
import { lineText, textElements } from './helpers/layout-checks.js';

function sidebarText(source: string): string {
  const { layout } = layoutSource(source, { filename: 'names.md', map: false });
  // The list of countries (the box of facts above it has official names of its own).
  const text = textElements(layout).filter((e) => e.role === 'sidebar').map(lineText).join(' | ');
  return text.slice(text.toUpperCase().indexOf('COUNTRIES'));
}

describe('the names the writer chose', () => {
  it('prints Timor-Leste and Türkiye in a sidebar found in a body that writes them so', () => {
    const text = sidebarText('---\ntitle: Summits\n---\n\nTimor-Leste joined ASEAN. NATO met in Ankara, Türkiye, and Türkiye hosted it again; Indonesia and Timor-Leste signed a deal.\n');
    expect(text).toContain('Timor-Leste');
    expect(text).toContain('Türkiye');
    expect(text).not.toContain('East Timor');
    expect(text).not.toMatch(/Turkey/);
  });

  it('keeps the printed name for other aliases, and for the name the body uses most', () => {
    const text = sidebarText('---\ntitle: Trade\n---\n\nBritain and Holland traded with Turkey. Turkey, not Türkiye, was the word in Turkey’s own press.\n');
    expect(text).toContain('United Kingdom');
    expect(text).toContain('Netherlands');
    expect(text).toContain('Turkey');
    expect(text).not.toContain('Türkiye');
  });

  it('prints a listed country as typed in the front matter, and the focus’s box title too', () => {
    const source = '---\ntitle: Cables\ncountry: Türkiye\nsidebar:\n  countries:\n    - name: Czech Republic\n    - name: Turkiye\n---\n\nThe cable lands in Turkey.\n';
    const { layout } = layoutSource(source, { filename: 'names.md', map: false });
    const text = textElements(layout).filter((e) => e.role === 'sidebar').map(lineText).join(' | ');
    expect(text).toContain('Czech Republic');
    expect(text).toContain('Türkiye');
    expect(text.toUpperCase()).toContain('TÜRKIYE AT A GLANCE');
  });
});
