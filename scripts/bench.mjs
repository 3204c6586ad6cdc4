// `make bench`: evaluate() on generated tenders natively (release), through the wasm build in Node,
// and in headless Chromium (bench/index.html); prints a table and checks the budgets. Then rank
// acceptability (SMAA-2) the same three ways, and the widget's main thread while it runs.
//
// Targets: native evaluation of a read tender < 1 ms (20 bids × 30 criteria × 3 evaluators) and
// < 50 ms (1,000 × 40 × 3), with reading the text shown beside it; wasm within 3× native doing the
// same work (reading, evaluating, and the result as JSON, which the binding turns into a JS object). The figures are what matter and are printed against their
// targets; the checks only catch a gross slowdown (10× a native target, 3× the wasm ratio), so a
// busy or slow machine never fails the build on timing alone.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { benchEvaluate } from '../bench/measure.js';

/** Headless Chromium as the tests start it: nothing it does on its own reaches the network. */
const launchChromium = () =>
  chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const root = fileURLToPath(new URL('../', import.meta.url));
const CASES = [
  { name: '20x30x3', size: [20, 30, 3], nativeTargetMs: 1 },
  { name: '1000x40x3', size: [1000, 40, 3], nativeTargetMs: 50 },
];
const WASM_TARGET = 3; // × native
const NATIVE_SLACK = 10; // a native budget fails at NATIVE_SLACK × its target
// The wasm ratio fails at WASM_SLACK × WASM_TARGET. On the small tender the ratio is mostly the
// fixed cost of each call (the object across the boundary), measured at 4.4-5.6× here on a busy
// two-core machine: twice the target sat too close to that to catch only gross slowdowns.
const WASM_SLACK = 3;

// Its own target directory: a bench build of the library next to `cargo run --release` (make demo)
// in the same directory can leave a library that no longer links (cargo issue 6313).
const cargo = (args) =>
  execFileSync('cargo', args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CARGO_TARGET_DIR: join(root, 'target', 'bench') },
  });

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
const browser = await launchChromium();
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
console.log('\n                 native (release)                    wasm, text in, result as a JS object');
console.log('case         evaluate   read text  text → JSON   in Node             in Chromium         targets');
for (const c of CASES) {
  const { evaluate_ms: e, read_ms: r, with_json_ms: n } = native[c.name];
  const cell = (w) => `${ms(w)} (${(w / n).toFixed(1)}×)`.padEnd(20);
  console.log(`${c.name.padEnd(13)}${ms(e).padEnd(11)}${ms(r).padEnd(11)}${ms(n).padEnd(14)}${cell(node[c.name])}${cell(chrome[c.name])}` +
    `evaluate < ${c.nativeTargetMs} ms; wasm < ${WASM_TARGET}× native text → JSON`);
  if (e > NATIVE_SLACK * c.nativeTargetMs) failures.push(`${c.name}: native evaluate ${ms(e)} is over ${NATIVE_SLACK}× its ${c.nativeTargetMs} ms target`);
  for (const [where, w] of [['Node', node[c.name]], ['Chromium', chrome[c.name]]]) {
    if (w > WASM_SLACK * WASM_TARGET * n) failures.push(`${c.name}: wasm in ${where} is ${(w / n).toFixed(1)}× native, over ${WASM_SLACK}× the ${WASM_TARGET}× target`);
  }
}
// ---- Rank acceptability (SMAA-2): 10,000 samples on 20 bids × 30 criteria × 3 evaluators (score
// uncertainty on), natively (examples/smaa.rs), through pkg/ in Node, and in headless Chromium in
// the widget's own worker (www/src/analysis/worker.js, wasm on one thread); then the longest task
// on the page's main thread while the widget runs it. Each run is new + step(all) + result().
// Target: under 50 ms in Chromium; it fails only at SMAA_FAIL × that, the main thread at 3 × 50 ms
// of CPU.
const SMAA = { case: '20x30x3', samples: 10000, runs: 7 };
const SMAA_TARGET_MS = 50;
const SMAA_FAIL = 10;
const smaaText = cases.find((c) => c.name === SMAA.case).text;
// Its own target directory: a release build in target/ would overwrite the library the bench
// profile built there (same file name, other panic strategy) and break the next `cargo bench`.
const smaaNative = JSON.parse(
  execFileSync('cargo', ['run', '--locked', '--quiet', '--release', '--example', 'smaa', '--', SMAA.case,
    '--samples', String(SMAA.samples)], {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CARGO_TARGET_DIR: join(root, 'target', 'smaa-native') },
  })
    .split('\n')
    .find((l) => l.startsWith('{')),
).median_ms;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const smaaOnce = () => {
  const t0 = performance.now();
  const run = new glue.RankAcceptability(smaaText, { samples: SMAA.samples });
  run.step(SMAA.samples);
  run.result();
  run.free();
  return performance.now() - t0;
};
smaaOnce();
const smaaNode = median(Array.from({ length: SMAA.runs }, smaaOnce));

const { start: serveWww } = await import('./serve.mjs');
const www = await serveWww({ port: 0 });
const smaaBrowser = await launchChromium();
let smaaChrome;
let smaaMain;
try {
  const page = await smaaBrowser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(`${www.url}evaluate.html`);
  // The worker alone: the milliseconds it reports for each run, inside the worker.
  const times = await page.evaluate(async ({ text, samples, runs }) => {
    const worker = new Worker('/src/analysis/worker.js', { type: 'module' });
    // A worker that goes quiet fails the run rather than hanging it.
    const next = () => new Promise((ok, fail) => {
      const quiet = setTimeout(() => fail(new Error('the analysis worker sent nothing for 120 s')), 120000);
      worker.addEventListener('message', ({ data }) => { clearTimeout(quiet); ok(data); }, { once: true });
    });
    // Loaded next to pkg/, the worker loads the engine itself: the message carries no module.
    worker.postMessage({ kind: 'engine' });
    const ready = await next();
    if (ready.kind !== 'ready') throw new Error(`the worker did not start: ${ready.message}`);
    const out = [];
    for (let id = 0; id <= runs; id += 1) {
      worker.postMessage({ id, job: 'acceptability', tender: text, options: { samples } });
      let data;
      do data = await next(); while (data.kind === 'progress');
      if (data.kind !== 'result') throw new Error(data.error?.message);
      if (id > 0) out.push(data.ms); // the first run warms the engine up
    }
    worker.terminate();
    return out;
  }, { text: smaaText, samples: SMAA.samples, runs: SMAA.runs });
  smaaChrome = median(times);
  // The widget: the generated tender in evaluate mode, rank acceptability run from its button;
  // long tasks seen by the page (wall clock) and the longest task in a trace (CPU time).
  await page.waitForFunction(() => document.querySelector('bid-scorer')?.result);
  await page.locator('bid-scorer').evaluate((el, text) => {
    el.tender = JSON.parse(text);
  }, smaaText);
  await page.waitForSelector('bid-scorer [part~="analysis"][data-analysis-state="ready"]', { timeout: 120000 });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 500)))));
  await smaaBrowser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  const seen = await page.evaluate(() => new Promise((ok) => {
    const long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => long.push(e.duration))).observe({ type: 'longtask' });
    const root = document.querySelector('bid-scorer').shadowRoot;
    const out = root.querySelector('[data-acceptability]');
    new MutationObserver((_, observer) => {
      if (out.querySelector('[part~="rank-acceptability"][data-complete]')) {
        observer.disconnect();
        performance.mark('smaa-end');
        setTimeout(() => ok(long), 0);
      }
    }).observe(out, { childList: true, subtree: true, attributes: true });
    performance.mark('smaa-start');
    root.querySelector('[data-action="run-acceptability"]').click();
  }));
  const trace = JSON.parse((await smaaBrowser.stopTracing()).toString());
  const events = trace.traceEvents ?? trace;
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const at = (name) => events.find((e) => e.name === name)?.ts;
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`) &&
    e.ts + e.dur >= at('smaa-start') && e.ts <= at('smaa-end'));
  smaaMain = {
    longTasks: seen,
    wall: Math.max(...tasks.map((e) => e.dur)) / 1000,
    cpu: Math.max(...tasks.map((e) => e.tdur ?? e.dur)) / 1000,
  };
  if (errors.length) throw errors[0];
} finally {
  await smaaBrowser.close();
  await www.close();
}
console.log(`\nrank acceptability, ${SMAA.samples.toLocaleString('en-GB')} samples on ${SMAA.case}: native ${ms(smaaNative)}, ` +
  `wasm in Node ${ms(smaaNode)}, wasm in Chromium (worker) ${ms(smaaChrome)}; target < ${SMAA_TARGET_MS} ms in Chromium`);
console.log(`  the widget's main thread meanwhile: longest task ${ms(smaaMain.wall)} (${ms(smaaMain.cpu)} of CPU); ` +
  `long tasks seen by the page: ${smaaMain.longTasks.length ? smaaMain.longTasks.map((d) => ms(d)).join(', ') : 'none'}`);
if (smaaChrome > SMAA_TARGET_MS) console.log(`  (over the ${SMAA_TARGET_MS} ms target; fails above ${SMAA_FAIL * SMAA_TARGET_MS} ms)`);
if (smaaChrome > SMAA_FAIL * SMAA_TARGET_MS) failures.push(`rank acceptability in Chromium takes ${ms(smaaChrome)}, over ${SMAA_FAIL}× its ${SMAA_TARGET_MS} ms target`);
// Three times the 50 ms limit: the page's own check (tests/browser/analysis-responsiveness.test.mjs) holds it to 50.
if (smaaMain.cpu > 3 * 50) failures.push(`a main-thread task took ${ms(smaaMain.cpu)} of CPU while rank acceptability ran`);

// The widget in a page: one score change on 50 bids × 30 criteria until the results are laid out
// (www/bench.html measures it and writes the median), and a page opened from disk (file://) until
// its first rendered result, median of 7 loads. Targets 50 ms and 3 s; they fail at 10× and 2×.
const PAGE = { changeTargetMs: 50, changeFail: 10, loadTargetMs: 3000, loadFail: 2, loads: 7 };
const pages = await serveWww({ port: 0 });
const pageBrowser = await launchChromium();
let change;
const loads = [];
try {
  const context = await pageBrowser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${pages.url}bench.html`);
  const out = page.locator('#bench-result[data-median]');
  await out.waitFor({ timeout: 120000 });
  change = Number(await out.getAttribute('data-median'));
  await context.close();
  const embed = new URL('../www/embed-script.html', import.meta.url).href;
  for (let i = 0; i < PAGE.loads; i += 1) {
    const c = await pageBrowser.newContext({ viewport: { width: 1280, height: 900 } });
    await c.addInitScript(() => document.addEventListener('bid-scorer-evaluated', () => {
      window.firstResultAt ??= performance.now();
    }));
    const p = await c.newPage();
    await p.goto(embed);
    await p.waitForFunction(() => window.firstResultAt !== undefined, null, { timeout: 60000 });
    loads.push(await p.evaluate(() => window.firstResultAt));
    await c.close();
  }
} finally {
  await pageBrowser.close();
  await pages.close();
}
const load = median(loads);
console.log(`\nthe widget: one score change on 50 bids × 30 criteria rendered in ${ms(change)} (median of 21; target < ${PAGE.changeTargetMs} ms)`);
console.log(`  the single-file build from file://: first result ${ms(load)} after navigation (median of ${PAGE.loads}; target < ${PAGE.loadTargetMs} ms)`);
if (!(change > 0) || change > PAGE.changeFail * PAGE.changeTargetMs) failures.push(`a score change on 50 bids took ${ms(change)}, over ${PAGE.changeFail}× its ${PAGE.changeTargetMs} ms target`);
if (load > PAGE.loadFail * PAGE.loadTargetMs) failures.push(`the first result from file:// took ${ms(load)}, over ${PAGE.loadFail}× its ${PAGE.loadTargetMs} ms target`);

for (const f of failures) console.error(`bench: ${f}`);
process.exit(failures.length ? 1 : 0);
