/**
 * The pack's date, the same whenever the same inputs are packed: the one asked for, else the
 * newest brief's `date:`, else SOURCE_DATE_EPOCH's day; never the clock. None of these: no date.
 */
import { BriefError } from '../diagnostics.js';

export function packDate(asked: string | undefined, briefDates: ReadonlyArray<string | undefined>): string | undefined {
  if (asked !== undefined) {
    if (!isIsoDate(asked)) throw new BriefError(`the pack's date must be a date written YYYY-MM-DD, not "${asked}"`, { file: '--date', line: 1, column: 1 });
    return asked;
  }
  const newest = briefDates.filter((date): date is string => date !== undefined).sort().pop();
  if (newest) return newest;
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  return undefined;
}

/** `YYYY-MM-DD` naming a day that exists. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
