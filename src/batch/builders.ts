/**
 * Where briefs are rendered: in this thread (`--jobs 1`, one brief at a time) or in a pool of
 * worker threads. Either way a render never rejects: a crash becomes a failed outcome.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JobOutcome, RenderJob } from './job.js';
import { WorkerPool } from './pool.js';

export interface Builder {
  /** Renders `job`; `onStart` is called when rendering begins (it may wait its turn). */
  render(job: RenderJob, onStart?: () => void): Promise<JobOutcome>;
  close(): Promise<void>;
}

/** Where renders happen: batch mode makes a builder per round, watch mode keeps one. */
export interface Builders {
  /** A builder for a round with this many briefs to render. */
  acquire(briefs: number): Builder;
  release(builder: Builder): Promise<void>;
}

/**
 * Batch mode: `jobs` workers at most, never more than there are briefs to render; with one,
 * rendering in this thread saves starting a worker (and loading the pipeline twice).
 */
export function batchBuilders(jobs: number): Builders {
  return {
    acquire: (count) => (Math.min(jobs, count) <= 1 ? inProcessBuilder() : poolBuilder(Math.min(jobs, count))),
    release: (builder) => builder.close(),
  };
}

/** Renders here, one job after another; the pipeline is loaded on the first job, not before. */
export function inProcessBuilder(): Builder {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    render(job, onStart) {
      const next = chain.then(async () => {
        onStart?.();
        const { renderJob } = await import('./render-job.js');
        return renderJob(job);
      });
      chain = next.catch(() => undefined);
      return next.catch((error: unknown) => crashed(error));
    },
    async close() {
      await chain;
    },
  };
}

/**
 * Renders in `size` worker threads, each loading the pipeline once. Should the worker script be
 * missing (a packaging mistake), it says so and renders in this thread instead.
 */
export function poolBuilder(size: number): Builder {
  const script = workerScript();
  if (!script) {
    process.stderr.write('offprint: warning: the worker script is missing from this installation; building in one thread\n');
    return inProcessBuilder();
  }
  const pool = new WorkerPool<RenderJob, JobOutcome>(script, size);
  return {
    render: (job, onStart) => pool.run(job, onStart).catch((error: unknown) => crashed(error)),
    close: () => pool.close(),
  };
}

function crashed(error: unknown): JobOutcome {
  return { ok: false, error: { line: 1, column: 1, message: `offprint failed on this brief (${(error as Error).message}); please report it` } };
}

/**
 * The worker thread's script. Compiled by tsc it is `worker.js` beside this file; when the CLI
 * is bundled into `dist/cli.js`, the bundler must emit the worker as its own entry, either as
 * `dist/worker.js` (beside the bundle, found first) or keep `dist/batch/worker.js`.
 */
export function workerScript(): URL | undefined {
  for (const candidate of ['./worker.js', './batch/worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}
