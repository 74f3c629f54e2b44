/**
 * Names people write for countries today, beyond the packages' English names. These are
 * matched in running text as written (case matters there: `US` is the country, `us` is not)
 * and looked up forgivingly in front matter. An alias listed here wins over the packages when
 * two countries share a name (`Congo`, `Korea`).
 *
 * Former names from countries-list's `alias` field (Persia, Ceylon, Zaire, Rhodesia…) are only
 * looked up in front matter, never matched in prose: `Gold Coast` is also an Australian city,
 * `Emirates` an airline, `Tanganyika` a lake, and an article about Rhodesia is history, not
 * news about Zimbabwe. The few former names still in everyday use (Burma, Swaziland, Holland,
 * Macedonia, Czech Republic) are listed here instead.
 *
 * Accent-free and straight-apostrophe spellings (`Cote d'Ivoire`, `Turkiye`) are added
 * mechanically, so each name appears here in one spelling only.
 */
export const ALIASES: Readonly<Record<string, readonly string[]>> = {
  GB: [
    'United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom of Great Britain and Northern Ireland',
    // The constituent countries: an article about Scotland is about a part of the United Kingdom.
    'England', 'Scotland', 'Wales', 'Northern Ireland',
  ],
  US: ['United States', 'US', 'U.S.', 'USA', 'U.S.A.', 'United States of America', 'America'],
  CZ: ['Czechia', 'Czech Republic'],
  TR: ['Turkey', 'Türkiye'],
  CI: ['Côte d’Ivoire', 'Ivory Coast'],
  KP: ['North Korea', 'DPRK', 'Democratic People’s Republic of Korea'],
  // `Korea` alone is read as South Korea, as it is in news about trade, chips and K-pop.
  KR: ['South Korea', 'Republic of Korea', 'Korea'],
  NL: ['Netherlands', 'Holland'],
  AE: ['United Arab Emirates', 'UAE', 'U.A.E.'],
  RU: ['Russia', 'Russian Federation'],
  CN: ['China', 'People’s Republic of China', 'PRC'],
  VN: ['Vietnam', 'Viet Nam'],
  TW: ['Taiwan', 'Republic of China'],
  XK: ['Kosovo'],
  MK: ['North Macedonia', 'Macedonia', 'Republic of North Macedonia'],
  MM: ['Myanmar', 'Burma'],
  SZ: ['Eswatini', 'Swaziland'],
  TL: ['East Timor', 'Timor-Leste'],
  CV: ['Cabo Verde', 'Cape Verde'],
  VA: ['Vatican City', 'Vatican', 'Holy See'],
  PS: ['Palestine', 'State of Palestine', 'Palestinian territories'],
  BA: ['Bosnia and Herzegovina', 'Bosnia-Herzegovina', 'Bosnia'],
  // `Congo` alone is read as the larger, more often reported DR Congo.
  CD: ['DR Congo', 'DRC', 'Democratic Republic of the Congo', 'Democratic Republic of Congo', 'Congo-Kinshasa', 'Congo'],
  CG: ['Republic of the Congo', 'Republic of Congo', 'Congo-Brazzaville'],
  IR: ['Iran', 'Islamic Republic of Iran'],
  SY: ['Syria', 'Syrian Arab Republic'],
  LA: ['Laos', 'Lao PDR'],
  MD: ['Moldova', 'Republic of Moldova'],
  BO: ['Bolivia'],
  VE: ['Venezuela'],
  TZ: ['Tanzania'],
  FM: ['Micronesia', 'Federated States of Micronesia'],
  BN: ['Brunei', 'Brunei Darussalam'],
  IE: ['Ireland', 'Republic of Ireland'],
  GM: ['Gambia', 'The Gambia'],
  BS: ['Bahamas', 'The Bahamas'],
  KN: ['Saint Kitts and Nevis', 'St Kitts and Nevis', 'St. Kitts and Nevis'],
  LC: ['Saint Lucia', 'St Lucia', 'St. Lucia'],
  VC: ['Saint Vincent and the Grenadines', 'St Vincent and the Grenadines', 'St. Vincent and the Grenadines'],
  VG: ['British Virgin Islands', 'BVI'],
  // `Virgin Islands` alone is read as the US territory, whose official name it is.
  VI: ['US Virgin Islands', 'U.S. Virgin Islands', 'Virgin Islands'],
  IM: ['Isle of Man'],
  FK: ['Falkland Islands', 'Falklands'],
  HK: ['Hong Kong'],
  MO: ['Macau', 'Macao'],
  BQ: ['Caribbean Netherlands', 'Bonaire'],
  ST: ['São Tomé and Príncipe'],
  CC: ['Cocos Islands', 'Cocos (Keeling) Islands', 'Keeling Islands'],
};
