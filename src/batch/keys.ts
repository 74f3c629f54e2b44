/**
 * Build keys: a SHA-256 over everything that changes what building a brief writes, so an
 * unchanged brief can be skipped. The key covers
 *
 * - the source's bytes and its file name (`.txt` is read as wire copy);
 * - every image the brief asks for, resolved as the model resolves it (inside the content folder
 *   only): its path in that folder and its bytes, or why it could not be shown (so adding a
 *   missing image rebuilds the brief);
 * - the options (paper, PDF/A, report, map) and `SOURCE_DATE_EPOCH`, which sets the PDF's dates
 *   for briefs without a `date:`;
 * - offprint itself: its version and a fingerprint of its code and fonts (`codeFingerprint`).
 *
 * Only contents go in, never times or absolute paths, so a key is the same on every machine.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../manifest.js';
import { resolveImage } from '../model/images.js';
import { version } from '../version.js';
import type { BuildOptions } from './job.js';

/** Bump when what goes into a key changes, so older caches never match. */
const KEY_FORMAT = 'offprint-build-key/1';

export interface KeyInput {
  source: Uint8Array;
  fileName: string;
  contentDir: string;
  images: readonly string[];
  options: BuildOptions;
}

export function buildKey(input: KeyInput): string {
  const hash = createHash('sha256');
  const field = (name: string, value: string) => hash.update(`${name}\u0000${value}\u0000`);
  field('format', KEY_FORMAT);
  field('offprint', version());
  field('code', codeFingerprint());
  field('options', JSON.stringify({ paper: input.options.paper ?? 'brief', pdfa: input.options.pdfa, report: input.options.report, map: input.options.map }));
  field('SOURCE_DATE_EPOCH', process.env.SOURCE_DATE_EPOCH ?? '');
  field('name', input.fileName);
  field('source', sha256(input.source));
  for (const url of input.images) field('image', `${url}\u0000${imageFingerprint(url, input.contentDir)}`);
  return hash.digest('hex');
}

/** An image as the model would find it: its place in the content folder and bytes, or why not. */
function imageFingerprint(url: string, contentDir: string): string {
  let found;
  try {
    found = resolveImage(url, contentDir);
  } catch (error) {
    return `unreadable: ${(error as Error).message}`;
  }
  if (!found.ok) return `not shown: ${found.reason}`;
  // An SVG is read and cleaned by the model: what is drawn is its cleaned text.
  if (found.kind === 'svg') return `svg\u0000${sha256(new TextEncoder().encode(found.svg))}\u0000${found.notes.join('\n')}`;
  try {
    const bytes = readFileSync(found.path);
    return `${relative(realpathSync(contentDir), found.path).split(sep).join('/')}\u0000${sha256(bytes)}`;
  } catch (error) {
    return `unreadable: ${(error as Error).message}`;
  }
}

let fingerprint: string | undefined;

/**
 * What the build makes from the code beside it (V8's code cache, the start-up snapshot and its
 * Node stamp): left out, since they change with the code, and the snapshot (~25 MB) would
 * double the time to hash.
 */
const DERIVED = /\.(cjs\.cache|blob|blob\.node)$/;

/**
 * offprint's code and fonts, hashed by content: `package.json` (the version and the exactly
 * pinned dependencies), every file of the folder the running code is in (`dist/`, bundled or
 * not; `src/` under a test runner) and every file in `fonts/`. About 4 MB, read once per process
 * (10–30 ms); contents rather than times, so a fresh checkout or install of the same code keeps
 * its keys, and a rebuilt `dist/` or a changed font rebuilds everything.
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const root = packageRoot();
  const here = fileURLToPath(import.meta.url);
  const codeFolder = join(root, relative(root, here).split(sep)[0]!);
  const hash = createHash('sha256');
  hash.update(readFileSync(join(root, 'package.json')));
  for (const folder of [codeFolder, join(root, 'fonts')]) {
    for (const file of filesUnder(folder)) {
      if (DERIVED.test(file)) continue;
      hash.update(`${relative(root, file).split(sep).join('/')}\u0000`);
      hash.update(readFileSync(file));
    }
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** Watch mode calls this when the fonts change. */
export function forgetCodeFingerprint(): void {
  fingerprint = undefined;
}

/** offprint's own folder: the nearest one up from this file with a `package.json` and `fonts/`. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'fonts'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('offprint: cannot find its own package folder (package.json and fonts/)');
}

/** Every file under a folder, in a fixed order. */
function filesUnder(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    const stats = statSync(path);
    if (stats.isDirectory()) out.push(...filesUnder(path));
    else if (stats.isFile()) out.push(path);
  }
  return out;
}
