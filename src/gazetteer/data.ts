/**
 * The country table, built once per process (on first use) from two well-kept packages:
 * `i18n-iso-countries` for ISO 3166-1 codes and English names, `countries-list` for capitals,
 * continents, languages, currencies and calling codes. Nothing is invented: a fact the
 * packages lack stays undefined. Neither package has land borders, so `neighbours` is empty.
 */
import { createRequire } from 'node:module';
import { ALIASES, PRINTED_NAMES } from './names.js';
import type { Country } from './types.js';

const require = createRequire(import.meta.url);

interface IsoCountries {
  getAlpha2Codes(): Record<string, string>;
  alpha2ToAlpha3(code: string): string | undefined;
  alpha2ToNumeric(code: string): string | undefined;
  getName(code: string, lang: string, options: { select: 'all' }): string[] | undefined;
}

interface CountriesList {
  countries: Record<string, { name: string; capital?: string; continent?: string; currency?: string[]; languages?: string[]; phone?: number[] }>;
  continents: Record<string, string>;
  languages: Record<string, { name: string }>;
}

export interface CountryTable {
  countries: Country[];
  byCode: Map<string, Country>;
  /** Every known name and alias (as written), to its country. */
  names: Map<string, Country>;
}

let table: CountryTable | undefined;

export function countryTable(): CountryTable {
  table ??= buildTable();
  return table;
}

/** The shortest plain name ("China", not "People's Republic of China"; never "USA" or "Korea, Republic of"). */
function shortestName(names: readonly string[]): string | undefined {
  const plain = names.filter((n) => !n.includes(',') && !n.includes('(') && n !== n.toUpperCase());
  return [...plain].sort((a, b) => a.length - b.length)[0];
}

function buildTable(): CountryTable {
  const iso = require('i18n-iso-countries') as IsoCountries;
  const facts = require('countries-list') as CountriesList;
  const countries: Country[] = [];
  const byCode = new Map<string, Country>();
  const names = new Map<string, Country>();

  for (const alpha2 of Object.keys(iso.getAlpha2Codes()).sort()) {
    const isoNames = iso.getName(alpha2, 'en', { select: 'all' }) ?? [];
    const data = facts.countries[alpha2];
    const name = PRINTED_NAMES[alpha2] ?? shortestName(isoNames) ?? data?.name ?? alpha2;
    const country: Country = {
      alpha2,
      alpha3: iso.alpha2ToAlpha3(alpha2) ?? alpha2,
      numeric: iso.alpha2ToNumeric(alpha2) ?? '',
      name,
      languages: (data?.languages ?? []).map((code) => facts.languages[code]?.name ?? code),
      currency: data?.currency ?? [],
      callingCodes: (data?.phone ?? []).map(String),
      neighbours: [],
    };
    const official = isoNames.find((n) => n.length > name.length && !n.includes(','));
    if (official) country.officialName = official;
    if (data?.capital) country.capital = data.capital;
    if (data?.continent) {
      const region = facts.continents[data.continent];
      if (region) country.region = region;
    }
    countries.push(country);
    byCode.set(alpha2, country);
    // Sorted forms such as "Korea, Republic of" are never written in prose.
    for (const written of [name, ...isoNames, ...(ALIASES[alpha2] ?? [])]) {
      if (!written.includes(',') && !written.includes('(') && !names.has(written)) names.set(written, country);
    }
  }
  return { countries, byCode, names };
}
