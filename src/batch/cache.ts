/**
 * The build cache of an output folder, `.offprint-cache.json`: per PDF, the build key it was made
 * with, its SHA-256, and what a skipped build still reports (pages, title, byline, warnings) and
 * needs for the next key (the image addresses the brief asked for).
 *
 * It is a file of its own, not part of `manifest.json`: the manifest describes what is
 * distributed; this only saves work. Deleting it (or `--force`) rebuilds everything. It holds no
 * times or absolute paths either, so the same build writes the same cache.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../manifest.js';
import { writeAtomically } from './atomic-write.js';
import type { JobWarning } from './job.js';

export const CACHE_FILE = '.offprint-cache.json';
const FORMAT = 1;

export interface CacheEntry {
  key: string;
  sha256: string;
  bytes: number;
  pages: number;
  title: string;
  byline: string;
  images: string[];
  warnings: JobWarning[];
}

/** The folder's cache by PDF name; empty when there is none or it cannot be read (then all build). */
export function readCache(folder: string): Map<string, CacheEntry> {
  try {
    const data = JSON.parse(readFileSync(join(folder, CACHE_FILE), 'utf8')) as { format?: number; briefs?: Record<string, CacheEntry> };
    if (data.format !== FORMAT || typeof data.briefs !== 'object' || !data.briefs) return new Map();
    return new Map(Object.entries(data.briefs).filter(([, entry]) => typeof entry?.key === 'string' && Array.isArray(entry.images) && Array.isArray(entry.warnings)));
  } catch {
    return new Map();
  }
}

/** Writes the entries whose PDFs are still in the folder, sorted by name. */
export function writeCache(folder: string, entries: Map<string, CacheEntry>): void {
  const briefs: Record<string, CacheEntry> = {};
  for (const name of [...entries.keys()].sort()) {
    if (existsSync(join(folder, name))) briefs[name] = entries.get(name)!;
  }
  writeAtomically(join(folder, CACHE_FILE), `${JSON.stringify({ format: FORMAT, briefs }, null, 1)}\n`);
}

/**
 * Whether the PDF (and report, if wanted) on disk is what the entry recorded under this key:
 * the key matches, and the PDF's bytes still hash to what was written (someone may have edited
 * or damaged it since).
 */
export function upToDate(entry: CacheEntry | undefined, key: string, pdfPath: string, reportPath: string | undefined): entry is CacheEntry {
  if (!entry || entry.key !== key) return false;
  if (reportPath && !existsSync(reportPath)) return false;
  let bytes;
  try {
    bytes = readFileSync(pdfPath);
  } catch {
    return false;
  }
  return bytes.length === entry.bytes && sha256(bytes) === entry.sha256;
}
