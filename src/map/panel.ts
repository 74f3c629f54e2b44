/**
 * One map panel: the outlines under a projection, sorted into the focus, the listed countries
 * (by sidebar group) and other land, with dots for listed countries too small to see.
 */
import { geoDistance, type GeoProjection } from 'd3-geo';
import type { Country } from '../gazetteer/index.js';
import type { Atlas, Outline } from './atlas.js';
import { placeOf } from './frame.js';
import { projectRings, projectRingsDirect, ringArea, type RingOptions } from './rings.js';
import type { MapCountry, MapMarker, MapPanel, MapShape } from './types.js';

/** Below this many square points (a 4.5 pt square) a country is a speck: it gets a dot as well as its outline. */
export const MIN_VISIBLE_AREA = 20;

export interface PanelSpec {
  kind: MapPanel['kind'];
  projectionName: string;
  projection: GeoProjection;
  /** Centre of an azimuthal projection, [lon, lat]: points 90° or more from it are not on the panel. */
  centre?: [number, number];
  width: number;
  height: number;
  atlas: Atlas;
  rings: RingOptions;
  /** Outlines worth projecting (a cheap test on their boxes); all when undefined. */
  keep?: (outline: Outline) => boolean;
  /** Outlines far enough from the projection's cut and horizon to skip d3's spherical clipping. */
  direct: (outline: Outline) => boolean;
  /** Listed countries this panel should mark with a dot when they are too small or missing. */
  mark: (alpha2: string) => boolean;
}

export function drawPanel(spec: PanelSpec, focus: Country | undefined, listed: readonly MapCountry[]): MapPanel {
  const groupOf = new Map(listed.map((entry) => [entry.country.alpha2, entry.group]));
  const land: MapShape = { role: 'land', countries: [], rings: [] };
  const byGroup = new Map<number, MapShape>();
  const focusShape: MapShape = { role: 'focus', countries: [], rings: [] };
  const area = new Map<string, number>();

  for (const outline of spec.atlas.outlines) {
    if (spec.keep && !spec.keep(outline)) continue;
    const rings = spec.direct(outline)
      ? projectRingsDirect(outline.feature.geometry, spec.projection, spec.width, spec.height, spec.rings)
      : projectRings(outline.feature, spec.projection, spec.rings);
    if (rings.length === 0) continue;
    const code = outline.alpha2;
    let shape = land;
    if (code && code === focus?.alpha2) shape = focusShape;
    else if (code && groupOf.has(code)) {
      const group = groupOf.get(code)!;
      shape = byGroup.get(group) ?? { role: 'listed', group, countries: [], rings: [] };
      byGroup.set(group, shape);
    }
    if (code) shape.countries.push(code);
    shape.rings.push(...rings);
    if (code) area.set(code, rings.reduce((sum, ring) => sum + Math.abs(ringArea(ring)), 0));
  }

  const markers: MapMarker[] = [];
  const shown: string[] = [];
  const subjects = [...(focus ? [{ country: focus, group: -1 }] : []), ...listed.filter((e) => e.country.alpha2 !== focus?.alpha2)];
  for (const { country, group } of subjects) {
    const drawn = area.get(country.alpha2) ?? 0;
    if (drawn >= MIN_VISIBLE_AREA) {
      shown.push(country.alpha2);
      continue;
    }
    if (!spec.mark(country.alpha2)) continue;
    const point = markerPoint(spec, country);
    if (!point) continue;
    const role = group < 0 ? 'focus' : 'listed';
    markers.push(role === 'focus' ? { role, country: country.alpha2, x: point[0], y: point[1] } : { role, group, country: country.alpha2, x: point[0], y: point[1] });
    shown.push(country.alpha2);
  }

  const shapes = [land, ...[...byGroup.values()].sort((a, b) => a.group! - b.group!), focusShape].filter((s) => s.rings.length > 0);
  return { kind: spec.kind, width: spec.width, height: spec.height, resolution: spec.atlas.resolution, projection: spec.projectionName, shapes, markers, shown };
}

/** Where a dot goes: the outline's centre when there is one, else GeoNames' point; only when on the panel. */
function markerPoint(spec: PanelSpec, country: Country): [number, number] | undefined {
  const place = placeOf(country, spec.atlas);
  if (!place) return undefined;
  if (spec.centre && geoDistance(place.centre, spec.centre) > Math.PI / 2 - 0.01) return undefined;
  const point = spec.projection(place.centre);
  if (!point) return undefined;
  const [x, y] = point;
  const inset = 3;
  if (x < inset || y < inset || x > spec.width - inset || y > spec.height - inset) return undefined;
  return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
}
