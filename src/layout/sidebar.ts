/**
 * The country sidebar: a tinted box in page 1's rail listing the brief's countries, grouped by
 * status with a colour key, canonical names, ISO codes in small caps and notes in small type.
 * A list too long for page 1 continues in a labelled box on page 2 instead of shrinking.
 */
import type { Sidebar } from '../model/index.js';
import { CELL_ABOVE } from './block-units.js';
import { BOX_PAD_X, BOX_PAD_Y } from './rail-block.js';
import { INK, MUTED, SIDEBAR, SIDEBAR_NOTE, SIDEBAR_TITLE, TINT, groupColors, type TextStyle } from './styles.js';
import { capHeight, lineElement, setText } from './text.js';
import type { PageElement } from './types.js';

const KEY = 6;

interface Row {
  height: number;
  /** Breathing space above the row, dropped at the top of a box. */
  space: number;
  /** Kept in the same box as the row before: a note with its country, a status heading with its first country. */
  keepWithPrevious?: boolean;
  /** The closing line saying how the list was made: a gloss on the list, not an entry of it. */
  gloss?: boolean;
  /** The group's status heading, repeated at the head of a box that goes on with the group. */
  heading?: Row;
  draw(x: number, top: number): PageElement[];
}

export interface SidebarPart {
  elements: PageElement[];
  gridLines: number;
}

/**
 * Sets the sidebar into boxes: the first in page 1's rail, at most `firstLines` grid lines tall;
 * whatever does not fit continues in labelled boxes of `continuedWidth` on the following pages,
 * each at most `continuedLines` tall, so no entry is ever dropped or shrunk.
 */
export function layoutSidebar(sidebar: Sidebar, width: number, grid: number, firstLines: number, continuedWidth: number, continuedLines: number): Array<(x: number, baseline: number) => SidebarPart> {
  const rows = sidebarRows(sidebar, width - 2 * BOX_PAD_X, false);
  // Page 1 may have no room left under the map and the at-a-glance box: then the whole list
  // goes over, and page 1 gets no empty box. A box holds the title and at least one entry.
  let split = splitRows(rows, firstLines * grid - 2 * BOX_PAD_Y);
  if (split < Math.min(2, rows.length)) split = 0;
  // A list that fits but for its closing gloss ends on page 1: a box over the page holding
  // only "Countries named in the article…" would say nothing and push that column's text down.
  const glossOnly = split === rows.length - 1 && rows[split]!.gloss === true;
  const parts = [(x: number, baseline: number) => (split ? drawBox(rows.slice(0, split), x, baseline, width, grid) : { elements: [], gridLines: 0 })];
  let left = glossOnly ? 0 : rows.length - Math.max(split, sidebar.title ? 1 : 0);
  const inner = continuedWidth - 2 * BOX_PAD_X;
  // A list that starts over the page needs no "(continued)".
  const label = sidebar.title ? sidebarRows({ ...sidebar, groups: [] }, inner, split > 0).slice(0, 1) : [];
  const rest = remainingRows(sidebar, inner, left);
  while (left > 0) {
    // A box that opens in the middle of a status group says the status again above its countries.
    // (Not when only one row would fit under it: the status would stand alone, or be said twice.)
    const first = rest[rest.length - left]!;
    const room = continuedLines * grid - 2 * BOX_PAD_Y;
    const withHeading = first.heading && first.heading !== first ? [...label, first.heading] : label;
    const head = splitRows([...withHeading, ...rest.slice(rest.length - left)], room) - withHeading.length >= Math.min(2, left) ? withHeading : label;
    const take = Math.max(1, splitRows([...head, ...rest.slice(rest.length - left)], room) - head.length);
    const boxRows = [...head, ...rest.slice(rest.length - left, rest.length - left + take)];
    parts.push((x, baseline) => drawBox(boxRows, x, baseline, continuedWidth, grid));
    left -= take;
  }
  return parts;
}

function splitRows(rows: Row[], height: number): number {
  let used = 0;
  for (let i = 0; i < rows.length; i++) {
    used += (i === 0 ? 0 : rows[i]!.space) + rows[i]!.height;
    if (used > height) {
      let split = i;
      while (split > 1 && rows[split]!.keepWithPrevious) split--;
      return split;
    }
  }
  return rows.length;
}

function remainingRows(sidebar: Sidebar, width: number, count: number): Row[] {
  const all = sidebarRows({ ...sidebar, title: '' }, width, false);
  if (count === 0) return [];
  return all.slice(all.length - count);
}

function drawBox(rows: Row[], x: number, baseline: number, width: number, grid: number): SidebarPart {
  const top = baseline - CELL_ABOVE;
  let y = top + BOX_PAD_Y;
  const content: PageElement[] = [];
  rows.forEach((row, i) => {
    if (i > 0) y += row.space;
    content.push(...row.draw(x + BOX_PAD_X, y));
    y += row.height;
  });
  const gridLines = Math.ceil((y + BOX_PAD_Y - top) / grid);
  const box: PageElement = { kind: 'rect', x, y: top, width, height: gridLines * grid - 3.5, fill: TINT };
  return { elements: [box, ...content], gridLines };
}

function sidebarRows(sidebar: Sidebar, width: number, continued: boolean): Row[] {
  const rows: Row[] = [];
  const title = sidebar.title ? (continued ? `${sidebar.title} (continued)` : sidebar.title) : '';
  if (title) rows.push(textRow(title.toUpperCase(), SIDEBAR_TITLE, width, 0, 'sidebar'));
  if (continued) return rows;
  // Status groups get a colour key (the map's legend); a list without statuses needs none.
  const colors = groupColors(sidebar.groups.map((g) => g.status));
  sidebar.groups.forEach((group, index) => {
    const heading = group.status ? textRow(group.status.toUpperCase(), { ...SIDEBAR_NOTE, font: 'sans-semibold', color: INK, tracking: 40 }, width, 6, 'sidebar') : undefined;
    if (heading) rows.push(heading);
    const under = heading ? { heading } : {};
    group.entries.forEach((entry, i) => {
      const row = { ...entryRow(entry.country.name, entry.country.alpha2, colors[index]!, width, i === 0 && !group.status ? 3 : 1), ...under };
      // A status heading never ends a box: it goes over with its first country.
      rows.push(i === 0 && group.status ? { ...row, keepWithPrevious: true } : row);
      if (entry.note) rows.push({ ...textRow(entry.note, SIDEBAR_NOTE, width - KEY - 4, 0, 'sidebar', KEY + 4), keepWithPrevious: true, ...under });
    });
  });
  if (sidebar.from === 'body') rows.push({ ...textRow('Countries named in the article, most mentioned first.', { ...SIDEBAR_NOTE, font: 'sans-italic' }, width, 6, 'sidebar'), gloss: true });
  return rows;
}

function textRow(text: string, style: TextStyle, width: number, space: number, role: 'sidebar', indent = 0): Row {
  const lines = setText(text, style, width, { align: 'ragged' });
  return {
    height: lines.length * style.leading,
    space,
    draw(x, top) {
      return lines.map((line, i) => lineElement(line, x + indent, top + capHeight(style) + i * style.leading + (style.leading - style.size) / 2, role, style));
    },
  };
}

/** A country: its colour key (the map's fill for its group), canonical name, and alpha-2 code in small caps. */
function entryRow(name: string, code: string, color: string, width: number, space: number): Row {
  const indent = KEY + 4;
  const codeStyle: TextStyle = { ...SIDEBAR, font: 'sans-semibold', color: MUTED, features: ['c2sc'] };
  const [codeLine] = setText(code, codeStyle, width, { align: 'ragged' });
  const codeWidth = codeLine ? codeLine.width + 6 : 0;
  const lines = setText(name, SIDEBAR, width - indent - codeWidth, { align: 'ragged' });
  return {
    height: lines.length * SIDEBAR.leading,
    space,
    draw(x, top) {
      const baseline = top + capHeight(SIDEBAR) + (SIDEBAR.leading - SIDEBAR.size) / 2;
      const out: PageElement[] = [{ kind: 'rect', x, y: baseline - KEY, width: KEY, height: KEY, fill: color }];
      out.push(...lines.map((line, i) => lineElement(line, x + indent, baseline + i * SIDEBAR.leading, 'sidebar', SIDEBAR)));
      if (codeLine) out.push(lineElement(codeLine, x + width - codeLine.width, baseline, 'sidebar', codeStyle));
      return out;
    },
  };
}
