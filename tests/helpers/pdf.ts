/** Reads PDFs back with pdfjs-dist, the way a viewer does (no system tools). */
import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  pages: Array<{ width: number; height: number; items: Array<{ text: string; size: number; x: number; y: number; font: string; width: number }> }>;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const document = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PdfText['pages'] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) => {
      if (!('str' in item)) return [];
      const [a, b] = item.transform as number[];
      return [{ text: item.str, size: Math.hypot(a!, b!), x: item.transform[4] as number, y: item.transform[5] as number, font: item.fontName, width: item.width }];
    });
    pages.push({ width, height, items });
  }
  await document.destroy();
  return { pages };
}

/**
 * All text of the PDF as one string, twice: once with line-end hyphens joined (hyphenation)
 * and once as printed (a compound such as "user-pays" broken after its own hyphen).
 */
export function joinedText(pdf: PdfText): string {
  // Empty items are pdf.js's line-end markers (it adds them where marked content begins).
  const lines = pdf.pages.map((page) => page.items.filter((item) => item.text !== '').map((item) => item.text).join('\n')).join('\n');
  return `${lines.replace(/-\n/g, '').replace(/\n/g, ' ')} ${lines.replace(/\n/g, ' ')}`;
}

/** Every stream of a PDF pdfkit wrote, inflated where it is compressed (the XMP packet is not). */
export function inflatedStreams(pdf: Uint8Array): string[] {
  const raw = Buffer.from(pdf);
  const streams: string[] = [];
  let at = 0;
  for (;;) {
    const start = raw.indexOf('stream\n', at);
    if (start < 0) break;
    const end = raw.indexOf('\nendstream', start);
    const dictionary = raw.subarray(raw.lastIndexOf('obj', start), start).toString('latin1');
    const body = raw.subarray(start + 7, end);
    streams.push(dictionary.includes('/FlateDecode') ? inflateSync(body).toString('latin1') : body.toString('latin1'));
    at = end + 10;
  }
  return streams;
}

/** The ToUnicode CMaps of a PDF pdfkit wrote. */
export function toUnicodeMaps(pdf: Uint8Array): string[] {
  return inflatedStreams(pdf).filter((body) => body.includes('begincmap'));
}
