/**
 * Building the pack's own pages (cover, contents) as a layout: set lines placed on the page,
 * each given to a structure leaf, and the structure tree grown alongside, in reading order.
 */
import { pageGeometry, type PageGeometry } from '../layout/geometry.js';
import type { Layout, Page, PageElement, StructNode, StructType, TextElement, TextRole } from '../layout/index.js';
import { KICKER, type TextStyle } from '../layout/styles.js';
import { capHeight, lineElement, setText } from '../layout/text.js';
import type { Paper } from '../model/index.js';
import type { Alignment, SetLine } from '../typeset/index.js';

/** Where a set line links to: a named destination and what it leads to, in words. */
export interface LinkTarget {
  destination: string;
  title: string;
}

export class PageBuilder {
  readonly geometry: PageGeometry;
  readonly pages: Page[] = [];
  readonly root: StructNode;
  private nextId = 1;

  constructor(paper: Paper, rootType: StructType) {
    this.geometry = pageGeometry(paper);
    this.root = { id: 0, type: rootType, children: [] };
  }

  /** A new structure element under `parent` (the root when none). */
  node(type: StructType, parent: StructNode = this.root): StructNode {
    const node: StructNode = { id: this.nextId++, type, children: [] };
    parent.children.push(node);
    return node;
  }

  newPage(): Page {
    const page: Page = { number: this.pages.length + 1, elements: [], columns: [] };
    this.pages.push(page);
    return page;
  }

  get page(): Page {
    return this.pages[this.pages.length - 1] ?? this.newPage();
  }

  add(...elements: PageElement[]): void {
    this.page.elements.push(...elements);
  }

  /**
   * Places set lines, the first with its baseline at `y`, the others `style.leading` apart, as
   * content of `leaf` (an artifact without one); returns the last line's baseline. Aligned
   * right, `x` is where the lines end.
   */
  place(lines: readonly SetLine[], x: number, y: number, style: TextStyle, role: TextRole, leaf: StructNode | undefined, options: { link?: LinkTarget; align?: 'left' | 'right' } = {}): number {
    let baseline = y;
    lines.forEach((line, index) => {
      if (index > 0) baseline += style.leading;
      const element = lineElement(line, options.align === 'right' ? x - line.width : x, baseline, role, style);
      this.add(linked(element, leaf, options.link));
    });
    return baseline;
  }

  layout(paper: Paper): Layout {
    const g = this.geometry;
    return {
      paper,
      width: g.width,
      height: g.height,
      frame: { left: g.margin.left - 6, top: 12, right: g.width - g.margin.right + 6, bottom: g.height - 12 },
      grid: { pitch: g.grid, origin: g.gridOrigin },
      pages: this.pages,
      structure: this.root,
    };
  }
}

/** Sets text ragged (or balanced) in one measure. */
export function set(text: string, style: TextStyle, measure: number, align: Alignment = 'ragged'): SetLine[] {
  return setText(text, style, measure, { align });
}

/** Width of `text` set on one line in `style`. */
export function widthOf(text: string, style: TextStyle): number {
  return set(text, style, 10_000)[0]?.width ?? 0;
}

function linked(element: TextElement, leaf: StructNode | undefined, link: LinkTarget | undefined): TextElement {
  if (leaf) element.struct = leaf.id;
  if (!link) return element;
  return { ...element, pieces: element.pieces.map((piece) => (piece.text.trim() ? { ...piece, style: { ...piece.style, destination: link.destination, linkTitle: link.title } } : piece)) };
}

/** The grid line after a block ending at `baseline`: a clear line between, for the rule. */
export function nextLine(baseline: number, grid: number, baselineAt: (line: number) => number): number {
  let line = 0;
  while (baselineAt(line) - capHeight(KICKER) < baseline + 1.5 * grid) line++;
  return line;
}
