#!/usr/bin/env node
// Makes the command's start-up snapshot (see src/snapshot.ts): runs the bundled snapshot entry
// under `node --build-snapshot`, which warms up on briefs other than the benchmark's seed and
// writes dist/bundle/cli.blob, and records which Node made it and where in cli.blob.node (the
// binary's size in bytes and the bundle's folder, which the launcher, scripts/offprint.sh,
// compares with the `node` it finds and its own folder: Node refuses a snapshot another build
// of it made, and a snapshot moved elsewhere would only hand over to cli.js). Without a
// snapshot (a Node that cannot make one, a failed warm-up) the command starts the usual way:
// this script only says so.
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist', 'bundle');
const blob = join(bundle, 'cli.blob');
const stamp = `${blob}.node`;
const WARMUP = ['baltic-seabed-cables.md', 'spectrum-auction-results.md'].map((name) => join(root, 'content', name)).filter((file) => existsSync(file));

rmSync(blob, { force: true });
rmSync(stamp, { force: true });
if (!WARMUP.length) {
  // A snapshot of the loaded bundle alone starts slower than the bundle with its code cache.
  console.log('no start-up snapshot: no warm-up briefs in content/ (the command starts without one)');
  process.exit(0);
}
const made = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', join(bundle, 'snapshot.cjs')], {
  cwd: root,
  encoding: 'utf8',
  // Node warns that `module` and `vm` are not yet verified in snapshots; package-files.ts is why
  // they are safe here, and the tests run the command from the snapshot.
  env: { ...process.env, NODE_OPTIONS: '', NODE_NO_WARNINGS: '1', OFFPRINT_SNAPSHOT_WARMUP: WARMUP.join(delimiter) },
});
if (made.status === 0 && existsSync(blob)) {
  writeFileSync(stamp, `${statSync(process.execPath).size} ${realpathSync(bundle)}\n`);
  console.log(`start-up snapshot: dist/bundle/cli.blob (${(statSync(blob).size / 2 ** 20).toFixed(1)} MB, warmed up on ${WARMUP.length} briefs)`);
} else {
  rmSync(blob, { force: true });
  console.log(`no start-up snapshot (the command starts without one): ${(made.stderr || made.error?.message || `exit ${made.status}`).trim().split('\n').slice(-3).join(' ')}`);
}
