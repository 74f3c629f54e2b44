/**
 * Shaping: text to positioned glyphs, once per distinct (face, text, features) in the process.
 *
 * The typeset stage measures with these runs and the render stage draws the very same glyphs,
 * so a measured line and a drawn line cannot disagree. Shaping is the expensive part of making
 * a PDF (fontkit's GSUB/GPOS), so the cache is shared across paragraphs and across briefs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { embeddingFace, readFaceFacts } from './face-facts.js';
import { fastShape } from './fast-shaping.js';
import { FONT_FILES, fontsDirectory, type FontId } from './families.js';
import { SubsetSource, TrueTypeSubset } from './subset.js';

/** One glyph, in thousandths of an em (the unit PDF text space uses). */
export interface ShapedGlyph {
  id: number;
  codePoints: number[];
  /** The glyph's own advance (what the PDF's /W array says). */
  advanceWidth: number;
  /** The advance after kerning: where the next glyph starts. */
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface ShapedText {
  glyphs: ShapedGlyph[];
  /** Total advance in thousandths of an em. */
  advance: number;
  /** Characters the face has no glyph for (drawn as .notdef if used). */
  missing: string[];
}

export interface FaceInfo {
  /** Thousandths of an em above and below the baseline, and the heights of capitals and x. */
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly xHeight: number;
}

const fonts = new Map<FontId, fontkit.Font>();
const buffers = new Map<FontId, Buffer>();
/**
 * Shaped words by face, then by features and direction, then by text: nested so that a lookup
 * (hundreds of thousands per long report) only hashes strings V8 has hashed before (the face's
 * name, a style's features key, the word) instead of building a joined key each time.
 */
const shapeCaches = new Map<FontId, Map<string, Map<string, ShapedText>>>();
/** A features list's part of the key, worked out once per list (styles share their lists). */
const featureKeys = new WeakMap<readonly string[], string>();

/** Distinct shapings (cache misses) by who shaped them, for `npm run bench`. */
export const shapingCounts = { fast: 0, fontkit: 0 };

/** Whether shape() tries the fast shaper first (tests turn it off to compare whole PDFs). */
let fastShaping = true;

/** For tests: shape with fontkit alone (or again with the fast shaper), from an empty cache. */
export function useFastShaping(enabled: boolean): void {
  fastShaping = enabled;
  shapeCaches.clear();
}

function featureKeyOf(features: readonly string[] | undefined): string {
  if (!features || !features.length) return '';
  let known = featureKeys.get(features);
  if (known === undefined) {
    known = features.join(',');
    featureKeys.set(features, known);
  }
  return known;
}

function cacheFor(id: FontId, featureKey: string, direction: 'ltr' | 'rtl' | undefined): Map<string, ShapedText> {
  let byFace = shapeCaches.get(id);
  if (!byFace) {
    byFace = new Map();
    shapeCaches.set(id, byFace);
  }
  const setting = direction ? `${featureKey}\u0000${direction}` : featureKey;
  let cache = byFace.get(setting);
  if (!cache) {
    cache = new Map();
    byFace.set(setting, cache);
  }
  return cache;
}

export function fontBuffer(id: FontId): Buffer {
  let buffer = buffers.get(id);
  if (!buffer) {
    buffer = readFileSync(join(fontsDirectory(), FONT_FILES[id]));
    buffers.set(id, buffer);
  }
  return buffer;
}

/**
 * The parsed face, shared with the render stage so pdfkit embeds from the same object
 * instead of parsing every font again for every PDF.
 */
export function font(id: FontId): fontkit.Font {
  let face = fonts.get(id);
  if (!face) {
    face = answerWithRequestedCodePoints(fontkit.create(fontBuffer(id)));
    // pdfkit embeds what createSubset() makes: our subsetter copies glyph bytes instead of decoding them.
    const source = SubsetSource.of(fontBuffer(id));
    if (source) face.createSubset = () => new TrueTypeSubset(source);
    fonts.set(id, face);
  }
  return face;
}

const embeddingFaces = new Map<FontId, fontkit.Font>();

/** The face as pdfkit embeds it: the shared face, with its name and 'post' facts read from the bytes. */
export function embeddingFont(id: FontId): fontkit.Font {
  let face = embeddingFaces.get(id);
  if (!face) {
    face = embeddingFace(font(id), readFaceFacts(fontBuffer(id)));
    embeddingFaces.set(id, face);
  }
  return face;
}

/**
 * fontkit keeps one glyph object per glyph id, and its code points are those of the first
 * request. Glyphs the subsetter reaches as parts of a composite (the period inside "·", ":" or
 * "…") are created with none, and a glyph shared by two characters (space and no-break space)
 * keeps whichever came first. The face lives for the whole process, so a PDF's ToUnicode map
 * (written from these code points) depended on what had been rendered before it: after the
 * seed brief, the baltic brief's periods extracted as nothing (pdf.js guessed "G"). Layout asks
 * for each glyph with the code points it stands for; answer with exactly those.
 */
function answerWithRequestedCodePoints(face: fontkit.Font): fontkit.Font {
  const cachedGlyph = face.getGlyph.bind(face);
  face.getGlyph = (glyphId: number, codePoints: number[] = []) => {
    const glyph = cachedGlyph(glyphId, codePoints);
    if (codePoints.length === 0 || sameNumbers(glyph.codePoints, codePoints)) return glyph;
    // A view of the cached glyph (outline and metrics are shared) with its own code points.
    return Object.create(glyph, { codePoints: { value: codePoints } }) as fontkit.Glyph;
  };
  return face;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Metrics and feature lists by face: fontkit's getters re-read the tables on every call. */
const faceInfos = new Map<FontId, FaceInfo>();
const featureLists = new Map<FontId, ReadonlySet<string>>();

export function faceInfo(id: FontId): FaceInfo {
  let info = faceInfos.get(id);
  if (!info) {
    const face = font(id);
    const scale = 1000 / face.unitsPerEm;
    info = {
      ascent: face.ascent * scale,
      descent: face.descent * scale,
      capHeight: face.capHeight * scale,
      xHeight: face.xHeight * scale,
    };
    faceInfos.set(id, info);
  }
  return info;
}

/** Whether the face has an OpenType feature (small caps, text figures), so it is only asked for when real. */
export function hasFeature(id: FontId, tag: string): boolean {
  let features = featureLists.get(id);
  if (!features) {
    features = new Set(font(id).availableFeatures);
    featureLists.set(id, features);
  }
  return features.has(tag);
}

export function hasGlyph(id: FontId, codePoint: number): boolean {
  return font(id).hasGlyphForCodePoint(codePoint);
}

/**
 * Shapes `text` (normally one word: spaces are set by the line, not by shaping) with the
 * face's default features (kerning, ligatures) plus any extra ones such as small caps.
 *
 * `direction` is given for a run of a bidirectional paragraph, whose level says it (the script
 * alone would set Arabic-Indic digits right to left); without it fontkit takes the direction of
 * the text's script. A right-to-left run is shaped as such (Arabic joining forms, lam-alef) and
 * comes back in visual order, leftmost glyph first (its brackets are mirrored by the caller).
 */
export function shape(id: FontId, text: string, features?: readonly string[], direction?: 'ltr' | 'rtl'): ShapedText {
  const featureKey = featureKeyOf(features);
  const cache = cacheFor(id, featureKey, direction);
  const cached = cache.get(text);
  if (cached) return cached;
  const face = font(id);
  if (fastShaping && direction !== 'rtl') {
    const fast = fastShape(face, fontBuffer(id), text, features, featureKey);
    if (fast) {
      shapingCounts.fast++;
      cache.set(text, fast);
      return fast;
    }
  }
  shapingCounts.fontkit++;
  const scale = 1000 / face.unitsPerEm;
  const userFeatures = features && features.length ? [...features] : undefined;
  const run = direction ? face.layout(text, userFeatures ?? [], undefined, undefined, direction) : face.layout(text, userFeatures);
  const glyphs: ShapedGlyph[] = [];
  const missing: string[] = [];
  let advance = 0;
  for (let i = 0; i < run.glyphs.length; i++) {
    const glyph = run.glyphs[i]!;
    const position = run.positions[i]!;
    const shaped: ShapedGlyph = {
      id: glyph.id,
      codePoints: glyph.codePoints,
      advanceWidth: glyph.advanceWidth * scale,
      xAdvance: position.xAdvance * scale,
      xOffset: position.xOffset * scale,
      yOffset: position.yOffset * scale,
    };
    glyphs.push(shaped);
    advance += shaped.xAdvance;
  }
  // fontkit reuses one glyph object for .notdef, so its code points cannot tell which
  // characters are missing: ask the face about each character instead.
  if (glyphs.some((glyph) => glyph.id === 0)) {
    for (const ch of text) if (!face.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.push(ch);
  }
  const shaped: ShapedText = { glyphs, advance, missing };
  cache.set(text, shaped);
  return shaped;
}

/** Width of `text` set at `size` points. */
export function textWidth(id: FontId, text: string, size: number, features?: readonly string[]): number {
  return (shape(id, text, features).advance * size) / 1000;
}

/** Drops every word shaped so far (the fonts stay loaded): see src/snapshot.ts. */
export function forgetShapes(): void {
  shapeCaches.clear();
}
