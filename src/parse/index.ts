/**
 * The parse stage: source text to an mdast tree plus front matter. Markdown goes through
 * unified/remark; wire copy is read by its own small reader.
 */
import type { Root } from 'mdast';
import type { Diagnostics } from '../diagnostics.js';
import { readFrontMatter, type FrontMatter } from './front-matter.js';
import { parseMarkdown } from './markdown.js';
import { parseWireCopy } from './wire.js';

export type SourceKind = 'markdown' | 'wire';

export interface ParsedSource {
  kind: SourceKind;
  tree: Root;
  frontMatter: FrontMatter;
  /** A byline found in wire copy's header lines. */
  wireByline?: { name: string; line: number };
}

export function sourceKindOf(filename: string): SourceKind {
  return /\.txt$/i.test(filename) ? 'wire' : 'markdown';
}

export function parseSource(source: string, diagnostics: Diagnostics, kind: SourceKind): ParsedSource {
  // A byte-order mark or a NUL would otherwise reach the page as a missing glyph.
  const clean = source.replace(/^\uFEFF/, '');
  if (kind === 'wire') {
    const wire = parseWireCopy(clean);
    const parsed: ParsedSource = { kind, tree: wire.tree, frontMatter: { data: {}, lineOf: () => 1 } };
    if (wire.byline) parsed.wireByline = wire.byline;
    return parsed;
  }
  const tree = parseMarkdown(clean);
  return { kind, tree, frontMatter: readFrontMatter(tree, diagnostics) };
}

export type { FrontMatter } from './front-matter.js';
