#!/usr/bin/env node
// Bundles the compiled command line (dist/*.js, after tsc) into single files in dist/bundle/, so
// a run of `offprint` loads one file instead of resolving and linking some 400 modules.
// dist/index.js stays the library entry; only what runs as a process is bundled.
//
// Each entry becomes dist/bundle/<name>.js, all in one folder: a script another entry starts
// (a worker found with `new URL('./worker.js', import.meta.url)` from the folder it sits in
// under dist/) is then found beside it in the bundle as well.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist', 'bundle');

/** What runs as its own process or thread. `optional`: bundled once the file exists. */
const ENTRIES = [
  { name: 'cli', from: 'dist/cli.js' },
  { name: 'worker', from: 'dist/batch/worker.js', optional: true },
];

const require = createRequire(import.meta.url);
const pdfkitEntry = require.resolve('pdfkit').replace(/pdfkit\.js$/, 'pdfkit.node.mjs');

/**
 * pdfkit's ES build loads the AFM metrics of its standard fonts (Helvetica is set up by every
 * new document) through `createRequire(import.meta.url)` and its package's `#standard-fonts`
 * imports, which would resolve against the bundle's folder. Rewritten as plain requires of the
 * files, esbuild bundles them (each still runs only when asked for).
 */
const pdfkitStandardFonts = {
  name: 'pdfkit-standard-fonts',
  setup(bundle) {
    bundle.onLoad({ filter: /pdfkit\.node\.mjs$/ }, (args) => {
      const dir = dirname(args.path);
      let source = readFileSync(args.path, 'utf8');
      let count = 0;
      source = source.replace(/require\$1\('#standard-fonts\/(\w+)'\)/g, (_, name) => {
        count++;
        return `require(${JSON.stringify(join(dir, 'standard-fonts', `${name}.cjs`))})`;
      });
      if (count !== 14) throw new Error(`pdfkit-standard-fonts: expected 14 standard fonts in ${args.path}, found ${count}`);
      return { contents: source, loader: 'js' };
    });
  },
};

const entries = ENTRIES.filter((entry) => !entry.optional || existsSync(join(root, entry.from)));
await build({
  entryPoints: Object.fromEntries(entries.map((entry) => [entry.name, join(root, entry.from)])),
  outdir: out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Bundled CommonJS packages call require() for Node's own modules.
  banner: { js: "import { createRequire as __offprintRequire } from 'node:module'; const require = __offprintRequire(import.meta.url);" },
  plugins: [pdfkitStandardFonts],
  legalComments: 'none',
  logLevel: 'warning',
});
// pdfkit reads its sRGB profile (for --pdfa) from `./data/` beside the file that holds it.
mkdirSync(join(out, 'data'), { recursive: true });
copyFileSync(join(dirname(pdfkitEntry), 'data', 'sRGB_IEC61966_2_1.icc'), join(out, 'data', 'sRGB_IEC61966_2_1.icc'));
console.log(`bundled ${entries.map((e) => e.name).join(', ')} into dist/bundle/`);
