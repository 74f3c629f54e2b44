#!/usr/bin/env node
/**
 * The offprint command: reads files, calls the pipeline, writes PDFs. Nothing clever here.
 *
 *   offprint build <file-or-folder>... [-o <file.pdf | folder>] [--paper a4|letter] [--report] [--pdfa] [--json]
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BriefError, formatWarning } from './diagnostics.js';
import { renderBrief, typesettingReport, type Paper } from './index.js';
import { MANIFEST, sha256, updatedManifest, verifyFolder, type ManifestEntry } from './manifest.js';
import { version } from './version.js';

const USAGE = `Usage: offprint build <file-or-folder>... [-o <file.pdf | folder>] [--paper a4|letter] [--report] [--pdfa] [--json]
       offprint verify <folder>...
       offprint pack <file-or-folder>... -o <pack.pdf> [--title "…"] [--date YYYY-MM-DD] [--paper a4|letter] [--pdfa]

Turns Markdown briefs (.md) and wire copy (.txt) into typeset PDF briefs. A folder of briefs
also gets manifest.json (each PDF's source, title, pages, bytes, SHA-256); verify checks a
folder of received PDFs against it.
Exit code: 0 when all built, else the number of briefs that failed (up to 63); 64 for usage errors.

  -o, --output <path>   a .pdf file (one input) or a folder (default: output/)
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
        paper: { type: 'string' },
        report: { type: 'boolean' },
        pdfa: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    process.stderr.write(`offprint: ${(error as Error).message}\n\n${USAGE}\n`);
    return USAGE_CODE;
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
  if (command !== 'build') {
    process.stderr.write(`offprint: ${command ? `unknown command "${command}"` : 'no command given'}\n\n${USAGE}\n`);
    return USAGE_CODE;
  }
  if (values.paper !== undefined && values.paper !== 'a4' && values.paper !== 'letter') {
    process.stderr.write(`offprint: --paper must be a4 or letter, not "${values.paper}"\n`);
    return USAGE_CODE;
  }
  if (inputs.length === 0) {
    process.stderr.write(`offprint: name at least one brief or folder to build\n\n${USAGE}\n`);
    return USAGE_CODE;
  }

  let files: string[];
  try {
    files = inputs.flatMap(expandInput);
  } catch (error) {
    process.stderr.write(`offprint: ${(error as Error).message}\n`);
    return 1;
  }
  if (files.length === 0) {
    process.stderr.write('offprint: no .md or .txt briefs found in the inputs\n');
    return 1;
  }
  const output = values.output ?? 'output';
  const singleFile = files.length === 1 && inputs.length === 1 && /\.pdf$/i.test(output);
  if (!singleFile && /\.pdf$/i.test(output)) {
    process.stderr.write(`offprint: -o ${output} names one PDF, but there are ${files.length} briefs; name a folder instead\n`);
    return USAGE_CODE;
  }

  const results: BriefResult[] = [];
  const written = new Map<string, string>();
  for (const file of files) {
    const target = singleFile ? output : join(output, `${basename(file, extname(file))}.pdf`);
    const earlier = written.get(resolve(target));
    let result: BriefResult;
    if (earlier) {
      result = { file, output: target, ok: false, diagnostics: [{ severity: 'error', file, line: 1, column: 1, message: `${earlier} already writes ${target}; rename one of them or build them into different folders` }] };
    } else {
      written.set(resolve(target), file);
      result = await buildOne(file, target, values.paper as Paper | undefined, values.report === true, values.pdfa === true);
    }
    results.push(result);
    if (!values.json) printResult(result);
  }
  const failed = results.filter((r) => !r.ok).length;
  // A folder of briefs gets a manifest of what is in it, for checking after distribution.
  if (!singleFile) {
    const manifest = updatedManifest(output, version(), results.flatMap((r) => (r.entry ? [r.entry] : [])));
    if (manifest.briefs.length) writeAtomically(join(output, MANIFEST), new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`));
  }
  if (values.json) process.stdout.write(`${JSON.stringify({ offprint: version(), built: results.length - failed, failed, briefs: results }, null, 1)}\n`);
  else if (files.length > 1) process.stdout.write(`${files.length - failed} of ${files.length} briefs built${failed ? `, ${failed} failed` : ''}\n`);
  // The exit code is the number of briefs that failed (capped), so scripts can tell.
  return Math.min(failed, MAX_FAILED_CODE);
}

/** Exit codes: 0 all built, 1–63 that many briefs failed (63 or more), 64 a usage error. */
const MAX_FAILED_CODE = 63;
const USAGE_CODE = 64;

/** `offprint verify <folder>...`: checks received PDFs against the folder's manifest, offline. */
function verify(folders: string[]): number {
  if (folders.length === 0) {
    process.stderr.write(`offprint: name the folder to verify\n\n${USAGE}\n`);
    return USAGE_CODE;
  }
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
  return Math.min(problems, MAX_FAILED_CODE);
}

/** A file stays as it is; a folder gives its .md and .txt files in name order. */
function expandInput(input: string): string[] {
  let stats;
  try {
    stats = statSync(input);
  } catch {
    throw new Error(`${input}: no such file or folder`);
  }
  if (!stats.isDirectory()) return [input];
  return readdirSync(input)
    .filter((name) => /\.(md|txt)$/i.test(name) && !name.startsWith('.'))
    .sort()
    .map((name) => join(input, name));
}

/** One diagnostic, as `--json` prints it. */
interface Diagnostic {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  message: string;
}

/** What building one brief came to. */
interface BriefResult {
  file: string;
  output: string;
  ok: boolean;
  pages?: number;
  diagnostics: Diagnostic[];
  /** For the folder's manifest. */
  entry?: ManifestEntry;
}

async function buildOne(file: string, target: string, paper: Paper | undefined, report: boolean, pdfa: boolean): Promise<BriefResult> {
  const shown = relative(process.cwd(), resolve(file)) || file;
  const result: BriefResult = { file: shown, output: target, ok: false, diagnostics: [] };
  const fail = (message: string, line = 1, column = 1) => {
    result.diagnostics.push({ severity: 'error', file: shown, line, column, message });
    return result;
  };
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    return fail(`cannot read the file: ${(error as Error).message}`);
  }
  try {
    const built = await renderBrief(source, { filename: shown, contentDir: dirname(resolve(file)), pdfa, ...(paper ? { paper } : {}) });
    result.diagnostics.push(...built.warnings.map((w) => ({ severity: 'warning' as const, ...w })));
    writeAtomically(target, built.pdf);
    if (report) {
      const figures = { source: shown, pdf: basename(target), ...typesettingReport(built.layout) };
      writeAtomically(reportPath(target), new TextEncoder().encode(`${JSON.stringify(figures, null, 1)}\n`));
    }
    result.ok = true;
    result.pages = built.pages;
    result.entry = { pdf: basename(target), source: shown, title: built.title, byline: built.byline, pages: built.pages, bytes: built.pdf.length, sha256: sha256(built.pdf) };
    return result;
  } catch (error) {
    if (error instanceof BriefError) return fail(error.message, error.line, error.column);
    return fail(`offprint failed on this brief (${(error as Error).message}); please report it`);
  }
}

/** Prints a result the way a compiler does: diagnostics on stderr, what was written on stdout. */
function printResult(result: BriefResult): void {
  for (const d of result.diagnostics) {
    process.stderr.write(d.severity === 'warning' ? `${formatWarning(d)}\n` : `${d.file}:${d.line}:${d.column}: error: ${d.message}\n`);
  }
  if (result.ok) process.stdout.write(`${result.file} -> ${result.output} (${result.pages} page${result.pages === 1 ? '' : 's'})\n`);
}

/** `output/x.pdf` → `output/x.report.json`. */
function reportPath(target: string): string {
  return join(dirname(target), `${basename(target, extname(target))}.report.json`);
}

/** Writes beside the target and renames, so a failed write never leaves a half PDF. */
function writeAtomically(target: string, bytes: Uint8Array): void {
  mkdirSync(dirname(resolve(target)), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`offprint: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
