/**
 * The hostile inputs issue 5 names: deep nesting, invisible and control characters, text the
 * fonts cannot show, and a source too long to be a brief. Each builds or stops with a clear,
 * placed message; none crashes or overflows.
 */
import { describe, expect, it } from 'vitest';
import { BriefError, layoutSource } from '../src/index.js';
import { MAX_WORDS } from '../src/limits.js';
import { lineText, outsideFrame, overlappingText, textElements } from './helpers/layout-checks.js';

const allText = (layout: ReturnType<typeof layoutSource>['layout']) => textElements(layout).map(lineText).join(' ');

describe('hostile input', () => {
  /** Every one of `words` is set, nothing leaves the frame and no text overlaps. */
  function expectAllSetInFrame(source: string, filename: string, words: string[]): void {
    const { layout } = layoutSource(source, { filename });
    expect(outsideFrame(layout)).toEqual([]);
    expect(overlappingText(layout)).toEqual([]);
    const text = allText(layout);
    for (const word of words) expect(text).toContain(word);
  }

  it('sets 60 levels of nested lists, every level, inside the frame', () => {
    let source = '# Deep lists\n\n';
    for (let i = 0; i < 60; i++) source += `${'  '.repeat(i)}- level${i} item\n`;
    expectAllSetInFrame(source, 'lists.md', Array.from({ length: 60 }, (_, i) => `level${i}`));
  });

  it('sets 80 nested block quotes, every level, inside the frame', () => {
    const source = `# Deep quotes\n\n${Array.from({ length: 80 }, (_, i) => `${'>'.repeat(i + 1)} depth${i} words`).join('\n')}\n`;
    expectAllSetInFrame(source, 'quotes.md', Array.from({ length: 80 }, (_, i) => `depth${i}`));
  });

  it('removes invisible and control characters, naming them and pointing at the first', () => {
    const source = '# Controls\n\nPlain words, then zero\u200Bwidth and a bell\u0007 here.\n';
    const { layout, warnings } = layoutSource(source, { filename: 'c.md' });
    const warning = warnings.find((w) => w.message.includes('invisible or control'));
    expect(warning).toMatchObject({ line: 3, column: source.split('\n')[2]!.indexOf('\u200B') + 1 });
    expect(warning!.message).toContain('U+200B');
    expect(warning!.message).toContain('U+0007');
    expect(allText(layout)).toContain('zerowidth');
    expect(allText(layout)).not.toMatch(/[\u200B\u0007]/);
  });

  it('lists characters no font has, with the line and column of the first', () => {
    const source = '# Glyphs\n\nA thumb 👍 and a hanzi 中 here.\n';
    const { warnings } = layoutSource(source, { filename: 'g.md' });
    const warning = warnings.find((w) => w.message.includes('no glyph'));
    expect(warning).toMatchObject({ line: 3, column: 9 });
    expect(warning!.message).toContain('U+1F44D');
    expect(warning!.message).toContain('U+4E2D');
  });

  it('stops a source longer than a brief can be at once, naming the line where the limit is passed', () => {
    const line = `${'word '.repeat(1000)}\n\n`;
    const source = `# Too long\n\n${line.repeat(MAX_WORDS / 1000 + 1)}`;
    let error: unknown;
    try {
      layoutSource(source, { filename: 'long.md' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BriefError);
    const { line: at, message } = error as BriefError;
    // Line 1 holds three words ('#', 'Too', 'long'); paragraph k (1,000 words) is on line
    // 3 + 2(k − 1), so word MAX_WORDS + 1 is in paragraph MAX_WORDS / 1000.
    expect(at).toBe(3 + 2 * (MAX_WORDS / 1000 - 1));
    expect(message).toMatch(/split the text into several briefs/);
  });

  it('builds a brief whose whole body is one pull-quote (found by the property test)', () => {
    const { layout } = layoutSource('---\ntitle: "policy"\n---\n\n:::pullquote{cite="Someone"}\npolicy\n:::\n', { filename: 'quote.md' });
    expect(layout.pages.length).toBe(1);
    expect(allText(layout)).toContain('policy');
  });
});
