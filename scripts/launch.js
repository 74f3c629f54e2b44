// Starts a bundled entry of offprint. scripts/bundle.js copies this file to dist/bundle/launch.js
// and writes each entry's dist/bundle/<name>.js as `start(import.meta.url)`: that compiles
// <name>.cjs beside it with the V8 code cache <name>.cjs.cache made at build time, so a run
// skips compiling the functions the warm-up build used. Node 22 has this built in
// (module.enableCompileCache); on Node 20 it is done with vm.Script, as v8-compile-cache did.
// A cache V8 rejects (made by another Node version) only costs the compile it would have saved.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script, constants } from 'node:vm';

/** Runs the bundle that belongs to the entry file at `entryUrl` (`x.js` → `x.cjs`). */
export function start(entryUrl) {
  const body = fileURLToPath(entryUrl).replace(/\.js$/, '.cjs');
  let cachedData;
  try {
    cachedData = readFileSync(`${body}.cache`);
  } catch {
    // A build without a cache: compile as usual.
  }
  run(compile(body, cachedData), body);
}

/** The bundle as a function, the way Node wraps a CommonJS file (its `#!` line taken out). */
export function compile(body, cachedData) {
  const source = readFileSync(body, 'utf8').replace(/^#!.*/, '');
  return new Script(`(function (exports, require, module, __filename, __dirname, __offprintFileUrl) {${source}\n})`, {
    filename: body,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
}

/** Runs a compiled bundle; its ES modules' import.meta.url becomes the bundle's own URL. */
export function run(script, body) {
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(body), module, body, dirname(body), pathToFileURL(body).href);
}
