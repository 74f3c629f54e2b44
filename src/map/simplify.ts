/**
 * Scale-appropriate simplification, done on the topology's arcs rather than on each country:
 * a border shared by two countries is one arc, so both get the same simplified line and no
 * slivers open between them. A point closer than the tolerance to the last point kept is
 * dropped; an arc's ends always stay, so borders still meet at their junctions.
 */
import type { Topology } from 'topojson-specification';

/** A copy of `topology` with absolute, simplified arcs (no quantisation transform). */
export function simplifyTopology<T extends Topology>(topology: T, toleranceDegrees: number): T {
  const { scale, translate } = topology.transform ?? { scale: [1, 1], translate: [0, 0] };
  const quantised = topology.transform !== undefined;
  const arcs = topology.arcs.map((arc) => {
    const points: Array<[number, number]> = [];
    let x = 0;
    let y = 0;
    for (const position of arc) {
      if (quantised) {
        x += position[0]!;
        y += position[1]!;
      } else {
        x = position[0]!;
        y = position[1]!;
      }
      points.push([x * scale[0] + translate[0], y * scale[1] + translate[1]]);
    }
    return thin(points, toleranceDegrees);
  });
  const copy = { ...topology, arcs };
  delete copy.transform;
  return copy;
}

function thin(points: Array<[number, number]>, tolerance: number): Array<[number, number]> {
  if (points.length <= 4 || tolerance <= 0) return points;
  const kept: Array<[number, number]> = [points[0]!];
  let [lastX, lastY] = points[0]!;
  for (let i = 1; i < points.length - 1; i++) {
    const [x, y] = points[i]!;
    // Degrees of longitude shrink towards the poles; measure them as the map will show them.
    const dx = (x - lastX) * Math.cos((y * Math.PI) / 180);
    const dy = y - lastY;
    if (dx * dx + dy * dy < tolerance * tolerance) continue;
    kept.push(points[i]!);
    lastX = x;
    lastY = y;
  }
  kept.push(points[points.length - 1]!);
  // A ring needs four points (three corners and the closing one) to stay an area.
  return kept.length >= 4 ? kept : points;
}
