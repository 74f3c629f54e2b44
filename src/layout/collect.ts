/**
 * Body blocks to flow units: paragraphs, headings, lists, quotes, code and notes become text
 * units with their styles and indents; pull-quotes, tables, images and ornaments become rigid
 * block units.
 */
import type { Block, Inline } from '../model/index.js';
import { ornamentUnit, pullQuoteUnit } from './block-units.js';
import { imageUnit, type ImageLimits } from './image-unit.js';
import { BAND_HEADING, BODY, CODE, H2, H3, H4, NOTE, SMALL, type TextStyle } from './styles.js';
import { tableUnit } from './table-unit.js';
import type { FlowUnit, PathStep, TextUnit } from './units.js';

export interface CollectContext {
  hyphenation: string | undefined;
  grid: number;
  /** Tallest a pull-quote may be: a column's height. */
  maxImageHeight: number;
  /** How big images may be, and the column width the spanning rule compares them with. */
  images: ImageLimits;
  /** Width of the narrowest body column. */
  narrowestColumn: number;
  onMissingGlyphs(line: number): (characters: string[]) => void;
  warn(message: string, line: number): void;
  /** 'rtl' for a brief in a right-to-left language: its paragraphs read right to left. */
  direction?: 'rtl';
}

const LIST_INDENT = 12;
const QUOTE_INDENT = 10;
/** Code sits this far in, so the mark of a wrapped line's continuation stands in the column. */
const CODE_INDENT = 8;

interface Nesting {
  indent: number;
  quoteDepth: number;
  style: TextStyle;
  role: TextUnit['role'];
  /** Lists, items, quotations and notes around the blocks, for the structure tree. */
  path: PathStep[];
}

/** Keys for structure elements that several units share (a list, an item, a table). */
let nextKey = 0;

export function collectUnits(blocks: readonly Block[], context: CollectContext): FlowUnit[] {
  const units: FlowUnit[] = [];
  collectInto(blocks, { indent: 0, quoteDepth: 0, style: BODY, role: 'body', path: [] }, context, units);
  return units;
}

function collectInto(blocks: readonly Block[], nesting: Nesting, context: CollectContext, units: FlowUnit[]): void {
  // Pull-quotes and figures float out of the text (a figure may be set a column or a page
  // later), so the paragraph after one still continues the run and keeps its indent.
  const floats = (block: Block) => block.kind === 'pullquote' || block.kind === 'image';
  const flowing: Block[] = blocks.filter((block) => !floats(block));
  blocks.forEach((block) => {
    const at = floats(block) ? -1 : flowing.indexOf(block);
    const previous = at > 0 ? flowing[at - 1] : units.length ? undefined : null;
    switch (block.kind) {
      case 'paragraph': {
        // Indent continues a run of paragraphs; after a heading, a break or a display, none.
        const follows = previous === undefined ? lastIsParagraph(units) : previous?.kind === 'paragraph' || previous?.kind === 'list';
        units.push(textUnit(block.inlines, nesting, context, block.line, { firstIndent: follows && nesting.indent === 0 && nesting.role === 'body' ? nesting.style.size : 0 }));
        return;
      }
      case 'heading': {
        const style = block.depth === 2 ? H2 : block.depth === 3 ? H3 : H4;
        // A subhead right under a heading (an H3 opening an H2's section) stands with it, as one
        // heading block: a grid line between the two would part them.
        const spaceBefore = previous?.kind === 'heading' ? 0 : 1;
        units.push({ ...textUnit(block.inlines, { ...nesting, style, role: 'heading' }, context, block.line, { spaceBefore, keepWithNext: true, align: 'ragged', hyphenate: false }), headingLevel: block.depth });
        return;
      }
      case 'list': {
        const markerWidth = block.ordered ? LIST_INDENT + 4 : LIST_INDENT;
        const list: PathStep = { type: 'L', key: nextKey++ };
        block.items.forEach((item, i) => {
          const marker = item.checked === true ? '\u2611' : item.checked === false ? '\u2610' : block.ordered ? `${block.start + i}.` : '\u2022';
          const inner: Nesting = { ...nesting, indent: nesting.indent + markerWidth, role: nesting.role === 'body' ? 'list' : nesting.role, path: [...nesting.path, list, { type: 'LI', key: nextKey++ }] };
          const start = units.length;
          collectInto(item.blocks, inner, context, units);
          const first = units[start];
          // Bullets, numbers and ballot boxes in the text face, so marked lines read as body lines
          // and share its baselines.
          if (first && first.kind === 'text') first.marker = { text: marker, style: { ...nesting.style } };
          // Items follow each other without extra space; indents show the structure.
          for (let u = start; u < units.length; u++) {
            const unit = units[u]!;
            if (unit.kind === 'text' && unit.role !== 'heading') unit.firstIndent = 0;
          }
        });
        return;
      }
      case 'quote': {
        const start = units.length;
        collectInto(block.blocks, { ...nesting, indent: nesting.indent + QUOTE_INDENT, quoteDepth: nesting.quoteDepth + 1, role: nesting.role === 'body' ? 'quote' : nesting.role, path: [...nesting.path, { type: 'BlockQuote', key: nextKey++ }] }, context, units);
        const first = units[start];
        if (first && nesting.quoteDepth === 0) first.spaceBefore = Math.max(first.spaceBefore, 1);
        for (let u = start; u < units.length; u++) {
          const unit = units[u]!;
          if (unit.kind === 'text') unit.rightIndent = Math.max(unit.rightIndent, nesting.quoteDepth === 0 ? QUOTE_INDENT : 0);
        }
        setAttribution(units, start);
        joinQuoteRules(units, start);
        markSpaceAfter(units, start);
        return;
      }
      case 'code': {
        const start = units.length;
        const lines = block.text.replace(/\t/g, '    ').split('\n');
        lines.forEach((text, i) => {
          units.push(
            textUnit([{ text: codeSpaces(text), style: { code: true } }], { ...nesting, indent: nesting.indent + CODE_INDENT, style: CODE, role: 'code' }, context, block.line + i + 1, {
              align: 'ragged',
              hyphenate: false,
              spaceBefore: i === 0 ? 1 : 0,
            }),
          );
        });
        markSpaceAfter(units, start);
        return;
      }
      case 'table':
        units.push({ ...tableUnit(block, context.grid, context.hyphenation, nextKey, context.direction), table: { id: nextKey++, rows: block.rows.length, columns: block.align.length || 1 } });
        markSpaceAfter(units, units.length - 1);
        return;
      case 'image':
        units.push({ ...imageUnit(block, context.images), figure: { alt: block.alt || 'Image' } });
        markSpaceAfter(units, units.length - 1);
        return;
      case 'pullquote': {
        // A display is a repeat of the text: one too long for any column is left out, not cut.
        const unit = { ...pullQuoteUnit(block, context.grid), sourceLine: block.line, ...(block.automatic ? { automatic: true } : {}) };
        if (unit.height(context.narrowestColumn) * context.grid > context.maxImageHeight) {
          context.warn('this pull-quote is too long to set as a display and was left out (its words stay in the body); quote a sentence or two', block.line);
        } else units.push(unit);
        return;
      }
      case 'rule':
        units.push(ornamentUnit());
        return;
      case 'links': {
        // The addresses behind the brief's links, for readers of the printed page.
        const heading = { ...textUnit([{ text: 'Links', style: {} }], { ...nesting, style: BAND_HEADING, role: 'links' }, context, block.line, { spaceBefore: 1, keepWithNext: true, align: 'ragged', hyphenate: false }), headingLevel: 2 };
        units.push(units.some((unit) => unit.kind === 'text' && unit.startsNotes) ? heading : { ...heading, startsNotes: true });
        for (const link of block.links) {
          const unit = textUnit([{ text: link.url, style: { link: link.url } }], { ...nesting, indent: nesting.indent + 12, style: SMALL, role: 'links' }, context, block.line, { align: 'ragged', hyphenate: false });
          unit.marker = { text: `${link.number}`, style: SMALL };
          units.push(unit);
        }
        return;
      }
      case 'notes': {
        units.push({ ...textUnit([{ text: 'Notes', style: {} }], { ...nesting, style: BAND_HEADING, role: 'heading' }, context, block.line, { spaceBefore: 1, keepWithNext: true, align: 'ragged', hyphenate: false }), startsNotes: true, headingLevel: 2 });
        for (const note of block.notes) {
          const start = units.length;
          collectInto(note.blocks, { ...nesting, indent: nesting.indent + 12, style: NOTE, role: 'note', path: [...nesting.path, { type: 'Note', key: nextKey++ }] }, context, units);
          const first = units[start];
          // A note's number links back to where the note is referenced (when it is: a dead link
          // would lead nowhere).
          if (first && first.kind === 'text') first.marker = { text: `${note.number}`, style: NOTE, ...(note.unreferenced ? {} : { destination: `ref-${note.number}` }) };
          for (let u = start; u < units.length; u++) {
            const unit = units[u]!;
            unit.note = note.number;
            if (unit.kind === 'text') unit.firstIndent = 0;
          }
        }
        return;
      }
    }
  });
}

/**
 * Indentation and runs of spaces in code keep their width (no-break spaces); a single space
 * between tokens stays a place where a long code line may wrap.
 */
function codeSpaces(text: string): string {
  if (!text.trim()) return '\u00A0';
  return text.replace(/^ +/, (lead) => '\u00A0'.repeat(lead.length)).replace(/ {2,}/g, (run) => '\u00A0'.repeat(run.length));
}

function lastIsParagraph(units: FlowUnit[]): boolean {
  const last = units[units.length - 1];
  return !!last && last.kind === 'text' && last.role === 'body';
}

/** A quotation's closing line that names its source: "— Report of the panel, 2025". */
const ATTRIBUTION = /^\s*[\u2014\u2015\u2013]/u;

/**
 * A block quotation's attribution is a short line, not a paragraph: justified, its two or three
 * words were spread across the whole measure. It is set ragged, without hyphens, as a caption is,
 * and never stands alone at the head of a column, cut off from the words it attributes.
 */
function setAttribution(units: FlowUnit[], start: number): void {
  const last = units[units.length - 1];
  if (units.length - start < 2 || !last || last.kind !== 'text' || last.role !== 'quote') return;
  const text = last.inlines.map((inline) => inline.text).join('');
  if (!ATTRIBUTION.test(text)) return;
  last.align = 'ragged';
  last.hyphenation = undefined;
  last.keepWithPrevious = true;
}

/**
 * The rule beside a quotation runs down all its paragraphs, not one stroke per paragraph with
 * gaps between them, which read as separate quotations.
 */
function joinQuoteRules(units: FlowUnit[], start: number): void {
  for (let u = start + 1; u < units.length; u++) {
    const unit = units[u]!;
    const above = units[u - 1]!;
    if (unit.kind !== 'text' || above.kind !== 'text' || unit.spaceBefore > 0 || above.spaceAfter) continue;
    if (unit.quoteDepth === above.quoteDepth && unit.indent === above.indent) unit.quoteContinues = true;
  }
}

/** The unit after a display block gets a grid line of space above it. */
function markSpaceAfter(units: FlowUnit[], start: number): void {
  const last = units[units.length - 1];
  if (last && units.length > start) last.spaceAfter = 1;
}

function textUnit(
  inlines: Inline[],
  nesting: Nesting,
  context: CollectContext,
  line: number,
  options: { firstIndent?: number; spaceBefore?: number; keepWithNext?: boolean; align?: TextUnit['align']; hyphenate?: boolean },
): TextUnit {
  return {
    kind: 'text',
    role: nesting.role,
    style: nesting.style,
    inlines,
    align: options.align ?? 'justify',
    hyphenation: options.hyphenate === false ? undefined : context.hyphenation,
    firstIndent: options.firstIndent ?? 0,
    indent: nesting.indent,
    rightIndent: 0,
    spaceBefore: options.spaceBefore ?? 0,
    keepWithNext: options.keepWithNext ?? false,
    quoteDepth: nesting.quoteDepth,
    structPath: nesting.path,
    sourceLine: line,
    narrowestColumn: context.narrowestColumn,
    onMissingGlyphs: context.onMissingGlyphs(line),
    // Code and addresses read left to right whatever the language.
    ...(context.direction && nesting.role !== 'code' && nesting.role !== 'links' ? { direction: context.direction } : {}),
  };
}
