/**
 * What was distributed: `manifest.json` beside the PDFs of a build, with each PDF's source,
 * title, byline, pages, bytes and SHA-256, and the offline check of a folder of received briefs
 * against it (`offprint verify`). No dates or machine details, so the manifest of the same
 * build is the same file.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

export const MANIFEST = 'manifest.json';

export interface ManifestEntry {
  pdf: string;
  source: string;
  title: string;
  byline: string;
  pages: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  offprint: string;
  briefs: ManifestEntry[];
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The folder's manifest, or undefined when there is none; throws, naming it, when it is not one. */
export function readManifest(folder: string): Manifest | undefined {
  const path = join(folder, MANIFEST);
  if (!lexists(path)) return undefined;
  // A received folder is content: its manifest is read only as a plain file in it.
  const odd = notAFile(path);
  if (odd) throw new Error(`${path}: ${odd}`);
  let data: Manifest;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (error) {
    throw new Error(`${path}: not a manifest offprint can read (${(error as Error).message})`);
  }
  if (!Array.isArray(data?.briefs)) throw new Error(`${path} has no "briefs" list`);
  return data;
}

/**
 * Whether a manifest's file name names a PDF directly in its folder: a received manifest is
 * content like the PDFs, and an entry such as `../elsewhere/brief.pdf` must not make verify
 * check (and pass) a file outside the folder it was asked about.
 */
function inFolder(name: unknown): name is string {
  return typeof name === 'string' && name !== '' && basename(name) === name && name !== '.' && name !== '..' && !name.includes('\\');
}

/**
 * The manifest after a build: the new entries, plus earlier ones whose PDFs are still in the
 * folder and were not rebuilt, sorted by file name.
 */
export function updatedManifest(folder: string, version: string, built: ManifestEntry[]): Manifest {
  let earlier: ManifestEntry[] = [];
  try {
    earlier = readManifest(folder)?.briefs ?? [];
  } catch {
    earlier = [];
  }
  const rebuilt = new Set(built.map((entry) => entry.pdf));
  const kept = earlier.filter((entry) => !rebuilt.has(entry.pdf) && existsSync(join(folder, entry.pdf)));
  return { offprint: version, briefs: [...kept, ...built].sort((a, b) => a.pdf.localeCompare(b.pdf)) };
}

/**
 * Pages of a PDF offprint wrote (its SHA-256 matched the manifest's): pdfkit writes each page
 * object in plain text, `N 0 obj`, `<<` and `/Type /Page` on lines of their own, so counting them
 * needs no PDF parser; a title or heading that says "/Type /Page" is a string with its line
 * ends escaped, and never matches.
 */
function pageCount(bytes: Uint8Array): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').match(/\n\d+ 0 obj\n<<\n\/Type \/Page\n/g)?.length ?? 0;
}

/** Why `path` cannot be checked as a received PDF (anything but a plain file: a link, a folder, a pipe), or undefined. */
function notAFile(path: string): string | undefined {
  const stats = lstatSync(path);
  if (stats.isSymbolicLink()) return 'a link, not a file: not followed';
  if (!stats.isFile()) return 'not a file';
  return undefined;
}

/** Problems found checking a folder against its manifest; none means every PDF is as sent. */
export function verifyFolder(folder: string): { checked: number; problems: string[] } {
  if (!existsSync(folder)) return { checked: 0, problems: [`${folder}: no such folder`] };
  if (!statSync(folder).isDirectory()) return { checked: 0, problems: [`${folder}: not a folder (verify checks the folder a manifest.json came with)`] };
  const manifest = readManifest(folder);
  if (!manifest) return { checked: 0, problems: [`${join(folder, MANIFEST)}: no manifest to check against`] };
  const problems: string[] = [];
  for (const entry of manifest.briefs) {
    if (!inFolder(entry?.pdf)) {
      problems.push(`${join(folder, MANIFEST)}: the entry ${JSON.stringify(entry?.pdf)} does not name a PDF in this folder; it was not checked`);
      continue;
    }
    const path = join(folder, entry.pdf);
    if (!lexists(path)) {
      problems.push(`${path}: missing`);
      continue;
    }
    const odd = notAFile(path);
    if (odd) {
      problems.push(`${path}: ${odd}`);
      continue;
    }
    const bytes = readFileSync(path);
    if (bytes.length !== entry.bytes) problems.push(`${path}: ${bytes.length} bytes, the manifest says ${entry.bytes}`);
    else if (sha256(bytes) !== entry.sha256) problems.push(`${path}: the SHA-256 differs from the manifest's: the file (or the manifest) was changed or damaged`);
    else if (entry.pages !== pageCount(bytes)) problems.push(`${path}: ${pageCount(bytes)} pages, the manifest says ${entry.pages}: the manifest was changed`);
  }
  const listed = new Set(manifest.briefs.map((entry) => entry.pdf));
  // Whatever else is named like a PDF is a stranger, be it a file, a link or a folder.
  for (const name of readdirSync(folder).sort()) {
    if (name.toLowerCase().endsWith('.pdf') && !listed.has(name)) problems.push(`${join(folder, name)}: not in the manifest`);
  }
  return { checked: manifest.briefs.length, problems };
}

/** Whether anything is at `path`, a dangling link included. */
function lexists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
