/**
 * GFM tables set as real tables: a header row, column alignment, rules, and cells that wrap.
 * Column widths follow the content: each column gets at least its longest word and the rest
 * of the measure goes where the text is longest. A table taller than a column splits between
 * rows and repeats its header.
 */
import { textWidth } from '../fonts/index.js';
import type { CellAlign, Inline, TableBlock } from '../model/index.js';
import type { SetLine } from '../typeset/index.js';
import { CELL_ABOVE } from './block-units.js';
import { INK, SMALL, type TextStyle } from './styles.js';
import { capHeight, lineElement, setText } from './text.js';
import type { PageElement } from './types.js';
import type { BlockUnit } from './units.js';
import { byWidth } from './by-width.js';

const HEADER: TextStyle = { ...SMALL, font: 'sans-semibold' };
const CELL_GAP = 6;
const ROW_PAD = 3;

interface SetRow {
  cells: SetLine[][];
  height: number;
}

/**
 * `table` names the table in the structure tree; its cells' lines say their row and column. In a
 * right-to-left brief the first column stands at the right and the table at the measure's right.
 */
export function tableUnit(block: TableBlock, grid: number, hyphenation: string | undefined, table: number, direction?: 'rtl'): BlockUnit {
  return tableRows(block, block.rows.slice(1), grid, hyphenation, { table, firstRow: 1, rtl: direction === 'rtl' });
}

interface TablePart {
  table: number;
  /** Index (in `block.rows`, the header being 0) of the part's first body row. */
  firstRow: number;
  /** Columns run from right to left. */
  rtl: boolean;
}

function tableRows(block: TableBlock, body: Inline[][][], grid: number, hyphenation: string | undefined, part: TablePart): BlockUnit {
  const header = block.rows[0] ?? [];
  const setAll = byWidth((width: number) => {
    const widths = columnWidths(block, width);
    const setRow = (row: Inline[][], style: TextStyle): SetRow => {
      const cells = widths.map((w, i) => setText(row[i] ?? [], style, w, { align: 'ragged', hyphenation }));
      const lines = Math.max(1, ...cells.map((c) => c.length));
      return { cells, height: lines * style.leading + 2 * ROW_PAD };
    };
    const head = setRow(header, HEADER);
    const rows = body.map((row) => setRow(row, SMALL));
    const total = head.height + rows.reduce((sum, row) => sum + row.height, 0) + 4;
    return { widths, head, rows, gridLines: Math.ceil((total + 2) / grid) };
  });
  const unit: BlockUnit & { split(width: number, gridLines: number, minRows?: number): [BlockUnit, BlockUnit] | undefined } = {
    kind: 'block',
    role: 'table',
    spaceBefore: 1,
    pullQuote: false,
    span: true,
    height: (width) => setAll(width).gridLines,
    split(width, gridLines, minRows = 1) {
      const { head, rows } = setAll(width);
      let used = head.height + 6;
      let count = 0;
      while (count < rows.length && used + rows[count]!.height <= gridLines * grid) used += rows[count++]!.height;
      // Fewer rows may stay here so that enough go over (a row alone under a repeated header).
      count = Math.min(count, rows.length - minRows);
      if (count < Math.max(1, minRows)) return undefined;
      return [tableRows(block, body.slice(0, count), grid, hyphenation, part), tableRows(block, body.slice(count), grid, hyphenation, { ...part, firstRow: part.firstRow + count })];
    },
    draw(x, baseline, measure) {
      const { widths, head, rows } = setAll(measure);
      // A table narrower than the measure keeps its own width: rules end where its columns do.
      const width = widths.reduce((a, b) => a + b, 0) + CELL_GAP * (widths.length - 1);
      // Right to left, the table keeps to the measure's right edge, as its text does.
      if (part.rtl) x += Math.max(0, measure - width);
      const out: PageElement[] = [];
      let top = baseline - CELL_ABOVE + 2;
      out.push({ kind: 'rule', x1: x, y1: top, x2: x + width, y2: top, width: 0.75, color: INK });
      const drawRow = (row: SetRow, style: TextStyle, rowIndex: number) => {
        let cellX = part.rtl ? x + width : x;
        row.cells.forEach((lines, i) => {
          if (part.rtl) cellX -= widths[i]!;
          const cell = { table: part.table, row: rowIndex, column: i, header: rowIndex === 0, repeated: rowIndex === 0 && part.firstRow > 1 };
          const w = widths[i]!;
          const align: CellAlign = block.align[i] ?? 'left';
          let y = top + ROW_PAD + capHeight(style) + 1;
          for (const line of lines) {
            // A right-to-left line already stands at the cell's right edge.
            const shift = line.rtl ? (align === 'center' ? -Math.max(0, (w - line.width) / 2) : 0) : Math.max(0, align === 'right' ? w - line.width : align === 'center' ? (w - line.width) / 2 : 0);
            out.push({ ...lineElement(line, cellX + shift, y, 'table', style), cell });
            y += style.leading;
          }
          cellX += part.rtl ? -CELL_GAP : w + CELL_GAP;
        });
        top += row.height;
      };
      drawRow(head, HEADER, 0);
      out.push({ kind: 'rule', x1: x, y1: top, x2: x + width, y2: top, width: 0.5, color: INK });
      rows.forEach((row, index) => {
        drawRow(row, SMALL, part.firstRow + index);
        const last = index === rows.length - 1;
        out.push({ kind: 'rule', x1: x, y1: top, x2: x + width, y2: top, width: last ? 0.75 : 0.25, color: last ? INK : '#bdbdbd' });
      });
      return out;
    },
  };
  return unit;
}

/** Most a column widens past its widest cell when the measure has room to spare. */
const MAX_EXTRA = 28;

function columnWidths(block: TableBlock, width: number): number[] {
  const columns = block.align.length || 1;
  const available = width - CELL_GAP * (columns - 1);
  const natural = new Array<number>(columns).fill(0);
  const minimum = new Array<number>(columns).fill(0);
  block.rows.forEach((row, r) => {
    const style = r === 0 ? HEADER : SMALL;
    row.forEach((cell, c) => {
      const text = cell.map((run) => run.text).join('');
      natural[c] = Math.max(natural[c]!, textWidth(style.font, text, style.size));
      for (const word of text.split(/\s+/)) minimum[c] = Math.max(minimum[c]!, Math.min(textWidth(style.font, word, style.size), available / columns));
    });
  });
  const naturalTotal = natural.reduce((a, b) => a + b, 0);
  if (naturalTotal <= available) {
    // Columns get some air, not the whole measure: figures far from their labels are hard to read.
    const extra = Math.min((available - naturalTotal) / columns, MAX_EXTRA);
    return natural.map((w) => w + extra);
  }
  const minimumTotal = minimum.reduce((a, b) => a + b, 0);
  if (minimumTotal >= available) return minimum.map((w) => (w * available) / minimumTotal);
  const spare = available - minimumTotal;
  const wants = natural.map((w, i) => w - minimum[i]!);
  const wantTotal = wants.reduce((a, b) => a + b, 0) || 1;
  return minimum.map((w, i) => w + (spare * wants[i]!) / wantTotal);
}
