/**
 * The few words offprint itself prints in a brief's byline row and footer — "By", "and", the
 * month — in the brief's language, so a French brief reads "Par Claire Le Gall · 17 avril 2026"
 * rather than English furniture around French text. Languages not listed keep English.
 */

interface BylineWords {
  /** Before the writers' names. */
  by: string;
  /** Between the last two names. */
  and: string;
}

const WORDS: Readonly<Record<string, BylineWords>> = {
  en: { by: 'By', and: 'and' },
  fr: { by: 'Par', and: 'et' },
  de: { by: 'Von', and: 'und' },
  es: { by: 'Por', and: 'y' },
  it: { by: 'Di', and: 'e' },
  pt: { by: 'Por', and: 'e' },
  nl: { by: 'Door', and: 'en' },
};

/** The primary language subtag ("fr" of "fr-CA"), lower case. */
function primary(lang: string | undefined): string {
  return (lang ?? 'en').split('-')[0]!.toLowerCase();
}

function wordsFor(lang: string | undefined): BylineWords {
  return WORDS[primary(lang)] ?? WORDS.en!;
}

/** "Alice", "Alice and Bob", "Alice, Bob and Carol" (in the brief's language). */
export function joinNames(names: readonly string[], lang?: string): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${wordsFor(lang).and} ${names[names.length - 1]}`;
}

/** "By Alice and Bob", or "Par Alice et Bob" in a French brief. */
export function byline(names: readonly string[], lang?: string): string {
  return `${wordsFor(lang).by} ${joinNames(names, lang)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A `YYYY-MM-DD` date as the brief's language writes it: "2 March 2026", "2 mars 2026",
 * "2. März 2026". English is spelt out here; the others come from the ICU data Node carries
 * (fixed per Node version, and read in UTC, so the same input gives the same bytes).
 */
export function formatDate(iso: string, lang?: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const code = primary(lang);
  if (code !== 'en' && WORDS[code]) {
    const written = new Intl.DateTimeFormat(code, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
    // French writes the first of the month as an ordinal: "1er mai 2026".
    return code === 'fr' && day === 1 ? written.replace(/^1(?=\s)/, '1er') : written;
  }
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}
