// Typst 0.14 (the compiler inside @myriaddreamin/typst-ts-node-compiler) typesets one .typ
// file into a PDF, with the fonts galley uses: node bench/typst.mjs MAIN.typ OUT.pdf
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const { NodeCompiler } = require(resolve(here, 'node_modules/@myriaddreamin/typst-ts-node-compiler'));

const [main, out] = process.argv.slice(2);
if (!main || !out) {
  console.error('usage: node typst.mjs MAIN.typ OUT.pdf');
  process.exit(64);
}
const compiler = NodeCompiler.create({
  workspace: dirname(resolve(main)),
  fontArgs: [{ fontPaths: ['/usr/share/fonts/truetype'] }],
});
const result = compiler.compile({ mainFilePath: resolve(main) });
const document = result.result;
if (!document) {
  console.error(JSON.stringify(result.takeDiagnostics()?.shortDiagnostics ?? 'typst failed', null, 1));
  process.exit(65);
}
writeFileSync(out, compiler.pdf(document));
