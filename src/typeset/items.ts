/**
 * Styled inline runs to boxes, glue and penalties: words measured with the real fonts,
 * hyphenation points and other break opportunities as penalties, spaces as glue.
 */
import { hasFeature, hasGlyph, styledFont, textWidth, type FontId } from '../fonts/index.js';
import { hasRightToLeft, needsBidi, paragraphLevels, withoutControls, type ParagraphLevels } from './bidi.js';
import { runWidth, shapeRun } from './measure.js';
import type { Inline } from '../model/index.js';
import { wordBreaks } from './word-breaks.js';
import { leftHang, rightHang } from './protrusion.js';
import { INFINITE_PENALTY, LETTER_SHRINK_EM, LETTER_STRETCH_EM, MAX_EXPANSION, SPACE_SHRINK_EM, SPACE_STRETCH_EM, type Alignment, type Item, type RunStyle } from './types.js';

export interface ParagraphStyle {
  font: FontId;
  size: number;
  color: string;
  linkColor: string;
  /** Pattern set name from `patternsFor`, or undefined for no hyphenation. */
  hyphenation: string | undefined;
  align: Alignment;
  /** Indent of the first line, in points. */
  firstIndent: number;
  /** Extra OpenType features for the whole paragraph. */
  features?: string[];
  /** Letter-spacing for the whole paragraph, in thousandths of an em. */
  tracking?: number;
  /** Words of three or more capitals in small caps (c2sc), letter-spaced a little. */
  smallCapAcronyms?: boolean;
  /** Narrowest measure the paragraph may be set in: longer words are cut to fit it. */
  narrowest: number;
  /** Called with characters the faces have no glyph for. */
  onMissingGlyphs?: (characters: string[]) => void;
  /**
   * Base direction (a brief in a right-to-left language sets 'rtl'); otherwise the paragraph's
   * first strong character decides, as UAX #9 says.
   */
  direction?: 'ltr' | 'rtl';
}

/** A paragraph being itemised: its style, and its embedding levels when it needs bidi at all. */
interface Setting extends ParagraphStyle {
  bidi?: ParagraphLevels;
}

/** A hyphen written in the text, after which a line may end (not the non-breaking U+2011). */
const EXPLICIT_HYPHEN = /^[-\u2010]$/;
/** A break inside an unbreakable word that is wider than the column: a last resort. */
const CUT_PENALTY = 500;

interface Piece {
  text: string;
  style: RunStyle;
  /** Where the text starts in the paragraph's text (for its embedding levels). */
  at: number;
}

export function paragraphItems(inlines: readonly Inline[], paragraphStyle: ParagraphStyle): Item[] {
  const bidi = bidiOf(inlines, paragraphStyle);
  const style: Setting = bidi ? { ...paragraphStyle, bidi } : paragraphStyle;
  const items: Item[] = [];
  const styles = new Map<string, RunStyle>();
  if (style.firstIndent > 0) {
    items.push({ type: 'box', width: style.firstIndent, text: '', style: runStyle({}, style, styles) });
  }
  let word: Piece[] = [];
  const flushWord = () => {
    if (word.length) appendWord(word, style, items);
    word = [];
  };
  let at = 0;
  for (const inline of inlines) {
    const run = runStyle(inline.style, style, styles);
    // Split into words, spaces and hard breaks, keeping the separators.
    // In code, no-break spaces hold indentation and stay part of the word; elsewhere they are ties.
    for (const token of inline.text.split(inline.style.code ? /(\n| +)/ : /(\n| +|\u00A0)/)) {
      const start = at;
      at += token.length;
      if (!token) continue;
      // A space takes the level its place resolved to, so it joins the run it stands in.
      const space = bidi ? levelStyle(run, bidi.levels[start]!, bidi.paragraphLevel) : run;
      if (token === '\u00A0' && !inline.style.code) {
        // A tie: a space that stretches like any other but never breaks.
        flushWord();
        items.push({ type: 'penalty', width: 0, penalty: INFINITE_PENALTY, flagged: false });
        appendSpace(space, style, items);
      } else if (token === '\n') {
        flushWord();
        items.push({ type: 'glue', width: 0, stretch: 100000, shrink: 0, style: space });
        items.push({ type: 'penalty', width: 0, penalty: -INFINITE_PENALTY, flagged: false });
      } else if (token.startsWith(' ')) {
        flushWord();
        appendSpace(space, style, items);
      } else {
        word.push({ text: token, style: run, at: start });
      }
    }
  }
  flushWord();
  if (bidi) spacesInFallbackRuns(items);
  while (items.length && items[items.length - 1]!.type === 'glue') items.pop();
  const endStyle = runStyle({}, style, styles);
  const lastStretch = style.align === 'balanced' ? Math.max(style.size * 6, style.narrowest * 0.15) : 100000;
  items.push({ type: 'penalty', width: 0, penalty: INFINITE_PENALTY, flagged: false });
  items.push({ type: 'glue', width: 0, stretch: lastStretch, shrink: 0, style: endStyle });
  items.push({ type: 'penalty', width: 0, penalty: -INFINITE_PENALTY, flagged: false });
  return items;
}

/**
 * The paragraph's embedding levels, or undefined when it has no right-to-left character (nor a
 * directional control): such a
 * paragraph (nearly every one) does no bidi work at all, and reads left to right even in a brief
 * whose language is written right to left (an English quotation in an Arabic brief).
 */
function bidiOf(inlines: readonly Inline[], style: ParagraphStyle): ParagraphLevels | undefined {
  if (!inlines.some((inline) => needsBidi(inline.text))) return undefined;
  return paragraphLevels(inlines.map((inline) => inline.text).join(''), style.direction);
}

/**
 * The run's style at an embedding level: one object per style and level, so runs at different
 * levels never merge into one piece. Level 0 of a left-to-right paragraph is the style itself.
 */
const levelStyles = new WeakMap<RunStyle, Map<number, RunStyle>>();
function levelStyle(style: RunStyle, level: number, paragraphLevel: number): RunStyle {
  if (level === 0) return style;
  let byLevel = levelStyles.get(style);
  if (!byLevel) {
    byLevel = new Map();
    levelStyles.set(style, byLevel);
  }
  let variant = byLevel.get(level);
  if (!variant) {
    variant = { ...style, level, paragraphLevel };
    byLevel.set(level, variant);
  }
  return variant;
}

/**
 * Arabic and Hebrew are set in the fallback face, but the spaces between their words come from
 * the paragraph's face, so each word would be a piece of its own: drawn apart, with no space
 * glyph between, and a reader copying them would have to guess the spaces. A space between two
 * words in the same fallback style takes that style, so a right-to-left phrase is one run.
 */
function spacesInFallbackRuns(items: Item[]): void {
  for (let i = 1; i < items.length - 1; i++) {
    const glue = items[i]!;
    const before = items[i - 1]!;
    const after = items[i + 1]!;
    if (glue.type !== 'glue' || before.type !== 'box' || after.type !== 'box') continue;
    if (before.style !== after.style || before.style.font !== 'fallback' || glue.style === before.style) continue;
    glue.style = before.style;
    glue.width = textWidth('fallback', ' ', before.style.size);
  }
}

/** Marks at a line's ends hang into the margins, except in centred and right-to-left text. */
function hangs(paragraph: Setting): boolean {
  return paragraph.align !== 'center' && paragraph.bidi?.paragraphLevel !== 1;
}

function runStyle(inline: Inline['style'], paragraph: ParagraphStyle, cache: Map<string, RunStyle>): RunStyle {
  const key = `${inline.bold ? 'b' : ''}${inline.italic ? 'i' : ''}${inline.code ? 'c' : ''}${inline.superscript ? 's' : ''}${inline.strike ? 'x' : ''}|${inline.link ?? ''}|${inline.footnote ?? ''}|${inline.linkNumber ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const font = inline.code ? 'mono' : styledFont(paragraph.font, { bold: !!inline.bold, italic: !!inline.italic });
  let size = inline.code ? paragraph.size * 0.88 : paragraph.size;
  const style: RunStyle = { font, size, color: inline.link || inline.linkNumber ? paragraph.linkColor : paragraph.color };
  if (inline.superscript) {
    size = paragraph.size * 0.62;
    style.size = size;
    style.rise = paragraph.size * 0.36;
  }
  if (paragraph.features && !inline.code) style.features = paragraph.features;
  if (paragraph.tracking && !inline.code) style.tracking = paragraph.tracking;
  if (inline.link) style.link = inline.link;
  if (inline.footnote) style.destination = `note-${inline.footnote}`;
  if (inline.linkNumber) style.linkNumber = inline.linkNumber;
  if (inline.strike) style.strike = true;
  cache.set(key, style);
  return style;
}

function appendSpace(style: RunStyle, paragraph: Setting, items: Item[]): void {
  const last = items[items.length - 1];
  if (!last || last.type === 'glue') return; // collapse runs of spaces
  const width = textWidth(style.font, ' ', style.size);
  const rigid = paragraph.align !== 'justify';
  const glue: Item = { type: 'glue', width, stretch: rigid ? 0 : style.size * SPACE_STRETCH_EM, shrink: rigid ? 0 : style.size * SPACE_SHRINK_EM, style };
  const hang = last.type === 'box' && hangs(paragraph) ? rightHang(last.text, last.style) : 0;
  if (hang) glue.hang = hang;
  items.push(glue);
}

/** Letter-spacing added to small caps, in thousandths of an em: capitals need air. */
const SMALL_CAP_TRACKING = 50;
/** NATO, CFOs, NATO’s: three or more capitals, with a plural or a possessive. */
const ACRONYM = /^\p{Lu}{3,}(?:s|['\u2019]s)?$/u;
const CAPITALS = /\p{Lu}{3}/u;
const smallCapStyles = new WeakMap<RunStyle, RunStyle>();

/** The run's style with its capitals as small caps, or the style itself when the face has none. */
function smallCapStyle(style: RunStyle): RunStyle {
  let variant = smallCapStyles.get(style);
  if (!variant) {
    variant = hasFeature(style.font, 'c2sc') ? { ...style, features: [...(style.features ?? []), 'c2sc'], tracking: (style.tracking ?? 0) + SMALL_CAP_TRACKING } : style;
    smallCapStyles.set(style, variant);
  }
  return variant;
}

/** One word (possibly in several styles) as boxes with break opportunities between them. */
function appendWord(pieces: Piece[], paragraph: Setting, items: Item[]): void {
  const text = pieces.length === 1 ? pieces[0]!.text : pieces.map((p) => p.text).join('');
  const code = pieces.some((p) => p.style.font === 'mono');
  // Three capitals in a row first: most words have none, and the trim is a regular expression.
  if (paragraph.smallCapAcronyms && CAPITALS.test(text) && ACRONYM.test(text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')) && !code) {
    pieces = pieces.map((piece) => ({ text: piece.text, style: smallCapStyle(piece.style), at: piece.at }));
  }
  // Link text is prose and may be hyphenated; code never is. A right-to-left word is not either:
  // the patterns are for the brief's language, and neither Arabic nor Hebrew breaks words with
  // a hyphen.
  const hyphenation = paragraph.hyphenation && !code && paragraph.align !== 'center' && !(paragraph.bidi && hasRightToLeft(text)) ? paragraph.hyphenation : undefined;
  const cuts = wordBreaks(text, hyphenation);
  const firstBox = items.length;
  let offset = 0;
  let next = 0;
  for (const piece of pieces) {
    const end = offset + piece.text.length;
    let start = offset;
    while (next < cuts.length && cuts[next]!.at <= end) {
      const info = cuts[next]!;
      const cut = info.at;
      pushBox(piece.text.slice(start - offset, cut - offset), piece.style, paragraph, items, piece.at + start - offset);
      start = cut;
      const hang = !hangs(paragraph) ? 0 : info.hyphen ? rightHang('-', piece.style) : rightHang(text.slice(0, cut), piece.style);
      // In a bidirectional paragraph the hyphen joins the run (and level) of the part it ends.
      const before = items[items.length - 1];
      const hyphen = paragraph.bidi && before?.type === 'box' ? before.style : piece.style;
      // A break after a hyphen the writer typed ("under-invested") ends the line with a hyphen
      // as surely as one the patterns add: flagged, as TeX flags it, so it counts towards the
      // two-in-a-row limit and is not left above a paragraph's last line.
      const penalty: Item = info.hyphen
        ? { type: 'penalty', width: textWidth(piece.style.font, '-', piece.style.size), penalty: info.penalty, flagged: true, hyphen }
        : { type: 'penalty', width: 0, penalty: info.penalty, flagged: EXPLICIT_HYPHEN.test(text[cut - 1] ?? '') };
      if (hang) penalty.hang = hang;
      items.push(penalty);
      next++;
    }
    pushBox(piece.text.slice(start - offset), piece.style, paragraph, items, piece.at + start - offset);
    offset = end;
  }
  // A word opening a line may hang its opening quote or bracket into the left margin.
  const opening = items[firstBox];
  if (opening?.type === 'box' && hangs(paragraph)) {
    const hang = leftHang(opening.text, opening.style);
    if (hang) opening.leftHang = hang;
  }
}

/**
 * The width of the items at the end of `items` that no line may break between: back to the last
 * legal break (a space after a word, a hyphenation or cut point), through ties (a no-break
 * space) and the boxes of a word's earlier parts.
 */
function tiedWidth(items: readonly Item[]): number {
  let width = 0;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.type === 'penalty') {
      if (item.penalty < INFINITE_PENALTY) break;
      continue;
    }
    if (item.type === 'glue' && i > 0 && items[i - 1]!.type === 'box') break;
    width += item.width;
  }
  return width;
}

/** The run's style set in the fallback face. */
const fallbackStyles = new WeakMap<RunStyle, RunStyle>();
function fallbackStyle(style: RunStyle): RunStyle {
  let variant = fallbackStyles.get(style);
  if (!variant) {
    variant = { ...style, font: 'fallback' };
    delete variant.features;
    fallbackStyles.set(style, variant);
  }
  return variant;
}

/**
 * Splits text the run's face cannot set into parts: what the face has stays in it, what only
 * the fallback face has goes to that. Characters neither has stay (and are reported).
 */
function byCoverage(text: string, style: RunStyle): Array<{ text: string; style: RunStyle }> {
  const parts: Array<{ text: string; style: RunStyle }> = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const face = hasGlyph(style.font, code) || !hasGlyph('fallback', code) ? style : fallbackStyle(style);
    const last = parts[parts.length - 1];
    if (last && last.style === face) last.text += ch;
    else parts.push({ text: ch, style: face });
  }
  return parts;
}

/**
 * Pushes a word's part as boxes. `at` (its place in the paragraph's text) is given for a part
 * not yet split by embedding level: in a bidirectional paragraph each level's run is a box of
 * its own, shaped in its own direction.
 */
function pushBox(text: string, style: RunStyle, paragraph: Setting, items: Item[], at?: number): void {
  if (!text) return;
  if (paragraph.bidi && at !== undefined) {
    const { levels, paragraphLevel } = paragraph.bidi;
    let start = 0;
    for (let i = 1; i <= text.length; i++) {
      if (i < text.length && levels[at + i] === levels[at + start]) continue;
      pushBox(withoutControls(text.slice(start, i)), levelStyle(style, levels[at + start]!, paragraphLevel), paragraph, items);
      start = i;
    }
    return;
  }
  const shaped = shapeRun(style, text);
  if (shaped.missing.length && style.font !== 'fallback') {
    const parts = byCoverage(text, style);
    if (parts.length > 1 || parts[0]!.style !== style) {
      for (const part of parts) pushBox(part.text, part.style, paragraph, items);
      return;
    }
  }
  if (shaped.missing.length) paragraph.onMissingGlyphs?.(shaped.missing);
  const width = runWidth(style, text);
  // What is tied to this box (« before a word, the word's earlier parts) shares its line: the
  // first line it stands on has only the rest of the measure.
  const tied = tiedWidth(items);
  const room = tied < paragraph.narrowest ? paragraph.narrowest - tied : paragraph.narrowest;
  if (width <= room) {
    if (paragraph.align === 'justify' && style.font !== 'mono') {
      const letters = shaped.glyphs.length * style.size;
      items.push({ type: 'box', width, text, style, stretch: width * MAX_EXPANSION + letters * LETTER_STRETCH_EM, shrink: width * MAX_EXPANSION + letters * LETTER_SHRINK_EM });
    } else items.push({ type: 'box', width, text, style });
    return;
  }
  // Wider than any line: cut it where it fills a line, breakable without a hyphen.
  let chunkStart = 0;
  let chunkWidth = 0;
  let index = 0;
  // A right-to-left run's glyphs come in visual order; cut it in logical order.
  const glyphs = style.level !== undefined && style.level % 2 === 1 ? [...shaped.glyphs].reverse() : shaped.glyphs;
  let limit = room;
  for (const glyph of glyphs) {
    const glyphWidth = ((glyph.xAdvance + (style.tracking ?? 0)) * style.size) / 1000;
    const length = String.fromCodePoint(...glyph.codePoints).length || 1;
    if (chunkWidth > 0 && chunkWidth + glyphWidth > limit) {
      items.push({ type: 'box', width: chunkWidth, text: text.slice(chunkStart, index), style });
      items.push({ type: 'penalty', width: 0, penalty: CUT_PENALTY, flagged: false });
      chunkStart = index;
      chunkWidth = 0;
      limit = paragraph.narrowest;
    }
    chunkWidth += glyphWidth;
    index += length;
  }
  if (index > chunkStart) items.push({ type: 'box', width: chunkWidth, text: text.slice(chunkStart), style });
}
