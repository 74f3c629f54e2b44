/**
 * Images (figures): scaled to the column, or set across both columns when one column would
 * make them too small to read, with the caption below. Like every rigid unit a figure takes
 * whole grid lines, so the text after it goes on on the baseline grid.
 *
 * Across both columns, as a picture editor would: when the writer asks (`:::figure{wide}`),
 * when the picture is at least twice as wide as it is tall (a panorama, a timeline, a wide
 * chart: in one column it would be a strip), or when it is landscape and has more detail than
 * a column can show (at 300 dpi, or as an SVG drawn, over twice a column's width).
 */
import type { ImageBlock } from '../model/index.js';
import { CELL_ABOVE } from './block-units.js';
import { SMALL } from './styles.js';
import { capHeight, lineElement, setText } from './text.js';
import type { PageElement } from './types.js';
import type { BlockUnit } from './units.js';
import { byWidth } from './by-width.js';

export interface ImageLimits {
  grid: number;
  /** Width of a body column on the later pages (the common case), for the spanning rule. */
  columnWidth: number;
  /** Tallest an image in a column may be (60% of a column), and one across the measure. */
  columnMaxHeight: number;
  wideMaxHeight: number;
}

/** At least this wide for its height to span on its shape alone. */
const WIDE_ASPECT = 2;
/** Landscape from this ratio on, for the detail rule. */
const LANDSCAPE = 1.3;
/** More detail than a column shows: natural width over this many column widths. */
const DETAIL = 2;
/** White between the picture and its caption. */
const CAPTION_GAP = 4;
/** A caption across the measure is set no wider than this (about 95 characters), for reading. */
const CAPTION_MEASURE = 330;

export function spansBothColumns(block: ImageBlock, columnWidth: number): boolean {
  if (block.placement !== 'auto') return block.placement === 'wide';
  const aspect = block.width / block.height;
  return aspect >= WIDE_ASPECT || (aspect >= LANDSCAPE && block.width >= DETAIL * columnWidth);
}

export function imageUnit(block: ImageBlock, limits: ImageLimits): BlockUnit {
  const wide = spansBothColumns(block, limits.columnWidth);
  const maxHeight = wide ? limits.wideMaxHeight : limits.columnMaxHeight;
  // A raster is never enlarged past one pixel a point (72 dpi): it would print blurred. An SVG
  // with a width of its own is not enlarged past it: its lettering was drawn for that size.
  const maxWidth = block.source.kind === 'raster' ? block.source.pixelWidth : block.source.sized ? block.width : Infinity;
  const shape = byWidth((width: number) => {
    let imageWidth = Math.min(width, maxWidth);
    let imageHeight = (imageWidth * block.height) / block.width;
    if (imageHeight > maxHeight) {
      imageHeight = maxHeight;
      imageWidth = (maxHeight * block.width) / block.height;
    }
    const captionWidth = Math.max(Math.min(imageWidth, wide ? CAPTION_MEASURE : width), Math.min(width, 120));
    const caption = block.caption ? setText(block.caption, SMALL, captionWidth, { align: 'ragged' }) : [];
    const content = imageHeight + (caption.length ? CAPTION_GAP + caption.length * SMALL.leading : 0);
    // Whole grid lines, with at least the caption's descent clear of the next line's ascent.
    return { imageWidth, imageHeight, caption, gridLines: Math.ceil((content + 2) / limits.grid) };
  });
  return {
    kind: 'block',
    role: 'caption',
    spaceBefore: 1,
    pullQuote: false,
    float: true,
    ...(wide ? { span: true } : {}),
    sourceLine: block.line,
    height: (width) => shape(width).gridLines,
    draw(x, baseline, width) {
      const { imageWidth, imageHeight, caption } = shape(width);
      // The picture's top is level with the cap height of the text beside it.
      const top = baseline - CELL_ABOVE;
      const left = x + (width - imageWidth) / 2;
      const picture = block.source.kind === 'svg' ? { svg: block.source.svg } : { path: block.source.path };
      const out: PageElement[] = [{ kind: 'image', x: left, y: top, width: imageWidth, height: imageHeight, ...picture, line: block.line }];
      // The caption starts at the picture's left edge (at the column's, under a narrow picture).
      const captionX = Math.min(left, x + width - Math.max(...caption.map((line) => line.width), 0));
      let y = top + imageHeight + CAPTION_GAP + capHeight(SMALL);
      for (const line of caption) {
        out.push(lineElement(line, Math.max(x, captionX), y, 'caption', SMALL));
        y += SMALL.leading;
      }
      return out;
    },
  };
}
