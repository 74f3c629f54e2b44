// Makes the V8 code cache of a bundled entry (scripts/bundle.js runs this in a child process):
// compiles dist/bundle/<name>.cjs as the launcher does, runs it with the warm-up arguments, and
// when the run is over writes the code of every function it compiled to <name>.cjs.cache.
//   node scripts/code-cache.js dist/bundle/cli.cjs build content/x.md -o /tmp/x.pdf
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [bodyArgument, ...args] = process.argv.slice(2);
const body = resolve(bodyArgument);
const { compile, run } = await import(new URL('../dist/bundle/launch.js', import.meta.url).href);
const script = compile(body);
// The entry reads its arguments as a process started with them would.
process.argv = [process.argv[0], body.replace(/\.cjs$/, '.js'), ...args];
let written = false;
process.on('beforeExit', () => {
  if (written) return;
  written = true;
  if (process.exitCode) throw new Error(`the warm-up run of ${bodyArgument} failed`);
  writeFileSync(`${body}.cache`, script.createCachedData());
});
run(script, body);
