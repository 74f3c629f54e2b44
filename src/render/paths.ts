/**
 * Vector shapes (the locator map) as Form XObjects whose compressed streams are made once per
 * process. A map is thousands of points: formatting them and deflating them again for every
 * PDF was most of what the map cost. The layout hands over the map stage's own ring arrays,
 * and the map stage keeps each map it made, so another PDF with the same map reuses the bytes.
 *
 * Colour and line width are set on the page before `Do`: a form inherits the graphics state,
 * so one stream serves a shape in any colour. pdfkit's moveTo/lineTo (and doc.path's SVG
 * parser) would cost a call and a six-decimal number per point; the map stage already rounded
 * the points to 0.1 pt, so they are written as they are.
 */
import { deflateSync } from 'node:zlib';
import type { PathElement } from '../layout/index.js';

interface ShapeStream {
  /** The path operators and the paint operator, deflated. */
  bytes: Buffer;
  bbox: [number, number, number, number];
}

/** The parts of pdfkit's document this needs (pinned pdfkit 0.20). */
interface DocumentInternals {
  ref(data: Record<string, unknown>): { end(chunk: Buffer): void };
  page: { xobjects: Record<string, unknown> };
  addContent(content: string): unknown;
}

const streams = new WeakMap<PathElement['rings'], Map<string, ShapeStream | null>>();
/** Names of the forms already used in each document: P1, P2, … */
const formsMade = new WeakMap<PDFKit.PDFDocument, number>();

export function drawPath(doc: PDFKit.PDFDocument, element: PathElement): void {
  const paint = element.fill && element.stroke ? 'B*' : element.fill ? 'f*' : 'S';
  const shape = shapeStream(element, paint);
  if (!shape) return;
  const internals = doc as unknown as DocumentInternals;
  const count = (formsMade.get(doc) ?? 0) + 1;
  formsMade.set(doc, count);
  const name = `P${count}`;
  // Written with the Filter already set, so pdfkit leaves the cached bytes as they are.
  const form = internals.ref({ Type: 'XObject', Subtype: 'Form', BBox: shape.bbox, Resources: {}, Filter: 'FlateDecode' });
  form.end(shape.bytes);
  internals.page.xobjects[name] = form;

  doc.save().translate(element.x, element.y);
  if (element.fill) doc.fillColor(element.fill);
  if (element.stroke) doc.strokeColor(element.stroke).lineWidth(element.strokeWidth ?? 0.5).lineJoin('round');
  internals.addContent(`/${name} Do`);
  doc.restore();
}

function shapeStream(element: PathElement, paint: string): ShapeStream | null {
  let byPaint = streams.get(element.rings);
  if (!byPaint) {
    byPaint = new Map();
    streams.set(element.rings, byPaint);
  }
  let shape = byPaint.get(paint);
  if (shape === undefined) {
    shape = makeStream(element, paint);
    byPaint.set(paint, shape);
  }
  return shape;
}

function makeStream(element: PathElement, paint: string): ShapeStream | null {
  const parts: string[] = [];
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of element.rings) {
    for (let i = 0; i + 1 < ring.length; i += 2) {
      const [x, y] = [ring[i]!, ring[i + 1]!];
      parts.push(`${x} ${y} ${i === 0 ? 'm' : 'l'}`);
      [left, right, top, bottom] = [Math.min(left, x), Math.max(right, x), Math.min(top, y), Math.max(bottom, y)];
    }
    if (element.closed && ring.length > 0) parts.push('h');
  }
  if (parts.length === 0) return null;
  parts.push(paint);
  // The box only clips: it is wide enough for any stroke the layout uses.
  return { bytes: deflateSync(parts.join('\n')), bbox: [left - 2, top - 2, right + 2, bottom + 2] };
}
