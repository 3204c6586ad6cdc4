// `make bench`: every row of the speed table in one run, natively (release), through the wasm
// build in Node and in headless Chromium, and beside the Python peer (bid-evaluation 0.1.0, on
// pandas) where it does the same job; then one table, each row against its target.
//
// Rows (tenders from `bidscore generate BIDS CRITERIA EVALUATORS 1`):
// - evaluate on a read tender, reading the text, and text to result (20 × 30 × 3, 1,000 × 40 × 3);
// - `bidscore evaluate FILE` as a whole process on 1,000 × 40 × 3 (read the file, write the JSON)
//   against the peer's whole process on the same file (bench/peer/evaluate.py);
// - `bidscore analyse --samples 0` on 200 × 30 × 3 and 1,000 × 40 × 3 (the latter stopped at
//   ANALYSE_TIMEOUT_S), and the same analysis through wasm when native took under WASM_ANALYSE_S;
// - rank acceptability (10,000 samples, 20 × 30 × 3) and the widget's main thread meanwhile;
// - the widget: a keystroke in a rationale and a score change with 200 bids, typing a sentence with
//   1,000 bids, page load to the first result over file:// (bench/widget.mjs says how each is timed).
//
// The figures are what matter and are printed against their targets. Each row also has a failure
// limit far above its target (10× to 200×: at least twice what the row measured on a two-core
// machine loaded several times over; the process and widget rows check CPU time, which waiting
// for a busy CPU inflates less): the checks catch a gross slowdown or a hang, never a busy
// machine. The 1,000-bid analysis never fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { benchEvaluate } from '../bench/measure.js';
import { measureWidget, SENTENCE } from '../bench/widget.mjs';
import { peerPython } from '../bench/peer/peer.mjs';

/** Headless Chromium as the tests start it: nothing it does on its own reaches the network. */
const launchChromium = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

const root = fileURLToPath(new URL('../', import.meta.url));
const started = Date.now();
const SIZES = { '20x30x3': [20, 30, 3], '200x30x3': [200, 30, 3], '1000x40x3': [1000, 40, 3] };
const EVALUATE_CASES = ['20x30x3', '1000x40x3'];
const ANALYSE_TIMEOUT_S = 120;
const WASM_ANALYSE_S = 20; // the analysis runs through wasm only when native took less than this
const SMAA = { case: '20x30x3', samples: 10000, runs: 7 };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const note = (s) => console.log(`bench: ${s}`);

// ---- Native builds. Each in its own target directory: a bench build of the library next to a
// release build in the same directory can leave a library that no longer links (cargo issue 6313).
const cargo = (args, dir) =>
  execFileSync('cargo', args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CARGO_TARGET_DIR: join(root, 'target', dir) },
  });
cargo(['build', '--locked', '--quiet', '--release', '--bin', 'bidscore', '--example', 'smaa'], 'bench-release');
const bin = join(root, 'target', 'bench-release', 'release', 'bidscore');
const tenders = join(root, 'target', 'bench-tenders');
mkdirSync(tenders, { recursive: true });
const cases = {};
for (const [name, size] of Object.entries(SIZES)) {
  const text = execFileSync(bin, ['generate', ...size.map(String), '1'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const file = join(tenders, `${name}.json`);
  writeFileSync(file, text);
  cases[name] = { name, text, file };
}

/**
 * Runs a command with its standard output to `out`, stopped after `timeoutS`: wall-clock and CPU
 * milliseconds (the CPU time of it and its children, as bash's `times` reports them).
 */
function runTimed(cmd, args, { out = '/dev/null', timeoutS = 600 } = {}) {
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', 'out=$1; t=$2; shift 2; timeout "$t" "$@" > "$out"; s=$?; times; exit $s',
    'bash', out, String(timeoutS), cmd, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const wall = performance.now() - t0;
  const t = [...(r.stdout ?? '').matchAll(/(\d+)m([\d.]+)s/g)].map((m) => (Number(m[1]) * 60 + Number(m[2])) * 1000);
  return { wall, cpu: t.length >= 4 ? t[2] + t[3] : NaN, status: r.status, timedOut: r.status === 124 };
}
/** The median run of `n` (by wall clock), failing the bench when one does not succeed. */
function medianRun(n, cmd, args, opts) {
  const runs = Array.from({ length: n }, () => runTimed(cmd, args, opts));
  const bad = runs.find((r) => r.status !== 0);
  if (bad) throw new Error(`${cmd} ${args.join(' ')} exited ${bad.status}`);
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) };
}

// ---- Native: evaluate in its parts (benches/evaluate.rs), rank acceptability (examples/smaa.rs).
const nativeEvaluate = Object.fromEntries(
  cargo(['bench', '--locked', '--quiet', '--bench', 'evaluate', '--', ...EVALUATE_CASES], 'bench')
    .split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)).map((r) => [r.case, r]),
);
const smaaNative = JSON.parse(
  execFileSync(join(root, 'target', 'bench-release', 'release', 'examples', 'smaa'),
    [SMAA.case, '--samples', String(SMAA.samples)], { encoding: 'utf8' })
    .split('\n').find((l) => l.startsWith('{')),
).median_ms;

// ---- Native whole processes: `bidscore evaluate FILE` writing its JSON to a file, and
// `bidscore analyse --samples 0 FILE`.
const big = cases['1000x40x3'];
const evaluateOut = join(tenders, '1000x40x3.result.json');
const wholeEvaluate = medianRun(5, bin, ['evaluate', big.file], { out: evaluateOut });
note(`bidscore evaluate 1000x40x3: ${ms(wholeEvaluate.wall)}`);
const analyse = {};
analyse['200x30x3'] = medianRun(3, bin, ['analyse', '--samples', '0', cases['200x30x3'].file], { out: join(tenders, 'analyse.json') });
note(`bidscore analyse 200x30x3: ${ms(analyse['200x30x3'].wall)}`);
{
  const r = runTimed(bin, ['analyse', '--samples', '0', big.file], { out: join(tenders, 'analyse.json'), timeoutS: ANALYSE_TIMEOUT_S });
  if (r.status !== 0 && !r.timedOut) throw new Error(`bidscore analyse 1000x40x3 exited ${r.status}`);
  analyse['1000x40x3'] = r.timedOut ? { over: true } : r;
  note(`bidscore analyse 1000x40x3: ${r.timedOut ? `over ${ANALYSE_TIMEOUT_S} s` : ms(r.wall)}`);
}

// ---- The Python peer: in-process (its evaluation of a built DataFrame, beside evaluate on a read
// tender) and as a whole process on the 1,000-bid file.
const peer = { inProcess: {} };
{
  const got = peerPython(root);
  if (got.reason) {
    peer.reason = got.reason;
  } else {
    const harness = join(root, 'bench', 'peer', 'harness.py');
    const native20 = join(tenders, '20x30x3.result.json');
    runTimed(bin, ['evaluate', cases['20x30x3'].file], { out: native20 });
    for (const [name, compare, runs] of [['20x30x3', native20, 7], ['1000x40x3', evaluateOut, 5]]) {
      // -B: no __pycache__ written into bench/peer/.
      const r = spawnSync(got.python, ['-B', harness, cases[name].file, '--runs', String(runs), '--compare', compare],
        { cwd: root, encoding: 'utf8', timeout: 300000 });
      const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('{'));
      if (r.status !== 0 || !line) {
        peer.reason = `the harness failed on ${name}: ${(r.stderr || r.error?.message || '').trim().split('\n').at(-1)}`;
        break;
      }
      const out = JSON.parse(line);
      if (out.unsupported) {
        peer.reason = `the converter cannot express ${name}: ${out.unsupported}`;
        break;
      }
      peer.inProcess[name] = out;
    }
    if (!peer.reason) {
      peer.whole = medianRun(3, got.python, ['-B', join(root, 'bench', 'peer', 'evaluate.py'), big.file],
        { out: join(tenders, '1000x40x3.peer.json') });
    }
  }
  note(peer.reason ? `the peer is not available: ${peer.reason}` : `the peer's whole process: ${ms(peer.whole.wall)}`);
}

// ---- Node: the same pkg/ a page loads.
const glue = await import(join(root, 'pkg/bidscore.js'));
glue.initSync({ module: readFileSync(join(root, 'pkg/bidscore_bg.wasm')) });
const evalCases = EVALUATE_CASES.map((n) => cases[n]);
const nodeEvaluate = Object.fromEntries(benchEvaluate(glue.evaluate, evalCases).map((r) => [r.name, r]));
const wasmAnalyseCases = Object.keys(analyse).filter((n) => !analyse[n].over && analyse[n].wall < WASM_ANALYSE_S * 1000);
const nodeAnalyse = {};
for (const n of wasmAnalyseCases) {
  const t0 = performance.now();
  glue.analyse(cases[n].text, { samples: 0 });
  nodeAnalyse[n] = performance.now() - t0;
}
const smaaText = cases[SMAA.case].text;
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
note('Node done');

// ---- Chromium: bench/index.html, served with pkg/ from a local server: evaluate and analyse.
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
const { start: serveWww } = await import('./serve.mjs');
const www = await serveWww({ port: 0 });
const browser = await launchChromium();
let chromeEvaluate;
const chromeAnalyse = {};
let smaaChrome;
let smaaMain;
let widget;
try {
  {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e));
    await page.goto(`http://127.0.0.1:${server.address().port}/bench/index.html`);
    await page.evaluate(() => window.engineReady);
    const results = await page.evaluate((c) => window.runBench(c), evalCases.map(({ name, text }) => ({ name, text })));
    chromeEvaluate = Object.fromEntries(results.map((r) => [r.name, r]));
    for (const n of wasmAnalyseCases) chromeAnalyse[n] = await page.evaluate((text) => window.runAnalyse(text), cases[n].text);
    if (errors.length) throw errors[0];
    await page.close();
  }
  ({ smaaChrome, smaaMain } = await measureSmaa(browser, www.url));
  note('rank acceptability done');
  widget = await measureWidget({
    browser,
    url: www.url,
    tender200: cases['200x30x3'].text,
    tender1000: big.text,
    embedFile: pathToFileURL(join(root, 'www', 'embed-script.html')).href,
  });
} finally {
  await browser.close();
  await www.close();
  server.close();
}

/**
 * Rank acceptability in headless Chromium in the widget's own worker (www/src/analysis/worker.js,
 * wasm on one thread), each run new + step(all) + result(); then the longest task on the page's
 * main thread while the widget runs it from its button (a trace's wall clock and CPU time).
 */
async function measureSmaa(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(`${url}evaluate.html`);
  // The page settled first (its example evaluated, analysed and summarised, and two seconds for
  // the engine's optimising compiles in the background to finish), as it is when someone asks for
  // rank acceptability. Timed while the page's own start-up work ran beside it on a two-core
  // machine, the worker's runs took 31-41 ms (median of 7), half a second after it 21-25 ms, two
  // seconds after it 17-18 ms; on an empty page 17-18 ms.
  await page.waitForSelector('bid-scorer [part~="analysis"][data-analysis-state="ready"]', { timeout: 120000 });
  await page.waitForSelector('bid-scorer li[data-summary]', { timeout: 120000 });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 2000)))));
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
      // Progress, and the parts a big answer is sent in before its result (which carries the time).
      do data = await next(); while (data.kind === 'progress' || data.kind === 'part');
      if (data.kind !== 'result') throw new Error(data.error?.message);
      if (id > 0) out.push(data.ms); // the first run warms the engine up
    }
    worker.terminate();
    return out;
  }, { text: smaaText, samples: SMAA.samples, runs: SMAA.runs });
  await page.waitForFunction(() => document.querySelector('bid-scorer')?.result);
  await page.locator('bid-scorer').evaluate((el, text) => {
    el.tender = JSON.parse(text);
  }, smaaText);
  await page.waitForSelector('bid-scorer [part~="analysis"][data-analysis-state="ready"]', { timeout: 120000 });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 500)))));
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  const seen = await page.evaluate(() => new Promise((ok) => {
    const long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => long.push(e.duration))).observe({ type: 'longtask' });
    const shadow = document.querySelector('bid-scorer').shadowRoot;
    const out = shadow.querySelector('[data-acceptability]');
    new MutationObserver((_, observer) => {
      if (out.querySelector('[part~="rank-acceptability"][data-complete]')) {
        observer.disconnect();
        performance.mark('smaa-end');
        setTimeout(() => ok(long), 0);
      }
    }).observe(out, { childList: true, subtree: true, attributes: true });
    performance.mark('smaa-start');
    shadow.querySelector('[data-action="run-acceptability"]').click();
  }));
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const events = trace.traceEvents ?? trace;
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const at = (name) => events.find((e) => e.name === name)?.ts;
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`) &&
    e.ts + e.dur >= at('smaa-start') && e.ts <= at('smaa-end'));
  if (errors.length) throw errors[0];
  await page.close();
  return {
    smaaChrome: median(times),
    smaaMain: {
      longTasks: seen,
      wall: Math.max(...tasks.map((e) => e.dur)) / 1000,
      cpu: Math.max(...tasks.map((e) => e.tdur ?? e.dur)) / 1000,
    },
  };
}

// ---- The table. Each row: what, its cells (native, Node, Chromium, peer), its target, the figure
// judged against the target (`value`), and the limit above which the bench fails (`failAt`, on
// `check`, which defaults to `value`).
function ms(x) {
  if (!Number.isFinite(x)) return '—';
  if (x >= 10000) return `${(x / 1000).toFixed(1)} s`;
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  return `${x < 10 ? x.toFixed(3) : x.toFixed(1)} ms`;
}
const rows = [];
const row = (r) => rows.push(r);
const peerCell = (name) => (peer.reason ? 'n/a' : ms(peer.inProcess[name]?.evaluate_ms));

// Measured on this two-core machine while others worked on it: 8.3 ms and 541 ms (0.4 and 83 ms
// when quiet), hence limits at 50× and 200× the targets.
for (const [name, target, failAt] of [['20x30x3', 1, 50], ['1000x40x3', 10, 2000]]) {
  const e = nativeEvaluate[name].evaluate_ms;
  row({ what: `evaluate, a read tender ${name}`, native: ms(e), peer: peerCell(name),
    target: `≤ ${target} ms native`, value: e, targetMs: target, failAt });
}
for (const name of EVALUATE_CASES) {
  const n = nativeEvaluate[name];
  row({ what: `read and check the text ${name}`, native: ms(n.read_ms), target: '(part of the next row)' });
  const cell = (w) => `${ms(w)} ${(w / n.with_json_ms).toFixed(1)}×`;
  const [node, chrome] = [nodeEvaluate[name].medianMs, chromeEvaluate[name].medianMs];
  const worst = Math.max(node, chrome) / n.with_json_ms;
  // On the small tender the ratio was 4.4-8.2× on a busy two-core machine, where native and wasm
  // are timed under different loads: it fails at 20×.
  row({ what: `text → result ${name} (wasm: a JS object)`, native: ms(n.with_json_ms), node: cell(node),
    chromium: cell(chrome), target: 'wasm ≤ 3× native', value: worst, targetMs: 3, failAt: 20, unit: '×' });
}
{
  const p = peer.whole;
  row({ what: 'bidscore evaluate FILE 1000x40x3, whole process', native: `${ms(wholeEvaluate.wall)}`,
    peer: peer.reason ? 'n/a' : ms(p.wall), target: 'faster than the peer',
    // Both run on the same machine, one after the other: it fails when native takes over twice the
    // peer's CPU time.
    value: peer.reason ? undefined : wholeEvaluate.wall / p.wall, targetMs: 1, unit: '× the peer',
    check: peer.reason ? undefined : wholeEvaluate.cpu / p.cpu, failAt: peer.reason ? undefined : 2 });
}
for (const [name, target, failAt] of [['200x30x3', 0.5, 5], ['1000x40x3', 3, undefined]]) {
  const a = analyse[name];
  const wasm = (x) => (x === undefined ? (a.over || a.wall >= WASM_ANALYSE_S * 1000 ? 'not run' : '—') : ms(x));
  row({ what: `analyse --samples 0 ${name}`, native: a.over ? `over ${ANALYSE_TIMEOUT_S} s` : ms(a.wall),
    node: wasm(nodeAnalyse[name]), chromium: wasm(chromeAnalyse[name]), target: `≤ ${target} s native`,
    value: a.over ? Infinity : a.wall, targetMs: target * 1000, check: a.over ? Infinity : a.cpu,
    failAt: failAt && failAt * 1000 });
}
row({ what: `rank acceptability ${(SMAA.samples).toLocaleString('en-GB')} samples ${SMAA.case}`, native: ms(smaaNative),
  node: ms(smaaNode), chromium: `${ms(smaaChrome)} worker`, target: '≤ 20 ms in Chromium', value: smaaChrome,
  targetMs: 20, failAt: 1000 });
// Three times the 50 ms limit, in CPU time: the page's own check
// (tests/browser/analysis-responsiveness.test.mjs) holds it to 50.
row({ what: '  the widget\'s main thread meanwhile: longest task', chromium: ms(smaaMain.wall), target: '≤ 50 ms',
  value: smaaMain.wall, targetMs: 50, check: smaaMain.cpu, failAt: 150 });
row({ what: 'widget 200 bids: a keystroke in a rationale', chromium: ms(widget.keystroke.ms), target: '≤ 16 ms',
  value: widget.keystroke.ms, targetMs: 16, check: widget.keystroke.cpu, failAt: 2000 });
row({ what: 'widget 200 bids: a score change to rendered results', chromium: ms(widget.scoreChange.ms), target: '≤ 50 ms',
  value: widget.scoreChange.ms, targetMs: 50, check: widget.scoreChange.cpu, failAt: 2000 });
row({ what: `widget 1,000 bids: typing ${SENTENCE.length} characters, longest task`, chromium: ms(widget.typing.ms),
  target: 'no task over 50 ms', value: widget.typing.ms, targetMs: 50, check: widget.typing.cpu, failAt: 5000 });
row({ what: `page load to first result, file:// (median of ${widget.load.loads.length})`, chromium: ms(widget.load.ms), target: '≤ 100 ms',
  value: widget.load.ms, targetMs: 100, failAt: 5000 });

const failures = [];
const fmt = (x, unit) => (unit ? `${x.toFixed(2)}${unit}` : ms(x));
for (const r of rows) {
  if (r.value === undefined) r.verdict = '';
  else if (r.value <= r.targetMs) r.verdict = 'meets';
  else r.verdict = 'over';
  const check = r.check ?? r.value;
  if (r.failAt !== undefined && check !== undefined && check > r.failAt) {
    r.verdict = 'FAILS';
    failures.push(`${r.what.trim()}: ${fmt(check, r.unit)}${r.check !== undefined ? ' (CPU)' : ''} is over its failure limit, ${fmt(r.failAt, r.unit)}`);
  }
}
const cols = [['what', 54], ['native', 12], ['Node', 14], ['Chromium', 16], ['peer (pandas)', 14], ['target', 24], ['', 6]];
const line = (cells) => cells.map((c, i) => String(c ?? '—').padEnd(cols[i][1])).join(' ').trimEnd();
const [l1] = loadavg();
console.log(`\nbidscore speed table: medians, wall clock (load average ${l1.toFixed(1)} on this machine)`);
console.log(line(cols.map((c) => c[0])));
for (const r of rows) console.log(line([r.what, r.native, r.node, r.chromium, r.peer, r.target, r.verdict]));

// What the figures are made of.
console.log('\nnotes:');
console.log(`  whole processes, CPU time: bidscore evaluate ${ms(wholeEvaluate.cpu)}` +
  (peer.reason ? '' : `, the peer ${ms(peer.whole.cpu)}`) +
  `; analyse 200x30x3 ${ms(analyse['200x30x3'].cpu)}` +
  (analyse['1000x40x3'].over ? '' : `, 1000x40x3 ${ms(analyse['1000x40x3'].cpu)}`));
if (peer.reason) {
  console.log(`  the peer: not available: ${peer.reason}`);
} else {
  for (const [name, p] of Object.entries(peer.inProcess)) {
    const a = p.agreement;
    console.log(`  the peer on ${name}: StagedEvaluator.evaluate ${ms(p.evaluate_ms)} (${ms(p.evaluate_cpu_ms)} CPU), ` +
      `converting the tender ${ms(p.convert_ms)}; ranks ${a.ranked_by_peer} bids (bidscore ${a.ranked_by_bidscore}, both ${a.ranked_by_both}), ` +
      `totals within ${a.max_total_difference?.toFixed(3)} of bidscore's (bench/peer/convert.py says what it leaves out)`);
  }
}
// What a call handing back the whole result as a JS object pays before the engine does anything:
// the object itself, timed as JSON.parse of the result's JSON text, against the native row's
// whole round (read, evaluate, write the JSON).
for (const name of EVALUATE_CASES) {
  const whole = nativeEvaluate[name].with_json_ms;
  const part = (r) => `${ms(r.parseMs)} (${(r.parseMs / whole).toFixed(1)}× native)`;
  console.log(`  text → result ${name}: building the result object alone (JSON.parse of its ` +
    `${(nodeEvaluate[name].chars / 1e6).toFixed(2)} million characters of JSON) takes ${part(nodeEvaluate[name])} in Node, ` +
    `${part(chromeEvaluate[name])} in Chromium; native does it all in ${ms(whole)}`);
}
console.log(`  widget keystroke: ${ms(widget.keystroke.toFrame)} to the next frame, longest task after it ${ms(widget.keystroke.task)} ` +
  `(${ms(widget.keystroke.cpu)} CPU); score change: ${ms(widget.scoreChange.presented)} to the rendered results on screen ` +
  `(the browser's event timing; ${ms(widget.scoreChange.toResults)} to a task after that frame, which waits behind any queued before it), longest task ${ms(widget.scoreChange.task)} (${ms(widget.scoreChange.cpu)} CPU)`);
console.log(`  widget typing with 1,000 bids: ${widget.typing.typed} of ${SENTENCE.length} characters typed in ${ms(widget.typing.typingMs)}` +
  `${widget.typing.typed < SENTENCE.length ? ' (stopped at its time limit)' : ''}; longest task ${ms(widget.typing.ms)} ` +
  `(${ms(widget.typing.cpu)} CPU), ${widget.typing.longTasks} tasks over 50 ms`);
// Each load's figures in order, and their spread: on a busy machine one load can take twice another.
const spread = (xs) => `${ms(Math.min(...xs))} to ${ms(Math.max(...xs))}`;
console.log(`  page loads: ${widget.load.loads.map(ms).join(', ')} (${spread(widget.load.loads)}); the same page without ` +
  `the widget, to its first frame: ${ms(widget.load.plainMs)} (${spread(widget.load.plainLoads)})`);
console.log(`  rank acceptability, long tasks the page saw: ${smaaMain.longTasks.length ? smaaMain.longTasks.map(ms).join(', ') : 'none'}; ` +
  `its longest main-thread task took ${ms(smaaMain.cpu)} of CPU`);
console.log(`  make bench took ${((Date.now() - started) / 1000).toFixed(0)} s`);

for (const f of failures) console.error(`bench: ${f}`);
process.exit(failures.length ? 1 : 0);
