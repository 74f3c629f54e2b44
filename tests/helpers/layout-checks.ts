/**
 * Invariants every layout must keep, checked on the layout data itself (no PDF involved).
 */
import type { Layout, PageElement, TextElement } from '../../src/layout/index.js';

export function textElements(layout: Layout): Array<TextElement & { page: number }> {
  return layout.pages.flatMap((page) => page.elements.filter((e): e is TextElement => e.kind === 'text').map((e) => ({ ...e, page: page.number })));
}

/** The text of a line as a reader sees it. */
export function lineText(element: TextElement): string {
  return element.pieces.map((piece) => piece.text).join('');
}

/** The words of a line: a link's number (a reference to the list of links) is not one. */
function lineWords(element: TextElement): string {
  return element.pieces.map((piece) => (piece.style.linkNumber ? ' ' : piece.text)).join('');
}

/** Words of the lines with the given roles, hyphenated line ends joined again. */
export function placedWords(layout: Layout, roles: readonly string[]): string[] {
  // A split table's header rows, repeated on the next page, repeat words already counted.
  const lines = textElements(layout).filter((e) => roles.includes(e.role) && !e.cell?.repeated);
  let text = '';
  for (const line of lines) {
    const value = lineWords(line);
    if (line.hyphenated && value.endsWith('-')) text += value.slice(0, -1);
    else text += `${value} `;
  }
  return words(text);
}

export function words(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase());
}

interface Box {
  page: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  what: string;
}

function boxOf(element: PageElement, page: number): Box | undefined {
  switch (element.kind) {
    case 'text': {
      if (!element.pieces.some((p) => p.text.trim())) return undefined;
      const left = element.x + Math.min(...element.pieces.map((p) => p.x));
      const right = element.x + Math.max(...element.pieces.map((p) => p.x + p.width));
      return { page, left, right, top: element.y - element.ascent * 0.75, bottom: element.y + element.descent * 0.6, what: `${element.role}: ${lineText(element).slice(0, 40)}` };
    }
    case 'rect':
    case 'image':
      return { page, left: element.x, top: element.y, right: element.x + element.width, bottom: element.y + element.height, what: element.kind };
    case 'rule':
      return { page, left: Math.min(element.x1, element.x2), right: Math.max(element.x1, element.x2), top: Math.min(element.y1, element.y2), bottom: Math.max(element.y1, element.y2), what: 'rule' };
    case 'path': {
      const xs = element.rings.flatMap((ring) => ring.filter((_, i) => i % 2 === 0).map((v) => element.x + v));
      const ys = element.rings.flatMap((ring) => ring.filter((_, i) => i % 2 === 1).map((v) => element.y + v));
      if (xs.length === 0) return undefined;
      return { page, left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys), what: `path ${element.label}` };
    }
  }
}

/** Elements that stick out of the page's frame. */
export function outsideFrame(layout: Layout): string[] {
  const { frame } = layout;
  const out: string[] = [];
  for (const page of layout.pages) {
    for (const element of page.elements) {
      const box = boxOf(element, page.number);
      if (!box) continue;
      if (box.left < frame.left - 0.01 || box.right > frame.right + 0.01 || box.top < frame.top - 0.01 || box.bottom > frame.bottom + 0.01) {
        out.push(`page ${page.number}: ${box.what} at ${box.left.toFixed(1)},${box.top.toFixed(1)}–${box.right.toFixed(1)},${box.bottom.toFixed(1)}`);
      }
    }
  }
  return out;
}

/** Pairs of text lines whose ink boxes overlap (text over a tinted box is intended). */
export function overlappingText(layout: Layout): string[] {
  const out: string[] = [];
  for (const page of layout.pages) {
    const boxes = page.elements.filter((e) => e.kind === 'text').map((e) => boxOf(e, page.number)).filter((b): b is Box => !!b);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (overlapX > 0.5 && overlapY > 0.5) out.push(`page ${page.number}: "${a.what}" overlaps "${b.what}"`);
      }
    }
  }
  return out;
}

/** Body lines whose baseline is not on the grid. */
export function offGrid(layout: Layout): string[] {
  return textElements(layout)
    .filter((e) => e.role === 'body' && e.column !== undefined)
    .filter((e) => {
      const steps = (e.y - layout.grid.origin) / layout.grid.pitch;
      return Math.abs(steps - Math.round(steps)) > 1e-6;
    })
    .map((e) => `page ${e.page}: "${lineText(e).slice(0, 40)}" at y=${e.y.toFixed(2)}`);
}
