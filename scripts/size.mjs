// Prints raw and gzipped sizes of the built engine and fails when the wasm is over budget.
// Usage: node scripts/size.mjs [pkg-dir]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

/** Gzipped bytes allowed for the .wasm (150 KiB). */
export const WASM_GZ_BUDGET = 150 * 1024;

const dir = process.argv[2] ?? 'pkg';
const rows = ['bidscore_bg.wasm', 'bidscore.js'].map((name) => {
  const bytes = readFileSync(join(dir, name));
  return { name, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
});
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log('file               raw bytes    gzip -9');
for (const r of rows) {
  console.log(`${r.name.padEnd(18)} ${String(r.raw).padStart(9)}  ${String(r.gz).padStart(9)}  (${kib(r.gz)})`);
}
const wasm = rows[0];
if (wasm.gz > WASM_GZ_BUDGET) {
  console.error(`size: ${wasm.name} is ${kib(wasm.gz)} gzipped, over the ${kib(WASM_GZ_BUDGET)} budget`);
  process.exit(1);
}
console.log(`size: within budget (${kib(WASM_GZ_BUDGET - wasm.gz)} to spare)`);
