/**
 * The headline and section headings of a laid-out brief, as a reader would list them: level,
 * words (a heading broken over lines joined again), destination name and the page it starts
 * on. The PDF outline is made from them, and a briefing pack's contents.
 */
import type { Layout, StructNode } from './types.js';

export interface Heading {
  /** 1 for the headline, 2–6 for section headings. */
  level: number;
  title: string;
  /** Named destination (`headline`, `section-12`). */
  destination: string;
  /** The structure leaf its lines belong to. */
  struct: number;
  /** 1-based page of its first line. */
  page: number;
}

/** Headings in reading order; those with no text on the pages are left out. */
export function headingsOf(layout: Layout): Heading[] {
  // The headings first, so only their lines are read (a report has thousands of others).
  const found: Array<{ node: StructNode; level: number; destination: string }> = [];
  const walk = (node: StructNode) => {
    const level = /^H([1-6])$/.exec(node.type)?.[1];
    if (level && node.destination) found.push({ node, level: Number(level), destination: node.destination });
    node.children.forEach(walk);
  };
  walk(layout.structure);
  const texts = new Map<number, string[]>(found.map(({ node }) => [node.id, []]));
  const pages = new Map<number, number>();
  for (const page of layout.pages) {
    for (const element of page.elements) {
      if (element.kind !== 'text' || element.struct === undefined) continue;
      const lines = texts.get(element.struct);
      if (!lines) continue;
      lines.push(element.pieces.map((p) => p.text).join(''));
      if (!pages.has(element.struct)) pages.set(element.struct, page.number);
    }
  }
  const headings: Heading[] = [];
  for (const { node, level, destination } of found) {
    // A line broken after a hyphen the breaker added joins the word again.
    const title = texts.get(node.id)!.join(' ').replace(/-\s(?=\p{Ll})/gu, '').replace(/\s+/g, ' ').trim();
    if (title) headings.push({ level, title, destination, struct: node.id, page: pages.get(node.id)! });
  }
  return headings;
}
