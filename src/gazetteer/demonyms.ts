/**
 * Demonyms, by country. They count towards a country the text already names and never list
 * one alone: "Chinese investors" is not news about China, but in a piece that names China,
 * "the Chinese side" is one more reference to it. Ambiguous ones are left out: "Korean" (which
 * Korea?), "Congolese" (which Congo?), "Dominican" is kept for the Dominican Republic only
 * because Dominica's people are rarely in the news; "English"/"Scottish" are languages and
 * cultures as often as the UK.
 */
export const DEMONYMS: Readonly<Record<string, readonly string[]>> = {
  AF: ['Afghan'], AL: ['Albanian'], DZ: ['Algerian'], AR: ['Argentine', 'Argentinian'], AM: ['Armenian'],
  AU: ['Australian'], AT: ['Austrian'], AZ: ['Azerbaijani'], BH: ['Bahraini'], BD: ['Bangladeshi'], BY: ['Belarusian'],
  BE: ['Belgian'], BO: ['Bolivian'], BA: ['Bosnian'], BR: ['Brazilian'], BG: ['Bulgarian'], KH: ['Cambodian'],
  CA: ['Canadian'], TD: ['Chadian'], CI: ['Ivorian'], CL: ['Chilean'], CN: ['Chinese'], CO: ['Colombian'], HR: ['Croatian', 'Croat'],
  CU: ['Cuban'], CY: ['Cypriot'], CZ: ['Czech'], DK: ['Danish', 'Dane'], DO: ['Dominican'], EC: ['Ecuadorian'],
  EG: ['Egyptian'], AE: ['Emirati'], EE: ['Estonian'], ET: ['Ethiopian'], FI: ['Finnish', 'Finn'], FR: ['French'],
  GE: ['Georgian'], DE: ['German'], GH: ['Ghanaian'], GR: ['Greek'], GT: ['Guatemalan'], GN: ['Guinean'], HT: ['Haitian'],
  HU: ['Hungarian'], IS: ['Icelandic', 'Icelander'], IN: ['Indian'], ID: ['Indonesian'], IR: ['Iranian'], IQ: ['Iraqi'],
  IE: ['Irish'], IL: ['Israeli'], IT: ['Italian'], JM: ['Jamaican'], JP: ['Japanese'], JO: ['Jordanian'], KZ: ['Kazakh'],
  KE: ['Kenyan'], XK: ['Kosovar', 'Kosovan'], KW: ['Kuwaiti'], KG: ['Kyrgyz'], LA: ['Laotian'], LV: ['Latvian'],
  LB: ['Lebanese'], LY: ['Libyan'], LT: ['Lithuanian'], MY: ['Malaysian'], ML: ['Malian'], MT: ['Maltese'],
  MX: ['Mexican'], MD: ['Moldovan'], MN: ['Mongolian'], ME: ['Montenegrin'], MA: ['Moroccan'], MM: ['Burmese'],
  NP: ['Nepali', 'Nepalese'], NL: ['Dutch'], NZ: ['New Zealander'], NE: ['Nigerien'], NG: ['Nigerian'],
  KP: ['North Korean'], MK: ['North Macedonian', 'Macedonian'], NO: ['Norwegian'], OM: ['Omani'], PK: ['Pakistani'],
  PS: ['Palestinian'], PA: ['Panamanian'], PY: ['Paraguayan'], PE: ['Peruvian'], PH: ['Filipino', 'Philippine'],
  PL: ['Polish', 'Pole'], PT: ['Portuguese'], QA: ['Qatari'], RO: ['Romanian'], RU: ['Russian'], RW: ['Rwandan'],
  SA: ['Saudi'], SN: ['Senegalese'], RS: ['Serbian', 'Serb'], SG: ['Singaporean'], SK: ['Slovak'], SI: ['Slovenian', 'Slovene'],
  SO: ['Somali'], ZA: ['South African'], KR: ['South Korean'], SS: ['South Sudanese'], ES: ['Spanish', 'Spaniard'],
  LK: ['Sri Lankan'], SD: ['Sudanese'], SE: ['Swedish', 'Swede'], CH: ['Swiss'], SY: ['Syrian'], TW: ['Taiwanese'],
  TJ: ['Tajik'], TZ: ['Tanzanian'], TH: ['Thai'], TN: ['Tunisian'], TR: ['Turkish', 'Turk'], TM: ['Turkmen'],
  UG: ['Ugandan'], UA: ['Ukrainian'], GB: ['British', 'Briton'], US: ['American'], UY: ['Uruguayan'], UZ: ['Uzbek'],
  VE: ['Venezuelan'], VN: ['Vietnamese'], YE: ['Yemeni'], ZM: ['Zambian'], ZW: ['Zimbabwean'],
};

/** The singular and, where English adds an s, the plural ("Albanians", "Poles", "Czechs"; not "Chineses", "Icelandics", "Swisss"). */
export function demonymForms(word: string): string[] {
  const adjectiveOnly = /(?:ic|sh|ch|ss|ese|z)$/.test(word) || word === 'Philippine';
  return adjectiveOnly && word !== 'Czech' ? [word] : [word, `${word}s`];
}
