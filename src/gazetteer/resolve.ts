/**
 * Looking up a name a writer typed (front matter): forgiving about case, accents, a leading
 * "the" and dots, and accepting ISO codes written in capitals.
 */
import { countryTable } from './data.js';
import type { Country } from './types.js';

let folded: Map<string, Country> | undefined;

/** Lower case, no accents, no dots, straight apostrophes, single spaces, no leading "the". */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘]/g, "'")
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^the /, '');
}

export function resolveCountry(name: string): Country | undefined {
  const table = countryTable();
  const trimmed = name.trim();
  if (/^[A-Z]{2}$/.test(trimmed) || /^[A-Z]{3}$/.test(trimmed)) {
    const byCode = table.byCode.get(trimmed) ?? table.countries.find((c) => c.alpha3 === trimmed);
    if (byCode) return byCode;
  }
  if (!folded) {
    folded = new Map();
    for (const [written, country] of table.names) {
      const key = foldName(written);
      if (!folded.has(key)) folded.set(key, country);
    }
  }
  return folded.get(foldName(trimmed));
}
