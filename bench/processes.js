// Whole processes: the cold start of a command (median wall time of several runs) and a
// child's peak memory (through bench/rss.js).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { since, timeInTurns } from './timing.js';

const rssWrapper = fileURLToPath(new URL('./rss.js', import.meta.url));

/**
 * Median milliseconds of `runs` runs of each command (program and arguments), the commands
 * taking turns (timing.js) so that a slower stretch of a busy host weighs on each alike.
 */
export function coldStarts(commands, runs) {
  const run = ([program, ...args]) => {
    const result = spawnSync(program, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} failed: ${result.stderr || result.error?.message || `exit ${result.status}`}`);
  };
  return timeInTurns(commands.map((command) => [() => run(command), 1]), runs, 0);
}

/** Runs `node <script> <args>` once: wall milliseconds, peak RSS in MB, exit status, output. */
export function runMeasured(script, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [rssWrapper, script, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = since(start);
  const kb = Number(/offprint-bench-maxrss (\d+)/.exec(result.stderr ?? '')?.[1]);
  return { ms, rssMB: kb / 1024, status: result.status, stdout: result.stdout, stderr: (result.stderr ?? '').replace(/\s*offprint-bench-maxrss \d+\s*$/, '') };
}
