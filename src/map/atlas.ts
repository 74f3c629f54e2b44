/**
 * Natural Earth country outlines from world-atlas, converted to GeoJSON once per process and
 * resolution (the 110m file parses in a few milliseconds, the 50m one in about 30, so it is
 * loaded only when a small regional frame asks for it). Each outline is keyed by the
 * gazetteer's alpha-2 code: world-atlas ids are ISO numeric codes, except for the few areas
 * it names without one (Kosovo; Northern Cyprus and Somaliland, which stay unlisted land).
 */
import { geoArea, geoBounds, geoCentroid } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { allCountries } from '../gazetteer/index.js';
import { requirePackageFile } from '../package-files.js';
import { simplifyTopology } from './simplify.js';

export type Resolution = '110m' | '50m';

export interface Outline {
  /** Alpha-2, or undefined for areas the gazetteer does not list (Northern Cyprus). */
  alpha2: string | undefined;
  feature: Feature<Polygon | MultiPolygon>;
  /** Longitude/latitude box of the whole outline, `[[west, south], [east, north]]`. */
  bounds: [[number, number], [number, number]];
  /**
   * The largest polygon's outer ring: France without French Guiana, Norway without Svalbard.
   * A frame fits the mainland, or one overseas department would stretch it across an ocean.
   */
  mainland: Position[];
  /** Spherical centroid of the mainland, [lon, lat]. */
  centre: [number, number];
}

export interface Atlas {
  resolution: Resolution;
  /** Simplification tolerance in degrees (0: the outlines as Natural Earth drew them). */
  tolerance: number;
  outlines: readonly Outline[];
  byAlpha2: ReadonlyMap<string, Outline>;
}

/** Areas world-atlas names without a numeric id, mapped to the gazetteer's codes. */
const UNNUMBERED: Readonly<Record<string, string>> = { Kosovo: 'XK' };
/** Antarctica: no brief is about it, and it would take a fifth of a world panel. */
export const ANTARCTICA = '010';

type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;

const atlases = new Map<string, Atlas>();

/**
 * The outlines at a resolution, simplified for a map that shows them at `tolerance` degrees per
 * visible step. Tolerances are rounded down to a power of two, so a handful of simplified
 * atlases serve every scale, each built once per process.
 */
export function atlas(resolution: Resolution, tolerance = 0): Atlas {
  const step = tolerance > 0 ? 2 ** Math.floor(Math.log2(tolerance)) : 0;
  const key = `${resolution}:${step}`;
  let found = atlases.get(key);
  if (!found) {
    const topology = requirePackageFile(`world-atlas/countries-${resolution}.json`) as Countries;
    found = loadAtlas(resolution, step, step > 0 ? simplifyTopology(topology, step) : topology);
    atlases.set(key, found);
  }
  return found;
}

function loadAtlas(resolution: Resolution, tolerance: number, topology: Countries): Atlas {
  const byNumeric = new Map(allCountries().map((c) => [c.numeric, c.alpha2]));
  const collection = feature(topology, topology.objects.countries);
  const outlines: Outline[] = [];
  for (const f of collection.features) {
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') continue;
    const id = f.id === undefined ? undefined : String(f.id);
    if (id === ANTARCTICA) continue;
    const name = f.properties?.name ?? '';
    const alpha2 = id !== undefined ? byNumeric.get(id) : UNNUMBERED[name];
    outlines.push(lazyOutline(alpha2, f as Feature<Polygon | MultiPolygon>));
  }
  const byAlpha2 = new Map<string, Outline>();
  for (const outline of outlines) if (outline.alpha2 && !byAlpha2.has(outline.alpha2)) byAlpha2.set(outline.alpha2, outline);
  return { resolution, tolerance, outlines, byAlpha2 };
}

/**
 * An outline whose box, mainland and centre are worked out when first read. A map reads the
 * box of every outline, but the mainland and centre only of the focus and the listed
 * countries, and a frame reads only those: spherical areas and centroids for some 240
 * countries per atlas were a fifth of a cold start's map.
 */
function lazyOutline(alpha2: string | undefined, shape: Feature<Polygon | MultiPolygon>): Outline {
  let bounds: Outline['bounds'] | undefined;
  let mainland: Position[] | undefined;
  let centre: [number, number] | undefined;
  return {
    alpha2,
    feature: shape,
    get bounds() {
      return (bounds ??= geoBounds(shape));
    },
    get mainland() {
      return (mainland ??= largestRing(shape.geometry));
    },
    get centre() {
      return (centre ??= geoCentroid({ type: 'Polygon', coordinates: [this.mainland] }));
    },
  };
}

function largestRing(geometry: Polygon | MultiPolygon): Position[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: Position[] = polygons[0]![0]!;
  let bestArea = -1;
  for (const polygon of polygons) {
    const area = geoArea({ type: 'Polygon', coordinates: [polygon[0]!] });
    // geoArea of a ring wound the wrong way is the rest of the sphere; such a ring is not land.
    if (area < 2 * Math.PI && area > bestArea) {
      bestArea = area;
      best = polygon[0]!;
    }
  }
  return best;
}
