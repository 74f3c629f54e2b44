/**
 * Chosen breaks to set lines. Each line is measured again from the glyphs that will be drawn
 * (a word broken by a hyphen is shaped with its hyphen), and its spaces are set so the line
 * fills its measure exactly: what layout places is what render draws.
 */
import { textWidth } from '../fonts/index.js';
import type { Break } from './knuth-plass.js';
import { SPACE_SHRINK_EM, SPACE_STRETCH_EM, type Alignment, type Item, type LinePiece, type RunStyle, type SetLine } from './types.js';


export function buildLines(items: readonly Item[], breaks: readonly Break[], from: number, measureOf: (line: number) => number, align: Alignment): SetLine[] {
  const lines: SetLine[] = [];
  let start = from;
  breaks.forEach((brk, index) => {
    while (start < brk.position && items[start]!.type !== 'box') start++;
    const end = brk.position;
    const breakItem = items[end]!;
    const hyphen = breakItem.type === 'penalty' && breakItem.hyphen ? breakItem.hyphen : undefined;
    const last = index === breaks.length - 1;
    lines.push(setLine(items, start, end, hyphen, measureOf(index), align, last, brk.flagged && !!hyphen));
    start = end + 1;
  });
  return lines;
}

interface Token {
  text: string;
  style: RunStyle;
}

function setLine(items: readonly Item[], start: number, end: number, hyphen: RunStyle | undefined, measure: number, align: Alignment, last: boolean, hyphenated: boolean): SetLine {
  let indent = 0;
  const tokens: Token[] = [];
  for (let i = start; i < end; i++) {
    const item = items[i]!;
    if (item.type === 'box') {
      if (item.text === '' && tokens.length === 0) indent += item.width;
      else tokens.push({ text: item.text, style: item.style });
    } else if (item.type === 'glue' && tokens.length > 0) {
      tokens.push({ text: ' ', style: item.style });
    }
  }
  while (tokens.length && tokens[tokens.length - 1]!.text === ' ') tokens.pop();
  if (hyphen) tokens.push({ text: '-', style: hyphen });

  // Merge same-styled neighbours into pieces, as render draws them.
  const merged: Token[] = [];
  for (const token of tokens) {
    const previous = merged[merged.length - 1];
    if (previous && previous.style === token.style) previous.text += token.text;
    else merged.push({ ...token });
  }

  let natural = indent;
  let stretch = 0;
  let shrink = 0;
  const spaceNaturals: number[] = [];
  for (const piece of merged) {
    const space = textWidth(piece.style.font, ' ', piece.style.size);
    spaceNaturals.push(space);
    const spaces = countSpaces(piece.text);
    natural += chunksWidth(piece) + spaces * space;
    stretch += spaces * piece.style.size * SPACE_STRETCH_EM;
    shrink += spaces * piece.style.size * SPACE_SHRINK_EM;
  }

  let ratio = 0;
  if (align === 'justify') {
    if (!last || natural > measure) {
      if (natural < measure) ratio = stretch > 0 ? (measure - natural) / stretch : 0;
      else if (natural > measure) ratio = shrink > 0 ? Math.max(-1, (measure - natural) / shrink) : 0;
    }
  }

  const pieces: LinePiece[] = [];
  let x = indent;
  merged.forEach((piece, i) => {
    const space = spaceNaturals[i]!;
    const spaceWidth = space + ratio * piece.style.size * (ratio >= 0 ? SPACE_STRETCH_EM : SPACE_SHRINK_EM);
    const width = chunksWidth(piece) + countSpaces(piece.text) * spaceWidth;
    pieces.push({ text: piece.text, style: piece.style, x, width, spaceWidth });
    x += width;
  });
  const width = x;
  if (align === 'center') {
    const shift = Math.max(0, (measure - width) / 2);
    for (const piece of pieces) piece.x += shift;
  }
  return { pieces, measure, width, ratio, hyphenated, startItem: start, breakItem: end, last };
}

function countSpaces(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) count++;
  return count;
}

/** Width of a piece's text without its spaces: each space-separated chunk shaped on its own. */
function chunksWidth(piece: Token): number {
  let width = 0;
  for (const chunk of piece.text.split(' ')) {
    if (chunk) width += textWidth(piece.style.font, chunk, piece.style.size, piece.style.features);
  }
  return width;
}
