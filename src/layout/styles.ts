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
export const H2: TextStyle = { font: 'sans-semibold', size: 10, leading: 12.5, color: INK };
export const H3: TextStyle = { font: 'sans-semibold', size: 9.5, leading: 12.5, color: INK };
export const H4: TextStyle = { font: 'serif-bold-italic', size: 9.5, leading: 12.5, color: INK };
export const PULLQUOTE: TextStyle = { font: 'serif-italic', size: 15, leading: 19, color: INK };
export const PULLQUOTE_CITE: TextStyle = { font: 'sans-semibold', size: 7.5, leading: 10, color: ACCENT };
export const SIDEBAR: TextStyle = { font: 'sans', size: 8, leading: 11, color: INK };
export const SIDEBAR_TITLE: TextStyle = { font: 'sans-semibold', size: 9, leading: 12.5, color: ACCENT, tracking: 50 };
export const SIDEBAR_NOTE: TextStyle = { font: 'sans', size: 7.5, leading: 10, color: MUTED };
export const SMALL: TextStyle = { font: 'sans', size: 7.5, leading: 10, color: INK };
export const CODE: TextStyle = { font: 'mono', size: 8, leading: 12.5, color: INK };
export const FOOTER: TextStyle = { font: 'sans', size: 7.5, leading: 10, color: MUTED };

/** Sidebar status colours: the same hue at clearly different lightness, so grey prints tell them apart. */
const STATUS_RAMP = ['#1d3f6e', '#4f79ad', '#9db7d8', '#6b6b6b', '#a3a3a3', '#cfcfcf'];
const KNOWN_STATUS: Record<string, number> = { banned: 0, restricted: 1, debated: 2 };

export function statusColor(status: string | undefined, index: number): string {
  if (status === undefined) return STATUS_RAMP[0]!;
  const known = KNOWN_STATUS[status.toLowerCase()];
  return STATUS_RAMP[known ?? Math.min(STATUS_RAMP.length - 1, index)]!;
}
