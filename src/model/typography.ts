/**
 * Typewriter habits to printer's marks: straight quotes to curly ones, `--`/`---` and a spaced
 * ` - ` to dashes, `...` to an ellipsis. Applied to prose only, never to code.
 */

/** A quote mark after one of these (or at the start) opens a quotation. */
const OPENING_CONTEXT = /^[\s([{\u2014\u2013\-/\u201C\u2018]?$/u;

/** Words that begin with an apostrophe for a dropped letter: ’n’, ’em, ’tis, ’til. */
const ELISION = /^(?:n|em|tis|twas|til|cause|bout|round)(?![\p{L}])/iu;

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
      if (OPENING_CONTEXT.test(before) && !/\d/.test(next) && !ELISION.test(text.slice(i + 1))) mark = '\u2018';
      else mark = '\u2019';
    } else if (ch === '-' && text.startsWith('---', i)) {
      mark = '\u2014';
      i += 2;
    } else if (ch === '-' && /^[ \u00A0]$/.test(before) && /^[ \u00A0]$/.test(text[i + 1] ?? '')) {
      // A hyphen standing alone between spaces is a typed dash, as wire copy writes it
      // ("ACCRA, Feb 14 (Reuters) - Cocoa"): an en dash, spaced.
      mark = '\u2013';
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
  return tieSpaces(out);
}

/** Units a number is never parted from at a line break (SI, data, money, time). */
const UNITS = [
  '%', '‰', '°C', '°F', '°', 'km²', 'm²', 'km', 'cm', 'mm', 'm', 'kg', 'mg', 'g', 't', 'l', 'ml',
  'Hz', 'kHz', 'MHz', 'GHz', 'W', 'kW', 'MW', 'GW', 'kWh', 'MWh', 'GWh', 'TWh', 'V', 'kV',
  'B', 'kB', 'KB', 'MB', 'GB', 'TB', 'PB', 'bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s', 'Mbps', 'Gbps', 'Tbps',
  'bn', 'm', 'tn', 'million', 'billion', 'trillion', 'pp', 'ms', 's', 'min', 'h', 'mph', 'km/h', 'kn', 'nm',
  'Mt', 'kt', 'bp', 'percent', 'cents', 'cent', 'euros', 'euro', 'dollars', 'pounds', 'yen', 'yuan',
];
/** German writes the day as an ordinal ("25. Juni"); elsewhere "12. May" ends a sentence. */
const GERMAN_MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
/** A day is not parted from its month ("25 June", "June 25"), in the languages briefs are written in. */
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan.', 'Feb.', 'Mar.', 'Apr.', 'Jun.', 'Jul.', 'Aug.', 'Sept.', 'Sep.', 'Oct.', 'Nov.', 'Dec.',
  'Jan', 'Feb', 'Apr', 'Jun', 'Jul', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec',
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
  ...GERMAN_MONTHS,
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre',
];
const MONTH_NAMES = MONTHS.map((m) => m.replace(/\./g, '\\.')).join('|');
const DAY_MONTH = new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2}|\\d{1,2}\\.(?= (?:${GERMAN_MONTHS.join('|')})(?![\\p{L}]))) (?=(?:${MONTH_NAMES})(?![\\p{L}]))`, 'gu');
const MONTH_DAY = new RegExp(`(?<![\\p{L}])(${MONTH_NAMES}) (?=\\d{1,2}(?![\\p{N}]))`, 'gu');
/** A spaced dash (an aside — like this — or wire copy's " - ") stays at the end of a line, never opens one. */
const SPACE_BEFORE_DASH = /(?<=\S) (?=[\u2013\u2014](?:\s|$))/gu;
const UNIT_PATTERN = new RegExp(`(\\d) (${UNITS.map((u) => u.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`, 'gu');

/** An ISO 4217 code written before an amount ("EUR 1.6 billion", "PLN 187 billion"): tied like a sign. */
const CURRENCY_CODE_AMOUNT = /(?<![\p{L}\p{N}])(EUR|USD|GBP|JPY|CHF|CNY|RMB|PLN|NOK|SEK|DKK|ISK|CZK|HUF|RON|BGN|RSD|UAH|RUB|TRY|INR|IDR|PHP|MYR|SGD|THB|VND|KRW|AUD|NZD|CAD|HKD|BRL|MXN|ARS|CLP|COP|ZAR|NGN|KES|GHS|EGP|SAR|AED|QAR|ILS) (?=\d)/gu;

/**
 * A spaced guillemet or high stop (French: « Oui », « Non » ; quoi ?) is tied to its word: a
 * line must never open with » : ; ! ? standing alone, nor end with a lone «. Only marks that
 * stand as a word of their own are tied; German »Zitat« (no spaces) is left alone.
 */
const SPACE_AFTER_OPENING_GUILLEMET = /(?<=^|[\s(\u00A0])([«‹]) (?=\S)/gu;
const SPACE_BEFORE_CLOSING_MARK = /(?<=\S) (?=[»›:;!?]+(?:[\s.,)\]»›”’]|$))/gu;

/**
 * Non-breaking spaces where a break would strand something: between a number and its unit
 * ("5 km", "3.5 billion", "40 %", "50 cents"), after a currency sign or code or "No."/"p." before
 * a number, after initials ("J. R. Hartley"), between a day and its month, before a spaced dash,
 * and inside spaced guillemets and before spaced high stops, as French sets them. Only the kind
 * of space changes, never the words.
 */
export function tieSpaces(text: string): string {
  if (!text.includes(' ')) return text;
  return text
    .replace(UNIT_PATTERN, '$1\u00A0$2')
    .replace(/(^|[\s(])([€$£¥]|US\$|No\.|no\.|pp?\.) (?=\d)/gu, '$1$2\u00A0')
    .replace(CURRENCY_CODE_AMOUNT, '$1\u00A0')
    .replace(/(?<=^|[\s(\u00A0])(\p{Lu}\.) (?=\p{Lu})/gu, '$1\u00A0')
    .replace(SPACE_AFTER_OPENING_GUILLEMET, '$1\u00A0')
    .replace(SPACE_BEFORE_CLOSING_MARK, '\u00A0')
    .replace(DAY_MONTH, '$1\u00A0')
    .replace(MONTH_DAY, '$1\u00A0')
    .replace(SPACE_BEFORE_DASH, '\u00A0');
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
