/**
 * Where a word (text between spaces) may end a line: the break opportunities of its own
 * characters (opportunities.ts) and, when it is hyphenated, its hyphenation points. Worked out
 * once per distinct word and language: a long report repeats its words thousands of times, and
 * each first time runs the Unicode line-breaking state machine and the patterns.
 */
import { hyphenationPoints } from './hyphenate.js';
import { breakOpportunities, isAddress } from './opportunities.js';

export interface WordBreak {
  /** Offset in the word's text where the line may end. */
  at: number;
  /** Breaking here adds a hyphen (a hyphenation point). */
  hyphen: boolean;
  penalty: number;
}

export const HYPHEN_PENALTY = 50;
/**
 * A capitalised word (a name: "Hrytsenko", "Tsendsuren") is hyphenated only to save a loose
 * line: house styles keep names whole where they can, and a reader stumbles over "Has-san".
 */
export const NAME_HYPHEN_PENALTY = 150;
/** Languages that capitalise every noun (German): there a capital says nothing about a name. */
const NOUNS_CAPITALISED = /^de/;
const CAPITALISED = /^[^\p{L}]*\p{Lu}\p{Ll}/u;

/** By pattern set ('' for none), then word: a joined key would be a new string to hash each time. */
const known = new Map<string, Map<string, readonly WordBreak[]>>();

/**
 * The word's breaks in order. `hyphenation`: the pattern set when the word may be hyphenated at
 * all (its paragraph's language, not centred, not code, not right to left); an address (a web or
 * mail address) never is.
 */
export function wordBreaks(text: string, hyphenation: string | undefined): readonly WordBreak[] {
  let words = known.get(hyphenation ?? '');
  if (!words) {
    words = new Map();
    known.set(hyphenation ?? '', words);
  }
  let breaks = words.get(text);
  if (!breaks) {
    breaks = findBreaks(text, hyphenation);
    words.set(text, breaks);
  }
  return breaks;
}

/** Forgets the words seen so far (the start-up snapshot keeps none: src/snapshot.ts). */
export function forgetWordBreaks(): void {
  known.clear();
}

function findBreaks(text: string, hyphenation: string | undefined): WordBreak[] {
  const breaks = new Map<number, { hyphen: boolean; penalty: number }>();
  // After hyphens, dashes and slashes, and inside web addresses, a line may end without a hyphen.
  for (const [offset, penalty] of breakOpportunities(text)) breaks.set(offset, { hyphen: false, penalty });
  if (hyphenation && !isAddress(text)) {
    // Each part between explicit hyphens and dashes is hyphenated on its own.
    for (const part of text.matchAll(/[^-\u2013\u2014/]+/g)) {
      const penalty = CAPITALISED.test(part[0]) && !NOUNS_CAPITALISED.test(hyphenation) ? NAME_HYPHEN_PENALTY : HYPHEN_PENALTY;
      for (const point of hyphenationPoints(part[0], hyphenation)) breaks.set((part.index ?? 0) + point, { hyphen: true, penalty });
    }
  }
  return [...breaks.keys()].sort((a, b) => a - b).map((at) => ({ at, ...breaks.get(at)! }));
}
