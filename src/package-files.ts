/**
 * Files of the data packages offprint reads at run time (hyphenation patterns, country data,
 * the world atlas), loaded on first use without Node's CommonJS loader. The command's start-up
 * snapshot (src/snapshot.ts) is taken after a warm-up build has loaded them, and Node refuses to
 * start from a snapshot whose heap holds modules its CommonJS loader loaded. So: JSON is parsed,
 * and a script runs the way CommonJS runs it (a function of `exports, require, module,
 * __filename, __dirname`), its own `require` resolving the same way. These packages are plain
 * CommonJS or UMD data, so nothing else of the loader is needed.
 */
import { readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname } from 'node:path';
import { compileFunction } from 'node:vm';

interface LoadedModule {
  exports: unknown;
}

/** Each file once per process, as Node's module cache would keep it. */
const loaded = new Map<string, LoadedModule>();
const nodeRequire = createRequire(import.meta.url);

/** The files loaded so far, in the order they were first asked for. */
export function loadedPackageFiles(): string[] {
  return [...loaded.keys()];
}

/** What `require(specifier)` would return from offprint's own code: a package file's exports. */
export function requirePackageFile(specifier: string): unknown {
  return loadFrom(nodeRequire, specifier);
}

function loadFrom(resolver: NodeJS.Require, specifier: string): unknown {
  if (isBuiltin(specifier)) return nodeRequire(specifier);
  const file = resolver.resolve(specifier);
  const known = loaded.get(file);
  if (known) return known.exports;
  const module: LoadedModule = { exports: {} };
  // Kept before it runs, as CommonJS does, so a cycle sees the exports made so far.
  loaded.set(file, module);
  try {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.json')) {
      module.exports = JSON.parse(text);
    } else {
      const ownResolver = createRequire(file);
      const ownRequire = ((inner: string) => loadFrom(ownResolver, inner)) as NodeJS.Require;
      const body = compileFunction(text, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: file });
      body.call(module.exports, module.exports, ownRequire, module, file, dirname(file));
    }
  } catch (error) {
    loaded.delete(file);
    throw error;
  }
  return module.exports;
}
