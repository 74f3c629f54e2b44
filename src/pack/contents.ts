/**
 * The contents, from page 2 (facing the first brief): headed like a brief (kicker, headline,
 * date, rule), then for each brief a block on the grid: its starting page large in a hanging
 * column, and beside it the kicker, headline, dek and byline, then its sections with their
 * pages. Headlines, sections and page numbers link to where they are. An entry that does not
 * fit goes on on the next page, keeping its head with its first section. Each page has the
 * pack's footer and folio.
 */
import { baselineOf } from '../layout/geometry.js';
import { footer } from '../layout/furniture.js';
import { layoutHeader } from '../layout/header.js';
import type { Layout, StructNode } from '../layout/index.js';
import { HAIRLINE, KICKER, MUTED, type TextStyle } from '../layout/styles.js';
import type { Paper } from '../model/index.js';
import type { PackEntry } from './entries.js';
import { entryHead } from './entry-head.js';
import { nextLine, PageBuilder, set, widthOf } from './page-builder.js';
import { ENTRY_BYLINE, ENTRY_DEK, ENTRY_HEADLINE, ENTRY_PAGE, SECTION, SECTION_PAGE } from './styles.js';

export interface ContentsText {
  title: string;
  date?: string | undefined;
  /** The pack page the contents start on, and the pack's page count, for the folios. */
  firstPage: number;
  total: number;
}

const PAGES: TextStyle = { ...KICKER, color: MUTED };
/** The hanging column for the page numbers, in points. */
const NUMBER_COLUMN = 42;

export function layoutContents(contents: ContentsText, entries: readonly PackEntry[], paper: Paper): Layout {
  const b = new PageBuilder(paper, 'Sect');
  const g = b.geometry;
  const left = g.margin.left;
  const textX = left + NUMBER_COLUMN;
  const measure = g.width - g.margin.left - g.margin.right;
  // About 70 characters a line: the text column ends where page 1's second body column does.
  const textMeasure = g.firstPage.body[1].x + g.firstPage.body[1].width - textX;
  const headForm = { headline: ENTRY_HEADLINE, measure: textMeasure, dek: true, byline: true };
  const lastLine = g.gridLines - 1;

  b.newPage();
  const header = layoutHeader({ kicker: contents.title, title: 'Contents', byline: [], ...(contents.date ? { date: contents.date } : {}) }, g, () => undefined);
  const headerLeaves = { kicker: b.node('P'), headline: b.node('H1'), byline: b.node('P') };
  for (const element of header.elements) {
    if (element.kind === 'text' && (element.role === 'kicker' || element.role === 'headline' || element.role === 'byline')) element.struct = headerLeaves[element.role].id;
    b.add(element);
  }
  const toc = b.node('TOC');
  let line = header.gridLines;

  entries.forEach((entry, index) => {
    const item = b.node('TOCI', toc);
    const link = { destination: entry.destination, title: `${entry.meta.title}, page ${entry.start}` };
    // The head (kicker to byline) stays with the first section.
    let head = entryHead(entry, baselineOf(g, line), headForm);
    const first = entry.sections.length ? 1 : 0;
    if (index > 0 && head.lastBaseline > baselineOf(g, lastLine - first)) {
      b.newPage();
      line = 0;
      head = entryHead(entry, baselineOf(g, line), headForm);
    } else if (index > 0) {
      const y = baselineOf(g, line) - g.grid + 1;
      b.add({ kind: 'rule', x1: left, y1: y, x2: left + measure, y2: y, width: 0.4, color: HAIRLINE });
    }
    b.place(set(`${entry.start}`, ENTRY_PAGE, NUMBER_COLUMN), textX - 12, head.headlineTop, ENTRY_PAGE, 'contents', b.node('Lbl', item), { link: { destination: entry.destination, title: `Page ${entry.start}: ${entry.meta.title}` }, align: 'right' });
    const kicker = b.node('P', item);
    b.place(set(entry.meta.kicker.toUpperCase(), KICKER, textMeasure), textX, head.kicker, KICKER, 'contents', kicker);
    // Where the brief runs, at the right of the kicker's line: "PAGES 3–6".
    const range = entry.pages === 1 ? `PAGE ${entry.start}` : `PAGES ${entry.start}\u2013${entry.start + entry.pages - 1}`;
    b.place(set(range, PAGES, measure), left + measure, head.kicker, PAGES, 'contents', kicker, { align: 'right' });
    b.place(head.headline, textX, head.headlineTop, ENTRY_HEADLINE, 'contents', b.node('P', item), { link });
    if (head.dek) b.place(head.dek, textX, head.dekTop, ENTRY_DEK, 'contents', b.node('P', item));
    if (head.byline) b.place(head.byline, textX, head.bylineY, ENTRY_BYLINE, 'contents', b.node('P', item));
    let lastBaseline = head.lastBaseline;
    line = nextSectionLine(lastBaseline, (n) => baselineOf(g, n));

    let sections: StructNode | undefined;
    for (const section of entry.sections) {
      const lines = set(section.title, SECTION, textMeasure - 30);
      if (line + lines.length - 1 > lastLine) {
        b.newPage();
        line = 0;
      }
      sections ??= b.node('TOC', item);
      const leaf = b.node('P', b.node('TOCI', sections));
      const target = { destination: section.destination, title: `${section.title}, page ${section.page}` };
      const end = b.place(lines, textX, baselineOf(g, line), SECTION, 'contents', leaf, { link: target });
      // The page number follows the title after an en space's width, as a link too: at its
      // right, or at its left when the title reads right to left (it then stands flush right).
      const last = lines[lines.length - 1];
      const gap = widthOf('\u2002', SECTION);
      const number = set(`${section.page}`, SECTION_PAGE, 40);
      const numberX = last?.rtl ? textX + Math.min(...last.pieces.map((piece) => piece.x)) - gap - (number[0]?.width ?? 0) : textX + (last?.width ?? 0) + gap;
      b.place(number, numberX, end, SECTION_PAGE, 'contents', leaf, { link: target });
      line += lines.length;
      lastBaseline = end;
    }
    line = nextLine(lastBaseline, g.grid, (n) => baselineOf(g, n));
  });

  const layout = b.layout(paper);
  for (const page of layout.pages) page.elements.push(...footer({ title: contents.title, ...(contents.date ? { date: contents.date } : {}) }, contents.firstPage + page.number - 1, contents.total, g));
  return layout;
}

/** The first grid line a section can take below the head: a little more than a line clear. */
function nextSectionLine(baseline: number, baselineAt: (line: number) => number): number {
  let line = 0;
  while (baselineAt(line) < baseline + 18) line++;
  return line;
}
