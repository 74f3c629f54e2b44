#!/usr/bin/env node
// offprint benchmark (`npm run bench`, which builds first): measures, in one run, what issue 7
// asks for and prints it. Numbers are medians unless said; nothing here is asserted. A peer
// that cannot load is reported with the reason, and the rest still runs.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { layoutSource, renderBrief } from '../dist/index.js';
import { bodyText } from '../dist/model/index.js';
import { breakerClock } from '../dist/typeset/knuth-plass.js';
import { paragraphItems, setLines } from '../dist/typeset/index.js';
import { forgetMaps } from '../dist/map/index.js';
import { shapingCounts, useFastShaping } from '../dist/fonts/shaping.js';
import { batchRun, briefFolder } from './batch.js';
import { wordGaps } from './gaps.js';
import { plainPdfkit } from './pdfkit-floor.js';
import { pdfmakeRenderer } from './pdfmake.js';
import { coldStarts, runMeasured } from './processes.js';
import { longReport } from './report.js';
import { median, since, timeInTurns, timeIt } from './timing.js';
import { typstCompiler } from './typst.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'bundle', 'cli.js');
const launcher = join(root, 'dist', 'bundle', 'offprint');
const seedPath = join(root, 'content', 'huawei-5g-albania.md');
const seed = readFileSync(seedPath, 'utf8');
const WARMUP = 5;
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const COLD_RUNS = 7;
const BATCH = 200;
const cores = availableParallelism();
const out = mkdtempSync(join(tmpdir(), 'offprint-bench-'));
const lines = [];
const print = (label, value, note = '') => lines.push(`  ${label.padEnd(46)} ${value}${note ? `   (${note})` : ''}`);
const ms = (value) => `${value.toFixed(1)} ms`;
const ratio = (a, b) => (a / b).toFixed(2);
/** A peer's figure, or why there is none. */
async function peer(name, measure) {
  try {
    return await measure();
  } catch (error) {
    return { failed: `${name} not measured: ${String(error.message ?? error).split('\n')[0]}` };
  }
}

const { brief } = layoutSource(seed, { filename: 'seed.md' });
const paragraphs = bodyText(brief.body).split('\n\n');
const words = paragraphs.join(' ').split(/\s+/).length;

// Warm, in-process: offprint, the plain pdfkit floor (one column and its greedy columns: 2), peers.
const offprintMs = await timeIt(() => renderBrief(seed, { filename: 'seed.md' }), RUNS, WARMUP);
const layoutMs = await timeIt(() => layoutSource(seed, { filename: 'seed.md' }), RUNS, WARMUP);
const pdfkitMs = await timeIt(() => plainPdfkit(brief.meta.title, paragraphs, 1), RUNS, WARMUP);
const pdfkitColumnsMs = await timeIt(() => plainPdfkit(brief.meta.title, paragraphs, 2), RUNS, WARMUP);
const typst = await peer('Typst', async () => {
  const compile = typstCompiler();
  return { warm: await timeIt(compile, RUNS, WARMUP) };
});
const pdfmake = await peer('pdfmake', async () => {
  const render = pdfmakeRenderer();
  return { warm: await timeIt(() => render(brief.meta.title, paragraphs), 10, 2) };
});

// The breaker's share of a warm render: time inside Knuth–Plass over the same runs.
breakerClock.on = true;
breakerClock.ms = 0;
const shareRuns = 20;
const shareStart = process.hrtime.bigint();
for (let i = 0; i < shareRuns; i++) await renderBrief(seed, { filename: 'seed.md' });
const breakerShare = breakerClock.ms / since(shareStart);
const breakerCalls = breakerClock.calls / shareRuns;
breakerClock.on = false;

// A 100,000-word report: the content briefs' paragraphs, repeated, set in a 87.5 mm column.
const contentBodies = ['huawei-5g-albania.md', 'baltic-seabed-cables.md', 'spectrum-auction-results.md'].map((name) => bodyText(layoutSource(readFileSync(join(root, 'content', name), 'utf8'), { filename: name }).brief.body).split('\n\n'));
const pool = contentBodies.flat().filter((p) => p.split(/\s+/).length > 8);
const bigParagraphs = [];
let bigWords = 0;
for (let i = 0; bigWords < 100000; i++) {
  const text = pool[i % pool.length];
  bigParagraphs.push(text);
  bigWords += text.split(/\s+/).length;
}
const measure = 248;
const style = { font: 'serif', size: 9.5, color: '#1a1a1a', linkColor: '#1a1a1a', hyphenation: 'en-us', align: 'justify', firstIndent: 9.5, narrowest: measure, features: ['onum', 'pnum'] };
let start = process.hrtime.bigint();
const bigItems = bigParagraphs.map((text) => paragraphItems([{ text, style: {} }], style));
const itemsMs = since(start);
const breakTimes = [];
let bigLines = 0;
for (let run = 0; run < 3; run++) {
  start = process.hrtime.bigint();
  bigLines = 0;
  for (const items of bigItems) bigLines += setLines(items, 0, () => measure, 'justify').length;
  breakTimes.push(since(start));
}

// The map's share, on the real render path: without the map, with it (made once, as a warm
// process has it), and after the process forgot its maps. Alternating, so drift in the
// machine's speed falls on all three alike.
const variants = [
  { options: { map: false }, times: [] },
  { options: {}, times: [] },
  { options: {}, times: [], before: forgetMaps },
];
for (let i = 0; i < WARMUP + RUNS; i++) {
  for (let k = 0; k < variants.length; k++) {
    const variant = variants[(i + k) % variants.length];
    variant.before?.();
    const start = process.hrtime.bigint();
    await renderBrief(seed, { filename: 'seed.md', ...variant.options });
    if (i >= WARMUP) variant.times.push(since(start));
  }
}
const [withoutMapMs, withMapMs, freshMapMs] = variants.map((v) => median(v.times));
// The map's cost is the median of each round's difference, which a busy machine disturbs less
// than a difference of medians; its share is of the render with the map.
const share = (variant, total) => {
  const cost = Math.max(0, median(variant.times.map((t, i) => t - variants[0].times[i])));
  return `${cost.toFixed(1)} ms, ${((100 * cost) / total).toFixed(1)} %`;
};
const mapPaths = layoutSource(seed, { filename: 'seed.md' }).layout.pages[0].elements.filter((e) => e.kind === 'path');
const mapPoints = mapPaths.reduce((n, p) => n + p.rings.reduce((m, r) => m + r.length / 2, 0), 0);
const bytesWith = (await renderBrief(seed, { filename: 'seed.md' })).pdf.length;
const bytesWithout = (await renderBrief(seed, { filename: 'seed.md', map: false })).pdf.length;

// The 30-page report: warm cost per page against the seed's, and its peak memory in a process of its own.
const report = longReport(root);
const reportPages = (await renderBrief(report, { filename: 'report.md' })).pages;
// In turns with the seed (one report, then eight seeds, five rounds): the ratio is what the
// target reads, and measured minutes apart it moved with the host's load.
const [reportMs, seedInTurnsMs] = await timeInTurns(
  [
    [() => renderBrief(report, { filename: 'report.md' }), 1],
    [() => renderBrief(seed, { filename: 'seed.md' }), 8],
  ],
  5,
  1,
);
const reportPdf = join(out, 'report.pdf');
writeFileSync(reportPdf, (await renderBrief(report, { filename: 'report.md' })).pdf);
const reportGaps = wordGaps(reportPdf);
const seedPages = (await renderBrief(seed, { filename: 'seed.md' })).pages;
const reportRss = runMeasured(join(root, 'bench', 'report-rss.js'), []);

// Word gaps as a reader sees them: offprint's seed against pdfkit's own justification.
const seedPdf = join(out, 'offprint-seed.pdf');
writeFileSync(seedPdf, (await renderBrief(seed, { filename: 'seed.md' })).pdf);
const pdfkitPdf = join(out, 'pdfkit-seed.pdf');
writeFileSync(pdfkitPdf, await plainPdfkit(brief.meta.title, paragraphs, 2));
const ourGaps = wordGaps(seedPdf);
const theirGaps = wordGaps(pdfkitPdf);

// Who shapes a first brief's words: the fast shaper or fontkit (from empty caches; the other
// caches of the process stay warm, so this counts, it does not time).
useFastShaping(true);
shapingCounts.fast = shapingCounts.fontkit = 0;
await renderBrief(seed, { filename: 'seed.md' });
const seedShapings = { ...shapingCounts };
useFastShaping(true);
shapingCounts.fast = shapingCounts.fontkit = 0;
await renderBrief(report, { filename: 'report.md' });
const reportShapings = { ...shapingCounts };

// Whole processes: the cold start of the bundled command line, then the batch.
// The command as a user runs it (package.json's bin: from the start-up snapshot when there is
// one), the bundle started without the snapshot, and Typst's process, taking turns.
const coldCommands = [
  [launcher, 'build', seedPath, '-o', join(out, 'seed.pdf')],
  [process.execPath, cli, 'build', seedPath, '-o', join(out, 'seed-plain.pdf')],
  ...(typst.failed ? [] : [[process.execPath, join(root, 'bench', 'typst.js'), join(out, 'typst.pdf')]]),
];
const [coldMs, coldPlainMs, typstColdMs] = await coldStarts(coldCommands, COLD_RUNS);
const snapshotMade = existsSync(join(root, 'dist', 'bundle', 'cli.blob'));
const folder = briefFolder(root, BATCH);
const batch = await peer('batch', () => ({ one: batchRun(cli, folder, BATCH, ['--jobs', '1', '--force']), all: batchRun(cli, folder, BATCH, ['--jobs', String(cores), '--force']) }));
rmSync(folder, { recursive: true, force: true });

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`offprint bench — node ${process.version}, ${cores} × ${cpu}`);
console.log(`seed brief: ${words} words, ${seedPages} pages; warm figures are medians of ${RUNS} runs after ${WARMUP} warm-up runs`);
console.log('');
console.log('warm, in-process');
print('offprint, seed brief', ms(offprintMs), `${(offprintMs / seedPages).toFixed(1)} ms per page`);
print('  of which parse+model+typeset+layout', ms(layoutMs));
print('plain pdfkit, doc.text justify, one column', ms(pdfkitMs), 'same text and fonts, greedy lines');
print('plain pdfkit, doc.text justify, columns: 2', ms(pdfkitColumnsMs));
print('ratio offprint / pdfkit columns: 2', ratio(offprintMs, pdfkitColumnsMs), 'target ≤ 1.0');
print('ratio offprint / pdfkit one column', ratio(offprintMs, pdfkitMs));
if (typst.failed) print('Typst', typst.failed);
else {
  print('Typst (npm compiler), docs/compare/brief.typ', ms(typst.warm), 'same compiler, same source: its caches warm');
  print('ratio offprint / Typst, warm', ratio(offprintMs, typst.warm));
}
if (pdfmake.failed) print('pdfmake', pdfmake.failed);
else {
  print('pdfmake 0.3, snaking columns: 2, justify', ms(pdfmake.warm), 'median of 10');
  print('ratio offprint / pdfmake, warm', ratio(offprintMs, pdfmake.warm));
}
print(`${reportPages}-page report`, ms(reportMs), `${(reportMs / reportPages).toFixed(1)} ms per page, median of 5, in turns with the seed`);
print('  the seed, in the same turns', ms(seedInTurnsMs), `${(seedInTurnsMs / seedPages).toFixed(1)} ms per page, median of 40`);
print('report cost per page / seed cost per page', ratio(reportMs / reportPages, seedInTurnsMs / seedPages), 'target ≤ 1.0');
console.log(lines.splice(0).join('\n'));
console.log('');
console.log('whole processes');
print(`cold start: offprint build seed`, `${coldMs.toFixed(0)} ms`, `${snapshotMade ? 'from the start-up snapshot' : 'no start-up snapshot made'}, median of ${COLD_RUNS}`);
print(`  the bundle without the snapshot (node cli.js)`, `${coldPlainMs.toFixed(0)} ms`, `V8 code cache only`);
if (!typst.failed) {
  print('Typst as a whole process (node bench/typst.js)', `${typstColdMs.toFixed(0)} ms`, `median of ${COLD_RUNS}, runs taking turns`);
  print('ratio offprint / Typst, whole process', ratio(coldMs, typstColdMs), 'target ≤ 2.0');
}
print(`peak RSS, ${reportPages}-page report (own process)`, reportRss.status === 0 ? `${reportRss.rssMB.toFixed(0)} MB` : `failed: ${reportRss.stderr.split('\n')[0]}`);
if (batch.failed) print('batch', batch.failed);
else {
  print(`batch of ${BATCH} briefs, --jobs 1`, `${batch.one.perSecond.toFixed(1)} briefs/s`, `${(batch.one.ms / 1000).toFixed(1)} s, peak RSS ${batch.one.rssMB.toFixed(0)} MB`);
  print(`batch of ${BATCH} briefs, --jobs ${cores}`, `${batch.all.perSecond.toFixed(1)} briefs/s`, `${(batch.all.ms / 1000).toFixed(1)} s, peak RSS ${batch.all.rssMB.toFixed(0)} MB`);
  print(`batch speed-up, ${cores} jobs / 1`, `${(batch.all.perSecond / batch.one.perSecond).toFixed(2)}×`, 'target ≥ 1.7 on 2 cores, peak < 300 MB');
}
console.log(lines.splice(0).join('\n'));
console.log('');
console.log('inside a warm render');
print('seed without map / map cached / map new', `${withoutMapMs.toFixed(1)} / ${withMapMs.toFixed(1)} / ${freshMapMs.toFixed(1)} ms`, `map: ${mapPoints} points, ${mapPaths.length} paths`);
print("map's cost and share, map cached", share(variants[1], withMapMs));
print("map's cost and share, map new", share(variants[2], freshMapMs));
print("map's own PDF bytes (with − without map)", `${((bytesWith - bytesWithout) / 1024).toFixed(1)} KB`, `${(bytesWith / 1024).toFixed(0)} KB in all`);
print('Knuth–Plass share of the warm render', `${(breakerShare * 100).toFixed(1)} %`, `${breakerCalls.toFixed(0)} breaker calls per brief, incl. looseness trials`);
const fastShare = (counts) => `${((100 * counts.fast) / (counts.fast + counts.fontkit)).toFixed(1)} % of ${(counts.fast + counts.fontkit).toLocaleString('en')}`;
print('distinct shapings by the fast shaper: seed / report', `${fastShare(seedShapings)} / ${fastShare(reportShapings)}`, 'the rest by fontkit');
console.log(lines.splice(0).join('\n'));
console.log('');
console.log(`breaker on a ${bigWords.toLocaleString('en')}-word report (${bigParagraphs.length} paragraphs, 87.5 mm column, ${bigLines.toLocaleString('en')} lines)`);
print('items: shaping + hyphenation, first time', `${itemsMs.toFixed(0)} ms`);
print('Knuth–Plass breaking, median of 3', `${median(breakTimes).toFixed(0)} ms`);
console.log(lines.splice(0).join('\n'));
console.log('');
const gapLine = (g) => (g ? `median ${g.median.toFixed(2)}  p99 ${g.p99.toFixed(2)}  max ${g.max.toFixed(2)}  (${g.gaps} gaps)` : 'skipped: needs pdftotext (apt-get install poppler-utils)');
console.log('word gaps on justified lines, in word-box heights (pdftotext -bbox-layout)');
print('offprint, seed', gapLine(ourGaps));
print('plain pdfkit justify columns: 2, seed', gapLine(theirGaps));
print(`offprint, ${reportPages}-page report`, gapLine(reportGaps));
console.log(lines.splice(0).join('\n'));
rmSync(out, { recursive: true, force: true });
