import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { readPdf } from './helpers/pdf.js';
it('x', async () => {
  const pdf = await readPdf(new Uint8Array(readFileSync('/work/wt4/output/baltic-seabed-cables.pdf')));
  pdf.pages.forEach((p, i) => { const t = p.items.map((x) => x.text).join('|'); for (const w of ['1884', 'Nations', 'Committee']) { const k = t.indexOf(w); if (k >= 0) console.log(i, w, JSON.stringify(t.slice(k - 80, k + 30))); } });
});
