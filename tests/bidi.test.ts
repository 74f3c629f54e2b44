/**
 * Right-to-left text: embedding levels (UAX #9), runs placed in visual order, Arabic shaped with
 * its joining forms, right-to-left paragraphs flush right, numbers left to right, no hyphens in
 * right-to-left words, and the words read back from the PDF by pdf.js.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { layoutSource, renderBrief } from '../src/index.js';
import type { Inline } from '../src/model/index.js';
import { paragraphItems, setLines, shapeRun, type LinePiece, type ParagraphStyle, type SetLine } from '../src/typeset/index.js';
import { visualOrder } from '../src/typeset/bidi.js';
import { bodyText } from '../src/model/index.js';
import { offGrid, outsideFrame, overlappingText, placedWords, textElements, words } from './helpers/layout-checks.js';
import { inflatedStreams, joinedText, readPdf } from './helpers/pdf.js';

const PARAGRAPH: ParagraphStyle = { font: 'serif', size: 9.5, color: '#000', linkColor: '#00f', hyphenation: 'en-us', align: 'justify', firstIndent: 0, narrowest: 150 };

function set(inlines: Inline[] | string, measure: number, options: Partial<ParagraphStyle> = {}): SetLine[] {
  const runs = typeof inlines === 'string' ? [{ text: inlines, style: {} }] : inlines;
  const items = paragraphItems(runs, { ...PARAGRAPH, narrowest: measure, ...options });
  return setLines(items, 0, () => measure, options.align ?? 'justify');
}

const pieceWith = (line: SetLine, text: string): LinePiece => {
  const piece = line.pieces.find((p) => p.text.includes(text));
  if (!piece) throw new Error(`no piece with "${text}" in ${JSON.stringify(line.pieces.map((p) => p.text))}`);
  return piece;
};

/** Code points of the glyphs a piece's word is drawn with, left to right. */
const drawnCodePoints = (piece: LinePiece, word: string): string => shapeRun(piece.style, word).glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join('');

describe('rule L2: runs in visual order', () => {
  it('reverses the runs at odd levels and keeps the ones around them', () => {
    expect(visualOrder([0, 1, 1, 0])).toEqual([0, 2, 1, 3]);
    // A number inside right-to-left text inside a left-to-right paragraph: 1 2 1 → 2 1 0.
    expect(visualOrder([0, 1, 2, 1, 0])).toEqual([0, 3, 2, 1, 4]);
    expect(visualOrder([1, 2, 2, 1])).toEqual([3, 1, 2, 0]);
  });

  it('draws a Hebrew phrase right to left inside an English line, the English in its order', () => {
    const [line] = set([{ text: 'The words ', style: {} }, { text: 'שלום', style: { bold: true } }, { text: ' עולם mean hello world.', style: {} }], 400, { align: 'ragged' });
    const before = pieceWith(line!, 'The words');
    const first = pieceWith(line!, 'שלום');
    const second = pieceWith(line!, 'עולם');
    const after = pieceWith(line!, 'mean');
    // Logical order: before, first, second, after. Visual: before, second, first, after.
    expect(line!.pieces.map((p) => p.text).join('')).toBe('The words שלום עולם mean hello world.');
    expect(first.x).toBeGreaterThan(second.x);
    expect(second.x).toBeGreaterThanOrEqual(before.x + before.width - 0.01);
    expect(after.x).toBeGreaterThanOrEqual(first.x + first.width - 0.01);
    // Within the word, the glyphs go right to left: the first letter is drawn last.
    expect(drawnCodePoints(first, 'שלום')).toBe('םולש');
  });

  it('follows directional controls and draws none of them', () => {
    const missing: string[] = [];
    // An isolate keeps the Hebrew word and the number after it apart: the number stays to its right.
    const [line] = set('Say \u2067שלום\u2069 2024 times\u200E.', 300, { align: 'ragged', onMissingGlyphs: (c) => missing.push(...c) });
    expect(missing).toEqual([]);
    expect(line!.pieces.map((p) => p.text).join('')).toBe('Say שלום 2024 times.');
    expect(pieceWith(line!, '2024').x).toBeGreaterThan(pieceWith(line!, 'שלום').x);
  });

  it('leaves a paragraph without right-to-left letters alone', () => {
    const items = paragraphItems([{ text: 'Plain English text (with brackets) and 2024.', style: {} }], PARAGRAPH);
    expect(items.some((item) => item.type !== 'penalty' && item.style.level !== undefined)).toBe(false);
  });
});

describe('Arabic shaping', () => {
  it('joins letters (initial, medial, final forms) and makes the lam-alef ligature', () => {
    const [line] = set('قال السلام عليكم', 300, { align: 'ragged' });
    const piece = pieceWith(line!, 'السلام');
    const joined = shapeRun(piece.style, 'السلام').glyphs;
    const isolated = [...'السلام'].flatMap((letter) => shapeRun(piece.style, letter).glyphs.map((g) => g.id));
    // Six letters, five glyphs: lam and alef are one ligature.
    expect(joined).toHaveLength(5);
    expect(joined.some((g) => g.codePoints.length === 2)).toBe(true);
    // Seen in the middle of the word is not the isolated seen.
    const seen = joined.find((g) => g.codePoints[0] === 0x633)!;
    expect(isolated).not.toContain(seen.id);
  });

  it('mirrors brackets in right-to-left runs (rule L4)', () => {
    const [line] = set('قال (شبكة الخليج) أمس', 300, { align: 'ragged' });
    const piece = pieceWith(line!, 'شبكة');
    // Logical "(" opens to the right of "شبكة": drawn last, it must be the glyph of ")" no longer.
    const glyphs = shapeRun(piece.style, '(شبكة').glyphs;
    expect(String.fromCodePoint(...glyphs[glyphs.length - 1]!.codePoints)).toBe(')');
  });
});

describe('right-to-left paragraphs', () => {
  const ARABIC = 'قالت الوزارة في بيانها إن الكابل المعروف باسم شبكة الخليج قطع قرب رأس عيسى في فبراير، وإن سفينة الإصلاح غادرت صباح اليوم التالي من الميناء.';

  it('justifies the lines, sets the last one flush right and the indent on the right', () => {
    const measure = 150;
    const lines = set(ARABIC, measure, { firstIndent: 10 });
    expect(lines.length).toBeGreaterThan(2);
    const right = (line: SetLine) => Math.max(...line.pieces.map((p) => p.x + p.width));
    const left = (line: SetLine) => Math.min(...line.pieces.map((p) => p.x));
    for (const line of lines) expect(line.rtl).toBe(true);
    expect(right(lines[0]!)).toBeCloseTo(measure - 10, 1);
    for (const line of lines.slice(1)) expect(right(line)).toBeCloseTo(measure, 1);
    for (const line of lines.slice(1, -1)) expect(left(line)).toBeCloseTo(0, 1);
    expect(left(lines[lines.length - 1]!)).toBeGreaterThan(20);
    // The first word of each line stands at its right end.
    for (const line of lines) {
      const first = line.pieces.find((p) => p.text.trim())!;
      expect(first.x + first.width).toBeCloseTo(right(line), 1);
    }
  });

  it('keeps numbers left to right inside right-to-left text (weak types)', () => {
    const [line] = set('في عام 2024 نشر التقرير ١٢٣ صفحة', 300, { align: 'ragged' });
    const western = pieceWith(line!, '2024');
    const eastern = pieceWith(line!, '١٢٣');
    expect(western.style.level! % 2).toBe(0);
    expect(eastern.style.level! % 2).toBe(0);
    // Drawn left to right: the digits' glyphs in the order they are written.
    expect(drawnCodePoints(western, '2024')).toBe('2024');
    expect(drawnCodePoints(eastern, '١٢٣')).toBe('١٢٣');
    // And the number sits between the words around it, the earlier word on the right.
    expect(pieceWith(line!, 'عام').x).toBeGreaterThan(western.x);
  });

  it('never hyphenates a word with right-to-left letters', () => {
    const word = 'internationalization';
    const hyphens = (text: string) => paragraphItems([{ text, style: {} }], PARAGRAPH).filter((item) => item.type === 'penalty' && item.flagged).length;
    expect(hyphens(`the ${word} of it`)).toBeGreaterThan(0);
    expect(hyphens(`the ${word}שלום of it`)).toBe(0);
    expect(hyphens('התקשורתיים הבינלאומיים והאזוריים')).toBe(0);
    // Even set far too narrow, no line of Hebrew ends with a hyphen.
    for (const line of set('התקשורתיים הבינלאומיים והאזוריים בתקשורת', 40)) expect(line.hyphenated).toBe(false);
  });
});

const MIXED = `---
title: Cables under the Red Sea
date: 2024-03-01
---

The ministry's statement, headed بيان صحفي عاجل in the original, said the cable was cut on 24 February. An official called it שיתוף פעולה אזורי before the repair ship left Eilat.

## تقرير الكابلات البحرية

قالت الوزارة في بيانها إن الكابل المعروف باسم (شبكة الخليج) قطع في 24 فبراير، وإن شركة Seacom تعمل على إعادة الخدمة.

- الكابل الأول يمر عبر البحر الأحمر

> השר אמר כי התיקון יימשך שלושה שבועות לפחות.
`;

describe('a brief with right-to-left text', () => {
  it('puts the heading, list marker and quotation rule of right-to-left blocks on the right', () => {
    const { layout } = layoutSource(MIXED, { map: false });
    const lines = textElements(layout);
    const heading = lines.find((e) => e.role === 'heading' && e.pieces.some((p) => p.text.includes('تقرير')))!;
    const column = lines.find((e) => e.role === 'body' && e.column === heading.column)!;
    const rightOf = (e: (typeof lines)[number]) => e.x + Math.max(...e.pieces.map((p) => p.x + p.width));
    expect(rightOf(heading)).toBeCloseTo(column.x + column.measure, 0);
    const marker = lines.find((e) => e.marker)!;
    const item = lines.find((e) => e.role === 'list' && !e.marker)!;
    expect(marker.x).toBeGreaterThan(rightOf(item));
    const rule = layout.pages[0]!.elements.find((e) => e.kind === 'rule' && e.x1 === e.x2 && e.x1 > column.x + 20);
    expect(rule).toBeDefined();
  });

  it('reads back with pdf.js: the right-to-left words as written, the English around them in order', async () => {
    const { pdf } = await renderBrief(MIXED, { map: false });
    const text = joinedText(await readPdf(pdf));
    for (const word of ['بيان', 'صحفي', 'عاجل', 'שיתוף', 'פעולה', 'אזורי', 'الكابلات', 'البحرية', 'Seacom', 'השר', 'שבועות']) expect(text).toContain(word);
    expect(text).toMatch(/The ministry.s statement, headed[\s\S]*بيان[\s\S]*in the original, said/);
    expect(text).toMatch(/called it[\s\S]*שיתוף[\s\S]*before the repair ship/);
  });

  it('draws the glyphs of a right-to-left run from its last letter to its first', async () => {
    const { pdf } = await renderBrief(MIXED, { map: false });
    const document = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
    const page = await document.getPage(1);
    const operators = await page.getOperatorList();
    const shown: string[] = [];
    operators.fnArray.forEach((fn, i) => {
      if (fn !== OPS.showText) return;
      const glyphs = operators.argsArray[i]![0] as Array<{ unicode?: string } | number>;
      shown.push(glyphs.map((g) => (typeof g === 'number' ? '' : (g.unicode ?? ''))).join(''));
    });
    await document.destroy();
    const drawn = shown.join('|');
    // "שיתוף פעולה אזורי" as drawn, left to right: the phrase's last word first, each backwards.
    expect(drawn).toContain('ירוזא הלועפ ףותיש');
    expect(drawn).not.toContain('שיתוף פעולה');
    // A mirrored bracket says which bracket it stands for.
    expect(inflatedStreams(pdf).some((stream) => stream.includes('/ActualText <FEFF0028>') || stream.includes('/ActualText <FEFF0029>'))).toBe(true);
  });
});

describe('a brief in Arabic (lang: ar)', () => {
  const paragraph = (n: number) =>
    `قال ${n} خبراء إن حركة البيانات بين أوروبا والشرق الأوسط تحولت إلى مسارات أخرى أطول، مما أدى إلى تباطؤ ملحوظ في سرعة الاتصال لدى المستخدمين في عدة دول، منها مصر والسعودية والإمارات، وإن شركة Seacom تعمل على إعادة الخدمة خلال 3 أسابيع.`;
  const source = `---\ntitle: قطع الكابلات البحرية في البحر الأحمر\nlang: ar\ndate: 2024-03-01\n---\n\n${Array.from({ length: 24 }, (_, i) => paragraph(i + 1)).join('\n\n')}\n`;
  const { brief, layout } = layoutSource(source, { map: false });

  it('keeps the layout invariants over several pages', () => {
    expect(layout.pages.length).toBeGreaterThan(1);
    expect(outsideFrame(layout)).toEqual([]);
    expect(overlappingText(layout)).toEqual([]);
    expect(offGrid(layout)).toEqual([]);
    expect(placedWords(layout, ['body']).sort()).toEqual(words(bodyText(brief.body)).sort());
  });

  it('reads its columns from right to left', () => {
    for (const page of layout.pages) {
      const body = textElements(layout).filter((e) => e.page === page.number && e.role === 'body');
      const columns = [...new Set(body.map((e) => e.x))].sort((a, b) => b - a);
      if (columns.length < 2) continue;
      // The lowest-numbered paragraph of the page stands in the right-hand column.
      const first = body.reduce((a, b) => ((a.paragraph ?? 0) <= (b.paragraph ?? 0) ? a : b));
      expect(first.x).toBe(columns[0]);
    }
  });
});

describe('footnotes of a brief in Arabic', () => {
  const source = `---\ntitle: محطة التحلية الجديدة\nlang: ar\ndate: 2026-08-20\n---\n\nأعلنت بلدية المدينة أنها وقعت عقداً لبناء محطة جديدة لتحلية مياه البحر تنتج ثلاثمئة ألف متر مكعب يومياً.[^1] وقال رئيس البلدية إن المحطة ستغطي حاجة المدينة حتى عام ٢٠٤٠ على الأقل.\n\n[^1]: المدينة والمحطة والأرقام كلها خيالية، وأي تشابه مع مشاريع حقيقية غير مقصود، والترجمة من المحرر.\n`;
  const { layout } = layoutSource(source, { map: false });

  it('sets a note’s number and hairline at the right, where its lines start', () => {
    const lines = textElements(layout).filter((e) => e.footnote);
    const number = lines.find((e) => e.marker)!;
    const text = lines.filter((e) => !e.marker);
    expect(text.length).toBeGreaterThan(1);
    const leftOf = (e: (typeof lines)[number]) => e.x + Math.min(...e.pieces.map((p) => p.x));
    const rightOf = (e: (typeof lines)[number]) => e.x + Math.max(...e.pieces.map((p) => p.x + p.width));
    // The number stands right of its note's first line, at the column's right edge.
    expect(leftOf(number)).toBeGreaterThan(rightOf(text[0]!));
    const column = layout.pages[0]!.columns.find((c) => leftOf(number) > c.x && leftOf(number) < c.x + c.width)!;
    expect(rightOf(number)).toBeLessThanOrEqual(column.x + column.width + 0.01);
    const rule = layout.pages[0]!.elements.find((e) => e.kind === 'rule' && e.y1 === e.y2 && e.y1 < number.y && e.y1 > number.y - 20 && e.x1 >= column.x - 0.01 && e.x2 <= column.x + column.width + 0.01);
    expect(rule).toBeDefined();
    if (rule?.kind === 'rule') expect(rule.x2).toBeCloseTo(column.x + column.width, 1);
  });
});

describe('a table in a brief in Arabic', () => {
  it('sets its first column at the right and keeps to the measure’s right edge', () => {
    const source = `---\ntitle: الأرقام الرئيسية\nlang: ar\n---\n\nتعتمد المدينة اليوم على ثلاثة مصادر للمياه.\n\n| المصدر | الإنتاج | الكلفة |\n|---|---:|---:|\n| الآبار | 85 | 0.31 |\n| المحطة | 300 | 0.74 |\n\nتُظهر الأرقام أن المياه المحلاة أغلى من مياه الآبار.\n`;
    const { layout } = layoutSource(source, { map: false });
    const cells = textElements(layout).filter((e) => e.cell && e.cell.row === 0);
    const rightOf = (e: (typeof cells)[number]) => e.x + Math.max(...e.pieces.map((p) => p.x + p.width));
    const column = (n: number) => cells.find((e) => e.cell!.column === n)!;
    expect(column(0).x).toBeGreaterThan(column(1).x);
    expect(column(1).x).toBeGreaterThan(column(2).x);
    const body = textElements(layout).filter((e) => e.role === 'body');
    const measureRight = Math.max(...layout.pages[0]!.columns.map((c) => c.x + c.width));
    expect(rightOf(column(0))).toBeCloseTo(measureRight, 0);
    expect(body.length).toBeGreaterThan(0);
    expect(overlappingText(layout)).toEqual([]);
  });
});

describe('mixed-direction paragraphs, generated', () => {
  const vocabulary = ['the', 'cable', 'Seacom', 'AAE-1', '2024', '3.5%', '(repair)', '«note»', 'שלום', 'עולם', '(כבל)', 'תת-ימי', 'السلام', 'الكابلات', '(شبكة)', 'البحر', '١٢٣', '،', 'قال:', '!'];
  const paragraphs = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 40 }).map((ws) => ws.join(' '));

  it('keeps every word, in logical order, with the pieces of a line side by side inside the measure', () => {
    fc.assert(
      fc.property(paragraphs, fc.integer({ min: 60, max: 260 }), fc.constantFrom('justify', 'ragged') as fc.Arbitrary<'justify' | 'ragged'>, (text, measure, align) => {
        const lines = set(text, measure, { align });
        // A hyphenated line end joins the next line again.
        const joined = lines.map((line) => line.pieces.map((p) => p.text).join('').replace(line.hyphenated ? /-$/ : /$/, line.hyphenated ? '' : ' ')).join('');
        expect(joined.split(/\s+/).filter(Boolean)).toEqual(text.split(' '));
        for (const line of lines) {
          const drawn = line.pieces.filter((p) => p.text.trim()).sort((a, b) => a.x - b.x);
          for (let i = 1; i < drawn.length; i++) expect(drawn[i]!.x).toBeGreaterThanOrEqual(drawn[i - 1]!.x + drawn[i - 1]!.width - 0.01);
          // A word wider than the measure may overflow; any other line stays within it (and its hangs).
          if (drawn.length > 1 || drawn[0]!.width <= measure) {
            expect(drawn[0]!.x).toBeGreaterThanOrEqual(-6);
            expect(drawn[drawn.length - 1]!.x + drawn[drawn.length - 1]!.width).toBeLessThanOrEqual(measure + 6);
          }
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 60), seed: Number(process.env.SEED ?? 11) },
    );
  });
});
