/**
 * The gazetteer: every ISO 3166-1 country (and Kosovo) with the names people write for it,
 * lookups for names typed in front matter, and detection of countries in running text.
 */
import { countryTable } from './data.js';
import type { Country } from './types.js';

export { findCountryMentions, tallyCountries, type CountryMention, type CountryTally } from './detect.js';
export { resolveCountry } from './resolve.js';
export type { Country } from './types.js';

export function allCountries(): Country[] {
  return countryTable().countries;
}
