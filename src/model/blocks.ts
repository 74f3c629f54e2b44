/**
 * Block content of the syntax tree to brief blocks. Every node has a print form; what cannot
 * be printed as itself (raw HTML, unknown directives) keeps its text and says so in a warning.
 */
import type { BlockContent, DefinitionContent, Paragraph, RootContent, Table } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { ModelContext } from './context.js';
import { resolveImage } from './images.js';
import { htmlText, sourceSlice, toInlines } from './inlines.js';
import type { Block, CellAlign, ListItem } from './types.js';
import { normalizeSpace, smartenText } from './typography.js';

type Node = RootContent | BlockContent | DefinitionContent;

export function toBlocks(nodes: readonly Node[], context: ModelContext): Block[] {
  const out: Block[] = [];
  for (const node of nodes) appendBlock(node, out, context);
  return out;
}

function appendBlock(node: Node, out: Block[], context: ModelContext): void {
  const line = node.position?.start.line ?? 1;
  const column = node.position?.start.column ?? 1;
  switch (node.type) {
    case 'paragraph':
      appendParagraph(node, out, context);
      return;
    case 'heading': {
      const inlines = toInlines(node.children, context);
      if (inlines.length) out.push({ kind: 'heading', depth: Math.max(2, node.depth), inlines, line });
      return;
    }
    case 'thematicBreak':
      out.push({ kind: 'rule', line });
      return;
    case 'blockquote':
      out.push({ kind: 'quote', blocks: toBlocks(node.children, context), line });
      return;
    case 'list': {
      const items: ListItem[] = node.children.map((item) => {
        const listItem: ListItem = { blocks: toBlocks(item.children, context) };
        if (typeof item.checked === 'boolean') listItem.checked = item.checked;
        return listItem;
      });
      out.push({ kind: 'list', ordered: !!node.ordered, start: node.start ?? 1, items, line });
      return;
    }
    case 'code':
      out.push({ kind: 'code', text: node.value, line });
      return;
    case 'table':
      out.push(tableBlock(node, context, line));
      return;
    case 'html': {
      const text = htmlText(node.value);
      context.diagnostics.warn('raw HTML is not interpreted: its tags were dropped and its text kept', line, column);
      if (text) out.push({ kind: 'paragraph', inlines: [{ text: smartenText(text, ''), style: {} }], line });
      return;
    }
    case 'containerDirective':
      appendContainerDirective(node, out, context);
      return;
    case 'leafDirective': {
      context.diagnostics.warn(`unknown directive ::${node.name}; its text is printed as written`, line, column);
      const text = normalizeSpace(sourceSlice(node, context)).trim();
      if (text) out.push({ kind: 'paragraph', inlines: [{ text, style: {} }], line });
      return;
    }
    // Front matter, link definitions and footnote definitions are read elsewhere.
    case 'yaml':
    case 'definition':
    case 'footnoteDefinition':
      return;
    default: {
      const text = toString(node);
      if (text.trim()) out.push({ kind: 'paragraph', inlines: [{ text: normalizeSpace(text), style: {} }], line });
    }
  }
}

function appendParagraph(node: Paragraph, out: Block[], context: ModelContext): void {
  const line = node.position?.start.line ?? 1;
  const column = node.position?.start.column ?? 1;
  const meaningful = node.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  const only = meaningful.length === 1 ? meaningful[0] : undefined;
  if (only && (only.type === 'image' || only.type === 'imageReference')) {
    const url = only.type === 'image' ? only.url : (context.definitions.get(only.identifier)?.url ?? '');
    const title = only.type === 'image' ? only.title : undefined;
    const alt = normalizeSpace(only.alt ?? '').trim();
    const caption = smartenText(normalizeSpace(title || alt), '');
    context.images.push(url);
    const source = resolveImage(url, context.contentDir);
    if (source.ok) {
      out.push({ kind: 'image', path: source.path, caption, pixelWidth: source.pixelWidth, pixelHeight: source.pixelHeight, line });
    } else {
      context.diagnostics.warn(`${source.reason}; its description is printed instead`, line, column);
      // In place of the picture, what it shows (the alt text) and its title, so no words are lost.
      const described = [alt, title && title !== alt ? title : ''].filter(Boolean).join(' — ');
      if (described) out.push({ kind: 'paragraph', inlines: [{ text: smartenText(described, ''), style: { italic: true } }], line });
    }
    return;
  }
  const inlines = toInlines(node.children, context);
  if (inlines.some((run) => run.text.trim())) out.push({ kind: 'paragraph', inlines, line });
}

function appendContainerDirective(node: ContainerDirective, out: Block[], context: ModelContext): void {
  const line = node.position?.start.line ?? 1;
  const column = node.position?.start.column ?? 1;
  if (node.name === 'pullquote') {
    const body = node.children.filter((child) => !(child.data as { directiveLabel?: boolean } | undefined)?.directiveLabel);
    const text = smartenText(normalizeSpace(body.map((child) => toString(child)).join(' ')).trim(), '');
    if (!text) {
      context.diagnostics.warn('empty pullquote directive; write the quoted words between the `:::` lines', line, column);
      return;
    }
    const cite = node.attributes?.cite?.trim();
    out.push(cite ? { kind: 'pullquote', text, cite: smartenText(cite, ''), line } : { kind: 'pullquote', text, line });
    return;
  }
  context.diagnostics.warn(`unknown directive :::${node.name}; its content is kept as body text`, line, column);
  for (const child of node.children) appendBlock(child, out, context);
}

function tableBlock(node: Table, context: ModelContext, line: number): Block {
  const align: CellAlign[] = (node.align ?? []).map((a) => (a === 'right' || a === 'center' ? a : 'left'));
  const rows = node.children.map((row) => row.children.map((cell) => toInlines(cell.children, context)));
  const columns = Math.max(0, ...rows.map((row) => row.length));
  while (align.length < columns) align.push('left');
  return { kind: 'table', align, rows, line };
}
