/**
 * Plain wire copy (`.txt`) to mdast. Wire copy is not Markdown: an asterisk or a `#` in it is
 * just a character, so the tree is built directly instead of through remark.
 *
 * Shape: optional header lines (`From: Name`, `By Name`), then the headline (the first other
 * non-empty line), then paragraphs separated by blank lines.
 */
import type { Heading, Paragraph, Root, Text } from 'mdast';

export interface WireCopy {
  tree: Root;
  /** The byline from a `From:` or `By` header line, with its line number. */
  byline?: { name: string; line: number };
}

const BYLINE_HEADER = /^\s*(?:From:\s*|By\s+)(\S.*?)\s*$/i;

export function parseWireCopy(source: string): WireCopy {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const tree: Root = { type: 'root', children: [] };
  let byline: WireCopy['byline'];
  let headlineSeen = false;
  let paragraph: { text: string[]; start: number; end: number } | undefined;

  const flush = () => {
    if (!paragraph) return;
    const value = paragraph.text.join(' ').replace(/\s+/g, ' ').trim();
    if (value) tree.children.push(block(value, paragraph.start, paragraph.end, headlineSeen));
    headlineSeen = true;
    paragraph = undefined;
  };

  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const line = raw.trim();
    if (!line) {
      flush();
      return;
    }
    const header = !headlineSeen && !paragraph ? BYLINE_HEADER.exec(line) : null;
    if (header && !byline) {
      byline = { name: header[1]!, line: lineNumber };
      return;
    }
    if (!headlineSeen && !paragraph) {
      // The headline is one line on its own, even without a blank line after it.
      paragraph = { text: [line], start: lineNumber, end: lineNumber };
      flush();
      return;
    }
    paragraph ??= { text: [], start: lineNumber, end: lineNumber };
    paragraph.text.push(line);
    paragraph.end = lineNumber;
  });
  flush();
  return byline ? { tree, byline } : { tree };
}

function block(value: string, start: number, end: number, isBody: boolean): Heading | Paragraph {
  const position = { start: { line: start, column: 1 }, end: { line: end, column: 1 } };
  const text: Text = { type: 'text', value, position };
  return isBody ? { type: 'paragraph', children: [text], position } : { type: 'heading', depth: 1, children: [text], position };
}
