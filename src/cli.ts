#!/usr/bin/env node
/**
 * The offprint command: reads files, calls the pipeline, writes PDFs. Nothing clever here.
 *
 *   offprint build <file-or-folder>... [-o <file.pdf | folder>] [--paper a4|letter] [--report] [--pdfa]
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BriefError, formatWarning } from './diagnostics.js';
import { renderBrief, typesettingReport, type Paper } from './index.js';
import { version } from './version.js';

const USAGE = `Usage: offprint build <file-or-folder>... [-o <file.pdf | folder>] [--paper a4|letter] [--report] [--pdfa]

Turns Markdown briefs (.md) and wire copy (.txt) into typeset PDF briefs.

  -o, --output <path>   a .pdf file (one input) or a folder (default: output/)
      --paper <size>    a4 (default) or letter; overrides the brief's own paper
      --pdfa            write PDF/A-2a (archival), still tagged and PDF/UA-1
      --report          also write <name>.report.json beside each PDF: line ratios,
                        hyphens, widows/orphans, grid and balance per page and paragraph
  -h, --help            show this help
  -v, --version         show the version`;

async function main(argv: string[]): Promise<number> {
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
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    process.stderr.write(`offprint: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
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
  if (command !== 'build') {
    process.stderr.write(`offprint: ${command ? `unknown command "${command}"` : 'no command given'}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.paper !== undefined && values.paper !== 'a4' && values.paper !== 'letter') {
    process.stderr.write(`offprint: --paper must be a4 or letter, not "${values.paper}"\n`);
    return 2;
  }
  if (inputs.length === 0) {
    process.stderr.write(`offprint: name at least one brief or folder to build\n\n${USAGE}\n`);
    return 2;
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
    return 2;
  }

  let failed = 0;
  const written = new Map<string, string>();
  for (const file of files) {
    const target = singleFile ? output : join(output, `${basename(file, extname(file))}.pdf`);
    const earlier = written.get(resolve(target));
    if (earlier) {
      process.stderr.write(`${file}: error: ${earlier} already writes ${target}; rename one of them or build them into different folders\n`);
      failed++;
      continue;
    }
    written.set(resolve(target), file);
    const ok = await buildOne(file, target, values.paper as Paper | undefined, values.report === true, values.pdfa === true);
    if (!ok) failed++;
  }
  if (files.length > 1) process.stdout.write(`${files.length - failed} of ${files.length} briefs built${failed ? `, ${failed} failed` : ''}\n`);
  return failed ? 1 : 0;
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

async function buildOne(file: string, target: string, paper: Paper | undefined, report: boolean, pdfa: boolean): Promise<boolean> {
  const shown = relative(process.cwd(), resolve(file)) || file;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`${shown}: error: cannot read the file: ${(error as Error).message}\n`);
    return false;
  }
  try {
    const result = await renderBrief(source, { filename: shown, contentDir: dirname(resolve(file)), pdfa, ...(paper ? { paper } : {}) });
    for (const warning of result.warnings) process.stderr.write(`${formatWarning(warning)}\n`);
    writeAtomically(target, result.pdf);
    if (report) {
      const figures = { source: shown, pdf: basename(target), ...typesettingReport(result.layout) };
      writeAtomically(reportPath(target), new TextEncoder().encode(`${JSON.stringify(figures, null, 1)}\n`));
    }
    process.stdout.write(`${shown} -> ${target} (${result.pages} page${result.pages === 1 ? '' : 's'})\n`);
    return true;
  } catch (error) {
    if (error instanceof BriefError) process.stderr.write(`${error.format()}\n`);
    else process.stderr.write(`${shown}:1:1: error: offprint failed on this brief (${(error as Error).message}); please report it\n`);
    return false;
  }
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
