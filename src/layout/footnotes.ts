/**
 * Footnotes at the foot of the column (TeX's insert model): a note is set below a short hairline
 * at the foot of the column where the line holding its first reference lands, and the column's
 * text area shrinks by the grid lines the notes take. When a line and its note no longer fit,
 * the line moves on to the next column with its note (flow.ts). Notes are kept whole.
 *
 * A note too long for a column's foot (more than a third of page 1's columns), or holding more
 * than plain paragraphs (a list, a quotation, code, a table), or referenced only from a table or
 * another note, is set in the endnotes band at the end of the brief instead (notes.ts). The
 * numbering is the model's: one sequence in the order of first reference.
 */
import { baselineOf, type PageGeometry } from './geometry.js';
import type { Region } from './flow.js';
import { HAIRLINE, MUTED } from './styles.js';
import { lineElement, setText } from './text.js';
import type { PageElement, TextElement } from './types.js';
import { unitIndents, unitItems, unitLines, type FlowUnit, type TextUnit } from './units.js';
import type { SetLine } from '../typeset/index.js';

export interface FootNote {
  number: number;
  /** The note's paragraphs. */
  units: TextUnit[];
  /** Index of the first of `units` among all foot-note units (their place in the structure). */
  firstUnit: number;
  /** The body unit holding the first reference, and that reference's item in it (found once). */
  anchor: TextUnit;
  refItem?: number;
}

/**
 * Space between the last body line's baseline and the first note line's baseline, beyond the
 * notes' own leading: the body's descenders, a clear gap, the hairline, and the note's capitals.
 */
const FOOT_CLEARANCE = 16;
/** The hairline sits this far above the first note line's baseline. */
const RULE_ABOVE = 10.5;
/** The hairline's length, as a share of the column (a book's short footnote rule). */
const RULE_SHARE = 0.3;

export interface FootnotePlan {
  /** Notes set at column feet, attached to their anchors' `footnotes`. */
  notes: FootNote[];
  /** Their paragraphs, in note order: tagged after the body. */
  footUnits: TextUnit[];
  /** What stays for the endnotes band: the "Notes" heading and long notes, then the links list. */
  endUnits: FlowUnit[];
}

/**
 * Chooses which notes go to column feet and attaches each to the body unit holding its first
 * reference. `noteUnits` are the units of the notes band as collected (heading, notes, links).
 */
export function planFootnotes(bodyUnits: readonly FlowUnit[], noteUnits: readonly FlowUnit[], narrowestColumn: number, maxLines: number, grid: number): FootnotePlan {
  const byNumber = new Map<number, FlowUnit[]>();
  for (const unit of noteUnits) {
    if (unit.note === undefined) continue;
    byNumber.set(unit.note, [...(byNumber.get(unit.note) ?? []), unit]);
  }
  const notes: FootNote[] = [];
  const footUnits: TextUnit[] = [];
  for (const [number, units] of byNumber) {
    const anchor = bodyUnits.find((unit): unit is TextUnit => unit.kind === 'text' && unit.inlines.some((inline) => inline.style.footnote === number));
    if (!anchor || !units.every(plainNoteParagraph)) continue;
    const note: FootNote = { number, units: units as TextUnit[], firstUnit: footUnits.length, anchor };
    if (footLines([note], narrowestColumn, grid) > maxLines) continue;
    notes.push(note);
    footUnits.push(...note.units);
    (anchor.footnotes ??= []).push(note);
  }
  const atFoot = new Set<FlowUnit>(footUnits);
  const rest = noteUnits.filter((unit) => !atFoot.has(unit));
  // The "Notes" heading stays only if some note is left for the band.
  const endNotesLeft = rest.some((unit) => unit.note !== undefined);
  const endUnits = endNotesLeft ? rest : rest.filter((unit) => !(unit.kind === 'text' && unit.startsNotes && unit.role === 'heading'));
  return { notes, footUnits, endUnits };
}

/** A note paragraph that may stand at a column's foot: plain text, no list, quotation or code. */
function plainNoteParagraph(unit: FlowUnit): boolean {
  return unit.kind === 'text' && unit.role === 'note' && unit.quoteDepth === 0 && unit.structPath.length === 1;
}

/** Lines of a note set in a column of `width`. */
function noteLines(note: FootNote, width: number): number {
  return note.units.reduce((sum, unit) => sum + unitLines(unit, width, 0).length, 0);
}

/** Grid lines the notes take at the foot of a column of `width`, the hairline and the gap above it included. */
export function footLines(notes: readonly FootNote[], width: number, grid: number): number {
  if (notes.length === 0) return 0;
  const lines = notes.reduce((sum, note) => sum + noteLines(note, width), 0);
  const leading = notes[0]!.units[0]!.style.leading;
  return Math.ceil(((lines - 1) * leading + FOOT_CLEARANCE) / grid - 1e-6);
}

/**
 * The notes whose first reference is on the first `count` of `lines` (set for `unit`): a
 * reference is located by its item, so a note referenced twice goes with the first reference.
 */
export function notesOnLines(unit: TextUnit, lines: readonly SetLine[], count: number): FootNote[] {
  if (!unit.footnotes?.length || count <= 0) return [];
  const start = lines[0]!.startItem;
  const end = lines[count - 1]!.breakItem;
  return unit.footnotes.filter((note) => {
    note.refItem ??= unitItems(unit).findIndex((item) => item.type === 'box' && item.style.destination === `note-${note.number}`);
    return note.refItem >= start && note.refItem <= end;
  });
}

/**
 * The notes drawn at the foot of a region that holds `cap` grid lines: stacked at the notes'
 * leading, the last baseline on the region's last grid line, a short hairline above. Each line
 * is marked with its note and its unit among the foot-note units, so the layout can tag it.
 */
export function drawFootNotes(notes: readonly FootNote[], region: Region, cap: number, geometry: PageGeometry): PageElement[] {
  const sets = notes.map((note) => note.units.map((unit) => ({ unit, lines: unitLines(unit, region.width, 0) })));
  const count = sets.flat().reduce((sum, set) => sum + set.lines.length, 0);
  if (count === 0) return [];
  const leading = notes[0]!.units[0]!.style.leading;
  let y = baselineOf(geometry, region.firstLine + cap - 1) - (count - 1) * leading;
  const ruleY = y - RULE_ABOVE;
  // Right-to-left notes (an Arabic brief's) start at the column's right edge: the hairline
  // stands there too, as a book in that script sets it.
  const rtl = sets.some((set) => set.some(({ lines }) => lines.some((line) => line.rtl)));
  const ruleLength = region.width * RULE_SHARE;
  const ruleX = rtl ? region.x + region.width - ruleLength : region.x;
  const out: PageElement[] = [{ kind: 'rule', x1: ruleX, y1: ruleY, x2: ruleX + ruleLength, y2: ruleY, width: 0.5, color: HAIRLINE }];
  notes.forEach((note, n) => {
    sets[n]!.forEach(({ unit, lines }, part) => {
      const footUnit = note.firstUnit + part;
      const indents = unitIndents(unit, region.width);
      const noteRtl = lines.some((line) => line.rtl);
      // A right-to-left note's lines stand flush with the measure's right edge, its indent on the right.
      const x = region.x + (noteRtl ? indents.right : indents.left);
      const measureEnd = region.x + region.width - (noteRtl ? indents.left : indents.right);
      // The number first, in the indent (on the right of a right-to-left note): a note's number
      // is read before its text, and links back.
      if (part === 0 && unit.marker && lines.length) {
        const [markerLine] = setText(unit.marker.text, { ...unit.marker.style, color: MUTED }, 40, { align: 'ragged' });
        if (markerLine) {
          const destination = unit.marker.destination;
          const pieces = destination ? markerLine.pieces.map((piece) => ({ ...piece, style: { ...piece.style, destination } })) : markerLine.pieces;
          out.push({ ...lineElement({ ...markerLine, pieces }, noteRtl ? measureEnd + 4 : x - markerLine.width - 4, y, 'note', unit.marker.style), marker: true, footnote: { number: note.number, unit: footUnit } });
        }
      }
      lines.forEach((line, i) => {
        const element: TextElement = { ...lineElement(line, x, y, 'note', unit.style), footnote: { number: note.number, unit: footUnit } };
        if (i === 0) element.paragraphStart = true;
        if (line.last) element.paragraphEnd = true;
        out.push(element);
        y += leading;
      });
    });
  });
  return out;
}
