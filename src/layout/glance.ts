/**
 * The at-a-glance box: the focus country's facts as label and value rows in a tinted box,
 * with the data's source in small print at its foot.
 */
import type { Glance } from '../model/index.js';
import { BLOCK_GAP, BOX_PAD_X, BOX_PAD_Y, type RailBlock } from './rail-block.js';
import { INK, MUTED, SIDEBAR_NOTE, SIDEBAR_TITLE, TINT, type TextStyle } from './styles.js';
import { capHeight, lineElement, setText } from './text.js';
import type { PageElement } from './types.js';

/** Width of the label column: "Calling code" in 7.5 pt semibold, and a little air. */
const LABEL_WIDTH = 52;
/** Facts in the notes' size: eight rows of reference beside the list, which keeps 8 pt. */
const LABEL: TextStyle = { ...SIDEBAR_NOTE, font: 'sans-semibold', color: MUTED };
const VALUE: TextStyle = { ...SIDEBAR_NOTE, color: INK };
const ROW_GAP = 1;
const SOURCE: TextStyle = { ...SIDEBAR_NOTE, font: 'sans-italic', size: 7, leading: 9 };

export function glanceBlock(glance: Glance, width: number, grid: number): RailBlock {
  const inner = width - 2 * BOX_PAD_X;
  const title = setText(glance.title.toUpperCase(), SIDEBAR_TITLE, inner, { align: 'ragged' });
  const rows = glance.facts.map((fact) => ({
    label: setText(fact.label, LABEL, LABEL_WIDTH - 4, { align: 'ragged' }),
    value: setText(fact.value, VALUE, inner - LABEL_WIDTH, { align: 'ragged' }),
  }));
  const source = setText(glance.source, SOURCE, inner, { align: 'ragged' });
  const rowsHeight = rows.reduce((sum, row) => sum + Math.max(row.label.length * LABEL.leading, row.value.length * VALUE.leading) + ROW_GAP, 0);
  const height = BOX_PAD_Y + title.length * SIDEBAR_TITLE.leading + 2 + rowsHeight + 3 + source.length * SOURCE.leading + BOX_PAD_Y;
  const gridLines = Math.ceil((height + BLOCK_GAP) / grid);
  return {
    gridLines,
    draw(x, top) {
      const out: PageElement[] = [{ kind: 'rect', x, y: top, width, height: gridLines * grid - BLOCK_GAP, fill: TINT }];
      let y = top + BOX_PAD_Y;
      title.forEach((line, i) => out.push(lineElement(line, x + BOX_PAD_X, y + capHeight(SIDEBAR_TITLE) + i * SIDEBAR_TITLE.leading + (SIDEBAR_TITLE.leading - SIDEBAR_TITLE.size) / 2, 'sidebar', SIDEBAR_TITLE)));
      y += title.length * SIDEBAR_TITLE.leading + 2;
      for (const row of rows) {
        const baseline = y + capHeight(VALUE) + (VALUE.leading - VALUE.size) / 2;
        row.label.forEach((line, i) => out.push(lineElement(line, x + BOX_PAD_X, baseline + i * LABEL.leading, 'sidebar', LABEL)));
        row.value.forEach((line, i) => out.push(lineElement(line, x + BOX_PAD_X + LABEL_WIDTH, baseline + i * VALUE.leading, 'sidebar', VALUE)));
        y += Math.max(row.label.length * LABEL.leading, row.value.length * VALUE.leading) + ROW_GAP;
      }
      y += 3;
      source.forEach((line, i) => out.push(lineElement(line, x + BOX_PAD_X, y + capHeight(SOURCE) + i * SOURCE.leading + (SOURCE.leading - SOURCE.size) / 2, 'sidebar', SOURCE)));
      return out;
    },
  };
}
