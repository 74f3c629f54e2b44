import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveCountry, type Country } from '../src/gazetteer/index.js';
import { layoutSource, renderBrief } from '../src/index.js';
import type { PathElement } from '../src/layout/index.js';
import { groupColors, MAP_FOCUS, MAP_LAND } from '../src/layout/styles.js';
import { locatorMap } from '../src/map/index.js';
import { buildGlance } from '../src/model/glance.js';

const country = (name: string): Country => {
  const found = resolveCountry(name);
  if (!found) throw new Error(name);
  return found;
};
const seedList = ['Australia', 'UK', 'Canada', 'Czechia', 'France', 'Germany', 'India', 'Italy', 'Japan', 'New Zealand', 'Poland'];
const request = (focus: string, names: string[]) => ({ focus: country(focus), countries: names.map((n) => ({ country: country(n), group: 0 })), width: 150, height: 100, worldHeight: 68 });

/** Every point of every shape and marker lies inside its panel. */
function insidePanel(panel: { width: number; height: number; shapes: Array<{ rings: number[][] }>; markers: Array<{ x: number; y: number }> }): boolean {
  const points = panel.shapes.flatMap((s) => s.rings.flat());
  const xsOk = points.every((v, i) => (i % 2 === 0 ? v >= -0.05 && v <= panel.width + 0.05 : v >= -0.05 && v <= panel.height + 0.05));
  return xsOk && panel.markers.every((m) => m.x >= 0 && m.x <= panel.width && m.y >= 0 && m.y <= panel.height);
}

describe('locator map geometry', () => {
  it('turns the world panel so its edge does not cut a listed country in two (a map on Chile naming China)', () => {
    const map = locatorMap({ focus: country('Chile'), countries: [{ country: country('Argentina'), group: 0 }, { country: country('China'), group: 1 }], width: 150, height: 100, worldHeight: 68 })!;
    const world = map.panels.find((panel) => panel.kind === 'world')!;
    const china = world.shapes.find((shape) => shape.countries.includes('CN'))!;
    expect(china.countries).toEqual(['CN']);
    const xs = china.rings.flatMap((ring) => ring.filter((_, i) => i % 2 === 0));
    // Whole, it spans a sixth of the panel or so; cut at an edge, its pieces would span all of it.
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(world.width / 3);
    expect(world.shown).toContain('CN');
  });

  it('frames the seed brief on Albania and Europe, with the far countries in a world panel', () => {
    const map = locatorMap(request('Albania', seedList))!;
    const [region, world] = map.panels;
    expect(region?.kind).toBe('region');
    expect(region?.shown).toEqual(expect.arrayContaining(['AL', 'GB', 'CZ', 'FR', 'DE', 'IT', 'PL']));
    for (const far of ['AU', 'CA', 'IN', 'JP', 'NZ']) expect(region?.shown).not.toContain(far);
    expect(world?.kind).toBe('world');
    expect(world?.shown).toEqual(expect.arrayContaining(['AU', 'CA', 'IN', 'JP', 'NZ']));
    expect(world?.regionOutline?.[0]?.length).toBeGreaterThan(8);
    // The focus is drawn in the region panel, inside its frame.
    const focus = region!.shapes.find((s) => s.role === 'focus')!;
    expect(focus.countries).toEqual(['AL']);
    expect(insidePanel(region!)).toBe(true);
    expect(insidePanel(world!)).toBe(true);
  });

  it('draws or marks every listed country, and keeps the panel sizes it was given', () => {
    for (const [focus, names] of [['Albania', seedList], ['Serbia', ['Kosovo', 'Montenegro', 'Malta']], ['Malaysia', ['Singapore', 'Brunei', 'Chile']], ['Chile', ['Argentina', 'Fiji']]] as const) {
      const map = locatorMap(request(focus, [...names]))!;
      const shown = new Set(map.panels.flatMap((p) => p.shown));
      for (const name of [focus, ...names]) expect(shown.has(country(name).alpha2), `${name} with focus ${focus}`).toBe(true);
      expect(map.panels[0]).toMatchObject({ width: 150, height: 100 });
      for (const panel of map.panels) expect(insidePanel(panel)).toBe(true);
    }
  });

  it('puts a dot on countries too small for the scale: Kosovo, Montenegro, Malta on a map of Europe; Singapore', () => {
    const europe = locatorMap(request('Albania', ['UK', 'Poland', 'Kosovo', 'Montenegro', 'Malta']))!;
    expect(europe.panels).toHaveLength(1);
    expect(europe.panels[0]!.markers.map((m) => m.country).sort()).toEqual(['ME', 'MT', 'XK']);
    // On a frame of the Balkans alone they are large enough to draw.
    const balkans = locatorMap(request('Serbia', ['Kosovo', 'Montenegro']))!;
    expect(balkans.panels[0]!.markers).toEqual([]);
    const strait = locatorMap(request('Malaysia', ['Singapore']))!;
    expect(strait.panels[0]!.markers.map((m) => m.country)).toEqual(['SG']);
  });

  it('makes a map once per process: the same request gets the same map, another list a new one', () => {
    const seedMap = locatorMap(request('Albania', seedList));
    expect(locatorMap(request('Albania', seedList))).toBe(seedMap);
    const regrouped = { ...request('Albania', seedList), countries: seedList.map((n, i) => ({ country: country(n), group: i % 2 })) };
    expect(locatorMap(regrouped)).not.toBe(seedMap);
  });

  it('uses the 1:50m outlines for a small frame and 1:110m for a continent', () => {
    expect(locatorMap(request('Serbia', ['Kosovo', 'Montenegro']))!.panels[0]!.resolution).toBe('50m');
    expect(locatorMap(request('Albania', seedList))!.panels[0]!.resolution).toBe('110m');
  });
});

describe('map colours', () => {
  /** CIE L* of a #rrggbb colour: what a grey print keeps. */
  const lightness = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    const y = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    return y > 0.008856 ? 116 * Math.cbrt(y) - 16 : 903.3 * y;
  };

  it('gives the focus, other land and up to five status groups lightness steps at least 9 L* apart', () => {
    for (const statuses of [['banned', 'restricted', 'debated'], ['banned', 'observer', 'restricted', 'member', 'debated'], [undefined]]) {
      const fills = [MAP_FOCUS, MAP_LAND, ...groupColors(statuses)].map(lightness).sort((a, b) => a - b);
      for (let i = 1; i < fills.length; i++) expect(fills[i]! - fills[i - 1]!).toBeGreaterThanOrEqual(9);
    }
  });
});

describe('the seed brief’s sidebar', () => {
  const source = readFileSync(new URL('../content/huawei-5g-albania.md', import.meta.url), 'utf8');
  const { layout } = layoutSource(source, { filename: 'seed.md' });
  const paths = layout.pages[0]!.elements.filter((e): e is PathElement => e.kind === 'path');

  it('draws the map in page 1’s rail, filled by status, in colours the list’s keys repeat', () => {
    const listed = paths.find((p) => p.label.startsWith('group 0'));
    expect(listed?.fill).toBe(groupColors([undefined])[0]);
    const keys = layout.pages.flatMap((p) => p.elements).filter((e) => e.kind === 'rect' && e.width === 6 && e.fill === listed?.fill);
    // One key per listed country, plus the legend's.
    expect(keys.length).toBe(seedList.length + 1);
    const rail = 595.28 - 42.52 - (595.28 - 85.04 - 28.35) * 54 / 170;
    for (const path of paths) for (const ring of path.rings) for (let i = 0; i < ring.length; i += 2) expect(path.x + ring[i]!).toBeGreaterThanOrEqual(rail - 0.1);
  });

  it('adds under 150 KB to the PDF, and draws each map shape once as a form', async () => {
    const withMap = (await renderBrief(source, { filename: 'seed.md' })).pdf;
    const withoutMap = (await renderBrief(source, { filename: 'seed.md', map: false })).pdf;
    const bytes = withMap.length - withoutMap.length;
    expect(bytes).toBeGreaterThan(5_000);
    expect(bytes).toBeLessThan(150 * 1024);
    const forms = Buffer.from(withMap).toString('latin1').match(/\/Subtype \/Form/g) ?? [];
    expect(forms.length).toBe(paths.length);
  });
});

describe('at a glance', () => {
  it('lists only the package facts for Albania, and names the source', () => {
    const glance = buildGlance(country('Albania'));
    const facts = Object.fromEntries(glance.facts.map((f) => [f.label, f.value]));
    expect(facts).toMatchObject({ 'Official name': 'Republic of Albania', Capital: 'Tirana', Region: 'Europe', Area: '28\u200948\u00a0km²'.replace('28\u200948', '28\u2009748'), Currency: 'Lek (ALL)', 'Calling code': '+355' });
    expect(facts.Neighbours).toBe('Greece, Kosovo, Montenegro, North Macedonia, Serbia');
    expect(glance.source).toMatch(/countries-list/);
    expect(glance.source).toMatch(/GeoNames/);
  });

  it('leaves out what the packages lack (Kosovo has no area in GeoNames)', () => {
    const labels = buildGlance(country('Kosovo')).facts.map((f) => f.label);
    expect(labels).toContain('Capital');
    expect(labels).not.toContain('Area');
  });
});

describe('a sidebar from the article alone', () => {
  // No front matter: the focus and the list come from detection, through the aliases writers use.
  const article = (extra: string) => `# Cocoa, cables and a trade quarrel

Britain and the US have both raised tariffs on processed cocoa this year. Exporters in Côte d'Ivoire say the new duties fall hardest on them, and Ivorian growers have begun to hold back their beans.

Officials in Czechia said the quarrel was not theirs. Côte d'Ivoire's trade minister flew to London on Monday; Britain, she said, had listened.${extra}
`;
  const sidebarText = (layout: ReturnType<typeof layoutSource>['layout']) =>
    layout.pages.flatMap((p) => p.elements).filter((e) => e.kind === 'text' && e.role === 'sidebar').map((e) => (e.kind === 'text' ? e.pieces.map((p) => p.text).join('') : '')).join(' | ');

  it('lists the canonical names, most named first, and focuses the country referred to most', () => {
    const { brief, layout } = layoutSource(article(''), { filename: 'cocoa.md' });
    // Britain and Côte d'Ivoire are named twice each (Britain first); "Ivorian" tips the focus.
    expect(brief.meta.country?.name).toBe('Côte d’Ivoire');
    expect(brief.sidebar?.from).toBe('body');
    expect(brief.sidebar?.groups.flatMap((g) => g.entries.map((e) => e.country.name))).toEqual(['United Kingdom', 'Côte d’Ivoire', 'United States', 'Czechia']);
    const text = sidebarText(layout);
    for (const name of ['United Kingdom', 'United States', 'Czechia', 'CÔTE D’IVOIRE AT A GLANCE', 'Republic of Côte d’Ivoire']) expect(text).toContain(name);
    // The list and the facts name each country canonically, never as the article wrote it.
    expect(text).not.toMatch(/Britain|\bthe US\b|d'Ivoire/);
    const focus = layout.pages[0]!.elements.find((e): e is PathElement => e.kind === 'path' && e.label.startsWith('focus'));
    expect(focus?.label).toBe('focus CI');
  });

  it('moves the focus when the article names another country most', () => {
    const { brief, layout } = layoutSource(article(' The US, the US and again the US.'), { filename: 'cocoa.md' });
    expect(brief.meta.country?.name).toBe('United States');
    expect(sidebarText(layout)).toContain('UNITED STATES AT A GLANCE');
    expect(brief.sidebar?.groups[0]?.entries[0]?.country.name).toBe('United States');
  });
});
