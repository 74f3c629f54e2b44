/**
 * The pack's own type, drawn from the brief's style sheet (src/layout/styles.ts): the same two
 * families, the accent for kickers and page numbers, and display sizes between the brief's
 * headline (26 pt) and its subheads.
 */
import { ACCENT, BODY, BYLINE, INK, MUTED, type TextStyle } from '../layout/styles.js';

/** The pack's title on the cover. */
export const COVER_TITLE: TextStyle = { font: 'serif-bold', size: 60, leading: 64, color: INK };
/** A brief's headline in the cover's list and in the contents. */
export const ENTRY_HEADLINE: TextStyle = { font: 'serif-semibold', size: 15, leading: 18, color: INK };
/** The page a brief starts on, beside its headline. */
export const ENTRY_PAGE: TextStyle = { font: 'serif-semibold', size: 15, leading: 18, color: ACCENT };
/** A brief's byline and date under its headline. */
export const ENTRY_BYLINE: TextStyle = { ...BYLINE, color: MUTED };
/** A brief's dek in the contents: the body's size, in italic. */
export const ENTRY_DEK: TextStyle = { font: 'serif-italic', size: 9.5, leading: 12.5, color: INK };
/** A section in the contents: body text, and its page number in small sans. */
export const SECTION: TextStyle = { ...BODY, color: INK };
export const SECTION_PAGE: TextStyle = { font: 'sans-semibold', size: 8, leading: 12.5, color: ACCENT };
/** Small print on the cover (the list's overflow note). */
export const NOTE: TextStyle = { font: 'sans', size: 8.5, leading: 12.5, color: MUTED };
