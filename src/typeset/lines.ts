/**
 * Chosen breaks to set lines. Each line is measured again from the glyphs that will be drawn
 * (a word broken by a hyphen is shaped with its hyphen), and its spaces are set so the line
 * fills its measure exactly: what layout places is what render draws.
 */
import { textWidth } from '../fonts/index.js';
import { visualOrder } from './bidi.js';
import { runWidth, shapeRun } from './measure.js';
import { leftHang, rightHang } from './protrusion.js';
import type { Break } from './knuth-plass.js';
import { INFINITE_PENALTY, LETTER_SHRINK_EM, LETTER_STRETCH_EM, MAX_EXPANSION, SPACE_SHRINK_EM, SPACE_STRETCH_EM, type Alignment, type Item, type LinePiece, type RunStyle, type SetLine } from './types.js';


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

/** Past this adjustment ratio (the breaker's last tolerance) a justified line is left short… */
const RAGGED_ABOVE = 3;
/** …with its spaces and glyphs at this ratio. */
const RAGGED_RATIO = 1;

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

  // Hanging punctuation, as the breaker assumed: the first and last marks may stand partly in
  // the margins, so the line is set that much wider and starts that much further left.
  // In a bidirectional paragraph only a run at level 0 stands at the left or right end of the
  // line; a right-to-left paragraph hangs nothing.
  const first = merged[0];
  const lastPiece = merged[merged.length - 1];
  const paragraphLevel = merged.find((piece) => piece.style.paragraphLevel !== undefined)?.style.paragraphLevel;
  const hangs = align !== 'center' && paragraphLevel !== 1;
  const hangLeft = hangs && indent === 0 && first && !first.style.level ? leftHang(first.text, first.style) : 0;
  const hangRight = hangs && lastPiece && !lastPiece.style.level ? rightHang(lastPiece.text, lastPiece.style) : 0;
  const target = measure + hangLeft + hangRight;

  let natural = indent;
  let expandable = 0;
  /** Sum over pieces of glyph count × size: what letter-spacing multiplies. */
  let letterEms = 0;
  const glyphCounts: number[] = [];
  let spaceStretch = 0;
  let spaceShrink = 0;
  const spaceNaturals: number[] = [];
  const letterWidths: number[] = [];
  for (const piece of merged) {
    const space = textWidth(piece.style.font, ' ', piece.style.size);
    spaceNaturals.push(space);
    const spaces = countSpaces(piece.text);
    const width = chunksWidth(piece);
    letterWidths.push(width);
    const glyphs = glyphCount(piece);
    glyphCounts.push(glyphs);
    if (piece.style.font !== 'mono') {
      expandable += width;
      letterEms += glyphs * piece.style.size;
    }
    natural += width + spaces * space;
    spaceStretch += spaces * piece.style.size * SPACE_STRETCH_EM;
    spaceShrink += spaces * piece.style.size * SPACE_SHRINK_EM;
  }

  // Justification: the same ratio for glyph expansion and spaces, as the breaker assumed;
  // expansion stops at its limit and any slack left goes to the spaces.
  let ratio = 0;
  let scale = 1;
  let spaceRatio = 0;
  let letterSpacingEm = 0;
  const slack = target - natural;
  // A line ended by a hard break is set like a paragraph's last line: flush left, spaces natural.
  const breakItem = items[end];
  const forced = breakItem?.type === 'penalty' && breakItem.penalty <= -INFINITE_PENALTY;
  if (align === 'justify' && ((!last && !forced) || slack < 0)) {
    const stretch = spaceStretch + expandable * MAX_EXPANSION + letterEms * LETTER_STRETCH_EM;
    const shrink = spaceShrink + expandable * MAX_EXPANSION + letterEms * LETTER_SHRINK_EM;
    if (slack > 0 && stretch > 0) ratio = slack / stretch;
    else if (slack < 0 && shrink > 0) ratio = Math.max(-1, slack / shrink);
    const limited = Math.max(-1, Math.min(1, ratio));
    const expansion = limited * MAX_EXPANSION;
    scale = 1 + expansion;
    letterSpacingEm = limited * (limited >= 0 ? LETTER_STRETCH_EM : LETTER_SHRINK_EM);
    // A line the breaker could only set past its last tolerance (a long unbreakable word in a
    // narrow list item or cell) would show holes between its words: it is set as a loose
    // ragged line instead, falling short of the measure.
    const remaining = (ratio > RAGGED_ABOVE ? stretch * RAGGED_RATIO : slack) - expandable * expansion - letterEms * letterSpacingEm;
    const elastic = remaining >= 0 ? spaceStretch : spaceShrink;
    spaceRatio = elastic > 0 ? remaining / elastic : 0;
    if (remaining < 0) spaceRatio = Math.max(-1, spaceRatio);
  }

  const pieces: LinePiece[] = [];
  let x = indent - hangLeft;
  merged.forEach((piece, i) => {
    const space = spaceNaturals[i]!;
    const spaceWidth = space + spaceRatio * piece.style.size * (spaceRatio >= 0 ? SPACE_STRETCH_EM : SPACE_SHRINK_EM);
    const mono = piece.style.font === 'mono';
    const pieceScale = mono ? 1 : scale;
    const letterSpacing = mono ? 0 : letterSpacingEm * piece.style.size;
    const width = letterWidths[i]! * pieceScale + glyphCounts[i]! * letterSpacing + countSpaces(piece.text) * spaceWidth;
    pieces.push({ text: piece.text, style: piece.style, x, width, spaceWidth, scale: pieceScale, letterSpacing });
    x += width;
  });
  if (paragraphLevel !== undefined) return placeVisually(pieces, { measure, indent, hangLeft, align, rtl: paragraphLevel === 1 }, { measure, ratio, hyphenated, startItem: start, breakItem: end, last });
  const width = x;
  if (align === 'center') {
    const shift = Math.max(0, (measure - width) / 2);
    for (const piece of pieces) piece.x += shift;
  }
  return { pieces, measure, width, ratio, hyphenated, startItem: start, breakItem: end, last };
}

/**
 * Rule L2 for a line of a bidirectional paragraph: the pieces (runs of one level) stay in logical
 * order, so text, links and tags read as written, but take their x in visual order. A
 * right-to-left paragraph's line is flush with the measure's right edge, its indent on the right.
 */
function placeVisually(pieces: LinePiece[], place: { measure: number; indent: number; hangLeft: number; align: Alignment; rtl: boolean }, line: Omit<SetLine, 'pieces' | 'width'>): SetLine {
  let x = place.rtl ? 0 : place.indent - place.hangLeft;
  for (const index of visualOrder(pieces.map((piece) => piece.style.level ?? 0))) {
    const piece = pieces[index]!;
    piece.x = x;
    x += piece.width;
  }
  if (!place.rtl) {
    if (place.align === 'center') {
      const shift = Math.max(0, (place.measure - x) / 2);
      for (const piece of pieces) piece.x += shift;
    }
    return { pieces, width: x, ...line };
  }
  const shift = place.align === 'center' ? Math.max(0, (place.measure - x) / 2) : place.measure - place.indent - x;
  for (const piece of pieces) piece.x += shift;
  return { pieces, width: x + place.indent, ...line, rtl: true };
}

function countSpaces(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) count++;
  return count;
}

/** Glyphs drawn for a piece's text, spaces left out: each gets the line's letter-spacing. */
function glyphCount(piece: Token): number {
  let count = 0;
  for (const chunk of piece.text.split(' ')) {
    if (chunk) count += shapeRun(piece.style, chunk).glyphs.length;
  }
  return count;
}

/** Width of a piece's text without its spaces: each space-separated chunk shaped on its own. */
function chunksWidth(piece: Token): number {
  let width = 0;
  for (const chunk of piece.text.split(' ')) {
    if (chunk) width += runWidth(piece.style, chunk);
  }
  return width;
}
