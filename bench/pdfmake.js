// A peer for scale: pdfmake (0.3, on its own pdfkit fork) setting the same text in the same
// fonts: the title, then two justified columns that flow into each other (snakingColumns).
import { createRequire } from 'node:module';
import { fontBuffer } from '../dist/fonts/index.js';

const require = createRequire(import.meta.url);

/** A function rendering `paragraphs` under `title` to PDF bytes, or throws why pdfmake cannot load. */
export function pdfmakeRenderer() {
  const pdfmake = require('pdfmake');
  // Nothing to fetch or read: fonts come from its virtual file system.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  const files = { regular: 'serif', bold: 'serif-bold', italics: 'serif-italic', bolditalics: 'serif-bold-italic' };
  for (const id of Object.values(files)) pdfmake.virtualfs.writeFileSync(`${id}.ttf`, fontBuffer(id));
  pdfmake.setFonts({ Serif: { normal: 'serif.ttf', bold: 'serif-bold.ttf', italics: 'serif-italic.ttf', bolditalics: 'serif-bold-italic.ttf' } });
  return async (title, paragraphs) => {
    const doc = pdfmake.createPdf({
      pageSize: 'A4',
      pageMargins: 42.5,
      info: { creationDate: new Date(0) },
      defaultStyle: { font: 'Serif', fontSize: 9.5, lineHeight: 1.3 },
      content: [
        { text: title, bold: true, fontSize: 26, margin: [0, 0, 0, 12] },
        {
          columns: [{ width: '*', stack: paragraphs.map((text) => ({ text, alignment: 'justify', margin: [0, 0, 0, 4] })) }, { width: '*', text: '' }],
          columnGap: 14,
          snakingColumns: true,
        },
      ],
    });
    return doc.getBuffer();
  };
}
