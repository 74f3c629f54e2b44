// Runs a Node script as if started directly and, when the process ends, prints its peak
// resident memory (worker threads included) on stderr as `offprint-bench-maxrss <KB>`, so the
// benchmark can read a child's peak without help from the script.
//   node bench/rss.js dist/bundle/cli.js build content -o /tmp/out
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => process.stderr.write(`\noffprint-bench-maxrss ${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(resolve(script)).href);
