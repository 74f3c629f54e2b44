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

/** Advance widths and left side bearings by glyph id, from 'hhea' and 'hmtx', in font units. */
export interface HorizontalMetrics {
  advance(glyph: number): number;
  leftBearing(glyph: number): number;
}

/** Glyphs past 'hmtx''s long metrics share its last advance and have a bearing of their own. */
export function horizontalMetrics(font: Uint8Array, tables: Map<string, TableEntry>): HorizontalMetrics {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const hmtx = tables.get('hmtx')?.offset ?? 0;
  const longMetrics = view.getUint16((tables.get('hhea')?.offset ?? 0) + 34);
  return {
    advance: (glyph) => view.getUint16(hmtx + Math.min(glyph, longMetrics - 1) * 4),
    leftBearing: (glyph) => (glyph < longMetrics ? view.getInt16(hmtx + glyph * 4 + 2) : view.getInt16(hmtx + longMetrics * 4 + (glyph - longMetrics) * 2)),
  };
}
