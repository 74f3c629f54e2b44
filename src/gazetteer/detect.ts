/**
 * Finding countries in running text.
 *
 * How names are matched (scan.ts):
 * - Case-sensitively: a country is a proper name, so "turkey" (the bird), "china" (the
 *   porcelain), "chili" and "us" (the pronoun) are never countries. Abbreviations count only in
 *   capitals (US, U.S., USA, UK, UAE, DRC, DPRK, PRC, BVI), and only those: two-letter ISO codes
 *   (IT, IN, ME, CA, DE) are never matched in prose.
 * - On Unicode word boundaries: "Germanyx" is not Germany, "Omani" is not Oman, Nigeria does not
 *   contain Niger, "Dominican" does not contain Dominica.
 * - Longest name first: North Macedonia before Macedonia, Papua New Guinea / Equatorial Guinea /
 *   Guinea-Bissau before Guinea, South Sudan before Sudan, Dominican Republic before Dominica,
 *   American Samoa (its own ISO entry, AS) before Samoa, British/US Virgin Islands before Virgin
 *   Islands, Northern Ireland (the UK) before Ireland, United States of America before America.
 * - Current names only; former names (Persia, Zaire) are for front-matter lookups. "Emirates"
 *   (an airline) is not a name for the UAE in prose.
 *
 * Readings chosen for ambiguous names (aliases.ts):
 * - Korea alone is South Korea; Congo alone is DR Congo; Macedonia is North Macedonia;
 *   Virgin Islands alone is the US territory; Bosnia is Bosnia and Herzegovina.
 * - England, Scotland, Wales and Northern Ireland are the United Kingdom.
 * - The Isle of Man only as the full phrase: "Man" alone is never a country.
 * - America alone is the United States.
 *
 * Context rules, when a country's name is something else (traps.ts):
 * - People: Jordan, Chad, Israel, Georgia, Cuba and Kenya followed by a capitalised surname are
 *   first names ("Chad Smith", "Israel Adesanya", "Cuba Gooding", "Jordan Peterson", "Kenya
 *   Barris"), unless that word is a place or an institution ("Lake Chad", "Israel Defense
 *   Forces", "Kenya Airways"). Jordan and Wales after a capitalised first name are surnames
 *   ("Michael Jordan", "Jimmy Wales"), unless that word starts a clause ("Visit Jordan") or is a
 *   place word ("North Wales"). "Jordan said" alone is the country. Neither rule applies in a
 *   headline set in title case ("Jordan Closes Border With Syria"), where every word is capitalised.
 * - Georgia is the US state after a Georgia city and a comma ("Atlanta, Georgia"), after
 *   "University of", "state of" or "governor of", before Tech, State, Bulldogs, Senate or "’s
 *   governor", or when the same sentence names another US state (or "the Carolinas") or a
 *   Georgia city. Washington and New York do not count: they also stand for the US government
 *   and the UN, which deal with Georgia the country. Otherwise Georgia is the country.
 * - Turkey is the bird next to a food or farm word ("Turkey dinners", "roast Turkey", "the
 *   Turkey Trot"); in lower case it is never the country anyway.
 * - Guinea before "pig" or "fowl" is the animal, at a sentence start too ("Guinea pig breeders").
 * - Chile before "pepper", "powder", "con" or "sauce" is the pepper ("chili" never matches).
 * - Any name after "New" is another place: New Mexico, New Jersey, New England, New Guinea
 *   (New Zealand, New Caledonia and Papua New Guinea are names of their own, matched whole).
 *   Jersey before "City"/"Shore" is American; the Crown dependency is JE. Wales after "New
 *   South" is Australian.
 * - Geographic features are not the state: "Lake Chad", "the Niger Delta", "the Niger River",
 *   "the River Jordan", "the Congo Basin", "the Gulf of Guinea", "the Sea of Japan". The South
 *   China Sea is a sea: it does not list China. The Jordan Valley does list Jordan.
 * - America after Latin, South, North, Central, Captain or Miss, and in "Bank of America",
 *   "Voice of America" and "the America’s Cup" is not the United States.
 * - Abbreviations in a line set all in capitals ("LET US KNOW") are words; "US$" is a currency.
 * - Places named after a country inside it still list it: "Port Sudan" lists Sudan, "Santiago de
 *   Cuba" lists Cuba, "Kenya Airways" lists Kenya, "China Daily" lists China.
 *   Washington, Beijing and other capitals standing for governments list nothing.
 *
 * Known misses, left rather than patched one by one: a capitalised "Turkey" before a noun that
 * is not on the food list ("Turkey prices fell before Thanksgiving") and "Georgia" in titles
 * ("Georgia on My Mind") are read as the countries.
 */
import { localNames, proseNames } from './names.js';
import { NameIndex, type NameMatch } from './scan.js';
import { isFalseFriend, type Around } from './traps.js';
import type { Country, CountryMention } from './types.js';

const indexes = new Map<string, NameIndex<Country>>();

/** English names, and in a brief in another language its own names for countries too. */
function countryIndex(lang: string | undefined): NameIndex<Country> {
  const extra = localNames(lang);
  const key = extra.size ? (lang ?? 'en').split('-')[0]!.toLowerCase() : 'en';
  let index = indexes.get(key);
  if (!index) {
    const names = new Map(proseNames());
    for (const [name, country] of extra) if (!names.has(name)) names.set(name, country);
    index = new NameIndex(names);
    indexes.set(key, index);
  }
  return index;
}

/** Every country named in `text`, in order of appearance (`lang`: the brief's language). */
export function findCountryMentions(text: string, lang?: string): readonly CountryMention[] {
  return countryIndex(lang)
    .scan(text, (match) => !isFalseFriend(around(text, match)))
    .map(({ value, start, end, text: written }) => ({ country: value, start, end, text: written }));
}

/** Characters of context the rules see on each side; a sentence is cut off at SENTENCE_REACH. */
const CONTEXT = 80;
const SENTENCE_REACH = 400;

function around(text: string, match: NameMatch<Country>): Around {
  const { start, end } = match;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  return {
    name: match.text.replace(/\s+/g, ' '),
    before: text.slice(Math.max(0, start - CONTEXT), start),
    after: text.slice(end, end + CONTEXT),
    sentence: text.slice(sentenceStart(text, start), sentenceEnd(text, end)),
    line: text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd),
  };
}

/** A sentence ends at . ! ? before white space, or at a blank line: rough, but enough for context. */
function endsSentence(text: string, at: number): boolean {
  const ch = text[at];
  const next = text[at + 1];
  return ((ch === '.' || ch === '!' || ch === '?') && (next === undefined || /\s/.test(next))) || (ch === '\n' && next === '\n');
}

function sentenceStart(text: string, start: number): number {
  const limit = Math.max(0, start - SENTENCE_REACH);
  for (let at = start - 1; at >= limit; at--) if (endsSentence(text, at)) return at + 1;
  return limit;
}

function sentenceEnd(text: string, end: number): number {
  const limit = Math.min(text.length, end + SENTENCE_REACH);
  for (let at = end; at < limit; at++) if (endsSentence(text, at)) return at + 1;
  return limit;
}
