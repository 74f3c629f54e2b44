/**
 * One brief through the whole pipeline, with every failure turned into an outcome: the code a
 * worker thread runs for each job (and the in-process builder with `--jobs 1`).
 */
import { BriefError } from '../diagnostics.js';
import { renderBrief, typesettingReport } from '../index.js';
import type { JobOutcome, RenderJob } from './job.js';

export async function renderJob(job: RenderJob): Promise<JobOutcome> {
  try {
    const built = await renderBrief(job.source, {
      filename: job.file,
      contentDir: job.contentDir,
      pdfa: job.options.pdfa,
      map: job.options.map,
      ...(job.options.paper ? { paper: job.options.paper } : {}),
    });
    const report = job.options.report ? `${JSON.stringify({ source: job.file, pdf: job.pdfName, ...typesettingReport(built.layout) }, null, 1)}\n` : undefined;
    return {
      ok: true,
      pdf: built.pdf,
      pages: built.pages,
      title: built.title,
      byline: built.byline,
      warnings: built.warnings.map(({ line, column, message }) => ({ line, column, message })),
      images: built.images,
      ...(report !== undefined ? { report } : {}),
    };
  } catch (error) {
    if (error instanceof BriefError) return { ok: false, error: { line: error.line, column: error.column, message: error.message } };
    return { ok: false, error: { line: 1, column: 1, message: `offprint failed on this brief (${(error as Error).message}); please report it` } };
  }
}
