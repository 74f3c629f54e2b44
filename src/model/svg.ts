/**
 * SVG images, made safe to draw. An SVG is untrusted content that can point anywhere: at other
 * files (`<image href="../../secret.png">`, `<use href="other.svg#a">`), at the network, at
 * fonts and style sheets (`@import`, `@font-face`). offprint reads the file with its own strict
 * parser, keeps only the drawing elements it knows, keeps references only to parts of the same
 * file (`#id`) and to images embedded in it (`data:` PNG or JPEG), and writes the result out
 * again in a plain form that the drawing library (svg-to-pdfkit, at render) reads the same way.
 * What it drops, it says. Drawings that would expand past a bound (a `<use>` or marker chain
 * that multiplies, the SVG form of an entity bomb) are refused before anything is drawn.
 */
import { pictureSize, tooLarge } from './picture-size.js';
import { parseXml, XmlFault, type XmlElement, type XmlNode } from './svg-xml.js';

export type SvgSource = { ok: true; svg: string; width: number; height: number; sized: boolean; notes: string[] } | { ok: false; reason: string };

/** Largest SVG file read (bytes): a brief's chart or map is far smaller. */
export const MAX_SVG_BYTES = 2_000_000;
/** Most elements a drawing may expand to, counting every `<use>`, marker and pattern use. */
export const MAX_SVG_COST = 60_000;
/** Deepest chain of nested elements and references followed. */
const MAX_REFERENCE_DEPTH = 200;

/** The elements svg-to-pdfkit draws; `a` is unwrapped (a link annotation inside a figure is not tagged). */
const DRAWN = new Set(['svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'textPath', 'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern', 'marker', 'image', 'style']);
/** Editors' bookkeeping, dropped without a word. */
const QUIET = new Set(['metadata']);
const HREF = new Set(['href', 'xlink:href']);
const LOCAL_URL = /^url\(\s*(['"]?)#([^'")\s]+)\1\s*\)$/;
const EMBEDDED_IMAGE = /^data:image\/(png|jpe?g);base64,[A-Za-z0-9+/=\s]+$/;

/** Parses, cleans and measures an SVG's text; `label` names it in messages. */
export function readSvg(text: string, label: string): SvgSource {
  if (text.length > MAX_SVG_BYTES) return { ok: false, reason: `image "${label}" is an SVG larger than ${MAX_SVG_BYTES / 1e6} MB and was not read` };
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (error instanceof XmlFault) return { ok: false, reason: `image "${label}" is not well-formed SVG (line ${error.line}, column ${error.column}: ${error.message})` };
    throw error;
  }
  if (localName(root.name) !== 'svg') return { ok: false, reason: `image "${label}" is not an SVG drawing (its root element is <${root.name}>)` };
  const notes: string[] = [];
  const clean = cleanElement(root, notes);
  const size = svgSize(clean);
  if (!size) return { ok: false, reason: `image "${label}" has no size; give its <svg> a viewBox, or a width and height` };
  const ids = new Map<string, XmlElement>();
  collectIds(clean, ids);
  dropDanglingReferences(clean, ids);
  const cost = drawingCost(clean, ids);
  if (cost === 'cycle') return { ok: false, reason: `image "${label}" has an element that refers to itself (through <use>, a marker, pattern, mask or clip path)` };
  if (cost > MAX_SVG_COST) return { ok: false, reason: `image "${label}" would draw more than ${MAX_SVG_COST} elements once its <use> references and markers are expanded; simplify the drawing` };
  // A drawing with a width of its own was drawn for that size (its lettering too): it is not enlarged past it.
  const sized = clean.attributes.some(([key, value]) => key === 'width' && !value.trim().endsWith('%'));
  return { ok: true, svg: serialize(clean), ...size, sized, notes: [...new Set(notes)] };
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function cleanElement(element: XmlElement, notes: string[]): XmlElement {
  const children: XmlNode[] = [];
  for (const child of element.children) {
    if (!('name' in child)) {
      children.push(child);
      continue;
    }
    if (child.name === 'a' || child.name === 'switch') {
      // A link inside a drawing: its shapes stay, the link goes. A switch (editors' fallbacks
      // for a <foreignObject>) keeps what can be drawn.
      children.push(cleanElement({ ...child, name: 'g', attributes: child.attributes.filter(([key]) => !HREF.has(key) && key !== 'target') }, notes));
      if (child.name === 'a') notes.push('a link inside it was dropped');
      continue;
    }
    if (child.name.includes(':') || QUIET.has(child.name)) continue;
    if (!DRAWN.has(child.name)) {
      notes.push(`<${child.name}> is not drawn`);
      continue;
    }
    if (child.name === 'image') {
      const href = child.attributes.find(([key]) => HREF.has(key))?.[1].trim() ?? '';
      if (!EMBEDDED_IMAGE.test(href)) {
        notes.push(`an <image> that refers to ${describeReference(href)} was dropped (offprint reads no files an SVG names)`);
        continue;
      }
      const size = pictureSize(Buffer.from(href.slice(href.indexOf(',') + 1, href.indexOf(',') + 1 + 90000).replace(/\s+/g, '').replace(/=+$/, '').slice(0, 87380), 'base64'));
      const large = size ? tooLarge(size) : 'it is not a readable PNG or JPEG';
      if (large) {
        notes.push(`an embedded <image> was dropped: ${large}`);
        continue;
      }
    }
    children.push(cleanElement(child, notes));
  }
  if (element.name === 'style') return { ...element, attributes: [], children: [{ text: cleanStyleSheet(children.map((c) => ('text' in c ? c.text : '')).join(''), notes) }] };
  return { ...element, attributes: cleanAttributes(element, notes), children };
}

function describeReference(href: string): string {
  if (!href) return 'nothing';
  const shown = href.length > 60 ? `${href.slice(0, 57)}…` : href;
  return `"${shown}"`;
}

function cleanAttributes(element: XmlElement, notes: string[]): Array<[string, string]> {
  const kept: Array<[string, string]> = [];
  for (const [key, value] of element.attributes) {
    // Event handlers never run here, and editors' own attributes mean nothing to a renderer.
    if (/^on/i.test(key) || (key.includes(':') && key !== 'xlink:href' && key !== 'xml:space' && !key.startsWith('xmlns'))) continue;
    if (HREF.has(key)) {
      if (element.name === 'image' || /^#[^\s#]+$/.test(value.trim())) kept.push([key, value.trim()]);
      else notes.push(`a reference to ${describeReference(value.trim())} was dropped (offprint reads no files an SVG names)`);
      continue;
    }
    if (key === 'style') {
      const declarations = value.split(';').filter((declaration) => {
        if (!/url\(|@import|expression\(/i.test(declaration)) return true;
        const url = /url\([^)]*\)/i.exec(declaration)?.[0] ?? '';
        if (LOCAL_URL.test(url) && !/@import|expression\(/i.test(declaration)) return true;
        notes.push(`a style that refers to ${describeReference(url)} was dropped`);
        return false;
      });
      if (declarations.join('').trim()) kept.push([key, declarations.join(';')]);
      continue;
    }
    if (/url\(/i.test(value) && !LOCAL_URL.test(value.trim())) {
      notes.push(`${key}="${value.length > 40 ? `${value.slice(0, 37)}…` : value}" refers outside the drawing and was dropped`);
      continue;
    }
    kept.push([key, value]);
  }
  return kept;
}

/**
 * A style sheet without what could reach outside the file (`@import`, `@font-face`, any
 * `url()` but a gradient's `#id`) or apply markers, masks or clips to every element (their
 * cost could not be bounded from the attributes).
 */
function cleanStyleSheet(css: string, notes: string[]): string {
  let out = css.replace(/\/\*[\s\S]*?\*\//g, '');
  out = out.replace(/@import[^;]*;?/gi, () => {
    notes.push('an @import in its style sheet was dropped');
    return '';
  });
  out = out.replace(/@font-face\s*\{[^}]*\}/gi, () => {
    notes.push('an @font-face in its style sheet was dropped (it is set in offprint\'s own fonts)');
    return '';
  });
  out = out.replace(/@[a-z-]+[^{;]*(\{[^}]*\}|;)/gi, () => '');
  return out.replace(/\{([^}]*)\}/g, (_, body: string) => {
    const kept = body.split(';').filter((declaration) => {
      if (!/url\(/i.test(declaration)) return true;
      const property = declaration.split(':')[0]!.trim().toLowerCase();
      if ((property === 'fill' || property === 'stroke') && LOCAL_URL.test(declaration.slice(declaration.indexOf(':') + 1).trim())) return true;
      notes.push(`a style sheet rule "${declaration.trim().slice(0, 40)}" was dropped`);
      return false;
    });
    return `{${kept.join(';')}}`;
  });
}

const UNITS: Record<string, number> = { '': 0.75, px: 0.75, pt: 1, pc: 12, mm: 72 / 25.4, cm: 72 / 2.54, in: 72 };

/** The drawing's size in points, from its width and height, else its viewBox (as CSS pixels). */
function svgSize(root: XmlElement): { width: number; height: number } | undefined {
  const attribute = (name: string) => root.attributes.find(([key]) => key === name)?.[1];
  const length = (value: string | undefined) => {
    const match = /^\s*([0-9]*\.?[0-9]+(?:e[-+]?[0-9]+)?)\s*(px|pt|pc|mm|cm|in)?\s*$/i.exec(value ?? '');
    return match ? Number(match[1]) * UNITS[(match[2] ?? '').toLowerCase()]! : undefined;
  };
  const box = (attribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  const viewBox = box.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0 ? { width: box[2]! * 0.75, height: box[3]! * 0.75 } : undefined;
  let width = length(attribute('width'));
  let height = length(attribute('height'));
  if (width === undefined && height === undefined) return viewBox;
  if (width === undefined) width = viewBox ? (height! * viewBox.width) / viewBox.height : undefined;
  if (height === undefined) height = viewBox ? (width! * viewBox.height) / viewBox.width : undefined;
  if (!width || !height || !(width > 0.5 && height > 0.5 && width < 1e5 && height < 1e5)) return undefined;
  return { width, height };
}

function collectIds(element: XmlElement, ids: Map<string, XmlElement>): void {
  const id = element.attributes.find(([key]) => key === 'id')?.[1];
  if (id !== undefined && !ids.has(id)) ids.set(id, element);
  for (const child of element.children) if ('name' in child) collectIds(child, ids);
}

/** References to ids the file does not have would make the drawing library look elsewhere. */
function dropDanglingReferences(element: XmlElement, ids: Map<string, XmlElement>): void {
  element.attributes = element.attributes.filter(([key, value]) => {
    const target = referenceOf(key, value);
    return target === undefined || ids.has(target);
  });
  for (const child of element.children) if ('name' in child) dropDanglingReferences(child, ids);
}

function referenceOf(key: string, value: string): string | undefined {
  if (HREF.has(key)) return value.startsWith('#') ? value.slice(1) : undefined;
  return LOCAL_URL.exec(value.trim())?.[2];
}

/** Every id an element refers to by attribute or inline style: [id, is a marker]. */
function referencesOf(element: XmlElement): Array<[string, boolean]> {
  const out: Array<[string, boolean]> = [];
  for (const [key, value] of element.attributes) {
    if (element.name === 'image' && HREF.has(key)) continue;
    if (key === 'style') {
      for (const declaration of value.split(';')) {
        const [property = '', ...rest] = declaration.split(':');
        const target = LOCAL_URL.exec(rest.join(':').trim())?.[2];
        if (target) out.push([target, property.trim().startsWith('marker')]);
      }
      continue;
    }
    const target = referenceOf(key, value);
    if (target) out.push([target, key.startsWith('marker')]);
  }
  return out;
}

/** Points a shape has, where a marker may be drawn. */
function vertices(element: XmlElement): number {
  const data = element.attributes.find(([key]) => key === 'd' || key === 'points')?.[1] ?? '';
  return Math.max(2, Math.ceil((data.match(/[-+]?[0-9]*\.?[0-9]+/g)?.length ?? 0) / 2));
}

/**
 * Elements the drawing expands to: each element once, a referenced element each time it is
 * used, a marker once per point of each shape it marks (markers are inherited, so a group's
 * marker counts for the points of everything in it). 'cycle' when a reference loops.
 */
function drawingCost(root: XmlElement, ids: Map<string, XmlElement>): number | 'cycle' {
  const cost = new Map<XmlElement, number>();
  const points = new Map<XmlElement, number>();
  const active = new Set<XmlElement>();
  let cycle = false;
  let tooDeep = false;
  const visit = (element: XmlElement): { cost: number; points: number } => {
    const known = cost.get(element);
    if (known !== undefined) return { cost: known, points: points.get(element)! };
    if (active.has(element) || cycle) {
      cycle = true;
      return { cost: 0, points: 0 };
    }
    // A chain of references hundreds deep is no drawing; it would also run the drawing
    // library's recursion out of stack.
    if (active.size > MAX_REFERENCE_DEPTH || tooDeep) {
      tooDeep = true;
      return { cost: 1e12, points: 0 };
    }
    active.add(element);
    let total = 1;
    let shapePoints = /^(path|polyline|polygon|line)$/.test(element.name) ? vertices(element) : 0;
    let markers = 0;
    for (const child of element.children) {
      if (!('name' in child)) continue;
      const inner = visit(child);
      total += inner.cost;
      shapePoints += inner.points;
    }
    for (const [id, marker] of referencesOf(element)) {
      const target = visit(ids.get(id)!);
      if (marker) markers += target.cost;
      else {
        total += target.cost;
        if (element.name === 'use') shapePoints += target.points;
      }
    }
    total = Math.min(1e12, total + shapePoints * markers);
    active.delete(element);
    cost.set(element, total);
    points.set(element, Math.min(1e12, shapePoints));
    return { cost: total, points: shapePoints };
  };
  const total = visit(root).cost;
  return cycle ? 'cycle' : total;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;').replace(/[\t\n\r]/g, ' ');

/** The cleaned drawing as plain XML: double-quoted attributes, everything escaped, no comments or declarations. */
function serialize(root: XmlElement): string {
  const out: string[] = [];
  const stack: Array<{ node: XmlNode; closing?: boolean }> = [{ node: root }];
  while (stack.length) {
    const { node, closing } = stack.pop()!;
    if (!('name' in node)) {
      out.push(escapeText(node.text));
      continue;
    }
    if (closing) {
      out.push(`</${node.name}>`);
      continue;
    }
    out.push(`<${node.name}${node.attributes.map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`).join('')}>`);
    stack.push({ node, closing: true });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]! });
  }
  return out.join('');
}
