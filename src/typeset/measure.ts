/**
 * Width of a word as it will be drawn in a run's style: shaped advances plus letter-spacing.
 * The typeset stage and the render stage both go through the same shaping cache.
 */
import { shape } from '../fonts/index.js';
import type { RunStyle } from './types.js';

export function runWidth(style: RunStyle, text: string): number {
  const shaped = shape(style.font, text, style.features);
  const tracking = style.tracking ? style.tracking * shaped.glyphs.length : 0;
  return ((shaped.advance + tracking) * style.size) / 1000;
}
