/**
 * The matcher under detection: finds names from a fixed list in text, case-sensitively, on
 * Unicode word boundaries, taking the longest name at each position (Papua New Guinea before
 * Guinea, Guinea-Bissau before Guinea, South Sudan before Sudan) and never overlapping.
 * A space in a name matches any run of white space, so names broken across lines are found.
 */

export interface NameMatch<T> {
  value: T;
  start: number;
  end: number;
  /** The text as written, which may differ from the listed name in its white space. */
  text: string;
}

/** Decides whether a match is what it seems; a rejected span is skipped as a whole. */
export type Accept<T> = (match: NameMatch<T>, text: string) => boolean;

interface Entry<T> {
  name: string;
  value: T;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** A capital letter that starts a word: every name matched in prose starts with one. */
const CAPITAL_WORD_START = /(?<![\p{L}\p{N}\p{M}])\p{Lu}/gu;

export class NameIndex<T> {
  /** Names by their first two characters, longest first, so the first fit is the longest. */
  private readonly buckets = new Map<string, Entry<T>[]>();

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [name, value] of entries) {
      const key = name.slice(0, 2);
      const bucket = this.buckets.get(key) ?? [];
      bucket.push({ name, value });
      this.buckets.set(key, bucket);
    }
    for (const bucket of this.buckets.values()) bucket.sort((a, b) => b.name.length - a.name.length);
  }

  /** Every accepted match in `text`, left to right. */
  scan(text: string, accept: Accept<T> = () => true): NameMatch<T>[] {
    const matches: NameMatch<T>[] = [];
    let resumeAt = 0;
    for (const found of text.matchAll(CAPITAL_WORD_START)) {
      const start = found.index;
      if (start < resumeAt) continue;
      const match = this.longestAt(text, start);
      if (!match) continue;
      resumeAt = match.end;
      if (accept(match, text)) matches.push(match);
    }
    return matches;
  }

  private longestAt(text: string, start: number): NameMatch<T> | undefined {
    for (const { name, value } of this.buckets.get(text.slice(start, start + 2)) ?? []) {
      const end = matchEnd(text, start, name);
      if (end < 0) continue;
      // A name ending in a dot (U.S.) ends there; any other must end at a word boundary.
      if (!name.endsWith('.') && WORD_CHAR.test(text[end] ?? '')) continue;
      return { value, start, end, text: text.slice(start, end) };
    }
    return undefined;
  }
}

/** Where `name` ends if it is written at `start`, or -1. */
function matchEnd(text: string, start: number, name: string): number {
  let at = start;
  for (const ch of name) {
    if (ch === ' ') {
      if (!/\s/.test(text[at] ?? '')) return -1;
      while (/\s/.test(text[at] ?? '')) at++;
    } else {
      if (!text.startsWith(ch, at)) return -1;
      at += ch.length;
    }
  }
  return at;
}
