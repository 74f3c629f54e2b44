/**
 * The locator map's input and output: plain data. The map stage knows geography (outlines,
 * projections, which countries fit one frame); colours, type and placement are layout's.
 */
import type { Country } from '../gazetteer/index.js';

export interface MapCountry {
  country: Country;
  /** The sidebar group the country is listed in (0-based): layout colours it by the group. */
  group: number;
}

export interface MapRequest {
  focus?: Country;
  /** The sidebar's countries, in list order. */
  countries: MapCountry[];
  /** Size of the main (regional) panel in points; its aspect is the caller's fixed choice. */
  width: number;
  height: number;
  /** Height of the world panel, added below when some listed country lies outside the main one. */
  worldHeight: number;
}

/** What a shape stands for: the focus, a listed country (with its group), or other land. */
export type ShapeRole = 'focus' | 'listed' | 'land';

export interface MapShape {
  role: ShapeRole;
  group?: number;
  /** Alpha-2 codes of the countries in the shape (land shapes merge many into one). */
  countries: string[];
  /** Closed rings as flat x, y pairs, in points from the panel's top left. */
  rings: number[][];
}

/** A dot for a listed country (or the focus) too small to see at the panel's scale, or missing from the outlines. */
export interface MapMarker {
  role: Exclude<ShapeRole, 'land'>;
  group?: number;
  country: string;
  x: number;
  y: number;
}

export interface MapPanel {
  kind: 'region' | 'world';
  width: number;
  height: number;
  /** Natural Earth scale the outlines come from. */
  resolution: '110m' | '50m';
  /** Projection, as the small print names it. */
  projection: string;
  shapes: MapShape[];
  markers: MapMarker[];
  /** On the world panel: the region panel's edge, as closed rings in this panel's coordinates. */
  regionOutline?: number[][];
  /** Listed countries (and the focus) drawn large enough or marked in this panel, alpha-2. */
  shown: string[];
}

export interface LocatorMap {
  panels: MapPanel[];
}
