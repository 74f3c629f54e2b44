/**
 * What the cover and the contents say about each brief: its kicker, headline, dek, byline and
 * date, its sections, and the pack pages they start on, with the destinations links lead to.
 */
import { headingsOf } from '../layout/headings.js';
import type { Layout } from '../layout/index.js';
import { SEPARATOR } from '../layout/furniture.js';
import { formatDate, joinNames } from '../layout/header.js';
import type { BriefMeta } from '../model/index.js';
import { hasRightToLeft } from '../typeset/index.js';

export interface PackEntry {
  meta: BriefMeta;
  /** Pack page of the brief's first page, and how many pages it has. */
  start: number;
  pages: number;
  /** Named destination of the brief's headline, on its first page. */
  destination: string;
  /** The brief's sections (its H2 headings), each with its pack page and destination. */
  sections: Array<{ title: string; page: number; destination: string }>;
}

/** Prefix of a brief's destination names in the pack: `b1:headline`, `b2:note-3`. */
export function briefNames(index: number): string {
  return `b${index + 1}:`;
}

export function packEntry(meta: BriefMeta, layout: Layout, index: number, start: number): PackEntry {
  const names = briefNames(index);
  const sections = headingsOf(layout)
    .filter((heading) => heading.level === 2)
    .map((heading) => ({ title: heading.title, page: start + heading.page - 1, destination: `${names}${heading.destination}` }));
  return { meta, start, pages: layout.pages.length, destination: `${names}headline`, sections };
}

/** "By Alice Taylor · 1 March 2019", or as much of it as the brief has. */
export function bylineOf(meta: BriefMeta): string {
  const names = meta.byline.length ? `By ${joinNames(meta.byline)}` : '';
  // After right-to-left names the date is isolated (FSI … PDI), as in the footer: else UAX #9
  // takes its day for an Arabic number of the names' run ("By 20 · ليلى حداد August 2026").
  const date = meta.date ? (hasRightToLeft(names) ? `\u2068${formatDate(meta.date)}\u2069` : formatDate(meta.date)) : '';
  return [names, date].filter(Boolean).join(SEPARATOR);
}
