/**
 * A fast shaper for the words nearly every brief is made of: Latin letters, digits and
 * punctuation in one of our faces. It applies the font's own GSUB and GPOS lookups in the order
 * fontkit does (its default shaper: one stage of features, lookup order, first subtable that applies,
 * its glyph iterator), reading the tables in place (layout-tables.ts) instead of decoding them.
 *
 * It does single substitutions, ligatures, single and pair positioning (kerning) itself. For
 * anything else it does not guess: a word that a contextual lookup could touch, a mark, a
 * multiple or alternate substitution, cursive attachment, a character outside Latin/Common
 * script, a default-ignorable character, a fraction slash or a missing glyph makes it answer
 * `undefined`, and the word goes to fontkit. So its answer is either fontkit's answer or none;
 * tests/fast-shaping.test.ts checks that against fontkit word by word for every face and style.
 *
 * Why: fontkit's first shaping of a word costs ~0.25 ms on a cold start (it builds objects for
 * every table it touches and runs a general engine); a first brief shapes about a thousand.
 */
import type * as fontkit from 'fontkit';
import { getScript } from 'unicode-properties';
import { classOf, coverageIndex, IGNORE_BASE_GLYPHS, IGNORE_LIGATURES, readLayoutTables, type FontBytes, type LayoutTable, type LayoutTables, type Lookup } from './layout-tables.js';
import type { ShapedGlyph, ShapedText } from './shaping.js';

/**
 * fontkit's default shaper, left to right: the preprocessing features (variations, direction),
 * then the common and horizontal ones. It adds them all to one stage, so their lookups are
 * applied together in lookup-index order, not those of the first features first.
 */
const FIRST_STAGE = ['rvrn', 'ltra', 'ltrm'];
/** Fraction features are planned as local ones: they apply only around U+2044, which we leave to fontkit. */
const LOCAL_FEATURES = ['frac', 'numr', 'dnom'];
const SECOND_STAGE = ['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];
/** Scripts fontkit falls back on when the font has none for the text's own. */
const DEFAULT_SCRIPTS = ['DFLT', 'dflt', 'latn'];

const BASE = 1;
const LIGATURE = 2;
const MARK = 3;

/** Thrown (and caught in `fastShape`) when a lookup could do something the fast path does not do. */
const NOT_SIMPLE = Symbol('not simple');

interface Plan {
  gsub: Lookup[];
  gpos: Lookup[];
}

interface Slot {
  id: number;
  codePoints: number[];
  glyphClass: number;
}

interface Position {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** A face's tables and what has been looked up in them. */
interface FastFace {
  tables: LayoutTables;
  classes: number;
  scale: number;
  glyphIds: Map<number, number>;
  /** Plans by script tag and features key; `null` when the face cannot be shaped fast that way. */
  plans: Map<string, Plan | null>;
}

const faces = new WeakMap<fontkit.Font, FastFace | null>();

function fastFace(face: fontkit.Font, buffer: Uint8Array): FastFace | null {
  let fast = faces.get(face);
  if (fast !== undefined) return fast;
  const tables = readLayoutTables(buffer);
  fast = tables.glyphClasses === undefined || !tables.gsub || !tables.gpos || tables.variable ? null : { tables, classes: tables.glyphClasses, scale: 1000 / face.unitsPerEm, glyphIds: new Map(), plans: new Map() };
  faces.set(face, fast);
  return fast;
}

/**
 * `text` shaped with `features` as fontkit would shape it, or `undefined` when the fast path
 * cannot vouch for that (the caller then asks fontkit).
 */
export function fastShape(face: fontkit.Font, buffer: Uint8Array, text: string, features: readonly string[] | undefined, featureKey: string): ShapedText | undefined {
  const fast = fastFace(face, buffer);
  if (!fast) return undefined;
  const slots: Slot[] = [];
  let latin = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Surrogates (astral characters), default-ignorables and the fraction slash go to fontkit.
    if ((code >= 0xd800 && code <= 0xdfff) || isDefaultIgnorable(code) || code === 0x2044) return undefined;
    const script = getScript(code);
    if (script === 'Latin') latin = true;
    else if (script !== 'Common') return undefined;
    const id = glyphId(fast, face, code);
    if (id === 0) return undefined;
    const glyphClass = classOf(fast.tables.bytes, fast.classes, id);
    if (glyphClass === MARK) return undefined;
    slots.push({ id, codePoints: [code], glyphClass });
  }
  const plan = planFor(fast, latin ? 'latn' : 'zzzz', features, featureKey);
  if (!plan) return undefined;
  try {
    const bytes = fast.tables.bytes;
    for (const lookup of plan.gsub) substitute(bytes, fast.classes, lookup, slots);
    for (const slot of slots) if (slot.glyphClass === MARK) return undefined;
    // A glyph's own advance, read from the font's bytes (asking fontkit builds its glyph object first).
    const advances = slots.map((slot) => fast.tables.advance(slot.id));
    const positions: Position[] = advances.map((advance) => ({ xAdvance: advance, xOffset: 0, yOffset: 0 }));
    for (const lookup of plan.gpos) position(bytes, lookup, slots, positions);
    const glyphs: ShapedGlyph[] = [];
    let advance = 0;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      const at = positions[i]!;
      const glyph: ShapedGlyph = {
        id: slot.id,
        codePoints: slot.codePoints,
        advanceWidth: advances[i]! * fast.scale,
        xAdvance: at.xAdvance * fast.scale,
        xOffset: at.xOffset * fast.scale,
        yOffset: at.yOffset * fast.scale,
      };
      glyphs.push(glyph);
      advance += glyph.xAdvance;
    }
    return { glyphs, advance, missing: [] };
  } catch (error) {
    if (error === NOT_SIMPLE) return undefined;
    throw error;
  }
}

function glyphId(fast: FastFace, face: fontkit.Font, code: number): number {
  let id = fast.glyphIds.get(code);
  if (id === undefined) {
    id = face.glyphForCodePoint(code).id;
    fast.glyphIds.set(code, id);
  }
  return id;
}

/**
 * The lookups fontkit's default shaper applies for a script and the user's features: those of
 * its default features and of the user features not already planned, all in one stage, in
 * lookup-index order. A lookup two features share is applied twice, as fontkit does.
 */
function planFor(fast: FastFace, script: string, features: readonly string[] | undefined, featureKey: string): Plan | null {
  const key = `${script}\u0000${featureKey}`;
  const known = fast.plans.get(key);
  if (known !== undefined) return known;
  const gsubScript = selectScript(fast.tables.gsub!, script);
  const gposScript = selectScript(fast.tables.gpos!, script);
  let plan: Plan | null = null;
  if (gsubScript !== undefined && gposScript !== undefined) {
    const planned = new Set([...FIRST_STAGE, ...LOCAL_FEATURES, ...SECOND_STAGE]);
    const second = [...SECOND_STAGE];
    for (const tag of features ?? []) {
      if (!planned.has(tag)) {
        planned.add(tag);
        second.push(tag);
      }
    }
    const gposFeatures = fast.tables.gpos!.features(gposScript);
    // Without a GPOS kern feature fontkit kerns with a legacy 'kern' table, which we do not read.
    if (gposFeatures.has('kern') || !fast.tables.legacyKern) {
      plan = {
        gsub: stageLookups(fast.tables.gsub!, gsubScript, [...FIRST_STAGE, ...second]),
        gpos: stageLookups(fast.tables.gpos!, gposScript, [...FIRST_STAGE, ...second]),
      };
    }
  }
  fast.plans.set(key, plan);
  return plan;
}

function selectScript(table: LayoutTable, script: string): string | undefined {
  const tags = table.scriptTags();
  if (tags.includes(script)) return script;
  return DEFAULT_SCRIPTS.find((tag) => tags.includes(tag));
}

function stageLookups(table: LayoutTable, script: string, stage: readonly string[]): Lookup[] {
  const features = table.features(script);
  const indices: number[] = [];
  for (const tag of stage) for (const index of features.get(tag) ?? []) indices.push(index);
  // Array.prototype.sort is stable: equal indices keep their features' order, as in fontkit.
  indices.sort((a, b) => a - b);
  return indices.map((index) => table.lookup(index));
}

/**
 * fontkit's glyph iterator over the slots for one lookup: it starts at the first slot whatever
 * the flags say, then steps over glyphs the lookup ignores (there are no marks here, so only
 * base glyphs or ligatures can be ignored).
 */
function ignores(flag: number, slot: Slot): boolean {
  return ((flag & IGNORE_BASE_GLYPHS) !== 0 && slot.glyphClass === BASE) || ((flag & IGNORE_LIGATURES) !== 0 && slot.glyphClass === LIGATURE);
}

function nextIndex(flag: number, slots: readonly Slot[], index: number): number {
  let next = index + 1;
  while (next < slots.length && ignores(flag, slots[next]!)) next++;
  return next;
}

function substitute(bytes: FontBytes, classes: number, lookup: Lookup, slots: Slot[]): void {
  for (let index = 0; index < slots.length; index = nextIndex(lookup.flag, slots, index)) {
    for (const subtable of lookup.subtables) {
      if (substituteAt(bytes, classes, lookup, subtable, slots, index)) break;
    }
  }
}

/** One GSUB subtable at one glyph: whether it applied (then the lookup moves on to the next glyph). */
function substituteAt(bytes: FontBytes, classes: number, lookup: Lookup, subtable: number, slots: Slot[], index: number): boolean {
  const slot = slots[index]!;
  switch (lookup.type) {
    case 1: {
      const covered = firstCoverage(bytes, subtable, slot.id);
      if (covered === -1) return false;
      slot.id = bytes.u16(subtable) === 1 ? (slot.id + bytes.i16(subtable + 4)) & 0xffff : bytes.u16(subtable + 6 + covered * 2);
      slot.glyphClass = classOf(bytes, classes, slot.id);
      return true;
    }
    case 4:
      return ligate(bytes, classes, lookup, subtable, slots, index);
    case 5:
    case 6:
      return contextCouldApply(bytes, lookup, subtable, slots, index);
    default:
      // Multiple, alternate and reverse chaining substitutions: fontkit's, if they touch the word.
      return refuseIfCovered(bytes, subtable, slot.id);
  }
}

function ligate(bytes: FontBytes, classes: number, lookup: Lookup, subtable: number, slots: Slot[], index: number): boolean {
  const covered = firstCoverage(bytes, subtable, slots[index]!.id);
  if (covered === -1) return false;
  const set = subtable + bytes.u16(subtable + 6 + covered * 2);
  for (let l = 0, count = bytes.u16(set); l < count; l++) {
    const ligature = set + bytes.u16(set + 2 + l * 2);
    const components = bytes.u16(ligature + 2);
    const matched: number[] = [];
    let at = index;
    for (let c = 1; c < components; c++) {
      at = nextIndex(lookup.flag, slots, at);
      if (at >= slots.length || slots[at]!.id !== bytes.u16(ligature + 4 + (c - 1) * 2)) break;
      matched.push(at);
    }
    if (matched.length !== components - 1) continue;
    // A ligature over glyphs the lookup stepped over would need fontkit's ligature bookkeeping.
    if (matched.some((position, k) => position !== index + k + 1)) throw NOT_SIMPLE;
    const id = bytes.u16(ligature);
    const codePoints = slots[index]!.codePoints.slice();
    for (const position of matched) codePoints.push(...slots[position]!.codePoints);
    slots.splice(index, components, { id, codePoints, glyphClass: classOf(bytes, classes, id) });
    return true;
  }
  return false;
}

/**
 * Contextual lookups (GSUB 5/6, GPOS 7/8) are fontkit's whenever they could match here: formats
 * 1 and 2 as soon as the glyph is in their coverage, format 3 when the input and lookahead
 * sequences match (the backtrack is not checked, which only sends more words to fontkit).
 */
function contextCouldApply(bytes: FontBytes, lookup: Lookup, subtable: number, slots: readonly Slot[], index: number): false {
  const format = bytes.u16(subtable);
  if (format !== 3) return refuseIfCovered(bytes, subtable, slots[index]!.id);
  const chained = lookup.type === 6 || lookup.type === 8;
  let at = subtable + 2;
  if (chained) at += 2 + bytes.u16(at) * 2;
  const inputCount = bytes.u16(at);
  // Plain context format 3: glyphCount, seqLookupCount, then the coverages.
  const inputs = chained ? at + 2 : at + 4;
  let position = index;
  for (let k = 0; k < inputCount; k++) {
    if (k > 0) position = nextIndex(lookup.flag, slots, position);
    if (position >= slots.length || coverageIndex(bytes, subtable + bytes.u16(inputs + k * 2), slots[position]!.id) === -1) return false;
  }
  if (chained) {
    const lookahead = inputs + inputCount * 2;
    for (let k = 0, count = bytes.u16(lookahead); k < count; k++) {
      position = nextIndex(lookup.flag, slots, position);
      if (position >= slots.length || coverageIndex(bytes, subtable + bytes.u16(lookahead + 2 + k * 2), slots[position]!.id) === -1) return false;
    }
  }
  throw NOT_SIMPLE;
}

function position(bytes: FontBytes, lookup: Lookup, slots: readonly Slot[], positions: Position[]): void {
  for (let index = 0; index < slots.length; index = nextIndex(lookup.flag, slots, index)) {
    for (const subtable of lookup.subtables) {
      if (positionAt(bytes, lookup, subtable, slots, positions, index)) break;
    }
  }
}

/** One GPOS subtable at one glyph: whether it applied. */
function positionAt(bytes: FontBytes, lookup: Lookup, subtable: number, slots: readonly Slot[], positions: Position[], index: number): boolean {
  const slot = slots[index]!;
  switch (lookup.type) {
    case 1: {
      const covered = firstCoverage(bytes, subtable, slot.id);
      if (covered === -1) return false;
      const format = bytes.u16(subtable + 4);
      const value = bytes.u16(subtable) === 1 ? subtable + 6 : subtable + 8 + covered * valueSize(format);
      adjust(bytes, format, value, positions[index]!);
      return true;
    }
    case 2:
      return kern(bytes, lookup, subtable, slots, positions, index);
    case 7:
    case 8:
      return contextCouldApply(bytes, lookup, subtable, slots, index);
    default:
      // Cursive and mark attachment: fontkit's, if their (first) coverage holds the glyph.
      return refuseIfCovered(bytes, subtable, slot.id);
  }
}

/** Pair positioning: by glyph pairs (format 1) or by classes (format 2). */
function kern(bytes: FontBytes, lookup: Lookup, subtable: number, slots: readonly Slot[], positions: Position[], index: number): boolean {
  const next = nextIndex(lookup.flag, slots, index);
  if (next >= slots.length) return false;
  const covered = firstCoverage(bytes, subtable, slots[index]!.id);
  if (covered === -1) return false;
  const format1 = bytes.u16(subtable + 4);
  const format2 = bytes.u16(subtable + 6);
  const size1 = valueSize(format1);
  const size2 = valueSize(format2);
  if (bytes.u16(subtable) === 1) {
    const set = subtable + bytes.u16(subtable + 10 + covered * 2);
    const second = slots[next]!.id;
    for (let p = 0, count = bytes.u16(set); p < count; p++) {
      const record = set + 2 + p * (2 + size1 + size2);
      if (bytes.u16(record) !== second) continue;
      adjust(bytes, format1, record + 2, positions[index]!);
      adjust(bytes, format2, record + 2 + size1, positions[next]!);
      return true;
    }
    return false;
  }
  const class1 = classOf(bytes, subtable + bytes.u16(subtable + 8), slots[index]!.id);
  const class2 = classOf(bytes, subtable + bytes.u16(subtable + 10), slots[next]!.id);
  const class1Count = bytes.u16(subtable + 12);
  const class2Count = bytes.u16(subtable + 14);
  if (class1 >= class1Count || class2 >= class2Count) throw NOT_SIMPLE;
  const record = subtable + 16 + (class1 * class2Count + class2) * (size1 + size2);
  adjust(bytes, format1, record, positions[index]!);
  adjust(bytes, format2, record + size1, positions[next]!);
  // fontkit counts a class pair as applied even when its values are zero.
  return true;
}

/** A subtable the fast path does not apply: the word is fontkit's if the subtable covers the glyph. */
function refuseIfCovered(bytes: FontBytes, subtable: number, glyph: number): false {
  if (firstCoverage(bytes, subtable, glyph) !== -1) throw NOT_SIMPLE;
  return false;
}

/** A glyph's index in the coverage table most subtables point to first (offset 2), or -1. */
function firstCoverage(bytes: FontBytes, subtable: number, glyph: number): number {
  return coverageIndex(bytes, subtable + bytes.u16(subtable + 2), glyph);
}

/** Bytes of a ValueRecord: two for each field its format's bits name. */
function valueSize(format: number): number {
  let size = 0;
  for (let bits = format & 0xff; bits; bits >>= 1) size += (bits & 1) * 2;
  return size;
}

/** Adds a ValueRecord's placement and advance to a glyph's position (device tables are for variable fonts). */
function adjust(bytes: FontBytes, format: number, at: number, target: Position): void {
  let field = at;
  if (format & 0x1) {
    target.xOffset += bytes.i16(field);
    field += 2;
  }
  if (format & 0x2) {
    target.yOffset += bytes.i16(field);
    field += 2;
  }
  if (format & 0x4) target.xAdvance += bytes.i16(field);
}

/** fontkit's list of default-ignorable characters (drawn as zero-width spaces), in the BMP. */
function isDefaultIgnorable(code: number): boolean {
  return (
    code === 0x00ad ||
    code === 0x034f ||
    code === 0x061c ||
    (code >= 0x17b4 && code <= 0x17b5) ||
    (code >= 0x180b && code <= 0x180e) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0xfeff ||
    (code >= 0xfff0 && code <= 0xfff8)
  );
}
