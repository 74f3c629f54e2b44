/**
 * The XMP packet: pdfkit's own, with its strings escaped, and the details pdfkit leaves out, so
 * the Info dictionary and the XMP packet say the same things: the modification date, the
 * language, the keywords as subjects, and the PDF/UA identification when the PDF/A subset took
 * pdfkit's one identification slot.
 */
import type { DocumentInfo } from './index.js';

export function addXmpDetails(doc: PDFKit.PDFDocument, info: DocumentInfo, date: Date, pdfa: boolean): void {
  const append = (xml: string) => (doc as unknown as { appendXML(xml: string): void }).appendXML(xml);
  const stamp = `${date.toISOString().split('.')[0]}Z`;
  const keywords = info.keywords ? info.keywords.split(/,\s*/).filter(Boolean) : [];
  append(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${stamp}</xmp:ModifyDate>
            <xmp:MetadataDate>${stamp}</xmp:MetadataDate>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:language><rdf:Bag><rdf:li>${escapeXml(info.lang)}</rdf:li></rdf:Bag></dc:language>${
              keywords.length ? `\n            <dc:subject><rdf:Bag>${keywords.map((k) => `<rdf:li>${escapeXml(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>` : ''
            }
        </rdf:Description>`);
  if (pdfa) {
    append(`
        <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>`);
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * pdfkit copies the info strings into the XMP packet without escaping them, so a title with
 * "&" or "<" would make the metadata invalid XML. Escape them for the XMP only; the Info
 * dictionary, written afterwards, gets the text as it is.
 */
export function escapeMetadataXml(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as { endMetadata(): void; info: Record<string, unknown> };
  const endMetadata = internals.endMetadata.bind(doc);
  internals.endMetadata = () => {
    const original = { ...internals.info };
    for (const [key, value] of Object.entries(original)) {
      if (typeof value === 'string') internals.info[key] = escapeXml(value);
    }
    try {
      endMetadata();
    } finally {
      Object.assign(internals.info, original);
    }
  };
}
