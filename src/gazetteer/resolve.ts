/**
 * Looking up a country name a writer typed in front matter. Unlike prose matching this is
 * forgiving — case, accents, dots, hyphens, apostrophes, "&", "St" and a leading "the" do not
 * matter — because the writer meant a country and a miss stops the build. Former names
 * (Persia, Burma, Zaire) and catalogue forms ("Korea, Republic of") are accepted too. ISO
 * codes are accepted only in capitals (`AL`, `ALB`), so a lower-case word is never read as one.
 */
import { countryTable } from './data.js';
import { localNames, lookupNames } from './names.js';
import type { Country } from './types.js';

let folded: Map<string, Country> | undefined;

/** The form names are compared in: lower case, no accents or dots, single spaces, "saint", "and", no leading "the". */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\./g, '')
    .replace(/&/g, ' and ')
    .replace(/[\s\u00a0-]+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/^st /, 'saint ')
    .replace(/ st /g, ' saint ');
}

/**
 * The country a writer named, in English or (when `lang` is given) in the brief's own language:
 * `country: Deutschland` in a German brief.
 */
export function resolveCountry(name: string, lang?: string): Country | undefined {
  const written = name.trim();
  if (/^[A-Z]{2,3}$/.test(written)) {
    const table = countryTable();
    const byCode = written.length === 2 ? table.byAlpha2.get(written) : table.byAlpha3.get(written);
    if (byCode) return byCode;
  }
  if (!folded) {
    folded = new Map();
    for (const [known, country] of lookupNames()) {
      const key = foldName(known);
      if (!folded.has(key)) folded.set(key, country);
    }
  }
  const key = foldName(written);
  if (!key) return undefined;
  return folded.get(key) ?? localFolded(lang).get(key);
}

const foldedLocal = new Map<string, Map<string, Country>>();

function localFolded(lang: string | undefined): ReadonlyMap<string, Country> {
  const key = lang ?? 'en';
  let map = foldedLocal.get(key);
  if (!map) {
    map = new Map();
    for (const [known, country] of localNames(lang)) if (!map.has(foldName(known))) map.set(foldName(known), country);
    foldedLocal.set(key, map);
  }
  return map;
}
