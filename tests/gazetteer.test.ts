import { describe, expect, it } from 'vitest';
import { allCountries, findCountryMentions, resolveCountry, tallyCountries } from '../src/gazetteer/index.js';
import { COUNTRY_SENTENCES } from './fixtures/country-sentences.js';

describe('gazetteer data', () => {
  it('has every ISO 3166-1 country and Kosovo, with codes', () => {
    const countries = allCountries();
    expect(countries.length).toBeGreaterThanOrEqual(249);
    const albania = countries.find((c) => c.alpha2 === 'AL');
    expect(albania).toMatchObject({ alpha3: 'ALB', numeric: '008', name: 'Albania', capital: 'Tirana', region: 'Europe', currency: ['ALL'], callingCodes: ['355'] });
    expect(albania?.languages).toContain('Albanian');
    expect(countries.find((c) => c.alpha2 === 'XK')?.name).toBe('Kosovo');
    for (const country of countries) expect(country.name).not.toMatch(/,/);
  });
});

describe('resolving names written in front matter', () => {
  it.each([
    ['UK', 'GB'], ['Britain', 'GB'], ['Great Britain', 'GB'], ['United Kingdom', 'GB'],
    ['US', 'US'], ['U.S.', 'US'], ['USA', 'US'], ['the United States', 'US'], ['America', 'US'],
    ['Czech Republic', 'CZ'], ['Czechia', 'CZ'], ['Turkey', 'TR'], ['Türkiye', 'TR'],
    ['Ivory Coast', 'CI'], ["Côte d'Ivoire", 'CI'], ['Cote d’Ivoire', 'CI'], ['North Korea', 'KP'], ['DPRK', 'KP'],
    ['South Korea', 'KR'], ['the Netherlands', 'NL'], ['Holland', 'NL'], ['UAE', 'AE'], ['Russia', 'RU'],
    ['Vietnam', 'VN'], ['Viet Nam', 'VN'], ['Taiwan', 'TW'], ['Kosovo', 'XK'], ['albania', 'AL'], ['AL', 'AL'], ['DEU', 'DE'],
  ])('%s → %s', (name, code) => {
    expect(resolveCountry(name)?.alpha2).toBe(code);
  });

  it('prints canonical short names', () => {
    expect(resolveCountry('Czech Republic')?.name).toBe('Czechia');
    expect(resolveCountry('Britain')?.name).toBe('United Kingdom');
    expect(resolveCountry('China')?.name).toBe('China');
    expect(resolveCountry('DPRK')?.name).toBe('North Korea');
  });

  it('knows no made-up countries', () => {
    expect(resolveCountry('Atlantis')).toBeUndefined();
    expect(resolveCountry('Narnia')).toBeUndefined();
    expect(resolveCountry('')).toBeUndefined();
  });
});

describe('finding countries in running text', () => {
  it('matches the longest name and respects word boundaries', () => {
    const codes = findCountryMentions('North Macedonia, Nigeria, Papua New Guinea and Niger.').map((m) => m.country.alpha2);
    expect(codes).toEqual(['MK', 'NG', 'PG', 'NE']);
  });

  it('lets demonyms count towards a named country but never list one alone', () => {
    const tally = tallyCountries('Chinese firms and Albanian officials met. China said the Chinese side agreed.');
    expect(tally.map((t) => [t.country.alpha2, t.mentions, t.demonyms])).toEqual([['CN', 1, 2]]);
  });

  it('orders by mentions, then first appearance', () => {
    expect(tallyCountries('France, Germany, Germany, Italy.').map((t) => t.country.alpha2)).toEqual(['DE', 'FR', 'IT']);
  });

  it(`reaches precision and recall of at least 0.97 on ${COUNTRY_SENTENCES.length} labelled sentences`, () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    const wrong: string[] = [];
    for (const [sentence, expected] of COUNTRY_SENTENCES) {
      const found = new Set(findCountryMentions(sentence).map((m) => m.country.alpha2));
      const want = new Set(expected);
      for (const code of found) {
        if (want.has(code)) truePositives++;
        else falsePositives++;
      }
      for (const code of want) if (!found.has(code)) falseNegatives++;
      if ([...found].sort().join() !== [...want].sort().join()) wrong.push(`${sentence} → ${[...found].join(',')}`);
    }
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    console.log(`country detection: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}; misread: ${wrong.length ? wrong.join(' | ') : 'none'}`);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.97);
  });
});
