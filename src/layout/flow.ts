/**
 * Column flow (Typst's "distribute" step): fills regions (the body columns of each page) with
 * flow units on the baseline grid, carrying what is left from region to region.
 *
 * Rules a reader notices: a paragraph never leaves its first line alone at the foot of a
 * column (orphan) nor its last line alone at the head of the next (widow); a heading keeps
 * two lines of what follows; a pull-quote sits neither at the top nor at the foot of a column;
 * the last page's columns are balanced.
 */
import { drawFootNotes, footLines, notesOnLines, type FootNote } from './footnotes.js';
import { baselineOf, type PageGeometry } from './geometry.js';
import { MUTED } from './styles.js';
import { lineElement, setText } from './text.js';
import type { PageElement, TextElement } from './types.js';
import { gridLinesFor, linesFitting, unitIndents, unitLines, unitLinesLoosely, type BlockUnit, type FlowUnit, type TextUnit } from './units.js';

export interface Region {
  x: number;
  width: number;
  /** Grid line the region starts on, and how many grid lines it holds. */
  firstLine: number;
  lines: number;
  column: number;
  /** The page's last (outer) column, where pull-quotes are set. */
  outer?: boolean;
  /** No pull-quote here: one set here stood beside its words in a column filled after it. */
  noQuotes?: boolean;
  /**
   * Grid lines below the cap where footnotes may hang: on a balanced page the columns' text
   * ends level and a column's notes stand just below it, not at the page's foot.
   */
  noteRoom?: number;
}

/** What is still to be placed: Typst's `Work`. */
export interface FlowState {
  unit: number;
  /** Item index to continue a split text unit from (0: from its start). */
  from: number;
  /** The rest of a split block (a table). */
  carry?: BlockUnit;
  /** Figures that did not fit where they came: set at the head of the next column, in order. */
  floats?: BlockUnit[];
  /** Pull-quotes waiting for a good spot. */
  pending: BlockUnit[];
  /** Outer columns the first waiting pull-quote has already missed: after one, any column will do. */
  quoteWait?: number;
  /**
   * The units end before the article does (a full-width table follows): pull-quotes still
   * waiting then wait on, into the next run of columns, instead of being set at the end.
   */
  holdPending?: boolean;
}

export interface RegionResult {
  elements: PageElement[];
  /** Grid lines down to the region's foot as balancing sees it: its text's, or `cap` when footnotes stand at the foot. */
  used: number;
  /** Grid lines drawn below `used`: footnotes hanging below a balanced page's text. */
  below: number;
  /** Grid lines filled: the text and the footnotes (less than `used` by the empty lines above the notes). */
  filled: number;
  /** Grid lines the footnotes take at the region's foot. */
  notes: number;
  /** A pull-quote had to open the column (allowed only when nothing else is left). */
  quoteAtTop: boolean;
  /** Lines had to be placed against the widow, orphan or hyphen rules (the column was too short). */
  forced: boolean;
  /** Pull-quotes that found no place before the text ran out and were set after it. */
  lateQuotes: BlockUnit[];
  /** Grid lines the pull-quotes set in the region take, with the space above them. */
  quoteLines: number;
  /** The pull-quotes set in the region before the text ran out, with what each drew. */
  quotes: Array<{ quote: BlockUnit; elements: PageElement[] }>;
}

/**
 * A change that lets a region end full (see fillHoles in index.ts): one paragraph set `lines`
 * longer or shorter than its best, or `space` extra grid lines above a heading or display.
 */
export interface Looseness {
  unit: number;
  lines: number;
  space?: number;
}

const MIN_LINES = 2;
/** Loosest line accepted when a paragraph is set again to keep a hyphen off a column's foot. */
const RESET_LIMIT = 1.6;
const QUOTE_RULE = 1;

export function initialState(): FlowState {
  return { unit: 0, from: 0, pending: [] };
}

export function cloneState(state: FlowState): FlowState {
  return { ...state, pending: [...state.pending], ...(state.floats ? { floats: [...state.floats] } : {}) };
}

export function isDone(units: readonly FlowUnit[], state: FlowState): boolean {
  return state.unit >= units.length && !state.carry && !state.floats?.length && (state.pending.length === 0 || state.holdPending === true);
}

/**
 * Fills one region, advancing `state`. `earlier` are the elements already on the page (a
 * pull-quote is not set on the page that shows its words); `cap` limits the lines used.
 */
export function fillRegion(units: readonly FlowUnit[], state: FlowState, region: Region, geometry: PageGeometry, nextWidth: number, earlier: readonly PageElement[], cap = region.lines, changes: readonly Looseness[] = []): RegionResult {
  const elements: PageElement[] = [];
  let used = 0;
  let spaceAfter = 0;
  let quoteAtTop = false;
  let forced = false;
  const lateQuotes: BlockUnit[] = [];
  const quotes: RegionResult['quotes'] = [];
  let quoteLines = 0;
  const grid = geometry.grid;
  // Footnotes whose references are in the column: set at its foot, they shorten its text area.
  const notes: FootNote[] = [];
  const noteLines = (more: readonly FootNote[] = []) => (notes.length + more.length === 0 ? 0 : footLines([...notes, ...more], region.width, grid));
  // Text and notes together stay within `limit`; the text alone within `cap`.
  const limit = cap + (region.noteRoom ?? 0);
  let room = cap;
  const done = (): RegionResult => {
    if (region.outer && state.pending.length) state.quoteWait = (state.quoteWait ?? 0) + 1;
    const foot = noteLines();
    if (!foot) return { elements, used, below: 0, filled: used, notes: 0, quoteAtTop, forced, lateQuotes, quoteLines, quotes };
    // At the foot of the column, or hanging from a balanced page's common foot; from the
    // column's own text when that ends well above it (the other column holds a figure that
    // floated there and is longer than the text), so the notes stay by their references.
    const hangFrom = region.noteRoom && used < cap - 1 ? used : cap;
    const notesEnd = Math.min(limit, hangFrom + (region.noteRoom ? foot : 0));
    elements.push(...drawFootNotes(notes, region, notesEnd, geometry));
    const hanging = notesEnd > cap;
    return { elements, used: hanging ? used : notesEnd, below: hanging ? notesEnd - used : 0, filled: used + foot, notes: foot, quoteAtTop, forced, lateQuotes, quoteLines, quotes };
  };
  const baseline = (line: number) => baselineOf(geometry, region.firstLine + line);
  const changeFor = (unit: number) => changes.find((change) => change.unit === unit);
  const extraSpace = (unit: FlowUnit) => changes.find((change) => units[change.unit] === unit)?.space ?? 0;

  const placeBlock = (block: BlockUnit, space: number) => {
    used += space;
    const index = units.indexOf(block);
    for (const element of block.draw(region.x, baseline(used), region.width)) {
      if (index >= 0) element.paragraph = index;
      elements.push(element);
    }
    used += block.height(region.width);
    spaceAfter = block.spaceAfter ?? 0;
  };

  const tryPending = (final: boolean) => {
    while (state.pending.length) {
      const quote = state.pending[0]!;
      const space = used === 0 ? 0 : Math.max(quote.spaceBefore, spaceAfter) + extraSpace(quote);
      const height = quote.height(region.width);
      const roomAfter = final ? 0 : MIN_LINES;
      const top = baseline(used + space) - grid;
      const bottom = baseline(used + space + height);
      const besideItsWords = !final && quote.quotes !== undefined && besideWords(quote.quotes, elements, earlier.filter((e) => e.kind === 'text' && e.y >= top - 3 * grid && e.y <= bottom + 3 * grid));
      // One display per column: two pull-quotes stacked read as a layout accident.
      const columnHasQuote = !final && elements.some((e) => e.kind === 'text' && e.role === 'pullquote');
      // Pull-quotes stand in the outer column, so the first column reads on uninterrupted and
      // both columns keep the same lines level with each other wherever the quote is not.
      const innerColumn = !final && region.outer === false && !state.quoteWait;
      const barred = !final && region.noQuotes === true;
      if ((used >= MIN_LINES || final) && !besideItsWords && !columnHasQuote && !innerColumn && !barred && used + space + height + roomAfter <= room) {
        state.pending.shift();
        state.quoteWait = 0;
        if (used === 0) quoteAtTop = true;
        if (final) lateQuotes.push(quote);
        quoteLines += space + height;
        const drawnFrom = elements.length;
        placeBlock(quote, space);
        if (!final) quotes.push({ quote, elements: elements.slice(drawnFrom) });
      } else return;
    }
  };

  /**
   * Whether a figure that does not fit here waits for a later column: always below other
   * content; at a column's head only when the column itself is too short for it (a short column
   * below a figure or table across the measure) and a whole column would hold it. Set there, it
   * would run over the footer and off the page.
   */
  const mayWait = (figure: BlockUnit) => {
    if (used > 0) return true;
    const height = figure.height(region.width);
    return height > region.lines && height <= geometry.gridLines;
  };
  /** Places waiting figures while they fit. */
  const placeFloats = () => {
    while (state.floats?.length) {
      const figure = state.floats[0]!;
      const space = used === 0 ? 0 : Math.max(figure.spaceBefore, spaceAfter);
      if (used + space + figure.height(region.width) > room && mayWait(figure)) return;
      state.floats.shift();
      placeBlock(figure, space);
    }
  };

  for (;;) {
    if (used === 0 || state.unit >= units.length) placeFloats();
    if (state.floats?.length && state.unit >= units.length) return done();
    if (state.carry) {
      const block = state.carry;
      const height = block.height(region.width);
      if (used + height <= room) {
        delete state.carry;
        placeBlock(block, 0);
        continue;
      }
      const parts = block.split?.(region.width, room - used);
      if (parts && used === 0) {
        placeBlock(parts[0], 0);
        state.carry = parts[1];
      } else if (used === 0) {
        delete state.carry;
        placeBlock(block, 0); // cannot split: set it whole rather than lose it
      }
      return done();
    }
    if (state.unit >= units.length) {
      if (!state.holdPending) tryPending(true);
      return done();
    }
    const unit = units[state.unit]!;
    const space = used === 0 ? 0 : Math.max(unit.spaceBefore, spaceAfter) + extraSpace(unit);

    if (unit.kind === 'block') {
      if (unit.pullQuote) {
        state.pending.push(unit);
        state.unit++;
        tryPending(false);
        continue;
      }
      const height = unit.height(region.width);
      if (state.floats?.length && unit.float) {
        state.floats.push(unit); // after the figures already waiting, in order
        state.unit++;
        continue;
      }
      if (used + space + height <= room) {
        placeBlock(unit, space);
        state.unit++;
        continue;
      }
      if (unit.float && !unit.split && mayWait(unit)) {
        // A figure that does not fit waits for the next column; the text after it fills this one.
        state.floats = [...(state.floats ?? []), unit];
        state.unit++;
        continue;
      }
      const parts = unit.split?.(region.width, room - used - space);
      if (parts && (used === 0 || room - used - space >= 4)) {
        placeBlock(parts[0], space);
        state.carry = parts[1];
        state.unit++;
        return done();
      }
      if (used === 0) {
        placeBlock(unit, 0);
        state.unit++;
      }
      return done();
    }

    const looseness = changeFor(state.unit)?.lines;
    const loose = looseness ? unitLinesLoosely(unit, region.width, state.from, looseness) : undefined;
    let lines = loose ?? unitLines(unit, region.width, state.from);
    const avail = room - used - space;
    // A line that carries a footnote's reference takes the note's lines at the foot with it.
    const fitsWithNotes = (count: number) => {
      const text = used + space + gridLinesFor(unit, count, grid);
      return text <= cap && text + noteLines(notesOnLines(unit, lines, count)) <= limit;
    };
    let fit = Math.min(lines.length, linesFitting(unit, avail, grid));
    while (fit > 0 && !fitsWithNotes(fit)) fit--;
    if (unit.keepWithNext && state.from === 0 && used > 0) {
      const need = gridLinesFor(unit, lines.length, grid) + followingNeed(units, state.unit + 1, region.width, grid);
      if (need > avail) return done();
    }
    // What keeps with this paragraph (an attribution) does not open the next column alone: when
    // it will not fit below, the paragraph's last lines go on with it, as a widow would. One long
    // enough to be split, with room for its first lines here, starts here and opens nothing.
    const follower = units[state.unit + 1];
    if (fit === lines.length && follower?.kind === 'text' && follower.keepWithPrevious) {
      const followerLines = unitLines(follower, region.width, 0).length;
      const left = room - (used + space + gridLinesFor(unit, fit, grid) + follower.spaceBefore);
      const startsHere = followerLines >= 2 * MIN_LINES && linesFitting(follower, left, grid) >= MIN_LINES;
      if (gridLinesFor(follower, followerLines, grid) > left && !startsHere) fit = Math.max(0, lines.length - MIN_LINES);
    }
    if (fit < lines.length) {
      const firstPart = state.from === 0;
      if (fit < MIN_LINES && firstPart && lines.length >= MIN_LINES) fit = 0; // no orphan
      // No widow: what goes on must make two lines in the next column, whose width may differ.
      while (fit > 0 && lines.length >= MIN_LINES && unitLines(unit, nextWidth, lines[fit]!.startItem).length < MIN_LINES) fit--;
      if (fit < MIN_LINES && firstPart) fit = 0;
      if (fit <= 0) {
        if (used > 0) return done();
        fit = Math.max(1, Math.min(lines.length, linesFitting(unit, room, grid)));
        while (fit > 1 && !fitsWithNotes(fit)) fit--;
        // Not even a line and its note fit in this (short) column: they go on to the next.
        if (!fitsWithNotes(fit) && notesOnLines(unit, lines, fit).length) return done();
        forced = true;
      }
    }
    // The last line of a column never ends with a hyphen: set the paragraph again without one
    // there (Knuth–Plass finds the next best breaks), or move that line on.
    for (let attempt = 0; attempt < 3 && !loose && fit < lines.length && fit > 0 && lines[fit - 1]!.hyphenated; attempt++) {
      const again = unitLines(unit, region.width, state.from, fit - 1);
      const worst = (set: typeof lines) => Math.max(...set.slice(0, fit + 1).map((line) => line.ratio));
      // Looser lines are the price, up to a limit; past it the line moves on. A paragraph's
      // opening pair moves on whole when something else is in the column (the hole that leaves
      // is then filled by fillHoles); only a column it opens accepts a very loose line instead.
      const movable = fit - 1 >= MIN_LINES || (state.from !== 0 && fit > 1);
      const limit = movable || used > 0 ? RESET_LIMIT : 3;
      const acceptable = !again[fit - 1]?.hyphenated && again.length > fit && worst(again) <= Math.max(limit, worst(lines));
      if (acceptable && unitLines(unit, nextWidth, again[fit]!.startItem).length >= MIN_LINES) {
        lines = again;
        break;
      }
      if (movable) fit--;
      else {
        if (used > 0) fit = 0;
        break;
      }
    }
    // A looser or tighter setting may not buy a hyphen at the foot, nor leave the end of a
    // paragraph carried over from the column before as a single line (a widow).
    if (loose && fit > 0 && fit < lines.length && lines[fit - 1]!.hyphenated) forced = true;
    if (loose && state.from !== 0 && lines.length < MIN_LINES) forced = true;
    // Setting the paragraph again may have moved a reference onto the lines kept.
    if (fit > 0 && !fitsWithNotes(fit)) {
      while (fit > 0 && !fitsWithNotes(fit)) fit--;
      forced = true;
    }
    if (fit === 0) return done();
    used += space;
    placeLines(unit, state.unit, lines.slice(0, fit), state.from === 0, region, used, geometry, elements);
    used += gridLinesFor(unit, fit, grid);
    notes.push(...notesOnLines(unit, lines, fit));
    room = Math.min(cap, limit - noteLines());
    spaceAfter = unit.spaceAfter ?? 0;
    if (fit < lines.length) {
      state.from = lines[fit]!.startItem;
      return done();
    }
    state.unit++;
    state.from = 0;
    // Nothing comes between a heading and its text, nor between words ending in a colon and
    // what they introduce, nor between the items of a list.
    if (!unit.keepWithNext && !introduces(unit) && !listGoesOn(unit, units[state.unit])) tryPending(false);
  }
}

/** Whether `next` belongs to the same list as `unit` (its next item, or more of this one). */
function listGoesOn(unit: TextUnit, next: FlowUnit | undefined): boolean {
  if (!next || next.kind !== 'text') return false;
  const lists = unit.structPath.filter((step) => step.type === 'L');
  return lists.some((list) => next.structPath.some((step) => step.type === 'L' && step.key === list.key));
}

/** A paragraph ending in a colon leads into what follows (a list, a quotation). */
function introduces(unit: TextUnit): boolean {
  const last = unit.inlines[unit.inlines.length - 1];
  return !!last && /:\s*$/.test(last.text);
}

/**
 * Whether a pull-quote would stand next to the words it repeats: anywhere in its own column,
 * or level with it in the column beside.
 */
export function besideWords(quote: string, column: readonly PageElement[], level: readonly PageElement[]): boolean {
  const words = quote.split(/\s+/);
  const probes = [words.slice(0, 5), words.slice(-5)].map((part) => simplifyWords(part.join(' '))).filter((probe) => probe.length > 0);
  const shows = (elements: readonly PageElement[]) => {
    const text = elements.map(simplifiedText).join('');
    return probes.some((probe) => text.includes(probe));
  };
  return shows(column) || shows(level);
}

/** Lower case, letters and digits only: how a pull-quote's words are looked for in the text. */
function simplifyWords(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * A line's words as simplifyWords gives them, worked out once: the flow asks again for every
 * trial fill of a page with a pull-quote waiting. Keyed by the line's pieces, which every trial
 * fill shares (set lines are cached per unit), while its elements are made anew each time.
 */
const simplified = new WeakMap<readonly unknown[], string>();
function simplifiedText(element: PageElement): string {
  if (element.kind !== 'text') return '';
  let text = simplified.get(element.pieces);
  if (text === undefined) {
    text = simplifyWords(element.pieces.map((p) => p.text).join(''));
    simplified.set(element.pieces, text);
  }
  return text;
}

/** Grid lines the start of the units after a heading needs beside it. */
function followingNeed(units: readonly FlowUnit[], index: number, width: number, grid: number): number {
  const next = units[index];
  if (!next) return 0;
  if (next.kind === 'block') return next.pullQuote ? 0 : next.spaceBefore + next.height(width);
  if (next.keepWithNext) return gridLinesFor(next, unitLines(next, width, 0).length, grid) + followingNeed(units, index + 1, width, grid);
  return gridLinesFor(next, Math.min(MIN_LINES, unitLines(next, width, 0).length), grid);
}

function placeLines(unit: TextUnit, index: number, lines: ReturnType<typeof unitLines>, startsUnit: boolean, region: Region, used: number, geometry: PageGeometry, out: PageElement[]): void {
  // A right-to-left paragraph mirrors its indents: a list's or a quotation's indent, its
  // marker and its rule go on the right.
  const rtl = lines.some((line) => line.rtl);
  const indents = unitIndents(unit, region.width);
  const x = region.x + (rtl ? indents.right : indents.left);
  const measureEnd = region.x + region.width - (rtl ? indents.left : indents.right);
  const first = baselineOf(geometry, region.firstLine + used);
  // The marker first: a note's number is read before its text.
  if (unit.marker && startsUnit && lines.length) {
    const [markerLine] = setText(unit.marker.text, { ...unit.marker.style, color: unit.marker.style === unit.style ? unit.style.color : MUTED }, 40, { align: 'ragged' });
    if (markerLine) {
      const destination = unit.marker.destination;
      const pieces = destination ? markerLine.pieces.map((piece) => ({ ...piece, style: { ...piece.style, destination } })) : markerLine.pieces;
      out.push({ ...lineElement({ ...markerLine, pieces }, rtl ? measureEnd + 4 : x - markerLine.width - 4, first, unit.role, unit.marker.style), paragraph: index, marker: true });
    }
  }
  lines.forEach((line, i) => {
    const y = first + i * unit.style.leading;
    const element: TextElement = lineElement(line, x, y, unit.role, unit.style);
    element.column = region.column;
    element.band = region.firstLine;
    element.paragraph = index;
    if (startsUnit && i === 0) element.paragraphStart = true;
    if (line.last) element.paragraphEnd = true;
    out.push(element);
    // A code line too long for the column goes on below, marked in the margin so no reader
    // takes the rest for a line of its own. The mark is decoration (an artifact), not code.
    if (unit.role === 'code' && (i > 0 || !startsUnit)) {
      const [mark] = setText('\u2192', { ...unit.style, color: MUTED }, 20, { align: 'ragged' });
      if (mark) out.push(lineElement(mark, x - mark.width - 2, y, 'code', { ...unit.style, color: MUTED }));
    }
  });
  if (unit.quoteDepth > 0 && lines.length) {
    const ruleX = rtl ? measureEnd + 6 : x - 6;
    // A quotation's later paragraph joins its rule to the one above, unless it opens a column.
    const joins = unit.quoteContinues && startsUnit && used > 0;
    const top = joins ? first - unit.style.leading + unit.style.size * 0.25 : first - unit.style.size * 0.8;
    const bottom = first + (lines.length - 1) * unit.style.leading + unit.style.size * 0.25;
    out.push({ kind: 'rule', x1: ruleX, y1: top, x2: ruleX, y2: bottom, width: QUOTE_RULE, color: MUTED });
  }
}
