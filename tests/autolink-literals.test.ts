/**
 * Parsing without GFM's autolink-literal extension when a brief cannot hold a literal
 * (parse/autolink-literals.ts) must make the tree remark-gfm makes, positions included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { sourceMayHoldLiterals, treeMayHoldLiterals } from '../src/parse/autolink-literals.js';
import { parseMarkdown, parseMarkdownWithLiterals } from '../src/parse/markdown.js';

const require = createRequire(import.meta.url);
const spec = (require('commonmark-spec') as { tests: Array<{ markdown: string; number: number }> }).tests;
const content = new URL('../content/', import.meta.url);
const briefs = readdirSync(content).filter((f) => f.endsWith('.md')).map((f) => readFileSync(new URL(f, content), 'utf8'));

/** Addresses in and out of running text, and ways to hide or split them. */
const CASES = [
  'see www.example.com today',
  'mail me@example.org now',
  'HTTPS://EXAMPLE.ORG in capitals',
  '[a](https://example.org and the link never closes',
  'x ](https://example.org is text',
  '[text](https://www.example.org) only in a destination',
  '<https://example.org> a CommonMark autolink',
  '[x][r]\n\n[r]: https://www.example.org',
  '[a](<https://example.org/a b>)',
  '![www.example.org](a.png)',
  'a `https://example.org` b',
  '```\nwww.example.org\n```',
  '*www*.example.org',
  'www\\.example.org',
  'www&#46;example.org',
  '| a | b |\n|---|---|\n| https://example.org | c |',
  'A note.[^1]\n\n[^1]: See https://example.org.',
  '> quoted www.example.org',
  '- item me@example.org',
];

describe('parsing without autolink literals', () => {
  it.each([...CASES.map((c) => [c, c]), ...briefs.map((b, i) => [`content brief ${i + 1}`, b])])('makes the same tree: %s', (_, source) => {
    expect(parseMarkdown(source)).toStrictEqual(parseMarkdownWithLiterals(source));
  });

  it('makes the same tree for every CommonMark spec example', () => {
    const differing = spec.filter((t) => JSON.stringify(parseMarkdown(t.markdown)) !== JSON.stringify(parseMarkdownWithLiterals(t.markdown)));
    expect(differing.map((t) => t.number)).toEqual([]);
  });

  it('is taken by briefs whose addresses are all in links, and not by others', () => {
    expect(briefs.every((b) => !sourceMayHoldLiterals(b))).toBe(true);
    expect(sourceMayHoldLiterals('see www.example.com')).toBe(true);
    expect(sourceMayHoldLiterals('[text](https://www.example.org)')).toBe(false);
    // What the source check lets through, the tree check catches: the literal is found.
    expect(sourceMayHoldLiterals('x ](https://example.org is text')).toBe(false);
    expect(JSON.stringify(parseMarkdown('x ](https://example.org is text'))).toContain('"type":"link"');
    const text = (value: string) => ({ type: 'root' as const, children: [{ type: 'paragraph' as const, children: [{ type: 'text' as const, value }] }] });
    expect(treeMayHoldLiterals(text('x ](https://example.org is text'))).toBe(true);
    expect(treeMayHoldLiterals(text('no address here'))).toBe(false);
    expect(treeMayHoldLiterals(parseMarkdownWithLiterals('<https://example.org>'))).toBe(false);
  });
});
