/**
 * Countries with two names in current use, where the page should print the one the writer
 * chose: an article that says Türkiye or Timor-Leste throughout should not get a sidebar that
 * says Turkey or East Timor. Only these pairs follow the writer; abbreviations and informal
 * names (UK, Britain, Holland, America) keep the printed name.
 */
import type { Country, CountryMention } from '../gazetteer/index.js';

const CURRENT_NAMES: Readonly<Record<string, readonly string[]>> = {
  TR: ['Turkey', 'Türkiye'],
  TL: ['East Timor', 'Timor-Leste'],
  CZ: ['Czechia', 'Czech Republic'],
  CI: ['Côte d’Ivoire', 'Ivory Coast'],
  CV: ['Cabo Verde', 'Cape Verde'],
  MM: ['Myanmar', 'Burma'],
};

/** A name as compared: accents, apostrophes and spacing as the writer's keyboard left them. */
function plain(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’']/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The current name `written` stands for, in its printed spelling, or undefined. */
function currentName(alpha2: string, written: string): string | undefined {
  return CURRENT_NAMES[alpha2]?.find((name) => plain(name) === plain(written));
}

/**
 * The name to print for each country whose writer chose one of its two current names: the one
 * typed in the front matter's sidebar list, else the one the body uses most.
 */
export function writersNames(mentions: readonly CountryMention[], typed: ReadonlyMap<string, string>): Map<string, string> {
  const names = new Map<string, string>();
  const counts = new Map<string, Map<string, number>>();
  for (const mention of mentions) {
    const name = currentName(mention.country.alpha2, mention.text);
    if (!name) continue;
    const byName = counts.get(mention.country.alpha2) ?? new Map<string, number>();
    byName.set(name, (byName.get(name) ?? 0) + 1);
    counts.set(mention.country.alpha2, byName);
  }
  for (const [alpha2, byName] of counts) names.set(alpha2, [...byName].sort((a, b) => b[1] - a[1])[0]![0]);
  for (const [alpha2, written] of typed) {
    const name = currentName(alpha2, written);
    if (name) names.set(alpha2, name);
  }
  return names;
}

/** The country under the name the writer chose (a copy), or the country itself. */
export function asWritten(country: Country, names: ReadonlyMap<string, string>): Country {
  const name = names.get(country.alpha2);
  return name && name !== country.name ? { ...country, name } : country;
}
