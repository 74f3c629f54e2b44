/**
 * Briefing packs: several briefs set into one PDF. Each brief is laid out as on its own; the
 * pack adds a cover and contents, starts each brief on a right-hand page (a blank left-hand
 * page before it when needed), gives the briefs' footers the pack's page numbers, and renders
 * it all as one tagged document: each brief an `Art` under the `Document`, its bookmarks one
 * entry with its sections under it, its destination names its own.
 */
import type { Warning } from '../diagnostics.js';
import { layoutSource, type LaidOutBrief } from '../index.js';
import { renumberFooters } from '../layout/furniture.js';
import { pageGeometry } from '../layout/geometry.js';
import { joinNames } from '../layout/header.js';
import type { Layout, Page } from '../layout/index.js';
import type { Paper } from '../model/index.js';
import { renderDocument, type DocumentPart } from '../render/index.js';
import { version } from '../version.js';
import { layoutContents } from './contents.js';
import { layoutCover } from './cover.js';
import { packDate } from './date.js';
import { briefNames, packEntry, type PackEntry } from './entries.js';
import { planPack, type PackPlan } from './plan.js';

export interface PackBrief {
  source: string;
  /** Name used in messages; `.txt` selects wire copy. */
  filename: string;
  /** Folder the brief's images may be read from. */
  contentDir?: string;
}

export interface PackOptions {
  /** Default "Briefing pack". */
  title?: string;
  /** `YYYY-MM-DD`; default the newest brief's date, else SOURCE_DATE_EPOCH. */
  date?: string;
  /** Paper for every page; default the first brief's own paper, else A4. */
  paper?: Paper;
  pdfa?: boolean;
}

export interface PackResult {
  pdf: Uint8Array;
  pages: number;
  /** Page each brief starts on. */
  starts: number[];
  warnings: Warning[];
}

export const DEFAULT_TITLE = 'Briefing pack';

export async function renderPack(briefs: readonly PackBrief[], options: PackOptions = {}): Promise<PackResult> {
  if (briefs.length === 0) throw new Error('a briefing pack needs at least one brief');
  const laid: LaidOutBrief[] = [];
  // One paper for the whole pack: the one asked for, else the first brief's.
  let paper = options.paper;
  for (const brief of briefs) {
    const one = layoutSource(brief.source, { filename: brief.filename, ...(brief.contentDir ? { contentDir: brief.contentDir } : {}), ...(paper ? { paper } : {}) });
    paper ??= one.layout.paper;
    laid.push(one);
  }
  const title = options.title?.trim() || DEFAULT_TITLE;
  const date = packDate(options.date, laid.map(({ brief }) => brief.meta.date));
  const metas = laid.map(({ brief }) => brief.meta);
  const briefPages = laid.map(({ layout }) => layout.pages.length);

  // The contents' length depends on the page numbers it prints (a longer number may wrap a
  // section title), and the page numbers on the contents' length: settle both together.
  let contentsPages = 1;
  let plan: PackPlan;
  let entries: PackEntry[];
  let contents: Layout;
  for (let round = 0; ; round++) {
    plan = planPack(contentsPages, briefPages);
    const starts = plan.starts;
    entries = laid.map(({ brief, layout }, i) => packEntry(brief.meta, layout, i, starts[i]!));
    contents = layoutContents({ title, date, firstPage: plan.contents, total: plan.total }, entries, paper!);
    if (contents.pages.length === contentsPages) break;
    if (round === 3) throw new Error('the contents did not settle on a page count');
    contentsPages = contents.pages.length;
  }

  const cover = layoutCover({ title, date, pages: plan.total, contentsPage: plan.contents }, entries, paper!);
  const geometry = pageGeometry(paper!);
  const parts: DocumentPart[] = [
    { layout: cover, lang: 'en' },
    { layout: withBlankPages(contents, plan.blanksAfterContents), lang: 'en' },
    ...laid.map(({ brief, layout }, i): DocumentPart => ({
      layout: withBlankPages({ ...layout, pages: renumberFooters(layout.pages, brief.meta, geometry, plan.starts[i]!, plan.total), structure: { ...layout.structure, type: 'Art' } }, plan.blanksAfter[i]!),
      names: briefNames(i),
      lang: brief.meta.lang,
    })),
  ];
  // The document's language is the first brief's; a part in another says so itself.
  const lang = metas[0]!.lang;
  for (const part of parts) if (part.lang === lang) delete part.lang;

  const plain = (text: string) => text.replace(/\u00A0/g, ' ');
  const authors = [...new Set(metas.flatMap((meta) => meta.byline.map(plain)))];
  const countries = [...new Set(laid.flatMap(({ brief }) => brief.sidebar?.groups.flatMap((group) => group.entries.map((entry) => entry.country.name)) ?? []))];
  const pdf = await renderDocument(parts, {
    title,
    ...(authors.length ? { author: joinNames(authors) } : {}),
    subject: `${metas.length} ${metas.length === 1 ? 'brief' : 'briefs'}: ${metas.map((meta) => plain(meta.title)).join('; ')}`,
    ...(countries.length ? { keywords: countries.join(', ') } : {}),
    lang,
    ...(date ? { date } : {}),
    creator: `offprint ${version()}`,
  }, { pdfa: options.pdfa === true });
  return { pdf, pages: plan.total, starts: plan.starts, warnings: laid.flatMap(({ warnings }) => warnings) };
}

/** The layout with blank pages after it: no running head, no folio, as in print. */
function withBlankPages(layout: Layout, blanks: number): Layout {
  if (blanks === 0) return layout;
  const pages: Page[] = [...layout.pages];
  for (let i = 0; i < blanks; i++) pages.push({ number: pages.length + 1, elements: [], columns: [] });
  return { ...layout, pages };
}
