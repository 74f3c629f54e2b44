/**
 * The two name tables: names matched in running text, and the wider set looked up from front
 * matter. Each maps a name, as written, to its country; when two countries share a name the
 * first source wins: the curated aliases, then printed names, then the packages' names.
 */
import { ALIASES } from './aliases.js';
import { countryTable, isPlainName } from './data.js';
import type { Country } from './types.js';

let prose: Map<string, Country> | undefined;
let lookup: Map<string, Country> | undefined;

/** Names to find in prose: current names only, each in its accented and accent-free spelling. */
export function proseNames(): ReadonlyMap<string, Country> {
  if (!prose) {
    prose = new Map();
    const table = countryTable();
    for (const [alpha2, names] of Object.entries(ALIASES)) addAll(prose, names, table.byAlpha2.get(alpha2));
    for (const country of table.countries) {
      addAll(prose, [country.name], country);
      // Abbreviations from the packages (USA, UAE) are already curated; others stay out of prose.
      const names = table.packageNames.get(country.alpha2) ?? [];
      addAll(prose, names.filter((n) => isPlainName(n) && n !== n.toUpperCase()), country);
    }
  }
  return prose;
}

/** Names to look up: the prose names plus former names (Persia, Zaire) and catalogue forms ("Korea, Republic of"). */
export function lookupNames(): ReadonlyMap<string, Country> {
  if (!lookup) {
    lookup = new Map(proseNames());
    const table = countryTable();
    for (const country of table.countries) {
      addAll(lookup, table.packageNames.get(country.alpha2) ?? [], country);
      addAll(lookup, table.formerNames.get(country.alpha2) ?? [], country);
    }
  }
  return lookup;
}

function addAll(map: Map<string, Country>, names: readonly string[], country: Country | undefined): void {
  if (!country) return;
  for (const name of names) {
    for (const spelling of spellings(name)) if (!map.has(spelling)) map.set(spelling, country);
  }
}

/** A name as written, without accents, and with either apostrophe: writers use all of them. */
function spellings(name: string): string[] {
  const plain = name.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  const forms = [name, plain].flatMap((n) => [n, n.replace(/’/g, "'"), n.replace(/'/g, '’')]);
  return [...new Set(forms)];
}
