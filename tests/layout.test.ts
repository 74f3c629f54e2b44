import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutSource, typesettingReport } from '../src/index.js';
import { allCountries } from '../src/gazetteer/index.js';
import { bodyText } from '../src/model/index.js';
import { textWidth } from '../src/fonts/index.js';
import { generatedBrief } from './helpers/generate.js';
import { lineText, offGrid, outsideFrame, overlappingText, placedWords, textElements, words } from './helpers/layout-checks.js';

const BODY_ROLES = ['body', 'heading', 'list', 'quote', 'code', 'note', 'table', 'caption'];

const content = (name: string) => readFileSync(new URL(`../content/${name}`, import.meta.url), 'utf8');
const cases: Array<[string, string, string]> = [
  ['seed brief (Markdown)', 'huawei-5g-albania.md', content('huawei-5g-albania.md')],
  ['seed brief (wire copy)', 'huawei-5g-albania.txt', readFileSync(new URL('./fixtures/huawei-5g-albania.txt', import.meta.url), 'utf8')],
  ['second content brief', 'baltic-seabed-cables.md', content('baltic-seabed-cables.md')],
  ['generated short brief', 'gen-1.md', generatedBrief(1, 12)],
  ['generated long brief', 'gen-2.md', generatedBrief(2, 160)],
  ['generated brief, letter paper', 'gen-3.md', generatedBrief(3, 40)],
];

describe.each(cases)('layout invariants: %s', (_name, filename, source) => {
  const paper = filename === 'gen-3.md' ? 'letter' : 'a4';
  const { brief, layout } = layoutSource(source, { filename, paper });

  it('places every word of the body exactly once', () => {
    const expected = words(bodyText(brief.body));
    const elements = textElements(layout);
    // Set by layout around the body's words: the "Notes" heading (when a note is left for the
    // band at the end rather than set at a column's foot) and list or note markers.
    const atFoot = new Set(elements.flatMap((e) => (e.footnote ? [e.footnote.number] : [])));
    const notes = brief.body.find((b) => b.kind === 'notes');
    if (notes?.kind === 'notes' && notes.notes.some((note) => !atFoot.has(note.number))) expected.push('notes');
    const isMarker = (e: (typeof elements)[number]) => (e.role === 'list' || e.role === 'note') && /^(\d+\.?|•|☐|☑)$/.test(lineText(e));
    const placed = placedWords(layout, BODY_ROLES.filter((r) => r !== 'list' && r !== 'note'));
    const listed = elements.filter((e) => (e.role === 'list' || e.role === 'note') && !isMarker(e));
    // A link's number refers to the list of links; it is not one of the words.
    const text = (e: (typeof elements)[number]) => e.pieces.map((p) => (p.style.linkNumber ? ' ' : p.text)).join('');
    const all = [...placed, ...words(listed.map((e) => (e.hyphenated ? text(e).replace(/-$/, '\u0000') : `${text(e)} `)).join('').replace(/\u0000/g, ''))];
    const counts = (list: string[]) => list.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
    const want = counts(expected);
    const got = counts(all);
    const missing = [...want].filter(([w, n]) => (got.get(w) ?? 0) < n).map(([w, n]) => `${w} ${got.get(w) ?? 0}/${n}`);
    const extra = [...got].filter(([w, n]) => n > (want.get(w) ?? 0)).map(([w, n]) => `${w} ${n}/${want.get(w) ?? 0}`);
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
  });

  it('keeps everything inside the page frame', () => {
    expect(outsideFrame(layout)).toEqual([]);
  });

  it('never overlaps two lines of text', () => {
    expect(overlappingText(layout)).toEqual([]);
  });

  it('puts every body line on the baseline grid, so columns share baselines', () => {
    expect(offGrid(layout)).toEqual([]);
  });

  it('sets the headline as the largest text on page 1', () => {
    const page1 = textElements(layout).filter((e) => e.page === 1);
    const largest = Math.max(...page1.flatMap((e) => e.pieces.map((p) => p.style.size)));
    const headline = page1.filter((e) => e.role === 'headline');
    expect(headline.length).toBeGreaterThan(0);
    expect(Math.min(...headline.flatMap((e) => e.pieces.map((p) => p.style.size)))).toBe(largest);
  });

  it('repeats only words of the body in pull-quotes', () => {
    const body = new Set(words(bodyText(brief.body)));
    const quoted = placedWords(layout, ['pullquote']);
    expect(quoted.filter((w) => !body.has(w))).toEqual([]);
  });

  it('has a footer with the page number on every page', () => {
    for (const page of layout.pages) {
      const footer = page.elements.filter((e) => e.kind === 'text' && e.role === 'footer').map((e) => lineText(e as never));
      expect(footer.some((t) => t.includes(`${page.number}\u2009/\u2009${layout.pages.length}`))).toBe(true);
    }
  });

  it('never ends a column with a hyphenated word', () => {
    const lines = textElements(layout).filter((e) => e.column !== undefined && BODY_ROLES.includes(e.role));
    const lastOfColumn = new Map<string, (typeof lines)[number]>();
    for (const line of lines) lastOfColumn.set(`${line.page}/${line.column}`, line);
    const hyphenated = [...lastOfColumn.values()].filter((line) => line.hyphenated).map((line) => `${line.page}/${line.column}: ${lineText(line)}`);
    expect(hyphenated).toEqual([]);
  });

  it('never leaves a single line of a paragraph alone at a column foot or head', () => {
    const lines = textElements(layout).filter((e) => e.role === 'body' && e.column !== undefined);
    const byColumn = new Map<string, typeof lines>();
    for (const line of lines) {
      const key = `${line.page}/${line.column}`;
      byColumn.set(key, [...(byColumn.get(key) ?? []), line]);
    }
    const problems: string[] = [];
    for (const [key, column] of byColumn) {
      const first = column[0]!;
      const last = column[column.length - 1]!;
      if (first.paragraphEnd && !first.paragraphStart) problems.push(`${key} starts with a widow: ${lineText(first)}`);
      if (last.paragraphStart && !last.paragraphEnd) problems.push(`${key} ends with an orphan: ${lineText(last)}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the seed brief', () => {
  it('fits on two A4 pages with body in two columns, the map and facts on page 1 and the list after them', () => {
    const { layout, brief } = layoutSource(content('huawei-5g-albania.md'), { filename: 'seed.md' });
    expect(layout.pages.length).toBeLessThanOrEqual(2);
    const columns = new Set(textElements(layout).filter((e) => e.role === 'body' && e.page === 1).map((e) => e.column));
    expect(columns).toEqual(new Set([0, 1]));
    const page1 = textElements(layout).filter((e) => e.role === 'sidebar' && e.page === 1).map(lineText).join(' ');
    expect(page1).toContain('ALBANIA AT A GLANCE');
    expect(page1).toContain('Tirana');
    expect(layout.pages[0]!.elements.some((e) => e.kind === 'path' && e.label.startsWith('focus AL'))).toBe(true);
    // Map, facts and the whole list of eleven countries fit page 1's rail: nothing goes over.
    expect(page1).toContain('HUAWEI: BANNED');
    expect(textElements(layout).filter((e) => e.role === 'sidebar' && e.page > 1).map(lineText)).toEqual([]);
    const sidebar = textElements(layout).filter((e) => e.role === 'sidebar').map(lineText).join(' ');
    // (Czech Republic as the front matter types it: a country with two current names keeps the writer's.)
    for (const name of ['Australia', 'United Kingdom', 'Canada', 'Czech Republic', 'France', 'Germany', 'India', 'Italy', 'Japan', 'New Zealand', 'Poland']) {
      expect(sidebar).toContain(name);
    }
    expect(brief.sidebar?.groups.every((g) => g.status === undefined)).toBe(true);
    const quote = textElements(layout).filter((e) => e.role === 'pullquote').map(lineText).join(' ');
    expect(quote).toContain('not for sale');
  });

  it('balances the columns of the last page to within one line', () => {
    const { layout } = layoutSource(content('huawei-5g-albania.md'), { filename: 'seed.md' });
    const last = layout.pages.length;
    const feet = [0, 1].map((c) => Math.max(...textElements(layout).filter((e) => e.page === last && e.column === c).map((e) => e.y)));
    expect(Math.abs(feet[0]! - feet[1]!)).toBeLessThanOrEqual(layout.grid.pitch + 0.01);
  });

  it('sets letter paper when asked', () => {
    const { layout } = layoutSource(content('huawei-5g-albania.md'), { filename: 'seed.md', paper: 'letter' });
    expect([layout.width, layout.height]).toEqual([612, 792]);
    expect(outsideFrame(layout)).toEqual([]);
  });
});

describe('a sidebar too long for page 1', () => {
  it('continues in labelled boxes on the next pages without losing an entry or shrinking type', () => {
    const codes = allCountries().slice(0, 90).map((c) => c.alpha2);
    const front = `---\ntitle: Many countries\nsidebar:\n  title: Everyone\n  countries:\n${codes.map((c) => `    - name: ${c}\n      note: A note long enough to take a second line in the narrow rail`).join('\n')}\n---\n\nShort body text.\n`;
    const { layout, brief } = layoutSource(front, { filename: 'many.md' });
    const sidebar = textElements(layout).filter((e) => e.role === 'sidebar');
    const text = sidebar.map(lineText).join('\n');
    for (const entry of brief.sidebar!.groups.flatMap((g) => g.entries)) expect(text).toContain(entry.country.name);
    expect(text).toContain('EVERYONE (CONTINUED)');
    expect(Math.min(...sidebar.flatMap((e) => e.pieces.map((p) => p.style.size)))).toBeGreaterThanOrEqual(7);
    expect(outsideFrame(layout)).toEqual([]);
    expect(overlappingText(layout)).toEqual([]);
  });

  it('never ends a box with a status heading: the heading goes over with its first country', () => {
    const { layout, brief } = layoutSource(content('baltic-seabed-cables.md'), { filename: 'baltic.md' });
    const headings = new Set(brief.sidebar!.groups.map((g) => g.status!.toUpperCase()));
    const pagesWithSidebar = layout.pages.filter((page) => textElements(layout).some((e) => e.page === page.number && e.role === 'sidebar'));
    expect(pagesWithSidebar.length).toBeGreaterThan(1);
    for (const page of pagesWithSidebar) {
      const lines = textElements(layout).filter((e) => e.page === page.number && e.role === 'sidebar').sort((a, b) => a.y - b.y);
      expect(headings.has(lineText(lines.at(-1)!))).toBe(false);
    }
  });
});

describe('hostile input', () => {
  it('cuts a 6,000-character word to fit the column instead of overflowing', () => {
    const word = 'x'.repeat(6000);
    const { layout } = layoutSource(`# Huge word\n\nBefore ${word} after.`, { filename: 'huge.md' });
    expect(outsideFrame(layout)).toEqual([]);
    const text = textElements(layout).filter((e) => e.role === 'body').map(lineText).join('');
    expect(text.replace(/[^x]/g, '').length).toBe(6000);
  });

  it('sets a long word that hyphenates into several lines without overflowing or losing the paragraph', () => {
    const textWidthOfHangers = Math.max(...['-', '.', ','].map((mark) => textWidth('serif', mark, 9.5)));
    const word = `superlongwordthatgoesonandonandonwithoutanybreakopportunityatall${'x'.repeat(90)}`;
    const url = 'https://example.com/a/very/long/path/that/keeps/going/and/going/index.html?query=string&more=params';
    const { layout } = layoutSource(`# Long words\n\nIntro paragraph with a ${word} and then more text, a URL ${url} and more.`, { filename: 'long.md' });
    expect(outsideFrame(layout)).toEqual([]);
    const lines = textElements(layout).filter((e) => e.role === 'body');
    // Set as a paragraph, not a word per line: the short words share lines.
    expect(lines.some((e) => /Intro paragraph with/.test(lineText(e)))).toBe(true);
    // Nothing runs past the measure but a hanging stop, comma or hyphen (at most 0.8 of its width).
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(line.measure + 0.8 * textWidthOfHangers + 0.01);
  });

  it('marks the continuation of a wrapped code line in the margin, as decoration only', () => {
    const code = 'const value = compute(42); // a long line of code that must wrap inside the column without overflowing';
    const { layout } = layoutSource(`# Code\n\n\`\`\`\n${code}\nshort();\n\`\`\`\n`, { filename: 'code.md' });
    const lines = textElements(layout).filter((e) => e.role === 'code');
    const marks = lines.filter((e) => lineText(e) === '\u2192');
    const text = lines.filter((e) => lineText(e) !== '\u2192');
    expect(marks.length).toBe(text.length - 2);
    expect(marks.every((m) => m.struct === undefined)).toBe(true);
    expect(text.map(lineText).join(' ').replace(/\s+/g, ' ')).toBe(`${code} short();`);
    expect(outsideFrame(layout)).toEqual([]);
  });

  it('survives deep nesting of lists and quotes', () => {
    let lists = '# Deep\n\n';
    for (let i = 0; i < 12; i++) lists += `${'  '.repeat(i)}- level ${i}\n`;
    lists += `\n${'>'.repeat(20)} deep quote\n`;
    const { layout } = layoutSource(lists, { filename: 'deep.md' });
    expect(outsideFrame(layout)).toEqual([]);
    const text = textElements(layout).map(lineText).join(' ');
    expect(text).toContain('level 11');
    expect(text).toContain('deep quote');
  });

  it('warns about characters the fonts lack, with their line', () => {
    const { warnings, layout } = layoutSource('# Glyphs\n\nPlain line.\n\nA snowman \u2603, Greek χρῆν and 中文 here.', { filename: 'g.md' });
    // CJK: no vendored face has it, so a warning names it and its line.
    expect(warnings.find((w) => w.message.includes('U+4E2D'))?.line).toBe(5);
    // The snowman and polytonic Greek come from the fallback face (DejaVu Sans), silently.
    expect(warnings.some((w) => w.message.includes('U+2603') || w.message.includes('U+1FC6'))).toBe(false);
    const fallback = textElements(layout).flatMap((e) => e.pieces).filter((p) => p.style.font === 'fallback').map((p) => p.text).join('');
    expect(fallback).toContain('\u2603');
    expect(fallback).toContain('ῆ');
  });
});

describe('column flow, read from the typesetting report', () => {
  for (const name of ['huawei-5g-albania.md', 'baltic-seabed-cables.md']) {
    it(`sets ${name} without widows, orphans, holes or hyphens at column feet, on the grid and balanced`, () => {
      const { layout } = layoutSource(content(name), { filename: name });
      const { summary } = typesettingReport(layout);
      expect(summary).toMatchObject({ widows: 0, orphans: 0, holes: 0, hyphensAtFoot: 0, offGrid: 0 });
      expect(summary.lastPageBalance).toBeLessThanOrEqual(1);
      expect(summary.maxHyphenRun).toBeLessThanOrEqual(2);
      expect(summary.ratioMax).toBeLessThanOrEqual(2);
    });
  }

  it('balances the columns above a table when a pull-quote waiting there goes on below it', () => {
    // Generated brief 33: a pull-quote waits in the columns above a table on page 3. Set in the
    // first fill but not in the balanced columns, its lines were counted as text to place, so
    // balancing started too low and left 15 lines beside 4.
    const { layout } = layoutSource(generatedBrief(33, 70), { filename: 'gen-33.md', map: false });
    const page = layout.pages[2]!;
    const top = Math.min(...page.columns.map((c) => c.firstLine));
    const above = page.columns.filter((c) => c.firstLine === top);
    expect(above.length).toBe(2);
    expect(above.every((c) => c.balanced)).toBe(true);
    expect(page.elements.some((e) => e.kind === 'text' && e.role === 'table')).toBe(true);
    const feet = above.map((c) => c.used);
    expect(Math.max(...feet) - Math.min(...feet)).toBeLessThanOrEqual(1);
  });

  it('fills column feet and balances last pages over 60 generated briefs (holes are filled by looseness)', () => {
    let columns = 0;
    let holes = 0;
    const problems: string[] = [];
    for (let seed = 10; seed < 40; seed++) {
      for (const paper of ['a4', 'letter'] as const) {
        const { layout } = layoutSource(generatedBrief(seed, 5 + ((seed * 13) % 120)), { filename: `gen-${seed}.md`, paper });
        const report = typesettingReport(layout);
        columns += report.pages.reduce((sum, page) => sum + page.columns.length, 0);
        holes += report.summary.holes;
        if (report.summary.widows || report.summary.orphans) problems.push(`seed ${seed} ${paper}: widow or orphan`);
        if (report.summary.lastPageBalance > 1) problems.push(`seed ${seed} ${paper}: last page ${report.summary.lastPageBalance} lines apart`);
        if (report.summary.maxHyphenRun > 2) problems.push(`seed ${seed} ${paper}: ${report.summary.maxHyphenRun} hyphens in a row`);
      }
    }
    // Random text with very long words in 57 mm columns leaves a few holes no single or paired
    // change can close; they must stay rare.
    expect(holes / columns).toBeLessThan(0.04);
    // Known: one of the 60 (seed 11, Letter) ends its last page 4 lines apart: the widow rules
    // and looseness leave no better split.
    expect(problems.length, problems.join('; ')).toBeLessThanOrEqual(1);
  }, 240_000); // 120 layouts: over a minute when the machine is shared
});

describe('layout invariants over many generated briefs', () => {
  it('keeps frame, grid, no overlaps and no widows or orphans on 24 briefs of different lengths and papers', () => {
    const problems: string[] = [];
    for (let seed = 100; seed < 112; seed++) {
      for (const paper of ['a4', 'letter'] as const) {
        const { layout } = layoutSource(generatedBrief(seed, 5 + ((seed * 13) % 120)), { filename: `gen-${seed}.md`, paper });
        problems.push(...outsideFrame(layout), ...overlappingText(layout), ...offGrid(layout));
        const lines = textElements(layout).filter((e) => e.role === 'body' && e.column !== undefined);
        const columns = new Map<string, typeof lines>();
        for (const line of lines) columns.set(`${line.page}/${line.column}`, [...(columns.get(`${line.page}/${line.column}`) ?? []), line]);
        for (const [key, column] of columns) {
          if (column[0]!.paragraphEnd && !column[0]!.paragraphStart) problems.push(`seed ${seed} ${paper} ${key}: widow`);
          const last = column[column.length - 1]!;
          if (last.paragraphStart && !last.paragraphEnd) problems.push(`seed ${seed} ${paper} ${key}: orphan`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
