#!/usr/bin/env node
// offprint benchmark: measures, in one run, offprint's warm time per seed brief against plain
// pdfkit writing the same text with the same fonts, and prints what it measured.
// Run with `npm run bench` (it builds first). Numbers are medians; nothing here is asserted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { layoutSource, renderBrief } from '../dist/index.js';
import { bodyText } from '../dist/model/index.js';
import { fontBuffer } from '../dist/fonts/index.js';
import { breakerClock } from '../dist/typeset/knuth-plass.js';
import { paragraphItems, setLines } from '../dist/typeset/index.js';
import { wordGaps } from './gaps.js';
import { longReport } from './report.js';
import { writeFileSync } from 'node:fs';
import { forgetMaps } from '../dist/map/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const seedPath = join(root, 'content', 'huawei-5g-albania.md');
const seed = readFileSync(seedPath, 'utf8');
const WARMUP = 5;
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median milliseconds of `runs` calls after `warmup` unmeasured ones. */
async function timeIt(fn, runs = RUNS, warmup = WARMUP) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

/** The floor: pdfkit's own greedy, justified two-column text with the same embedded fonts. */
function plainPdfkit(title, paragraphs) {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', margin: 42.5, info: { CreationDate: new Date(0) } });
    const chunks = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.registerFont('serif', fontBuffer('serif'));
    doc.registerFont('serif-bold', fontBuffer('serif-bold'));
    doc.font('serif-bold').fontSize(26).text(title, { width: 510 });
    doc.moveDown();
    doc.font('serif').fontSize(9.5).text(paragraphs.join('\n'), { align: 'justify', columns: 2, columnGap: 14, lineGap: 2.5, height: 650 });
    doc.end();
  });
}

const { brief } = layoutSource(seed, { filename: 'seed.md' });
const paragraphs = bodyText(brief.body).split('\n\n');
const words = paragraphs.join(' ').split(/\s+/).length;

const offprintMs = await timeIt(() => renderBrief(seed, { filename: 'seed.md' }));
const pdfkitMs = await timeIt(() => plainPdfkit(brief.meta.title, paragraphs));
const layoutMs = await timeIt(() => layoutSource(seed, { filename: 'seed.md' }));

// The breaker's share of a warm render: time inside Knuth–Plass over the same runs.
breakerClock.on = true;
breakerClock.ms = 0;
const shareRuns = 20;
const shareStart = process.hrtime.bigint();
for (let i = 0; i < shareRuns; i++) await renderBrief(seed, { filename: 'seed.md' });
const shareTotal = Number(process.hrtime.bigint() - shareStart) / 1e6;
const breakerShare = breakerClock.ms / shareTotal;
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
const itemsMs = Number(process.hrtime.bigint() - start) / 1e6;
const breakTimes = [];
let bigLines = 0;
for (let run = 0; run < 3; run++) {
  start = process.hrtime.bigint();
  bigLines = 0;
  for (const items of bigItems) bigLines += setLines(items, 0, () => measure, 'justify').length;
  breakTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
}
// The map's share, on the real render path: the same brief rendered without its map, with it
// (as a warm process has it: the map and its compressed streams made once), and with it after
// the process forgot its maps (what a brief with a map not seen before pays). Alternating, so
// drift in the machine's speed falls on all three alike.
const variants = [
  { name: 'without', options: { map: false }, times: [] },
  { name: 'cached', options: {}, times: [] },
  { name: 'fresh', options: {}, times: [], before: forgetMaps },
];
for (let i = 0; i < WARMUP + RUNS; i++) {
  for (let k = 0; k < variants.length; k++) {
    const variant = variants[(i + k) % variants.length];
    variant.before?.();
    const start = process.hrtime.bigint();
    await renderBrief(seed, { filename: 'seed.md', ...variant.options });
    if (i >= WARMUP) variant.times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}
const [withoutMapMs, withMapMs, freshMapMs] = variants.map((v) => median(v.times));
// The map's cost is the median of each round's difference, which a busy machine disturbs less
// than a difference of medians; its share is of the render with the map.
const share = (variant, ms) => {
  const cost = median(variant.times.map((t, i) => t - variants[0].times[i]));
  return `${Math.max(0, cost).toFixed(1)} ms, ${((100 * Math.max(0, cost)) / ms).toFixed(1)} %`;
};
const mapPaths = layoutSource(seed, { filename: 'seed.md' }).layout.pages[0].elements.filter((e) => e.kind === 'path');
const mapPoints = mapPaths.reduce((n, p) => n + p.rings.reduce((m, r) => m + r.length / 2, 0), 0);
const bytesWith = (await renderBrief(seed, { filename: 'seed.md' })).pdf.length;
const bytesWithout = (await renderBrief(seed, { filename: 'seed.md', map: false })).pdf.length;

const out = mkdtempSync(join(tmpdir(), 'offprint-bench-'));

// A 30-page report: cost per page against the one-page-and-a-bit seed.
const report = longReport(root);
const reportPages = (await renderBrief(report, { filename: 'report.md' })).pages;
const reportMs = await timeIt(() => renderBrief(report, { filename: 'report.md' }), 5, 1);
const reportPdf = join(out, 'report.pdf');
writeFileSync(reportPdf, (await renderBrief(report, { filename: 'report.md' })).pdf);
const reportGaps = wordGaps(reportPdf);
const seedPages = (await renderBrief(seed, { filename: 'seed.md' })).pages;

// Word gaps as a reader sees them: offprint's seed against pdfkit's own justification.
const seedPdf = join(out, 'offprint-seed.pdf');
writeFileSync(seedPdf, (await renderBrief(seed, { filename: 'seed.md' })).pdf);
const pdfkitPdf = join(out, 'pdfkit-seed.pdf');
writeFileSync(pdfkitPdf, await plainPdfkit(brief.meta.title, paragraphs));
const ourGaps = wordGaps(seedPdf);
const theirGaps = wordGaps(pdfkitPdf);
const cold = [];
for (let i = 0; i < 5; i++) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'build', seedPath, '-o', join(out, 'seed.pdf')], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  cold.push(Number(process.hrtime.bigint() - start) / 1e6);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`offprint bench — node ${process.version}, ${cpus().length} × ${cpu}`);
console.log(`seed brief: ${words} words, ${RUNS} runs after ${WARMUP} warm-up runs, medians`);
console.log('');
console.log(`  offprint renderBrief (warm, in-process)     ${offprintMs.toFixed(1)} ms`);
console.log(`    of which parse+model+typeset+layout       ${layoutMs.toFixed(1)} ms`);
console.log(`  plain pdfkit, same text and fonts           ${pdfkitMs.toFixed(1)} ms   (doc.text, justify, columns: 2)`);
console.log(`  ratio offprint / plain pdfkit               ${(offprintMs / pdfkitMs).toFixed(2)}`);
console.log(`  seed without map / map cached / map new    ${withoutMapMs.toFixed(1)} / ${withMapMs.toFixed(1)} / ${freshMapMs.toFixed(1)} ms   (map: ${mapPoints} points, ${mapPaths.length} paths)`);
console.log(`  map's cost and share, map cached           ${share(variants[1], withMapMs)}`);
console.log(`  map's cost and share, map new              ${share(variants[2], freshMapMs)}`);
console.log(`  map's own PDF bytes (with − without map)    ${((bytesWith - bytesWithout) / 1024).toFixed(1)} KB   (${(bytesWith / 1024).toFixed(0)} KB in all)`);
console.log(`  cold start: offprint build seed (process)   ${median(cold).toFixed(0)} ms   (median of ${cold.length})`);
console.log(`  Knuth–Plass share of the warm render        ${(breakerShare * 100).toFixed(1)} %   (${breakerCalls.toFixed(0)} breaker calls per brief, incl. looseness trials)`);
console.log('');
console.log(`breaker on a ${bigWords.toLocaleString('en')}-word report (${bigParagraphs.length} paragraphs, 87.5 mm column, ${bigLines.toLocaleString('en')} lines)`);
console.log(`  items: shaping + hyphenation, first time    ${itemsMs.toFixed(0)} ms`);
console.log(`  Knuth–Plass breaking, median of 3           ${median(breakTimes).toFixed(0)} ms`);
console.log('');
const gapLine = (g) => (g ? `median ${g.median.toFixed(2)}  p99 ${g.p99.toFixed(2)}  max ${g.max.toFixed(2)}  (${g.gaps} gaps)` : 'skipped: needs pdftotext (apt-get install poppler-utils)');
console.log(`long report: ${reportPages} pages, warm median of 5`);
console.log(`  offprint renderBrief                        ${reportMs.toFixed(0)} ms   (${(reportMs / reportPages).toFixed(1)} ms per page; seed ${(offprintMs / seedPages).toFixed(1)} ms per page)`);
console.log('');
console.log('word gaps on justified lines, in word-box heights (pdftotext -bbox-layout)');
console.log(`  offprint, seed                              ${gapLine(ourGaps)}`);
console.log(`  plain pdfkit justify, seed                  ${gapLine(theirGaps)}`);
console.log(`  offprint, ${reportPages}-page report                   ${gapLine(reportGaps)}`);
console.log('');
console.log(`  peak RSS of this benchmark process          ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
