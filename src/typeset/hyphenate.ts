/**
 * Hyphenation points from TeX's language patterns (the `hyphen` package), with the
 * typographer's limits: words of five letters or more, at least two letters before a break
 * and three after, and never in acronyms, numbers, addresses or words with digits.
 */
import { requirePackageFile } from '../package-files.js';

type Hyphenator = (word: string) => string;
/** The `hyphen` package's export: a function that makes a hyphenator for a pattern set. */
type CreateHyphenator = (patterns: unknown, options: { hyphenChar: string; async?: false }) => Hyphenator;

/** Pattern files for the languages offprint hyphenates, by BCP 47 prefix (most specific first). */
const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/^en-(gb|au|nz|ie|za|in)\b/i, 'en-gb'],
  [/^en\b/i, 'en-us'],
  [/^de-ch\b/i, 'de-1996'],
  [/^de\b/i, 'de-1996'],
  [/^fr\b/i, 'fr'],
  [/^es\b/i, 'es'],
  [/^it\b/i, 'it'],
  [/^pl\b/i, 'pl'],
  [/^cs\b/i, 'cs'],
  [/^sk\b/i, 'sk'],
  [/^nl\b/i, 'nl'],
  [/^pt\b/i, 'pt'],
  [/^sq\b/i, 'sq'],
  [/^hr\b/i, 'hr'],
  [/^sl\b/i, 'sl'],
  [/^ro\b/i, 'ro'],
  [/^hu\b/i, 'hu'],
  [/^sv\b/i, 'sv'],
  [/^da\b/i, 'da'],
  [/^(nb|no)\b/i, 'nb'],
  [/^fi\b/i, 'fi'],
  [/^tr\b/i, 'tr'],
  [/^ru\b/i, 'ru'],
  [/^uk\b/i, 'uk'],
];

const SOFT_HYPHEN = '\u00AD';
const MIN_WORD = 5;
const MIN_BEFORE = 2;
const MIN_AFTER = 3;

const hyphenators = new Map<string, Hyphenator>();
const pointCache = new Map<string, number[]>();

/** The pattern set used for a language tag, or undefined when offprint has none for it. */
export function patternsFor(lang: string): string | undefined {
  return PATTERNS.find(([tag]) => tag.test(lang))?.[1];
}

function hyphenatorFor(patternName: string): Hyphenator {
  let hyphenator = hyphenators.get(patternName);
  if (!hyphenator) {
    const createHyphenator = requirePackageFile('hyphen') as CreateHyphenator;
    const patterns: unknown = requirePackageFile(`hyphen/patterns/${patternName}.js`);
    hyphenator = createHyphenator(patterns, { hyphenChar: SOFT_HYPHEN });
    hyphenators.set(patternName, hyphenator);
  }
  return hyphenator;
}

/**
 * Offsets (in UTF-16 code units) inside `word` where it may break with a hyphen.
 * `word` is one word without spaces; leading and trailing punctuation is allowed.
 */
export function hyphenationPoints(word: string, patternName: string | undefined): number[] {
  if (!patternName) return [];
  const key = `${patternName}\u0000${word}`;
  const cached = pointCache.get(key);
  if (cached) return cached;
  const points = computePoints(word, patternName);
  pointCache.set(key, points);
  return points;
}

/**
 * Each run of letters in the word is hyphenated on its own, so "Albania’s" or "D’Affaires"
 * still break inside their letters, never next to the apostrophe.
 */
function computePoints(word: string, patternName: string): number[] {
  if (/\d/.test(word)) return [];
  const points: number[] = [];
  for (const run of word.matchAll(/\p{L}[\p{L}\p{M}]*/gu)) {
    const letters = run[0];
    if ([...letters].length < MIN_WORD) continue;
    // Acronyms and words in capitals (NATO, UNHCR) are never broken.
    if (letters === letters.toUpperCase()) continue;
    const marked = hyphenatorFor(patternName)(letters.toLowerCase());
    let offset = 0;
    for (const ch of marked) {
      if (ch === SOFT_HYPHEN) {
        if (offset >= MIN_BEFORE && letters.length - offset >= MIN_AFTER) points.push((run.index ?? 0) + offset);
      } else offset += ch.length;
    }
  }
  return points;
}

/** Drops the words' hyphenation points found so far (the patterns stay compiled): see src/snapshot.ts. */
export function forgetHyphenationPoints(): void {
  pointCache.clear();
}
