/**
 * Navigation: a PDF outline (bookmarks) of the headline and the section headings, nested by
 * level, and a named destination for each (`headline`, `section-12`) that links can point to.
 */
import { headingsOf, type Heading } from '../layout/headings.js';
import type { Layout, PageElement } from '../layout/index.js';

interface OutlineItem {
  addItem(title: string, options?: { expanded?: boolean }): OutlineItem;
  outlineData: Record<string, unknown>;
  children: OutlineItem[];
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
    const name = `${this.names}${heading.destination}`;
    (this.doc as unknown as { addNamedDestination(name: string, ...args: unknown[]): void }).addNamedDestination(name, 'XYZ', element.x, element.y - element.ascent, null);
    // pdfkit points a bookmark at its page's top right corner (it takes the page's width as the
    // left edge): it goes to the heading's named destination instead, as the contents links do.
    const item = this.open[parentLevel]!.addItem(heading.title);
    item.outlineData.Dest = new String(name);
    this.open[heading.level] = item;
    this.open.length = heading.level + 1;
  }
}

/**
 * Opens every bookmark: each item with children, and the outline itself, gets its /Count, the
 * number of entries shown below it when all are open (pdfkit gives the outline none, and an
 * item only the number of its children). Called once all parts are drawn, before the end.
 */
export function openOutline(doc: PDFKit.PDFDocument): void {
  const count = (item: OutlineItem): number => {
    const shown = item.children.reduce((sum, child) => sum + 1 + count(child), 0);
    if (shown > 0) item.outlineData.Count = shown;
    return shown;
  };
  const root = (doc as unknown as { outline: OutlineItem }).outline;
  if (count(root) > 0) root.outlineData.Type = 'Outlines';
}
