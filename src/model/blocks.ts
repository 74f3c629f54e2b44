/**
 * Block content of the syntax tree to brief blocks. Every node has a print form; what cannot
 * be printed as itself (raw HTML, unknown directives) keeps its text and says so in a warning.
 */
import type { BlockContent, DefinitionContent, Image, ImageReference, Paragraph, RootContent, Table } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { ModelContext } from './context.js';
import { resolveImage } from './images.js';
import { htmlText, sourceSlice, toInlines } from './inlines.js';
import type { Block, CellAlign, ImageBlock, ListItem } from './types.js';
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
    appendImage(only, out, context, line, column, 'auto');
    return;
  }
  const inlines = toInlines(node.children, context);
  if (inlines.some((run) => run.text.trim())) out.push({ kind: 'paragraph', inlines, line });
}

/** An image standing in a paragraph of its own: a figure with its caption, or its description when it cannot be shown. */
function appendImage(image: Image | ImageReference, out: Block[], context: ModelContext, line: number, column: number, placement: ImageBlock['placement']): void {
  const url = image.type === 'image' ? image.url : (context.definitions.get(image.identifier)?.url ?? '');
  const title = image.type === 'image' ? image.title : undefined;
  const alt = normalizeSpace(image.alt ?? '').trim();
  const caption = smartenText(normalizeSpace(title || alt), '');
  // What the PDF depends on besides the source, for skipping unchanged briefs.
  context.images.push(url);
  const source = resolveImage(url, context.contentDir);
  if (source.ok) {
    if (source.kind === 'svg') {
      if (source.notes.length) context.diagnostics.warn(`image "${url}": ${source.notes.join('; ')}`, line, column);
      out.push({ kind: 'image', source: { kind: 'svg', svg: source.svg, sized: source.sized }, caption, alt: alt ? smartenText(alt, '') : caption, width: source.width, height: source.height, placement, line });
    } else {
      const { path, pixelWidth, pixelHeight } = source;
      out.push({ kind: 'image', source: { kind: 'raster', path, pixelWidth, pixelHeight }, caption, alt: alt ? smartenText(alt, '') : caption, width: (pixelWidth * 72) / 300, height: (pixelHeight * 72) / 300, placement, line });
    }
    return;
  }
  context.diagnostics.warn(`${source.reason}; its description is printed instead`, line, column);
  // In place of the picture, what it shows (the alt text) and its title, so no words are lost.
  const described = [alt, title && title !== alt ? title : ''].filter(Boolean).join(' — ');
  if (described) out.push({ kind: 'paragraph', inlines: [{ text: smartenText(described, ''), style: { italic: true } }], line });
}

/**
 * `:::figure{wide}` around an image sets it across both columns; `{column}` keeps it in one.
 * The image inside is plain Markdown, so other Markdown readers still show it.
 */
function appendFigure(node: ContainerDirective, out: Block[], context: ModelContext, line: number, column: number): void {
  const attributes = node.attributes ?? {};
  const placement: ImageBlock['placement'] = 'wide' in attributes ? 'wide' : 'column' in attributes ? 'column' : 'auto';
  const unknown = Object.keys(attributes).filter((key) => key !== 'wide' && key !== 'column');
  if (unknown.length) context.diagnostics.warn(`figure directive: unknown ${unknown.length === 1 ? 'option' : 'options'} ${unknown.join(', ')} (use {wide} or {column})`, line, column);
  let images = 0;
  for (const child of node.children) {
    const meaningful = child.type === 'paragraph' ? child.children.filter((c) => !(c.type === 'text' && !c.value.trim())) : [];
    const only = meaningful.length === 1 ? meaningful[0] : undefined;
    if (only && (only.type === 'image' || only.type === 'imageReference')) {
      images++;
      appendImage(only, out, context, child.position?.start.line ?? line, child.position?.start.column ?? column, placement);
    } else appendBlock(child, out, context);
  }
  if (images === 0) context.diagnostics.warn('figure directive without an image; put ![description](file) on a line of its own inside it', line, column);
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
  if (node.name === 'figure') {
    appendFigure(node, out, context, line, column);
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
