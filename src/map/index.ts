/**
 * The map stage: a locator map for the sidebar, as plain data (rings of points in panel
 * coordinates). A regional panel framed on the focus country and the listed countries near
 * it; when some listed country is too far for that frame, a world panel below it shows
 * everything, with the regional frame outlined on it.
 */
import { geoDistance, geoEqualEarth, type GeoProjection } from 'd3-geo';
import type { Country } from '../gazetteer/index.js';
import { atlas, type Atlas, type Outline, type Resolution } from './atlas.js';
import { regionFrame, type RegionFrame } from './frame.js';
import { drawPanel } from './panel.js';
import type { LocatorMap, MapCountry, MapPanel, MapRequest } from './types.js';

export type * from './types.js';
export { MIN_VISIBLE_AREA } from './panel.js';

/** Points per degree from which a regional frame uses the 1:50m outlines (a frame under about 25° across). */
const DETAIL_FROM = 5.5;
const REGION_RINGS = { tolerance: 0.3, minSpan: 0.8 };
const WORLD_RINGS = { tolerance: 0.6, minSpan: 1.5 };
/**
 * d3's adaptive resampling bends long straight segments to follow the projection's curves,
 * to within this many points. The simplified outlines have short segments, so a coarse
 * setting costs nothing visible and halves the projection time.
 */
export const PRECISION = 1;

/** Maps made in this process, most recent last; a folder of briefs rarely needs more. */
const made = new Map<string, LocatorMap | undefined>();
const KEEP_MAPS = 16;

/**
 * The locator map for a request. Projecting and simplifying the outlines is most of a map's
 * cost and depends only on the frame's size, the focus and the listed countries with their
 * groups, so each such map is made once per process. The result is shared: callers read it,
 * never change it.
 */
export function locatorMap(request: MapRequest): LocatorMap | undefined {
  const key = mapKey(request);
  if (made.has(key)) {
    const map = made.get(key);
    // Re-inserted, so the least recently used map is the one dropped.
    made.delete(key);
    made.set(key, map);
    return map;
  }
  const map = makeLocatorMap(request);
  made.set(key, map);
  if (made.size > KEEP_MAPS) made.delete(made.keys().next().value!);
  return map;
}

/** Drops every map made so far: what a new brief costs is measured after this (npm run bench). */
export function forgetMaps(): void {
  made.clear();
}

function mapKey(request: MapRequest): string {
  const listed = request.countries.map((entry) => `${entry.country.alpha2}:${entry.group}`).join(',');
  return `${request.focus?.alpha2 ?? ''}|${listed}|${request.width}x${request.height}+${request.worldHeight}`;
}

function makeLocatorMap(request: MapRequest): LocatorMap | undefined {
  const listed = request.countries;
  const anchor = request.focus ?? busiestCountry(listed);
  if (!anchor) return undefined;
  const coarse = atlas('110m');
  const frame = regionFrame(anchor, listed.map((e) => e.country), coarse, request.width, request.height);
  if (!frame) return undefined;
  const perDegree = (frame.projection.scale() * Math.PI) / 180;
  const resolution: Resolution = perDegree >= DETAIL_FROM ? '50m' : '110m';
  const region = drawPanel(
    {
      kind: 'region',
      projectionName: 'Lambert azimuthal equal-area',
      projection: frame.projection,
      centre: frame.anchor,
      width: request.width,
      height: request.height,
      atlas: atlas(resolution, REGION_RINGS.tolerance / perDegree),
      rings: REGION_RINGS,
      keep: windowTest(frame, request.width, request.height),
      direct: (outline) => withinHemisphere(outline, frame.anchor),
      mark: () => true,
    },
    request.focus,
    listed,
  );
  const panels: MapPanel[] = [region];
  const everyone = [...(request.focus ? [request.focus] : []), ...listed.map((e) => e.country)];
  const missing = everyone.filter((c) => !region.shown.includes(c.alpha2));
  if (missing.length > 0) panels.push(worldPanel(request, frame, new Set(missing.map((c) => c.alpha2))));
  return { panels };
}

/** Without a focus, the listed country with most others near it anchors the frame. */
function busiestCountry(listed: readonly MapCountry[]): Country | undefined {
  const coarse = atlas('110m');
  let best: Country | undefined;
  let bestCount = -1;
  for (const { country } of listed) {
    const frame = regionFrame(country, listed.map((e) => e.country), coarse, 100, 100);
    const count = frame?.framed.length ?? -1;
    if (count > bestCount) {
      best = country;
      bestCount = count;
    }
  }
  return best;
}

function worldPanel(request: MapRequest, frame: RegionFrame, missing: ReadonlySet<string>): MapPanel {
  const width = request.width;
  const height = request.worldHeight;
  const lon = worldCentre(frame.anchor[0], atlas('110m'), new Set([...(request.focus ? [request.focus.alpha2] : []), ...request.countries.map((e) => e.country.alpha2)]));
  // Turned to put the regional frame in the middle, so the cut falls as far from it as possible
  // (through an ocean, see worldCentre); without Antarctica, whose outline is left out.
  const edge: Array<[number, number]> = [];
  for (let lat = -58; lat <= 84; lat += 2) edge.push([lon - 179.9, lat], [lon + 179.9, lat]);
  const projection = geoEqualEarth()
    .rotate([-lon, 0])
    .precision(PRECISION)
    .fitExtent([[2, 2], [width - 2, height - 2]], { type: 'MultiPoint', coordinates: edge })
    .clipExtent([[0, 0], [width, height]]);
  const panel = drawPanel(
    {
      kind: 'world',
      projectionName: 'Equal Earth',
      projection,
      width,
      height,
      atlas: atlas('110m', WORLD_RINGS.tolerance / ((projection.scale() * Math.PI) / 180)),
      rings: WORLD_RINGS,
      direct: (outline) => !crossesMeridian(outline, lon + 180),
      mark: (alpha2) => missing.has(alpha2),
    },
    request.focus,
    request.countries,
  );
  panel.regionOutline = [outlineOf(frame.projection, projection, request.width, request.height)];
  return panel;
}

/** How far the world panel's middle may move from the regional frame to keep its cut off land, in degrees. */
const CUT_SHIFT = 90;
/** What moving the middle a degree away from the regional frame costs, in square degrees of land cut. */
const SHIFT_COST = 4;

/**
 * The world panel's middle meridian: near the regional frame's, where the cut opposite it runs
 * through the least land (a map centred on Chile would cut China in two, one half at each
 * edge). Land is weighed by the box of each ring the cut meets, a listed country's ten times.
 */
function worldCentre(anchor: number, world: Atlas, listed: ReadonlySet<string>): number {
  const rings = ringBoxes(world);
  const cost = (centre: number) => {
    const cut = ((((centre + 360) % 360) + 360) % 360) - 180;
    let land = 0;
    for (const ring of rings) if (ring.west <= cut && cut <= ring.east) land += ring.area * (ring.alpha2 && listed.has(ring.alpha2) ? 10 : 1);
    return land + SHIFT_COST * Math.abs(centre - anchor);
  };
  let best = anchor;
  let lowest = cost(anchor);
  for (let shift = 5; shift <= CUT_SHIFT; shift += 5) {
    for (const centre of [anchor - shift, anchor + shift]) {
      const value = cost(centre);
      if (value < lowest) {
        best = centre;
        lowest = value;
      }
    }
  }
  return best;
}

interface RingBox {
  alpha2: string | undefined;
  west: number;
  east: number;
  /** The box's area in square degrees, narrowed by the cosine of its latitude. */
  area: number;
}

const ringBoxCache = new WeakMap<Atlas, RingBox[]>();

/** The longitude box of every outer ring (Natural Earth splits rings at the antimeridian). */
function ringBoxes(world: Atlas): RingBox[] {
  let boxes = ringBoxCache.get(world);
  if (boxes) return boxes;
  boxes = [];
  for (const outline of world.outlines) {
    const geometry = outline.feature.geometry;
    for (const polygon of geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) {
      let west = Infinity;
      let east = -Infinity;
      let south = Infinity;
      let north = -Infinity;
      for (const [x, y] of polygon[0]!) {
        west = Math.min(west, x!);
        east = Math.max(east, x!);
        south = Math.min(south, y!);
        north = Math.max(north, y!);
      }
      const area = (east - west) * (north - south) * Math.cos((((north + south) / 2) * Math.PI) / 180);
      boxes.push({ alpha2: outline.alpha2, west, east, area });
    }
  }
  ringBoxCache.set(world, boxes);
  return boxes;
}

/** The regional panel's edge, carried into the world panel's projection. */
function outlineOf(from: GeoProjection, to: GeoProjection, width: number, height: number): number[] {
  const ring: number[] = [];
  const steps = 12;
  const edge: Array<[number, number]> = [];
  for (let i = 0; i < steps; i++) edge.push([(width * i) / steps, 0]);
  for (let i = 0; i < steps; i++) edge.push([width, (height * i) / steps]);
  for (let i = steps; i > 0; i--) edge.push([(width * i) / steps, height]);
  for (let i = steps; i > 0; i--) edge.push([0, (height * i) / steps]);
  for (const point of edge) {
    const lonLat = from.invert?.(point);
    const projected = lonLat ? to(lonLat) : null;
    if (projected) ring.push(Math.round(projected[0] * 10) / 10, Math.round(projected[1] * 10) / 10);
  }
  return ring;
}

/**
 * A cheap test on outline boxes: only countries whose box meets the frame's longitude and
 * latitude window are projected (about a third of the world for a frame on Europe).
 */
function windowTest(frame: RegionFrame, width: number, height: number): ((outline: Outline) => boolean) | undefined {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  const steps = 10;
  for (let i = 0; i <= steps; i++) {
    for (const point of [[(width * i) / steps, 0], [(width * i) / steps, height], [0, (height * i) / steps], [width, (height * i) / steps]] as Array<[number, number]>) {
      const lonLat = frame.projection.invert?.(point);
      if (!lonLat) return undefined;
      west = Math.min(west, lonLat[0]);
      east = Math.max(east, lonLat[0]);
      south = Math.min(south, lonLat[1]);
      north = Math.max(north, lonLat[1]);
    }
  }
  // A frame over a pole or across the date line has no simple window: project everything.
  if (east - west > 180 || north > 80 || south < -80) return undefined;
  const margin = 2;
  return (outline) => {
    const [[w, s], [e, n]] = outline.bounds;
    if (w > e) return true;
    return e >= west - margin && w <= east + margin && n >= south - margin && s <= north + margin;
  };
}

/** Whether an outline's box lies well inside the azimuthal projection's hemisphere (so nothing of it needs clipping at the horizon). */
function withinHemisphere(outline: Outline, centre: [number, number]): boolean {
  const [[w, s], [e, n]] = outline.bounds;
  if (w > e || e - w > 90) return false;
  const limit = (80 * Math.PI) / 180;
  return [[w, s], [w, n], [e, s], [e, n]].every((corner) => geoDistance(corner as [number, number], centre) < limit);
}

/** Whether an outline's box reaches the meridian where the world panel is cut (with a degree to spare). */
function crossesMeridian(outline: Outline, cut: number): boolean {
  const [[w], [e]] = outline.bounds;
  if (w > e) return true;
  const c = ((((cut + 180) % 360) + 360) % 360) - 180;
  return w - 1 <= c && c <= e + 1;
}
