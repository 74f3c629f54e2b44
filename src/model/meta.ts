/**
 * Front matter and fallbacks to the brief's metadata: headline, dek, byline, date, and the
 * rest of BRIEF-FORMAT.md's table. A value of the wrong type is an error on its own line.
 */
import type { Heading, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Diagnostics } from '../diagnostics.js';
import type { FrontMatter } from '../parse/index.js';
import type { BriefMeta, Paper } from './types.js';
import { htmlText } from './inlines.js';
import { normalizeSpace, smartenText } from './typography.js';
import { isPaper } from './paper.js';

export interface MetaResult {
  meta: Omit<BriefMeta, 'country'>;
  /** Nodes of the tree that became metadata and must not be printed again in the body. */
  consumed: Set<Root['children'][number]>;
  pullquotes: 'auto' | 'none' | number;
}

const KNOWN_KEYS = new Set([
  'title', 'dek', 'byline', 'author', 'date', 'dateline', 'kicker', 'lang', 'country', 'sidebar', 'pullquotes', 'paper',
]);

const BYLINE_PARAGRAPH = /^\s*(?:By\s+|From:\s*)(\S.{0,118}?)\s*$/;

export function readMeta(
  tree: Root,
  frontMatter: FrontMatter,
  diagnostics: Diagnostics,
  wireByline: { name: string; line: number } | undefined,
): MetaResult {
  const data = frontMatter.data;
  const consumed = new Set<Root['children'][number]>();
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) diagnostics.warn(`unknown front matter key "${key}" is ignored`, frontMatter.lineOf(key));
  }
  const text = (key: string): string | undefined => {
    const value = data[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' || typeof value === 'number') return smartenText(normalizeSpace(String(value)).trim(), '');
    throw diagnostics.error(`front matter "${key}" must be text`, frontMatter.lineOf(key));
  };

  let title = text('title');
  const body = tree.children.filter((node) => node.type !== 'yaml');
  if (!title) {
    const h1 = body.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
    if (h1) {
      // Raw HTML in a headline is dropped like anywhere else; its text stays.
      title = smartenText(normalizeSpace(htmlText(toString(h1))).trim(), '');
      if (h1.children.some((child) => child.type === 'html')) diagnostics.warn('raw HTML in the headline is not interpreted: its tags were dropped', h1.position?.start.line ?? 1);
      consumed.add(h1);
    }
  }
  if (!title) {
    throw diagnostics.error('the brief has no headline: add `title:` to the front matter or a first line `# Headline`', 1, 1);
  }

  let byline = names(data.byline ?? data.author, data.byline !== undefined ? 'byline' : 'author', frontMatter, diagnostics);
  if (byline.length === 0 && wireByline) byline = [wireByline.name];
  if (byline.length === 0) {
    const first = body.find((node) => !consumed.has(node));
    if (first && first.type === 'paragraph') {
      const match = BYLINE_PARAGRAPH.exec(toString(first as Paragraph));
      if (match) {
        byline = [smartenText(match[1]!, '')];
        consumed.add(first);
      }
    }
  }

  const meta: Omit<BriefMeta, 'country'> = {
    title,
    byline,
    kicker: text('kicker') ?? 'Briefing',
    lang: readLang(text('lang'), frontMatter, diagnostics),
  };
  const dek = text('dek');
  if (dek) meta.dek = dek;
  const date = readDate(data.date, frontMatter, diagnostics);
  if (date) meta.date = date;
  const dateline = text('dateline');
  if (dateline) meta.dateline = dateline;
  const paper = text('paper');
  if (paper) meta.paper = readPaper(paper, frontMatter.lineOf('paper'), diagnostics);
  return { meta, consumed, pullquotes: readPullquotes(data.pullquotes, frontMatter, diagnostics) };
}

function names(value: unknown, key: string, frontMatter: FrontMatter, diagnostics: Diagnostics): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item, index) => {
    if (typeof item !== 'string' || !item.trim()) {
      throw diagnostics.error(`front matter "${key}" must be a name or a list of names`, frontMatter.lineOf(Array.isArray(value) ? `${key}.${index}` : key));
    }
    return smartenText(normalizeSpace(item).trim(), '');
  });
}

function readDate(value: unknown, frontMatter: FrontMatter, diagnostics: Diagnostics): string | undefined {
  if (value === undefined || value === null) return undefined;
  // YAML reads an unquoted 2024-05-01 as a date: accept both forms.
  const iso = value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : String(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const valid = match && !Number.isNaN(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) && +match[2]! >= 1 && +match[2]! <= 12 && +match[3]! >= 1 && +match[3]! <= 31;
  if (!valid) throw diagnostics.error(`front matter "date" must be a date written YYYY-MM-DD, not "${iso}"`, frontMatter.lineOf('date'));
  return iso;
}

function readLang(value: string | undefined, frontMatter: FrontMatter, diagnostics: Diagnostics): string {
  if (!value) return 'en';
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(value)) {
    throw diagnostics.error(`front matter "lang" must be a language tag such as en, en-GB or de, not "${value}"`, frontMatter.lineOf('lang'));
  }
  return value;
}

export function readPaper(value: string, line: number, diagnostics: Diagnostics): Paper {
  const paper = value.toLowerCase();
  if (isPaper(paper)) return paper;
  throw diagnostics.error(`paper must be "a4" or "letter", not "${value}"`, line);
}

function readPullquotes(value: unknown, frontMatter: FrontMatter, diagnostics: Diagnostics): 'auto' | 'none' | number {
  if (value === undefined || value === null || value === 'auto') return 'auto';
  if (value === 'none' || value === false) return 'none';
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw diagnostics.error('front matter "pullquotes" must be auto, none or a number', frontMatter.lineOf('pullquotes'));
}
