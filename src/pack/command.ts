/**
 * `offprint pack <file-or-folder>... -o pack.pdf [--title "…"] [--date YYYY-MM-DD]
 * [--paper a4|letter] [--pdfa]`: sets the briefs, in the order given (a folder's in name
 * order), into one PDF. All or nothing: if any brief fails, its error is printed as
 * `file:line:col: error: …`, nothing is written (an earlier pack stays as it was), and the
 * exit code is 1; 64 for a usage error.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BriefError, formatWarning } from '../diagnostics.js';
import { writeAtomically } from '../batch/atomic-write.js';
import { expandInput, shownName } from '../batch/inputs.js';
import { argumentProblem, usageError } from '../usage.js';
import { isPaper } from '../model/paper.js';
import { TitleTooLong } from './cover.js';
import { isIsoDate } from './date.js';
import { renderPack, type PackBrief } from './index.js';

export const PACK_USAGE = `Usage: offprint pack <file-or-folder>... -o <pack.pdf> [--title "…"] [--date YYYY-MM-DD] [--paper a4|letter] [--pdfa]

Sets several briefs into one PDF: a cover, contents with links, each brief on a right-hand
page, page numbers running through, bookmarks per brief and section.

  -o, --output <file>   the pack's PDF (required)
      --title <text>    the pack's title (default "Briefing pack")
      --date <date>     the date on the cover (default: the newest brief's date)
      --paper <size>    a4 or letter for every page (default: the first brief's paper)
      --pdfa            write PDF/A-2a (archival), still tagged and PDF/UA-1
  -h, --help            show this help`;


export async function packCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        title: { type: 'string' },
        date: { type: 'string' },
        paper: { type: 'string' },
        pdfa: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usage(argumentProblem(error));
  }
  const { values, positionals: inputs } = parsed;
  if (values.help) {
    process.stdout.write(`${PACK_USAGE}\n`);
    return 0;
  }
  if (!values.output || !/\.pdf$/i.test(values.output)) return usage('name the pack\'s PDF with -o <file.pdf>');
  if (values.paper !== undefined && !isPaper(values.paper)) return usage(`--paper must be a4 or letter, not "${values.paper}"`);
  if (values.date !== undefined && !isIsoDate(values.date)) return usage(`--date must be a date written YYYY-MM-DD, not "${values.date}"`);
  if (inputs.length === 0) return usage('name at least one brief or folder to pack');

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

  const briefs: PackBrief[] = [];
  for (const file of files) {
    const shown = shownName(file);
    try {
      briefs.push({ source: readFileSync(file, 'utf8'), filename: shown, contentDir: dirname(resolve(file)) });
    } catch (error) {
      process.stderr.write(`${shown}:1:1: error: cannot read the file: ${(error as Error).message}\n`);
      return 1;
    }
  }
  try {
    const pack = await renderPack(briefs, {
      ...(values.title !== undefined ? { title: values.title } : {}),
      ...(values.date !== undefined ? { date: values.date } : {}),
      ...(values.paper ? { paper: values.paper } : {}),
      pdfa: values.pdfa === true,
    });
    for (const warning of pack.warnings) process.stderr.write(`${formatWarning(warning)}\n`);
    writeAtomically(values.output, pack.pdf);
    process.stdout.write(`${values.output}: ${briefs.length} brief${briefs.length === 1 ? '' : 's'}, ${pack.pages} pages (briefs start on pages ${pack.starts.join(', ')})\n`);
    return 0;
  } catch (error) {
    if (error instanceof TitleTooLong) return usage(`--title: ${error.message}`);
    if (error instanceof BriefError) process.stderr.write(`${error.format()}\n`);
    else process.stderr.write(`offprint: the pack failed (${(error as Error).message}); please report it\n`);
    process.stderr.write(`offprint: no pack written\n`);
    return 1;
  }
}

function usage(message: string): number {
  return usageError('pack', message);
}
