// A long report for the benchmark, assembled from the content briefs' own text (their bodies
// repeated under part headings, pull-quote directives and footnotes left out), so it reads like
// a real document and needs no fixture file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const BRIEFS = ['huawei-5g-albania.md', 'baltic-seabed-cables.md', 'spectrum-auction-results.md'];

export function longReport(root, parts = 20) {
  const bodies = BRIEFS.map((name) =>
    readFileSync(join(root, 'content', name), 'utf8')
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .replace(/^:::[\s\S]*?^:::\s*$/gm, '')
      .replace(/^\[\^[^\]]+\]:.*$/gm, '')
      .replace(/\[\^[^\]]+\]/g, '')
      .replace(/^## /gm, '### '),
  );
  let source = '---\ntitle: "A Long Report Assembled from the Sample Briefs"\nbyline: offprint bench\ndate: 2026-11-25\nlang: en\n---\n\n';
  for (let i = 0; i < parts; i++) source += `## Part ${i + 1}\n\n${bodies[i % bodies.length]}\n\n`;
  return source;
}
