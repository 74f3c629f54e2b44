/**
 * The country a dateline places a story in: a country's name ("SINGAPORE", "KOSOVO") or its
 * capital's ("ZAGREB", "TIRANA"), from the first part of the dateline ("KYIV, Ukraine" → KYIV).
 * Other cities are not known (offprint has no gazetteer of towns), and a capital two countries
 * give as theirs is no evidence either way.
 */
import { countryTable } from './data.js';
import { foldName, resolveCountry } from './resolve.js';
import type { Country } from './types.js';

let capitals: Map<string, Country | null> | undefined;

export function countryOfDateline(dateline: string, lang?: string): Country | undefined {
  const place = dateline.split(/[,(—–]/)[0]!.trim();
  if (!place) return undefined;
  const named = resolveCountry(place, lang);
  if (named) return named;
  if (!capitals) {
    capitals = new Map();
    for (const country of countryTable().countries) {
      if (!country.capital) continue;
      const key = foldName(country.capital);
      capitals.set(key, capitals.has(key) ? null : country);
    }
  }
  return capitals.get(foldName(place)) ?? undefined;
}
