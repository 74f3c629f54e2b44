/**
 * Markdown to mdast with the syntax a brief may use: YAML front matter, GFM (tables, footnotes,
 * strikethrough, autolinks, task lists) and `:::` directives.
 */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);

export function parseMarkdown(source: string): Root {
  return processor.runSync(processor.parse(source)) as Root;
}
