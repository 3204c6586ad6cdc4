// Page load of single-file builds side by side, for work on the `make bench` row "page load to
// first result over file://" (bench/widget.mjs times it the same way: a fresh context per load,
// from navigation to the end of the first frame after the widget's first `bid-scorer-evaluated`
// with its ranking shown).
//
//   node bench/load.mjs [--loads N] [--traces DIR] [--js-flags FLAGS] BUILD.js [BUILD.js ...]
//
// Each build (a dist/bid-scorer.js) is copied with www/embed-script.html into
// target/bench-load/<n>/ and loaded N times (default 10), the builds taking turns, so that a busy
// machine slows each alike. Besides the wall clock, a trace of each load gives the main thread's
// CPU time up to the first frame, which waiting for a busy CPU inflates far less, in parts: the
// script itself (decoding and compiling the engine), the widget's start and first render (every
// other task before the frame that shows the results), and style, layout and paint. With
// --traces, each load's trace is written there (open it in Chromium's Performance panel); with
// --js-flags, V8 runs with those flags (to see what a setting of V8's would change, such as
// --no-wasm-lazy-compilation).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { firstFrame } from './widget.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values, positionals: builds } = parseArgs({
  options: { loads: { type: 'string', default: '10' }, traces: { type: 'string' }, 'js-flags': { type: 'string' } },
  allowPositionals: true,
});
if (!builds.length) {
  console.error('usage: node bench/load.mjs [--loads N] [--traces DIR] [--js-flags FLAGS] BUILD.js [BUILD.js ...]');
  process.exit(2);
}
const LOADS = Number(values.loads);
// The timeline's own events (tasks, scripts, style, layout, paint) and the page's marks.
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];
const STYLE_LAYOUT_PAINT = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const page = readFileSync(join(root, 'www/embed-script.html'), 'utf8');
if (!page.includes('../dist/bid-scorer.js')) throw new Error('www/embed-script.html no longer loads ../dist/bid-scorer.js');
const sides = builds.map((file, i) => {
  const dir = join(root, 'target', 'bench-load', String(i));
  mkdirSync(dir, { recursive: true });
  copyFileSync(resolve(file), join(dir, 'bid-scorer.js'));
  copyFileSync(join(root, 'www/demo.css'), join(dir, 'demo.css'));
  writeFileSync(join(dir, 'embed.html'), page.replace('../dist/bid-scorer.js', 'bid-scorer.js'));
  return { file, url: pathToFileURL(join(dir, 'embed.html')).href, loads: [] };
});

/** Main-thread CPU (ms) from navigation to the mark 'bid-scorer-load:first', in parts. */
function parts(events) {
  const first = events.find((e) => e.name === 'bid-scorer-load:first' && e.cat?.includes('blink.user_timing'));
  const main = events.filter((e) => e.pid === first.pid && e.tid === first.tid && e.ph === 'X' && e.ts <= first.ts);
  const start = events.find((e) => e.name === 'navigationStart' && e.pid === first.pid)?.ts ?? 0;
  const tasks = main.filter((e) => e.name === 'RunTask' && e.ts >= start);
  const cpu = (e) => (e.tdur ?? e.dur) / 1000;
  const sum = (list) => list.reduce((s, e) => s + cpu(e), 0);
  const inTasks = (e) => tasks.some((t) => t.ts <= e.ts && e.ts + e.dur <= t.ts + t.dur);
  const script = sum(main.filter((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.endsWith('/bid-scorer.js') && inTasks(e)));
  const rendering = sum(main.filter((e) => STYLE_LAYOUT_PAINT.has(e.name) && inTasks(e)));
  const total = sum(tasks);
  return { total, script, rendering, other: total - script - rendering };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ...(values['js-flags'] ? [`--js-flags=${values['js-flags']}`] : [])],
});

async function load(side, n) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(firstFrame, 'bid-scorer-evaluated');
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e));
  await browser.startTracing(p, { categories: CATEGORIES });
  await p.goto(side.url);
  await p.waitForFunction(() => typeof window.firstResultAt === 'number', null, { timeout: 60000 });
  const wall = await p.evaluate(() => window.firstResultAt);
  const trace = (await browser.stopTracing()).toString();
  await context.close();
  if (errors.length) throw errors[0];
  if (values.traces) {
    mkdirSync(values.traces, { recursive: true });
    writeFileSync(join(values.traces, `load-${sides.indexOf(side)}-${n}.json`), trace);
  }
  const events = JSON.parse(trace);
  return { wall, ...parts(events.traceEvents ?? events) };
}

for (const side of sides) await load(side, 'warm-up'); // the files into the page cache
for (let n = 0; n < LOADS; n += 1) {
  for (const side of n % 2 ? [...sides].reverse() : sides) side.loads.push(await load(side, n));
}
await browser.close();

const row = (loads, key) => {
  const xs = loads.map((l) => l[key]);
  return `${key} ${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
};
for (const { file, loads } of sides) {
  console.log(`${basename(resolve(file, '..'))}/${basename(file)}: median over ${loads.length} loads, ms (range)`);
  console.log(`  wall clock: ${row(loads, 'wall')}`);
  console.log(`  main-thread CPU: ${['total', 'script', 'rendering', 'other'].map((k) => row(loads, k)).join(', ')}`);
}
