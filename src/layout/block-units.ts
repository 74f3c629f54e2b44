/**
 * Rigid flow units: pull-quote, ornament, image and table. Each takes a whole number of grid
 * lines so the columns beside and below it stay in register.
 */
import type { ImageBlock, PullQuoteBlock } from '../model/index.js';
import type { BlockUnit } from './units.js';
import { ACCENT, BODY, INK, PULLQUOTE, PULLQUOTE_CITE, SMALL } from './styles.js';
import { capHeight, lineElement, setText } from './text.js';
import type { PageElement } from './types.js';

/** Distance from a grid cell's baseline up to its top edge. */
export const CELL_ABOVE = 9;

export function pullQuoteUnit(block: PullQuoteBlock, grid: number): BlockUnit {
  const shape = (width: number) => {
    const lines = setText(`\u201C${block.text.replace(/^[\u201C"]|[\u201D"]$/g, '')}\u201D`, PULLQUOTE, width, { align: 'balanced' });
    const cite = block.cite ? setText(`\u2014 ${block.cite}`, PULLQUOTE_CITE, width, { align: 'ragged' }) : [];
    const content = 10 + lines.length * PULLQUOTE.leading + (cite.length ? 4 + cite.length * PULLQUOTE_CITE.leading : 0) + 6;
    // At least half a grid line of white above and below the rules.
    return { lines, cite, content, gridLines: Math.ceil((content + grid) / grid) };
  };
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

export function imageUnit(block: ImageBlock, grid: number, maxHeight: number): BlockUnit {
  const shape = (width: number) => {
    let imageWidth = width;
    let imageHeight = (width * block.pixelHeight) / block.pixelWidth;
    if (imageHeight > maxHeight) {
      imageHeight = maxHeight;
      imageWidth = (maxHeight * block.pixelWidth) / block.pixelHeight;
    }
    const caption = block.caption ? setText(block.caption, SMALL, width, { align: 'ragged' }) : [];
    const content = imageHeight + (caption.length ? 4 + caption.length * SMALL.leading : 0);
    return { imageWidth, imageHeight, caption, gridLines: Math.ceil((content + 2) / grid) };
  };
  return {
    kind: 'block',
    role: 'caption',
    spaceBefore: 1,
    pullQuote: false,
    height: (width) => shape(width).gridLines,
    draw(x, baseline, width) {
      const { imageWidth, imageHeight, caption } = shape(width);
      const top = baseline - CELL_ABOVE;
      const out: PageElement[] = [{ kind: 'image', x: x + (width - imageWidth) / 2, y: top, width: imageWidth, height: imageHeight, path: block.path }];
      let y = top + imageHeight + 4 + capHeight(SMALL);
      for (const line of caption) {
        out.push(lineElement(line, x, y, 'caption', SMALL));
        y += SMALL.leading;
      }
      return out;
    },
  };
}
