/**
 * The names offprint prints, where the packages' own display name is not what a newspaper
 * prints. countries-list's `name` is the default (it is already the short form: `Laos`, `Syria`,
 * `Iran`, `Czechia`); these override it.
 *
 * Choices: `Turkey`, not `Türkiye` — most English-language style guides (AP, BBC, the Guardian)
 * still print Turkey; `Türkiye` is an alias. `Côte d’Ivoire` with a typographic apostrophe, since
 * the name goes to the PDF as is; `Ivory Coast` is an alias. `DR Congo` for the larger Congo,
 * as the BBC and Reuters print it.
 */
export const PRINTED_NAMES: Readonly<Record<string, string>> = {
  AX: 'Åland Islands',
  BL: 'Saint Barthélemy',
  BQ: 'Caribbean Netherlands',
  CD: 'DR Congo',
  CI: 'Côte d’Ivoire',
  CW: 'Curaçao',
  MO: 'Macau',
  RE: 'Réunion',
  ST: 'São Tomé and Príncipe',
  TR: 'Turkey',
  UM: 'US Minor Outlying Islands',
  VI: 'US Virgin Islands',
};
