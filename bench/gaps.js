// Word gaps on justified lines, read from a PDF by poppler's `pdftotext -bbox-layout` (the way
// a reviewer measures them): lines of three or more words in the body size, gaps in units of
// the words' box height. Optional: returns undefined when poppler-utils is not installed.
import { spawnSync } from 'node:child_process';

export function wordGaps(pdfPath) {
  const result = spawnSync('pdftotext', ['-bbox-layout', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.error || result.status !== 0) return undefined;
  const lines = [];
  for (const line of result.stdout.split(/<line[^>]*>/).slice(1)) {
    const words = [...line.split('</line>')[0].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)].map((m) => ({ x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4] }));
    if (words.length) lines.push(words);
  }
  const heights = new Map();
  for (const line of lines) for (const w of line) {
    const h = Math.round((w.y1 - w.y0) * 10) / 10;
    heights.set(h, (heights.get(h) ?? 0) + 1);
  }
  const body = [...heights].sort((a, b) => b[1] - a[1])[0]?.[0];
  const gaps = [];
  for (const line of lines) {
    if (line.length < 3 || Math.abs(line[0].y1 - line[0].y0 - body) > 0.3) continue;
    for (let i = 1; i < line.length; i++) gaps.push((line[i].x0 - line[i - 1].x1) / body);
  }
  gaps.sort((a, b) => a - b);
  const q = (f) => gaps[Math.min(gaps.length - 1, Math.floor(f * gaps.length))];
  if (!gaps.length) return undefined;
  return { gaps: gaps.length, median: q(0.5), p99: q(0.99), max: gaps[gaps.length - 1] };
}
