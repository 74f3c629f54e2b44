/**
 * The start-up snapshot (src/snapshot.ts) and the launcher that uses it (scripts/offprint.sh):
 * the command started from the snapshot writes the same bytes as the library; a snapshot whose
 * bundle has moved runs the command without it; the launcher uses the snapshot only when Node
 * would accept it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderBrief } from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist', 'bundle');
const blob = join(bundle, 'cli.blob');
const seed = join(root, 'content', 'huawei-5g-albania.md');
/** The environment without NODE_OPTIONS (a runner's flags would make Node refuse the snapshot). */
const env = { ...process.env, NODE_OPTIONS: '' };

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'offprint-snapshot-'));
}

/** A stand-in for cli.js that says how it was started, and exits 3. */
function fakeBundle(dir: string): void {
  writeFileSync(join(dir, 'cli.js'), "console.log(JSON.stringify({ args: process.argv.slice(2), dir: process.env.OFFPRINT_BUNDLE_DIR ?? null })); process.exitCode = 3;\n");
}

function said(stdout: string): { args: string[]; dir: string | null } {
  return JSON.parse(stdout.trim().split('\n').pop()!) as { args: string[]; dir: string | null };
}

describe('start-up snapshot', () => {
  it('is made at build time for this Node', () => {
    expect(existsSync(blob)).toBe(true);
    const result = spawnSync(process.execPath, ['--snapshot-blob', blob, '--', '--version'], { env: { ...env, OFFPRINT_BUNDLE_DIR: bundle }, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toMatch(/^offprint \d+\.\d+\.\d+$/);
  });

  it('builds the same bytes as the library, with the command as users run it', async () => {
    const out = join(scratch(), 'seed.pdf');
    const result = spawnSync(join(bundle, 'offprint'), ['build', seed, '-o', out], { cwd: tmpdir(), env, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const options = { filename: 'content/huawei-5g-albania.md', contentDir: join(root, 'content') };
    const expected = (await renderBrief(readFileSync(seed, 'utf8'), options)).pdf;
    expect(Buffer.compare(readFileSync(out), Buffer.from(expected))).toBe(0);
  });

  it('packs briefs to the same bytes as the bundle started without it', () => {
    const dir = scratch();
    const args = ['pack', join(root, 'content'), '--title', 'A pack', '--date', '2026-11-26'];
    const fromSnapshot = spawnSync(join(bundle, 'offprint'), [...args, '-o', join(dir, 'a.pdf')], { env, encoding: 'utf8' });
    expect(fromSnapshot.status).toBe(0);
    const plain = spawnSync(process.execPath, [join(bundle, 'cli.js'), ...args, '-o', join(dir, 'b.pdf')], { env, encoding: 'utf8' });
    expect(plain.status).toBe(0);
    expect(Buffer.compare(readFileSync(join(dir, 'a.pdf')), readFileSync(join(dir, 'b.pdf')))).toBe(0);
  });

  it('runs the command without the snapshot when the bundle it holds is not where it was made', () => {
    const moved = scratch();
    fakeBundle(moved);
    const result = spawnSync(process.execPath, ['--snapshot-blob', blob, '--', 'build', 'x.md', '--force'], { env: { ...env, OFFPRINT_BUNDLE_DIR: moved }, encoding: 'utf8' });
    expect(result.status).toBe(3);
    expect(said(result.stdout).args).toEqual(['build', 'x.md', '--force']);
  });

  it('is refused by Node under other V8 flags, which the launcher therefore avoids', () => {
    const refused = spawnSync(process.execPath, ['--max-old-space-size=1000', '--snapshot-blob', blob, '--', '--version'], { env, encoding: 'utf8' });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/snapshot/i);
    const launched = spawnSync(join(bundle, 'offprint'), ['--version'], { env: { ...env, NODE_OPTIONS: '--max-old-space-size=1000' }, encoding: 'utf8' });
    expect(launched.status).toBe(0);
    expect(launched.stdout.trim()).toMatch(/^offprint /);
  });

  it('is used by the launcher only when the node on the PATH made it', () => {
    const dir = scratch();
    copyFileSync(join(bundle, 'offprint'), join(dir, 'offprint'));
    symlinkSync(blob, join(dir, 'cli.blob'));
    fakeBundle(dir);
    const launch = (extra: Record<string, string> = {}) => spawnSync(join(dir, 'offprint'), ['--version'], { env: { ...env, ...extra }, encoding: 'utf8' });
    const [size] = readFileSync(`${blob}.node`, 'utf8').split(' ');
    // Made by this node, in this folder (as far as the stamp says): Node starts from the
    // snapshot, which finds itself moved (dir is named) and hands over to this folder's cli.js.
    writeFileSync(join(dir, 'cli.blob.node'), `${size} ${realpathSync(dir)}\n`);
    expect(said(launch().stdout)).toEqual({ args: ['--version'], dir: realpathSync(dir) });
    // Made in another folder (copied, or installed from a package): cli.js directly.
    copyFileSync(`${blob}.node`, join(dir, 'cli.blob.node'));
    expect(said(launch().stdout)).toEqual({ args: ['--version'], dir: null });
    writeFileSync(join(dir, 'cli.blob.node'), `${size} ${realpathSync(dir)}\n`);
    // NODE_OPTIONS set: cli.js directly.
    expect(said(launch({ NODE_OPTIONS: '--no-warnings' }).stdout)).toEqual({ args: ['--version'], dir: null });
    // Another Node made it: cli.js directly.
    writeFileSync(join(dir, 'cli.blob.node'), '12345\n');
    expect(said(launch().stdout)).toEqual({ args: ['--version'], dir: null });
    // No stamp (a build stopped between the two files): cli.js, and nothing said about it.
    rmSync(join(dir, 'cli.blob.node'));
    const unstamped = launch();
    expect(said(unstamped.stdout)).toEqual({ args: ['--version'], dir: null });
    expect(unstamped.stderr).toBe('');
  });

  it('is found from a relative path whatever CDPATH says', () => {
    const result = spawnSync(join('dist', 'bundle', 'offprint'), ['--version'], { cwd: root, env: { ...env, CDPATH: `.:${tmpdir()}` }, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toMatch(/^offprint /);
  });

  it('passes on the exit code and the signal of the command it hands over to', () => {
    const moved = scratch();
    writeFileSync(join(moved, 'cli.js'), "process.kill(process.pid, 'SIGTERM');\n");
    const killed = spawnSync(process.execPath, ['--snapshot-blob', blob, '--', '--version'], { env: { ...env, OFFPRINT_BUNDLE_DIR: moved }, encoding: 'utf8' });
    expect(killed.signal).toBe('SIGTERM');
  });

  it('is found through a link, as npm links the command into node_modules/.bin', () => {
    const bin = join(scratch(), 'offprint');
    symlinkSync(join(bundle, 'offprint'), bin);
    const result = spawnSync(bin, ['--version'], { env, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^offprint /);
  });
});
