/**
 * Clipping a projected ring to its panel (Sutherland–Hodgman, one edge at a time). Exact for
 * filled shapes; a country cut by the panel's edge gets a straight side along it, which the
 * panel's frame line covers.
 */

/** `ring` (flat x, y pairs) clipped to [0, width] × [0, height]; empty when nothing is inside. */
export function clipRing(ring: readonly number[], width: number, height: number): number[] {
  let out = clipEdge(ring, (x) => x >= 0, (ax, ay, bx, by) => [0, ay + ((by - ay) * (0 - ax)) / (bx - ax)]);
  out = clipEdge(out, (x) => x <= width, (ax, ay, bx, by) => [width, ay + ((by - ay) * (width - ax)) / (bx - ax)]);
  out = clipEdge(out, (_, y) => y >= 0, (ax, ay, bx, by) => [ax + ((bx - ax) * (0 - ay)) / (by - ay), 0]);
  out = clipEdge(out, (_, y) => y <= height, (ax, ay, bx, by) => [ax + ((bx - ax) * (height - ay)) / (by - ay), height]);
  return out;
}

type Inside = (x: number, y: number) => boolean;
type Cross = (ax: number, ay: number, bx: number, by: number) => [number, number];

function clipEdge(ring: readonly number[], inside: Inside, cross: Cross): number[] {
  const out: number[] = [];
  const n = ring.length;
  if (n < 6) return out;
  let px = ring[n - 2]!;
  let py = ring[n - 1]!;
  let pIn = inside(px, py);
  for (let i = 0; i < n; i += 2) {
    const x = ring[i]!;
    const y = ring[i + 1]!;
    const cIn = inside(x, y);
    if (cIn !== pIn) {
      const [ix, iy] = cross(px, py, x, y);
      out.push(Math.round(ix * 10) / 10, Math.round(iy * 10) / 10);
    }
    if (cIn) out.push(x, y);
    px = x;
    py = y;
    pIn = cIn;
  }
  return out;
}
