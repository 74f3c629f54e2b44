// Medians and timed repetitions, shared by the benchmark's parts.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds since `start` (a process.hrtime.bigint()). */
export function since(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Median milliseconds of `runs` calls after `warmup` unmeasured ones. */
export async function timeIt(fn, runs, warmup) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(since(start));
  }
  return median(times);
}
