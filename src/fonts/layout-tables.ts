/**
 * Reads a font's OpenType layout tables (GSUB, GPOS, GDEF) straight from its bytes, for the
 * fast shaper (fast-shaping.ts). Nothing is decoded up front: a lookup's subtables are found
 * when a shaping plan first needs them, and coverage, class and kerning values are read from
 * the buffer where they lie (binary search, offset arithmetic). That is what makes a first
 * brief cheap: fontkit decodes every table it touches into objects before shaping a word.
 *
 * Only what the fast shaper needs is read; formats are those of the OpenType 1.9 spec.
 */

import { horizontalMetrics, tableDirectory } from './sfnt.js';

/** Big-endian reads from a font file. */
class FontBytes {
  private readonly view: DataView;

  constructor(readonly buffer: Uint8Array) {
    this.view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  u16(at: number): number {
    return this.view.getUint16(at);
  }

  i16(at: number): number {
    return this.view.getInt16(at);
  }

  u32(at: number): number {
    return this.view.getUint32(at);
  }

  tag(at: number): string {
    return String.fromCharCode(this.buffer[at]!, this.buffer[at + 1]!, this.buffer[at + 2]!, this.buffer[at + 3]!);
  }
}

/** The index of `glyph` in a Coverage table at `at`, or -1. */
export function coverageIndex(bytes: FontBytes, at: number, glyph: number): number {
  const format = bytes.u16(at);
  const count = bytes.u16(at + 2);
  let low = 0;
  let high = count - 1;
  if (format === 1) {
    while (low <= high) {
      const middle = (low + high) >> 1;
      const id = bytes.u16(at + 4 + middle * 2);
      if (id === glyph) return middle;
      if (id < glyph) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
  if (format === 2) {
    while (low <= high) {
      const middle = (low + high) >> 1;
      const record = at + 4 + middle * 6;
      if (glyph < bytes.u16(record)) high = middle - 1;
      else if (glyph > bytes.u16(record + 2)) low = middle + 1;
      else return bytes.u16(record + 4) + glyph - bytes.u16(record);
    }
    return -1;
  }
  return -1;
}

/** The class of `glyph` in a ClassDef table at `at` (0 when it has none). */
export function classOf(bytes: FontBytes, at: number, glyph: number): number {
  const format = bytes.u16(at);
  if (format === 1) {
    const index = glyph - bytes.u16(at + 2);
    return index >= 0 && index < bytes.u16(at + 4) ? bytes.u16(at + 6 + index * 2) : 0;
  }
  if (format === 2) {
    let low = 0;
    let high = bytes.u16(at + 2) - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const record = at + 4 + middle * 6;
      if (glyph < bytes.u16(record)) high = middle - 1;
      else if (glyph > bytes.u16(record + 2)) low = middle + 1;
      else return bytes.u16(record + 4);
    }
  }
  return 0;
}

/** lookupFlag bits. */
export const IGNORE_BASE_GLYPHS = 0x2;
export const IGNORE_LIGATURES = 0x4;
export const USE_MARK_FILTERING_SET = 0x10;

export interface Lookup {
  index: number;
  /** The lookup type, with extension subtables (GSUB 7, GPOS 9) already resolved. */
  type: number;
  flag: number;
  /** Absolute offsets of the subtables (past any extension wrapper). */
  subtables: number[];
}

/** GSUB or GPOS: its scripts' feature lists and its lookups. */
export class LayoutTable {
  private readonly lookups = new Map<number, Lookup>();
  private readonly featureMaps = new Map<string, Map<string, number[]>>();

  constructor(
    readonly bytes: FontBytes,
    private readonly at: number,
    /** The lookup type that wraps another one in a 32-bit offset (7 in GSUB, 9 in GPOS). */
    private readonly extensionType: number,
  ) {}

  /** Script tags in the table's order. */
  scriptTags(): string[] {
    const list = this.at + this.bytes.u16(this.at + 4);
    const tags: string[] = [];
    for (let i = 0, n = this.bytes.u16(list); i < n; i++) tags.push(this.bytes.tag(list + 2 + i * 6));
    return tags;
  }

  /**
   * The features of a script's default language system: tag → lookup indices. A tag that
   * appears twice keeps the later feature's lookups (as fontkit does); a script without a
   * default language system has no features.
   */
  features(scriptTag: string): Map<string, number[]> {
    const known = this.featureMaps.get(scriptTag);
    if (known) return known;
    const { bytes } = this;
    const features = new Map<string, number[]>();
    const scriptList = this.at + bytes.u16(this.at + 4);
    const featureList = this.at + bytes.u16(this.at + 6);
    for (let i = 0, n = bytes.u16(scriptList); i < n; i++) {
      const record = scriptList + 2 + i * 6;
      if (bytes.tag(record) !== scriptTag) continue;
      const script = scriptList + bytes.u16(record + 4);
      const defaultOffset = bytes.u16(script);
      if (defaultOffset === 0) break;
      const langSys = script + defaultOffset;
      for (let f = 0, count = bytes.u16(langSys + 4); f < count; f++) {
        const featureIndex = bytes.u16(langSys + 6 + f * 2);
        const featureRecord = featureList + 2 + featureIndex * 6;
        const feature = featureList + bytes.u16(featureRecord + 4);
        const indices: number[] = [];
        for (let l = 0, lookups = bytes.u16(feature + 2); l < lookups; l++) indices.push(bytes.u16(feature + 4 + l * 2));
        features.set(bytes.tag(featureRecord), indices);
      }
      break;
    }
    this.featureMaps.set(scriptTag, features);
    return features;
  }

  lookup(index: number): Lookup {
    let lookup = this.lookups.get(index);
    if (lookup) return lookup;
    const { bytes } = this;
    const list = this.at + bytes.u16(this.at + 8);
    const at = list + bytes.u16(list + 2 + index * 2);
    const declaredType = bytes.u16(at);
    let type = declaredType;
    const flag = bytes.u16(at + 2);
    const subtables: number[] = [];
    for (let i = 0, n = bytes.u16(at + 4); i < n; i++) {
      let subtable = at + bytes.u16(at + 6 + i * 2);
      if (declaredType === this.extensionType) {
        // An extension subtable names the real type (the same for all) and where the real subtable lies.
        type = bytes.u16(subtable + 2);
        subtable += bytes.u32(subtable + 4);
      }
      subtables.push(subtable);
    }
    lookup = { index, type, flag, subtables };
    this.lookups.set(index, lookup);
    return lookup;
  }
}

export interface LayoutTables {
  bytes: FontBytes;
  /** A glyph's advance width in font units, from 'hmtx' (glyphs past its long metrics share the last advance). */
  advance(glyph: number): number;
  gsub?: LayoutTable;
  gpos?: LayoutTable;
  /** Absolute offset of GDEF's glyph class table (1 base, 2 ligature, 3 mark), if the font has one. */
  glyphClasses?: number;
  /** Whether the font has a legacy 'kern' table (fontkit applies it when GPOS has no kern feature). */
  legacyKern: boolean;
  /** Whether it is a variable font (whose advances and positions vary: left to fontkit). */
  variable: boolean;
}

/** The layout tables of a font file. */
export function readLayoutTables(buffer: Uint8Array): LayoutTables {
  const bytes = new FontBytes(buffer);
  const tables = tableDirectory(buffer);
  const gsub = tables.get('GSUB')?.offset;
  const gpos = tables.get('GPOS')?.offset;
  const gdef = tables.get('GDEF')?.offset;
  const classOffset = gdef === undefined ? 0 : bytes.u16(gdef + 4);
  return {
    bytes,
    advance: horizontalMetrics(buffer, tables).advance,
    ...(gsub !== undefined ? { gsub: new LayoutTable(bytes, gsub, 7) } : {}),
    ...(gpos !== undefined ? { gpos: new LayoutTable(bytes, gpos, 9) } : {}),
    ...(gdef !== undefined && classOffset !== 0 ? { glyphClasses: gdef + classOffset } : {}),
    legacyKern: tables.has('kern'),
    variable: tables.has('fvar'),
  };
}

export type { FontBytes };
