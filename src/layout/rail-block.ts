/**
 * A block of the sidebar rail (the map, the at-a-glance box): drawn from a top edge, taking a
 * whole number of grid lines so the rail stays in register with the body columns.
 */
import type { PageElement } from './types.js';

export interface RailBlock {
  gridLines: number;
  draw(x: number, top: number): PageElement[];
}

/** Space left between one rail block and the next, inside the lower block's last grid line. */
export const BLOCK_GAP = 6;

/** Padding inside the rail's tinted boxes: less above and below than at the sides, where the rail's height is scarce. */
export const BOX_PAD_X = 8;
export const BOX_PAD_Y = 6;
