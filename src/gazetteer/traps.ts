/**
 * The context rules that turn a capitalised country name into something else (a person, a US
 * state, a bird, a river). detect.ts lists them in prose; each rule here says which case it covers.
 * A rule sees only the match and the text around it: no part of speech tagging, no model.
 */

export interface Around {
  /** The matched name with its white space collapsed. */
  name: string;
  before: string;
  after: string;
  sentence: string;
  /** The line the match is on, to tell prose from a headline set in capitals. */
  line: string;
}

/**
 * Names that are also first names: "Chad Smith", "Kenya Barris", "Israel Adesanya", "Cuba
 * Gooding"; and, in briefs in other languages, their names for countries that are first names
 * too: French Maurice (Mauritius) in "Maurice Dupont", Spanish and Italian Francia.
 */
const FIRST_NAMES = new Set(['Jordan', 'Chad', 'Israel', 'Georgia', 'Cuba', 'Kenya', 'Maurice', 'Francia']);
/** Names that are also common surnames: "Michael Jordan", "Jimmy Wales". */
const SURNAMES = new Set(['Jordan', 'Wales']);

/**
 * Capitalised words that may follow or precede a country name without making it a person's:
 * places and features ("Lake Chad", "Jordan Valley"), compass words, and the institutions
 * named after a state ("Israel Defense Forces", "Kenya Airways", "Chad President Déby").
 */
const INSTITUTION_WORDS = new Set([
  'Lake', 'River', 'Valley', 'Basin', 'Sea', 'Gulf', 'Bay', 'Mount', 'Coast', 'Republic', 'Kingdom', 'State', 'States',
  'North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Greater', 'Upper', 'Lower',
  'Ancient', 'Modern', 'Soviet', 'Biblical',
  'Defense', 'Defence', 'Forces', 'Armed', 'Police', 'Army', 'Navy', 'Air', 'Coastguard', 'Government', 'Cabinet', 'Ministry',
  'Embassy', 'Railways', 'Airways', 'Airlines', 'Post', 'Telecom', 'Radio', 'Television', 'Authority', 'Institute', 'University',
  'Museum', 'Bank', 'Stock', 'Exchange', 'Football', 'Olympic', 'Committee', 'Federation', 'Supreme', 'Constitutional', 'Court',
  'President', 'Prime', 'Minister', 'King', 'Queen', 'Crown', 'Prince', 'Foreign', 'National', 'Parliament', 'Senate', 'Congress',
]);

/** Capitalised words that start sentences and clauses; before "Jordan" they do not make it a surname. */
const FUNCTION_WORDS = new Set([
  'In', 'From', 'To', 'And', 'But', 'For', 'With', 'Of', 'At', 'By', 'On', 'As', 'The', 'A', 'An', 'Like', 'Unlike', 'Both',
  'Neither', 'Either', 'Or', 'Nor', 'Since', 'While', 'When', 'After', 'Before', 'Across', 'Through', 'Inside', 'Outside',
  'Visit', 'Visiting', 'Only', 'Even', 'Meanwhile', 'Today', 'Yesterday', 'Then', 'Now', 'Also', 'Neighbouring', 'Neighboring',
  'Did', 'Does', 'Will', 'Would', 'Should', 'Could', 'Has', 'Had', 'Is', 'Was', 'Are', 'Were', 'That', 'This', 'Why', 'How',
  'Where', 'What', 'Which', 'Whether', 'If', 'Although', 'Though', 'Because', 'Including', 'Against', 'Between', 'Within',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May',
  'June', 'July', 'August', 'September', 'October', 'November', 'December',
]);

/** US states other than Georgia, Washington and New York (those two also stand for the US government and the UN), and pairs of them. */
const US_STATES = /\b(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming|Carolinas|Dakotas)\b/;
const GEORGIA_CITIES = /\b(?:Atlanta|Savannah|Augusta|Macon|Athens|Columbus|Marietta|Alpharetta|Valdosta)\b/;

const CAPITALISED = /^\p{Lu}[\p{Ll}’']/u;

/** The word right after the name, when only spaces separate them (no comma, no line break). */
function nextWord(after: string): string {
  return /^[ \t\u00a0]+([\p{L}’'-]+)/u.exec(after)?.[1] ?? '';
}

/** The word right before the name, when only spaces separate them. */
function previousWord(before: string): string {
  return /([\p{L}’'.-]+)[ \t\u00a0]+$/u.exec(before)?.[1] ?? '';
}

/**
 * A headline in title case ("Jordan Closes Border With Syria"): every word is capitalised, so a
 * capital after a country's name says nothing about a person. Words under four letters are
 * not counted, as style guides leave "of", "and", "the" in lower case; a line ending in a full
 * stop is a sentence, however many names it holds ("Cuba Gooding Jr. won an Oscar."). The
 * price: a person's name in a title-case headline ("Chad Smith Joins Tour") reads as the country.
 */
function isTitleCase(line: string): boolean {
  if (/\.\s*$/.test(line)) return false;
  const words = (line.match(/\p{L}[\p{L}’'-]*/gu) ?? []).filter((w) => w.length >= 4);
  return words.length >= 4 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.85;
}

/** "Chad Smith", "Cuba Gooding", "Kenya Barris": a first name followed by a surname. */
function isFirstName(at: Around): boolean {
  const next = nextWord(at.after);
  return FIRST_NAMES.has(at.name) && CAPITALISED.test(next) && !INSTITUTION_WORDS.has(next) && !isTitleCase(at.line);
}

/** "Michael Jordan", "Jimmy Wales": a surname after a first name (but not "Visit Jordan", "North Wales"). */
function isSurname(at: Around): boolean {
  const previous = previousWord(at.before);
  return (
    SURNAMES.has(at.name) &&
    /^\p{Lu}\p{Ll}+$/u.test(previous) &&
    !FUNCTION_WORDS.has(previous) &&
    !INSTITUTION_WORDS.has(previous) &&
    !isTitleCase(at.line)
  );
}

/** "Lake Chad", "the Niger Delta", "the Congo River", "the South China Sea", "the Gulf of Guinea": a feature, not the state. */
function isGeographicFeature(at: Around): boolean {
  return /\b(?:Lake|River|Gulf of|Sea of|Bay of)\s+$/.test(at.before) || /^\s+(?:River|Delta|Basin|Sea|rainforest)\b/.test(at.after);
}

/** New Mexico, New Jersey, New England, New Guinea: "New" makes another place (New Zealand and New Caledonia are names of their own). */
function isNewNamesake(at: Around): boolean {
  return /\bNew\s+$/.test(at.before);
}

/** US, UK, UAE in a line set in capitals ("LET US KNOW") are words, not abbreviations; "US$" is a currency. */
function isShoutedOrCurrency(at: Around): boolean {
  if (!/^[A-Z.]+$/.test(at.name)) return false;
  return !/\p{Ll}/u.test(at.line) || at.after.startsWith('$');
}

/** Georgia the US state: its cities, its institutions, or another US state in the same sentence. */
function isUsGeorgia(at: Around): boolean {
  return (
    /\b(?:Atlanta|Savannah|Augusta|Macon|Athens|Columbus),\s*$/.test(at.before) ||
    /\b(?:University|state|State|governor|Governor|senator|Senator) of\s+$/.test(at.before) ||
    /^\s+(?:Tech|State|Bulldogs|Power|Senate|House|General Assembly|Supreme Court)\b/.test(at.after) ||
    /^['’]s\s+(?:governor|Governor|senators?|Senators?|secretary of state|Secretary of State|electoral votes)\b/.test(at.after) ||
    /\bPeach State\b/.test(at.sentence) ||
    GEORGIA_CITIES.test(at.sentence) ||
    US_STATES.test(at.sentence)
  );
}

/** The Caribbean, in the languages whose name for Grenada is also a city's: the island's context. */
const CARIBBEAN = /carib|caraïb|caraíb|antill|antilh|granadinas|grenadines|st\.? george|saint-george|carriacou/iu;

/** Rules that hold for one name only, keyed by that name. */
const NAME_RULES: Readonly<Record<string, (at: Around) => boolean>> = {
  Georgia: isUsGeorgia,
  // Turkey the bird: capitalised at a sentence start or in a title, next to food and farm words.
  Turkey: (at) =>
    /^\s+(?:dinners?|sandwich(?:es)?|breasts?|burgers?|bacon|meat|roast|legs?|gravy|feathers|farms?|hunting|season|slices|stuffing|recipes?|Trot|trot|Day)\b/i.test(at.after) ||
    /\b(?:roast|roasted|smoked|stuffed|wild|Thanksgiving|Christmas|carve|carved|carving|sliced|eat|eating|ate)\s+$/i.test(at.before),
  // The guinea pig and guinea fowl, capitalised at a sentence start.
  Guinea: (at) => /^\s+(?:pigs?|fowls?)\b/i.test(at.after),
  // The chile pepper, capitalised at a sentence start.
  Chile: (at) => /^\s+(?:peppers?|powder|con|relleno|sauce|flakes)\b/i.test(at.after),
  // Jersey City and the Jersey Shore are American (New Jersey is caught by isNewNamesake).
  Jersey: (at) => /^\s+(?:City|Shore|Devils)\b/.test(at.after),
  // New South Wales is Australian.
  Wales: (at) => /\bNew\s+South\s+$/.test(at.before),
  // Spanish and Portuguese Granada, French Grenade (Grenada in those briefs) are first the
  // Andalusian city (and in French a grenade): the island only with the Caribbean in the sentence.
  Granada: (at) => !CARIBBEAN.test(at.sentence),
  Grenade: (at) => !CARIBBEAN.test(at.sentence),
  // German Island (Iceland) as the end of an English place's name: Long Island, Rhode Island.
  Island: (at) => /\b(?:Long|Rhode|Staten|Ellis|Coney|Easter|Christmas|Norfolk|Vancouver|Edward|Mile|Treasure|Fire|Kangaroo|Robben)\s+$/.test(at.before),
  // The continent and its parts, and names that merely contain "America".
  America: (at) =>
    /\b(?:Latin|South|North|Central|Middle|Meso|Captain|Miss|Mister)\s+$/.test(at.before) ||
    /\b(?:Bank|Voice|Scouts|Daughters|Sons)\s+of\s+$/.test(at.before) ||
    /^['’]s\s+Cup\b/.test(at.after),
};

/** True when the name at this place is not the country. */
export function isFalseFriend(at: Around): boolean {
  return (
    isShoutedOrCurrency(at) ||
    isNewNamesake(at) ||
    isGeographicFeature(at) ||
    isFirstName(at) ||
    isSurname(at) ||
    (NAME_RULES[at.name]?.(at) ?? false)
  );
}
