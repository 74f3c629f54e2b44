/**
 * Projected outlines as flat rings of points, simplified for the scale they are drawn at:
 * a point closer than `tolerance` to the last one kept adds nothing a reader can see, and a
 * ring smaller than `minSpan` both ways is a speck (a reef, a rock) that only costs bytes.
 * Coordinates are rounded to 0.1 pt, which is what keeps a world panel within its PDF budget.
 */
import { geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import type { MultiPolygon, Polygon } from 'geojson';
import { clipRing } from './clip.js';

export interface RingOptions {
  tolerance: number;
  minSpan: number;
}

/** Rings of `object` under `projection` (which should clip to its panel). */
export function projectRings(object: GeoPermissibleObjects, projection: GeoProjection, options: RingOptions): number[][] {
  const sink = new RingSink(options);
  geoPath(projection, sink)(object);
  sink.closePath();
  return sink.rings;
}

/**
 * The same rings, projected point by point and clipped to the panel here. d3's path runs
 * every polygon through its spherical clipping (a point-in-polygon test on the sphere per
 * ring), which is most of a world map's cost; an outline that lies well inside the
 * projection's valid area, away from its cut, needs none of it. The caller decides which.
 */
export function projectRingsDirect(geometry: Polygon | MultiPolygon, projection: GeoProjection, width: number, height: number, options: RingOptions): number[][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rings: number[][] = [];
  const tolerance2 = options.tolerance * options.tolerance;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const flat: number[] = [];
      let lastX = NaN;
      let lastY = NaN;
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const position of ring) {
        const point = projection(position as [number, number]);
        if (!point) continue;
        const [x, y] = point;
        const dx = x - lastX;
        const dy = y - lastY;
        if (dx * dx + dy * dy < tolerance2) continue;
        flat.push(round(x), round(y));
        lastX = x;
        lastY = y;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      if (flat.length < 6 || Math.max(maxX - minX, maxY - minY) < options.minSpan) continue;
      if (maxX < 0 || maxY < 0 || minX > width || minY > height) continue;
      const inside = minX >= 0 && minY >= 0 && maxX <= width && maxY <= height;
      const clipped = inside ? flat : clipRing(flat, width, height);
      if (clipped.length >= 6) rings.push(clipped);
    }
  }
  return rings;
}

/** A d3 path context that keeps points instead of drawing them. */
class RingSink {
  readonly rings: number[][] = [];
  private current: number[] = [];
  private lastX = 0;
  private lastY = 0;
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -Infinity;
  private maxY = -Infinity;

  constructor(private readonly options: RingOptions) {}

  moveTo(x: number, y: number): void {
    this.closePath();
    this.current = [round(x), round(y)];
    this.lastX = x;
    this.lastY = y;
    this.minX = this.maxX = x;
    this.minY = this.maxY = y;
  }

  lineTo(x: number, y: number): void {
    const dx = x - this.lastX;
    const dy = y - this.lastY;
    if (dx * dx + dy * dy < this.options.tolerance * this.options.tolerance) return;
    this.current.push(round(x), round(y));
    this.lastX = x;
    this.lastY = y;
    if (x < this.minX) this.minX = x;
    if (x > this.maxX) this.maxX = x;
    if (y < this.minY) this.minY = y;
    if (y > this.maxY) this.maxY = y;
  }

  closePath(): void {
    const span = Math.max(this.maxX - this.minX, this.maxY - this.minY);
    if (this.current.length >= 6 && span >= this.options.minSpan) this.rings.push(this.current);
    this.current = [];
    this.minX = this.minY = Infinity;
    this.maxX = this.maxY = -Infinity;
  }

  /** d3 calls these for Point geometries and canvases, which outlines do not need. */
  arc(): void {}
  beginPath(): void {}
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Signed area of a flat ring (shoelace), in square points. */
export function ringArea(ring: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i += 2) {
    const j = (i + 2) % ring.length;
    sum += ring[i]! * ring[j + 1]! - ring[j]! * ring[i + 1]!;
  }
  return sum / 2;
}
