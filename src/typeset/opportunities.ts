/**
 * Where a word (text between spaces) may break without a hyphen: the Unicode line breaking
 * algorithm (UAX #14, from the `linebreak` package) for hyphens, dashes and slashes, plus the
 * places a copy editor breaks a web address — after a slash, before a dot, `?`, `#`, `&`, `=`,
 * `_` or `@` — since an address must never gain a hyphen that a reader would type.
 */
import LineBreaker from 'linebreak';

/** Penalties: a break after a hyphen or dash is as good as one after a word; inside an address less so. */
export const DASH_BREAK_PENALTY = 30;
export const HYPHEN_BREAK_PENALTY = 50;
export const ADDRESS_BREAK_PENALTY = 80;

const DASHES = /[\u2013\u2014\u2015]/;
const HYPHENS = /[-\u2010\u2011]/;
const ADDRESS = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)/i;

/** Offsets (1 ≤ offset < text.length) where a line may end inside `text`, with their penalty. */
export function breakOpportunities(text: string): Map<number, number> {
  const found = new Map<number, number>();
  if (text.length < 3) return found;
  const breaker = new LineBreaker(text);
  for (let brk = breaker.nextBreak(); brk; brk = breaker.nextBreak()) {
    const at = brk.position;
    if (at <= 0 || at >= text.length) continue;
    const before = text[at - 1]!;
    const after = text[at]!;
    // A line never opens with a dash or a hyphen: break after it, not before.
    if (DASHES.test(after) || HYPHENS.test(after)) continue;
    // A range of numbers ("24–25 June", "pp. 12–19", "1914–18") is read as one: never parted.
    if (before === '\u2013' && /\p{N}/u.test(text[at - 2] ?? '') && /\p{N}/u.test(after)) continue;
    if (HYPHENS.test(before)) {
      // "e-mail" is not broken after one letter, nor before a last one or two.
      if (letters(text.slice(0, at - 1)) < 2 || letters(text.slice(at)) < 2) continue;
      found.set(at, HYPHEN_BREAK_PENALTY);
    } else found.set(at, DASHES.test(before) ? DASH_BREAK_PENALTY : ADDRESS_BREAK_PENALTY);
  }
  if (isAddress(text)) addAddressBreaks(text, found);
  return found;
}

/** Web and mail addresses: broken only at their own joints, never hyphenated. */
export function isAddress(text: string): boolean {
  return ADDRESS.test(text) || /\S@\S+\.\S/.test(text);
}

function addAddressBreaks(text: string, found: Map<number, number>): void {
  // A lone "www" at a line's end is no help to the reader: the first joint is after it.
  const scheme = text.indexOf('//') >= 0 ? text.indexOf('//') + 2 : 0;
  const start = /^www\./i.test(text.slice(scheme)) ? scheme + 4 : scheme;
  for (let i = Math.max(start, 1); i < text.length - 1; i++) {
    const ch = text[i]!;
    if (ch === '/' && text[i + 1] !== '/') found.set(i + 1, Math.min(found.get(i + 1) ?? Infinity, ADDRESS_BREAK_PENALTY));
    else if ('.?#&=_@'.includes(ch) && i > start) found.set(i, Math.min(found.get(i) ?? Infinity, ADDRESS_BREAK_PENALTY));
  }
  // Inside "www." no joint the breaker found either (after "https://" a line may end, as
  // copy editors break an address after its double slash).
  for (const at of [...found.keys()]) if (at > scheme && at <= start) found.delete(at);
}

function letters(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}
