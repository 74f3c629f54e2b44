/**
 * What was distributed: `manifest.json` beside the PDFs of a build, with each PDF's source,
 * title, byline, pages, bytes and SHA-256, and the offline check of a folder of received briefs
 * against it (`offprint verify`). No dates or machine details, so the manifest of the same
 * build is the same file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

/** The folder's manifest, or an empty one when there is none (or it cannot be read). */
export function readManifest(folder: string): Manifest | undefined {
  const path = join(folder, MANIFEST);
  if (!existsSync(path)) return undefined;
  const data = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  if (!Array.isArray(data.briefs)) throw new Error(`${path} has no "briefs" list`);
  return data;
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

/** Problems found checking a folder against its manifest; none means every PDF is as sent. */
export function verifyFolder(folder: string): { checked: number; problems: string[] } {
  const manifest = readManifest(folder);
  if (!manifest) return { checked: 0, problems: [`${join(folder, MANIFEST)}: no manifest to check against`] };
  const problems: string[] = [];
  for (const entry of manifest.briefs) {
    const path = join(folder, entry.pdf);
    if (!existsSync(path)) {
      problems.push(`${path}: missing`);
      continue;
    }
    const bytes = readFileSync(path);
    if (bytes.length !== entry.bytes) problems.push(`${path}: ${bytes.length} bytes, the manifest says ${entry.bytes}`);
    else if (sha256(bytes) !== entry.sha256) problems.push(`${path}: the SHA-256 differs from the manifest's: the file was changed or damaged`);
  }
  const listed = new Set(manifest.briefs.map((entry) => entry.pdf));
  for (const name of readdirSync(folder).sort()) {
    if (name.toLowerCase().endsWith('.pdf') && !listed.has(name) && statSync(join(folder, name)).isFile()) problems.push(`${join(folder, name)}: not in the manifest`);
  }
  return { checked: manifest.briefs.length, problems };
}
