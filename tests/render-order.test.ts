/**
 * A PDF must not depend on what the process rendered before it. Fonts are parsed once per
 * process and shared by every PDF, so any state kept in them (fontkit's glyph objects) can leak
 * from one brief into the next. This file runs in its own process, so its first render is a
 * genuinely fresh one.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderBrief } from '../src/index.js';
import { joinedText, readPdf } from './helpers/pdf.js';

const seed = readFileSync(new URL('../content/huawei-5g-albania.md', import.meta.url), 'utf8');
const baltic = readFileSync(new URL('../content/baltic-seabed-cables.md', import.meta.url), 'utf8');

describe('rendering order', () => {
  it('keeps every glyph of a later brief readable after another brief was rendered', async () => {
    // The seed's footer draws "·" in the sans: the subsetter meets the period as a part of that
    // composite glyph, and fontkit used to cache the period with no code points from then on.
    await renderBrief(seed, { filename: 'huawei-5g-albania.md' });
    const { pdf } = await renderBrief(baltic, { filename: 'baltic-seabed-cables.md' });
    for (const cmap of toUnicodeMaps(pdf)) expect(cmap).not.toContain('<>');
    // The endnote set in the sans keeps its final period in the extracted text.
    expect(joinedText(await readPdf(pdf))).toContain('signed in Paris in 1884.');
  });
});

/** The ToUnicode CMaps of a PDF pdfkit wrote (compressed; the XMP packet is not). */
function toUnicodeMaps(pdf: Uint8Array): string[] {
  const raw = Buffer.from(pdf);
  const maps: string[] = [];
  let at = 0;
  for (;;) {
    const start = raw.indexOf('stream\n', at);
    if (start < 0) break;
    const end = raw.indexOf('\nendstream', start);
    const dictionary = raw.subarray(raw.lastIndexOf('obj', start), start).toString('latin1');
    if (dictionary.includes('/FlateDecode')) {
      const body = inflateSync(raw.subarray(start + 7, end)).toString('latin1');
      if (body.includes('begincmap')) maps.push(body);
    }
    at = end + 10;
  }
  expect(maps.length).toBeGreaterThan(0);
  return maps;
}
