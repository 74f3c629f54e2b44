import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** A brief's file name: Markdown or wire copy, not hidden. */
export function isBriefName(name: string): boolean {
  return /\.(md|txt)$/i.test(name) && !name.startsWith('.');
}

/** A file stays as it is; a folder gives its .md and .txt files in name order. */
export function expandInput(input: string): string[] {
  let stats;
  try {
    stats = statSync(input);
  } catch {
    throw new Error(`${input}: no such file or folder`);
  }
  if (!stats.isDirectory()) return [input];
  return readdirSync(input, { withFileTypes: true })
    // A link is followed to see what it is: one to a folder named like a brief is no brief.
    .filter((entry) => isBriefName(entry.name) && !(entry.isSymbolicLink() ? isFolder(join(input, entry.name)) : entry.isDirectory()))
    .map((entry) => entry.name)
    .sort()
    .map((name) => join(input, name));
}

/** A file as messages name it: relative to the working folder. */
export function shownName(file: string): string {
  return relative(process.cwd(), resolve(file)) || file;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
