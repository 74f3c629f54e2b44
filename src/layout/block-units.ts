/**
 * Rigid flow units: pull-quote and ornament (images are in image-unit.ts, tables in
 * table-unit.ts). Each takes a whole number of grid lines so the columns beside and below it
 * stay in register.
 */
import type { PullQuoteBlock } from '../model/index.js';
import type { BlockUnit } from './units.js';
import { ACCENT, BODY, INK, PULLQUOTE, PULLQUOTE_CITE } from './styles.js';
import { capHeight, lineElement, setText } from './text.js';
import type { PageElement } from './types.js';
import { byWidth } from './by-width.js';

/** Distance from a grid cell's baseline up to its top edge. */
export const CELL_ABOVE = 9;

export function pullQuoteUnit(block: PullQuoteBlock, grid: number): BlockUnit {
  const shape = byWidth((width: number) => {
    const [open, close] = block.marks ?? ['\u201C', '\u201D'];
    const lines = setText(`${open}${block.text.replace(/^[\u201C"]|[\u201D"]$/g, '')}${close}`, PULLQUOTE, width, { align: 'balanced' });
    const cite = block.cite ? setText(`\u2014 ${block.cite}`, PULLQUOTE_CITE, width, { align: 'ragged' }) : [];
    const content = 10 + lines.length * PULLQUOTE.leading + (cite.length ? 4 + cite.length * PULLQUOTE_CITE.leading : 0) + 6;
    // At least half a grid line of white above and below the rules.
    return { lines, cite, content, gridLines: Math.ceil((content + grid) / grid) };
  });
  return {
    kind: 'block',
    role: 'pullquote',
    spaceBefore: 1,
    pullQuote: true,
    quotes: block.text,
    height: (width) => shape(width).gridLines,
    draw(x, baseline, width) {
      const { lines, cite, content, gridLines } = shape(width);
      const top = baseline - CELL_ABOVE;
      const start = top + (gridLines * grid - content) / 2;
      const out: PageElement[] = [{ kind: 'rule', x1: x, y1: start, x2: x + width, y2: start, width: 1.2, color: ACCENT }];
      let y = start + 10 + capHeight(PULLQUOTE);
      for (const line of lines) {
        out.push(lineElement(line, x, y, 'pullquote', PULLQUOTE));
        y += PULLQUOTE.leading;
      }
      y += 4 - PULLQUOTE.leading + PULLQUOTE_CITE.leading;
      for (const line of cite) {
        out.push(lineElement(line, x, y, 'pullquote-cite', PULLQUOTE_CITE));
        y += PULLQUOTE_CITE.leading;
      }
      const end = start + content;
      out.push({ kind: 'rule', x1: x, y1: end, x2: x + width, y2: end, width: 0.5, color: ACCENT });
      return out;
    },
  };
}

export function ornamentUnit(): BlockUnit {
  return {
    kind: 'block',
    role: 'body',
    spaceBefore: 0,
    pullQuote: false,
    height: () => 1,
    draw(x, baseline, width) {
      const [line] = setText('*\u2003*\u2003*', { ...BODY, color: INK }, width, { align: 'center' });
      return line ? [lineElement(line, x, baseline, 'body', BODY)] : [];
    },
  };
}
