/**
 * Page furniture: the footer on every page (title and date left, "2 / 3" right, hairline
 * above) and the running head on pages 2 onwards (kicker and short headline in small caps).
 */
import type { BriefMeta } from '../model/index.js';
import type { PageGeometry } from './geometry.js';
import { hasRightToLeft } from '../typeset/index.js';
import { formatDate } from './header.js';
import { FOOTER, HAIRLINE, MUTED } from './styles.js';
import { lineElement, setText } from './text.js';
import type { Page, PageElement } from './types.js';

/** What a footer shows: the brief's (or a pack's) title and date. */
export type FooterMeta = Pick<BriefMeta, 'title' | 'date'> & { lang?: string };

/** Source Sans has no en space: two no-break spaces either side of a middle dot. */
export const SEPARATOR = '\u00A0\u00A0\u00B7\u00A0\u00A0';

export function footer(meta: FooterMeta, page: number, pages: number, geometry: PageGeometry): PageElement[] {
  const x = geometry.margin.left;
  const measure = geometry.width - geometry.margin.left - geometry.margin.right;
  const ruleY = geometry.height - geometry.margin.bottom + 14;
  const baseline = ruleY + 11;
  // After a right-to-left title the date is isolated (FSI … PDI), or UAX #9 would read its day
  // as an Arabic number apart from the month: "March 2024 1".
  const date = meta.date ? (hasRightToLeft(meta.title) ? `\u2068${formatDate(meta.date, meta.lang)}\u2069` : formatDate(meta.date, meta.lang)) : undefined;
  const label = date ? `${meta.title}${SEPARATOR}${date}` : meta.title;
  const [number] = setText(`${page}\u2009/\u2009${pages}`, FOOTER, measure, { align: 'ragged' });
  const numberWidth = number ? number.width : 0;
  const [left] = setText(ellipsize(label, measure - numberWidth - 24), FOOTER, measure - numberWidth - 12, { align: 'ragged' });
  const out: PageElement[] = [{ kind: 'rule', role: 'footer', x1: x, y1: ruleY, x2: x + measure, y2: ruleY, width: 0.4, color: HAIRLINE }];
  if (left) out.push(lineElement(left, x, baseline, 'footer', FOOTER));
  if (number) out.push(lineElement(number, x + measure - number.width, baseline, 'footer', FOOTER));
  return out;
}

/**
 * The pages with their footers set again for other page numbers: a brief inside a briefing
 * pack shows the pack's numbers ("7 / 12"), its page 1 numbered `first`. The new footer takes
 * the old one's place in the drawing order; the pages given are left as they were.
 */
export function renumberFooters(pages: readonly Page[], meta: FooterMeta, geometry: PageGeometry, first: number, total: number): Page[] {
  return pages.map((page, index) => {
    const at = page.elements.findIndex(isFooter);
    if (at < 0) return page;
    const elements = page.elements.filter((element) => !isFooter(element));
    elements.splice(at, 0, ...footer(meta, first + index, total, geometry));
    return { ...page, elements };
  });
}

function isFooter(element: PageElement): boolean {
  return (element.kind === 'text' || element.kind === 'rule') && element.role === 'footer';
}

export function runningHead(meta: BriefMeta, geometry: PageGeometry): PageElement[] {
  const x = geometry.margin.left;
  const measure = geometry.width - geometry.margin.left - geometry.margin.right;
  const baseline = geometry.margin.top - 14;
  const style = { ...FOOTER, font: 'sans-semibold' as const, color: MUTED, features: ['c2sc', 'smcp'], tracking: 40 };
  const text = `${meta.kicker}${SEPARATOR}${shortTitle(meta.title)}`;
  const [line] = setText(ellipsize(text, measure / 0.9), style, measure, { align: 'ragged' });
  const ruleY = baseline + 5;
  const out: PageElement[] = [{ kind: 'rule', role: 'running-head', x1: x, y1: ruleY, x2: x + measure, y2: ruleY, width: 0.4, color: HAIRLINE }];
  if (line) out.push(lineElement(line, x, baseline, 'running-head', style));
  return out;
}

/** The headline cut at a word boundary to about sixty characters. */
function shortTitle(title: string): string {
  if (title.length <= 64) return title;
  const cut = title.slice(0, 60);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 30))}\u2026`;
}

/** Keeps furniture on one line: roughly two characters per point of 7.5 pt text would be too many. */
function ellipsize(text: string, width: number): string {
  const max = Math.floor(width / 3.6);
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).replace(/\s+\S*$/, '')}\u2026`;
}
