/**
 * One build round: decide for each brief whether it is up to date, render the rest on a
 * builder, write PDFs, reports, the cache and the manifest, and hand every result to the
 * reporter as it comes in. A failing brief never stops the others; results are in input order.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { shownName } from './inputs.js';
import { MANIFEST, sha256, updatedManifest, type ManifestEntry } from '../manifest.js';
import { version } from '../version.js';
import { writeAtomically } from './atomic-write.js';
import type { Builders } from './builders.js';
import { readCache, upToDate, writeCache, type CacheEntry } from './cache.js';
import type { BuildOptions, JobOutcome, RenderJob } from './job.js';
import { buildKey } from './keys.js';
import type { Reporter } from './progress.js';
import type { BriefResult, Diagnostic } from './results.js';

export interface BuildPlan {
  /** Every brief of the build, in input order. */
  files: string[];
  /** The output folder, or the PDF when `singleFile`. */
  output: string;
  singleFile: boolean;
  options: BuildOptions;
  /** Rebuild even what is up to date. */
  force: boolean;
  /** Watch mode: build only these (resolved paths); the others are left as they are. */
  only?: ReadonlySet<string>;
}

const CACHE_EVERY_MS = 1000;

interface Work {
  index: number;
  shown: string;
  target: string;
  fileName: string;
  source: Buffer;
  job: RenderJob;
}

export async function buildBriefs(plan: BuildPlan, reporter: Reporter, builders: Builders): Promise<BriefResult[]> {
  const cache = plan.singleFile ? undefined : readCache(plan.output);
  const results: BriefResult[] = [];
  const early: number[] = [];
  const work: Work[] = [];
  const owners = new Map<string, string>();

  for (const file of plan.files) {
    const target = plan.singleFile ? plan.output : join(plan.output, `${basename(file, extname(file))}.pdf`);
    // The first brief to claim a PDF writes it, even when this round builds only others.
    const owner = owners.get(resolve(target));
    if (!owner) owners.set(resolve(target), shownName(file));
    if (plan.only && !plan.only.has(resolve(file))) continue;
    const decision = triage(file, target, owner, plan, cache, results.length);
    results.push(decision.result);
    if (decision.work) work.push(decision.work);
    else early.push(results.length - 1);
  }

  reporter.begin(results.length, work.length);
  for (const index of early) reporter.finished(index, results[index]!, false);
  if (work.length) {
    const builder = builders.acquire(work.length);
    let cacheWritten = performance.now();
    try {
      await Promise.all(
        work.map(async (item) => {
          let start = performance.now();
          const outcome = await builder.render(item.job, () => {
            start = performance.now();
            reporter.building(item.shown);
          });
          let result: BriefResult;
          try {
            result = finish(item, outcome, plan, cache);
          } catch (error) {
            result = { file: item.shown, output: item.target, ok: false, diagnostics: [{ severity: 'error', file: item.shown, line: 1, column: 1, message: `offprint failed writing this brief (${(error as Error).message})` }] };
          }
          result.ms = performance.now() - start;
          results[item.index] = result;
          reporter.finished(item.index, result, true);
          // Now and then during a long round, so an interrupted build is not all done again.
          if (cache && result.ok && performance.now() - cacheWritten > CACHE_EVERY_MS) {
            cacheWritten = performance.now();
            try {
              writeCache(plan.output, cache);
            } catch {
              // Tried again at the end of the round; at worst the next build does more.
            }
          }
        }),
      );
    } finally {
      await builders.release(builder);
    }
  }
  reporter.end();

  // A folder of briefs gets a manifest of what is in it (for checking after distribution) and
  // the cache that lets the next build skip what has not changed.
  if (!plan.singleFile && existsSync(plan.output)) {
    const manifest = updatedManifest(plan.output, version(), results.flatMap((r) => (r.entry ? [r.entry] : [])));
    if (manifest.briefs.length) writeAtomically(join(plan.output, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
    if (cache) writeCache(plan.output, cache);
  }
  return results;
}

/**
 * What to do with one brief: fail it now (its PDF is claimed, its source unreadable), report it
 * up to date, or render it (then `result` is a placeholder until the builder is done).
 */
function triage(file: string, target: string, owner: string | undefined, plan: BuildPlan, cache: Map<string, CacheEntry> | undefined, index: number): { result: BriefResult; work?: Work } {
  const shown = shownName(file);
  const fail = (message: string) => ({ result: { file: shown, output: target, ok: false, diagnostics: [{ severity: 'error' as const, file: shown, line: 1, column: 1, message }] } });
  if (owner) return fail(`${owner} already writes ${target}; rename one of them or build them into different folders`);
  if (!existsSync(file)) return fail('no such file');
  if (!/\.(md|txt)$/i.test(file)) return fail('not a brief: offprint reads Markdown (.md) and wire copy (.txt)');
  let source: Buffer;
  try {
    source = readFileSync(file);
  } catch (error) {
    return fail(`cannot read the file: ${(error as Error).message}`);
  }
  const pdfName = basename(target);
  const contentDir = dirname(resolve(file));
  const entry = cache?.get(pdfName);
  if (entry && !plan.force) {
    const key = buildKey({ source, fileName: basename(file), contentDir, images: entry.images, options: plan.options });
    if (upToDate(entry, key, target, plan.options.report ? reportPath(target) : undefined)) return { result: skipped(shown, target, entry) };
  }
  return {
    result: { file: shown, output: target, ok: false, diagnostics: [] },
    work: { index, shown, target, fileName: basename(file), source, job: { file: shown, source: source.toString('utf8'), contentDir, pdfName, options: plan.options } },
  };
}

/** Writes what a builder made (or reports why not), and records it in the cache. */
function finish(item: Work, outcome: JobOutcome, plan: BuildPlan, cache: Map<string, CacheEntry> | undefined): BriefResult {
  const { shown, target } = item;
  const result: BriefResult = { file: shown, output: target, ok: false, diagnostics: [] };
  if (!outcome.ok) {
    result.diagnostics.push({ severity: 'error', file: shown, ...outcome.error });
    return result;
  }
  result.diagnostics.push(...outcome.warnings.map((w): Diagnostic => ({ severity: 'warning', file: shown, ...w })));
  try {
    writeAtomically(target, outcome.pdf);
    if (outcome.report !== undefined) writeAtomically(reportPath(target), outcome.report);
  } catch (error) {
    result.diagnostics.push({ severity: 'error', file: shown, line: 1, column: 1, message: `cannot write ${target}: ${(error as Error).message}` });
    return result;
  }
  const digest = sha256(outcome.pdf);
  result.ok = true;
  result.pages = outcome.pages;
  result.entry = { pdf: basename(target), source: shown, title: outcome.title, byline: outcome.byline, pages: outcome.pages, bytes: outcome.pdf.length, sha256: digest };
  result.images = outcome.images;
  if (cache) {
    // The key is made from the bytes the builder was given and the images as they are now.
    const key = buildKey({ source: item.source, fileName: item.fileName, contentDir: item.job.contentDir, images: outcome.images, options: plan.options });
    cache.set(basename(target), { key, sha256: digest, bytes: outcome.pdf.length, pages: outcome.pages, title: outcome.title, byline: outcome.byline, images: outcome.images, warnings: outcome.warnings });
  }
  return result;
}

/** An up-to-date brief, reported with the warnings it was built with. */
function skipped(shown: string, target: string, entry: CacheEntry): BriefResult {
  const manifestEntry: ManifestEntry = { pdf: basename(target), source: shown, title: entry.title, byline: entry.byline, pages: entry.pages, bytes: entry.bytes, sha256: entry.sha256 };
  return {
    file: shown,
    output: target,
    ok: true,
    skipped: true,
    pages: entry.pages,
    diagnostics: entry.warnings.map((w) => ({ severity: 'warning', file: shown, ...w })),
    entry: manifestEntry,
    images: entry.images,
  };
}

/** `output/x.pdf` → `output/x.report.json`. */
export function reportPath(target: string): string {
  return join(dirname(target), `${basename(target, extname(target))}.report.json`);
}
