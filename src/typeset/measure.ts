/**
 * Width of a word as it will be drawn in a run's style: shaped advances plus letter-spacing.
 * The typeset stage and the render stage both go through the same shaping cache.
 */
import { shape, type ShapedText } from '../fonts/index.js';
import { mirrored } from './bidi.js';
import type { RunStyle } from './types.js';

/**
 * The glyphs a run's text is drawn with. A run of a bidirectional paragraph is shaped in the
 * direction of its level, a right-to-left one with its brackets mirrored, so its glyphs come
 * in visual order; any other run is shaped as before.
 */
export function shapeRun(style: RunStyle, text: string): ShapedText {
  if (style.level === undefined) return shape(style.font, text, style.features);
  const rtl = style.level % 2 === 1;
  return shape(style.font, rtl ? mirrored(text) : text, style.features, rtl ? 'rtl' : 'ltr');
}

export function runWidth(style: RunStyle, text: string): number {
  const shaped = shapeRun(style, text);
  const tracking = style.tracking ? style.tracking * shaped.glyphs.length : 0;
  return ((shaped.advance + tracking) * style.size) / 1000;
}
