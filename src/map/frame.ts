/**
 * Which countries one regional frame can show, and its projection. The frame is centred on the
 * focus country and takes in every listed country whose mainland lies within `REACH` of it;
 * the rest are left to a world panel. Lambert's azimuthal equal-area projection, centred on
 * the frame, keeps areas true and shapes fair at any latitude (Europe's official statistical
 * maps use it), so one projection serves Albania and New Zealand alike.
 */
import { geoAzimuthalEqualArea, geoCentroid, geoDistance, type GeoProjection } from 'd3-geo';
import type { Position } from 'geojson';
import type { Country } from '../gazetteer/index.js';
import type { Atlas } from './atlas.js';

/** Angular distance (radians) from the focus that a listed country may reach and share its frame: about 3,900 km. */
const REACH = (35 * Math.PI) / 180;
/** Half the smallest frame, in degrees: a focus alone still shows its neighbours. */
const MIN_HALF_SPAN = 6;
/** Space kept between the framed countries and the panel's edge, in points. */
const PADDING = 6;

export interface RegionFrame {
  /** The frame's centre, [lon, lat]. */
  anchor: [number, number];
  /** Alpha-2 codes of the listed countries (and the focus) the frame was fitted to. */
  framed: string[];
  projection: GeoProjection;
}

/** Where a country is, when the outlines have it; else GeoNames' representative point. */
export function placeOf(country: Country, outlines: Atlas): { centre: [number, number]; ring?: Position[] } | undefined {
  const outline = outlines.byAlpha2.get(country.alpha2);
  if (outline) return { centre: outline.centre, ring: outline.mainland };
  return country.position ? { centre: [country.position.lon, country.position.lat] } : undefined;
}

export function regionFrame(anchorCountry: Country, countries: readonly Country[], outlines: Atlas, width: number, height: number): RegionFrame | undefined {
  const anchorPlace = placeOf(anchorCountry, outlines);
  if (!anchorPlace) return undefined;
  const origin = anchorPlace.centre;
  const framed: string[] = [];
  const points: Position[] = [];
  const corners: Position[] = [];
  for (const country of [anchorCountry, ...countries.filter((c) => c.alpha2 !== anchorCountry.alpha2)]) {
    const place = placeOf(country, outlines);
    if (!place) continue;
    const box = place.ring ? boxCorners(place.ring) : [place.centre];
    if (country !== anchorCountry && box.some((p) => geoDistance(origin, p as [number, number]) > REACH)) continue;
    framed.push(country.alpha2);
    corners.push(...box);
    points.push(...(place.ring ?? [place.centre]));
  }
  const [lon, lat] = origin;
  const spread = MIN_HALF_SPAN / Math.max(0.2, Math.cos((lat * Math.PI) / 180));
  const around: Position[] = [[lon - spread, lat], [lon + spread, lat], [lon, Math.max(-89, lat - MIN_HALF_SPAN)], [lon, Math.min(89, lat + MIN_HALF_SPAN)]];
  points.push(...around);
  // Centred on the framed boxes, not on all outline points, so a long coastline does not pull it.
  const centre = geoCentroid({ type: 'MultiPoint', coordinates: [...corners, ...around] });
  // Fitting to points, not to a box polygon: d3 reads a box wound the wrong way as the rest of the world.
  const projection = geoAzimuthalEqualArea()
    .rotate([-centre[0], -centre[1]])
    .clipAngle(90)
    .precision(1)
    .fitExtent([[PADDING, PADDING], [width - PADDING, height - PADDING]], { type: 'MultiPoint', coordinates: points })
    .clipExtent([[0, 0], [width, height]]);
  return { anchor: centre, framed, projection };
}

function boxCorners(ring: readonly Position[]): Position[] {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const [x, y] of ring) {
    west = Math.min(west, x!);
    east = Math.max(east, x!);
    south = Math.min(south, y!);
    north = Math.max(north, y!);
  }
  return [[west, south], [west, north], [east, south], [east, north]];
}
