/**
 * The country sidebar: the front matter's list (in its order, grouped by status) or, when
 * there is none, the countries the body names. Names resolve through the gazetteer so the
 * sidebar prints canonical names whatever alias the writer used.
 */
import type { Diagnostics } from '../diagnostics.js';
import { countryOfDateline, resolveCountry, type Country, type CountryTally } from '../gazetteer/index.js';
import type { FrontMatter } from '../parse/index.js';
import type { Sidebar, SidebarGroup } from './types.js';
import { normalizeSpace, smartenText } from './typography.js';

const DEFAULT_TITLE_LISTED = 'Countries in this brief';
const DEFAULT_TITLE_FOUND = 'Countries mentioned';

/** The countries the body names, most named first (tallyCountries), worked out when first asked for. */
export type BodyCountries = () => readonly Readonly<CountryTally>[];

/** `typed`, when given, gets each listed country's name as the writer typed it (by alpha-2). */
export function readSidebar(frontMatter: FrontMatter, bodyCountries: BodyCountries, diagnostics: Diagnostics, lang?: string, typed?: Map<string, string>): Sidebar | undefined {
  const raw = frontMatter.data.sidebar;
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    throw diagnostics.error('front matter "sidebar" must have `title:` and `countries:` keys', frontMatter.lineOf('sidebar'));
  }
  const settings = (raw ?? {}) as Record<string, unknown>;
  const title = settings.title === undefined ? undefined : smartenText(normalizeSpace(String(settings.title)).trim(), '');
  if (settings.countries === undefined || settings.countries === null) {
    const found = bodyCountries().map((tally) => ({ country: tally.country }));
    if (found.length === 0) return undefined;
    return { title: title || DEFAULT_TITLE_FOUND, groups: [{ entries: found }], from: 'body' };
  }
  if (!Array.isArray(settings.countries)) {
    throw diagnostics.error('front matter "sidebar.countries" must be a list of `- name: …` entries', frontMatter.lineOf('sidebar.countries'));
  }
  const groups: SidebarGroup[] = [];
  const seen = new Set<string>();
  settings.countries.forEach((item: unknown, index: number) => {
    const path = `sidebar.countries.${index}`;
    const line = frontMatter.lineOf(`${path}.name`) || frontMatter.lineOf(path);
    const entry = typeof item === 'string' ? { name: item } : (item as Record<string, unknown> | null);
    if (!entry || typeof entry !== 'object' || typeof entry.name !== 'string') {
      throw diagnostics.error('each sidebar country needs a `name:`', frontMatter.lineOf(path));
    }
    const country: Country | undefined = resolveCountry(entry.name, lang);
    if (!country) {
      throw diagnostics.error(`sidebar country "${entry.name}" is not a country offprint knows; check the spelling or use its ISO code`, line);
    }
    if (seen.has(country.alpha2)) {
      diagnostics.warn(`sidebar lists ${country.name} twice; the second entry is ignored`, line);
      return;
    }
    seen.add(country.alpha2);
    typed?.set(country.alpha2, entry.name);
    const status = entry.status === undefined || entry.status === null ? undefined : normalizeSpace(String(entry.status)).trim() || undefined;
    let group = groups.find((g) => g.status === status);
    if (!group) {
      group = status ? { status, entries: [] } : { entries: [] };
      groups.push(group);
    }
    const note = entry.note === undefined || entry.note === null ? undefined : smartenText(normalizeSpace(String(entry.note)).trim(), '');
    group.entries.push(note ? { country, note } : { country });
  });
  if (groups.length === 0) return undefined;
  return { title: title || DEFAULT_TITLE_LISTED, groups, from: 'front-matter' };
}

/**
 * The focus country: `country:` in the front matter; else the country the dateline is in
 * (ZAGREB: Croatia) when the body names it at all, since a story filed from a capital is about
 * its country more often than about the neighbours it mentions more; else the one the body
 * names most (demonyms included).
 */
export function readFocusCountry(frontMatter: FrontMatter, bodyCountries: BodyCountries, diagnostics: Diagnostics, lang?: string, dateline?: string): Country | undefined {
  const value = frontMatter.data.country;
  if (value !== undefined && value !== null) {
    const country = resolveCountry(String(value), lang);
    if (!country) throw diagnostics.error(`"country: ${String(value)}" is not a country offprint knows; check the spelling or use its ISO code`, frontMatter.lineOf('country'));
    return country;
  }
  // Demonyms count towards the focus ("Albanian officials" is about Albania), though alone they list nothing.
  const tallies = bodyCountries();
  const filedFrom = dateline ? countryOfDateline(dateline, lang) : undefined;
  if (filedFrom && tallies.some((tally) => tally.country === filedFrom)) return filedFrom;
  const best = [...tallies].sort((a, b) => b.mentions + b.demonyms - (a.mentions + a.demonyms) || a.firstIndex - b.firstIndex)[0];
  return best?.country;
}
