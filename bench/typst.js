// A peer for scale: Typst, through its npm compiler, setting docs/compare/brief.typ (the seed's
// text in offprint's page geometry, fonts, size, leading, hyphenation; two justified columns).
// Run as a script, it is the whole-process case: `node bench/typst.js out.pdf`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** A function compiling the brief to PDF bytes, or throws why Typst cannot load. */
export function typstCompiler() {
  const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
  const compiler = NodeCompiler.create({ workspace: root, fontArgs: [{ fontPaths: [`${root}fonts`] }] });
  const mainFileContent = readFileSync(`${root}docs/compare/brief.typ`, 'utf8');
  return () => {
    const pdf = compiler.pdf({ mainFileContent });
    if (!pdf?.length) throw new Error('Typst produced no PDF');
    return pdf;
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(process.argv[2], typstCompiler()());
