/**
 * The two name tables: names matched in running text, and the wider set looked up from front
 * matter. Each maps a name, as written, to its country; when two countries share a name the
 * first source wins: the curated aliases, then printed names, then the packages' names.
 */
import { ALIASES } from './aliases.js';
import { countryTable, isPlainName } from './data.js';
import { countryNamesIn } from './sources.js';
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

const local = new Map<string, ReadonlyMap<string, Country>>();

/**
 * Short forms the package lacks, as the press of each language writes them (the package has
 * only "États-Unis d'Amérique", "Stati Uniti d'America", "República de Corea").
 */
const LOCAL_ALIASES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  fr: { US: ['États-Unis'], GB: ['Grande-Bretagne'], CI: ['Côte d’Ivoire'], CZ: ['Tchéquie'] },
  it: { US: ['Stati Uniti'] },
  es: { KR: ['Corea del Sur'], KP: ['Corea del Norte'], CZ: ['Chequia'] },
};

function withLocalAliases(named: Readonly<Record<string, readonly string[]>>, aliases: Readonly<Record<string, readonly string[]>> | undefined): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const [alpha2, extra] of Object.entries(aliases ?? {})) out[alpha2] = [...(named[alpha2] ?? []), ...extra];
  return out;
}

/**
 * Names in the brief's language (its primary subtag), for a brief not in English: a French
 * brief says Allemagne and États-Unis, a German one Deutschland and Schweiz. Plain names only,
 * with the same spellings; an English name never gives way to a local one. Empty for English
 * and for languages the package has no names in.
 */
export function localNames(lang: string | undefined): ReadonlyMap<string, Country> {
  const language = (lang ?? 'en').split('-')[0]!.toLowerCase();
  let map = local.get(language);
  if (!map) {
    const built = new Map<string, Country>();
    const table = countryTable();
    const named = countryNamesIn(language);
    for (const [alpha2, names] of Object.entries(named ? { ...named, ...withLocalAliases(named, LOCAL_ALIASES[language]) } : {})) {
      // Abbreviations (USA, VAE) and catalogue forms stay out, as in English prose.
      addAll(built, names.filter((n) => isPlainName(n) && n !== n.toUpperCase()), table.byAlpha2.get(alpha2));
    }
    map = built;
    local.set(language, map);
  }
  return map;
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
