import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderBrief } from '../src/index.js';
import { bodyText } from '../src/model/index.js';
import { layoutSource } from '../src/index.js';
import { words } from './helpers/layout-checks.js';
import { inflatedStreams, joinedText, readPdf, toUnicodeMaps } from './helpers/pdf.js';
import { TrueTypeSubset } from '../src/fonts/subset.js';

const seedMarkdown = readFileSync(new URL('../content/huawei-5g-albania.md', import.meta.url), 'utf8');
const seedWire = readFileSync(new URL('./fixtures/huawei-5g-albania.txt', import.meta.url), 'utf8');
const second = readFileSync(new URL('../content/baltic-seabed-cables.md', import.meta.url), 'utf8');

describe.each([
  ['huawei-5g-albania.md', seedMarkdown],
  ['huawei-5g-albania.txt', seedWire],
  ['baltic-seabed-cables.md', second],
])('the PDF of %s', (filename, source) => {
  it('contains every word of the body, with real spaces between words', async () => {
    const { pdf } = await renderBrief(source, { filename });
    const text = joinedText(await readPdf(pdf));
    // A link's number is a superscript set right after its word: pdf.js reads the two as one.
    const have = new Set(words(text).flatMap((w) => [w, w.replace(/(\p{L})\d+$/u, '$1')]));
    const { brief } = layoutSource(source, { filename });
    const missing = [...new Set(words(bodyText(brief.body)))].filter((w) => !have.has(w));
    expect(missing).toEqual([]);
    // Spaces are drawn as characters: extraction does not glue words together.
    expect(text).toMatch(/\bthe [a-z]/);
    // Every glyph maps to text, even in a brief rendered after others in the same process (the
    // fonts are shared: fontkit once cached the period inside the seed's "·" with no code points).
    const maps = toUnicodeMaps(pdf);
    expect(maps.length).toBeGreaterThan(0);
    for (const cmap of maps) expect(cmap).not.toContain('<>');
  });

  it('has the headline as the largest text on page 1', async () => {
    const { pdf } = await renderBrief(source, { filename });
    const page1 = (await readPdf(pdf)).pages[0]!;
    const { brief } = layoutSource(source, { filename });
    const largest = Math.max(...page1.items.map((item) => item.size));
    const headlineText = page1.items.filter((item) => Math.abs(item.size - largest) < 0.01).map((item) => item.text).join(' ');
    expect(headlineText.replace(/\s+/g, ' ')).toContain(brief.meta.title.split(' ').slice(0, 3).join(' '));
  });

  it('embeds its fonts (subsets, no standard 14 fonts)', async () => {
    const { pdf } = await renderBrief(source, { filename });
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier|Symbol|ZapfDingbats)/);
    const names = [...raw.matchAll(/\/BaseFont \/([A-Z]{6})\+([\w-]+)/g)].map((m) => m[2]);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^Source(Serif4|Sans3|CodePro)/);
  });

  it('draws letter-spaced and tracked lines as wide as layout set them', async () => {
    // Tracking and a justified line's letter-spacing are written once per piece (Tc), kerning
    // and space widths as TJ numbers: each line read back must end where layout measured it.
    const { pdf, layout } = await renderBrief(source, { filename });
    const read = await readPdf(pdf);
    const misses: number[] = [];
    layout.pages.forEach((page, index) => {
      const items = read.pages[index]!.items.filter((item) => item.text.trim());
      for (const element of page.elements) {
        if (element.kind !== 'text') continue;
        const last = element.pieces[element.pieces.length - 1];
        if (!last?.text.trim() || !element.pieces.some((piece) => piece.letterSpacing || piece.style.tracking)) continue;
        const baseline = read.pages[index]!.height - element.y;
        const on = items.filter((item) => Math.abs(item.y - baseline) < 0.5 && item.x >= element.x - 1 && item.x <= element.x + element.measure);
        if (!on.length) continue;
        misses.push(Math.abs(Math.max(...on.map((item) => item.x + item.width)) - (element.x + last.x + last.width)));
      }
    });
    misses.sort((a, b) => a - b);
    expect(misses.length).toBeGreaterThan(40);
    // Where pdf.js ends a line and where layout measured it differ by a fraction of a point on
    // some lines; spacing drawn twice, or not at all, moves a line's end by points.
    expect(misses[Math.floor(misses.length * 0.9)]!).toBeLessThan(0.5);
  });

  it('rebuilds byte for byte', async () => {
    const first = await renderBrief(source, { filename });
    const again = await renderBrief(source, { filename });
    expect(Buffer.from(again.pdf).equals(Buffer.from(first.pdf))).toBe(true);
  });
});

describe('small capitals read back as written', () => {
  it('gives the headings set in small caps and the acronyms in small caps their own letters', async () => {
    // One small-cap glyph serves "R" in an acronym (c2sc) and "r" in a heading (smcp): each
    // meaning has its own id in the font, so the ToUnicode map gives both, to every extractor.
    const source = `${second}\n\nThe NATO ROUTER REPORT and the ARPANET.\n`;
    const pdf = await readPdf((await renderBrief(source, { filename: 'baltic.md' })).pdf);
    const items = pdf.pages.flatMap((page) => page.items.map((item) => item.text));
    const headings = [...second.matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
    expect(headings.length).toBeGreaterThan(3);
    for (const heading of headings) expect(items, heading).toContain(heading);
    expect(joinedText(pdf)).toContain('The NATO ROUTER REPORT and the ARPANET.');
  });

  it('says what a piece reads in an ActualText span when the subset cannot give a glyph a second id', async () => {
    const alias = Object.getOwnPropertyDescriptor(TrueTypeSubset.prototype, 'includeGlyphAs')!;
    delete (TrueTypeSubset.prototype as { includeGlyphAs?: unknown }).includeGlyphAs;
    try {
      const { pdf } = await renderBrief(second, { filename: 'baltic.md' });
      const spans = inflatedStreams(pdf).join('\n').match(/\/ActualText <FEFF([0-9A-F]*)>/g) ?? [];
      const said = spans.map((span) => Buffer.from(span.slice(17, -1), 'hex').swap16().toString('utf16le'));
      expect(said).toContain('Repair capacity');
    } finally {
      Object.defineProperty(TrueTypeSubset.prototype, 'includeGlyphAs', alias);
    }
  });
});

describe('paper and pages', () => {
  it('fits the seed on at most two A4 pages, or Letter when asked', async () => {
    const a4 = await readPdf((await renderBrief(seedMarkdown, { filename: 'seed.md' })).pdf);
    expect(a4.pages.length).toBeLessThanOrEqual(2);
    expect([Math.round(a4.pages[0]!.width), Math.round(a4.pages[0]!.height)]).toEqual([595, 842]);
    const letter = await readPdf((await renderBrief(seedMarkdown, { filename: 'seed.md', paper: 'letter' })).pdf);
    expect([letter.pages[0]!.width, letter.pages[0]!.height]).toEqual([612, 792]);
  });

  it('reports the page count it wrote', async () => {
    const result = await renderBrief(second, { filename: 'second.md' });
    expect((await readPdf(result.pdf)).pages.length).toBe(result.pages);
  });

  it('keeps the XMP metadata well-formed when the title has & and <', async () => {
    const { pdf } = await renderBrief('---\ntitle: "Cables & pipes <a primer>"\nbyline: "A & B"\n---\nText.', { filename: 'amp.md' });
    const raw = Buffer.from(pdf).toString('latin1');
    const xmp = raw.slice(raw.indexOf('<x:xmpmeta'), raw.indexOf('</x:xmpmeta>'));
    expect(xmp).toContain('Cables &amp; pipes &lt;a primer&gt;');
    expect(xmp).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;|#)/);
    const text = (await readPdf(pdf)).pages[0]!.items.map((item) => item.text).join(' ');
    expect(text).toContain('Cables & pipes');
  });

  it('takes the creation date from the brief, not the clock', async () => {
    const { pdf } = await renderBrief(seedMarkdown.replace('lang: en', 'lang: en\ndate: 2019-02-01'), { filename: 'seed.md' });
    const raw = Buffer.from(pdf).toString('latin1');
    const ref = /\/CreationDate (\d+) 0 R/.exec(raw)?.[1];
    expect(ref).toBeDefined();
    expect(raw).toContain(`\n${ref} 0 obj\n(D:20190201000000Z)`);
  });
});
