/**
 * The fast shaper (src/fonts/fast-shaping.ts) must give fontkit's answer or none: word by word
 * against fontkit for every face and the feature sets our styles use, and a whole brief
 * byte-identical with and without it. It must also actually be used, or it saves nothing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { FONT_FILES, type FontId } from '../src/fonts/families.js';
import { fastShape } from '../src/fonts/fast-shaping.js';
import { font, fontBuffer, shape, useFastShaping } from '../src/fonts/shaping.js';
import { renderBrief } from '../src/index.js';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');

/** Feature lists as the styles pass them (layout/styles.ts; items.ts appends c2sc for acronyms). */
const FEATURE_SETS: Array<string[] | undefined> = [undefined, ['onum', 'pnum'], ['onum', 'pnum', 'c2sc'], ['c2sc', 'smcp'], ['c2sc', 'smcp', 'c2sc'], ['c2sc'], ['tnum', 'lnum']];

/** Words from the content briefs and the CommonMark spec, bare and with their punctuation. */
function corpus(): string[] {
  const texts = readdirSync(join(root, 'content'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => readFileSync(join(root, 'content', name), 'utf8'));
  const spec = require('commonmark-spec') as { tests: Array<{ markdown: string }> };
  texts.push(...spec.tests.map((example) => example.markdown));
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of text.split(/\s+/)) {
      if (!word) continue;
      words.add(word);
      words.add(word.replace(/[^\p{L}\p{N}]/gu, ''));
    }
  }
  // Pairs of letters that kern and punctuation, for kerning and ligature coverage.
  const chars = [...'AFLPTVWYfjklotvwy.,:;!?\'"()’“”–«»147'];
  for (const a of chars) for (const b of chars) words.add(a + b);
  for (const word of ['office', 'affluent', 'fjord', 'ffl', 'ffi', 'Th', 'VAT', 'T.', 'f)', 'l’été', 'Ærø', 'Łódź', 'Škoda', '2026', '1,000', '€40m']) words.add(word);
  // Every other word keeps the test quick; the words left still cover every kind of glyph.
  return [...words].filter((_, index) => index % 2 === 0);
}

describe('fast shaping', () => {
  afterAll(() => useFastShaping(true));

  it('gives fontkit’s glyphs and positions for every word it shapes, and shapes nearly all of them', () => {
    const words = corpus();
    useFastShaping(false);
    let tried = 0;
    let shaped = 0;
    const differences: string[] = [];
    for (const id of Object.keys(FONT_FILES) as FontId[]) {
      const face = font(id);
      const buffer = fontBuffer(id);
      for (const features of FEATURE_SETS) {
        const key = features ? features.join(',') : '';
        for (const word of words) {
          tried++;
          const fast = fastShape(face, buffer, word, features, key);
          if (!fast) continue;
          shaped++;
          const reference = shape(id, word, features);
          if (JSON.stringify(fast) !== JSON.stringify(reference) && differences.length < 5) differences.push(`${id} [${key}] ${JSON.stringify(word)}`);
        }
      }
    }
    expect(differences).toEqual([]);
    expect(tried).toBeGreaterThan(50_000);
    expect(shaped / tried).toBeGreaterThan(0.95);
  });

  it('leaves to fontkit what it does not do: marks, other scripts, invisible characters, fraction slashes, missing glyphs', () => {
    const face = font('serif');
    const buffer = fontBuffer('serif');
    for (const word of ['e\u0301te\u0301', 'سلام', 'Ελλάδα', 'co\u00ADoperate', 'zero\u200Bwidth', '1\u20442', '中文', '😀', 'x\uFE0F']) {
      expect(fastShape(face, buffer, word, undefined, ''), JSON.stringify(word)).toBeUndefined();
    }
    expect(fastShape(face, buffer, 'plain', undefined, '')).toBeDefined();
  });

  it('applies the lookups of directional features together with the others, in lookup order, as fontkit plans them in one stage', () => {
    // Our faces have no ltra/ltrm feature: a copy of the serif with its 'liga' feature renamed
    // 'ltra' has one. fontkit then applies smcp's lookup before the ligatures' (lower index
    // first); applying the directional features first made 'fi' a ligature instead of small caps.
    const bytes = new Uint8Array(fontBuffer('serif'));
    const view = new DataView(bytes.buffer);
    const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
    let gsub = 0;
    for (let i = 0; i < view.getUint16(4); i++) if (tag(12 + i * 16) === 'GSUB') gsub = view.getUint32(12 + i * 16 + 8);
    const features = gsub + view.getUint16(gsub + 6);
    let renamed = 0;
    for (let i = 0; i < view.getUint16(features); i++) {
      const record = features + 2 + i * 6;
      if (tag(record) !== 'liga') continue;
      bytes.set([...'ltra'].map((c) => c.charCodeAt(0)), record);
      renamed++;
    }
    expect(renamed).toBeGreaterThan(0);
    const face = fontkit.create(Buffer.from(bytes)) as fontkit.Font;
    let compared = 0;
    for (const userFeatures of [undefined, ['c2sc', 'smcp'], ['onum', 'pnum']]) {
      for (const word of ['office', 'fjord', 'affluent', 'fi', 'ffl', 'fifty']) {
        const fast = fastShape(face, bytes, word, userFeatures, userFeatures?.join(',') ?? '');
        if (!fast) continue;
        compared++;
        const reference = face.layout(word, userFeatures ? [...userFeatures] : undefined);
        expect(fast.glyphs.map((glyph) => glyph.id), `${word} [${userFeatures ?? ''}]`).toEqual(reference.glyphs.map((glyph) => glyph.id));
      }
    }
    expect(compared).toBeGreaterThan(12);
  });

  it('makes the same PDF as fontkit alone', async () => {
    const source = readFileSync(join(root, 'content', 'baltic-seabed-cables.md'), 'utf8');
    const options = { filename: 'baltic-seabed-cables.md', contentDir: join(root, 'content') };
    useFastShaping(false);
    const slow = await renderBrief(source, options);
    useFastShaping(true);
    const fast = await renderBrief(source, options);
    expect(Buffer.compare(fast.pdf, slow.pdf)).toBe(0);
  });
});
