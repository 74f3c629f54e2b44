/**
 * The typeset stage on its own: the Knuth–Plass breaker against a brute-force search, the
 * classic cases (Knuth and Plass's own paragraph, short and long words, addresses), looseness,
 * hanging punctuation, hyphenation by language and the copy editor's niceties.
 */
import { describe, expect, it } from 'vitest';
import { textWidth } from '../src/fonts/index.js';
import { tieSpaces, smartenText } from '../src/model/typography.js';
import { findBreaks } from '../src/typeset/knuth-plass.js';
import { hyphenationPoints } from '../src/typeset/hyphenate.js';
import { breakOpportunities } from '../src/typeset/opportunities.js';
import { paragraphItems, patternsFor, setLines, setLinesLoosely, type Item, type ParagraphStyle, type RunStyle, type SetLine } from '../src/typeset/index.js';
import { seededRandom } from './helpers/generate.js';

const STYLE: RunStyle = { font: 'serif', size: 9.5, color: '#000' };

function paragraph(text: string, options: Partial<ParagraphStyle> = {}): Item[] {
  return paragraphItems([{ text, style: {} }], { font: 'serif', size: 9.5, color: '#000', linkColor: '#00f', hyphenation: 'en-us', align: 'justify', firstIndent: 0, narrowest: 150, ...options });
}

function lineText(line: SetLine): string {
  return line.pieces.map((p) => p.text).join('');
}

// Knuth and Plass's example paragraph ("Breaking Paragraphs into Lines", 1981), from the Grimms' Frog King.
const FROG_KING =
  'In olden times when wishing still helped one, there lived a king whose daughters were all beautiful; and the youngest was so beautiful that the sun itself, which has seen so much, was astonished whenever it shone in her face. Close by the king’s castle lay a great dark forest, and under an old lime-tree in the forest was a well, and when the day was very warm, the king’s child went out into the forest and sat down by the side of the cool fountain; and when she was bored she took a golden ball, and threw it up on high and caught it; and this ball was her favorite plaything.';

describe('Knuth–Plass line breaking', () => {
  /** The objective the breaker minimises, computed independently for one set of breaks. */
  function totalDemerits(items: Item[], breaks: number[], measure: number, tolerance: number): number | undefined {
    let total = 0;
    let start = 0;
    let previousFitness = 1;
    let previousFlagged = false;
    let run = 0;
    for (const b of breaks) {
      while (start < b && items[start]!.type !== 'box') start++;
      let width = 0;
      let stretch = 0;
      let shrink = 0;
      for (let i = start; i < b; i++) {
        const item = items[i]!;
        if (item.type === 'penalty') continue;
        width += item.width;
        stretch += item.stretch ?? 0;
        shrink += item.shrink ?? 0;
      }
      const breakItem = items[b]!;
      if (breakItem.type === 'penalty') width += breakItem.width;
      const ratio = width < measure ? (stretch > 0 ? (measure - width) / stretch : Infinity) : width > measure ? (shrink > 0 ? (measure - width) / shrink : -Infinity) : 0;
      if (ratio < -1 || ratio > tolerance) return undefined;
      const penalty = breakItem.type === 'penalty' ? breakItem.penalty : 0;
      const flagged = breakItem.type === 'penalty' && breakItem.flagged;
      run = flagged ? run + 1 : 0;
      if (run > 2) return undefined;
      let demerits = (10 + 100 * Math.abs(ratio) ** 3) ** 2;
      if (penalty >= 0) demerits += penalty ** 2;
      else if (penalty > -10000) demerits -= penalty ** 2;
      if (flagged && previousFlagged) demerits += 3000;
      if (penalty <= -10000 && previousFlagged) demerits += 5000;
      const fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3;
      if (Math.abs(fitness - previousFitness) > 1) demerits += 100;
      total += demerits;
      previousFitness = fitness;
      previousFlagged = flagged;
      start = b + 1;
    }
    return total;
  }

  function syntheticParagraph(seed: number, words: number): Item[] {
    const random = seededRandom(seed);
    const items: Item[] = [];
    for (let w = 0; w < words; w++) {
      if (w > 0) items.push({ type: 'glue', width: 3, stretch: 1.5, shrink: 1, style: STYLE });
      const width = 6 + Math.floor(random() * 30);
      if (width > 24 && random() < 0.6) {
        // A hyphenation point inside a long word.
        items.push({ type: 'box', width: width / 2, text: 'x', style: STYLE });
        items.push({ type: 'penalty', width: 2, penalty: 50, flagged: true, hyphen: STYLE });
        items.push({ type: 'box', width: width / 2, text: 'x', style: STYLE });
      } else items.push({ type: 'box', width, text: 'x', style: STYLE });
    }
    items.push({ type: 'penalty', width: 0, penalty: 10000, flagged: false });
    items.push({ type: 'glue', width: 0, stretch: 100000, shrink: 0, style: STYLE });
    items.push({ type: 'penalty', width: 0, penalty: -10000, flagged: false });
    return items;
  }

  it('finds the least total demerits, as an exhaustive search over every set of breaks does', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const items = syntheticParagraph(seed, 15);
      const measure = 70 + (seed % 4) * 10;
      const legal = items.flatMap((item, i) => ((item.type === 'glue' && items[i - 1]?.type === 'box') || (item.type === 'penalty' && item.penalty < 10000 && i < items.length - 1) ? [i] : []));
      let best = Infinity;
      for (let mask = 0; mask < 2 ** legal.length; mask++) {
        const breaks = legal.filter((_, bit) => mask & (1 << bit));
        const total = totalDemerits(items, [...breaks, items.length - 1], measure, 3);
        if (total !== undefined && total < best) best = total;
      }
      const found = findBreaks(items, 0, { lineWidth: () => measure, tolerance: 3 });
      if (best === Infinity) expect(found).toBeUndefined();
      else {
        expect(found).toBeDefined();
        expect(totalDemerits(items, found!.map((b) => b.position), measure, 3)).toBeCloseTo(best, 6);
      }
    }
  });

  it('sets Knuth and Plass’s paragraph more evenly than first-fit does', () => {
    for (const measure of [140, 180, 250]) {
      const items = paragraph(FROG_KING, { narrowest: measure });
      const optimal = setLines(items, 0, () => measure, 'justify');
      const greedy = firstFit(items, measure);
      const spread = (ratios: number[]) => Math.max(...ratios.map(Math.abs));
      expect(spread(optimal.slice(0, -1).map((l) => l.ratio))).toBeLessThan(spread(greedy));
      // Every justified line fills its measure (a hanging mark may stand past it).
      for (const line of optimal.slice(0, -1)) expect(line.width).toBeGreaterThan(measure - 0.01);
    }
  });

  /** First-fit: as many words as fit, the way a greedy justifier sets them; returns ratios. */
  function firstFit(items: Item[], measure: number): number[] {
    const ratios: number[] = [];
    let width = 0;
    let stretch = 0;
    let words = 0;
    for (const item of items) {
      if (item.type !== 'box' || !item.text) continue;
      const space = textWidth('serif', ' ', 9.5);
      if (words > 0 && width + space + item.width > measure) {
        ratios.push((measure - width) / stretch);
        width = 0;
        stretch = 0;
        words = 0;
      }
      if (words > 0) {
        width += space;
        stretch += 9.5 * 0.2;
      }
      width += item.width;
      words++;
    }
    return ratios.filter((r) => Number.isFinite(r));
  }

  it('sets a one-word paragraph as one line and a very short measure without losing words', () => {
    expect(setLines(paragraph('Yes.'), 0, () => 150, 'justify').map(lineText)).toEqual(['Yes.']);
    const narrow = setLines(paragraph('A cat sat on the mat by the door.', { narrowest: 40 }), 0, () => 40, 'justify');
    expect(narrow.map(lineText).join(' ').replace(/-\s/g, '')).toBe('A cat sat on the mat by the door.');
  });

  it('cuts a word longer than the measure rather than overflowing, and keeps its letters', () => {
    const word = 'Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung';
    const lines = setLines(paragraph(`The ${word} pays.`, { narrowest: 60 }), 0, () => 60, 'justify');
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(60 + 3);
    expect(lines.map(lineText).join('').replace(/[-\s]/g, '')).toBe(`The${word}pays.`);
  });

  it('breaks a web address only at its joints, never with a hyphen', () => {
    const url = 'https://www.example.org/reports/2024/telecommunications-security.html?lang=en';
    const lines = setLines(paragraph(`Read it at ${url} today.`, { narrowest: 110 }), 0, () => 110, 'justify');
    expect(lines.length).toBeGreaterThan(1);
    const joined = lines.map(lineText).join('');
    expect(joined.replace(/\s/g, '')).toBe(`Readitat${url}today.`);
    expect(lines.some((l) => l.hyphenated)).toBe(false);
  });

  it('finds break opportunities by Unicode line breaking: after dashes and hyphens, never before', () => {
    expect([...breakOpportunities('state—owned').keys()]).toEqual([6]);
    expect([...breakOpportunities('well-known').keys()]).toEqual([5]);
    expect([...breakOpportunities('e-mail').keys()]).toEqual([]);
    expect([...breakOpportunities('and/or').keys()]).toEqual([4]);
    // A range of numbers is one: the en dash between digits is no break, elsewhere it is.
    expect([...breakOpportunities('24\u201325').keys()]).toEqual([]);
    expect([...breakOpportunities('1914\u201318,').keys()]).toEqual([]);
    expect([...breakOpportunities('London\u2013Paris').keys()]).toEqual([7]);
  });

  it('breaks an address at its joints but not right after "www", and a mail address before its @', () => {
    const web = [...breakOpportunities('www.mieterbund.de/heizkostenrechner').keys()].sort((a, b) => a - b);
    expect(web[0]).toBe('www.mieterbund'.length);
    expect(web).not.toContain(3);
    expect([...breakOpportunities('https://www.kfw.de/inland').keys()]).not.toContain('https://www'.length);
    const mail = 'energieberatung@verbraucherzentrale.de';
    expect([...breakOpportunities(mail).keys()]).toContain(mail.indexOf('@'));
  });

  it('sets a paragraph a line longer or shorter on request (looseness), within the tolerance', () => {
    const items = paragraph(FROG_KING, { narrowest: 250 });
    const best = setLines(items, 0, () => 250, 'justify');
    const longer = setLinesLoosely(items, 0, () => 250, 'justify', 1, 3);
    expect(longer?.length).toBe(best.length + 1);
    for (const line of longer!) expect(line.ratio).toBeLessThanOrEqual(3);
    // A tolerance nothing can meet gives no setting rather than a bad one.
    expect(setLinesLoosely(items, 0, () => 250, 'justify', 6, 0.2)).toBeUndefined();
  });

  it('never sets more than two hyphenated lines in a row', () => {
    for (const measure of [90, 110, 130]) {
      const lines = setLines(paragraph(`${FROG_KING} ${FROG_KING}`, { narrowest: measure }), 0, () => measure, 'justify');
      let run = 0;
      for (const line of lines) {
        run = line.hyphenated ? run + 1 : 0;
        expect(run).toBeLessThanOrEqual(2);
      }
    }
  });
});

describe('hanging punctuation', () => {
  it('lets a closing stop or comma and an opening quote stand in the margins', () => {
    const lines = setLines(paragraph('“Quoted words open this paragraph,” she said, and then the text runs on for several more lines, with commas, stops and hyphens at the ends of some of them.', { narrowest: 120 }), 0, () => 120, 'justify');
    const first = lines[0]!;
    expect(lineText(first).startsWith('“')).toBe(true);
    expect(first.pieces[0]!.x).toBeLessThan(0);
    const hanging = lines.slice(0, -1).filter((l) => /[,.\-]$/.test(lineText(l)));
    expect(hanging.length).toBeGreaterThan(0);
    for (const line of hanging) {
      expect(line.width).toBeGreaterThan(line.measure + 0.5);
      expect(line.width).toBeLessThan(line.measure + 0.8 * 9.5);
    }
    for (const line of lines.slice(0, -1).filter((l) => /\p{L}$/u.test(lineText(l)))) expect(line.width).toBeCloseTo(line.measure, 1);
  });
});

describe('hyphenation', () => {
  const samples: Array<[string, string]> = [
    ['en-US', 'internationalization'],
    ['en-GB', 'internationalisation'],
    ['de', 'Telekommunikationsgesetz'],
    ['fr', 'gouvernementales'],
    ['es', 'telecomunicaciones'],
    ['it', 'telecomunicazioni'],
    ['pl', 'telekomunikacyjnych'],
    ['cs', 'telekomunikačních'],
  ];
  for (const [lang, word] of samples) {
    it(`hyphenates ${lang} from its own patterns, two letters before a break and three after`, () => {
      const patterns = patternsFor(lang);
      expect(patterns).toBeDefined();
      const points = hyphenationPoints(word, patterns);
      expect(points.length).toBeGreaterThan(1);
      for (const point of points) {
        expect(point).toBeGreaterThanOrEqual(2);
        expect(word.length - point).toBeGreaterThanOrEqual(3);
      }
    });
  }

  it('has no patterns for languages it cannot hyphenate, and never breaks short words, acronyms or numbers', () => {
    expect(patternsFor('ja')).toBeUndefined();
    expect(hyphenationPoints('tree', 'en-us')).toEqual([]);
    expect(hyphenationPoints('UNHCR', 'en-us')).toEqual([]);
    expect(hyphenationPoints('2024-2025', 'en-us')).toEqual([]);
  });
});

describe('copy-editing niceties (none changes a word)', () => {
  const words = (text: string) => text.replace(/[\u00A0\s]+/g, ' ').split(' ');

  it('curls quotes the right way, including elisions and quotes after dashes', () => {
    expect(smartenText(`In the '90s he said "no"--and 'yes'---then "maybe..."`, '')).toBe('In the ’90s he said “no”–and ‘yes’—then “maybe…”');
    expect(smartenText(`"Rock 'n' roll," she said.`, '')).toBe('“Rock ’n’ roll,” she said.');
  });

  it('ties a number to its unit, a currency sign to its amount and initials to the name', () => {
    const tied = (text: string) => tieSpaces(text).replace(/\u00A0/g, '~');
    expect(tied('a 5 km cable and 3.5 billion euros, 40 % up at 10 Gbps')).toBe('a 5~km cable and 3.5~billion euros, 40~% up at 10~Gbps');
    expect(tied('paid € 20 under No. 5, see p. 12')).toBe('paid €~20 under No.~5, see p.~12');
    expect(tied('J. R. Hartley met A. Smith in 5 minutes')).toBe('J.~R.~Hartley met A.~Smith in 5 minutes');
    expect(tied('about EUR 1.6 billion, PLN 187 and NATO 2030 or EUR prices')).toBe('about EUR~1.6~billion, PLN~187 and NATO 2030 or EUR prices');
    expect(tied('capped at 50 cents, on 24–25 June, June 25 and 3 March 2025; am 25. Juni')).toBe('capped at 50~cents, on 24–25~June, June~25 and 3~March 2025; am 25.~Juni');
    // The ordinal day is German ("5. Mai"); elsewhere a stop before a month ends a sentence.
    expect(tied('am 5. Mai, see Article 12. May the court decide')).toBe('am 5.~Mai, see Article 12. May the court decide');
    // A spaced dash keeps to the word before it: a line never opens with the dash.
    expect(tied('the extra — around €13.5bn — could count; Accra - Cocoa')).toBe('the extra~— around €13.5bn~— could count; Accra - Cocoa');
    expect(tied(smartenText('ACCRA, Feb 14 (Reuters) - Cocoa', ''))).toBe('ACCRA, Feb~14 (Reuters)~– Cocoa');
    const sample = 'a 5 km cable, € 20, J. R. Hartley';
    expect(words(tieSpaces(sample))).toEqual(words(sample));
  });

  it('keeps a tie unbreakable but as elastic as any space', () => {
    const items = paragraph('It ran 5\u00A0km today.');
    const tie = items.findIndex((item, i) => item.type === 'glue' && items[i - 1]?.type === 'penalty');
    expect(tie).toBeGreaterThan(0);
    expect(items[tie - 1]).toMatchObject({ type: 'penalty', penalty: 10000 });
    expect((items[tie] as { stretch: number }).stretch).toBeGreaterThan(0);
  });

  it('keeps no-break spaces in code as indentation, not as ties', () => {
    const items = paragraphItems([{ text: '\u00A0\u00A0return x;', style: { code: true } }], { font: 'serif', size: 9.5, color: '#000', linkColor: '#00f', hyphenation: undefined, align: 'ragged', firstIndent: 0, narrowest: 150 });
    const lines = setLines(items, 0, () => 150, 'ragged');
    expect(lineText(lines[0]!)).toBe('\u00A0\u00A0return x;');
  });

  it('sets acronyms of three or more capitals in small caps, and only those', () => {
    const items = paragraph('The NATO and EU summit heard the CFOs of IT firms and NATO’s own estimates.', { smallCapAcronyms: true });
    const boxes = items.filter((item): item is Extract<Item, { type: 'box' }> => item.type === 'box');
    const smallCaps = boxes.filter((box) => box.style.features?.includes('c2sc')).map((box) => box.text);
    expect(smallCaps).toEqual(['NATO', 'CFOs', 'NATO’s']);
  });
});

describe('lines that cannot be justified', () => {
  it('sets a line ended by a hard break flush left with natural spaces, like a last line', () => {
    const items = paragraph('Use the filed figures.\nA hard break above, then the rest of the line runs on and on until it wraps.');
    const lines = setLines(items, 0, () => 200, 'justify');
    expect(lineText(lines[0]!)).toBe('Use the filed figures.');
    expect(lines[0]!.width).toBeLessThan(120);
    const natural = textWidth('serif', ' ', 9.5);
    for (const piece of lines[0]!.pieces) expect(piece.spaceWidth).toBeCloseTo(natural, 5);
    // The lines after it are justified as usual.
    expect(lines[1]!.width).toBeGreaterThan(199);
  });

  it('leaves a line short instead of opening holes when no break is within tolerance', () => {
    // A narrow measure and a long word that cannot be hyphenated: the first line can only be
    // "Joint inspection of the", far too short for the measure.
    const items = paragraph('Joint inspection of the QX7Z9K4W2R8T5M3 site');
    const lines = setLines(items, 0, () => 140, 'justify');
    const loose = lines.find((line) => !line.last && line.ratio > 3);
    expect(loose, lines.map(lineText).join(' | ')).toBeDefined();
    // Its spaces stay near natural (ratio 1: +0.2 em) and it falls short of the measure.
    for (const piece of loose!.pieces) expect(piece.spaceWidth).toBeLessThanOrEqual(textWidth('serif', ' ', 9.5) + 0.2 * 9.5 + 1e-6);
    expect(loose!.width).toBeLessThan(140 - 20);
  });
});

describe('hyphens the writer typed', () => {
  const COMPOUNDS = 'The long-term, cross-border, under-invested and well-meant plans of the non-aligned, self-governing, war-torn and hard-pressed states were re-examined by first-rate, open-minded, clear-eyed and fast-moving teams of cost-conscious, risk-averse, data-driven and policy-minded officials in mid-winter.';

  it('count towards the two hyphenated lines in a row and are not left above the last line', () => {
    let lines = 0;
    for (let measure = 80; measure <= 200; measure += 1) {
      const set = setLines(paragraph(`${COMPOUNDS} ${FROG_KING}`, { narrowest: measure }), 0, () => measure, 'justify');
      let run = 0;
      set.forEach((line, index) => {
        lines++;
        run = lineText(line).endsWith('-') ? run + 1 : 0;
        expect(run, `measure ${measure}, line ${index}`).toBeLessThanOrEqual(2);
        if (index === set.length - 2) expect(lineText(line), `measure ${measure}`).not.toMatch(/-$/);
      });
    }
    expect(lines).toBeGreaterThan(1000);
  });

  it('may stand above a paragraph’s last line when keeping it off would force a very loose line', () => {
    // Unseen German brief, page 1's 57 mm column: kept off, "Sachsen-" left the first line at 2.66.
    const text = smartenText('Ein Engpass ist das Personal. Bauunternehmen, Planungsbüros und die Bahn selbst suchen Ingenieurinnen und Ingenieure, Gleisbauer und Fahrdienstleiter. »Wir könnten mehr bauen, wenn wir die Leute hätten«, sagt die Geschäftsführerin eines mittelständischen Gleisbauunternehmens aus Sachsen-Anhalt.', '');
    const measure = 162.3;
    const set = setLines(paragraph(text, { hyphenation: patternsFor('de'), narrowest: measure }), 0, () => measure, 'justify');
    expect(Math.max(...set.map((line) => line.ratio))).toBeLessThan(2);
    expect(lineText(set[0]!)).toMatch(/Bau-$/);
  });
});

describe('hyphenating names', () => {
  it('costs more in a capitalised word, except in German, where every noun is capitalised', async () => {
    const { wordBreaks, HYPHEN_PENALTY, NAME_HYPHEN_PENALTY } = await import('../src/typeset/word-breaks.js');
    const penalties = (word: string, language: string) => [...new Set(wordBreaks(word, language).filter((b) => b.hyphen).map((b) => b.penalty))];
    expect(penalties('Hrytsenko', 'en-us')).toEqual([NAME_HYPHEN_PENALTY]);
    expect(penalties('“Kaliningrad,', 'en-us')).toEqual([NAME_HYPHEN_PENALTY]);
    expect(penalties('agriculture', 'en-us')).toEqual([HYPHEN_PENALTY]);
    expect(penalties('Wärmepumpenförderung', 'de-1996')).toEqual([HYPHEN_PENALTY]);
    expect(NAME_HYPHEN_PENALTY).toBeGreaterThan(HYPHEN_PENALTY);
  });
});
