/**
 * Demonyms count towards a country already named in the text; alone they never list one
 * ("Chinese investors" does not put China in the sidebar, "China … Chinese" counts twice).
 */
export const DEMONYMS: Record<string, readonly string[]> = {
  AF: ['Afghan'], AL: ['Albanian', 'Albanians'], DZ: ['Algerian'], AR: ['Argentine', 'Argentinian'], AM: ['Armenian'],
  AU: ['Australian', 'Australians'], AT: ['Austrian'], AZ: ['Azerbaijani'], BY: ['Belarusian'], BE: ['Belgian'],
  BA: ['Bosnian'], BR: ['Brazilian'], BG: ['Bulgarian'], CA: ['Canadian', 'Canadians'], CL: ['Chilean'],
  CN: ['Chinese'], CO: ['Colombian'], HR: ['Croatian', 'Croat'], CU: ['Cuban'], CY: ['Cypriot'], CZ: ['Czech'],
  DK: ['Danish', 'Dane', 'Danes'], EG: ['Egyptian'], EE: ['Estonian'], ET: ['Ethiopian'], FI: ['Finnish', 'Finn', 'Finns'],
  FR: ['French'], GE: ['Georgian'], DE: ['German', 'Germans'], GR: ['Greek'], HU: ['Hungarian'], IS: ['Icelandic'],
  IN: ['Indian', 'Indians'], ID: ['Indonesian'], IR: ['Iranian', 'Iranians'], IQ: ['Iraqi'], IE: ['Irish'],
  IL: ['Israeli', 'Israelis'], IT: ['Italian', 'Italians'], JP: ['Japanese'], JO: ['Jordanian'], KZ: ['Kazakh'],
  KE: ['Kenyan'], XK: ['Kosovar', 'Kosovan'], LV: ['Latvian'], LB: ['Lebanese'], LT: ['Lithuanian'], MX: ['Mexican'],
  MD: ['Moldovan'], ME: ['Montenegrin'], MA: ['Moroccan'], NL: ['Dutch'], NZ: ['New Zealander'], NG: ['Nigerian'],
  KP: ['North Korean', 'North Koreans'], MK: ['North Macedonian', 'Macedonian'], NO: ['Norwegian'], PK: ['Pakistani'],
  PS: ['Palestinian', 'Palestinians'], PL: ['Polish', 'Pole', 'Poles'], PT: ['Portuguese'], RO: ['Romanian'],
  RU: ['Russian', 'Russians'], SA: ['Saudi'], RS: ['Serbian', 'Serb', 'Serbs'], SK: ['Slovak'], SI: ['Slovenian', 'Slovene'],
  ZA: ['South African'], KR: ['South Korean', 'South Koreans'], ES: ['Spanish', 'Spaniard'], SE: ['Swedish', 'Swede', 'Swedes'],
  CH: ['Swiss'], SY: ['Syrian', 'Syrians'], TW: ['Taiwanese'], TH: ['Thai'], TR: ['Turkish', 'Turk', 'Turks'],
  UA: ['Ukrainian', 'Ukrainians'], GB: ['British', 'Briton', 'Britons'], US: ['American', 'Americans'],
  VN: ['Vietnamese'], YE: ['Yemeni'],
};
