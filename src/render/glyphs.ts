/**
 * Draws a set piece of text as the exact glyphs the typeset stage measured.
 *
 * pdfkit's own `text()` would shape the text a second time and, when justifying, drops the
 * space characters (text extraction then reads "wordswithoutspaces"). Here each word is
 * written from the shaping cache and each space is a real space glyph followed by a TJ
 * adjustment that gives it the width layout chose.
 */
import type PDFDocument from 'pdfkit';
import { shape, type ShapedGlyph } from '../fonts/index.js';
import { mirrorOf, shapeRun, type LinePiece } from '../typeset/index.js';

/** The parts of pdfkit's EmbeddedFont that writing glyphs needs (pinned pdfkit 0.20). */
interface EmbeddedFont {
  id: string;
  subset: { includeGlyph(glyph: number): number; includeGlyphAs?(glyph: number, meaning: string): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

interface DocumentInternals {
  _font: EmbeddedFont;
  page: { fonts: Record<string, unknown>; height: number };
  addContent(content: string | Uint8Array): unknown;
}

/**
 * `actualText`, when given, is what the glyphs mean (a hyphenated word's first part and a soft
 * hyphen): the span goes inside the text object, after the position is set, so extractors place
 * that text where the glyphs are.
 *
 * A right-to-left piece is drawn in visual order (its words from the last to the first, each
 * word's glyphs as shaping put them), as every PDF writer does: pdf.js and poppler read
 * right-to-left glyphs back into logical order themselves. (An ActualText span with the logical
 * text made poppler reverse it once more.) Two things they cannot undo are helped: a ligature
 * (lam-alef) maps to its letters in visual order, so reading it backwards gives them as written,
 * and a mirrored bracket gets a one-glyph span saying which bracket it stands for.
 */
export function drawPiece(doc: PDFKit.PDFDocument, piece: LinePiece, x: number, baseline: number, actualText?: string): void {
  if (!piece.text.trim()) return;
  const { style } = piece;
  const rtl = style.level !== undefined && style.level % 2 === 1;
  doc.font(style.font).fontSize(style.size).fillColor(style.color);
  const internals = doc as unknown as DocumentInternals;
  const font = internals._font;
  if (internals.page.fonts[font.id] == null) internals.page.fonts[font.id] = font.ref();

  // Under horizontal scaling (Tz) every advance, TJ adjustments included, is scaled too.
  const scale = 1000 / (style.size * piece.scale);
  // Tracking and the line's letter-spacing, in thousandths of the em, added to every glyph: the
  // character spacing operator (Tc) says it once, so TJ numbers are left for kerning and for
  // the spaces' widths (Tc widens a space glyph too, which its number takes back).
  const extra = (style.tracking ?? 0) + piece.letterSpacing * scale;
  const spacing = Math.abs(extra) > 1e-9 ? (extra * style.size) / 1000 : 0;
  let parts: string[] = [];
  /** Earlier TJ operations of the piece, when a mirrored bracket split it (each maybe in a span). */
  const shows: Array<{ parts: string[]; actualText?: string }> = [];
  let hex = '';
  const flush = (adjust: number) => {
    if (hex) parts.push(`<${hex}>`);
    hex = '';
    if (Math.abs(adjust) > 0.0005) parts.push(fixed(adjust));
  };
  /** A glyph here stands for other characters than the font's map says (set where it was first drawn). */
  let misread = false;
  const addGlyph = (glyph: ShapedGlyph, advance: number) => {
    let id = font.subset.includeGlyph(glyph.id);
    const known = font.unicode[id];
    if (known === undefined) font.unicode[id] = rtl && glyph.codePoints.length > 1 ? [...glyph.codePoints].reverse() : glyph.codePoints;
    else if (!rtl && known !== glyph.codePoints && !sameCodes(known, glyph.codePoints)) {
      // The glyph was first drawn for other characters (a small cap for a capital, now for a
      // small letter): under an id of its own, the font's map names these too.
      if (font.subset.includeGlyphAs) {
        id = font.subset.includeGlyphAs(glyph.id, glyph.codePoints.join(' '));
        font.unicode[id] ??= glyph.codePoints;
      } else misread = true;
    }
    font.widths[id] ??= glyph.advanceWidth;
    const mirror = rtl && glyph.codePoints.length === 1 ? mirrorOf(String.fromCodePoint(glyph.codePoints[0]!)) : undefined;
    if (mirror) {
      flush(0);
      if (parts.length) shows.push({ parts });
      parts = [];
    }
    hex += `0000${id.toString(16)}`.slice(-4);
    // TJ numbers move the next glyph left by thousandths of the font size; `advance` is the
    // glyph's own, without the character spacing.
    const adjust = glyph.advanceWidth - advance;
    if (Math.abs(adjust) > 0.0005 || mirror) flush(adjust);
    if (mirror) {
      shows.push({ parts, actualText: mirror });
      parts = [];
    }
  };

  const space = shape(style.font, ' ').glyphs[0];
  const chunks = piece.text.split(' ');
  if (rtl) chunks.reverse();
  chunks.forEach((chunk, index) => {
    if (index > 0 && space) addGlyph(space, piece.spaceWidth * scale - extra);
    if (!chunk) return;
    for (const glyph of shapeRun(style, chunk).glyphs) addGlyph(glyph, glyph.xAdvance);
  });
  flush(0);
  if (parts.length) shows.push({ parts });

  // pdfkit's page space has its origin at the top left; text space wants it at the bottom left.
  const y = internals.page.height - baseline + (style.rise ?? 0);
  // The text object goes to pdfkit in one piece, as bytes: it would turn every string it is
  // given into bytes with a loop of its own (adding a newline) and join them all at the end,
  // and a report has tens of thousands of these. The operators are ASCII, so Latin-1 bytes of
  // the lines, each ended by a newline, are the bytes one call per operator wrote.
  const ops = ['BT', `1 0 0 1 ${fixed(x)} ${fixed(y)} Tm`, `/${font.id} ${fixed(style.size)} Tf`];
  if (piece.scale !== 1) ops.push(`${fixed(piece.scale * 100)} Tz`);
  // Five decimals: the spacing is added once per glyph, and a line's last letter lands where
  // layout measured it to within a thousandth of a point.
  if (spacing !== 0) ops.push(`${fixed(spacing, 5)} Tc`);
  // A subset that cannot give a glyph a second id (not ours): the piece says what it reads, or
  // extractors would give "RepaiR capacity".
  const spanText = actualText ?? (misread ? piece.text : undefined);
  if (spanText !== undefined) ops.push(`/Span <</ActualText <${utf16Hex(spanText)}>>> BDC`);
  for (const show of shows) {
    if (show.actualText !== undefined) ops.push(`/Span <</ActualText <${utf16Hex(show.actualText)}>>> BDC`);
    ops.push(`[${show.parts.join(' ')}] TJ`);
    if (show.actualText !== undefined) ops.push('EMC');
  }
  if (spanText !== undefined) ops.push('EMC');
  ops.push('ET');
  doc.save();
  doc.transform(1, 0, 0, -1, 0, internals.page.height);
  ops.push('');
  internals.addContent(Buffer.from(ops.join('\n'), 'latin1'));
  doc.restore();
}

/** How far `text` (a part of `piece.text`, split at a space) advances when drawn as `drawPiece` draws it. */
export function advanceOf(piece: LinePiece, text: string): number {
  const { style } = piece;
  let width = 0;
  text.split(' ').forEach((chunk, index) => {
    if (index > 0) width += piece.spaceWidth;
    if (!chunk) return;
    for (const glyph of shapeRun(style, chunk).glyphs) width += (((glyph.xAdvance + (style.tracking ?? 0)) * style.size) / 1000) * piece.scale + piece.letterSpacing;
  });
  return width;
}

/** A PDF text string as UTF-16BE hex with its byte-order mark. */
function utf16Hex(text: string): string {
  return Buffer.from(`\ufeff${text}`, 'utf16le').swap16().toString('hex').toUpperCase();
}

/** A number for the content stream: three decimals (or `decimals`) at most, no trailing zeros. */
function fixed(value: number, decimals = 3): string {
  // Most are whole (TJ adjustments in a 1000-unit font): the same text without toFixed's work.
  if (Number.isInteger(value) && !Object.is(value, -0)) return String(value);
  const text = value.toFixed(decimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') || '0' : text;
}

function sameCodes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((code, i) => code === b[i]);
}
