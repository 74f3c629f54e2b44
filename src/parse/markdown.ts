/**
 * Markdown to mdast with the syntax a brief may use: YAML front matter, GFM (tables, footnotes,
 * strikethrough, autolinks, task lists) and `:::` directives.
 *
 * Two processors with the same syntax: remark-gfm's, and one assembled from the same GFM
 * extensions without autolink literals, which parses a third faster. A brief that cannot hold a
 * literal (autolink-literals.ts) is parsed with the second; the tree is the same.
 */
import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { combineExtensions } from 'micromark-util-combine-extensions';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { sourceMayHoldLiterals, treeMayHoldLiterals } from './autolink-literals.js';

/** remark-gfm's syntax without autolink literals, in its order (micromark-extension-gfm, mdast-util-gfm). */
function gfmWithoutAutolinkLiterals(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(combineExtensions([gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()]));
  (data.fromMarkdownExtensions ??= []).push([gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()]);
}

/** The brief's syntax, with GFM as `gfm` gives it, in remark-gfm's place among the plugins. */
function briefProcessor(gfm: typeof remarkGfm | typeof gfmWithoutAutolinkLiterals) {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(gfm).use(remarkDirective);
}

const withLiterals = briefProcessor(remarkGfm);
const withoutLiterals = briefProcessor(gfmWithoutAutolinkLiterals);

function treeOf(processor: ReturnType<typeof briefProcessor>, source: string): Root {
  return processor.runSync(processor.parse(source)) as Root;
}

export function parseMarkdown(source: string): Root {
  if (!sourceMayHoldLiterals(source)) {
    const tree = treeOf(withoutLiterals, source);
    if (!treeMayHoldLiterals(tree)) return tree;
  }
  return parseMarkdownWithLiterals(source);
}

/** The tree remark-gfm alone makes, for the tests that check the two agree. */
export function parseMarkdownWithLiterals(source: string): Root {
  return treeOf(withLiterals, source);
}
