import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Writes beside the target and renames, so a failed write never leaves a half file. */
export function writeAtomically(target: string, bytes: Uint8Array | string): void {
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
