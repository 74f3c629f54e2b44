/**
 * `offprint build`: finds the briefs, then runs one build (or watches), and prints the
 * outcome as lines or as one JSON document. The exit code is the number of briefs that failed.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { failuresCode, USAGE_CODE } from '../exit-codes.js';
import { version } from '../version.js';
import { buildBriefs, type BuildPlan } from './build.js';
import { batchBuilders } from './builders.js';
import { expandInput } from './inputs.js';
import type { BuildOptions } from './job.js';
import { Reporter } from './progress.js';
import { jsonResult, summaryLine } from './results.js';
import { watchBriefs } from './watch.js';

export interface BuildCommand {
  inputs: string[];
  output: string | undefined;
  options: BuildOptions;
  /** Worker threads; default one per core. */
  jobs: number | undefined;
  force: boolean;
  json: boolean;
  watch: boolean;
}

export async function buildCommand(command: BuildCommand): Promise<number> {
  // A file that is not there fails as one brief, the others are built (a mistyped name among
  // several); with nothing there at all, or when watching, it is an error before anything runs.
  const missing = command.inputs.filter((input) => !existsSync(input));
  if (missing.length && (missing.length === command.inputs.length || command.watch)) {
    process.stderr.write(`offprint: ${missing[0]}: no such file or folder\n`);
    return 1;
  }
  const files = command.inputs.flatMap((input) => (missing.includes(input) ? [input] : expandInput(input)));
  const folders = command.inputs.filter((input) => !missing.includes(input) && statSync(input).isDirectory());
  // Watching an empty folder is fine: briefs written into it later are built.
  if (files.length === 0 && !(command.watch && folders.length)) {
    process.stderr.write('offprint: no .md or .txt briefs found in the inputs\n');
    return 1;
  }
  const output = command.output ?? 'output';
  const singleFile = files.length === 1 && command.inputs.length === 1 && /\.pdf$/i.test(output);
  if (!singleFile && /\.pdf$/i.test(output)) {
    process.stderr.write(`offprint: -o ${output} names one PDF, but there are ${files.length} briefs; name a folder instead\n`);
    return USAGE_CODE;
  }
  const outputStats = existsSync(output) ? statSync(output) : undefined;
  if (outputStats && (singleFile ? outputStats.isDirectory() : !outputStats.isDirectory())) {
    process.stderr.write(`offprint: -o ${output} is ${singleFile ? 'a folder, not a PDF' : 'a file, not a folder'}\n`);
    return USAGE_CODE;
  }
  const plan: BuildPlan = { files, output, singleFile, options: command.options, force: command.force };
  const jobs = command.jobs ?? availableParallelism();
  const reporter = new Reporter({ stdout: process.stdout, stderr: process.stderr, quiet: command.json, withTimes: command.watch });

  if (command.watch) return watchBriefs({ plan, folders, jobs }, reporter);

  // Ctrl-C: the bar goes, and what was built stays built (PDFs are whole, the cache is
  // written as the round goes), so running the same command again carries on.
  const interrupted = () => {
    reporter.silence();
    process.stderr.write('offprint: stopped\n');
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  const results = await buildBriefs(plan, reporter, batchBuilders(jobs));
  process.off('SIGINT', interrupted);
  const failed = results.filter((r) => !r.ok).length;
  if (command.json) {
    const skipped = results.filter((r) => r.skipped).length;
    process.stdout.write(`${JSON.stringify({ offprint: version(), built: results.length - failed, skipped, failed, briefs: results.map(jsonResult) }, null, 1)}\n`);
  } else if (results.length > 1) {
    process.stdout.write(`${summaryLine(results)}\n`);
  }
  return failuresCode(failed);
}
