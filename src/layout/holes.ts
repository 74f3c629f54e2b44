/**
 * Filling holes at column feet with TeX's looseness trick: when the widow, orphan or keep rules
 * would leave empty grid lines at a column's foot, one or two paragraphs of the column are set a
 * line longer or shorter (or a display opened by a grid line) so the column ends full.
 */
import { isDone, cloneState, type FlowState, type Looseness, type RegionResult } from './flow.js';
import { unitLinesLoosely, type FlowUnit } from './units.js';

/**
 * Fills a region, and when the widow, orphan or keep rules leave empty grid lines at its foot
 * while text is still to come, sets one of the region's paragraphs a line longer or shorter
 * (TeX's looseness trick) so the column ends full. Of the settings that close the hole without
 * breaking a rule, the one with the least stretched lines wins; if none does, the hole stays.
 */
export function fillHoles(units: readonly FlowUnit[], state: FlowState, width: number, cap: number, finish: { minUsed: number } | undefined, fill: (state: FlowState, changes?: Looseness[]) => RegionResult): RegionResult {
  const start = cloneState(state);
  const plain = fill(state);
  // A balanced last column must finish, ending no more than a line above the others; any
  // other column should end full.
  const score = (result: RegionResult, after: FlowState) => (finish ? (isDone(units, after) ? (result.used >= finish.minUsed ? 2 : 1) : 0) : isDone(units, after) ? cap : result.filled);
  const target = finish ? 2 : cap;
  const plainScore = score(plain, state);
  if (plainScore >= target) return plain;
  const fillers = holeFillers(units, start, Math.min(state.unit, units.length - 1), width);
  let best: { result: RegionResult; state: FlowState; cost: number; score: number } | undefined;
  for (const trial of costedChangeSets(fillers)) {
    if (best && best.score === target && best.cost <= trial.cost) break;
    const trialState = cloneState(start);
    const result = fill(trialState, trial.changes);
    const trialScore = score(result, trialState);
    const better = !best || trialScore > best.score || (trialScore === best.score && trial.cost < best.cost);
    if (trialScore > plainScore && result.used <= cap && !result.forced && (!result.quoteAtTop || plain.quoteAtTop) && better) best = { result, state: trialState, cost: trial.cost, score: trialScore };
  }
  if (!best) return plain;
  Object.assign(state, best.state);
  if (!best.state.carry) delete state.carry;
  if (best.state.quoteWait === undefined) delete state.quoteWait;
  return best.result;
}

/**
 * Single changes first; two at once (two paragraphs, or a paragraph and a space) only after
 * every single one, among the cheapest few, at the dearer one's cost plus a little.
 */
function costedChangeSets(fillers: Array<{ looseness: Looseness; cost: number }>): Array<{ changes: Looseness[]; cost: number }> {
  const cheapest = fillers.slice(0, PAIR_CANDIDATES);
  const pairs = cheapest.flatMap((a, i) => cheapest.slice(i + 1).filter((b) => b.looseness.unit !== a.looseness.unit).map((b) => ({ changes: [a.looseness, b.looseness], cost: Math.max(a.cost, b.cost) + PAIR_COST })));
  return [...fillers.map((f) => ({ changes: [f.looseness], cost: f.cost })), ...pairs];
}

export function changeSets(fillers: Array<{ looseness: Looseness; cost: number }>): Looseness[][] {
  return costedChangeSets(fillers).map((set) => set.changes);
}

/** How many of the cheapest changes are tried two at a time, and what a second change costs. */
const PAIR_CANDIDATES = 8;
const PAIR_COST = 0.25;

/** Extra space above a display costs more than any paragraph set within the looseness tolerance. */
const SPACE_COST = 2;

/**
 * What may change in a region to fill a hole at its foot, cheapest first: a justified paragraph
 * a line longer or shorter (cost: its most stretched line), else a grid line more above a
 * heading, pull-quote or other display (the vertical glue of TeX, kept on the grid).
 */
export function holeFillers(units: readonly FlowUnit[], start: FlowState, last: number, width: number): Array<{ looseness: Looseness; cost: number }> {
  const fillers: Array<{ looseness: Looseness; cost: number }> = [];
  // Pending pull-quotes carried over from before a table are not among this run's units.
  const candidates = start.pending.map((quote) => units.indexOf(quote)).filter((index) => index >= 0);
  for (let unit = start.unit; unit <= last; unit++) candidates.push(unit);
  for (const unit of candidates) {
    const candidate = units[unit]!;
    if (candidate.kind === 'text' && candidate.align === 'justify') {
      const from = unit === start.unit ? start.from : 0;
      for (const lines of [1, -1]) {
        const set = unitLinesLoosely(candidate, width, from, lines);
        if (set) fillers.push({ looseness: { unit, lines }, cost: Math.max(...set.map((line) => Math.abs(line.ratio))) });
      }
    } else if (candidate.kind === 'block' || (candidate.keepWithNext && candidate.spaceBefore > 0)) {
      // Space above a display or a heading may grow; a subhead right under its heading has none.
      fillers.push({ looseness: { unit, lines: 0, space: 1 }, cost: SPACE_COST });
    }
  }
  return fillers.sort((a, b) => a.cost - b.cost);
}
