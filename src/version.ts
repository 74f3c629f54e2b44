import { readFileSync } from 'node:fs';

let cached: string | undefined;

/**
 * offprint's version, from its package.json (read once). The file is one folder up from
 * dist/version.js and two from the bundled command line (dist/bundle/cli.js).
 */
export function version(): string {
  if (!cached) {
    for (const relative of ['../package.json', '../../package.json']) {
      let pkg: { name?: string; version?: string };
      try {
        pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as typeof pkg;
      } catch {
        continue;
      }
      if (pkg.name === 'offprint' && pkg.version) {
        cached = pkg.version;
        break;
      }
    }
    if (!cached) throw new Error('offprint: its package.json is missing from the installation');
  }
  return cached;
}
