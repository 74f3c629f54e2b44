/**
 * Vector shapes (the locator map) as Form XObjects whose compressed streams are made once per
 * process. A map is thousands of points: formatting them and deflating them again for every
 * PDF was most of what the map cost. The layout hands over the map stage's own ring arrays,
 * and the map stage keeps each map it made, so another PDF with the same map reuses the bytes.
 *
 * Colours are set on the page before `Do`: a form inherits the graphics state, so one stream
 * serves a shape in any colour. The line width goes inside, because a stroke's width is read in
 * the form's own units. pdfkit's moveTo/lineTo (and doc.path's SVG
 * parser) would cost a call and a six-decimal number per point; the map stage already rounded
 * the points to 0.1 pt, so the form counts in tenths of a point (its /Matrix scales them back)
 * and every coordinate is a short integer: quicker to write and to deflate, and fewer bytes.
 */
import { deflateSync } from 'node:zlib';
import type { PathElement } from '../layout/index.js';

interface ShapeStream {
  /** The path operators (coordinates in tenths of a point) and the paint operator, deflated. */
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
  // Graphics state comes before the path: nothing may stand between a path and its paint.
  const shape = shapeStream(element, element.stroke ? `${tenths(element.strokeWidth ?? 0.5)} w` : '', paint);
  if (!shape) return;
  const internals = doc as unknown as DocumentInternals;
  const count = (formsMade.get(doc) ?? 0) + 1;
  formsMade.set(doc, count);
  const name = `P${count}`;
  // Written with the Filter already set, so pdfkit leaves the cached bytes as they are.
  const form = internals.ref({ Type: 'XObject', Subtype: 'Form', BBox: shape.bbox, Matrix: [0.1, 0, 0, 0.1, 0, 0], Resources: {}, Filter: 'FlateDecode' });
  form.end(shape.bytes);
  internals.page.xobjects[name] = form;

  doc.save().translate(element.x, element.y);
  if (element.fill) doc.fillColor(element.fill);
  if (element.stroke) doc.strokeColor(element.stroke).lineJoin('round');
  internals.addContent(`/${name} Do`);
  doc.restore();
}

function shapeStream(element: PathElement, state: string, paint: string): ShapeStream | null {
  let byStyle = streams.get(element.rings);
  if (!byStyle) {
    byStyle = new Map();
    streams.set(element.rings, byStyle);
  }
  const key = `${state} ${paint}`;
  let shape = byStyle.get(key);
  if (shape === undefined) {
    shape = makeStream(element, state, paint);
    byStyle.set(key, shape);
  }
  return shape;
}

function makeStream(element: PathElement, state: string, paint: string): ShapeStream | null {
  const parts: string[] = state ? [state] : [];
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of element.rings) {
    for (let i = 0; i + 1 < ring.length; i += 2) {
      const [x, y] = [tenths(ring[i]!), tenths(ring[i + 1]!)];
      parts.push(`${x} ${y} ${i === 0 ? 'm' : 'l'}`);
      [left, right, top, bottom] = [Math.min(left, x), Math.max(right, x), Math.min(top, y), Math.max(bottom, y)];
    }
    if (element.closed && ring.length > 0) parts.push('h');
  }
  if (left === Infinity) return null;
  parts.push(paint);
  // The box (in tenths) only clips: 2 pt around the points is more than any stroke's half-width.
  return { bytes: deflateSync(parts.join('\n')), bbox: [left - 20, top - 20, right + 20, bottom + 20] };
}

function tenths(points: number): number {
  return Math.round(points * 10);
}
