/**
 * French spacing: a spaced guillemet or high stop (« Oui », quoi ?) stays with its word. Found on
 * an unseen French brief, whose last line was a lone » under the quotation it closed. And the
 * wire's spaced hyphen used as a dash, found on unseen wire copy.
 */
import { describe, expect, it } from 'vitest';
import { smartenText, tieSpaces } from '../src/model/typography.js';
import { paragraphItems, setLines, type SetLine } from '../src/typeset/index.js';

const FRENCH = 'Pour les industriels, l’enjeu est clair : « Nous avons prouvé que nous savions faire », affirme la directrice. « Maintenant, il faut de la visibilité sur les commandes, sinon les compétences partiront ailleurs. » Et après ? Personne ne le sait ; « rien » n’est écrit.';

function lines(text: string, measure: number): string[] {
  const items = paragraphItems([{ text: smartenText(text, ''), style: {} }], { font: 'serif', size: 9.5, color: '#000', linkColor: '#00f', hyphenation: 'fr', align: 'justify', firstIndent: 0, narrowest: measure });
  return setLines(items, 0, () => measure, 'justify').map((line: SetLine) => line.pieces.map((p) => p.text).join('').trim());
}

describe('a hyphen typed as a dash', () => {
  it('becomes a spaced en dash between words, and stays a hyphen inside or beside a word', () => {
    expect(smartenText('ACCRA, Feb 14 (Reuters) - Cocoa regulators', '')).toBe('ACCRA, Feb\u00A014 (Reuters)\u00A0\u2013 Cocoa regulators');
    expect(smartenText('a well-known -5 value and x -y', '')).toBe('a well-known -5 value and x -y');
    expect(smartenText('- a bullet typed by hand', '')).toBe('- a bullet typed by hand');
  });
});

describe('spaced guillemets and high stops', () => {
  it('ties the space inside guillemets and before : ; ! ? and only there', () => {
    const tied = (text: string) => tieSpaces(text).replace(/\u00A0/g, '~');
    expect(tied('il dit : « Oui » ; puis ? Non ! Fin.')).toBe('il dit~: «~Oui~»~; puis~? Non~! Fin.');
    expect(tied('a ratio of 3:1 and »Zitat« here')).toBe('a ratio of 3:1 and »Zitat« here');
  });

  it('never opens a line with a lone closing mark nor ends one with a lone «, whatever the measure', () => {
    let checked = 0;
    for (let measure = 90; measure <= 200; measure += 2) {
      for (const line of lines(FRENCH, measure)) {
        checked++;
        expect(line, `measure ${measure}`).not.toMatch(/^[»:;!?]/u);
        expect(line, `measure ${measure}`).not.toMatch(/«$/u);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('a word tied to a spaced guillemet', () => {
  // A pull-quote (no hyphenation) in page 1's 54 mm rail printed '« Donaudampfschifffahr' 9 pt
  // past the rail's edge, over the page's margin: the word was cut to the measure, and the
  // « tied before it was not counted.
  function setWithoutHyphenation(text: string, measure: number): SetLine[] {
    const items = paragraphItems([{ text: tieSpaces(text), style: {} }], { font: 'serif-italic', size: 15, color: '#000', linkColor: '#00f', align: 'balanced', firstIndent: 0, narrowest: measure });
    return setLines(items, 0, () => measure, 'balanced');
  }

  it('keeps the line it opens within the measure, the « included', () => {
    let checked = 0;
    for (const word of ['Donaudampfschifffahrtsgesellschaft', 'Telekommunikationsgesetz', 'Kraftfahrzeughaftpflicht']) {
      for (let measure = 120; measure <= 200; measure += 4) {
        const [first] = setWithoutHyphenation(`« ${word} kommt », sagte sie.`, measure);
        expect(first!.pieces.map((p) => p.text).join('')).toMatch(/^«\s\p{L}/u);
        expect(first!.width, `${word} at ${measure}`).toBeLessThanOrEqual(measure + 0.01);
        checked++;
      }
    }
    expect(checked).toBe(63);
  });

  it('leaves the first word of an indented paragraph room for the indent', () => {
    const measure = 150;
    const items = paragraphItems([{ text: 'Donaudampfschifffahrtsgesellschaftskapitän fährt.', style: {} }], { font: 'serif', size: 9.5, color: '#000', linkColor: '#00f', align: 'justify', firstIndent: 40, narrowest: measure });
    const [first] = setLines(items, 0, () => measure, 'justify');
    expect(first!.width).toBeLessThanOrEqual(measure + 0.01);
  });
});
