/**
 * Property-based tests (fast-check): random documents assembled from every Markdown construct
 * offprint prints never throw, keep every word of the body, and keep every box inside the page
 * frame without overlapping text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutSource } from '../src/index.js';
import { bodyText } from '../src/model/index.js';
import { outsideFrame, overlappingText, placedWords, words } from './helpers/layout-checks.js';

const vocabulary = [
  'policy', 'network', 'the', 'of', 'and', 'minister', 'agreement', 'Albania', 'Poland', 'Czechia',
  'telecommunications', 'counterintelligence', 'interoperability', 'NATO', 'EU', '5G', '2024',
  '1,000', '€3.5bn', 'well-known', 'state—owned', 'and/or', 'co-operation', 'naïve', 'Gdańsk',
  'Donaudampfschifffahrtsgesellschaft', 'x', 'a', 'I',
];

const word = fc.constantFrom(...vocabulary);
const plainWords = fc.array(word, { minLength: 1, maxLength: 14 }).map((ws) => ws.join(' '));
const inline = fc.oneof(
  { weight: 6, arbitrary: plainWords },
  { weight: 1, arbitrary: plainWords.map((t) => `*${t}*`) },
  { weight: 1, arbitrary: plainWords.map((t) => `**${t}**`) },
  { weight: 1, arbitrary: word.map((t) => `\`${t}\``) },
  { weight: 1, arbitrary: plainWords.map((t) => `[${t}](https://example.org/${encodeURIComponent(t.slice(0, 12))})`) },
  { weight: 1, arbitrary: plainWords.map((t) => `~~${t}~~`) },
);
const paragraph = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => `${parts.join(' ')}.`);

const block = fc.oneof(
  { weight: 8, arbitrary: paragraph },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 2, max: 6 }), plainWords).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`) },
  { weight: 2, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 4 }).map((items) => items.map((t) => `- ${t}`).join('\n')) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 20 }), fc.array(paragraph, { minLength: 1, maxLength: 3 })).map(([start, items]) => items.map((t, i) => `${start + i}. ${t}`).join('\n')) },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.boolean(), paragraph), { minLength: 1, maxLength: 3 }).map((items) => items.map(([done, t]) => `- [${done ? 'x' : ' '}] ${t}`).join('\n')) },
  { weight: 1, arbitrary: fc.tuple(paragraph, paragraph).map(([a, b]) => `- ${a}\n  - ${b}\n    - ${a}`) },
  { weight: 1, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 2 }).map((ps) => ps.map((p) => `> ${p}`).join('\n>\n')) },
  { weight: 1, arbitrary: plainWords.map((t) => `> > ${t}`) },
  { weight: 1, arbitrary: plainWords.map((t) => `\`\`\`\n${t}\n\n  ${t} ${t} ${t}\n\`\`\``) },
  { weight: 1, arbitrary: fc.array(fc.tuple(word, word, word), { minLength: 1, maxLength: 6 }).map((rows) => `| Name | Value | Note |\n|---|---:|:---:|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`) },
  { weight: 1, arbitrary: fc.constant('***') },
  { weight: 1, arbitrary: plainWords.map((t) => `:::pullquote{cite="Someone"}\n${t}\n:::`) },
  { weight: 1, arbitrary: plainWords.map((t) => `A claim with a note[^n${t.length}].\n\n[^n${t.length}]: ${t}.`) },
  { weight: 1, arbitrary: plainWords.map((t) => `Line one ${t}\\\nline two ${t}`) },
);

const documents = fc.tuple(plainWords, fc.array(block, { minLength: 1, maxLength: 30 }), fc.constantFrom('a4', 'letter')).map(([title, blocks, paper]) => ({
  source: `---\ntitle: "${title}"\n---\n\n${blocks.join('\n\n')}\n`,
  paper: paper as 'a4' | 'letter',
}));

const ROLES = ['body', 'heading', 'list', 'quote', 'code', 'note', 'table', 'caption', 'pullquote', 'pullquote-cite'];

describe('random documents built from every construct', () => {
  it('never throw, keep every word, and stay inside the frame without overlapping text', () => {
    fc.assert(
      fc.property(documents, ({ source, paper }) => {
        const { brief, layout } = layoutSource(source, { filename: 'random.md', paper, map: false });
        const placedList = placedWords(layout, ROLES);
        const placed = new Set(placedList);
        // A word too long for the column is cut without a hyphen (code, addresses): its letters
        // still stand together in the text read across line ends.
        const joined = placedList.join('');
        const lost = words(bodyText(brief.body)).filter((w) => !placed.has(w) && !joined.includes(w));
        expect(lost).toEqual([]);
        expect(outsideFrame(layout)).toEqual([]);
        expect(overlappingText(layout)).toEqual([]);
      }),
      { numRuns: Number(process.env.RUNS ?? 40), seed: Number(process.env.SEED ?? 20261125) },
    );
  });
});
