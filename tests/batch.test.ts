/**
 * Batch builds: the worker pool, skip-unchanged and watch mode. Builds run the compiled CLI as
 * a child process, as a user runs it; the pool and the progress bar are also tested directly.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool, WorkerCrash } from '../src/batch/pool.js';
import { progressLine, Reporter } from '../src/batch/progress.js';
import type { BriefResult } from '../src/batch/results.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
const contentBriefs = readdirSync(join(root, 'content')).filter((f) => f.endsWith('.md')).sort();
const pngA = join(root, 'docs', 'compare', 'offprint-crop.png');
const pngB = join(root, 'docs', 'compare', 'typst-crop.png');

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'offprint-batch-'));
}

/** A content folder: the repo's briefs, a short one with a picture, and wire copy. */
function contentFolder(): string {
  const dir = join(scratch(), 'content');
  mkdirSync(dir);
  for (const name of contentBriefs) copyFileSync(join(root, 'content', name), join(dir, name));
  mkdirSync(join(dir, 'img'));
  copyFileSync(pngA, join(dir, 'img', 'figure.png'));
  writeFileSync(join(dir, 'pictured.md'), '# A Brief with a Picture\n\nSome text before the picture.\n\n![The figure](img/figure.png)\n\nSome text after it.\n');
  copyFileSync(join(root, 'tests', 'fixtures', 'huawei-5g-albania.txt'), join(dir, 'wire.txt'));
  return dir;
}

const pdfsOf = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort();
const mtimes = (dir: string) => Object.fromEntries(pdfsOf(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));
/** The briefs a run built (its `->` lines) and the ones it found up to date. */
const built = (stdout: string) => [...stdout.matchAll(/^(\S+) -> /gm)].map((m) => m[1]!.split('/').pop()!).sort();
const upToDate = (stdout: string) => [...stdout.matchAll(/^(\S+): up to date$/gm)].map((m) => m[1]!.split('/').pop()!).sort();

describe('batch builds', () => {
  it('gives byte-identical PDFs, manifest and cache with --jobs 2 and --jobs 1', () => {
    const content = contentFolder();
    const one = join(scratch(), 'one');
    const two = join(scratch(), 'two');
    const serial = run(['build', content, '-o', one, '--jobs', '1']);
    const parallel = run(['build', content, '-o', two, '--jobs', '2']);
    expect(serial.code).toBe(0);
    expect(parallel.code).toBe(0);
    const names = pdfsOf(one);
    expect(names).toEqual([...contentBriefs.map((f) => f.replace('.md', '.pdf')), 'pictured.pdf', 'wire.pdf'].sort());
    expect(pdfsOf(two)).toEqual(names);
    for (const name of [...names, 'manifest.json', '.offprint-cache.json']) {
      expect(readFileSync(join(two, name)).equals(readFileSync(join(one, name))), name).toBe(true);
    }
    // Printed in input order either way.
    expect(parallel.stdout).toBe(serial.stdout.replaceAll(one, two));
  }, 180_000);

  /** A content folder built once (with two workers), copied for each test that changes it. */
  let template: { content: string; out: string } | undefined;
  const builtCopy = () => {
    if (!template) {
      template = { content: contentFolder(), out: join(scratch(), 'out') };
      expect(run(['build', template.content, '-o', template.out, '--jobs', '2']).code).toBe(0);
    }
    const dir = scratch();
    cpSync(template.content, join(dir, 'content'), { recursive: true });
    cpSync(template.out, join(dir, 'out'), { recursive: true, preserveTimestamps: true });
    const content = join(dir, 'content');
    return { content, out: join(dir, 'out'), names: readdirSync(content).filter((f) => /\.(md|txt)$/.test(f)).sort() };
  };

  it('skips what is up to date and says so; a new time on a source is no change, new bytes are', () => {
    const { content, out, names } = builtCopy();
    // A second run (in another folder: the cache holds no absolute paths) writes nothing.
    const before = mtimes(out);
    const again = run(['build', content, '-o', out]);
    expect(again.code).toBe(0);
    expect(built(again.stdout)).toEqual([]);
    expect(upToDate(again.stdout)).toEqual(names);
    expect(again.stdout).toMatch(new RegExp(`${names.length} briefs: 0 built, ${names.length} up to date`));
    expect(mtimes(out)).toEqual(before);
    const json = JSON.parse(run(['build', content, '-o', out, '--json']).stdout) as { built: number; skipped: number; failed: number; briefs: Array<{ file: string; skipped?: boolean; pages?: number }> };
    expect([json.built, json.skipped, json.failed]).toEqual([names.length, names.length, 0]);
    expect(json.briefs.map((b) => b.file.split('/').pop())).toEqual(names);
    expect(json.briefs.every((b) => b.skipped && b.pages! >= 1)).toBe(true);

    utimesSync(join(content, 'huawei-5g-albania.md'), new Date(), new Date(Date.now() + 5000));
    expect(built(run(['build', content, '-o', out]).stdout)).toEqual([]);
    writeFileSync(join(content, 'huawei-5g-albania.md'), `${readFileSync(join(content, 'huawei-5g-albania.md'), 'utf8')}\nOne more paragraph at the end.\n`);
    const edited = run(['build', content, '-o', out]);
    expect(built(edited.stdout)).toEqual(['huawei-5g-albania.md']);
    expect(upToDate(edited.stdout)).toEqual(names.filter((n) => n !== 'huawei-5g-albania.md'));
    expect(run(['verify', out]).code).toBe(0);
  }, 180_000);

  it('rebuilds a brief whose picture changed, a PDF damaged since, and everything with --force', () => {
    const { content, out, names } = builtCopy();
    const pictured = readFileSync(join(out, 'pictured.pdf'));
    copyFileSync(pngB, join(content, 'img', 'figure.png'));
    const image = run(['build', content, '-o', out]);
    expect(built(image.stdout)).toEqual(['pictured.md']);
    expect(readFileSync(join(out, 'pictured.pdf')).equals(pictured)).toBe(false);

    const path = join(out, 'spectrum-auction-results.pdf');
    const bytes = readFileSync(path);
    bytes[bytes.length >> 1] ^= 0x01;
    writeFileSync(path, bytes);
    expect(built(run(['build', content, '-o', out]).stdout)).toEqual(['spectrum-auction-results.md']);
    expect(run(['verify', out]).code).toBe(0);

    const forced = run(['build', content, '-o', out, '--force', '--jobs', '2']);
    expect(built(forced.stdout)).toEqual(names);
    expect(upToDate(forced.stdout)).toEqual([]);
  }, 180_000);

  it('counts options and SOURCE_DATE_EPOCH in the key', () => {
    const { content, out, names } = builtCopy();
    expect(built(run(['build', content, '-o', out, '--paper', 'letter']).stdout)).toEqual(names);
    expect(built(run(['build', content, '-o', out, '--paper', 'letter']).stdout)).toEqual([]);
    // Only the briefs without a date: take their dates from SOURCE_DATE_EPOCH.
    const undated = names.filter((n) => !/^date:/m.test(readFileSync(join(content, n), 'utf8')));
    expect(undated.length).toBeGreaterThan(0);
    expect(built(run(['build', content, '-o', out, '--paper', 'letter'], { SOURCE_DATE_EPOCH: '1700000000' }).stdout)).toEqual(names);
  }, 180_000);

  it('builds a missing picture once it is there', () => {
    const content = join(scratch(), 'content');
    mkdirSync(content);
    const out = join(scratch(), 'out');
    writeFileSync(join(content, 'other.md'), '# Another Brief\n\nText.\n');
    writeFileSync(join(content, 'later.md'), '# Waiting for a Picture\n\nText.\n\n![A chart](later.png)\n');
    const first = run(['build', content, '-o', out]);
    expect(first.stderr).toMatch(/later\.md:5:1: warning: image "later\.png" was not found/);
    // Up to date, with its warning repeated, until the picture arrives.
    const second = run(['build', content, '-o', out]);
    expect(upToDate(second.stdout)).toContain('later.md');
    expect(second.stderr).toMatch(/later\.md:5:1: warning: image "later\.png" was not found/);
    copyFileSync(pngA, join(content, 'later.png'));
    const third = run(['build', content, '-o', out]);
    expect(built(third.stdout)).toEqual(['later.md']);
    expect(third.stderr).toBe('');
  }, 180_000);

  it('builds the good briefs when some fail, and exits with the number that failed', () => {
    const content = contentFolder();
    const out = join(scratch(), 'out');
    writeFileSync(join(content, 'bad-yaml.md'), '---\ntitle: ok\nbyline: [a, b\n---\nText\n');
    writeFileSync(join(content, 'bad-country.md'), '---\ntitle: Broken\nsidebar:\n  countries:\n    - name: Narnia\n---\nText.\n');
    const result = run(['build', content, '-o', out, '--jobs', '2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad-yaml\.md:\d+:\d+: error: front matter is not valid YAML/);
    expect(result.stderr).toMatch(/bad-country\.md:5:\d+: error: .*Narnia/);
    const good = readdirSync(content).filter((f) => /\.(md|txt)$/.test(f) && !f.startsWith('bad-')).map((f) => f.replace(/\.(md|txt)$/, '.pdf')).sort();
    expect(pdfsOf(out)).toEqual(good);
    expect(result.stdout).toMatch(/2 failed/);
    // Failures are never "up to date": they are tried again.
    const again = run(['build', content, '-o', out, '--jobs', '2']);
    expect(again.code).toBe(2);
    expect(upToDate(again.stdout)).toEqual(readdirSync(content).filter((f) => /\.(md|txt)$/.test(f) && !f.startsWith('bad-')).sort());
  }, 180_000);

  it('rejects a bad --jobs', () => {
    expect(run(['build', 'content', '--jobs', '0']).code).toBe(64);
    expect(run(['build', 'content', '--jobs', 'many']).code).toBe(64);
    expect(run(['build', 'content', '--watch', '--json']).code).toBe(64);
  });
});

describe('the worker pool', () => {
  const script = new URL('./fixtures/pool-worker.mjs', import.meta.url);

  it('runs every job once, and a crashed worker fails only its job and is replaced', async () => {
    const pool = new WorkerPool<{ value: number; crash?: string }, { value: number; threadId: number }>(script, 2);
    try {
      const jobs = Array.from({ length: 12 }, (_, i) => ({ value: i, ...(i === 3 ? { crash: 'exit' } : i === 7 ? { crash: 'throw' } : {}) }));
      const settled = await Promise.allSettled(jobs.map((job) => pool.run(job)));
      settled.forEach((outcome, i) => {
        if (i === 3 || i === 7) {
          expect(outcome.status).toBe('rejected');
          expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(WorkerCrash);
        } else {
          expect(outcome.status).toBe('fulfilled');
          expect((outcome as PromiseFulfilledResult<{ value: number }>).value.value).toBe(i * 2);
        }
      });
      expect(String((settled[7] as PromiseRejectedResult).reason.message)).toMatch(/worker blew up/);
      // Two workers at a time; the crashed ones were replaced by new threads.
      const threads = new Set(settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.threadId] : [])));
      expect(threads.size).toBeGreaterThanOrEqual(3);
      expect((await pool.run({ value: 21 })).value).toBe(42);
    } finally {
      await pool.close();
    }
  });
});

describe('progress', () => {
  const result = (file: string): BriefResult => ({ file, output: `out/${file}.pdf`, ok: true, pages: 1, diagnostics: [{ severity: 'warning', file, line: 2, column: 3, message: 'odd' }] });
  const sink = (isTTY: boolean) => {
    const writes: string[] = [];
    return { writes, stream: { write: (text: string) => writes.push(text), isTTY, columns: 60 } };
  };

  it('prints results in input order, clearing the bar before every line on a terminal', () => {
    const out = sink(true);
    const err = sink(true);
    let clock = 0;
    const reporter = new Reporter({ stdout: out.stream, stderr: err.stream, quiet: false, withTimes: false, now: () => clock });
    reporter.begin(3, 3);
    reporter.building('a');
    clock = 1000;
    reporter.finished(2, result('c'), true);
    reporter.finished(1, result('b'), true);
    expect(out.writes).toEqual([]);
    reporter.finished(0, result('a'), true);
    reporter.end();
    expect(out.writes).toEqual(['a -> out/a.pdf (1 page)\n', 'b -> out/b.pdf (1 page)\n', 'c -> out/c.pdf (1 page)\n']);
    // Every diagnostic line follows a cleared line, and the bar is gone at the end.
    const warnings = err.writes.map((w, i) => [w, err.writes[i - 1]] as const).filter(([w]) => w.includes('warning'));
    expect(warnings.map(([w]) => w)).toEqual(['a:2:3: warning: odd\n', 'b:2:3: warning: odd\n', 'c:2:3: warning: odd\n']);
    expect(warnings[0]![1]).toBe('\r\u001b[2K');
    expect(err.writes.some((w) => w.includes('/3'))).toBe(true);
    expect(err.writes.at(-1)).toBe('\r\u001b[2K');
  });

  it('draws no bar when stderr is not a terminal', () => {
    const out = sink(false);
    const err = sink(false);
    const reporter = new Reporter({ stdout: out.stream, stderr: err.stream, quiet: false, withTimes: true, now: () => 0 });
    reporter.begin(2, 2);
    reporter.finished(0, { ...result('a'), ms: 12.4 }, true);
    reporter.finished(1, { ...result('b'), skipped: true }, false);
    reporter.end();
    expect(err.writes.join('')).toBe('a:2:3: warning: odd\nb:2:3: warning: odd\n');
    expect(out.writes).toEqual(['a -> out/a.pdf (1 page) in 12 ms\n', 'b: up to date\n']);
  });

  it('shows count, rate, ETA and the current file, cut to the width', () => {
    const line = progressLine({ done: 5, total: 20, built: 4, toBuild: 19, seconds: 2, current: 'content/x.md', width: 120 });
    expect(line).toBe('[#####...............] 5/20  2.0 briefs/s  ETA 8 s  content/x.md');
    expect(progressLine({ done: 0, total: 20, built: 0, toBuild: 20, seconds: 0, current: '', width: 120 })).toMatch(/ETA --/);
    expect(progressLine({ done: 5, total: 20, built: 4, toBuild: 19, seconds: 2, current: 'a/very/long/path/to/a/brief.md', width: 40 }).length).toBe(39);
  });
});

describe('watch mode', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('rebuilds on a save, reports a broken brief and keeps watching, builds new briefs, follows pictures, and exits 0 on Ctrl-C', async () => {
    const dir = join(scratch(), 'content');
    mkdirSync(dir);
    const out = join(dir, '..', 'out');
    const brief = join(dir, 'note.md');
    writeFileSync(brief, '# First Title\n\nA short note.\n');
    mkdirSync(join(dir, 'img'));
    copyFileSync(pngA, join(dir, 'img', 'figure.png'));
    writeFileSync(join(dir, 'pictured.md'), '# Pictured\n\n![The figure](img/figure.png)\n');
    const proc = spawn(process.execPath, [cli, 'build', dir, '-o', out, '--watch', '--jobs', '1'], { cwd: root });
    child = proc;
    let stdout = '';
    let stderr = '';
    proc.stdout!.on('data', (chunk) => (stdout += chunk));
    proc.stderr!.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));

    /** Waits for a condition, with a generous deadline: this is about behaviour, not speed. */
    const until = async (what: string, condition: () => boolean) => {
      const deadline = Date.now() + 20_000;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\nstdout: ${stdout}\nstderr: ${stderr}`);
        if (proc.exitCode !== null) throw new Error(`watch exited (${proc.exitCode}) waiting for ${what}\nstderr: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const pdf = join(out, 'note.pdf');
    const bytes = () => (existsSync(pdf) ? readFileSync(pdf) : Buffer.alloc(0));

    await until('the first build', () => /watching 2 briefs/.test(stderr) && existsSync(pdf));
    const first = bytes();

    // An editor's save: a new file renamed over the old one.
    writeFileSync(`${brief}.tmp`, '# Second Title\n\nA short note, edited.\n');
    const { renameSync } = await import('node:fs');
    renameSync(`${brief}.tmp`, brief);
    await until('the rebuild', () => !bytes().equals(first));
    await until('its line', () => /note\.md -> .*note\.pdf \(1 page\) in \d+ ms[\s\S]*note\.md -> .*note\.pdf \(1 page\) in \d+ ms/.test(stdout));
    const second = bytes();

    // A broken brief: an error, the earlier PDF kept, still watching.
    writeFileSync(brief, '---\ntitle: [broken\n---\nText.\n');
    await until('the error', () => /note\.md:\d+:\d+: error: front matter is not valid YAML/.test(stderr));
    expect(proc.exitCode).toBe(null);
    expect(bytes().equals(second)).toBe(true);

    // Fixed: built again.
    writeFileSync(brief, '# Third Title\n\nFixed.\n');
    await until('the fixed build', () => bytes().length > 0 && !bytes().equals(second));

    // A new brief in the folder is built too.
    writeFileSync(join(dir, 'another.md'), '# Another\n\nNew.\n');
    await until('the new brief', () => existsSync(join(out, 'another.pdf')));

    // A new picture, in a folder below, rebuilds the brief that shows it.
    const picture = readFileSync(join(out, 'pictured.pdf'));
    copyFileSync(pngB, join(dir, 'img', 'figure.png'));
    await until('the picture', () => !readFileSync(join(out, 'pictured.pdf')).equals(picture));

    proc.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(readdirSync(out).some((f) => f.endsWith('.tmp'))).toBe(false);
  }, 180_000);
});
