/**
 * Country names in the brief's own language: found on unseen briefs, where a German brief with
 * `country: Deutschland` failed to build and a French one listed only France in its sidebar
 * though it named Allemagne, les Pays-Bas and les États-Unis.
 */
import { describe, expect, it } from 'vitest';
import { layoutSource } from '../src/index.js';
import { resolveCountry, tallyCountries } from '../src/gazetteer/index.js';

const codes = (text: string, lang?: string) => tallyCountries(text, lang).map((t) => t.country.alpha2);

describe('country names in the brief’s language', () => {
  it('resolves a front-matter name written in the brief’s language, and only then', () => {
    expect(resolveCountry('Deutschland', 'de')?.alpha2).toBe('DE');
    expect(resolveCountry('Pays-Bas', 'fr-FR')?.alpha2).toBe('NL');
    expect(resolveCountry('États-Unis', 'fr')?.alpha2).toBe('US');
    expect(resolveCountry('Deutschland')).toBeUndefined();
    expect(resolveCountry('Germany', 'de')?.alpha2).toBe('DE');
  });

  it('finds them in the body of a brief in that language, and English names still', () => {
    expect(codes('Nous exportons vers l’Allemagne, les Pays-Bas et les États-Unis, et vers la France.', 'fr')).toEqual(['DE', 'NL', 'US', 'FR']);
    expect(codes('Die Schweiz investiert mehr als Deutschland; Österreich auch, und Germany sowieso.', 'de')).toEqual(['DE', 'CH', 'AT']);
    // An English brief does not read French names.
    expect(codes('Allemagne and Germany', 'en')).toEqual(['DE']);
    expect(codes('Allemagne', undefined)).toEqual([]);
  });

  it('does not take a first name for a country', () => {
    expect(codes('Maurice Dupont, maire de Nantes, a parlé de Maurice et de ses plages.', 'fr')).toEqual(['MU']);
    expect(tallyCountries('Maurice Dupont a parlé.', 'fr')).toEqual([]);
  });

  it('takes Granada and Grenade for the city, and Long Island for no Iceland, unless the Caribbean is in the sentence', () => {
    // A Spanish brief about Andalusia listed Grenada first: the Spanish and Portuguese name for
    // the island is the Andalusian city's, the French one the city's and a grenade's.
    expect(codes('El alcalde de Granada visitó Sevilla y Madrid con el presidente de España.', 'es')).toEqual(['ES']);
    expect(codes('O prefeito de Granada falou sobre Portugal.', 'pt')).toEqual(['PT']);
    expect(codes('Grenade est une ville andalouse, au sud de l’Espagne.', 'fr')).toEqual(['ES']);
    expect(codes('Granada, una isla del Caribe, exporta nuez moscada.', 'es')).toEqual(['GD']);
    expect(codes('La Grenade, dans les Caraïbes, exporte de la muscade.', 'fr')).toEqual(['GD']);
    expect(codes('Der Hurrikan traf Long Island und Rhode Island.', 'de')).toEqual([]);
    expect(codes('Der Vulkan auf Island bricht aus.', 'de')).toEqual(['IS']);
  });

  it('builds a German brief whose focus country is written in German', () => {
    const source = '---\ntitle: Die Bahn\nlang: de\ncountry: Deutschland\nsidebar:\n  countries:\n    - name: Schweiz\n    - name: Österreich\n---\n\nDie Schweiz investiert pro Kopf ein Vielfaches.\n';
    const { brief } = layoutSource(source, { filename: 'bahn.md', map: false });
    expect(brief.meta.country?.alpha2).toBe('DE');
    expect(brief.sidebar?.groups.flatMap((g) => g.entries.map((e) => e.country.alpha2))).toEqual(['CH', 'AT']);
  });
});
