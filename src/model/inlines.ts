/**
 * Phrasing content (text, emphasis, links, code, footnote references…) to styled inline runs.
 */
import type { PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { codePointName, placeOf } from '../diagnostics.js';
import type { ModelContext } from './context.js';
import type { Inline, InlineStyle } from './types.js';
import { INVISIBLE, normalizeSpace, smartenText } from './typography.js';

const SAFE_LINK = /^(https?:|mailto:)/i;

export function toInlines(nodes: readonly PhrasingContent[], context: ModelContext): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) appendInline(node, {}, out, context);
  return mergeRuns(smarten(out));
}

/** The plain text of inline runs (for searching and counting). */
export function inlineText(inlines: readonly Inline[]): string {
  // A link's number refers to the list of links; it is not part of the words.
  return inlines.filter((run) => !run.style.linkNumber).map((run) => run.text).join('');
}

/**
 * Names the invisible or control characters removed from a text and points at the first one in
 * the source (a text node may span lines), so the writer can find and delete it.
 */
function warnInvisible(value: string, startOffset: number | undefined, line: number, column: number, context: ModelContext): void {
  const removed = [...new Set(value.match(INVISIBLE) ?? [])].map(codePointName);
  let place = { line, column };
  if (startOffset !== undefined) {
    const at = context.source.slice(startOffset).search(INVISIBLE_ONE);
    if (at >= 0) place = placeOf(context.source, startOffset + at);
  }
  const list = removed.length > 4 ? `${removed.slice(0, 4).join(', ')} and ${removed.length - 4} more` : removed.join(', ');
  context.diagnostics.warn(`invisible or control characters (${list}) were removed from the text; delete them from the source if they were pasted in by accident`, place.line, place.column);
}

const INVISIBLE_ONE = new RegExp(INVISIBLE.source);

function appendInline(node: PhrasingContent, style: InlineStyle, out: Inline[], context: ModelContext): void {
  const line = node.position?.start.line ?? 1;
  const column = node.position?.start.column ?? 1;
  switch (node.type) {
    case 'text': {
      const visible = node.value.replace(INVISIBLE, '');
      if (visible.length !== node.value.length) warnInvisible(node.value, node.position?.start.offset, line, column, context);
      out.push({ text: normalizeSpace(visible), style });
      return;
    }
    case 'emphasis':
      for (const child of node.children) appendInline(child, { ...style, italic: !style.italic }, out, context);
      return;
    case 'strong':
      for (const child of node.children) appendInline(child, { ...style, bold: true }, out, context);
      return;
    case 'delete':
      for (const child of node.children) appendInline(child, { ...style, strike: true }, out, context);
      return;
    case 'inlineCode':
      out.push({ text: node.value.replace(/\s+/g, ' '), style: { ...style, code: true } });
      return;
    case 'break':
      out.push({ text: '\n', style });
      return;
    case 'link':
      appendLink(node.url, node.children, style, out, context, line, column);
      return;
    case 'linkReference': {
      const definition = context.definitions.get(node.identifier);
      if (definition) appendLink(definition.url, node.children, style, out, context, line, column);
      else for (const child of node.children) appendInline(child, style, out, context);
      return;
    }
    case 'footnoteReference': {
      let index = context.footnoteOrder.indexOf(node.identifier);
      if (index < 0) {
        if (!context.footnoteDefinitions.has(node.identifier)) {
          context.diagnostics.warn(`footnote [^${node.label ?? node.identifier}] has no definition; add a line \`[^${node.label ?? node.identifier}]: …\``, line, column);
          out.push({ text: `[^${node.label ?? node.identifier}]`, style });
          return;
        }
        context.footnoteOrder.push(node.identifier);
        index = context.footnoteOrder.length - 1;
      }
      out.push({ text: String(index + 1), style: { ...style, superscript: true, footnote: index + 1 } });
      return;
    }
    case 'image':
    case 'imageReference': {
      // An image inside running text cannot be set in a line; its description stays as text.
      const alt = node.alt ?? '';
      context.diagnostics.warn('an image inside a line of text is not shown; put it in a paragraph of its own', line, column);
      if (alt) out.push({ text: alt, style: { ...style, italic: true } });
      return;
    }
    case 'html': {
      const text = htmlText(node.value);
      context.diagnostics.warn(`raw HTML is not interpreted: the tags in ${shorten(node.value)} were dropped, their text kept`, line, column);
      if (text) out.push({ text: normalizeSpace(text), style });
      return;
    }
    case 'textDirective': {
      // `:word` is usually not a directive at all (`3:2`, `10:30`, `Note:this`): print what was written.
      out.push({ text: normalizeSpace(sourceSlice(node, context)), style });
      if (/[[{]/.test(sourceSlice(node, context))) {
        context.diagnostics.warn(`unknown inline directive :${node.name}; its text is printed as written`, line, column);
      }
      return;
    }
    default: {
      const text = toString(node);
      if (text) out.push({ text: normalizeSpace(text), style });
    }
  }
}

function appendLink(
  url: string,
  children: readonly PhrasingContent[],
  style: InlineStyle,
  out: Inline[],
  context: ModelContext,
  line: number,
  column: number,
): void {
  const linkStyle: InlineStyle = { ...style };
  if (SAFE_LINK.test(url)) linkStyle.link = url;
  else if (url) context.diagnostics.warn(`link target "${shorten(url)}" is not a web or mail address; the link text is kept without it`, line, column);
  const visible = children.map((child) => toString(child)).join('').trim();
  const bare = url.replace(/^mailto:/i, '');
  if (linkStyle.link && (visible === url || visible === bare) && url.length > ADDRESS_SHOWN) {
    // A long address written out: shown shortened, printed whole in the list of links.
    out.push({ text: shortAddress(url), style: linkStyle });
  } else for (const child of children) appendInline(child, linkStyle, out, context);
  if (!linkStyle.link || ((visible === url || visible === bare) && url.length <= ADDRESS_SHOWN)) return;
  // Paper has no links: a number refers the reader to the address in the list at the end.
  let index = context.links.indexOf(url);
  if (index < 0) index = context.links.push(url) - 1;
  out.push({ text: String(index + 1), style: { ...style, superscript: true, linkNumber: index + 1 } });
}

/** Addresses up to this length are printed as they are. */
const ADDRESS_SHOWN = 40;

/** `https://www.example.org/reports/2024/long-name.html` → `example.org/reports/2024/…`. */
export function shortAddress(url: string): string {
  const plain = url.replace(/^(https?:\/\/)?(www\.)?/i, '').replace(/^mailto:/i, '');
  if (plain.length <= ADDRESS_SHOWN) return plain;
  const cut = plain.slice(0, ADDRESS_SHOWN - 1);
  const joint = Math.max(cut.lastIndexOf('/'), cut.lastIndexOf('?'), cut.lastIndexOf('.'));
  return `${joint > ADDRESS_SHOWN / 2 ? cut.slice(0, joint + 1) : cut}…`;
}

export function sourceSlice(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, context: ModelContext): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : context.source.slice(start, end);
}

export function htmlText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 37)}…` : one;
}

/** Straight quotes and dashes to printer's marks, in prose runs (not code). */
function smarten(runs: Inline[]): Inline[] {
  let previous = '';
  return runs.map((run) => {
    if (run.style.code) {
      previous = run.text.slice(-1);
      return run;
    }
    const text = smartenText(run.text, previous);
    previous = text.slice(-1);
    return { text, style: run.style };
  });
}

function sameStyle(a: InlineStyle, b: InlineStyle): boolean {
  return (
    !!a.italic === !!b.italic &&
    !!a.bold === !!b.bold &&
    !!a.code === !!b.code &&
    !!a.strike === !!b.strike &&
    !!a.superscript === !!b.superscript &&
    a.link === b.link &&
    a.footnote === b.footnote &&
    a.linkNumber === b.linkNumber
  );
}

function mergeRuns(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const run of runs) {
    if (!run.text) continue;
    const last = out[out.length - 1];
    if (last && sameStyle(last.style, run.style)) last.text += run.text;
    else out.push({ text: run.text, style: run.style });
  }
  return out;
}
