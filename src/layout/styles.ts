/**
 * The style sheet: type sizes, faces and colours from DESIGN.md, in one place.
 */
import type { FontId } from '../fonts/index.js';

export const INK = '#1a1a1a';
export const ACCENT = '#1d3f6e';
export const MUTED = '#5a5a5a';
export const HAIRLINE = '#8c8c8c';
/** The accent at about 6% on white: the sidebar's tint. */
export const TINT = '#f0f3f7';

export interface TextStyle {
  font: FontId;
  size: number;
  leading: number;
  color: string;
  features?: string[];
  /** Set words of three or more capitals (NATO, CFO) in small caps, where the face has them. */
  smallCapAcronyms?: boolean;
  /** Letter-spacing in thousandths of an em. */
  tracking?: number;
}

/** Running text: the face's text (old-style, proportional) figures and acronyms in small caps. */
export const BODY: TextStyle = { font: 'serif', size: 9.5, leading: 12.5, color: INK, features: ['onum', 'pnum'], smallCapAcronyms: true };
export const KICKER: TextStyle = { font: 'sans-semibold', size: 8.5, leading: 12.5, color: ACCENT, tracking: 80 };
export const HEADLINE: TextStyle = { font: 'serif-bold', size: 26, leading: 29, color: INK };
export const DEK: TextStyle = { font: 'serif-italic', size: 13, leading: 17, color: INK };
export const BYLINE: TextStyle = { font: 'sans', size: 8.5, leading: 12.5, color: INK };
/**
 * Subheads at the text size in the text face, told apart by weight and case (H2 in letter-spaced
 * small caps): they share the body's baseline and line metrics, so a subhead in one column sits
 * level with a text line in the other, and the page keeps one colour.
 */
export const H2: TextStyle = { font: 'serif-semibold', size: 9.5, leading: 12.5, color: INK, features: ['c2sc', 'smcp'], tracking: 60 };
export const H3: TextStyle = { font: 'serif-semibold', size: 9.5, leading: 12.5, color: INK };
/** Headings of the notes band (Notes, Links): small sans capitals, like the band's own type. */
export const BAND_HEADING: TextStyle = { font: 'sans-semibold', size: 8, leading: 12.5, color: INK, features: ['c2sc', 'smcp'], tracking: 60 };
export const H4: TextStyle = { font: 'serif-bold-italic', size: 9.5, leading: 12.5, color: INK };
export const PULLQUOTE: TextStyle = { font: 'serif-italic', size: 15, leading: 19, color: INK };
export const PULLQUOTE_CITE: TextStyle = { font: 'sans-semibold', size: 7.5, leading: 10, color: ACCENT };
// The rail is tighter than DESIGN.md's 8/11: on page 1 it holds the map, the facts and a
// dozen-country list in the height of the body columns.
export const SIDEBAR: TextStyle = { font: 'sans', size: 8, leading: 10, color: INK };
export const SIDEBAR_TITLE: TextStyle = { font: 'sans-semibold', size: 8.5, leading: 11, color: ACCENT, tracking: 50 };
export const SIDEBAR_NOTE: TextStyle = { font: 'sans', size: 7.5, leading: 9, color: MUTED };
export const SMALL: TextStyle = { font: 'sans', size: 7.5, leading: 10, color: INK };
/** Notes: three lines to two of the body's, so a column of notes keeps every other line in register with the text beside it. */
export const NOTE: TextStyle = { font: 'sans', size: 7, leading: 25 / 3, color: INK };
export const CODE: TextStyle = { font: 'mono', size: 8, leading: 12.5, color: INK };
export const FOOTER: TextStyle = { font: 'sans', size: 7.5, leading: 10, color: MUTED };

/**
 * Sidebar and map status colours: one hue (the accent's) at lightness steps at least 10 L*
 * apart (L* 27, 38, 50, 60, 74), so a grey print still tells them apart. Known statuses keep
 * their step (banned darkest); other statuses take the free steps in list order; a list
 * without statuses takes the middle step, which stands clear of both the focus and the land.
 * More than five statuses share steps: the list names each status in words all the same.
 */
const STATUS_RAMP = ['#1d3f6e', '#4f79ad', '#9db7d8', '#2a5a94', '#6f93c2'];
const KNOWN_STATUS: Record<string, number> = { banned: 0, restricted: 1, debated: 2 };
const NO_STATUS = '#6f93c2';

/** The colour of each sidebar group, given the groups' statuses in list order. */
export function groupColors(statuses: ReadonlyArray<string | undefined>): string[] {
  const taken = new Set(statuses.map((s) => (s === undefined ? undefined : KNOWN_STATUS[s.toLowerCase()])).filter((i): i is number => i !== undefined));
  const free = STATUS_RAMP.map((_, i) => i).filter((i) => !taken.has(i));
  let next = 0;
  return statuses.map((status) => {
    if (status === undefined) return NO_STATUS;
    const known = KNOWN_STATUS[status.toLowerCase()];
    if (known !== undefined) return STATUS_RAMP[known]!;
    const step = free.length ? free[next++ % free.length]! : next++ % STATUS_RAMP.length;
    return STATUS_RAMP[step]!;
  });
}

/** The map's other fills: the focus country darkest, other land light grey, sea white. */
export const MAP_FOCUS = INK;
export const MAP_LAND = '#e3e3e3';
export const MAP_SEA = '#ffffff';
export const MAP_BORDER = '#ffffff';
