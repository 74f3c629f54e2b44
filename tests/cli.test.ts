/**
 * The built CLI, run with plain `node` as a user runs it (vitest resolves imports more loosely
 * than Node does, so this catches what only the compiled JavaScript would get wrong).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
// The command as package.json's `bin` and `npm start` run it: the launcher, which starts Node
// from the start-up snapshot (tests/snapshot.test.ts checks that it does).
const cli = join(root, 'dist', 'bundle', 'offprint');

function run(args: string[], cwd = root) {
  const result = spawnSync(cli, args, { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'offprint-cli-'));
}

describe('offprint CLI', () => {
  it('prints help and version', () => {
    expect(run(['--help']).stdout).toMatch(/offprint build/);
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
    expect(run(['--version']).stdout.trim()).toBe(`offprint ${version}`);
  });

  it('builds a folder of briefs into an output folder', () => {
    const out = scratch();
    const result = run(['build', 'content', '-o', out]);
    expect(result.code).toBe(0);
    const pdfs = readdirSync(out).filter((f) => f.endsWith('.pdf')).sort();
    const sources = readdirSync(join(root, 'content')).filter((f) => /\.(md|txt)$/.test(f)).map((f) => f.replace(/\.(md|txt)$/, '.pdf')).sort();
    expect(pdfs).toEqual(sources);
    for (const pdf of pdfs) expect(readFileSync(join(out, pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('writes a typesetting report beside the PDF with --report', () => {
    const out = scratch();
    const result = run(['build', 'content/huawei-5g-albania.md', '-o', join(out, 'seed.pdf'), '--report']);
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'seed.report.json'), 'utf8'));
    expect(report.pdf).toBe('seed.pdf');
    expect(report.pages).toHaveLength(2);
    expect(report.summary.lines).toBeGreaterThan(80);
    expect(report.paragraphs[0].ratios.length).toBe(report.paragraphs[0].lines);
    expect(report.pages[0].columns.map((c: { column: number }) => c.column)).toEqual([0, 1]);
    // Without the flag, no report.
    const plain = scratch();
    run(['build', 'content/huawei-5g-albania.md', '-o', join(plain, 'seed.pdf')]);
    expect(existsSync(join(plain, 'seed.report.json'))).toBe(false);
  });

  it('writes a manifest beside a folder of PDFs, and verify catches a flipped byte, a missing file and a stranger', () => {
    const out = scratch();
    expect(run(['build', 'content', '-o', out]).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { briefs: Array<{ pdf: string; source: string; title: string; pages: number; bytes: number; sha256: string }> };
    const pdfs = readdirSync(out).filter((f) => f.endsWith('.pdf')).sort();
    expect(manifest.briefs.map((b) => b.pdf)).toEqual(pdfs);
    const seed = manifest.briefs.find((b) => b.pdf === 'huawei-5g-albania.pdf')!;
    expect(seed).toMatchObject({ source: 'content/huawei-5g-albania.md', title: 'US Embassy Pushes Back against Huawei 5G Ambitions', pages: 2 });
    expect(seed.bytes).toBe(readFileSync(join(out, seed.pdf)).length);
    expect(run(['verify', out]).code).toBe(0);
    // One flipped byte in one PDF.
    const path = join(out, seed.pdf);
    const bytes = readFileSync(path);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(path, bytes);
    const flipped = run(['verify', out]);
    expect(flipped.code).toBe(1);
    expect(flipped.stderr).toMatch(/huawei-5g-albania\.pdf: the SHA-256 differs/);
    // A missing PDF and one the manifest does not know.
    rmSync(join(out, 'spectrum-auction-results.pdf'));
    writeFileSync(join(out, 'stranger.pdf'), '%PDF-1.7');
    const more = run(['verify', out]);
    expect(more.code).toBe(3);
    expect(more.stderr).toMatch(/spectrum-auction-results\.pdf: missing/);
    expect(more.stderr).toMatch(/stranger\.pdf: not in the manifest/);
  });

  it('verifies only the folder it is given, page counts included, and names what it cannot read', () => {
    const out = scratch();
    expect(run(['build', 'content/huawei-5g-albania.md', 'content/spectrum-auction-results.md', '-o', out]).code).toBe(0);
    const path = join(out, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { briefs: Array<{ pdf: string; pages: number }> };
    // An entry naming a PDF outside the folder (which would match) is not followed; an edited page count is caught.
    const elsewhere = scratch();
    writeFileSync(join(elsewhere, 'x.pdf'), readFileSync(join(out, manifest.briefs[0]!.pdf)));
    manifest.briefs.push({ ...manifest.briefs[0]!, pdf: `../${basename(elsewhere)}/x.pdf` });
    manifest.briefs[1]!.pages += 1;
    writeFileSync(path, JSON.stringify(manifest));
    const edited = run(['verify', out]);
    expect(edited.code).toBe(2);
    expect(edited.stderr).toMatch(/does not name a PDF in this folder/);
    expect(edited.stderr).toMatch(/spectrum-auction-results\.pdf: 2 pages, the manifest says 3/);
    writeFileSync(path, '{ broken');
    const broken = run(['verify', out]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`${path}: not a manifest offprint can read`);
    expect(run(['verify', join(out, 'nothing-here')]).stderr).toMatch(/nothing-here: no such folder/);
    expect(run(['verify', join(out, 'huawei-5g-albania.pdf')]).stderr).toMatch(/huawei-5g-albania\.pdf: not a folder/);
  });

  it('verify follows no link out of the folder, reads no pipe, and counts pages whatever the title says', () => {
    const dir = scratch();
    const source = join(dir, 'pages.md');
    writeFileSync(source, '---\ntitle: Why /Type /Page matters\n---\n\n## The /Type /Page key\n\nA short text.\n');
    const out = join(dir, 'out');
    expect(run(['build', source, 'content/huawei-5g-albania.md', '-o', out]).code).toBe(0);
    expect(run(['verify', out]).code).toBe(0);
    // The seed's PDF replaced by a link to a file elsewhere (with its very bytes), a dangling link beside it.
    const elsewhere = join(dir, 'elsewhere.pdf');
    copyFileSync(join(out, 'huawei-5g-albania.pdf'), elsewhere);
    rmSync(join(out, 'huawei-5g-albania.pdf'));
    symlinkSync(elsewhere, join(out, 'huawei-5g-albania.pdf'));
    symlinkSync(join(dir, 'nothing'), join(out, 'junk.pdf'));
    const linked = run(['verify', out]);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toMatch(/huawei-5g-albania\.pdf: a link, not a file: not followed/);
    expect(linked.stderr).toMatch(/junk\.pdf: not in the manifest/);
  });

  it('builds the briefs that are there when one named is not, and refuses a file as the output folder', () => {
    const out = join(scratch(), 'out');
    const result = run(['build', 'content/huawei-5g-albania.md', 'content/no-such-brief.md', 'content/spectrum-auction-results.md', '-o', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no-such-brief\.md:1:1: error: no such file/);
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf')).sort()).toEqual(['huawei-5g-albania.pdf', 'spectrum-auction-results.pdf']);
    // Nothing there at all: one message, nothing built.
    expect(run(['build', 'content/no-such-brief.md', '-o', out]).stderr).toMatch(/no-such-brief\.md: no such file or folder/);
    // A file that is not a brief fails as one; a folder named like a brief is not one.
    const folder = scratch();
    writeFileSync(join(folder, 'notes.rtf'), '{\\rtf1 notes}');
    mkdirSync(join(folder, 'drafts.md'));
    mkdirSync(join(folder, 'elsewhere'));
    symlinkSync(join(folder, 'elsewhere'), join(folder, 'linked.md'));
    copyFileSync(join(root, 'content', 'huawei-5g-albania.md'), join(folder, 'seed.md'));
    const mixed = run(['build', folder, join(folder, 'notes.rtf'), '-o', join(folder, 'out')]);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toMatch(/notes\.rtf:1:1: error: not a brief/);
    expect(mixed.stderr).not.toMatch(/drafts\.md|linked\.md/);
    // A mistyped folder among the inputs is not there, not "not a brief".
    expect(run(['build', 'content/huawei-5g-albania.md', 'content/typo', '-o', join(folder, 'out2')]).stderr).toMatch(/typo:1:1: error: no such file/);
    expect(readdirSync(join(folder, 'out')).filter((f) => f.endsWith('.pdf'))).toEqual(['seed.pdf']);
    const file = join(scratch(), 'taken');
    writeFileSync(file, 'not a folder');
    const refused = run(['build', 'content', '-o', file]);
    expect(refused.code).toBe(64);
    expect(refused.stderr).toMatch(/is a file, not a folder/);
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('writes one brief to a named PDF, on Letter paper when asked', () => {
    const out = join(scratch(), 'seed.pdf');
    const result = run(['build', 'tests/fixtures/huawei-5g-albania.txt', '-o', out, '--paper', 'letter']);
    expect(result.code).toBe(0);
    expect(readFileSync(out).toString('latin1')).toMatch(/\/MediaBox \[0 0 612 792\]/);
  });

  it('fails on a broken brief with file:line:col, builds the others, and keeps an earlier good PDF', () => {
    const dir = scratch();
    const out = join(dir, 'out');
    mkdirSync(out);
    copyFileSync(join(root, 'content', 'huawei-5g-albania.md'), join(dir, 'good.md'));
    writeFileSync(join(dir, 'bad.md'), '---\ntitle: Broken\nsidebar:\n  countries:\n    - name: Narnia\n---\nText.\n');
    writeFileSync(join(out, 'bad.pdf'), 'an earlier good build');
    const result = run(['build', dir, '-o', out]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/bad\.md:5:\d+: error: .*Narnia/);
    expect(existsSync(join(out, 'good.pdf'))).toBe(true);
    expect(readFileSync(join(out, 'bad.pdf'), 'utf8')).toBe('an earlier good build');
    expect(readdirSync(out).some((f) => f.includes('.tmp'))).toBe(false);
  });

  it('exits with the number of briefs that failed, and prints machine-readable diagnostics with --json', () => {
    const dir = scratch();
    const out = join(dir, 'out');
    copyFileSync(join(root, 'content', 'huawei-5g-albania.md'), join(dir, 'good.md'));
    writeFileSync(join(dir, 'bad1.md'), '---\ntitle: ok\nbyline: [a, b\n---\nText\n');
    writeFileSync(join(dir, 'bad2.md'), '---\ntitle: Broken\nsidebar:\n  countries:\n    - name: Narnia\n---\nText.\n');
    writeFileSync(join(dir, 'warn.md'), '# Title\n\nText with <blink>raw</blink> html.\n\n![x](https://example.com/a.png)\n');
    const human = run(['build', dir, '-o', out]);
    expect(human.code).toBe(2);
    const result = run(['build', dir, '-o', out, '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as { built: number; failed: number; briefs: Array<{ file: string; ok: boolean; pages?: number; diagnostics: Array<{ severity: string; line: number; column: number; message: string }> }> };
    expect([json.built, json.failed]).toEqual([2, 2]);
    const byName = (name: string) => json.briefs.find((b) => b.file.endsWith(name))!;
    expect(byName('good.md')).toMatchObject({ ok: true, pages: 2 });
    expect(byName('bad2.md').diagnostics[0]).toMatchObject({ severity: 'error', line: 5 });
    expect(byName('bad2.md').diagnostics[0]!.message).toMatch(/Narnia/);
    expect(byName('bad1.md').diagnostics[0]!.severity).toBe('error');
    expect(byName('warn.md').diagnostics.some((d) => d.severity === 'warning' && d.line === 5)).toBe(true);
  });

  it('reports invalid YAML with its line and exits non-zero', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'yaml.md'), '---\ntitle: ok\nbyline: [a, b\n---\nText\n');
    const result = run(['build', join(dir, 'yaml.md'), '-o', join(dir, 'yaml.pdf')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/yaml\.md:\d+:\d+: error: front matter is not valid YAML/);
    expect(existsSync(join(dir, 'yaml.pdf'))).toBe(false);
  });

  it('prints warnings with file and line and still builds', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'warn.md'), '# Title\n\nText.\n\n![x](https://example.com/a.png)\n');
    const result = run(['build', join(dir, 'warn.md'), '-o', join(dir, 'warn.pdf')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warn\.md:5:1: warning: image "https:\/\/example\.com\/a\.png" is not a local file/);
    expect(existsSync(join(dir, 'warn.pdf'))).toBe(true);
  });

  it('can be imported as `offprint` from inside the repo, as the README shows', () => {
    const script = "import { renderBrief } from 'offprint'; const r = await renderBrief('# Hello\\n\\nWorld.'); console.log(r.pages, r.pdf.length > 1000);";
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('1 true');
  });

  it('rejects bad arguments with a usage message', () => {
    expect(run(['build']).code).toBe(64);
    expect(run(['frobnicate']).code).toBe(64);
    expect(run(['build', 'content', '--paper', 'a3']).code).toBe(64);
    expect(run(['build', 'no-such-file.md']).code).toBe(1);
    // One line saying what is wrong, and where the options are listed, not the whole help.
    const unknown = run(['pack', 'content', '-o', 'p.pdf', '--jobs', '2']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toBe('offprint pack: unknown option --jobs\n(`offprint pack --help` lists the options)\n');
    expect(run(['build', 'content', '-o']).stderr).toMatch(/^offprint: --output needs a value\n/);
  });
});
