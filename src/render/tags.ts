/**
 * Tagged PDF: the layout's structure tree becomes the PDF's structure tree (pdfkit's structure
 * elements), and everything drawn is marked either as content of its structure element or as
 * an artifact. Contents are added in drawing order, which for one element is reading order.
 */
import type { PageElement, StructNode, StructType } from '../layout/index.js';

/** pdfkit's structure element and structure content (the parts offprint uses). */
export interface PdfStructElement {
  add(child: unknown): PdfStructElement;
  /** No more children: pdfkit writes the element out as soon as its parent is known. */
  end(): void;
}

export interface Tagging {
  /** The pdfkit element and type for a layout structure id. */
  leaf(id: number): { element: PdfStructElement; type: StructType } | undefined;
}

/** Where a part's structure goes in a document of several parts, and its language. */
export interface PartPlace {
  parent: PdfStructElement;
  lang?: string;
}

/**
 * Builds the pdfkit structure tree (all of it, before any page is drawn) and attaches it: as
 * the document's structure, or, for a part of a document of several, under `place.parent`.
 */
export function buildStructure(doc: PDFKit.PDFDocument, root: StructNode, place?: PartPlace): Tagging {
  const byId = new Map<number, { element: PdfStructElement; type: StructType }>();
  const api = doc as unknown as {
    struct(type: string, options?: Record<string, unknown>): PdfStructElement;
    addStructure(element: PdfStructElement): void;
  };
  const make = (node: StructNode): PdfStructElement => {
    const options: Record<string, unknown> = {};
    if (node === root && place?.lang) options.lang = place.lang;
    if (node.alt) options.alt = node.alt;
    if (node.scope) options.scope = node.scope;
    const element = api.struct(node.type, options);
    byId.set(node.id, { element, type: node.type });
    for (const child of node.children) element.add(make(child));
    return element;
  };
  if (place) place.parent.add(make(root));
  else api.addStructure(make(root));
  return { leaf: (id) => byId.get(id) };
}

/**
 * Draws `draw` as marked content: of the element's structure leaf when it has one, else as an
 * artifact (running heads and footers as pagination, rules, boxes and pull-quotes as layout).
 */
export function marked(doc: PDFKit.PDFDocument, tagging: Tagging, element: PageElement, draw: () => void): void {
  const api = doc as unknown as {
    markStructureContent(tag: string, options?: Record<string, unknown>): unknown;
    markContent(tag: string, options?: Record<string, unknown>): unknown;
    endMarkedContent(): unknown;
  };
  const leaf = element.struct === undefined ? undefined : tagging.leaf(element.struct);
  if (!leaf) {
    const pagination = element.kind === 'text' && (element.role === 'running-head' || element.role === 'footer');
    api.markContent('Artifact', { type: pagination ? 'Pagination' : 'Layout' });
    draw();
    api.endMarkedContent();
    return;
  }
  const content = api.markStructureContent(leaf.type);
  draw();
  api.endMarkedContent();
  leaf.element.add(content);
}

/**
 * A line with links: each linked piece is its own `Link` structure element holding the piece's
 * text and its annotation (with the address as alternate text); the rest belongs to the line's
 * leaf. `drawPiece(i)` draws piece i and returns the link annotation's rectangle, if any.
 */
export function markedLinks(doc: PDFKit.PDFDocument, tagging: Tagging, element: PageElement & { kind: 'text' }, drawPiece: (index: number, link: ((options: Record<string, unknown>) => void) | undefined) => void): boolean {
  const leaf = element.struct === undefined ? undefined : tagging.leaf(element.struct);
  if (!leaf || !element.pieces.some((piece) => piece.style.link || piece.style.destination)) return false;
  const api = doc as unknown as {
    struct(type: string, options?: Record<string, unknown>): PdfStructElement;
    markStructureContent(tag: string, options?: Record<string, unknown>): unknown;
    endMarkedContent(): unknown;
  };
  element.pieces.forEach((piece, index) => {
    if (!piece.text.trim()) return;
    const url = piece.style.link ?? piece.style.destination;
    if (!url) {
      const content = api.markStructureContent(leaf.type);
      drawPiece(index, undefined);
      api.endMarkedContent();
      leaf.element.add(content);
      return;
    }
    const link = api.struct('Link');
    leaf.element.add(link);
    const content = api.markStructureContent('Link');
    const alt = piece.style.linkTitle ?? (piece.style.link ? `${piece.text.trim()} (${url})` : url.startsWith('note-') ? `Note ${piece.text.trim()}` : `Back to the reference of note ${piece.text.trim()}`);
    drawPiece(index, (options) => Object.assign(options, { structParent: link, Contents: new String(alt) }));
    api.endMarkedContent();
    link.add(content);
    // Written now, while its page is the current one: pdfkit names the current page as the
    // page of a link's annotation reference (OBJR /Pg) when it writes the element, so a Link
    // left open until the document ends would name the last page.
    link.end();
  });
  return true;
}
