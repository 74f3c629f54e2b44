/**
 * The CommonMark spec suite (the `commonmark-spec` package, 652 examples): each example, under a
 * headline, builds without error, and every word of its expected HTML's text is in the PDF read
 * back with pdfjs-dist. Raw HTML is never interpreted, so the two HTML sections only have to build.
 */
import { createRequire } from 'node:module';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { renderBrief } from '../src/index.js';

const require = createRequire(import.meta.url);
const spec = require('commonmark-spec') as { tests: Array<{ markdown: string; html: string; section: string; number: number }> };

const RAW_HTML = new Set(['HTML blocks', 'Raw HTML']);

/** The text a reader sees in the expected HTML: tags dropped, entities decoded. */
function htmlText(html: string): string {
  return html
    .replace(/<img[^>]*alt="([^"]*)"[^>]*>/g, ' $1 ')
    // Block tags part words; inline ones (links, emphasis, code) do not: <a>foo</a><a>baz</a> reads "foobaz".
    .replace(/<\/?(p|h[1-6]|li|ul|ol|pre|blockquote|hr|br|table|thead|tbody|tr|td|th|div)\b[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
      if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16) || 0xfffd);
      if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)) || 0xfffd);
      return ({ amp: '&', lt: '<', gt: '>', quot: '"' } as Record<string, string>)[body] ?? entity;
    });
}

const words = (text: string) => text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

async function pdfWords(pdf: Uint8Array): Promise<Set<string>> {
  const document = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const out: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    // Runs on one line join as they stand (a word may change style midway); lines end with \n.
    const text = content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join('');
    // A word broken at a line's end is joined again; each line's words count as they stand too.
    out.push(text.replace(/-\n/g, ''), text);
  }
  await document.destroy();
  return new Set(words(out.join(' ')));
}

describe('the CommonMark spec suite', () => {
  const sections = [...new Set(spec.tests.map((t) => t.section))];
  for (const section of sections) {
    it(`builds every example of "${section}" and keeps its text`, async () => {
      const problems: string[] = [];
      for (const example of spec.tests.filter((t) => t.section === section)) {
        const source = `# Example ${example.number}\n\n${example.markdown}`;
        let pdf: Uint8Array;
        let unprintable = '';
        try {
          const result = await renderBrief(source, { filename: `example-${example.number}.md`, map: false });
          pdf = result.pdf;
          // Characters no vendored font has are named in a warning: those may be missing, no others.
          unprintable = result.warnings.filter((w) => w.message.includes('no glyph')).map((w) => w.message).join(' ');
        } catch (error) {
          problems.push(`example ${example.number}: ${(error as Error).message}`);
          continue;
        }
        if (RAW_HTML.has(section)) continue;
        const have = await pdfWords(pdf);
        const lost = words(htmlText(example.html)).filter((word) => !have.has(word) && ![...word].some((ch) => unprintable.includes(`"${ch}"`) || unprintable.includes(`"${ch.toUpperCase()}"`)));
        if (lost.length) problems.push(`example ${example.number}: lost ${[...new Set(lost)].join(', ')}`);
      }
      expect(problems).toEqual([]);
    });
  }
});
