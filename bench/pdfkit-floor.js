// The floor: plain pdfkit writing the same text with the same embedded fonts, `doc.text` with
// `align: 'justify'` and its own greedy line breaking, in one column across the measure or in
// pdfkit's own `columns: 2`.
import PDFDocument from 'pdfkit';
import { fontBuffer } from '../dist/fonts/index.js';

export function plainPdfkit(title, paragraphs, columns = 1) {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', margin: 42.5, info: { CreationDate: new Date(0) } });
    const chunks = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.registerFont('serif', fontBuffer('serif'));
    doc.registerFont('serif-bold', fontBuffer('serif-bold'));
    doc.font('serif-bold').fontSize(26).text(title, { width: 510 });
    doc.moveDown();
    const text = paragraphs.join('\n');
    if (columns === 2) doc.font('serif').fontSize(9.5).text(text, { align: 'justify', columns: 2, columnGap: 14, lineGap: 2.5, height: 650 });
    else doc.font('serif').fontSize(9.5).text(text, { align: 'justify', lineGap: 2.5 });
    doc.end();
  });
}
