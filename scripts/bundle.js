#!/usr/bin/env node
// Bundles the compiled command line (dist/*.js, after tsc) into single files in dist/bundle/, so
// a run of `offprint` loads one file instead of resolving and linking some 400 modules.
// dist/index.js stays the library entry; only what runs as a process or thread is bundled.
//
// Each entry becomes, all in one folder:
//   dist/bundle/<name>.cjs         the bundle (CommonJS, so vm.Script can compile it with a cache)
//   dist/bundle/<name>.cjs.cache   V8's code for the functions a warm-up run compiled
//   dist/bundle/<name>.js          what is run (npm start, new Worker): starts the bundle
//                                  through dist/bundle/launch.js (scripts/launch.js)
// and dist/bundle/offprint (scripts/offprint.sh), the command: it starts Node from the snapshot
// scripts/snapshot.js makes of the snapshot entry, or runs cli.js.
// A script another entry starts (a worker found with `new URL('./worker.js', import.meta.url)`
// from the folder it sits in under dist/) is then found beside it in the bundle as well.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist', 'bundle');

/**
 * What runs as its own process or thread. `optional`: bundled once the file exists. `warmup`:
 * the arguments of the run whose compiled code is cached (`{out}` is a scratch folder); a brief
 * other than the benchmark's seed, so the cache is not tuned to what the benchmark times.
 */
const ENTRIES = [
  { name: 'cli', from: 'dist/cli.js', warmup: ['build', join(root, 'content', 'baltic-seabed-cables.md'), '-o', '{out}/warmup.pdf'] },
  { name: 'worker', from: 'dist/batch/worker.js', optional: true },
  // Run by `node --build-snapshot` itself (scripts/snapshot.js), not through the launcher.
  { name: 'snapshot', from: 'dist/snapshot.js', direct: true },
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
const common = { bundle: true, platform: 'node', target: 'node20', plugins: [pdfkitStandardFonts], legalComments: 'none', logLevel: 'silent' };
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
copyFileSync(join(root, 'scripts', 'launch.js'), join(out, 'launch.js'));
const notes = [];
for (const entry of entries) {
  try {
    await build({
      ...common,
      entryPoints: [join(root, entry.from)],
      outfile: join(out, `${entry.name}.cjs`),
      format: 'cjs',
      // The ES modules find their files from import.meta.url (fonts/, package.json, pdfkit's
      // data): the launcher passes the bundle's own URL.
      define: { 'import.meta.url': '__offprintFileUrl' },
      ...(entry.direct ? { banner: { js: 'var __offprintFileUrl = require("node:url").pathToFileURL(__filename).href;' } } : {}),
    });
  } catch (error) {
    // CommonJS has no top-level await: such an entry is bundled as an ES module instead, which
    // runs as it is, without a code cache.
    if (!/top-level await/i.test(String(error.message))) throw error;
    await build({
      ...common,
      entryPoints: [join(root, entry.from)],
      outfile: join(out, `${entry.name}.js`),
      format: 'esm',
      // Bundled CommonJS packages call require() for Node's own modules.
      banner: { js: "import { createRequire as __offprintCreateRequire } from 'node:module'; const require = __offprintCreateRequire(import.meta.url);" },
    });
    notes.push(`${entry.name} as an ES module (it uses top-level await), without a code cache`);
    continue;
  }
  if (entry.direct) continue;
  writeFileSync(join(out, `${entry.name}.js`), `#!/usr/bin/env node\n// Runs ${entry.name}.cjs (see launch.js).\nimport { start } from './launch.js';\n\nstart(import.meta.url);\n`, { mode: 0o755 });
  if (!entry.warmup) continue;
  const scratch = mkdtempSync(join(tmpdir(), 'offprint-warmup-'));
  try {
    const args = entry.warmup.map((arg) => arg.replace('{out}', scratch));
    execFileSync(process.execPath, [join(root, 'scripts', 'code-cache.js'), join(out, `${entry.name}.cjs`), ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
copyFileSync(join(root, 'scripts', 'offprint.sh'), join(out, 'offprint'));
chmodSync(join(out, 'offprint'), 0o755);
// pdfkit reads its sRGB profile (for --pdfa) from `./data/` beside the file that holds it.
mkdirSync(join(out, 'data'), { recursive: true });
copyFileSync(join(dirname(pdfkitEntry), 'data', 'sRGB_IEC61966_2_1.icc'), join(out, 'data', 'sRGB_IEC61966_2_1.icc'));
console.log(`bundled ${entries.map((e) => e.name).join(', ')} into dist/bundle/${notes.length ? ` (${notes.join('; ')})` : ''}`);
