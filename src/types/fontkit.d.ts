// The part of fontkit's API that offprint uses (fontkit ships no types of its own).
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
  }
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
    advanceWidth: number;
  }
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    capHeight: number;
    xHeight: number;
    postscriptName: string;
    layout(text: string, features?: string[] | Record<string, boolean>, script?: string, language?: string, direction?: 'ltr' | 'rtl'): GlyphRun;
    /** OpenType feature tags the face supports. */
    availableFeatures: string[];
    hasGlyphForCodePoint(codePoint: number): boolean;
    /** The glyph the cmap maps a character to (.notdef, id 0, when there is none). */
    glyphForCodePoint(codePoint: number): Glyph;
    /** The glyph object for an id; fontkit caches one per id (see fonts/shaping.ts). */
    getGlyph(id: number, codePoints?: number[]): Glyph;
    /** What pdfkit embeds: an object with includeGlyph(id) → subset id, encode() → font file, cff. */
    createSubset(): unknown;
  }
  export function create(buffer: Buffer | Uint8Array): Font;
}
