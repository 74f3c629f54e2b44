/**
 * Footnotes at the foot of the column their reference lands in, read from the layout data:
 * same page and column as the reference, below the column's text, on the grid at the foot,
 * long notes in the endnotes band, one numbering in reference order, and the reference line
 * moving on with its note when the two no longer fit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { layoutSource, renderBrief, typesettingReport } from '../src/index.js';
import type { Layout, StructNode, TextElement } from '../src/layout/index.js';
import { seededRandom } from './helpers/generate.js';
import { contentFolder, pngBytes } from './helpers/images.js';
import { lineText, outsideFrame, overlappingText, textElements } from './helpers/layout-checks.js';

type Placed = TextElement & { page: number };

const content = (name: string) => readFileSync(new URL(`../content/${name}`, import.meta.url), 'utf8');

/** The body line holding the first reference to note `number`, in reading order. */
function referenceLine(layout: Layout, number: number): Placed | undefined {
  const lines = textElements(layout)
    .filter((e) => e.column !== undefined && !e.footnote && e.pieces.some((p) => p.style.destination === `note-${number}`))
    .sort((a, b) => a.page - b.page || (a.band ?? 0) - (b.band ?? 0) || a.column! - b.column! || a.y - b.y);
  return lines[0];
}

/** The body column (of the flow) an element stands in, by its left edge. */
function columnOf(layout: Layout, element: Placed): number | undefined {
  const page = layout.pages[element.page - 1]!;
  return page.columns.find((c) => element.x >= c.x - 20 && element.x < c.x + c.width)?.column;
}

/** Foot-note lines and numbers, grouped by note. */
function footNotes(layout: Layout): Map<number, Placed[]> {
  const notes = new Map<number, Placed[]>();
  for (const e of textElements(layout)) if (e.footnote) notes.set(e.footnote.number, [...(notes.get(e.footnote.number) ?? []), e]);
  return notes;
}

/** Checks every footnote set at a column foot against its reference; returns what is wrong. */
function footnoteProblems(layout: Layout): string[] {
  const problems: string[] = [];
  const { pitch, origin } = layout.grid;
  for (const [number, lines] of footNotes(layout)) {
    const reference = referenceLine(layout, number);
    if (!reference) {
      problems.push(`note ${number}: no reference in the body`);
      continue;
    }
    const pages = new Set(lines.map((l) => l.page));
    const columns = new Set(lines.map((l) => columnOf(layout, l)));
    if (pages.size !== 1 || !pages.has(reference.page)) problems.push(`note ${number}: on page ${[...pages]}, reference on page ${reference.page}`);
    if (columns.size !== 1 || !columns.has(reference.column)) problems.push(`note ${number}: in column ${[...columns]}, reference in column ${reference.column}`);
    // Below every body line of its column (that column's run of lines, above any table).
    const body = textElements(layout).filter((e) => e.page === reference.page && e.column === reference.column && e.band === reference.band && !e.footnote);
    const lowestBody = Math.max(...body.map((e) => e.y));
    const top = Math.min(...lines.map((l) => l.y - l.ascent));
    if (top <= lowestBody + 3) problems.push(`note ${number}: top ${top.toFixed(1)} not below the column's text (${lowestBody.toFixed(1)})`);
  }
  // Each column's stack of notes ends on a grid line: the column's last (or its balanced foot).
  for (const page of layout.pages) {
    for (const column of page.columns) {
      if (!column.notes) continue;
      const inColumn = page.elements.filter((e): e is TextElement => e.kind === 'text' && !!e.footnote && e.x >= column.x - 20 && e.x < column.x + column.width);
      const last = Math.max(...inColumn.map((e) => e.y));
      const steps = (last - origin) / pitch;
      if (Math.abs(steps - Math.round(steps)) > 1e-6) problems.push(`page ${page.number}: the notes' last baseline is off the grid`);
      // At the column's foot: its last grid line, or the common foot of a balanced page.
      if (Math.round(steps) !== column.firstLine + column.used - 1) problems.push(`page ${page.number} column ${column.column}: the notes end on grid line ${Math.round(steps)}, the column on ${column.firstLine + column.used - 1}`);
      if (!column.balanced && column.used !== column.lines) problems.push(`page ${page.number} column ${column.column}: notes above the foot of a full column`);
    }
  }
  return problems;
}

/** Plain filler text of `count` words, the same for the same seed. */
function filler(seed: number, count: number): string {
  const random = seededRandom(seed);
  const vocabulary = 'the committee reported that network operators and regulators would review the cable repair plans before winter while ministers considered funding for patrols and shared data on ship movements across the region'.split(' ');
  return Array.from({ length: count }, () => vocabulary[Math.floor(random() * vocabulary.length)]!).join(' ');
}

describe('footnotes in the Baltic brief', () => {
  const { layout, brief } = layoutSource(content('baltic-seabed-cables.md'), { filename: 'baltic.md' });

  it('sets each short note at the foot of the column its reference is in, below the text, on the grid', () => {
    const notes = footNotes(layout);
    expect(notes.size).toBeGreaterThanOrEqual(3);
    expect(footnoteProblems(layout)).toEqual([]);
    expect(outsideFrame(layout)).toEqual([]);
    expect(overlappingText(layout)).toEqual([]);
  });

  it('prints every note once, in one numbering in reference order', () => {
    const count = brief.body.find((b) => b.kind === 'notes')?.notes.length ?? 0;
    expect(count).toBe(4);
    const markers = textElements(layout).filter((e) => e.role === 'note' && e.marker).map((e) => Number(lineText(e)));
    expect([...markers].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    // References in reading order carry 1, 2, 3, … (each first reference, once).
    const firstReferences = Array.from({ length: count }, (_, i) => referenceLine(layout, i + 1)!);
    const order = [...firstReferences].sort((a, b) => a.page - b.page || a.column! - b.column! || a.y - b.y).map((l) => l.pieces.find((p) => p.style.destination?.startsWith('note-'))!.style.destination);
    expect(order).toEqual(firstReferences.map((_, i) => `note-${i + 1}`));
    // All four fit a column's foot, so there is no "Notes" heading in the band.
    expect(textElements(layout).some((e) => e.role === 'heading' && lineText(e) === 'Notes')).toBe(false);
  });

  it('tags each note as a Note after the paragraph holding its reference, and the report counts its lines', () => {
    const nodes = new Map<number, { node: StructNode; parent: StructNode; index: number }>();
    const walk = (node: StructNode) => node.children.forEach((child, index) => {
      nodes.set(child.id, { node: child, parent: node, index });
      walk(child);
    });
    walk(layout.structure);
    for (const [number, lines] of footNotes(layout)) {
      const leaf = nodes.get(lines.find((l) => !l.marker)!.struct!)!;
      expect(leaf.parent.type, `note ${number}`).toBe('Note');
      const note = nodes.get(leaf.parent.id)!;
      const before = note.parent.children[note.index - 1];
      expect(before?.id, `note ${number} follows its paragraph`).toBe(referenceLine(layout, number)!.struct);
    }
    const report = typesettingReport(layout);
    const withNotes = report.pages.flatMap((p) => p.columns).filter((c) => c.notes > 0);
    expect(withNotes.length).toBe(footNotes(layout).size === 0 ? 0 : new Set([...footNotes(layout).values()].map((l) => `${l[0]!.page}:${columnOf(layout, l[0]!)}`)).size);
    expect(report.summary).toMatchObject({ widows: 0, orphans: 0, holes: 0, offGrid: 0 });
  });
});

describe('footnotes too long for a column foot', () => {
  const long = `${filler(3, 260)}.`;
  const source = `---\ntitle: Notes long and short\n---\n\n${filler(1, 120)} first claim.[^a] ${filler(2, 80)}.\n\n${filler(4, 150)} second claim.[^b] ${filler(5, 60)} third claim.[^c]\n\n[^a]: A short note of a line or two.\n\n[^b]: ${long}\n\n[^c]: A note with a list:\n\n    - one item\n    - another item\n`;
  const { layout } = layoutSource(source, { filename: 'long.md' });

  it('goes to the endnotes band at the end, with the short one at its column foot', () => {
    const notes = footNotes(layout);
    expect([...notes.keys()]).toEqual([1]);
    expect(footnoteProblems(layout)).toEqual([]);
    const lines = textElements(layout);
    const heading = lines.find((e) => e.role === 'heading' && lineText(e) === 'Notes');
    expect(heading).toBeDefined();
    const markers = lines.filter((e) => e.role === 'note' && e.marker && !e.footnote && /^\d+$/.test(lineText(e))).map((e) => ({ number: Number(lineText(e)), page: e.page, y: e.y, column: columnOf(layout, e) }));
    expect(markers.map((m) => m.number)).toEqual([2, 3]);
    // In the band: after the body's last line, below the heading (the band may go on to a next page).
    for (const marker of markers) {
      expect(marker.page).toBeGreaterThanOrEqual(heading!.page);
      if (marker.page === heading!.page && marker.column === columnOf(layout, heading!)) expect(marker.y).toBeGreaterThan(heading!.y);
    }
    expect(Math.max(...lines.filter((e) => e.role === 'body').map((e) => e.page))).toBe(heading!.page);
    const lastBody = Math.max(...lines.filter((e) => e.page === heading!.page && e.role === 'body').map((e) => e.y));
    expect(heading!.y).toBeGreaterThan(lastBody);
    expect(outsideFrame(layout)).toEqual([]);
    expect(overlappingText(layout)).toEqual([]);
  });
});

describe('a reference line near a column foot', () => {
  /** One long paragraph with a reference after word `at`, and a note of `noteWords` words; a country gives page 1 its rail and narrow columns. */
  const brief = (at: number, noteWords: number) => `---\ntitle: Moving notes\ncountry: Albania\n---\n\n${filler(7, at)} claim.[^1] ${filler(8, 900 - at)}.\n\n[^1]: ${filler(9, noteWords)}.\n`;
  const where = (layout: Layout) => {
    const reference = referenceLine(layout, 1)!;
    const page = layout.pages[reference.page - 1]!;
    const column = page.columns.find((c) => c.column === reference.column && c.firstLine === reference.band)!;
    return { page: reference.page, column: reference.column!, gridLine: Math.round((reference.y - layout.grid.origin) / layout.grid.pitch), end: column.firstLine + column.lines };
  };

  it('moves on to the next column with its note when the two no longer fit', () => {
    let movedOn = 0;
    for (let at = 236; at <= 300; at += 4) {
      const short = layoutSource(brief(at, 6), { filename: 'move.md', map: false }).layout;
      const { layout } = layoutSource(brief(at, 70), { filename: 'move.md', map: false });
      expect(footnoteProblems(layout), `reference after word ${at}`).toEqual([]);
      expect(overlappingText(layout), `reference after word ${at}`).toEqual([]);
      const withShortNote = where(short);
      const withLongNote = where(layout);
      const footLines = layout.pages[withLongNote.page - 1]!.columns.find((c) => c.column === withLongNote.column)!.notes!;
      // Where a short note let the line stay near the foot of page 1's first column, the long
      // note cannot fit below it: line and note are both in the next column.
      if (withShortNote.page === 1 && withShortNote.column === 0 && withShortNote.gridLine >= withShortNote.end - footLines) {
        movedOn++;
        expect([withLongNote.page, withLongNote.column], `reference after word ${at}`).not.toEqual([1, 0]);
      }
    }
    expect(movedOn).toBeGreaterThan(0);
  }, 240_000);
});

describe('a note nobody refers to', () => {
  it('is printed at the end without a number linking back to a reference that does not exist', async () => {
    const source = '---\ntitle: An unreferenced note\n---\n\nA paragraph with a note.[^a]\n\n[^a]: The note it refers to.\n\n[^b]: A note nobody refers to.\n';
    const { pdf } = await renderBrief(source, { filename: 'orphan.md', map: false });
    const document = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
    const dangling: string[] = [];
    const named: string[] = [];
    for (let p = 1; p <= document.numPages; p++) {
      for (const annotation of await (await document.getPage(p)).getAnnotations()) {
        if (annotation.subtype !== 'Link' || typeof annotation.dest !== 'string') continue;
        named.push(annotation.dest);
        if (!(await document.getDestination(annotation.dest))) dangling.push(annotation.dest);
      }
    }
    await document.destroy();
    // The referenced note still links both ways.
    expect(named).toEqual(expect.arrayContaining(['note-1', 'ref-1']));
    expect(dangling).toEqual([]);
  });
});

describe('notes beside a figure that floated into the other column', () => {
  it('hang below their own column\'s text, not at the foot of the taller figure', () => {
    const fixture = (name: string) => readFileSync(new URL(`./fixtures/figure-notes/${name}`, import.meta.url));
    const dir = contentFolder({ 'wide.png': pngBytes(1800, 500), 'col.png': pngBytes(600, 450), 'col2.png': pngBytes(500, 700), 'chart.svg': fixture('chart.svg') });
    const { layout } = layoutSource(fixture('brief.md').toString('utf8'), { filename: 'brief.md', contentDir: dir });
    const { pitch } = layout.grid;
    let checked = 0;
    for (const [, lines] of footNotes(layout)) {
      const top = lines.reduce((a, b) => (a.y < b.y ? a : b));
      // On the last page, where the columns are balanced and notes hang below the text.
      if (top.page !== layout.pages.length) continue;
      const page = layout.pages[top.page - 1]!;
      const column = columnOf(layout, top);
      const text = textElements(layout).filter((e) => e.page === top.page && !e.footnote && e.column === column && e.role === 'body' && e.y < top.y);
      if (!text.length) continue;
      const lastText = Math.max(...text.map((e) => e.y));
      // The hairline and gap take at most three grid lines between the text and the note.
      expect(top.y - lastText, `note on page ${page.number}`).toBeLessThanOrEqual(3.5 * pitch);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
