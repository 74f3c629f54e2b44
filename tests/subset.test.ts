/**
 * Font subsets for embedding (src/fonts/subset.ts): a subset read back with fontkit has the
 * glyphs asked for, in the order asked, with the original outlines and metrics; composite glyphs
 * bring their parts along, renumbered; the file's checksums are right.
 */
import { createHash } from 'node:crypto';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, type FontId } from '../src/fonts/families.js';
import { readFaceFacts } from '../src/fonts/face-facts.js';
import { embeddingFont, font, fontBuffer } from '../src/fonts/shaping.js';
import { SubsetSource, TrueTypeSubset } from '../src/fonts/subset.js';

interface OutlineGlyph extends fontkit.Glyph {
  path: { toSVG(): string };
  _getMetrics(): { leftBearing: number };
}

function glyphOf(face: fontkit.Font, id: number): OutlineGlyph {
  return face.getGlyph(id) as OutlineGlyph;
}

/** The sum of a file's big-endian 32-bit words, modulo 2^32. */
function fileChecksum(file: Uint8Array): number {
  let sum = 0;
  for (let at = 0; at < file.length; at += 4) sum = (sum + (((file[at] ?? 0) << 24) | ((file[at + 1] ?? 0) << 16) | ((file[at + 2] ?? 0) << 8) | (file[at + 3] ?? 0))) >>> 0;
  return sum;
}

describe('TrueType subsets', () => {
  it.each(['serif', 'sans-semibold', 'mono', 'fallback'] as FontId[])('keeps the outlines and metrics of the glyphs included (%s)', (id) => {
    const original = font(id);
    const source = SubsetSource.of(fontBuffer(id));
    expect(source).toBeDefined();
    const subset = new TrueTypeSubset(source!);
    // Letters, accented letters (often composites of a base and an accent), figures and punctuation.
    const text = 'Quartz fjord ÅéïôüÇŁŠ… 1,234 “quoted” — ½';
    const wanted = [...new Set([...text].map((ch) => original.glyphForCodePoint(ch.codePointAt(0)!).id))];
    const given = wanted.map((glyph) => subset.includeGlyph(glyph));
    expect(given).toEqual(wanted.map((_, index) => index + 1));
    const before = createHash('sha256').update(fontBuffer(id)).digest('hex');
    const file = subset.encode();
    expect(fileChecksum(file)).toBe(0xb1b0afba);
    // The face's own bytes are shared with fontkit and pdfkit: making a subset must not touch them.
    expect(createHash('sha256').update(fontBuffer(id)).digest('hex')).toBe(before);

    const parsed = fontkit.create(Buffer.from(file));
    wanted.forEach((glyph, index) => {
      const before = glyphOf(original, glyph);
      const after = glyphOf(parsed, given[index]!);
      expect(after.path.toSVG(), `glyph ${glyph}`).toBe(before.path.toSVG());
      expect(after.advanceWidth).toBe(before.advanceWidth);
      expect(after._getMetrics().leftBearing).toBe(before._getMetrics().leftBearing);
    });
    // Parts of composite glyphs come after the glyphs asked for: the font holds more glyphs
    // than were included exactly when some included glyph is a composite.
    const composites = wanted.filter((glyph) => new DataView(source!.glyph(glyph).bytes.buffer, source!.glyph(glyph).bytes.byteOffset).getInt16(0) < 0);
    const count = (parsed as unknown as { numGlyphs: number }).numGlyphs;
    if (composites.length) expect(count).toBeGreaterThan(wanted.length + 1);
    else expect(count).toBe(wanted.length + 1);
  });

  it('is made for every face offprint embeds', () => {
    for (const id of Object.keys(FONT_FILES) as FontId[]) expect(SubsetSource.of(fontBuffer(id)), id).toBeDefined();
  });
});

describe('what pdfkit reads about a face', () => {
  it.each(Object.keys(FONT_FILES) as FontId[])('is what fontkit reads from the whole tables (%s)', (id) => {
    const facts = readFaceFacts(fontBuffer(id));
    const fresh = fontkit.create(fontBuffer(id)) as fontkit.Font & { italicAngle: number; post: { isFixedPitch: number; underlinePosition: number; underlineThickness: number } };
    expect(facts.postscriptName).toBe(fresh.postscriptName);
    expect(facts.post?.italicAngle).toBe(fresh.italicAngle);
    expect(facts.post?.isFixedPitch).toBe(fresh.post.isFixedPitch);
    expect(facts.post?.underlinePosition).toBe(fresh.post.underlinePosition);
    expect(facts.post?.underlineThickness).toBe(fresh.post.underlineThickness);
    // The face pdfkit is given answers the same, and is the shared face in every other way.
    expect(embeddingFont(id).postscriptName).toBe(fresh.postscriptName);
    expect(embeddingFont(id).unitsPerEm).toBe(font(id).unitsPerEm);
  });
});
