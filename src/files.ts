/**
 * Reading inputs and writing outputs the way every offprint command does: a folder stands for
 * its .md and .txt briefs in name order, and a file is written beside its target and renamed,
 * so a failed run never leaves half a file or replaces a good earlier one.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** A file stays as it is; a folder gives its .md and .txt files in name order. */
export function expandInput(input: string): string[] {
  let stats;
  try {
    stats = statSync(input);
  } catch {
    throw new Error(`${input}: no such file or folder`);
  }
  if (!stats.isDirectory()) return [input];
  return readdirSync(input)
    .filter((name) => /\.(md|txt)$/i.test(name) && !name.startsWith('.'))
    .sort()
    .map((name) => join(input, name));
}

/** Writes beside the target and renames, so a failed write never leaves a half-written file. */
export function writeAtomically(target: string, bytes: Uint8Array): void {
  mkdirSync(dirname(resolve(target)), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
