/**
 * Counting the countries a text names, for the sidebar and the focus country: by mentions,
 * then by first appearance. Demonyms are counted alongside but never list a country or change
 * the order: a piece about Albania that quotes "Chinese investors" twice is still about Albania.
 */
import { countryTable } from './data.js';
import { DEMONYMS, demonymForms } from './demonyms.js';
import { findCountryMentions } from './detect.js';
import { NameIndex } from './scan.js';
import type { Country, CountryMention, CountryTally } from './types.js';

let index: NameIndex<Country> | undefined;

function demonymIndex(): NameIndex<Country> {
  if (!index) {
    const table = countryTable();
    const entries: Array<[string, Country]> = [];
    for (const [alpha2, words] of Object.entries(DEMONYMS)) {
      const country = table.byAlpha2.get(alpha2);
      if (country) for (const word of words) for (const form of demonymForms(word)) entries.push([form, country]);
    }
    index = new NameIndex(entries);
  }
  return index;
}

/**
 * Adjectives that are not about the country's people or state: "the Indian Ocean", "the
 * Arabian Sea", "Latin American" (a demonym of a region), "American Samoa" (already a country).
 */
function isNotDemonym(text: string, start: number, end: number): boolean {
  return /^\s+(?:Ocean|Sea|Samoa)\b/.test(text.slice(end, end + 12)) || /\b(?:Latin|South|Central|North)\s+$/.test(text.slice(Math.max(0, start - 12), start));
}

/**
 * Countries named in `text`: most mentioned first, then the earliest; demonyms add to countries
 * already named. `mentions`: the countries findCountryMentions found in `text`, when the caller
 * has them already.
 */
export function tallyCountries(text: string, lang?: string, mentions: readonly CountryMention[] = findCountryMentions(text, lang)): readonly Readonly<CountryTally>[] {
  const tallies = new Map<string, CountryTally>();
  for (const { country, start } of mentions) {
    const tally = tallies.get(country.alpha2);
    if (tally) tally.mentions++;
    else tallies.set(country.alpha2, { country, mentions: 1, demonyms: 0, firstIndex: start });
  }
  const named = (start: number) => mentions.some((m) => m.start <= start && start < m.end);
  for (const { value, start, end } of demonymIndex().scan(text)) {
    const tally = tallies.get(value.alpha2);
    if (tally && !named(start) && !isNotDemonym(text, start, end)) tally.demonyms++;
  }
  return [...tallies.values()].sort((a, b) => b.mentions - a.mentions || a.firstIndex - b.firstIndex);
}
