/**
 * Navigation: a PDF outline (bookmarks) of the headline and the section headings, nested by
 * level, and a named destination for each (`headline`, `section-12`) that links can point to.
 */
import { headingsOf, type Heading } from '../layout/headings.js';
import type { Layout, PageElement } from '../layout/index.js';

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
    for (const heading of headingsOf(layout)) this.headings.set(heading.struct, heading);
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
