// Batch throughput: `offprint build <folder of 200 briefs> --jobs N --force` as a whole process,
// with one job and with every core, and the peak memory of each run (bench/rss.js).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMeasured } from './processes.js';

const BRIEFS = ['huawei-5g-albania.md', 'baltic-seabed-cables.md', 'spectrum-auction-results.md'];

/** A folder of `count` briefs: the content briefs in turn, each with a title of its own. */
export function briefFolder(root, count) {
  const dir = mkdtempSync(join(tmpdir(), 'offprint-batch-'));
  const sources = BRIEFS.map((name) => readFileSync(join(root, 'content', name), 'utf8'));
  // The pictures the briefs show, so each brief is built as it is in content/.
  for (const name of readdirSync(join(root, 'content'))) {
    if (/\.(png|jpe?g|svg)$/i.test(name)) copyFileSync(join(root, 'content', name), join(dir, name));
  }
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length].replace(/^title: "(.*)"$/m, (_, title) => `title: "${title} (${i + 1})"`);
    writeFileSync(join(dir, `brief-${String(i + 1).padStart(3, '0')}.md`), source);
  }
  return dir;
}

/** One batch run into a fresh folder: briefs per second and peak RSS; throws if a brief failed. */
export function batchRun(cli, folder, count, extraArgs) {
  const out = mkdtempSync(join(tmpdir(), 'offprint-batch-out-'));
  mkdirSync(out, { recursive: true });
  try {
    const run = runMeasured(cli, ['build', folder, '-o', out, ...extraArgs]);
    if (run.status !== 0) throw new Error(`batch ${extraArgs.join(' ')} exited ${run.status}: ${run.stderr.split('\n').slice(0, 3).join(' ')}`);
    return { ...run, perSecond: count / (run.ms / 1000) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
