/**
 * TrueType subsets for embedding, made from the font's bytes. pdfkit asks the fontkit face for
 * `createSubset()`, numbers glyphs through `includeGlyph` and embeds `encode()`; fontkit's own
 * subsetter decodes every glyph's outline and re-encodes each table through its object model for
 * every PDF. This one copies each glyph's bytes (renumbering a composite glyph's parts) and the
 * hinting tables as they are, and keeps what it read of a glyph for the rest of the process, so
 * the second brief of a batch embeds its fonts almost for free.
 *
 * The subset holds the tables PDF needs for a TrueType font program (head, hhea, maxp, loca,
 * glyf, hmtx and the hinting tables cvt, fpgm, prep), in tag order with their checksums. Glyph
 * ids are assigned in the order glyphs are included (.notdef first), like fontkit's.
 */
import { horizontalMetrics, tableDirectory, type HorizontalMetrics, type TableEntry } from './sfnt.js';

/** A glyph's outline bytes and what the subset must know about them. */
interface GlyphRecord {
  bytes: Uint8Array;
  /** For a composite glyph: its parts' glyph ids and where each id is written in `bytes`. */
  parts: Array<{ glyph: number; at: number }>;
  advance: number;
  leftBearing: number;
}

/** What a font file gives every subset of it; made once per face. */
export class SubsetSource {
  private readonly view: DataView;
  private readonly tables: Map<string, TableEntry>;
  private readonly glyphs = new Map<number, GlyphRecord>();
  private readonly longLoca: boolean;
  private readonly metrics: HorizontalMetrics;

  private readonly font: Uint8Array;

  private constructor(file: Uint8Array) {
    // A plain Uint8Array over the file: a Node Buffer's slice() would share, not copy, its bytes.
    this.font = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
    const font = this.font;
    this.view = new DataView(font.buffer, font.byteOffset, font.byteLength);
    this.tables = tableDirectory(font);
    this.longLoca = this.view.getInt16(this.table('head').offset + 50) === 1;
    this.metrics = horizontalMetrics(font, this.tables);
  }

  /** A source for a TrueType (glyf) font that is not variable; otherwise fontkit's subsetter stays. */
  static of(font: Uint8Array): SubsetSource | undefined {
    const source = new SubsetSource(font);
    const needed = ['head', 'hhea', 'maxp', 'loca', 'glyf', 'hmtx'];
    if (!needed.every((tag) => source.tables.has(tag)) || source.tables.has('fvar')) return undefined;
    return source;
  }

  /** A table's bytes as they are in the font. */
  bytesOf(tag: string): Uint8Array | undefined {
    const table = this.tables.get(tag);
    return table && this.font.subarray(table.offset, table.offset + table.length);
  }

  get longOffsets(): boolean {
    return this.longLoca;
  }

  glyph(id: number): GlyphRecord {
    let record = this.glyphs.get(id);
    if (record) return record;
    const loca = this.table('loca').offset;
    const start = this.longLoca ? this.view.getUint32(loca + id * 4) : this.view.getUint16(loca + id * 2) * 2;
    const end = this.longLoca ? this.view.getUint32(loca + id * 4 + 4) : this.view.getUint16(loca + id * 2 + 2) * 2;
    const at = this.table('glyf').offset + start;
    const bytes = this.font.subarray(at, at + end - start);
    record = { bytes, parts: end > start ? compositeParts(bytes) : [], advance: this.metrics.advance(id), leftBearing: this.metrics.leftBearing(id) };
    this.glyphs.set(id, record);
    return record;
  }

  private table(tag: string): TableEntry {
    return this.tables.get(tag)!;
  }
}

const ARG_1_AND_2_ARE_WORDS = 0x1;
const WE_HAVE_A_SCALE = 0x8;
const MORE_COMPONENTS = 0x20;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x40;
const WE_HAVE_A_TWO_BY_TWO = 0x80;

/** The parts of a composite glyph (a negative contour count), with where each id sits. */
function compositeParts(glyph: Uint8Array): Array<{ glyph: number; at: number }> {
  const view = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
  if (view.getInt16(0) >= 0) return [];
  const parts: Array<{ glyph: number; at: number }> = [];
  let at = 10;
  for (;;) {
    const flags = view.getUint16(at);
    parts.push({ glyph: view.getUint16(at + 2), at: at + 2 });
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
    if (!(flags & MORE_COMPONENTS)) return parts;
  }
}

/** One PDF's subset of a face: the interface pdfkit's EmbeddedFont uses. */
export class TrueTypeSubset {
  /** pdfkit embeds a CFF program differently; this is TrueType. */
  readonly cff = null;
  private readonly order: number[] = [];
  private readonly ids = new Map<number, number>();

  constructor(private readonly source: SubsetSource) {
    this.includeGlyph(0);
  }

  /** The glyph's id in the subset, given on first inclusion. */
  includeGlyph(glyph: number): number {
    return this.slot(this.ids, glyph, glyph);
  }

  /**
   * The glyph again, under an id of its own for another meaning: one small-cap glyph serves a
   * capital (c2sc) and a small letter (smcp), and a PDF's ToUnicode map names one character per
   * id, so each meaning gets an id (the outline is copied, a few dozen bytes).
   */
  includeGlyphAs(glyph: number, meaning: string): number {
    return this.slot(this.aliases, `${glyph} ${meaning}`, glyph);
  }

  private readonly aliases = new Map<string, number>();

  /** The id kept under `key`, or the next one, given to `glyph`'s outline. */
  private slot<Key>(ids: Map<Key, number>, key: Key, glyph: number): number {
    let id = ids.get(key);
    if (id === undefined) {
      id = this.order.length;
      this.order.push(glyph);
      ids.set(key, id);
    }
    return id;
  }

  /** The subset as a font file. */
  encode(): Uint8Array {
    const { source } = this;
    const outlines: Uint8Array[] = [];
    const offsets: number[] = [];
    const metrics: GlyphRecord[] = [];
    let offset = 0;
    // Composite glyphs include their parts as they go, so the list grows while it is read.
    for (let i = 0; i < this.order.length; i++) {
      const record = source.glyph(this.order[i]!);
      let bytes = record.bytes;
      if (record.parts.length) {
        bytes = bytes.slice();
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        for (const part of record.parts) view.setUint16(part.at, this.includeGlyph(part.glyph));
      }
      offsets.push(offset);
      outlines.push(bytes);
      metrics.push(record);
      offset += bytes.length;
      // Short offsets count words: keep every glyph on an even offset.
      if (!source.longOffsets && offset % 2) {
        outlines.push(new Uint8Array(1));
        offset += 1;
      }
    }
    offsets.push(offset);
    const count = metrics.length;

    const head = source.bytesOf('head')!.slice();
    const hhea = source.bytesOf('hhea')!.slice();
    new DataView(hhea.buffer, hhea.byteOffset).setUint16(34, count);
    const maxp = source.bytesOf('maxp')!.slice();
    new DataView(maxp.buffer, maxp.byteOffset).setUint16(4, count);
    const loca = new Uint8Array(offsets.length * (source.longOffsets ? 4 : 2));
    const locaView = new DataView(loca.buffer);
    offsets.forEach((value, index) => (source.longOffsets ? locaView.setUint32(index * 4, value) : locaView.setUint16(index * 2, value / 2)));
    const hmtx = new Uint8Array(count * 4);
    const hmtxView = new DataView(hmtx.buffer);
    metrics.forEach((record, index) => {
      hmtxView.setUint16(index * 4, record.advance);
      hmtxView.setInt16(index * 4 + 2, record.leftBearing);
    });
    const glyf = concat(outlines, offset);

    const tables: Array<[string, Uint8Array]> = [
      ['cvt ', source.bytesOf('cvt ')],
      ['fpgm', source.bytesOf('fpgm')],
      ['glyf', glyf],
      ['head', head],
      ['hhea', hhea],
      ['hmtx', hmtx],
      ['loca', loca],
      ['maxp', maxp],
      ['prep', source.bytesOf('prep')],
    ].filter((entry): entry is [string, Uint8Array] => entry[1] !== undefined);
    return sfnt(tables, head);
  }
}

/** An sfnt file from its tables (given in tag order); sets head's checkSumAdjustment. */
function sfnt(tables: Array<[string, Uint8Array]>, head: Uint8Array): Uint8Array {
  new DataView(head.buffer, head.byteOffset).setUint32(8, 0);
  const directory = 12 + tables.length * 16;
  const size = tables.reduce((sum, [, bytes]) => sum + padded(bytes.length), directory);
  const file = new Uint8Array(size);
  const view = new DataView(file.buffer);
  const exponent = Math.floor(Math.log2(tables.length));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tables.length);
  view.setUint16(6, 2 ** exponent * 16);
  view.setUint16(8, exponent);
  view.setUint16(10, tables.length * 16 - 2 ** exponent * 16);
  let at = directory;
  let headAt = 0;
  tables.forEach(([tag, bytes], index) => {
    const record = 12 + index * 16;
    for (let k = 0; k < 4; k++) file[record + k] = tag.charCodeAt(k);
    file.set(bytes, at);
    view.setUint32(record + 4, checksum(file, at, bytes.length));
    view.setUint32(record + 8, at);
    view.setUint32(record + 12, bytes.length);
    if (tag === 'head') headAt = at;
    at += padded(bytes.length);
  });
  view.setUint32(headAt + 8, (0xb1b0afba - checksum(file, 0, size)) >>> 0);
  return file;
}

function padded(length: number): number {
  return (length + 3) & ~3;
}

/** The sum of a range's big-endian 32-bit words (zero-padded), modulo 2^32. */
function checksum(file: Uint8Array, start: number, length: number): number {
  let sum = 0;
  const end = start + padded(length);
  for (let at = start; at < end; at += 4) sum = (sum + ((file[at]! << 24) | (file[at + 1]! << 16) | (file[at + 2]! << 8) | file[at + 3]!)) >>> 0;
  return sum;
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
