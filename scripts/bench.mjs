// `make bench`: evaluate() on generated tenders natively (release), through the wasm build in Node,
// and in headless Chromium (bench/index.html); prints a table and checks the budgets.
//
// Targets: native evaluation < 1 ms (20 bids × 30 criteria × 3 evaluators) and < 50 ms (1,000 ×
// 40 × 3); wasm within 3× native doing the same work (evaluation plus the result as JSON, which the
// binding turns into a JS object). The figures are what matter and are printed against their
// targets; the checks only catch a gross slowdown (10× a native target, 2× the wasm ratio), so a
// busy or slow machine never fails the build on timing alone.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { benchEvaluate } from '../bench/measure.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const CASES = [
  { name: '20x30x3', size: [20, 30, 3], nativeTargetMs: 1 },
  { name: '1000x40x3', size: [1000, 40, 3], nativeTargetMs: 50 },
];
const WASM_TARGET = 3; // × native
const NATIVE_SLACK = 10; // a native budget fails at NATIVE_SLACK × its target
const WASM_SLACK = 2; // the wasm ratio fails at WASM_SLACK × WASM_TARGET

const cargo = (args) => execFileSync('cargo', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'inherit'] });

// Native: the release build, through the bench harness (benches/evaluate.rs).
const nativeLines = cargo(['bench', '--locked', '--quiet', '--bench', 'evaluate', '--', ...CASES.map((c) => c.name)]);
const native = Object.fromEntries(
  nativeLines.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)).map((r) => [r.case, r]),
);
const cases = CASES.map((c) => ({
  name: c.name,
  text: cargo(['run', '--locked', '--quiet', '--', 'generate', ...c.size.map(String), '1']),
}));

// Node: the same pkg/ a page loads.
const glue = await import(join(root, 'pkg/bidscore.js'));
glue.initSync({ module: readFileSync(join(root, 'pkg/bidscore_bg.wasm')) });
const node = Object.fromEntries(benchEvaluate(glue.evaluate, cases).map((r) => [r.name, r.medianMs]));

// Chromium: bench/index.html, served with pkg/ from a local server.
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^\/+/, '');
  if (!/^(bench|pkg)\//.test(path)) return res.writeHead(404).end();
  try {
    const body = readFileSync(join(root, path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let chrome;
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(`http://127.0.0.1:${server.address().port}/bench/index.html`);
  await page.evaluate(() => window.engineReady);
  const results = await page.evaluate((c) => window.runBench(c), cases);
  if (errors.length) throw errors[0];
  chrome = Object.fromEntries(results.map((r) => [r.name, r.medianMs]));
} finally {
  await browser.close();
  server.close();
}

// The table and the budgets.
const ms = (x) => `${x < 10 ? x.toFixed(3) : x.toFixed(1)} ms`;
const failures = [];
console.log('\n                 native (release)         wasm, result as a JS object');
console.log('case         evaluate   + JSON out    in Node             in Chromium         targets');
for (const c of CASES) {
  const { evaluate_ms: e, with_json_ms: n } = native[c.name];
  const cell = (w) => `${ms(w)} (${(w / n).toFixed(1)}×)`.padEnd(20);
  console.log(`${c.name.padEnd(13)}${ms(e).padEnd(11)}${ms(n).padEnd(14)}${cell(node[c.name])}${cell(chrome[c.name])}` +
    `evaluate < ${c.nativeTargetMs} ms; wasm < ${WASM_TARGET}× native + JSON`);
  if (e > NATIVE_SLACK * c.nativeTargetMs) failures.push(`${c.name}: native evaluate ${ms(e)} is over ${NATIVE_SLACK}× its ${c.nativeTargetMs} ms target`);
  for (const [where, w] of [['Node', node[c.name]], ['Chromium', chrome[c.name]]]) {
    if (w > WASM_SLACK * WASM_TARGET * n) failures.push(`${c.name}: wasm in ${where} is ${(w / n).toFixed(1)}× native, over ${WASM_SLACK}× the ${WASM_TARGET}× target`);
  }
}
for (const f of failures) console.error(`bench: ${f}`);
process.exit(failures.length ? 1 : 0);
