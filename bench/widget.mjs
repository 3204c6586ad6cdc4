// The widget in headless Chromium, for `make bench`: what a person typing into it waits for.
//
// - A keystroke in a rationale: the key goes in through the browser's input pipeline (as a real
//   key press does); measured from the keydown event's time stamp to the end of the first frame
//   after it (a requestAnimationFrame, then a task after that frame's paint), and the longest task
//   on the page's main thread in the 400 ms after it (from a trace, so work the widget puts off to
//   a later task counts too). The row's figure is the larger of the two, the median over KEYS.
// - A score change: an evaluator's score replaced by typing a digit, from its keydown to the
//   paint that shows its results, as the browser's Event Timing reports it (the widget evaluates
//   and renders inside the key's input event, so the paint after its handlers is the results'):
//   the longest of the key's events, in the 8 ms steps the browser gives; also the longest task,
//   as above. Printed beside it, the end of the first frame after the widget's
//   `bid-scorer-evaluated` event timed as the keystroke's is (a task after that frame), which
//   also counts whatever tasks were queued before it, such as the assessment summaries arriving
//   from the analysis worker.
// - Typing a 34-character sentence into a rationale with 1,000 bids: the longest main-thread task
//   from the first keydown until 400 ms after the last (a trace's wall clock and CPU time), and the
//   long tasks (over 50 ms) the page itself saw. Typing stops after TYPING_BUDGET_MS, whatever has
//   been typed by then: while each key costs a second of work, the sentence would take minutes.
// - Page load: the single-file build's page opened from disk (file://), from navigation to the end
//   of the first frame in which the widget shows its ranking; median of LOADS loads. Taking turns
//   with it, the same page without the widget, to its first frame: the browser's own part.

import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Key presses timed on 200 bids, each kind (after one untimed press that warms up). */
const KEYS = 5;
const SETTLE_MS = 400;
// Fifteen: five left the median 20 ms apart from one run to the next on a busy two-core machine,
// where loads of the same page ranged from 180 to 270 ms.
const LOADS = 15;
export const SENTENCE = 'Clear plan; named staff, few risks';
const TYPING_BUDGET_MS = 45000;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * A page's init script (`context.addInitScript(firstFrame, event)`) that sets
 * `window.firstResultAt` to the end of the first frame after `event` (with the widget's ranking in
 * it, unless the event is DOMContentLoaded): `performance.now()` in a task queued from that frame's
 * animation callbacks, which runs once the frame's style, layout and paint are done. The callback
 * is asked for every frame from the start, so it runs before any the page asks for in the same
 * frame and its task comes before theirs. The widget puts off filling its analysis panels to a
 * task queued from the frame that shows the ranking; a callback asked for on `event` itself came
 * after the widget's in that frame, so its time included that task, which is not part of the first
 * result: 1.4 to 12.8 ms more in ten loads on this machine (median 3.2 ms).
 */
export function firstFrame(event) {
  let seen = false;
  document.addEventListener(event, (e) => {
    if (event === 'DOMContentLoaded' || e.target.shadowRoot?.querySelector('[part~="ranking"]')) seen = true;
  });
  const frame = () => {
    if (!seen) {
      requestAnimationFrame(frame);
      return;
    }
    setTimeout(() => {
      window.firstResultAt = performance.now();
      performance.mark('bid-scorer-load:first');
    }, 0);
  };
  requestAnimationFrame(frame);
}

/** The main thread's tasks in a Chromium trace: [{ start, end, cpu }] in ms, and its marks. */
function tasksOf(trace) {
  const events = trace.traceEvents ?? trace;
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ start: e.ts / 1000, end: (e.ts + e.dur) / 1000, cpu: (e.tdur ?? e.dur) / 1000 }));
  const marks = events.filter((e) => e.cat?.includes('blink.user_timing') && e.ph !== 'E');
  /** Trace time (ms) of the first mark named `name`. */
  const at = (name) => {
    const m = marks.find((e) => e.name === name);
    return m ? m.ts / 1000 : undefined;
  };
  /** The longest task overlapping [from, to] (trace ms): { wall, cpu }. */
  const longest = (from, to) => {
    const inside = tasks.filter((t) => t.end >= from && t.start <= to);
    return {
      wall: Math.max(0, ...inside.map((t) => t.end - t.start)),
      cpu: Math.max(0, ...inside.map((t) => t.cpu)),
    };
  };
  return { at, longest };
}

// Only the main thread's tasks and the page's marks: the timeline's other events (style, layout, paint)
// would slow the page being measured several times over.
const TRACE_CATEGORIES = ['disabled-by-default-devtools.timeline', 'blink.user_timing'];

/** Opens evaluate.html on `url`, puts `tenderText` in the widget and waits for its result. */
async function widgetWith(browser, url, tenderText) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(`${url}evaluate.html`);
  await page.waitForFunction(() => document.querySelector('bid-scorer')?.result);
  const bids = JSON.parse(tenderText).bids.length;
  await page.locator('bid-scorer').evaluate((el, text) => {
    el.tender = JSON.parse(text);
  }, tenderText);
  await page.waitForFunction((n) => document.querySelector('bid-scorer')?.result?.bids?.length === n, bids, { timeout: 120000 });
  // Open the first bid's card, where its scores and rationales are typed.
  await page.locator('bid-scorer').evaluate(async (el) => {
    const card = el.shadowRoot.querySelector('details[data-bid-editor]');
    if (!card.open) {
      card.open = true;
      await new Promise((ok) => card.addEventListener('toggle', ok, { once: true }));
    }
  });
  // In the page: each keydown's time stamp, the end of the next frame after it and after the next
  // evaluation, and marks in the trace at each keydown.
  await page.evaluate(() => {
    const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(() => ok(performance.now()), 0)));
    window.keys = [];
    window.longTasks = [];
    window.events = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push(e.duration))).observe({ type: 'longtask' });
    // The browser's own timing of each input event (Event Timing): from the key's time stamp to
    // the paint after its handlers ran, in steps of 8 ms; only events over 16 ms are reported.
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.events.push({ start: e.startTime, ms: e.duration })))
      .observe({ type: 'event', durationThreshold: 16 });
    const el = document.querySelector('bid-scorer');
    window.armed = false;
    addEventListener('keydown', (e) => {
      // Only the key being timed (not Control+A before it, nor the keys of a sentence after the first).
      if (!window.armed) return;
      if (window.armed !== 'all') window.armed = false;
      const key = { start: e.timeStamp };
      window.keys.push(key);
      performance.mark(`key-${window.keys.length}`);
      key.frame = frame().then((t) => (key.toFrame = t - key.start));
      key.evaluated = new Promise((ok) => el.addEventListener('bid-scorer-evaluated', ok, { once: true }))
        .then(frame)
        .then((t) => (key.toResults = t - key.start));
    }, { capture: true });
  });
  // Without Event Timing every key would read as the 16 ms floor: a figure, but not a measure.
  if (!(await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('event')))) {
    throw new Error('this Chromium has no Event Timing: the score change cannot be timed to its paint');
  }
  return { context, page, errors };
}

/** Presses `keys` (Playwright key names) one by one, each after the last has settled. */
async function pressTimed(browser, page, { focus, before, keys, waitForResults }) {
  await page.locator(focus).focus();
  await page.evaluate(() => { window.keys.length = 0; });
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  for (const k of keys) {
    for (const b of before ?? []) await page.keyboard.press(b);
    await page.evaluate(() => { window.armed = true; });
    await page.keyboard.press(k);
    await page.evaluate(async ({ waitForResults, settle }) => {
      const key = window.keys.at(-1);
      await key.frame;
      if (waitForResults) await key.evaluated;
      await new Promise((ok) => setTimeout(ok, settle));
    }, { waitForResults, settle: SETTLE_MS });
  }
  const trace = tasksOf(JSON.parse((await browser.stopTracing()).toString()));
  // A key's presentation: the longest of its events (keydown, and keypress with the input in it,
  // share its time stamp); at most 16 ms when none was reported.
  const timed = await page.evaluate(() =>
    window.keys.map((k) => ({
      toFrame: k.toFrame,
      toResults: k.toResults,
      presented: Math.max(16, ...window.events.filter((e) => Math.abs(e.start - k.start) < 1).map((e) => e.ms)),
    })),
  );
  return timed.map((k, i) => {
    const from = trace.at(`key-${i + 1}`);
    return { ...k, task: from === undefined ? { wall: NaN, cpu: NaN } : trace.longest(from, from + SETTLE_MS) };
  });
}

/**
 * The widget's rows on a 200-bid and a 1,000-bid tender (JSON text), and page load over file://
 * of `embedFile` (a file: URL). Returns figures in milliseconds.
 */
export async function measureWidget({ browser, url, tender200, tender1000, embedFile }) {
  const out = {};
  {
    const { context, page, errors } = await widgetWith(browser, url, tender200);
    const rationale = 'bid-scorer textarea[data-path="bids[0].scores.q0.rationale"]';
    const score = 'bid-scorer input[data-path="bids[0].scores.q0.evaluators.Evaluator 1"]';
    // A warm-up press of each, untimed.
    await pressTimed(browser, page, { focus: rationale, keys: ['a'] });
    await pressTimed(browser, page, { focus: score, before: ['Control+A'], keys: ['2'], waitForResults: true });
    const typed = await pressTimed(browser, page, { focus: rationale, keys: [...'plans'].slice(0, KEYS) });
    const changed = await pressTimed(browser, page, {
      focus: score, before: ['Control+A'], keys: ['1', '4', '3', '0', '5'].slice(0, KEYS), waitForResults: true,
    });
    out.keystroke = {
      ms: median(typed.map((k) => Math.max(k.toFrame, k.task.wall))),
      toFrame: median(typed.map((k) => k.toFrame)),
      task: median(typed.map((k) => k.task.wall)),
      cpu: median(typed.map((k) => k.task.cpu)),
    };
    out.scoreChange = {
      ms: median(changed.map((k) => Math.max(k.presented, k.task.wall))),
      presented: median(changed.map((k) => k.presented)),
      toResults: median(changed.map((k) => k.toResults)),
      task: median(changed.map((k) => k.task.wall)),
      cpu: median(changed.map((k) => k.task.cpu)),
    };
    if (errors.length) throw errors[0];
    await context.close();
  }
  {
    const { context, page, errors } = await widgetWith(browser, url, tender1000);
    const rationale = 'bid-scorer textarea[data-path="bids[0].scores.q0.rationale"]';
    await page.locator(rationale).focus();
    await page.evaluate(() => { window.longTasks.length = 0; window.keys.length = 0; window.armed = 'all'; });
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    // One character at a time, stopping after TYPING_BUDGET_MS.
    const t0 = Date.now();
    let count = 0;
    while (count < SENTENCE.length && Date.now() - t0 < TYPING_BUDGET_MS) {
      await page.keyboard.type(SENTENCE[count]);
      count += 1;
    }
    await page.evaluate(async (settle) => {
      await window.keys.at(-1).frame;
      await new Promise((ok) => setTimeout(ok, settle));
      performance.mark('typed');
    }, SETTLE_MS);
    const typingMs = Date.now() - t0;
    const trace = tasksOf(JSON.parse((await browser.stopTracing()).toString()));
    const longest = trace.longest(trace.at('key-1'), trace.at('typed'));
    const longTasks = await page.evaluate(() => window.longTasks);
    const typed = await page.locator(rationale).inputValue();
    if (typed !== SENTENCE.slice(0, count)) throw new Error(`the rationale holds ${JSON.stringify(typed)} after typing`);
    out.typing = { ms: longest.wall, cpu: longest.cpu, longTasks: longTasks.length, typingMs, typed: count };
    if (errors.length) throw errors[0];
    await context.close();
  }
  {
    // Beside each load, the same page without the widget (its script and element taken out),
    // timed from navigation to the end of its first frame: what any page costs here, which the
    // widget's figure includes.
    const dir = mkdtempSync(join(tmpdir(), 'bid-scorer-plain-'));
    const plainFile = pathToFileURL(join(dir, 'plain.html'));
    const html = readFileSync(fileURLToPath(embedFile), 'utf8');
    copyFileSync(fileURLToPath(new URL('demo.css', embedFile)), join(dir, 'demo.css'));
    const plain = html.replace(/<script src="[^"]*bid-scorer\.js"><\/script>/, '').replace(/<bid-scorer[\s\S]*<\/bid-scorer>/, '');
    if (plain.includes('<bid-scorer') || plain.includes('bid-scorer.js"')) throw new Error('the page without the widget still has it');
    writeFileSync(fileURLToPath(plainFile), plain);
    const loads = [];
    const plainLoads = [];
    try {
      for (let i = 0; i < LOADS; i += 1) {
        for (const [file, list, started] of [[embedFile, loads, 'bid-scorer-evaluated'], [plainFile.href, plainLoads, 'DOMContentLoaded']]) {
          const c = await browser.newContext({ viewport: { width: 1280, height: 900 } });
          await c.addInitScript(firstFrame, started);
          const p = await c.newPage();
          await p.goto(file);
          await p.waitForFunction(() => typeof window.firstResultAt === 'number', null, { timeout: 60000 });
          list.push(await p.evaluate(() => window.firstResultAt));
          await c.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    out.load = { ms: median(loads), loads, plainMs: median(plainLoads), plainLoads };
  }
  return out;
}
