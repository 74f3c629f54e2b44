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
import { locatorMap } from '../dist/map/index.js';

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

async function timeIt(fn) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
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

// The map's share: building its panels (locatorMap, geometry cached per process after the
// first call for a frame) and drawing its path elements into a pdfkit page, against the brief.
const mapLayout = layoutSource(seed, { filename: 'seed.md' }).layout;
const mapPaths = mapLayout.pages[0].elements.filter((e) => e.kind === 'path');
const mapPoints = mapPaths.reduce((n, p) => n + p.rings.reduce((m, r) => m + r.length / 2, 0), 0);
const mapRequest = {
  focus: brief.meta.country,
  countries: brief.sidebar.groups.flatMap((g, i) => g.entries.map((e) => ({ country: e.country, group: i }))),
  width: 153.07,
  height: 102,
  worldHeight: 70,
};
const mapGeometryMs = await timeIt(() => locatorMap(mapRequest));
const mapDrawMs = await timeIt(() => new Promise((resolve) => {
  const doc = new PDFDocument({ size: 'A4', margin: 0, info: { CreationDate: new Date(0) } });
  doc.on('data', () => {});
  doc.on('end', resolve);
  for (const p of mapPaths) {
    doc.save();
    for (const ring of p.rings) { doc.moveTo(ring[0], ring[1]); for (let i = 2; i < ring.length; i += 2) doc.lineTo(ring[i], ring[i + 1]); doc.closePath(); }
    if (p.fill) doc.fill(p.fill, 'even-odd'); else doc.stroke(p.stroke);
    doc.restore();
  }
  doc.end();
}));
const mapMs = mapGeometryMs + mapDrawMs;

const out = mkdtempSync(join(tmpdir(), 'offprint-bench-'));
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
console.log(`  locator map: geometry ${mapGeometryMs.toFixed(1)} ms + drawing ${mapDrawMs.toFixed(1)} ms (${mapPoints} points, ${mapPaths.length} paths)`);
console.log(`  map share of the warm render (upper bound)  ${((100 * mapMs) / offprintMs).toFixed(0)} %`);
console.log(`  cold start: offprint build seed (process)   ${median(cold).toFixed(0)} ms   (median of ${cold.length})`);
console.log(`  peak RSS of this benchmark process          ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
