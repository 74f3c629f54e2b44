/**
 * Total-fit line breaking (Knuth & Plass, "Breaking Paragraphs into Lines", 1981).
 *
 * Chooses the breaks that minimise the paragraph's total demerits instead of filling each line
 * greedily, so loose and tight lines are spread out and rivers and hyphen stacks are rarer.
 * Line widths may differ per line (indents, run-arounds). Ragged setting uses the same search
 * with a stretchable right margin and rigid spaces, which gives a balanced rag.
 */
import { INFINITE_PENALTY, type Item } from './types.js';

export interface BreakOptions {
  /** Width available for line `n` (0-based). */
  lineWidth: (line: number) => number;
  /** Largest adjustment ratio accepted in this pass. */
  tolerance: number;
  /** Stretch every line has at its right edge (ragged setting), in points. */
  rightStretch?: number;
  /** Stretch added to every line in an emergency pass, in points. */
  emergencyStretch?: number;
  linePenalty?: number;
  /** Extra demerits for two hyphenated lines in a row. */
  flaggedDemerits?: number;
  /** Extra demerits for adjacent lines of very different tightness. */
  fitnessDemerits?: number;
  /** Extra demerits when the next-to-last line ends with a hyphen. */
  finalHyphenDemerits?: number;
  /**
   * Never end the next-to-last line with a hyphen: the short last line below it would leave the
   * hyphen alone at the edge, and next to the following paragraph's first lines it reads as a
   * ladder. Off only in the last-resort pass.
   */
  noFinalHyphen?: boolean;
  /** The same for a hyphen the writer typed ("Sachsen-" above "Anhalt."); else it only costs demerits. */
  noFinalTypedHyphen?: boolean;
  /** Most hyphenated lines allowed in a row (default 2). */
  maxHyphenRun?: number;
  /** A line (0-based) that must not end with a hyphen: the last line of a column. */
  noHyphenOnLine?: number;
  /**
   * TeX's \looseness: set the paragraph this many lines longer (or shorter, when negative)
   * than its best setting, within the tolerance. Used by the column flow to fill a hole at a
   * column's foot instead of leaving it empty.
   */
  looseness?: number;
}

export interface Break {
  /** Index of the item broken at. */
  position: number;
  ratio: number;
  flagged: boolean;
}

interface Active {
  position: number;
  line: number;
  fitness: number;
  width: number;
  stretch: number;
  shrink: number;
  demerits: number;
  flagged: boolean;
  /** The break adds a hyphen (a word split by the patterns), not one the writer typed. */
  hyphenates: boolean;
  /** Hyphenated lines in a row ending at this break. */
  hyphenRun: number;
  /** How far the next line's first mark may hang into the left margin. */
  leftHang: number;
  previous: Active | null;
  ratio: number;
}

/** The best way found to reach the current breakpoint in one class (fitness, and line with a looseness). */
interface Candidate {
  key: number;
  demerits: number;
  node: Active;
  ratio: number;
  fitness: number;
}

function setCandidate(candidate: Candidate, key: number, demerits: number, node: Active, ratio: number, fitness: number): void {
  candidate.key = key;
  candidate.demerits = demerits;
  candidate.node = node;
  candidate.ratio = ratio;
  candidate.fitness = fitness;
}

/** Time spent in the breaker, for `npm run bench` (a benchmark turns it on; off, it costs a test). */
export const breakerClock = { on: false, ms: 0, calls: 0 };

/** Returns the breaks for items[from..], or undefined when no set of breaks meets the tolerance. */
export function findBreaks(items: readonly Item[], from: number, options: BreakOptions): Break[] | undefined {
  if (!breakerClock.on) return searchBreaks(items, from, options);
  const start = performance.now();
  try {
    return searchBreaks(items, from, options);
  } finally {
    breakerClock.ms += performance.now() - start;
    breakerClock.calls++;
  }
}

function searchBreaks(items: readonly Item[], from: number, options: BreakOptions): Break[] | undefined {
  const linePenalty = options.linePenalty ?? 10;
  const flaggedDemerits = options.flaggedDemerits ?? 3000;
  const fitnessDemerits = options.fitnessDemerits ?? 100;
  const finalHyphenDemerits = options.finalHyphenDemerits ?? 5000;
  const rightStretch = (options.rightStretch ?? 0) + (options.emergencyStretch ?? 0);
  const maxHyphenRun = options.maxHyphenRun ?? 2;
  const looseness = options.looseness ?? 0;
  // With a looseness the best node is kept per line count as well as per fitness class, so a
  // paragraph of every reachable length survives to the end (TeX does the same).
  const classOf = (line: number, fitness: number) => (looseness === 0 ? fitness : line * 4 + fitness);

  const n = items.length;
  const { sumWidth, sumStretch, sumShrink } = runningSums(items, from);

  let active: Active[] = [
    { position: from, line: 0, fitness: 1, width: sumWidth[from]!, stretch: sumStretch[from]!, shrink: sumShrink[from]!, demerits: 0, flagged: false, hyphenates: false, hyphenRun: 0, leftHang: leftHangAt(items, from), previous: null, ratio: 0 },
  ];
  // Reused at every breakpoint (a paragraph has hundreds): the nodes that stay active, and the
  // best way found to reach this breakpoint in each class (a handful, so found by a linear scan).
  let survivors: Active[] = [];
  const best: Candidate[] = [];
  let bestCount = 0;

  for (let b = from; b < n; b++) {
    const item = items[b]!;
    let legal = false;
    if (item.type === 'penalty') legal = item.penalty < INFINITE_PENALTY;
    else if (item.type === 'glue') legal = b > from && items[b - 1]!.type === 'box';
    if (!legal) continue;

    const penalty = item.type === 'penalty' ? item.penalty : 0;
    const flagged = item.type === 'penalty' && item.flagged;
    // Hanging punctuation: the marks at both ends of a line may stand partly in the margins.
    const breakWidth = (item.type === 'penalty' ? item.width : 0) - (item.type === 'box' ? 0 : (item.hang ?? 0));
    bestCount = 0;
    survivors.length = 0;

    for (const node of active) {
      const width = sumWidth[b]! - node.width + breakWidth - node.leftHang;
      const measure = options.lineWidth(node.line);
      let ratio: number;
      if (width < measure) {
        const stretch = sumStretch[b]! - node.stretch + rightStretch;
        ratio = stretch > 0 ? (measure - width) / stretch : INFINITE_PENALTY;
      } else if (width > measure) {
        const shrink = sumShrink[b]! - node.shrink;
        ratio = shrink > 0 ? (measure - width) / shrink : -INFINITE_PENALTY;
      } else ratio = 0;

      const forced = item.type === 'penalty' && penalty <= -INFINITE_PENALTY;
      if (ratio < -1 || forced) {
        // Lines from this node can only get longer: it is no longer a candidate.
      } else survivors.push(node);

      const hyphenRunTooLong = flagged && node.hyphenRun >= maxHyphenRun;
      const finalHyphen = forced && node.position > from && node.flagged && (node.hyphenates ? options.noFinalHyphen === true : options.noFinalTypedHyphen === true);
      const hyphenForbidden = (item.type === 'penalty' && item.hyphen !== undefined && node.line === options.noHyphenOnLine) || finalHyphen;
      if (ratio >= -1 && ratio <= options.tolerance && !hyphenRunTooLong && !hyphenForbidden) {
        const badness = 100 * Math.abs(ratio) ** 3;
        let demerits = (linePenalty + badness) ** 2;
        if (penalty >= 0) demerits += penalty ** 2;
        else if (penalty > -INFINITE_PENALTY) demerits -= penalty ** 2;
        if (flagged && node.flagged) demerits += flaggedDemerits;
        if (forced && node.flagged) demerits += finalHyphenDemerits;
        const fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3;
        if (Math.abs(fitness - node.fitness) > 1) demerits += fitnessDemerits;
        demerits += node.demerits;
        const key = classOf(node.line, fitness);
        let slot = 0;
        while (slot < bestCount && best[slot]!.key !== key) slot++;
        if (slot === bestCount) {
          if (slot === best.length) best.push({ key, demerits, node, ratio, fitness });
          else setCandidate(best[slot]!, key, demerits, node, ratio, fitness);
          bestCount++;
        } else if (demerits < best[slot]!.demerits) setCandidate(best[slot]!, key, demerits, node, ratio, fitness);
      }
    }
    // The survivors become the active list; the old list's array is reused for the next survivors.
    [active, survivors] = [survivors, active];

    // The widths after the break: glue and penalties at the start of the next line vanish.
    let after = b;
    while (after < n && items[after]!.type !== 'box' && !(after > b && items[after]!.type === 'penalty' && (items[after] as { penalty: number }).penalty <= -INFINITE_PENALTY)) after++;
    for (let slot = 0; slot < bestCount; slot++) {
      const candidate = best[slot]!;
      const fitness = candidate.fitness;
      active.push({
        position: b,
        line: candidate.node.line + 1,
        fitness,
        width: sumWidth[after]!,
        stretch: sumStretch[after]!,
        shrink: sumShrink[after]!,
        demerits: candidate.demerits,
        flagged,
        hyphenates: item.type === 'penalty' && item.hyphen !== undefined,
        hyphenRun: flagged ? candidate.node.hyphenRun + 1 : 0,
        leftHang: leftHangAt(items, after),
        previous: candidate.node,
        ratio: candidate.ratio,
      });
    }
    if (active.length === 0) return undefined;
  }

  // The paragraph ends with a forced break: the best node there is the answer.
  let bestEnd: Active | undefined;
  for (const node of active) {
    if (node.position !== n - 1) continue;
    if (!bestEnd || node.demerits < bestEnd.demerits) bestEnd = node;
  }
  if (bestEnd && looseness !== 0) {
    const target = bestEnd.line + looseness;
    bestEnd = undefined;
    for (const node of active) {
      if (node.position !== n - 1 || node.line !== target) continue;
      if (!bestEnd || node.demerits < bestEnd.demerits) bestEnd = node;
    }
  }
  if (!bestEnd) return undefined;
  const breaks: Break[] = [];
  for (let node: Active | null = bestEnd; node && node.previous; node = node.previous) {
    breaks.push({ position: node.position, ratio: node.ratio, flagged: node.flagged });
  }
  return breaks.reverse();
}

interface RunningSums {
  from: number;
  sumWidth: Float64Array;
  sumStretch: Float64Array;
  sumShrink: Float64Array;
}

/**
 * Running sums of width, stretch and shrink up to (not including) each item from `from`. A
 * paragraph's items are broken at several widths while a column is filled (and again at each
 * trial of the page), so the sums are kept with the items instead of made for every search.
 */
const sumsOf = new WeakMap<readonly Item[], RunningSums>();

function runningSums(items: readonly Item[], from: number): RunningSums {
  const known = sumsOf.get(items);
  if (known && known.from === from && known.sumWidth.length === items.length + 1) return known;
  const n = items.length;
  const sums: RunningSums = { from, sumWidth: new Float64Array(n + 1), sumStretch: new Float64Array(n + 1), sumShrink: new Float64Array(n + 1) };
  for (let i = from; i < n; i++) {
    const item = items[i]!;
    sums.sumWidth[i + 1] = sums.sumWidth[i]! + (item.type === 'penalty' ? 0 : item.width);
    sums.sumStretch[i + 1] = sums.sumStretch[i]! + (item.type === 'penalty' ? 0 : (item.stretch ?? 0));
    sums.sumShrink[i + 1] = sums.sumShrink[i]! + (item.type === 'penalty' ? 0 : (item.shrink ?? 0));
  }
  sumsOf.set(items, sums);
  return sums;
}

function leftHangAt(items: readonly Item[], index: number): number {
  const item = items[index];
  return item?.type === 'box' ? (item.leftHang ?? 0) : 0;
}
