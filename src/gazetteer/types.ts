/** A country as offprint prints and describes it. Facts come only from the data packages. */
export interface Country {
  /** ISO 3166-1 alpha-2, e.g. `AL` (`XK` for Kosovo, a user-assigned code). */
  alpha2: string;
  alpha3: string;
  /** ISO 3166-1 numeric, three digits, as world-atlas ids use. */
  numeric: string;
  /** The short name a newspaper prints: `United Kingdom`, `North Korea`, `Czechia`. */
  name: string;
  /** The formal name when the data has one that differs from the short name. */
  officialName?: string;
  capital?: string;
  /** Continent, from countries-list. */
  region?: string;
  /** English names of the official languages. */
  languages: string[];
  /** ISO 4217 currency codes. */
  currency: string[];
  /** International calling codes, without the plus sign. */
  callingCodes: string[];
  /** Land neighbours as alpha-2 codes; empty when the data packages do not say. */
  neighbours: string[];
}
