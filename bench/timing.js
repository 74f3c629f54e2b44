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

/**
 * Median milliseconds of each of several functions timed in turns: every round runs each one
 * its `runs` times, so that a slower stretch of a busy host weighs on all of them alike and
 * their ratio holds. `tasks`: [fn, runs per round] pairs; returns one median per task.
 */
export async function timeInTurns(tasks, rounds, warmup) {
  for (let i = 0; i < warmup; i++) for (const [fn] of tasks) await fn();
  const times = tasks.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [k, [fn, runs]] of tasks.entries()) {
      for (let i = 0; i < runs; i++) {
        const start = process.hrtime.bigint();
        await fn();
        times[k].push(since(start));
      }
    }
  }
  return times.map(median);
}
