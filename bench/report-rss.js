// Peak memory of one 30-page report, in a process of its own (run through bench/rss.js): what a
// user's `offprint build` of such a report needs, without the benchmark's own heap.
import { fileURLToPath } from 'node:url';
import { renderBrief } from '../dist/index.js';
import { longReport } from './report.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { pages } = await renderBrief(longReport(root), { filename: 'report.md' });
process.stdout.write(`${pages}\n`);
