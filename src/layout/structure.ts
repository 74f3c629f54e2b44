/**
 * The document's logical structure, for tagged PDF: a tree in the article's reading order
 * (headline, dek, byline, the body block by block with each footnote set at a column's foot
 * right after the paragraph holding its reference, the band at the end, then the sidebar), built from
 * the flow units rather than from where things landed on the page. Each element on the pages is
 * pointed at its leaf; running heads, footers, rules and pull-quotes (which repeat body text)
 * stay artifacts, so a screen reader hears every word once and in order.
 */
import type { FlowUnit } from './units.js';
import type { Page, PageElement, StructNode, StructType, TextElement } from './types.js';

/** What the sidebar's map shows, for its alternate text. */
export interface StructureOptions {
  mapAlt?: string;
  /** Footnote paragraphs (unit index) and the unit holding their reference: each Note follows it. */
  noteAfter?: ReadonlyMap<number, number>;
}

export function tagLayout(pages: Page[], units: readonly FlowUnit[], options: StructureOptions = {}): StructNode {
  let next = 0;
  const node = (type: StructType, extra: Partial<StructNode> = {}): StructNode => ({ id: next++, type, children: [], ...extra });
  const root = node('Document');
  const header = { kicker: node('P'), headline: node('H1', { destination: 'headline' }), dek: node('P'), byline: node('P') };
  root.children.push(header.kicker, header.headline, header.dek, header.byline);

  const unitLeaf: Array<StructNode | undefined> = [];
  const markerLeaf: Array<StructNode | undefined> = [];
  const captionLeaf: Array<StructNode | undefined> = [];
  const cells = new Map<string, StructNode>();
  const containers = new Map<string, StructNode>();
  /** Where each unit's leaf went, so a footnote's Note can follow its reference's paragraph. */
  const parentOf = new Map<number, StructNode>();
  const noteAfter = options.noteAfter ?? new Map<number, number>();
  const notesOf = new Map<number, number[]>();
  for (const [note, anchor] of noteAfter) notesOf.set(anchor, [...(notesOf.get(anchor) ?? []), note]);
  const order = units.flatMap((_, index) => (noteAfter.has(index) ? [] : [index, ...(notesOf.get(index) ?? [])]));
  order.forEach((index) => {
    const unit = units[index]!;
    if (unit.kind === 'block') {
      if (unit.table) {
        const table = node('Table');
        root.children.push(table);
        for (let row = 0; row < unit.table.rows; row++) {
          const tr = node('TR');
          table.children.push(tr);
          for (let column = 0; column < unit.table.columns; column++) {
            const cell = row === 0 ? node('TH', { scope: 'Column' }) : node('TD');
            tr.children.push(cell);
            cells.set(`${unit.table.id}:${row}:${column}`, cell);
          }
        }
      } else if (unit.figure) {
        const figure = node('Figure', { alt: unit.figure.alt });
        const caption = node('Caption');
        figure.children.push(caption);
        root.children.push(figure);
        unitLeaf[index] = figure;
        captionLeaf[index] = caption;
      }
      return;
    }
    const anchor = noteAfter.get(index);
    let parent = (anchor === undefined ? undefined : parentOf.get(anchor)) ?? root;
    for (const step of unit.structPath) {
      const key = `${step.type}:${step.key}`;
      let container = containers.get(key);
      if (!container) {
        container = node(step.type);
        parent.children.push(container);
        containers.set(key, container);
      }
      parent = container;
      if (step.type === 'LI') {
        // An item is its label, then its body.
        let body = containers.get(`${key}:body`);
        if (!body) {
          if (unit.marker) {
            const label = node('Lbl');
            container.children.push(label);
            markerLeaf[index] = label;
          }
          body = node('LBody');
          container.children.push(body);
          containers.set(`${key}:body`, body);
        }
        parent = body;
      }
    }
    const level = unit.headingLevel;
    const type: StructType = level ? (`H${Math.min(6, Math.max(2, level))}` as StructType) : unit.role === 'code' ? 'Code' : 'P';
    const leaf = node(type, level ? { destination: `section-${index}` } : {});
    parent.children.push(leaf);
    unitLeaf[index] = leaf;
    parentOf.set(index, parent);
  });

  const aside = node('Aside');
  root.children.push(aside);
  const map = node('Figure', { alt: options.mapAlt ?? 'Locator map' });
  aside.children.push(map);
  const sidebarRows = new Map<string, StructNode>();

  for (const page of pages) {
    for (const element of page.elements) {
      const leaf = leafFor(element, page);
      if (leaf) element.struct = leaf.id;
    }
  }
  prune(root, new Set(pages.flatMap((page) => page.elements.flatMap((e) => (e.struct === undefined ? [] : [e.struct])))));
  return root;

  function leafFor(element: PageElement, page: Page): StructNode | undefined {
    if (element.kind === 'path') return map;
    if (element.kind === 'image') return element.paragraph === undefined ? undefined : unitLeaf[element.paragraph];
    if (element.kind !== 'text') return undefined;
    switch (element.role) {
      case 'kicker':
        return header.kicker;
      case 'headline':
        return header.headline;
      case 'dek':
        return header.dek;
      case 'byline':
        return header.byline;
      case 'running-head':
      case 'footer':
      case 'pullquote':
      case 'pullquote-cite':
        return undefined;
      case 'sidebar': {
        // One paragraph per row of the sidebar (a name and its code share a baseline).
        const key = `${page.number}:${Math.round(element.y * 10)}:${Math.round(element.x / 40)}`;
        let row = sidebarRows.get(key);
        if (!row) {
          row = node('P');
          aside.children.push(row);
          sidebarRows.set(key, row);
        }
        return row;
      }
    }
    if (element.cell) return element.cell.repeated ? undefined : cells.get(`${element.cell.table}:${element.cell.row}:${element.cell.column}`);
    if (element.paragraph === undefined) return undefined;
    if (element.role === 'caption') return captionLeaf[element.paragraph];
    if (element.marker) return markerLeaf[element.paragraph] ?? unitLeaf[element.paragraph];
    return unitLeaf[element.paragraph];
  }
}


/** Drops structure elements with nothing on the pages (a brief without a dek, an empty row). */
function prune(parent: StructNode, used: ReadonlySet<number>): boolean {
  parent.children = parent.children.filter((child) => prune(child, used));
  // A table keeps its empty cells, so every row has all its columns.
  return parent.children.length > 0 || used.has(parent.id) || parent.type === 'TD' || parent.type === 'TH';
}
