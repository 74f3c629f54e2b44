/**
 * Small helpers to set display text (headlines, labels, sidebar entries) with the typeset
 * stage and turn set lines into positioned elements.
 */
import { faceInfo } from '../fonts/index.js';
import type { Inline } from '../model/index.js';
import { paragraphItems, setLines, type Alignment, type ParagraphStyle, type SetLine } from '../typeset/index.js';
import { ACCENT, type TextStyle } from './styles.js';
import type { TextElement, TextRole } from './types.js';

export interface SetOptions {
  align: Alignment;
  hyphenation?: string | undefined;
  firstIndent?: number;
  onMissingGlyphs?: (characters: string[]) => void;
  /** Base direction; without it the text's first strong character decides. */
  direction?: 'ltr' | 'rtl' | undefined;
}

export function paragraphStyle(style: TextStyle, measure: number, options: SetOptions): ParagraphStyle {
  const paragraph: ParagraphStyle = {
    font: style.font,
    size: style.size,
    color: style.color,
    linkColor: ACCENT,
    hyphenation: options.hyphenation,
    align: options.align,
    firstIndent: options.firstIndent ?? 0,
    narrowest: measure,
  };
  if (style.features) paragraph.features = style.features;
  if (style.tracking) paragraph.tracking = style.tracking;
  if (style.smallCapAcronyms) paragraph.smallCapAcronyms = true;
  if (options.onMissingGlyphs) paragraph.onMissingGlyphs = options.onMissingGlyphs;
  if (options.direction) paragraph.direction = options.direction;
  return paragraph;
}

/** Sets text in one measure. */
export function setText(text: string | Inline[], style: TextStyle, measure: number, options: SetOptions): SetLine[] {
  const inlines = typeof text === 'string' ? [{ text, style: {} }] : text;
  const items = paragraphItems(inlines, paragraphStyle(style, measure, options));
  return setLines(items, 0, () => measure, options.align);
}

export function lineElement(line: SetLine, x: number, baseline: number, role: TextRole, style: TextStyle): TextElement {
  const face = faceInfo(style.font);
  return {
    kind: 'text',
    role,
    x,
    y: baseline,
    pieces: line.pieces,
    width: line.width,
    ascent: (face.ascent * style.size) / 1000,
    descent: (-face.descent * style.size) / 1000,
    measure: line.measure,
    ratio: line.ratio,
    hyphenated: line.hyphenated,
  };
}

/** Height of the face's capitals at a size: used to hang text from a top edge. */
export function capHeight(style: TextStyle): number {
  return (faceInfo(style.font).capHeight * style.size) / 1000;
}
