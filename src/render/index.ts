/**
 * The render stage: the only place that calls pdfkit. Draws the layout's elements as they
 * are, embeds font subsets, sets metadata, and returns the PDF's bytes.
 */
import PDFDocument from 'pdfkit';
import { FONT_FILES, embeddingFont, font, type FontId } from '../fonts/index.js';
import type { Layout, PageElement, TextElement } from '../layout/index.js';
import { advanceOf, drawPiece } from './glyphs.js';
import { addXmpDetails, escapeMetadataXml } from './metadata.js';
import { Outline, openOutline } from './outline.js';
import { buildStructure, marked, markedLinks, type PdfStructElement } from './tags.js';
import { drawPath } from './paths.js';
import { drawSvg, SVG_FONTS } from './svg.js';

export interface DocumentInfo {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  lang: string;
  /** Publication date as `YYYY-MM-DD`; else SOURCE_DATE_EPOCH; never the clock. */
  date?: string;
  creator: string;
}

export interface RenderOptions {
  /** Write PDF/A-2a (archival; tagged, so also PDF/UA-1) instead of plain tagged PDF/UA-1. */
  pdfa?: boolean;
}

/**
 * One part of a document of several (a briefing pack: its cover, its contents, each brief).
 * The parts' pages follow one another; each part keeps its own structure tree, outline and
 * named destinations, so one brief's "note-1" or "section-4" never meets another's.
 */
export interface DocumentPart {
  layout: Layout;
  /** Put before the part's destination names (headings, notes): unique per part. */
  names?: string;
  /** The part's language, when it is not the document's. */
  lang?: string;
}

export function renderPdf(layout: Layout, info: DocumentInfo, options: RenderOptions = {}): Promise<Uint8Array> {
  return renderDocument([{ layout }], info, options);
}

/**
 * Renders parts into one PDF. One part (a brief) is the document: its structure root is the
 * document's. Several parts each go under one `Document` structure element, in order.
 */
export function renderDocument(parts: readonly DocumentPart[], info: DocumentInfo, options: RenderOptions = {}): Promise<Uint8Array> {
  const first = parts[0]!.layout;
  const date = documentDate(info.date);
  const doc = new PDFDocument({
    // Tagged by default: a structure tree in reading order, artifacts marked (PDF/UA-1).
    tagged: true,
    subset: (options.pdfa ? 'PDF/A-2a' : 'PDF/UA') as PDFKit.Mixins.PDFSubsets,
    size: [first.width, first.height],
    margin: 0,
    autoFirstPage: false,
    // No default font: pdfkit would otherwise load Helvetica's metrics for every document.
    font: null as unknown as string,
    compress: true,
    lang: info.lang,
    displayTitle: true,
    pdfVersion: '1.7',
    // pdfkit derives the file ID from the info dictionary and always writes a creation date:
    // with no date in the brief or SOURCE_DATE_EPOCH it is the epoch, so rebuilds stay identical.
    info: {
      Title: info.title,
      ...(info.author ? { Author: info.author } : {}),
      ...(info.subject ? { Subject: info.subject } : {}),
      ...(info.keywords ? { Keywords: info.keywords } : {}),
      Creator: info.creator,
      Producer: `${info.creator} (pdfkit)`,
      CreationDate: date ?? new Date(0),
      ModDate: date ?? new Date(0),
    },
  });

  escapeMetadataXml(doc);
  const chunks: Buffer[] = [];
  const finished = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  // pdfkit takes an already parsed fontkit face: each font is parsed once per process.
  for (const id of usedFonts(parts.map((part) => part.layout))) doc.registerFont(id, embeddingFont(id) as unknown as Buffer);
  const root = parts.length > 1 ? wholeDocument(doc) : undefined;
  for (const part of parts) {
    const { layout } = part;
    const names = part.names ?? '';
    const tagging = buildStructure(doc, layout.structure, root && { parent: root, ...(part.lang ? { lang: part.lang } : {}) });
    const outline = new Outline(doc, layout, names);
    for (const page of layout.pages) {
      doc.addPage({ size: [layout.width, layout.height], margin: 0 });
      for (const element of page.elements) {
        outline.visit(element);
        if (element.kind === 'text' && markedLinks(doc, tagging, element, (index, link) => drawLinePiece(doc, element, index, link, names))) continue;
        marked(doc, tagging, element, () => drawElement(doc, element, names));
      }
    }
  }
  openOutline(doc);
  addXmpDetails(doc, info, date ?? new Date(0), options.pdfa === true);
  // Open with the bookmarks showing: a reader sees the brief's sections at once.
  (doc as unknown as { _root: { data: Record<string, unknown> } })._root.data.PageMode = 'UseOutlines';
  doc.end();
  return finished;
}

function drawElement(doc: PDFKit.PDFDocument, element: PageElement, names: string): void {
  switch (element.kind) {
    case 'text':
      drawText(doc, element, names);
      return;
    case 'rule':
      doc.save().moveTo(element.x1, element.y1).lineTo(element.x2, element.y2).lineWidth(element.width).strokeColor(element.color).stroke().restore();
      return;
    case 'rect':
      doc.save().rect(element.x, element.y, element.width, element.height);
      if (element.fill && element.stroke) doc.lineWidth(element.strokeWidth ?? 0.5).fillAndStroke(element.fill, element.stroke);
      else if (element.fill) doc.fill(element.fill);
      else if (element.stroke) doc.lineWidth(element.strokeWidth ?? 0.5).stroke(element.stroke);
      doc.restore();
      return;
    case 'image':
      if (element.svg !== undefined) drawSvg(doc, { ...element, svg: element.svg });
      else if (element.path !== undefined) doc.image(element.path, element.x, element.y, { width: element.width, height: element.height });
      return;
    case 'path':
      drawPath(doc, element);
      return;
  }
}

/**
 * One piece of a line. A line of the structure that ends with a hyphen the breaker put there
 * draws its broken word in a span whose actual text ends with a soft hyphen (U+00AD), the PDF
 * way of saying "this word goes on at the next line", so screen readers and text extraction
 * put the word back together. The hyphen glyph is the same as a real hyphen's, so the font's
 * own text mapping cannot say it.
 */
function drawLinePiece(doc: PDFKit.PDFDocument, line: TextElement, index: number, tagLink: ((options: Record<string, unknown>) => void) | undefined, names: string): void {
  const piece = line.pieces[index]!;
  const brokenWord = line.hyphenated && line.struct !== undefined && index === line.pieces.length - 1 && piece.text.endsWith('-');
  if (!brokenWord || piece.style.link || piece.style.destination || piece.style.strike) {
    drawTextPiece(doc, line, index, tagLink, names);
    return;
  }
  // The span covers the whole broken word: its text is the word's first part and a soft hyphen.
  const x = line.x + piece.x;
  const cut = piece.text.lastIndexOf(' ') + 1;
  const before = piece.text.slice(0, cut);
  const word = piece.text.slice(cut);
  if (before) drawPiece(doc, { ...piece, text: before }, x, line.y);
  drawPiece(doc, { ...piece, text: word }, x + advanceOf(piece, before), line.y, `${word.slice(0, -1)}\u00AD`);
}

function drawText(doc: PDFKit.PDFDocument, line: TextElement, names: string): void {
  line.pieces.forEach((_, index) => drawLinePiece(doc, line, index, undefined, names));
}

/** Draws one piece of a line; `tagLink` adds the structure options to its link annotation. */
function drawTextPiece(doc: PDFKit.PDFDocument, line: TextElement, index: number, tagLink: ((options: Record<string, unknown>) => void) | undefined, names: string): void {
  const piece = line.pieces[index]!;
  const x = line.x + piece.x;
  drawPiece(doc, piece, x, line.y);
  if (piece.style.strike) {
    const y = line.y - piece.style.size * 0.28;
    doc.save().moveTo(x, y).lineTo(x + piece.width, y).lineWidth(piece.style.size * 0.06).strokeColor(piece.style.color).stroke().restore();
  }
  const options: Record<string, unknown> = {};
  if (piece.style.link) {
    tagLink?.(options);
    doc.link(x, line.y - line.ascent, piece.width, line.ascent + line.descent, piece.style.link, options);
  } else if (piece.style.destination) {
    tagLink?.(options);
    // Footnote references and note numbers link to each other; each end is a named destination.
    const here = backLink(piece.style.destination);
    if (here) addDestinationOnce(doc, `${names}${here}`, x, line.y - line.ascent);
    doc.goTo(x, line.y - line.ascent, piece.width, line.ascent + line.descent, `${names}${piece.style.destination}`, options);
  }
}

/** Where a note number's link leads back to (its reference), and the other way round; other links have no way back. */
function backLink(destination: string): string | undefined {
  if (destination.startsWith('note-')) return `ref-${destination.slice(5)}`;
  if (destination.startsWith('ref-')) return `note-${destination.slice(4)}`;
  return undefined;
}

/** The `Document` structure element that holds the parts of a document of several. */
function wholeDocument(doc: PDFKit.PDFDocument): PdfStructElement {
  const api = doc as unknown as { struct(type: string): PdfStructElement; addStructure(element: PdfStructElement): void };
  const root = api.struct('Document');
  api.addStructure(root);
  return root;
}

const destinations = new WeakMap<PDFKit.PDFDocument, Set<string>>();

function addDestinationOnce(doc: PDFKit.PDFDocument, name: string, x: number, y: number): void {
  const names = destinations.get(doc) ?? new Set<string>();
  destinations.set(doc, names);
  if (names.has(name)) return;
  names.add(name);
  (doc as unknown as { addNamedDestination(name: string, ...args: unknown[]): void }).addNamedDestination(name, 'XYZ', x, y, null);
}

/** Fonts in a fixed order, so subset tags (and so the bytes) do not depend on drawing order. */
function usedFonts(layouts: readonly Layout[]): FontId[] {
  const used = new Set<FontId>();
  for (const page of layouts.flatMap((layout) => layout.pages)) {
    for (const element of page.elements) {
      if (element.kind === 'text') for (const piece of element.pieces) used.add(piece.style.font);
      // An SVG's text is set in offprint's faces (render/svg.ts); pdfkit embeds only those used.
      if (element.kind === 'image' && element.svg !== undefined) for (const id of SVG_FONTS) used.add(id);
    }
  }
  return (Object.keys(FONT_FILES) as FontId[]).filter((id) => used.has(id));
}


function documentDate(briefDate: string | undefined): Date | undefined {
  if (briefDate) return new Date(`${briefDate}T00:00:00Z`);
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return undefined;
}
