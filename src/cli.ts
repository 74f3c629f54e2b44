#!/usr/bin/env node
/**
 * The offprint command: reads the arguments and hands over to the command that does the work
 * (`batch/command.ts` for build, `manifest.ts` for verify). Nothing clever here.
 */
import { parseArgs } from 'node:util';
import { argumentProblem, usageError as printUsageError } from './usage.js';
import { startupSnapshot } from 'node:v8';
import { buildCommand } from './batch/command.js';
import { failuresCode, USAGE_CODE } from './exit-codes.js';
import { isPaper } from './model/paper.js';
import { verifyFolder } from './manifest.js';
import { version } from './version.js';

const USAGE = `Usage: offprint build <file-or-folder>... [-o <file.pdf | folder>] [--jobs N] [--force] [--watch]
                      [--paper a4|letter] [--report] [--pdfa] [--json]
       offprint verify <folder>...
       offprint pack <file-or-folder>... -o <pack.pdf> [--title "…"] [--date YYYY-MM-DD] [--paper a4|letter] [--pdfa]

Turns Markdown briefs (.md) and wire copy (.txt) into typeset PDF briefs, on every core. A
folder of briefs also gets manifest.json (each PDF's source, title, pages, bytes, SHA-256);
verify checks a folder of received PDFs against it. Briefs whose source, images, options and
offprint are unchanged since their PDF was built are skipped.
Exit code: 0 when all built, else the number of briefs that failed (up to 63); 64 for usage errors.

  -o, --output <path>   a .pdf file (one input) or a folder (default: output/)
  -j, --jobs <n>        worker threads (default: one per core, at most one per brief)
      --force           rebuild every brief, even those up to date
  -w, --watch           build, then rebuild a brief whenever its source, images or the fonts
                        change, and build new briefs in the input folders; Ctrl-C stops
      --paper <size>    a4 (default) or letter; overrides the brief's own paper
      --pdfa            write PDF/A-2a (archival), still tagged and PDF/UA-1
      --json            print the results and diagnostics as JSON on stdout
      --report          also write <name>.report.json beside each PDF: line ratios,
                        hyphens, widows/orphans, grid and balance per page and paragraph
  -h, --help            show this help
  -v, --version         show the version`;

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'pack') return (await import('./pack/command.js')).packCommand(argv.slice(1));
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        jobs: { type: 'string', short: 'j' },
        force: { type: 'boolean' },
        watch: { type: 'boolean', short: 'w' },
        paper: { type: 'string' },
        report: { type: 'boolean' },
        pdfa: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return usageError(argumentProblem(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`offprint ${version()}\n`);
    return 0;
  }
  const [command, ...inputs] = positionals;
  if (command === 'verify') return verify(inputs);
  if (command !== 'build') return usageError(command ? `unknown command "${command}"` : 'no command given');
  if (values.paper !== undefined && !isPaper(values.paper)) {
    process.stderr.write(`offprint: --paper must be a4 or letter, not "${values.paper}"\n`);
    return USAGE_CODE;
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) return usageError(`--jobs must be a whole number of at least 1, not "${values.jobs}"`);
  if (values.watch && values.json) return usageError('--json and --watch do not go together');
  if (inputs.length === 0) return usageError('name at least one brief or folder to build');
  return buildCommand({
    inputs,
    output: values.output,
    options: { paper: values.paper, pdfa: values.pdfa === true, report: values.report === true, map: true },
    jobs,
    force: values.force === true,
    json: values.json === true,
    watch: values.watch === true,
  });
}

function usageError(message: string): number {
  return printUsageError(undefined, message);
}

/** `offprint verify <folder>...`: checks received PDFs against the folder's manifest, offline. */
function verify(folders: string[]): number {
  if (folders.length === 0) return usageError('name the folder to verify');
  let problems = 0;
  for (const folder of folders) {
    let result;
    try {
      result = verifyFolder(folder);
    } catch (error) {
      process.stderr.write(`offprint: ${(error as Error).message}\n`);
      problems++;
      continue;
    }
    for (const problem of result.problems) process.stderr.write(`${problem}\n`);
    problems += result.problems.length;
    if (!result.problems.length) process.stdout.write(`${folder}: ${result.checked} PDF${result.checked === 1 ? '' : 's'} match the manifest\n`);
  }
  return failuresCode(problems);
}

/** Runs the command with these arguments (without `node` and the script) and sets the exit code. */
export function runCli(argv: string[]): Promise<void> {
  return main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`offprint: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

// A start-up snapshot being made (src/snapshot.ts) imports this file for runCli; it runs the
// command itself, after Node has started from the snapshot.
if (!startupSnapshot.isBuildingSnapshot()) void runCli(process.argv.slice(2));
