/**
 * Right-to-left text: the Unicode Bidirectional Algorithm (UAX #9) as far as a typesetter needs
 * it. `bidi-js` resolves the embedding levels of a paragraph (rules P to I); the breaker then
 * works in logical order as always, and each set line's runs are put in visual order (rule L2)
 * only when the line is placed. A paragraph without right-to-left characters never gets here.
 */
import bidiModule, { type Bidi } from 'bidi-js';

/**
 * bidi-js is CommonJS whose types declare an ES default export: Node hands over the factory
 * itself, the types (under NodeNext) a namespace holding it as `default`. Accept either.
 */
type Factory = () => Bidi;
const bidiFactory: Factory = (bidiModule as unknown as { default?: Factory }).default ?? (bidiModule as unknown as Factory);

let engine: Bidi | undefined;
/** Made on first use: a brief in a left-to-right script never builds the algorithm's tables. */
function bidi(): Bidi {
  engine ??= bidiFactory();
  return engine;
}

/**
 * Characters that can make a paragraph need the algorithm: the right-to-left blocks (Hebrew,
 * Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, their presentation forms and the
 * supplementary right-to-left planes) and the explicit right-to-left marks and controls.
 */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200F\u202B\u202E\u2067\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
/** The explicit directional marks, embeddings, overrides and isolates: they steer, never print. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

export function hasRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text);
}

/** Whether a paragraph's text needs the algorithm: right-to-left letters or explicit controls. */
export function needsBidi(text: string): boolean {
  BIDI_CONTROLS.lastIndex = 0;
  return RIGHT_TO_LEFT.test(text) || BIDI_CONTROLS.test(text);
}

/** The text without its directional controls, once their levels are resolved (they have no glyph). */
export function withoutControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Languages written right to left (ISO 639 codes, the primary subtag of a `lang:` tag). */
const RIGHT_TO_LEFT_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

export function isRightToLeftLanguage(lang: string): boolean {
  return RIGHT_TO_LEFT_LANGUAGES.has(lang.toLowerCase().split(/[-_]/)[0] ?? '');
}

export interface ParagraphLevels {
  /** Embedding level of each UTF-16 code unit: odd is right to left. */
  levels: Uint8Array;
  /** The paragraph's base level: 1 when it reads right to left. */
  paragraphLevel: 0 | 1;
}

/**
 * Resolved levels of a paragraph's text. Without a given direction the first strong character
 * decides it (rules P2–P3); a hard line break inside the paragraph does not start another
 * direction, so the whole paragraph keeps the direction of its start.
 */
export function paragraphLevels(text: string, direction?: 'ltr' | 'rtl'): ParagraphLevels {
  let resolved = bidi().getEmbeddingLevels(text, direction);
  const paragraphLevel = direction ? (direction === 'rtl' ? 1 : 0) : ((resolved.paragraphs[0]?.level ?? 0) % 2 === 1 ? 1 : 0);
  if (!direction && resolved.paragraphs.some((paragraph) => paragraph.level % 2 !== paragraphLevel)) {
    resolved = bidi().getEmbeddingLevels(text, paragraphLevel ? 'rtl' : 'ltr');
  }
  return { levels: resolved.levels, paragraphLevel };
}

/**
 * Rule L2 over the runs of one line: from the highest level down to the lowest odd one, every
 * stretch of runs at that level or higher is reversed. Returns run indices in visual order,
 * left to right.
 */
export function visualOrder(levels: readonly number[]): number[] {
  const order = levels.map((_, index) => index);
  if (levels.length === 0) return order;
  const highest = Math.max(...levels);
  let lowestOdd = Math.min(...levels);
  if (lowestOdd % 2 === 0) lowestOdd += 1;
  for (let level = highest; level >= lowestOdd; level--) {
    let i = 0;
    while (i < order.length) {
      if (levels[order[i]!]! < level) {
        i++;
        continue;
      }
      let end = i;
      while (end < order.length && levels[order[end]!]! >= level) end++;
      const reversed = order.slice(i, end).reverse();
      order.splice(i, end - i, ...reversed);
      i = end;
    }
  }
  return order;
}

/**
 * Rule L4: in a right-to-left run, characters with a mirrored form (brackets, guillemets, the
 * less-than sign) are drawn as their mirror, so "(" still opens toward its text.
 */
export function mirrored(text: string): string {
  let out = '';
  for (const ch of text) out += mirrorOf(ch) ?? ch;
  return out;
}

/** The mirror image of a character (")" for "("), or undefined when it has none. */
export function mirrorOf(ch: string): string | undefined {
  return bidi().getMirroredCharacter(ch) ?? undefined;
}
