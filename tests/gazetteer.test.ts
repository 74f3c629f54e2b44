import { describe, expect, it } from 'vitest';
import { allCountries, findCountryMentions, resolveCountry, tallyCountries } from '../src/gazetteer/index.js';
import { COUNTRY_SENTENCES } from './fixtures/country-sentences.js';

const codes = (text: string) => findCountryMentions(text).map((m) => m.country.alpha2);

describe('gazetteer data', () => {
  it('has every ISO 3166-1 country and Kosovo, each code once', () => {
    const countries = allCountries();
    expect(countries).toHaveLength(250);
    expect(new Set(countries.map((c) => c.alpha2)).size).toBe(250);
    expect(new Set(countries.map((c) => c.alpha3)).size).toBe(250);
    for (const country of countries) {
      expect(country.alpha2).toMatch(/^[A-Z]{2}$/);
      expect(country.alpha3).toMatch(/^[A-Z]{3}$/);
      expect(country.numeric).toMatch(/^\d{3}$/);
      expect(country.name).not.toMatch(/,/);
      for (const code of country.neighbours) expect(countries.some((c) => c.alpha2 === code)).toBe(true);
    }
    // GeoNames gives an area for all but Kosovo (not in its table) and the US Minor Outlying Islands.
    expect(countries.filter((c) => !c.areaKm2).map((c) => c.alpha2)).toEqual(['UM', 'XK']);
    // GeoNames' table lacks Kosovo: its facts stay unknown rather than made up.
    expect(resolveCountry('XK')?.areaKm2).toBeUndefined();
    expect(countries.map((c) => c.alpha2)).not.toContain('AC');
  });

  it('fills facts from the packages', () => {
    const albania = resolveCountry('AL');
    expect(albania).toMatchObject({ alpha3: 'ALB', numeric: '008', name: 'Albania', capital: 'Tirana', region: 'Europe', currency: ['ALL'], callingCodes: ['355'] });
    expect(albania?.languages).toContain('Albanian');
    expect(resolveCountry('XK')).toMatchObject({ name: 'Kosovo', alpha3: 'XKX', capital: 'Pristina' });
    expect(resolveCountry('XKK')?.alpha2).toBe('XK');
    expect(resolveCountry('CN')?.officialName).toBe("People's Republic of China");
  });

  it('takes area, neighbours, formal names and positions from GeoNames', () => {
    const albania = resolveCountry('AL');
    expect(albania?.areaKm2).toBe(28748);
    expect([...(albania?.neighbours ?? [])].sort()).toEqual(['GR', 'ME', 'MK', 'RS', 'XK']);
    expect(albania?.officialName).toBe('Republic of Albania');
    expect(albania?.position).toEqual({ lon: 20, lat: 41 });
    expect(resolveCountry('GB')?.officialName).toBe('United Kingdom of Great Britain and Northern Ireland');
    // Islands have no land neighbours.
    expect(resolveCountry('JP')?.neighbours).toEqual([]);
    expect(resolveCountry('SG')?.position?.lat).toBeCloseTo(1.4, 0);
  });

  it.each([
    ['GB', 'United Kingdom'], ['US', 'United States'], ['CZ', 'Czechia'], ['TR', 'Turkey'], ['CI', 'Côte d’Ivoire'],
    ['KP', 'North Korea'], ['KR', 'South Korea'], ['NL', 'Netherlands'], ['RU', 'Russia'], ['VN', 'Vietnam'], ['TW', 'Taiwan'],
    ['XK', 'Kosovo'], ['IR', 'Iran'], ['SY', 'Syria'], ['BO', 'Bolivia'], ['LA', 'Laos'], ['MD', 'Moldova'], ['TZ', 'Tanzania'],
    ['VE', 'Venezuela'], ['FM', 'Micronesia'], ['BN', 'Brunei'], ['CD', 'DR Congo'], ['MK', 'North Macedonia'], ['CV', 'Cabo Verde'],
  ])('prints %s as %s', (code, name) => {
    expect(resolveCountry(code)?.name).toBe(name);
  });

  it('builds its tables once per process', () => {
    expect(allCountries()[0]).toBe(allCountries()[0]);
    expect(resolveCountry('Albania')).toBe(resolveCountry('ALB'));
  });
});

describe('resolving names written in front matter', () => {
  it.each([
    ['UK', 'GB'], ['U.K.', 'GB'], ['Britain', 'GB'], ['Great Britain', 'GB'], ['United Kingdom', 'GB'], ['Scotland', 'GB'],
    ['US', 'US'], ['U.S.', 'US'], ['USA', 'US'], ['U.S.A.', 'US'], ['United States', 'US'], ['the United States', 'US'],
    ['America', 'US'], ['United States of America', 'US'], ['Czech Republic', 'CZ'], ['Czechia', 'CZ'], ['Turkey', 'TR'],
    ['Türkiye', 'TR'], ['Turkiye', 'TR'], ['Ivory Coast', 'CI'], ["Côte d'Ivoire", 'CI'], ['Cote d’Ivoire', 'CI'], ['cote divoire', undefined],
    ['North Korea', 'KP'], ['DPRK', 'KP'], ['South Korea', 'KR'], ['Republic of Korea', 'KR'], ['Korea, Republic of', 'KR'],
    ['the Netherlands', 'NL'], ['Holland', 'NL'], ['UAE', 'AE'], ['United Arab Emirates', 'AE'], ['Russia', 'RU'],
    ['Russian Federation', 'RU'], ['Vietnam', 'VN'], ['Viet Nam', 'VN'], ['Taiwan', 'TW'], ['Kosovo', 'XK'], ['Macedonia', 'MK'],
    ['North Macedonia', 'MK'], ['Burma', 'MM'], ['Myanmar', 'MM'], ['Swaziland', 'SZ'], ['Eswatini', 'SZ'], ['East Timor', 'TL'],
    ['Timor-Leste', 'TL'], ['Timor Leste', 'TL'], ['Cape Verde', 'CV'], ['Cabo Verde', 'CV'], ['Vatican', 'VA'], ['Holy See', 'VA'],
    ['Palestine', 'PS'], ['Bosnia', 'BA'], ['Bosnia & Herzegovina', 'BA'], ['DRC', 'CD'], ['Democratic Republic of the Congo', 'CD'],
    ['Congo-Kinshasa', 'CD'], ['Republic of the Congo', 'CG'], ['Congo-Brazzaville', 'CG'], ['Iran', 'IR'], ['Persia', 'IR'],
    ['Syria', 'SY'], ['Laos', 'LA'], ['Moldova', 'MD'], ['Bolivia', 'BO'], ['Venezuela', 'VE'], ['Tanzania', 'TZ'],
    ['Micronesia', 'FM'], ['Brunei', 'BN'], ['The Gambia', 'GM'], ['St. Lucia', 'LC'], ['Guinea Bissau', 'GW'], ['  albania ', 'AL'],
    ['CURAÇAO', 'CW'], ['Curacao', 'CW'],
  ])('%s → %s', (name, code) => {
    expect(resolveCountry(name)?.alpha2).toBe(code);
  });

  it('accepts ISO codes only in capitals', () => {
    expect(resolveCountry('AL')?.name).toBe('Albania');
    expect(resolveCountry('DEU')?.name).toBe('Germany');
    expect(resolveCountry('GBR')?.name).toBe('United Kingdom');
    expect(resolveCountry('al')).toBeUndefined();
    expect(resolveCountry('deu')).toBeUndefined();
    expect(resolveCountry('ZZ')).toBeUndefined();
  });

  it('knows no made-up countries', () => {
    for (const name of ['Atlantis', 'Narnia', 'Wakanda', 'Europe', 'Georgia Tech', '', '   ']) expect(resolveCountry(name)).toBeUndefined();
  });
});

describe('finding countries in running text', () => {
  it('reports offsets into the text as written', () => {
    const text = 'Talks between North\nKorea and the U.S. stalled.';
    const mentions = findCountryMentions(text);
    expect(mentions.map((m) => [m.country.alpha2, m.text])).toEqual([['KP', 'North\nKorea'], ['US', 'U.S.']]);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('matches the longest name on Unicode word boundaries', () => {
    expect(codes('North Macedonia, Nigeria, Papua New Guinea and Niger.')).toEqual(['MK', 'NG', 'PG', 'NE']);
    expect(codes('Equatorial Guinea, Guinea-Bissau, Guinea, South Sudan, Sudan.')).toEqual(['GQ', 'GW', 'GN', 'SS', 'SD']);
    expect(codes('The Dominican Republic is not Dominica.')).toEqual(['DO', 'DM']);
    expect(codes('Germanyx, Omani and Nigerian are not countries; Åland Islands and Curaçao are.')).toEqual(['AX', 'CW']);
    expect(codes('American Samoa and Samoa; the British Virgin Islands.')).toEqual(['AS', 'WS', 'VG']);
  });

  it('never reads codes, pronouns or lower-case words as countries', () => {
    expect(codes('IT, IN, ME, CA and DE teams met us in the china shop; turkey and chili were served.')).toEqual([]);
    expect(codes('The US and the UK, the USA and the UAE.')).toEqual(['US', 'GB', 'US', 'AE']);
    expect(codes('HELP US NOW')).toEqual([]);
  });

  it.each([
    ['Atlanta, Georgia, voted early.', []],
    ['Georgia’s governor spoke.', []],
    ['Georgia Tech won.', []],
    ['Georgia held elections in October.', ['GE']],
    ['Michael Jordan retired.', []],
    ['Jordan said it would reopen the border.', ['JO']],
    ['Jordan Peterson spoke.', []],
    ['Chad Smith drummed.', []],
    ['Lake Chad shrank.', []],
    ['Niger and Nigeria.', ['NE', 'NG']],
    ['Turkey dinners were served.', []],
    ['Turkey vetoed it.', ['TR']],
    ['Guinea pigs are rodents.', []],
    ['Chile pepper prices rose.', []],
    ['Cuba Gooding Jr. won an Oscar.', []],
    ['Israel Adesanya fought.', []],
    ['Kenya Barris wrote it.', []],
    ['Mali and Malawi.', ['ML', 'MW']],
    ['New Jersey is not Jersey.', ['JE']],
    ['The South China Sea.', []],
    ['The Isle of Man, not a man.', ['IM']],
    ['Korea exports chips.', ['KR']],
    ['Latin America, South America, North America and Central America; America.', ['US']],
    ['Fighting in Congo.', ['CD']],
    ['Jordan Closes Border With Syria', ['JO', 'SY']],
  ])('%s → %j', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });
});

describe('tallying countries', () => {
  it('lets demonyms count towards a named country but never list one alone', () => {
    const tally = tallyCountries('Chinese firms and Albanian officials met. China said the Chinese side agreed.');
    expect(tally.map((t) => [t.country.alpha2, t.mentions, t.demonyms, t.firstIndex])).toEqual([['CN', 1, 2, 42]]);
  });

  it('orders by mentions, then first appearance; demonyms do not change the order', () => {
    expect(tallyCountries('France, Germany, Germany, Italy.').map((t) => t.country.alpha2)).toEqual(['DE', 'FR', 'IT']);
    expect(tallyCountries('Albania and China. Chinese, Chinese and Chinese investors.').map((t) => [t.country.alpha2, t.demonyms])).toEqual([['AL', 0], ['CN', 3]]);
  });

  it('does not count region adjectives as demonyms', () => {
    const [india] = tallyCountries('India borders the Indian Ocean; Indian officials agreed.');
    expect([india?.mentions, india?.demonyms]).toEqual([1, 1]);
    const [us, as] = tallyCountries('The US and American Samoa. Latin American and American leaders.');
    expect([us?.country.alpha2, us?.demonyms, as?.country.alpha2]).toEqual(['US', 1, 'AS']);
  });

  it('returns nothing for a text without countries', () => {
    expect(tallyCountries('Chinese and Polish officials met British diplomats.')).toEqual([]);
  });
});

describe('labelled sentences', () => {
  it(`reaches precision and recall of at least 0.97 on ${COUNTRY_SENTENCES.length} sentences`, () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    const wrong: string[] = [];
    for (const [sentence, expected] of COUNTRY_SENTENCES) {
      const found = new Set(codes(sentence));
      const want = new Set(expected);
      for (const code of found) {
        if (want.has(code)) truePositives++;
        else falsePositives++;
      }
      for (const code of want) if (!found.has(code)) falseNegatives++;
      if ([...found].sort().join() !== [...want].sort().join()) wrong.push(`${sentence} → [${[...found].join(', ')}], want [${expected.join(', ')}]`);
    }
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    console.log(
      `country detection on ${COUNTRY_SENTENCES.length} sentences: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} ` +
        `(${truePositives} right, ${falsePositives} wrong, ${falseNegatives} missed)${wrong.length ? `\n  misread: ${wrong.join('\n  misread: ')}` : ''}`,
    );
    expect(COUNTRY_SENTENCES.length).toBeGreaterThanOrEqual(150);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.97);
  });
});
