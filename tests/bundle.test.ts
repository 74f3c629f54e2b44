/**
 * The bundled command line (dist/bundle/cli.js, what `bin` runs) against the library: the
 * bundle must find the fonts, pdfkit's data and the package's version from its own folder, and
 * write the same bytes as renderBrief does in-process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderBrief } from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist', 'bundle', 'cli.js');
const seed = join(root, 'content', 'huawei-5g-albania.md');

function build(args: string[]): Buffer {
  const out = join(mkdtempSync(join(tmpdir(), 'offprint-bundle-')), 'seed.pdf');
  // From another folder, so nothing is found by way of the working directory.
  const result = spawnSync(process.execPath, [bundle, 'build', seed, '-o', out, ...args], { cwd: tmpdir(), encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return readFileSync(out);
}

describe('bundled command line', () => {
  it('is what package.json runs', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.bin.offprint).toBe('dist/bundle/offprint');
    expect(pkg.scripts.start).toContain('dist/bundle/offprint build');
  });

  it('writes the same bytes as the library, tagged and as PDF/A', async () => {
    const source = readFileSync(seed, 'utf8');
    const options = { filename: 'content/huawei-5g-albania.md', contentDir: join(root, 'content') };
    expect(Buffer.compare(build([]), Buffer.from((await renderBrief(source, options)).pdf))).toBe(0);
    // PDF/A embeds pdfkit's sRGB profile, read from beside the bundle.
    const pdfa = build(['--pdfa']);
    expect(pdfa.includes(Buffer.from('/OutputIntents'))).toBe(true);
    expect(Buffer.compare(pdfa, Buffer.from((await renderBrief(source, { ...options, pdfa: true })).pdf))).toBe(0);
  });

  it('starts from a V8 code cache that this Node accepts', async () => {
    const cache = join(root, 'dist', 'bundle', 'cli.cjs.cache');
    expect(existsSync(cache)).toBe(true);
    const { compile } = (await import(pathToFileURL(join(root, 'dist', 'bundle', 'launch.js')).href)) as { compile: (body: string, data?: Buffer) => { cachedDataRejected?: boolean } };
    expect(compile(join(root, 'dist', 'bundle', 'cli.cjs'), readFileSync(cache)).cachedDataRejected).toBe(false);
    // A cache of other code is refused, not run: the check above could fail.
    expect(compile(join(root, 'dist', 'bundle', 'cli.cjs'), Buffer.from(readFileSync(cache).map((b, i) => (i < 64 ? b ^ 0xff : b)))).cachedDataRejected).toBe(true);
  });

  it('reports the package version', () => {
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    const result = spawnSync(process.execPath, [bundle, '--version'], { cwd: tmpdir(), encoding: 'utf8' });
    expect(result.stdout.trim()).toBe(`offprint ${version}`);
  });
});
