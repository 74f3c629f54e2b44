/**
 * The gazetteer: every ISO 3166-1 country (and Kosovo) with the names people write for it,
 * lookups of names typed in front matter, and detection of countries in running text. Tables
 * are built on first use, once per process; importing this module costs nothing.
 */
import { countryTable } from './data.js';
import type { Country } from './types.js';

export type { Country, CountryMention, CountryTally } from './types.js';
export { resolveCountry } from './resolve.js';
export { countryOfDateline } from './place.js';
export { findCountryMentions } from './detect.js';
export { tallyCountries } from './tally.js';

/** All 250 countries, by alpha-2 code. A fresh array; the country objects are shared, so do not change them. */
export function allCountries(): Country[] {
  return [...countryTable().countries];
}
