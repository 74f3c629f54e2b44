/**
 * Finding countries in running text.
 *
 * Matching is case-sensitive (a country is a proper name: "turkey" and "china" in lower case are
 * the bird and the porcelain, "us" is a pronoun), on word boundaries (Niger is not found inside
 * Nigeria), longest name first (North Macedonia before Macedonia, Papua New Guinea before
 * Guinea, South Sudan before Sudan). Two-letter ISO codes are never matched in prose; only the
 * aliases people write (US, UK, UAE, DRC…) are.
 *
 * Names that are also other things are checked against their neighbours (the rules below):
 * - Jordan, Chad, Israel, Georgia, Cuba as people: followed by a capitalised surname
 *   ("Chad Smith", "Cuba Gooding") or preceded by a capitalised first name ("Michael Jordan"),
 *   unless the neighbour is a place or institution word ("Lake Chad", "Israel Defense Forces").
 * - Georgia the US state: "Atlanta, Georgia", "state of Georgia", "Georgia Tech", or a sentence
 *   that also names Atlanta or Savannah.
 * - Turkey the bird: next to a food or farm word ("Turkey dinners", "roast Turkey").
 * - Guinea pig, New Guinea (the island), Chile pepper, New Jersey, the Niger Delta, the
 *   Congo River, the South China Sea: not the country.
 * - America: the United States, but not Latin, South, North or Central America, nor
 *   "Bank of America" or "Voice of America".
 * - Korea alone is read as South Korea; Congo alone as DR Congo; Macedonia as North Macedonia.
 */
import { countryTable } from './data.js';
import { DEMONYMS } from './demonyms.js';
import type { Country } from './types.js';

export interface CountryMention {
  country: Country;
  start: number;
  end: number;
  text: string;
}

export interface CountryTally {
  country: Country;
  mentions: number;
  demonyms: number;
  firstIndex: number;
}

/** Names that are also first names or surnames. */
const PERSON_NAMES = new Set(['Jordan', 'Chad', 'Israel', 'Georgia', 'Cuba']);
/** Neighbouring capitalised words that keep such a name a place. */
const PLACE_WORDS = new Set([
  'Lake', 'River', 'Valley', 'Basin', 'Sea', 'Gulf', 'Bay', 'Mount', 'Republic', 'Kingdom', 'State', 'States',
  'North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Greater', 'Upper', 'Lower',
  'Defense', 'Defence', 'Forces', 'Police', 'Army', 'Navy', 'Air', 'Government', 'Ministry', 'Embassy', 'Railways',
  'Airways', 'Airlines', 'Post', 'Radio', 'Television', 'Authority', 'Institute', 'University', 'Museum', 'Central',
  'President', 'Prime', 'Minister', 'King', 'Queen', 'Crown', 'Foreign', 'National', 'Parliament', 'Senate', 'Congress',
]);
/** Capitalised words that begin sentences or clauses; before a name they do not make it a person's. */
const FUNCTION_WORDS = new Set([
  'In', 'From', 'To', 'And', 'But', 'For', 'With', 'Of', 'At', 'By', 'On', 'As', 'The', 'A', 'An', 'Like', 'Unlike', 'Both',
  'Neither', 'Either', 'Or', 'Nor', 'Since', 'While', 'When', 'After', 'Before', 'Across', 'Through', 'Inside', 'Outside',
  'Visit', 'Visiting', 'Only', 'Even', 'Meanwhile', 'Today', 'Yesterday', 'Then', 'Now', 'Also', 'Neighbouring', 'Neighboring',
  'Did', 'Does', 'Will', 'Would', 'Should', 'Could', 'Has', 'Had', 'Is', 'Was', 'Are', 'Were', 'That', 'This', 'Why', 'How',
  'Where', 'What', 'Which', 'Whether', 'If', 'Although', 'Though', 'Because', 'Including', 'Against', 'Between', 'Within',
]);
const US_STATE_CONTEXT = /\b(Atlanta|Savannah|Augusta|Macon|Athens, Georgia|Peach State|state of Georgia|Georgia's governor|Georgia’s governor)\b/;
const FOOD_WORDS = /^(?:dinner|dinners|sandwich|sandwiches|breast|burger|burgers|bacon|meat|roast|leg|legs|gravy|feathers|farm|farms|hunting|season|slices|stuffing|recipe|recipes|and stuffing)\b/i;
const FOOD_BEFORE = /\b(?:roast|roasted|smoked|stuffed|wild|Thanksgiving|Christmas|carve|carved|carving|sliced|eat|eating|ate)\s+$/i;

interface Candidate {
  name: string;
  country: Country;
}

let index: Map<string, Candidate[]> | undefined;
let demonymIndex: Map<string, Candidate[]> | undefined;

function buildIndex(entries: Iterable<[string, Country]>): Map<string, Candidate[]> {
  const map = new Map<string, Candidate[]>();
  for (const [name, country] of entries) {
    // Prose names start with a capital letter; bare ISO codes are not prose.
    if (!/^\p{Lu}/u.test(name)) continue;
    if (/^[A-Z]{2,3}$/.test(name) && !PROSE_ABBREVIATIONS.has(name)) continue;
    const key = name.slice(0, 2);
    const list = map.get(key) ?? [];
    list.push({ name, country });
    map.set(key, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.name.length - a.name.length);
  return map;
}

/** Abbreviations that are written for countries in prose. */
const PROSE_ABBREVIATIONS = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'DPRK', 'PRC']);

function nameIndex(): Map<string, Candidate[]> {
  index ??= buildIndex(countryTable().names);
  return index;
}

function demonyms(): Map<string, Candidate[]> {
  if (!demonymIndex) {
    const table = countryTable();
    const entries: Array<[string, Country]> = [];
    for (const [code, words] of Object.entries(DEMONYMS)) {
      const country = table.byCode.get(code);
      if (country) for (const word of words) entries.push([word, country]);
    }
    demonymIndex = buildIndex(entries);
  }
  return demonymIndex;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

function scan(text: string, candidates: Map<string, Candidate[]>, accept: (match: CountryMention) => boolean): CountryMention[] {
  const out: CountryMention[] = [];
  for (let i = 0; i < text.length; i++) {
    if (isWordChar(text[i - 1]) || !isWordChar(text[i])) continue;
    const list = candidates.get(text.slice(i, i + 2));
    if (!list) continue;
    for (const { name, country } of list) {
      if (!text.startsWith(name, i)) continue;
      const end = i + name.length;
      // A name ending in a dot (U.S.) ends there; any other must end at a word boundary.
      if (!name.endsWith('.') && isWordChar(text[end])) continue;
      const match = { country, start: i, end, text: name };
      if (!accept(match)) break;
      out.push(match);
      i = end - 1;
      break;
    }
  }
  return out;
}

/** Every country named in `text`, in order. */
export function findCountryMentions(text: string): CountryMention[] {
  return scan(text, nameIndex(), (match) => !isFalseFriend(text, match));
}

/** Countries named in `text`, most mentioned first; demonyms add to countries already named. */
export function tallyCountries(text: string): CountryTally[] {
  const tallies = new Map<string, CountryTally>();
  for (const mention of findCountryMentions(text)) {
    const tally = tallies.get(mention.country.alpha2);
    if (tally) tally.mentions++;
    else tallies.set(mention.country.alpha2, { country: mention.country, mentions: 1, demonyms: 0, firstIndex: mention.start });
  }
  for (const mention of scan(text, demonyms(), () => true)) {
    const tally = tallies.get(mention.country.alpha2);
    if (tally) tally.demonyms++;
  }
  return [...tallies.values()].sort((a, b) => b.mentions + b.demonyms - (a.mentions + a.demonyms) || a.firstIndex - b.firstIndex);
}

function wordBefore(text: string, start: number): string {
  return /([\p{L}’'.-]+)[ \t]+$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1] ?? '';
}

function wordAfter(text: string, end: number): string {
  return /^[ \t]+([\p{L}’'-]+)/u.exec(text.slice(end, end + 40))?.[1] ?? '';
}

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('. ', start), text.lastIndexOf('\n', start), 0);
  const to = text.indexOf('. ', end);
  return text.slice(from, to < 0 ? text.length : to);
}

function isFalseFriend(text: string, match: CountryMention): boolean {
  const before = text.slice(Math.max(0, match.start - 40), match.start);
  const after = text.slice(match.end, match.end + 40);
  const previous = wordBefore(text, match.start);
  const next = wordAfter(text, match.end);
  const name = match.text;

  if (PERSON_NAMES.has(name)) {
    const surnameAfter = /^\p{Lu}\p{Ll}/u.test(next) && !PLACE_WORDS.has(next) && !/^[,.;:]/.test(after);
    const firstNameBefore = /^\p{Lu}\p{Ll}+$/u.test(previous) && !PLACE_WORDS.has(previous) && !FUNCTION_WORDS.has(previous) && !/[.!?]\s*$/.test(before.slice(0, -previous.length - 1));
    if (surnameAfter || firstNameBefore) return true;
  }
  switch (name) {
    case 'Georgia':
      return /(?:Atlanta|Savannah|Augusta|Macon),\s*$/.test(before) || /state of\s*$/i.test(before) || /^(?:Tech|State University|Bulldogs|Senate race)\b/.test(after.trimStart()) || US_STATE_CONTEXT.test(sentenceAround(text, match.start, match.end));
    case 'Turkey':
      return FOOD_WORDS.test(after.trimStart()) || FOOD_BEFORE.test(before);
    case 'Guinea':
      return /^\s*(?:pig|pigs|fowl)\b/i.test(after) || /\bNew\s+$/.test(before);
    case 'Chile':
      return /^\s*(?:pepper|peppers|powder|con)\b/i.test(after);
    case 'Jersey':
      return /\bNew\s+$/.test(before);
    case 'Niger':
      return /^\s*Delta\b/.test(after);
    case 'Congo':
      return /^\s*(?:River|Basin|rainforest)\b/.test(after);
    case 'China':
      return /\b(?:South|East)\s+$/.test(before) && /^\s*Sea\b/.test(after);
    case 'America':
      return /\b(?:Latin|South|North|Central|Middle|Captain|Miss|corporate|Corporate)\s+$/.test(before) || /\b(?:Bank|Voice|Girl Scouts|Boy Scouts|Daughters|Sons) of\s+$/.test(before);
    default:
      return false;
  }
}
