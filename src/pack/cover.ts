/**
 * The cover, page 1: under a heavy accent rule, a masthead line (the date; how many briefs and
 * pages), the pack's title large, then "In this pack": each brief's kicker, headline and
 * byline, with the page it starts on in the right margin of the list, linked to that page.
 * Every block starts on the baseline grid. Briefs that do not fit are counted in a last line
 * that sends the reader to the contents, which list them all.
 */
import { baselineOf } from '../layout/geometry.js';
import { formatDate } from '../layout/header.js';
import { SEPARATOR } from '../layout/furniture.js';
import type { Layout } from '../layout/index.js';
import { ACCENT, HAIRLINE, KICKER, MUTED, type TextStyle } from '../layout/styles.js';
import type { Paper } from '../model/index.js';
import type { PackEntry } from './entries.js';
import { entryHead, type EntryForm } from './entry-head.js';
import { nextLine, PageBuilder, set } from './page-builder.js';
import { COVER_TITLE, ENTRY_BYLINE, ENTRY_HEADLINE, ENTRY_PAGE, NOTE } from './styles.js';

/** The smallest size a long title is set in on the cover, and the most lines it may take there. */
const MIN_TITLE_SIZE = 20;
const MAX_TITLE_LINES = 12;

/** A pack title too long for its cover: the caller's input to correct, not a failure to report. */
export class TitleTooLong extends Error {}

export interface CoverText {
  title: string;
  date?: string | undefined;
  pages: number;
  /** The page the contents start on. */
  contentsPage: number;
}

/** The grid line the list of briefs starts on at the latest: about two fifths down the page. */
const LIST_LINE = 22;

export function layoutCover(cover: CoverText, entries: readonly PackEntry[], paper: Paper): Layout {
  const b = new PageBuilder(paper, 'Sect');
  const g = b.geometry;
  const left = g.margin.left;
  const measure = g.width - g.margin.left - g.margin.right;
  const right = left + measure;
  b.newPage();

  b.add({ kind: 'rule', x1: left, y1: g.margin.top, x2: right, y2: g.margin.top, width: 2.5, color: ACCENT });
  // The masthead line: the date on the left, the pack's size on the right.
  const masthead = b.node('P');
  const mastheadY = baselineOf(g, 1);
  if (cover.date) b.place(set(formatDate(cover.date).toUpperCase(), KICKER, measure), left, mastheadY, KICKER, 'pack-label', masthead);
  const size = `${entries.length} ${entries.length === 1 ? 'BRIEF' : 'BRIEFS'}${SEPARATOR}${cover.pages} PAGES`;
  b.place(set(size, KICKER, measure), right, mastheadY, KICKER, 'pack-label', masthead, { align: 'right' });

  // The title steps down in size until it takes at most three lines; a long one goes on down
  // to MIN_TITLE_SIZE while it takes more than six, and one that still needs more than
  // MAX_TITLE_LINES would push the list of briefs off the cover.
  let style: TextStyle = COVER_TITLE;
  let titleLines = set(cover.title, style, measure * 0.85, 'balanced');
  for (let size = COVER_TITLE.size - 2; size >= MIN_TITLE_SIZE && titleLines.length > (style.size > 26 ? 3 : 6); size -= 2) {
    style = { ...COVER_TITLE, size, leading: Math.round(size * 1.09) };
    titleLines = set(cover.title, style, measure * 0.85, 'balanced');
  }
  if (titleLines.length > MAX_TITLE_LINES) throw new TitleTooLong(`the title takes ${titleLines.length} lines on the cover even at ${style.size} pt, and a cover holds ${MAX_TITLE_LINES} with its list of briefs: shorten it`);
  const titleTop = baselineOf(g, 9);
  const titleEnd = b.place(titleLines, left, titleTop, style, 'pack-title', b.node('H1'));

  // "In this pack" and the list stand at the foot of the page; a list too long for that starts
  // higher (well below the title, never above LIST_LINE), and one too long for a single
  // column is set compact (no bylines) in the two columns of the later pages.
  const lastLine = g.gridLines - 1;
  let highest = LIST_LINE;
  while (baselineOf(g, highest) < titleEnd + 4 * g.grid) highest++;
  const baselineAt = (n: number) => baselineOf(g, n);
  const full: ListForm = { columns: [{ x: left, width: measure }], textWidth: g.firstPage.body[1].x + g.firstPage.body[1].width - left, headline: ENTRY_HEADLINE, page: ENTRY_PAGE, bylines: true };
  const fullHeight = listHeight(entries, full, baselineAt, g.grid);
  const compact: ListForm = { columns: g.laterPages.body, textWidth: g.laterPages.body[0].width - 36, headline: COMPACT_HEADLINE, page: COMPACT_PAGE, bylines: false };
  const form = highest + fullHeight <= lastLine ? full : compact;
  let line = form === full ? lastLine - fullHeight : highest;
  const headingY = baselineOf(g, line);
  b.add({ kind: 'rule', x1: left, y1: headingY - g.grid - 2, x2: right, y2: headingY - g.grid - 2, width: 0.75, color: ACCENT });
  const heading: TextStyle = { ...KICKER, color: MUTED };
  b.place(set('IN THIS PACK', heading, measure), left, headingY, heading, 'pack-label', b.node('P'));
  line += 2;

  const list = b.node('L');
  const firstLine = line;
  let column = 0;
  let shown = 0;
  for (const entry of entries) {
    let block = entryHead(entry, baselineAt(line), headForm(form));
    // The last column keeps room for the line that counts the briefs left out.
    const lastColumn = column === form.columns.length - 1;
    const room = lastColumn && shown < entries.length - 1 ? lastLine - 2 : lastLine;
    if (block.lastBaseline > baselineAt(room)) {
      if (lastColumn) break;
      column++;
      line = firstLine;
      block = entryHead(entry, baselineAt(line), headForm(form));
    }
    const { x, width } = form.columns[column]!;
    const body = b.node('LBody', b.node('LI', list));
    const link = { destination: entry.destination, title: `${entry.meta.title}, page ${entry.start}` };
    if (line > firstLine) b.add({ kind: 'rule', x1: x, y1: baselineAt(line) - g.grid + 1, x2: x + width, y2: baselineAt(line) - g.grid + 1, width: 0.4, color: HAIRLINE });
    b.place(set(entry.meta.kicker.toUpperCase(), KICKER, form.textWidth), x, block.kicker, KICKER, 'contents', b.node('P', body));
    b.place(block.headline, x, block.headlineTop, form.headline, 'contents', b.node('P', body), { link });
    if (block.byline) b.place(block.byline, x, block.bylineY, ENTRY_BYLINE, 'contents', b.node('P', body));
    b.place(set(`${entry.start}`, form.page, width), x + width, block.headlineTop, form.page, 'contents', b.node('P', body), { link: { destination: entry.destination, title: `Page ${entry.start}: ${entry.meta.title}` }, align: 'right' });
    shown++;
    line = nextLine(block.lastBaseline, g.grid, baselineAt);
  }
  if (shown < entries.length) {
    const more = entries.length - shown;
    const text = `And ${more} more ${more === 1 ? 'brief' : 'briefs'}: all ${entries.length} are listed in the contents, page ${cover.contentsPage}.`;
    const { x, width } = form.columns[column]!;
    b.place(set(text, NOTE, width), x, baselineAt(line), NOTE, 'contents', b.node('P'));
  }
  return b.layout(paper);
}

/** How the list is set: its columns, the measure of its headlines, their type, and whether bylines show. */
interface ListForm {
  columns: ReadonlyArray<{ x: number; width: number }>;
  textWidth: number;
  headline: TextStyle;
  page: TextStyle;
  bylines: boolean;
}

const COMPACT_HEADLINE: TextStyle = { ...ENTRY_HEADLINE, size: 12, leading: 14.5 };
const COMPACT_PAGE: TextStyle = { ...ENTRY_PAGE, size: 12, leading: 14.5 };

/** Grid lines from "In this pack" to the last entry's last baseline, in one column. */
function listHeight(entries: readonly PackEntry[], form: ListForm, baselineAt: (line: number) => number, grid: number): number {
  let line = 2;
  entries.forEach((entry, index) => {
    const block = entryHead(entry, baselineAt(line), headForm(form));
    line = index < entries.length - 1 ? nextLine(block.lastBaseline, grid, baselineAt) : line + Math.ceil((block.lastBaseline - baselineAt(line)) / grid);
  });
  return line;
}

/** How the cover's list sets an entry: no dek, bylines only when there is room for them. */
function headForm(form: ListForm): EntryForm {
  return { headline: form.headline, measure: form.textWidth, dek: false, byline: form.bylines };
}
