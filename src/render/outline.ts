/**
 * Navigation: a PDF outline (bookmarks) of the headline and the section headings, nested by
 * level, and a named destination for each (`headline`, `section-12`) that links can point to.
 */
import type { Layout, PageElement, StructNode } from '../layout/index.js';

interface Heading {
  level: number;
  title: string;
  destination: string;
}

interface OutlineItem {
  addItem(title: string, options?: { expanded?: boolean }): OutlineItem;
}

export class Outline {
  private readonly headings = new Map<number, Heading>();
  private readonly done = new Set<number>();
  /** The open item at each level: an H3 goes under the last H2, and so on. */
  private readonly open: Array<OutlineItem | undefined> = [];

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    layout: Layout,
    /** Put before destination names: a part's prefix in a document of several. */
    private readonly names = '',
  ) {
    const texts = new Map<number, string[]>();
    for (const page of layout.pages) {
      for (const element of page.elements) {
        if (element.kind === 'text' && element.struct !== undefined) texts.set(element.struct, [...(texts.get(element.struct) ?? []), element.pieces.map((p) => p.text).join('')]);
      }
    }
    const walk = (node: StructNode) => {
      const level = /^H([1-6])$/.exec(node.type)?.[1];
      if (level && node.destination) {
        const title = (texts.get(node.id) ?? []).join(' ').replace(/-\s(?=\p{Ll})/gu, '').replace(/\s+/g, ' ').trim();
        if (title) this.headings.set(node.id, { level: Number(level), title, destination: node.destination });
      }
      node.children.forEach(walk);
    };
    walk(layout.structure);
    this.open[0] = (doc as unknown as { outline: OutlineItem }).outline;
  }

  /** Called for each element as it is drawn, on its page: the first line of a heading adds it. */
  visit(element: PageElement): void {
    if (element.kind !== 'text' || element.struct === undefined || this.done.has(element.struct)) return;
    const heading = this.headings.get(element.struct);
    if (!heading) return;
    this.done.add(element.struct);
    let parentLevel = heading.level - 1;
    while (parentLevel > 0 && !this.open[parentLevel]) parentLevel--;
    const item = this.open[parentLevel]!.addItem(heading.title, { expanded: true });
    this.open[heading.level] = item;
    this.open.length = heading.level + 1;
    (this.doc as unknown as { addNamedDestination(name: string, ...args: unknown[]): void }).addNamedDestination(`${this.names}${heading.destination}`, 'XYZ', element.x, element.y - element.ascent, null);
  }
}
