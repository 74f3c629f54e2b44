/**
 * The command's start-up snapshot. scripts/bundle.js bundles this file and runs it once with
 * `node --build-snapshot`: it loads the command, builds warm-up briefs (named in
 * OFFPRINT_SNAPSHOT_WARMUP, never the benchmark's seed) so that the fonts, hyphenation patterns,
 * country data, atlas and the bytecode of everything they ran are in the heap, and Node writes
 * that heap to dist/bundle/cli.blob. The launcher (scripts/offprint.sh) starts Node from it, and
 * the function below runs the command with that process's arguments: a cold run skips loading,
 * compiling and initialising the pipeline.
 *
 * The heap holds files as they were when the snapshot was made. Should any of them have changed
 * since (a font replaced, a package updated, the bundle rebuilt or moved), the command runs
 * without the snapshot instead, in a child process, so what it makes never depends on stale
 * state. Caches that depend on the files (the code fingerprint) are dropped on start.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startupSnapshot } from 'node:v8';
import { forgetCodeFingerprint } from './batch/keys.js';
import { runCli } from './cli.js';
import { fontsDirectory } from './fonts/families.js';
import { forgetShapes } from './fonts/shaping.js';
import { forgetMaps } from './map/index.js';
import { loadedPackageFiles } from './package-files.js';
import { forgetHyphenationPoints } from './typeset/hyphenate.js';
import { forgetWordBreaks } from './typeset/word-breaks.js';


/** The folder of the bundle this file was built into (dist/bundle/). */
const bundleDir = dirname(fileURLToPath(import.meta.url));

/** A file as the snapshot saw it. */
interface Stamp {
  path: string;
  size: number;
  mtimeMs: number;
}

function stampOf(path: string): Stamp {
  const stats = statSync(path);
  return { path, size: stats.size, mtimeMs: stats.mtimeMs };
}

function unchanged(stamp: Stamp): boolean {
  try {
    const now = statSync(stamp.path);
    return now.size === stamp.size && now.mtimeMs === stamp.mtimeMs;
  } catch {
    return false;
  }
}

/** Every file whose content the snapshot's heap depends on. */
function filesInHeap(): string[] {
  const fonts = fontsDirectory();
  return [
    join(bundleDir, 'cli.cjs'),
    join(bundleDir, 'snapshot.cjs'),
    // The version (--version, the PDF's Creator, the manifest) is read from it once.
    join(bundleDir, '..', '..', 'package.json'),
    ...readdirSync(fonts)
      .sort()
      .map((name) => join(fonts, name)),
    ...loadedPackageFiles(),
  ];
}

async function warmUp(files: string[]): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'offprint-snapshot-'));
  try {
    for (const file of files) {
      await runCli(['build', file, '-o', join(scratch, `${basename(file)}.pdf`), '--force']);
      if (process.exitCode) throw new Error(`the warm-up build of ${file} failed`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  // What the warm-up briefs leave that only they would use: their words' shapes, hyphenation
  // points and breaks, and their maps. Starting from a snapshot costs time by its size (~5 ms a megabyte
  // here), more than re-making the few a new brief shares with them; the fonts, patterns,
  // outlines and country tables stay.
  forgetShapes();
  forgetHyphenationPoints();
  forgetWordBreaks();
  forgetMaps();
}

/**
 * Runs the command without the snapshot, in a child process, and ends as it did: with its exit
 * code, or killed by the same signal. A terminal's Ctrl-C and hang-up reach the child as well
 * (they go to the whole process group), so this process only waits for it to stop as the command
 * does (watch mode's Ctrl-C saves and exits 0); SIGTERM, which `kill` and supervisors send to
 * one process, is passed on.
 */
function runWithoutSnapshot(argv: string[]): void {
  const child = spawn(process.execPath, [join(process.env.OFFPRINT_BUNDLE_DIR ?? bundleDir, 'cli.js'), ...argv], { stdio: 'inherit' });
  const wait = () => {};
  const forward = () => child.kill('SIGTERM');
  process.on('SIGINT', wait);
  process.on('SIGHUP', wait);
  process.on('SIGTERM', forward);
  child.on('error', (error) => {
    process.stderr.write(`offprint: cannot start ${process.execPath}: ${error.message}\n`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    process.off('SIGINT', wait);
    process.off('SIGHUP', wait);
    process.off('SIGTERM', forward);
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 1;
  });
}

if (startupSnapshot.isBuildingSnapshot()) {
  const warmups = (process.env.OFFPRINT_SNAPSHOT_WARMUP ?? '').split(delimiter).filter(Boolean);
  warmUp(warmups).then(
    () => {
      const stamps = filesInHeap().map(stampOf);
      startupSnapshot.setDeserializeMainFunction(() => {
        // A started snapshot's argv is [node, ...arguments]: no script (the launcher ends Node's own
        // options with `--`, which Node takes out).
        const argv = process.argv.slice(1);
        // The launcher names the folder it found the snapshot in: one moved since is stale too.
        const movedFrom = process.env.OFFPRINT_BUNDLE_DIR !== undefined && process.env.OFFPRINT_BUNDLE_DIR !== bundleDir;
        if (movedFrom || !stamps.every(unchanged)) return runWithoutSnapshot(argv);
        forgetCodeFingerprint();
        void runCli(argv);
      });
    },
    (error: unknown) => {
      process.stderr.write(`offprint: no start-up snapshot: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
