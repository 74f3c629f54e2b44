/**
 * Typewriter habits to printer's marks: straight quotes to curly ones, `--`/`---` to dashes,
 * `...` to an ellipsis. Applied to prose only, never to code.
 */

/** A quote mark after one of these (or at the start) opens a quotation. */
const OPENING_CONTEXT = /^[\s([{\u2014\u2013\-/\u201C\u2018]?$/u;

export function smartenText(text: string, previousChar: string): string {
  let out = '';
  let before = previousChar;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    let mark = ch;
    if (ch === '"') {
      mark = OPENING_CONTEXT.test(before) ? '\u201C' : '\u201D';
    } else if (ch === "'") {
      // An apostrophe inside or after a word closes; at the start of a word it opens,
      // except in elisions like '90s, which keep the apostrophe shape.
      const next = text[i + 1] ?? '';
      if (OPENING_CONTEXT.test(before) && !/\d/.test(next)) mark = '\u2018';
      else mark = '\u2019';
    } else if (ch === '-' && text.startsWith('---', i)) {
      mark = '\u2014';
      i += 2;
    } else if (ch === '-' && text.startsWith('--', i)) {
      mark = '\u2013';
      i += 1;
    } else if (ch === '.' && text.startsWith('...', i)) {
      mark = '\u2026';
      i += 2;
    }
    out += mark;
    before = mark;
  }
  return out;
}

/** Collapses the white space a source file wraps lines with into single spaces. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\t\r\n ]+/g, ' ');
}

/**
 * Characters that must not reach the page: C0/C1 controls and invisible format characters
 * (zero-width spaces and joiners, soft hyphens, byte-order marks) would print as blank boxes.
 */
export const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
