/**
 * The sidebar rail of page 1, top to bottom: the locator map, the focus country at a glance,
 * then the country list. Each takes whole grid lines. What does not fit on page 1 goes on in
 * boxes at the head of the next pages' right-hand column: first a block that did not fit, then
 * the rest of the list, never shrunk.
 */
import type { Brief } from '../model/index.js';
import { CELL_ABOVE } from './block-units.js';
import { glanceBlock } from './glance.js';
import { mapBlock } from './map-block.js';
import type { RailBlock } from './rail-block.js';
import { layoutSidebar, type SidebarPart } from './sidebar.js';

export type RailPart = (x: number, baseline: number) => SidebarPart;

export interface RailSizes {
  width: number;
  grid: number;
  /** Grid lines free in page 1's rail, and in a continuation box, and that box's width. */
  firstLines: number;
  continuedWidth: number;
  continuedLines: number;
  /** Whether the rail opens with the locator map. */
  map: boolean;
}

export function layoutRail(brief: Brief, sizes: RailSizes): RailPart[] {
  const { width, grid } = sizes;
  const blocks: RailBlock[] = [];
  const map = sizes.map && (brief.sidebar || brief.meta.country) ? mapBlock(brief.meta.country, brief.sidebar, width, grid) : undefined;
  if (map) blocks.push(map);
  if (brief.glance) blocks.push(glanceBlock(brief.glance, width, grid));

  // Blocks stay on page 1 while they fit, in order; a block that does not opens the continuation.
  let used = 0;
  let kept = 0;
  while (kept < blocks.length && used + blocks[kept]!.gridLines <= sizes.firstLines) used += blocks[kept++]!.gridLines;
  const onFirst = blocks.slice(0, kept);
  const over = blocks.slice(kept);
  const listFirstLines = over.length ? 0 : sizes.firstLines - used;
  const list = brief.sidebar
    ? layoutSidebar(brief.sidebar, width, grid, listFirstLines, sizes.continuedWidth, sizes.continuedLines - over.reduce((s, b) => s + b.gridLines, 0))
    : [];
  const [firstList, ...restList] = list;

  const parts: RailPart[] = [stack(onFirst, firstList, grid)];
  if (over.length) {
    const [nextList, ...later] = restList;
    parts.push(stack(over, nextList, grid), ...later);
  } else parts.push(...restList);
  return parts.filter((part, i) => i === 0 || part !== undefined);
}

/** Blocks one under the other, then a part of the list, as one rail part. */
function stack(blocks: readonly RailBlock[], list: RailPart | undefined, grid: number): RailPart {
  return (x, baseline) => {
    const elements = [];
    let lines = 0;
    for (const block of blocks) {
      elements.push(...block.draw(x, baseline - CELL_ABOVE + lines * grid));
      lines += block.gridLines;
    }
    if (list) {
      const part = list(x, baseline + lines * grid);
      elements.push(...part.elements);
      lines += part.gridLines;
    }
    return { elements, gridLines: lines };
  };
}
