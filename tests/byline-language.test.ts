/**
 * The words offprint prints itself around a brief's byline and in its footer follow the brief's
 * language: found on an unseen French brief that read "By Claire Le Gall · 17 April 2026".
 */
import { describe, expect, it } from 'vitest';
import { layoutSource } from '../src/index.js';
import { formatDate } from '../src/layout/byline-words.js';
import { lineText, textElements } from './helpers/layout-checks.js';

function furniture(lang: string | undefined, byline: string, date: string) {
  const source = `---\ntitle: Un titre\nbyline: ${byline}\ndate: ${date}\ndateline: NANTES\n${lang ? `lang: ${lang}\n` : ''}---\n\nLe texte du bref, assez court.\n`;
  const lines = textElements(layoutSource(source, { filename: 'b.md', map: false }).layout);
  return {
    byline: lines.filter((e) => e.role === 'byline').map(lineText).join(' '),
    footer: lines.filter((e) => e.role === 'footer').map(lineText).join(' '),
  };
}

describe('the byline row and footer in the brief’s language', () => {
  it('writes “By”, “and” and the date in French, German and Spanish', () => {
    const fr = furniture('fr', '[Claire Le Gall, Yann Morvan]', '2026-04-17');
    expect(fr.byline).toContain('Par Claire Le Gall et Yann Morvan');
    expect(fr.byline).toContain('17 avril 2026');
    expect(fr.footer).toContain('17 avril 2026');
    expect(furniture('de-AT', '[Anna Huber, Jonas Berger]', '2026-03-02').byline).toMatch(/^Von Anna Huber und Jonas Berger.*2\. März 2026$/u);
    expect(furniture('es', 'Lucía Gómez', '2026-05-09').byline).toMatch(/^Por Lucía Gómez.*9 de mayo de 2026$/u);
    expect(formatDate('2026-05-01', 'fr')).toBe('1er mai 2026');
  });

  it('keeps English for English and for languages it has no words for', () => {
    const en = furniture(undefined, '[Alice Taylor, Bob Smith]', '2026-03-02');
    expect(en.byline).toMatch(/^By Alice Taylor and Bob Smith.*2 March 2026$/u);
    expect(en.footer).toContain('2 March 2026');
    expect(furniture('fi', 'Aino Virtanen', '2026-03-02').byline).toMatch(/^By Aino Virtanen.*2 March 2026$/u);
  });
});
