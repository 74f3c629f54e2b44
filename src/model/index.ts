/**
 * The model stage: a parsed source to a Brief (meta, body blocks, pull-quotes, sidebar).
 */
import type { Definition, FootnoteDefinition, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Diagnostics } from '../diagnostics.js';
import { findCountryMentions, tallyCountries } from '../gazetteer/index.js';
import type { ParsedSource } from '../parse/index.js';
import { toBlocks } from './blocks.js';
import type { ModelContext } from './context.js';
import { inlineText } from './inlines.js';
import { readMeta } from './meta.js';
import { addAutoPullQuotes, autoPullQuoteCount } from './pullquotes.js';
import { buildGlance } from './glance.js';
import { readFocusCountry, readSidebar, type BodyCountries } from './sidebar.js';
import { asWritten, writersNames } from './writers-names.js';
import type { Block, Brief, NotesBlock } from './types.js';

export interface ModelOptions {
  source: string;
  /** Folder images may be read from; none are read when absent. */
  contentDir?: string;
}

export function buildBrief(parsed: ParsedSource, diagnostics: Diagnostics, options: ModelOptions): Brief {
  const { tree, frontMatter } = parsed;
  const context: ModelContext = {
    source: options.source,
    diagnostics,
    contentDir: options.contentDir,
    definitions: new Map(),
    footnoteDefinitions: new Map(),
    footnoteOrder: [],
    links: [],
    images: [],
  };
  collectDefinitions(tree, context);
  const { meta, consumed, pullquotes } = readMeta(tree, frontMatter, diagnostics, parsed.wireByline);
  let body = toBlocks(tree.children.filter((node) => !consumed.has(node)), context);

  const notes = footnotes(context);
  const text = bodyText(body);
  if (!body.some((block) => block.kind === 'pullquote') && pullquotes !== 'none') {
    const wanted = pullquotes === 'auto' ? autoPullQuoteCount(text.split(/\s+/).length) : pullquotes;
    if (wanted > 0) body = addAutoPullQuotes(body, wanted);
  }
  if (notes) body.push(notes);
  // Links in the notes count too, so the list is made after them.
  if (context.links.length) body.push({ kind: 'links', links: context.links.map((url, i) => ({ number: i + 1, url })), line: 1 });

  // The countries the body names, found once: the focus, the sidebar and the writers' spellings
  // all read them (the tallies, with demonyms, only when the front matter leaves a choice).
  // Country names may be written in the brief's language (Deutschland, États-Unis).
  const mentions = findCountryMentions(text, meta.lang);
  let tallies: ReturnType<BodyCountries> | undefined;
  const bodyCountries = () => (tallies ??= tallyCountries(text, meta.lang, mentions));
  const typed = new Map<string, string>();
  const focus = readFocusCountry(frontMatter, bodyCountries, diagnostics, meta.lang, meta.dateline);
  const listed = readSidebar(frontMatter, bodyCountries, diagnostics, meta.lang, typed);
  if (focus && typeof frontMatter.data.country === 'string' && !typed.has(focus.alpha2)) typed.set(focus.alpha2, frontMatter.data.country);
  // Türkiye or Turkey, Timor-Leste or East Timor: the page prints the name the writer chose.
  const names = writersNames(mentions, typed);
  const country = focus && asWritten(focus, names);
  const sidebar = listed && { ...listed, groups: listed.groups.map((group) => ({ ...group, entries: group.entries.map((entry) => ({ ...entry, country: asWritten(entry.country, names) })) })) };
  const brief: Brief = { meta: country ? { ...meta, country } : meta, body, images: context.images };
  if (sidebar) brief.sidebar = sidebar;
  if (country) brief.glance = buildGlance(country);
  return brief;
}

function collectDefinitions(tree: Root, context: ModelContext): void {
  visit(tree, (node) => {
    if (node.type === 'definition') context.definitions.set((node as Definition).identifier, node as Definition);
    if (node.type === 'footnoteDefinition') {
      const definition = node as FootnoteDefinition;
      context.footnoteDefinitions.set(definition.identifier, definition);
    }
  });
}

/**
 * Footnotes, numbered in the order they are first referenced, collected as one block at the
 * end; the layout sets each at the foot of its reference's column, or in the band at the end.
 */
function footnotes(context: ModelContext): NotesBlock | undefined {
  const unreferenced = new Set<string>();
  for (const [identifier, definition] of context.footnoteDefinitions) {
    if (!context.footnoteOrder.includes(identifier)) {
      context.diagnostics.warn(`footnote [^${definition.label ?? identifier}] is never referenced; it is printed at the end`, definition.position?.start.line ?? 1);
      context.footnoteOrder.push(identifier);
      unreferenced.add(identifier);
    }
  }
  if (context.footnoteOrder.length === 0) return undefined;
  // Converting a note may reference further notes, which then join the end of the order.
  const notes: NotesBlock['notes'] = [];
  for (let i = 0; i < context.footnoteOrder.length; i++) {
    const definition = context.footnoteDefinitions.get(context.footnoteOrder[i]!)!;
    notes.push({ number: i + 1, blocks: toBlocks(definition.children, context), ...(unreferenced.has(context.footnoteOrder[i]!) ? { unreferenced: true as const } : {}) });
  }
  const line = context.footnoteDefinitions.get(context.footnoteOrder[0]!)?.position?.start.line ?? 1;
  return { kind: 'notes', notes, line };
}

/** The words of the body (for counting and country detection), pull-quotes excluded. */
export function bodyText(blocks: readonly Block[]): string {
  const parts: string[] = [];
  const walk = (list: readonly Block[]) => {
    for (const block of list) {
      switch (block.kind) {
        case 'paragraph':
        case 'heading':
          parts.push(inlineText(block.inlines));
          break;
        case 'list':
          for (const item of block.items) walk(item.blocks);
          break;
        case 'quote':
          walk(block.blocks);
          break;
        case 'table':
          for (const row of block.rows) for (const cell of row) parts.push(inlineText(cell));
          break;
        case 'notes':
          for (const note of block.notes) walk(note.blocks);
          break;
        case 'code':
          parts.push(block.text);
          break;
        case 'image':
          parts.push(block.caption);
          break;
        default:
          break;
      }
    }
  };
  walk(blocks);
  return parts.join('\n\n');
}

export type * from './types.js';
