/** The table directory of a TrueType/OpenType font file (not a collection): where each table lies. */
export interface TableEntry {
  offset: number;
  length: number;
}

export function tableDirectory(font: Uint8Array): Map<string, TableEntry> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, TableEntry>();
  for (let i = 0, count = view.getUint16(4); i < count; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(font[record]!, font[record + 1]!, font[record + 2]!, font[record + 3]!);
    tables.set(tag, { offset: view.getUint32(record + 8), length: view.getUint32(record + 12) });
  }
  return tables;
}
