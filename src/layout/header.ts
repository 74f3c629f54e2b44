/**
 * Page 1's headline block across the full measure: kicker, headline, dek, byline row and a
 * rule. Its height is a whole number of grid lines, so the first body line lands on the grid.
 */
import { textWidth } from '../fonts/index.js';
import type { BriefMeta } from '../model/index.js';
import { isRightToLeftLanguage, type SetLine } from '../typeset/index.js';
import { baselineOf, type PageGeometry } from './geometry.js';
import { BYLINE, DEK, HAIRLINE, HEADLINE, KICKER, MUTED, type TextStyle } from './styles.js';
import { capHeight, lineElement, setText } from './text.js';
import type { PageElement } from './types.js';
import { SEPARATOR } from './furniture.js';
import { byline, formatDate } from './byline-words.js';

export interface HeaderResult {
  elements: PageElement[];
  /** Grid lines the header takes; the body starts on this grid line. */
  gridLines: number;
}

const MAX_HEADLINE_LINES = 3;

export function layoutHeader(meta: Pick<BriefMeta, 'kicker' | 'title' | 'dek' | 'byline' | 'dateline' | 'date'> & Partial<Pick<BriefMeta, 'lang'>>, geometry: PageGeometry, warn: (message: string) => void): HeaderResult {
  const x = geometry.margin.left;
  const measure = geometry.width - geometry.margin.left - geometry.margin.right;
  const elements: PageElement[] = [];
  let y = geometry.margin.top + capHeight(KICKER);
  // The headline and dek of a brief in a right-to-left language read right to left.
  const direction = meta.lang && isRightToLeftLanguage(meta.lang) ? 'rtl' : undefined;

  const kicker = setText(meta.kicker.toUpperCase(), KICKER, measure, { align: 'ragged' });
  for (const line of kicker) {
    elements.push(lineElement(line, x, y, 'kicker', KICKER));
    y += KICKER.leading;
  }

  // The headline steps down in size until it fits in three balanced lines.
  let style: TextStyle = HEADLINE;
  let lines: SetLine[] = [];
  for (let size = HEADLINE.size; size >= 16; size -= 1) {
    style = { ...HEADLINE, size, leading: Math.round(size * 1.115 * 10) / 10 };
    lines = setText(meta.title, style, measure * 0.92, { align: 'balanced', direction });
    if (lines.length <= MAX_HEADLINE_LINES) break;
  }
  if (lines.length > MAX_HEADLINE_LINES) warn(`the headline takes ${lines.length} lines even at ${style.size} pt; a shorter one would read better`);
  y += style.size * 0.9 - KICKER.leading + KICKER.leading;
  // A right-to-left line is flush with the right edge of its measure; a narrower measure than
  // the page's (headline, dek) moves over so the text ends at the margin.
  const from = (line: SetLine) => (line.rtl ? x + measure - line.measure : x);
  for (const line of lines) {
    elements.push(lineElement(line, from(line), y, 'headline', style));
    y += style.leading;
  }
  y -= style.leading;

  if (meta.dek) {
    y += DEK.leading + 7;
    const dek = setText(meta.dek, DEK, Math.min(measure, measure * 0.78), { align: 'ragged', direction });
    dek.forEach((line, i) => {
      elements.push(lineElement(line, from(line), y, 'dek', DEK));
      if (i < dek.length - 1) y += DEK.leading;
    });
  }

  const bylineParts: { text: string; style: TextStyle }[] = [];
  if (meta.byline.length) bylineParts.push({ text: byline(meta.byline, meta.lang), style: { ...BYLINE, font: 'sans-semibold' } });
  if (meta.dateline) bylineParts.push({ text: meta.dateline.toUpperCase(), style: { ...BYLINE, color: MUTED } });
  if (meta.date) bylineParts.push({ text: formatDate(meta.date, meta.lang), style: { ...BYLINE, color: MUTED } });
  y += 18;
  if (bylineParts.length) {
    let bx = x;
    bylineParts.forEach((part, i) => {
      // Each part is set on its own line, and a line drops the spaces it starts with: the space
      // before the separator is left as a gap instead, so the dot sits between equal spaces.
      const [line] = setText(i === 0 ? part.text : `${SEPARATOR.trimStart()}${part.text}`, part.style, measure, { align: 'ragged' });
      if (!line) return;
      if (i > 0) bx += textWidth(part.style.font, SEPARATOR.slice(0, SEPARATOR.indexOf('\u00B7')), part.style.size);
      elements.push(lineElement(line, bx, y, 'byline', part.style));
      bx += line.width;
    });
    y += 6;
  }
  elements.push({ kind: 'rule', x1: x, y1: y, x2: x + measure, y2: y, width: 0.5, color: HAIRLINE });

  // The first body baseline sits at least a grid line and a cap height below the rule.
  let gridLines = 0;
  while (baselineOf(geometry, gridLines) - capHeight(BYLINE) < y + geometry.grid) gridLines++;
  return { elements, gridLines };
}

export { formatDate, joinNames } from './byline-words.js';
