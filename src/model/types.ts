/**
 * The Brief: the article as a publication sees it. Plain data, made by the model stage from
 * the syntax tree and read by the layout stage; nothing here knows about fonts or pages.
 */
import type { Country } from '../gazetteer/index.js';

export type Paper = 'a4' | 'letter';

export interface InlineStyle {
  italic?: boolean;
  bold?: boolean;
  code?: boolean;
  strike?: boolean;
  superscript?: boolean;
  /** Link target (http, https or mailto only). */
  link?: string;
  /** A footnote reference: the note's number, linked to the note and back. */
  footnote?: number;
  /** The number of a link in the list of links printed at the end. */
  linkNumber?: number;
}

/** A run of text in one style. `\n` inside `text` is a hard line break. */
export interface Inline {
  text: string;
  style: InlineStyle;
}

interface Located {
  /** Source line, for messages. */
  line: number;
}

export interface ParagraphBlock extends Located {
  kind: 'paragraph';
  inlines: Inline[];
}

export interface HeadingBlock extends Located {
  kind: 'heading';
  /** 2 to 6: the headline is the only level 1. */
  depth: number;
  inlines: Inline[];
}

export interface ListItem {
  /** `true`/`false` for task list items. */
  checked?: boolean;
  blocks: Block[];
}

export interface ListBlock extends Located {
  kind: 'list';
  ordered: boolean;
  start: number;
  items: ListItem[];
}

export interface QuoteBlock extends Located {
  kind: 'quote';
  blocks: Block[];
}

export interface CodeBlock extends Located {
  kind: 'code';
  text: string;
}

export type CellAlign = 'left' | 'right' | 'center';

export interface TableBlock extends Located {
  kind: 'table';
  align: CellAlign[];
  /** The first row is the header. */
  rows: Inline[][][];
}

export interface RuleBlock extends Located {
  kind: 'rule';
}

export interface ImageBlock extends Located {
  kind: 'image';
  /** A readable PNG or JPEG inside the content folder (its absolute path), or a cleaned SVG drawing. */
  source: { kind: 'raster'; path: string; pixelWidth: number; pixelHeight: number } | { kind: 'svg'; svg: string; sized: boolean };
  caption: string;
  /** What the picture shows, for readers who cannot see it (the alt text; else the caption). */
  alt: string;
  /** The picture's own size in points: a raster's pixels at 300 dpi, an SVG's declared size. */
  width: number;
  height: number;
  /** Across both columns (`:::figure{wide}`), in one column (`{column}`), or as its shape asks. */
  placement: 'auto' | 'wide' | 'column';
}

export interface PullQuoteBlock extends Located {
  kind: 'pullquote';
  text: string;
  cite?: string;
  /** Picked from the body by `pullquotes: auto` (or a number), not written by the writer. */
  automatic?: boolean;
  /** Opening and closing marks for the display, when not “ ” (« », „ “, » «): those the text used. */
  marks?: [string, string];
}

export interface Note {
  number: number;
  blocks: Block[];
  /** Defined but never referenced (printed at the end): its number links back to nothing. */
  unreferenced?: true;
}

export interface NotesBlock extends Located {
  kind: 'notes';
  notes: Note[];
}

/** The web addresses the brief links to, numbered, for readers of the printed page. */
export interface LinksBlock extends Located {
  kind: 'links';
  links: Array<{ number: number; url: string }>;
}

export type Block =
  | ParagraphBlock
  | HeadingBlock
  | ListBlock
  | QuoteBlock
  | CodeBlock
  | TableBlock
  | RuleBlock
  | ImageBlock
  | PullQuoteBlock
  | NotesBlock
  | LinksBlock;

export interface SidebarEntry {
  country: Country;
  note?: string;
}

export interface SidebarGroup {
  /** Free text from the front matter; undefined when no status was given. */
  status?: string;
  entries: SidebarEntry[];
}

export interface Sidebar {
  title: string;
  groups: SidebarGroup[];
  /** Whether the list came from the front matter or was found in the body. */
  from: 'front-matter' | 'body';
}

export interface GlanceFact {
  label: string;
  value: string;
}

/** Facts about the focus country, from the data packages, for the sidebar's at-a-glance box. */
export interface Glance {
  country: Country;
  title: string;
  facts: GlanceFact[];
  /** The small print naming the data's source. */
  source: string;
}

export interface BriefMeta {
  title: string;
  dek?: string;
  byline: string[];
  /** `YYYY-MM-DD`. */
  date?: string;
  dateline?: string;
  kicker: string;
  lang: string;
  paper?: Paper;
  /** The focus country: from `country:` or the one the body mentions most. */
  country?: Country;
}

export interface Brief {
  meta: BriefMeta;
  body: Block[];
  sidebar?: Sidebar;
  glance?: Glance;
  /**
   * The image addresses the body asks for, as written (shown or not): a build cache resolves
   * them again, as `resolveImage` does, to tell whether the PDF is still up to date.
   */
  images: string[];
}
