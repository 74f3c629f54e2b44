import { atlas } from '../dist/map/atlas.js';
import { projectRings } from '../dist/map/rings.js';
import { geoEqualEarth, geoAzimuthalEqualArea } from 'd3-geo';
const a = atlas('110m');
let pts = 0; for (const o of a.outlines) { const g = o.feature.geometry; const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates; for (const p of polys) for (const r of p) pts += r.length; }
console.log('points', pts, 'outlines', a.outlines.length);
for (const prec of [Math.SQRT1_2, 0.5, 2, 0]) {
  const proj = geoEqualEarth().precision(prec).fitExtent([[2,2],[151,68]], {type:'Sphere'}).clipExtent([[0,0],[153,70]]);
  const t = performance.now();
  let n = 0;
  for (let i = 0; i < 20; i++) for (const o of a.outlines) n += projectRings(o.feature, proj, { tolerance: 0.45, minSpan: 1 }).length;
  console.log('prec', prec, ((performance.now() - t) / 20).toFixed(2), 'ms');
}
const proj = geoEqualEarth().precision(0);
const t = performance.now();
for (let i = 0; i < 20; i++) for (const o of a.outlines) projectRings(o.feature, proj, { tolerance: 0.45, minSpan: 1 });
console.log('no clipExtent', ((performance.now() - t) / 20).toFixed(2));
