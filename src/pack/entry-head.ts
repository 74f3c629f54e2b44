/**
 * Where a brief's entry in the pack's lists goes, from its kicker down: the headline, the dek
 * (on the contents page) and the byline. The cover and the contents page place entries alike.
 */
import type { TextStyle } from '../layout/styles.js';
import { bylineOf, type PackEntry } from './entries.js';
import { set } from './page-builder.js';
import { ENTRY_BYLINE, ENTRY_DEK } from './styles.js';

export interface EntryHead {
  /** Baselines: the kicker's, the headline's first, the dek's first and the byline's. */
  kicker: number;
  headline: ReturnType<typeof set>;
  headlineTop: number;
  dek: ReturnType<typeof set> | undefined;
  dekTop: number;
  byline: ReturnType<typeof set> | undefined;
  bylineY: number;
  lastBaseline: number;
}

export interface EntryForm {
  headline: TextStyle;
  measure: number;
  dek: boolean;
  byline: boolean;
}

/** Where an entry's head goes when its kicker's baseline is at `kicker`. */
export function entryHead(entry: PackEntry, kicker: number, form: EntryForm): EntryHead {
  const headline = set(entry.meta.title, form.headline, form.measure, 'balanced');
  const headlineTop = kicker + form.headline.leading + 1;
  let end = headlineTop + (headline.length - 1) * form.headline.leading;
  const dek = form.dek && entry.meta.dek ? set(entry.meta.dek, ENTRY_DEK, form.measure) : undefined;
  const dekTop = end + 16;
  if (dek) end = dekTop + (dek.length - 1) * ENTRY_DEK.leading;
  const words = form.byline ? bylineOf(entry.meta) : '';
  const byline = words ? set(words, ENTRY_BYLINE, form.measure) : undefined;
  const bylineY = end + 15;
  return { kicker, headline, headlineTop, dek, dekTop, byline, bylineY, lastBaseline: byline ? bylineY : end };
}
