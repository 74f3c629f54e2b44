/**
 * The country table, built once per process on first use: every ISO 3166-1 entry that
 * i18n-iso-countries knows (249, plus Kosovo as XK), with facts from countries-list. The two
 * reserved codes countries-list adds (AC Ascension, TA Tristan da Cunha) are not ISO 3166-1
 * countries and are left out.
 */
import { PRINTED_NAMES } from './printed.js';
import { alpha3Codes, countriesList, geoNamesData, isoCountries } from './sources.js';
import type { Country } from './types.js';

export interface CountryTable {
  countries: readonly Country[];
  byAlpha2: ReadonlyMap<string, Country>;
  byAlpha3: ReadonlyMap<string, Country>;
  /** The package names for each country (ISO English names, then countries-list's name). */
  packageNames: ReadonlyMap<string, readonly string[]>;
  /** countries-list's former and alternative names (Persia, Zaire, FYROM). */
  formerNames: ReadonlyMap<string, readonly string[]>;
}

let table: CountryTable | undefined;

export function countryTable(): CountryTable {
  table ??= buildTable();
  return table;
}

/** Sorted or bracketed forms ("Korea, Republic of", "Falkland Islands (Malvinas)") are catalogue entries, not names. */
export function isPlainName(name: string): boolean {
  return !name.includes(',') && !name.includes('(');
}

function buildTable(): CountryTable {
  const iso = isoCountries();
  const facts = countriesList();
  const alpha3 = alpha3Codes();
  const geo = geoNamesData();
  const countries: Country[] = [];
  const packageNames = new Map<string, string[]>();
  const formerNames = new Map<string, string[]>();

  for (const alpha2 of Object.keys(iso.getAlpha2Codes()).sort()) {
    const isoNames = iso.getName(alpha2, 'en', { select: 'all' }) ?? [];
    const data = Object.hasOwn(facts.countries, alpha2) ? facts.countries[alpha2 as keyof typeof facts.countries] : undefined;
    const name = PRINTED_NAMES[alpha2] ?? data?.name ?? isoNames.find(isPlainName) ?? alpha2;
    const country: Country = {
      alpha2,
      alpha3: alpha3[alpha2] ?? iso.alpha2ToAlpha3(alpha2) ?? '',
      numeric: iso.alpha2ToNumeric(alpha2) ?? '',
      name,
      languages: (data?.languages ?? []).map((code) => facts.languages[code]?.name ?? code),
      callingCodes: (data?.phone ?? []).map(String),
      neighbours: [],
    };
    const record = Object.hasOwn(geo, alpha2) ? geo[alpha2] : undefined;
    // The first ISO name is the package's "official" one; keep it when it is a longer, plain form,
    // else GeoNames' formal name, without the article it starts with ("The Republic of Albania").
    const official = [isoNames[0], record?.on?.replace(/^The\s+/, '')].find((n) => n && isPlainName(n) && n !== name && n.length > name.length);
    if (official) country.officialName = official;
    if (record?.a) country.areaKm2 = record.a;
    if (record?.ni) country.neighbours = [...record.ni];
    if (record?.cc && record.cn) {
      country.currencyCode = record.cc;
      country.currencyName = record.cn;
    }
    if (record?.c) country.position = { lon: record.c.o, lat: record.c.a };
    if (data?.capital) country.capital = data.capital;
    if (data?.continent) country.region = facts.continents[data.continent];
    if (data?.currency.length) country.currency = [...data.currency];
    countries.push(country);
    packageNames.set(alpha2, [...isoNames, ...(data ? [data.name] : [])]);
    formerNames.set(alpha2, data?.alias ?? []);
  }
  const byAlpha3 = new Map(countries.map((c) => [c.alpha3, c]));
  // Where the packages disagree (Kosovo: XKX and XKK) both codes find the country.
  for (const country of countries) {
    const other = iso.alpha2ToAlpha3(country.alpha2);
    if (other && !byAlpha3.has(other)) byAlpha3.set(other, country);
  }
  return {
    countries,
    byAlpha2: new Map(countries.map((c) => [c.alpha2, c])),
    byAlpha3,
    packageNames,
    formerNames,
  };
}
