/**
 * Draws a cleaned SVG drawing (model/svg.ts) as PDF vectors with svg-to-pdfkit, so charts and
 * maps print sharp at any size. The drawing library is given nothing that could reach outside:
 * images only from the `data:` addresses the cleaning kept (decoded here, never a path), fonts
 * only from offprint's own, no other documents; it is clipped to its box, and the content it
 * may write is bounded.
 */
import SVGtoPDF from 'svg-to-pdfkit';
import type { FontId } from '../fonts/index.js';
import type { ImageElement } from '../layout/index.js';

/** The faces an SVG's text may be set in (registered whenever a brief has an SVG). */
export const SVG_FONTS: FontId[] = ['sans', 'sans-italic', 'sans-semibold', 'serif', 'serif-italic', 'serif-bold', 'mono'];

/** Most content an SVG may write (bytes of page content before compression). */
const MAX_CONTENT = 40_000_000;

export function drawSvg(doc: PDFKit.PDFDocument, element: ImageElement & { svg: string }): void {
  const internals = doc as unknown as { addContent(data: string): unknown };
  const addContent = internals.addContent;
  let written = 0;
  // The cleaning bounded the drawing's size; this is the second lock on the same door.
  internals.addContent = function (this: unknown, data: string) {
    written += data.length;
    if (written > MAX_CONTENT) throw new Error(`the SVG image on line ${element.line ?? '?'} is too complex to draw; simplify it`);
    return addContent.call(this, data);
  };
  try {
    doc.save();
    doc.rect(element.x, element.y, element.width, element.height).clip();
    SVGtoPDF(doc, element.svg, element.x, element.y, {
      width: element.width,
      height: element.height,
      preserveAspectRatio: 'xMidYMid meet',
      precision: 3,
      warningCallback: () => {},
      fontCallback: svgFont,
      imageCallback: embeddedImage,
      documentCallback: () => [],
    });
    doc.restore();
  } finally {
    delete (internals as { addContent?: unknown }).addContent;
    if (internals.addContent !== addContent) internals.addContent = addContent;
  }
}

/** An SVG's font family to one of offprint's faces: serif, monospace, else sans. */
function svgFont(family: string, bold: boolean, italic: boolean): FontId {
  const name = family.toLowerCase();
  if (/mono|courier|code|consol/.test(name)) return 'mono';
  if (/(^|[\s,'"])serif|times|georgia|garamond|roman/.test(name) && !/sans/.test(name)) return bold ? 'serif-bold' : italic ? 'serif-italic' : 'serif';
  return bold ? 'sans-semibold' : italic ? 'sans-italic' : 'sans';
}

/**
 * Only images embedded in the drawing, as bytes: pdfkit would read a string as a file path.
 * Anything else gets an empty buffer, which pdfkit refuses without reading anything.
 */
function embeddedImage(link: string): Buffer {
  const match = /^data:image\/(?:png|jpe?g);base64,([A-Za-z0-9+/=\s]+)$/.exec(link.trim());
  return match ? Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64') : Buffer.alloc(0);
}
