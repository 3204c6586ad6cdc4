// What if, and how robust: the analysis panels of the three modes against the engine run in Node
// on the same tender; marks tried re-rank a copy exactly as the engine ranks it; rank acceptability
// in a worker with progress and cancel, never blocking the page for 50 ms; the main-thread fallback;
// axe in every new state, the keyboard alone, and screenshots at 1280 px and 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { setUp, openPage, record, ready, axe, shot, root, defaultTenderText, nodeEngine, tenderIn } from './support.mjs';
import { formatter } from '../../www/src/text/format.js';
import { sliced } from '../../www/src/analysis/runner.js';
import { shareMarks, whatIfTender } from '../../www/src/analysis/marks-to-try.js';

const fmt = formatter('en-GB');
let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

/** Waits until the panel has the engine's analysis of the current tender. */
async function analysed(page) {
  await page.waitForSelector('bid-scorer [part~="analysis"][data-analysis-state="ready"]', { timeout: 60000 });
}

/** Rows of a table in the widget as arrays of cell texts (header cell first). */
function rows(page, part) {
  return page
    .locator(`bid-scorer [part~="${part}"] tbody tr:not(.note-row)`)
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

const pct = (n) => `${fmt.number(n)}%`;

/** Who takes over outside the interval, as the widget words it, from the engine's entry. */
function rivalText(w, names) {
  const words = [];
  if (w.rivalBelow) words.push(`Below ${pct(w.low)}, ${names.get(w.rivalBelow)} would rank first.`);
  if (w.rivalAbove) words.push(`Above ${pct(w.high)}, ${names.get(w.rivalAbove)} would rank first.`);
  return words.length ? words.join(' ') : 'The winner stays the same at any share.';
}

/** The price to win cell as the widget words it, from the engine's entry. */
function priceToWinText(p) {
  if (p.outcome === 'any-price') return `any price up to ${fmt.money(p.limit)}`;
  if (p.outcome === 'cannot-win') return 'cannot win on price';
  return fmt.money(p.priceToWin);
}

/** Page-side: watches for long tasks and the longest gap between heartbeats from now on. */
function watchMainThread(page) {
  return page.evaluate(() => {
    const w = { long: [], maxGap: 0, stop: false };
    window.__watch = w;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.long.push(e.duration);
    }).observe({ type: 'longtask' });
    // A heartbeat through a MessageChannel: the gap between beats bounds the longest task.
    const ch = new MessageChannel();
    let last = performance.now();
    ch.port1.onmessage = () => {
      const now = performance.now();
      w.maxGap = Math.max(w.maxGap, now - last);
      last = now;
      if (!w.stop) setTimeout(() => ch.port2.postMessage(0), 0);
    };
    ch.port2.postMessage(0);
  });
}

function stopWatching(page) {
  return page.evaluate(() => {
    window.__watch.stop = true;
    return { long: window.__watch.long, maxGap: window.__watch.maxGap };
  });
}

/**
 * The longest task on the page's main thread in a Chromium trace, between the marks runInPage
 * sets: wall-clock and CPU time (ms). Wall-clock time includes the time the thread waited for a
 * core; CPU time is the page's own work.
 */
function longestTask(buffer) {
  const trace = JSON.parse(buffer.toString());
  const events = trace.traceEvents ?? trace;
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const mark = (name) => events.find((e) => e.name === name)?.ts;
  const [start, end] = [mark('analysis-run-start'), mark('analysis-run-end')];
  assert.ok(start && end, 'the trace has the run’s start and end');
  const tasks = events.filter(
    (e) =>
      e.name === 'RunTask' && e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`) && e.ts + e.dur >= start && e.ts <= end,
  );
  assert.ok(tasks.length > 0, 'the trace has the page’s tasks');
  return {
    wall: Math.max(...tasks.map((e) => e.dur)) / 1000,
    cpu: Math.max(...tasks.map((e) => e.tdur ?? e.dur)) / 1000,
  };
}

/**
 * Runs rank acceptability while watching the page's main thread two ways: a PerformanceObserver
 * for 'longtask' (wall-clock) and a Chromium trace (each task's CPU time). Wall-clock time counts
 * the time a task waited for a core, so on a machine busy with other work (two cores, many
 * processes) a short task can now and then pass 50 ms; up to three runs are made for one the
 * observer finds clean. The trace's CPU time does not depend on the machine's load.
 */
async function watchedRuns(env, page, t, what) {
  const runs = [];
  for (let i = 0; i < 3; i += 1) {
    await env.browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
    });
    await watchMainThread(page);
    const t0 = Date.now();
    await runInPage(page);
    const elapsed = Date.now() - t0;
    const { long, maxGap } = await stopWatching(page);
    const task = longestTask(await env.browser.stopTracing());
    runs.push({ long, maxGap, ...task });
    t.diagnostic(
      `${what}: ${elapsed} ms to the table; longest main-thread task ${task.wall.toFixed(1)} ms (CPU ${task.cpu.toFixed(1)} ms); ` +
        `long tasks seen by the observer ${JSON.stringify(long)}; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
    );
    if (!long.length && task.cpu < 50) break;
  }
  // A task's own CPU time barely depends on other processes, but a busy machine (cold caches, a
  // slower core) can still push one over: one clean run in three shows the page keeps every task
  // under 50 ms, and a real regression (say, the table drawn in one go) fails all three.
  assert.ok(
    runs.some((r) => r.cpu < 50),
    `a main-thread task took ${runs.map((r) => r.cpu.toFixed(1)).join(', ')} ms of CPU in every run`,
  );
  // The wall-clock check holds unless the machine is overloaded (more than two processes per core).
  if (loadavg()[0] <= 2 * cpus().length) {
    assert.ok(
      runs.some((r) => r.long.length === 0),
      `long tasks in every run: ${JSON.stringify(runs.map((r) => r.long))}`,
    );
  }
  return runs;
}

/** Records every value the progress bar shows, page-side. */
function recordProgress(page) {
  return page.locator('bid-scorer progress').evaluate((bar) => {
    window.__progress = [];
    new MutationObserver(() => window.__progress.push([bar.value, bar.max])).observe(bar, { attributes: true });
  });
}

async function runAcceptability(page, { samples } = {}) {
  if (samples) await page.locator('bid-scorer [data-option="samples"]').fill(String(samples));
  await page.locator('bid-scorer [data-action="run-acceptability"]').click();
}

/**
 * Clicks "work out" from inside the page and resolves once a new rank acceptability table is
 * shown, so the test's own polling adds no work to the page's main thread while it runs.
 */
function runInPage(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const root = document.querySelector('bid-scorer').shadowRoot;
        const out = root.querySelector('[data-acceptability]');
        const before = out.firstChild;
        new MutationObserver((_, observer) => {
          if (out.firstChild !== before && out.querySelector('[part~="rank-acceptability"][data-complete]')) {
            observer.disconnect();
            performance.mark('analysis-run-end');
            resolve();
          }
        }).observe(out, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-complete'] });
        performance.mark('analysis-run-start');
        root.querySelector('[data-action="run-acceptability"]').click();
      }),
  );
}

/** Resolves once the progress bar shows some samples taken (page-side, as the run goes). */
function progressShown(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const root = document.querySelector('bid-scorer').shadowRoot;
        const bar = root.querySelector('progress');
        const check = () => {
          if (Number(bar.value) > 0) {
            observer.disconnect();
            resolve();
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(bar, { attributes: true });
        check();
      }),
  );
}

/** The rank acceptability table's cells, by bid id: [supplier, rank 1 %, rank 2 %, ...]. */
async function acceptabilityRows(page) {
  await page.locator('bid-scorer [part~="rank-acceptability"][data-complete]').waitFor();
  return page
    .locator('bid-scorer [part~="rank-acceptability"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [tr.dataset.bid, ...[...tr.children].map((c) => c.textContent)]));
}

function expectedAcceptabilityRows(acc, ranking) {
  const order = new Map(ranking.map((id, i) => [id, i]));
  return [...acc.bids]
    .sort((x, y) => order.get(x.bid) - order.get(y.bid))
    .map((b) => [b.bid, b.supplier, ...b.ranks.map((x) => fmt.percent(x))]);
}

async function noOverflow(page, width) {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  assert.ok(scroll <= client, `page is ${scroll} px wide in a ${client} px window at ${width} px`);
}

// ------------------------------------------------------------------ in Node, no browser ----------

test('marks shared out in proportion add up exactly, in whole hundredths', () => {
  assert.deepEqual(shareMarks(300, [3000, 2000]), [180, 120]); // 3 marks over 30 : 20
  assert.deepEqual(shareMarks(1000, [1, 1, 1]), [334, 333, 333]); // 10 over three equal: first takes the odd 0.01
  assert.deepEqual(shareMarks(5, [0, 0]), [3, 2]); // all zero: equal shares
  assert.deepEqual(shareMarks(0, [3000, 2000]), [0, 0]);
});

test('the copy with marks tried leaves the tender alone and lets groups add up their criteria', async () => {
  const tender = JSON.parse(await defaultTenderText());
  const before = JSON.stringify(tender);
  const leaf = whatIfTender(tender, { marks: { 'q-delivery': '10' } });
  assert.equal(JSON.stringify(tender), before);
  const quality = leaf.criteria.find((c) => c.id === 'quality');
  assert.equal(quality.weight, undefined, 'a group holding a changed criterion no longer states its marks');
  assert.equal(quality.children[0].weight, '10');
  const group = whatIfTender(tender, {
    marks: { 'q-delivery': '1.80', 'q-staffing': '1.20' },
    groups: { quality: '3.00' },
  });
  assert.equal(group.criteria.find((c) => c.id === 'quality').weight, '3.00');
  // Both copies are valid for the engine; one that does not add up is the engine's to refuse.
  const engine = await nodeEngine();
  assert.equal(engine.validate(leaf).errors.length, 0);
  assert.equal(engine.validate(group).errors.length, 0);
  const wrong = whatIfTender(tender, { marks: { 'q-delivery': '1' }, groups: { quality: '3.00' } });
  assert.deepEqual(
    engine.validate(wrong).errors.map((e) => e.code),
    ['group-weight-mismatch'],
  );
});

test('rank acceptability in slices is the one-run result, however it is sliced', async () => {
  const engine = await nodeEngine();
  const text = await defaultTenderText();
  const options = { samples: 3000, seed: 7, weights: 'tolerance', tolerance: 0.3 };
  const whole = engine.analyse(text, options).rankAcceptability;
  for (const budgetMs of [0.01, 1, 50]) {
    const run = new engine.RankAcceptability(text, options);
    const seen = [];
    const value = await sliced(run, {
      budgetMs,
      onProgress: (done, total) => seen.push([done, total]),
      pause: () => Promise.resolve(),
    });
    run.free();
    assert.deepEqual(value, whole, `slices of about ${budgetMs} ms`);
    assert.deepEqual(seen.at(-1), [3000, 3000]);
    assert.ok(
      seen.every(([d], i) => i === 0 || d > seen[i - 1][0]),
      'progress only goes up',
    );
  }
  const aborted = new AbortController();
  const run = new engine.RankAcceptability(text, options);
  await assert.rejects(
    sliced(run, {
      budgetMs: 1,
      onProgress: (done) => done > 100 && aborted.abort(),
      pause: () => Promise.resolve(),
      signal: aborted.signal,
    }),
    { name: 'AbortError' },
  );
  run.free();
});

// ------------------------------------------------------------------ evaluate ---------------------

test('evaluate: price to win and weight stability are the engine’s, marked as not the official result', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await analysed(page);
  const engine = await nodeEngine();
  const tender = await tenderIn(page);
  const expected = engine.analyse(tender, { samples: 0 });
  const official = engine.evaluate(tender);

  const banner = await page.locator('bid-scorer [part~="analysis"] [data-not-official]').textContent();
  assert.match(banner, /Not the official result/);

  // Price to win: one row per ranked bid, in the official order, with the engine's figures.
  const byId = new Map(expected.priceToWin.map((p) => [p.bid, p]));
  const shown = await page
    .locator('bid-scorer [part~="price-to-win"] tbody tr[data-bid]')
    .evaluateAll((trs) =>
      trs.map((tr) => [tr.dataset.bid, tr.dataset.outcome, [...tr.children].map((c) => c.textContent)]),
    );
  assert.deepEqual(
    shown.map((r) => r[0]),
    official.ranking,
  );
  for (const [id, outcome, cells] of shown) {
    const p = byId.get(id);
    assert.equal(outcome, p.outcome);
    assert.deepEqual(cells, [p.supplier, fmt.money(p.price), priceToWinText(p)]);
  }
  // Two of the outcomes, worked by hand from the example: b3 leads at any price up to the
  // £1,300,000 ceiling; b1 needs to come down to £798,818.74.
  assert.equal(byId.get('b3').outcome, 'any-price');
  assert.equal(byId.get('b1').priceToWin, '798818.74');
  const words = await page.locator('bid-scorer [part~="price-to-win"] tr.note-row td').allTextContents();
  assert.ok(
    words.includes('Northside Community CIC would rank first at a price of £798,818.74 or less (£281,181.26 lower)'),
  );

  // Weight stability: every group and criterion, in the tree's order, with the engine's interval.
  const names = new Map(tender.bids.map((b) => [b.id, b.supplier]));
  const ws = await rows(page, 'weight-stability');
  const items = await page
    .locator('bid-scorer [part~="weight-stability"] tbody tr[data-item]')
    .evaluateAll((trs) => trs.map((tr) => tr.dataset.item));
  assert.deepEqual(items, [
    'price',
    'quality',
    'q-delivery',
    'q-staffing',
    'social-value',
    'sv-plan',
    'sv-commitments',
  ]);
  const wsById = new Map(expected.weightStability.map((w) => [w.id, w]));
  assert.equal(wsById.size, items.length);
  const rivals = await page.locator('bid-scorer [part~="weight-stability"] [data-rivals]').allTextContents();
  items.forEach((id, i) => {
    const w = wsById.get(id);
    assert.deepEqual(ws[i], [w.name, pct(w.share), `${pct(w.low)} to ${pct(w.high)}`]);
    assert.equal(rivals[i], rivalText(w, names));
  });
  assert.deepEqual(ws[1], ['Quality', '50.00%', '6.13% to 100.00%']);
  assert.equal(rivals[1], 'Below 6.13%, Riverside Care Partnership Ltd would rank first.');
  assert.deepEqual(errors, []);
  await context.close();
});

test('evaluate: marks tried re-rank a copy exactly as the engine does, never the official result', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await analysed(page);
  const engine = await nodeEngine();
  const el = page.locator('bid-scorer');
  const tender = await tenderIn(page);
  const officialBefore = await el.evaluate((x) => x.result);

  const whatIf = async () =>
    page
      .locator('bid-scorer [part~="what-if"] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.dataset.bid,
          tr.querySelector('[data-rank]').textContent,
          tr.querySelector('[data-total]').textContent,
        ]),
      );
  const expectRows = (result) =>
    [...result.ranking, ...result.bids.filter((b) => b.rank === null).map((b) => b.id)].map((id) => {
      const b = result.bids.find((x) => x.id === id);
      return [id, b.rank === null ? '–' : String(b.rank), fmt.number(b.total)];
    });
  const summary = () => page.locator('bid-scorer [data-what-if-summary]').textContent();

  // Quality down to 3 marks: its 30 + 20 shared as 1.80 + 1.20 (by hand), group stated as 3.00.
  // Quality's share is then 3 / 53 = 5.7%, under the 6.13% at which Riverside takes over.
  await page.locator('bid-scorer input[data-marks="quality"]').fill('3');
  await page.waitForFunction(() =>
    document
      .querySelector('bid-scorer')
      .shadowRoot.querySelector('[data-what-if-summary]')
      .textContent.includes('Riverside'),
  );
  const byHand = structuredClone(tender);
  const quality = byHand.criteria.find((c) => c.id === 'quality');
  quality.weight = '3.00';
  quality.children[0].weight = '1.80';
  quality.children[1].weight = '1.20';
  const expected = engine.evaluate(byHand);
  assert.equal(expected.ranking[0], 'b2');
  assert.deepEqual(await whatIf(), expectRows(expected));
  assert.equal(await page.locator('bid-scorer input[data-marks="q-delivery"]').inputValue(), '1.80');
  assert.equal(await page.locator('bid-scorer input[data-marks="q-staffing"]').inputValue(), '1.20');
  assert.match(
    await summary(),
    /Riverside Care Partnership Ltd would rank first with 46\.94 out of 53\. In the official result, Wellbeing Together \(a charity\) ranks first\./,
  );

  // A single criterion: its group then adds up its criteria (1.80 + 10, shown as the engine writes it).
  await page.locator('bid-scorer input[data-marks="q-staffing"]').fill('10');
  const leafByHand = structuredClone(byHand);
  const q2 = leafByHand.criteria.find((c) => c.id === 'quality');
  delete q2.weight;
  q2.children[1].weight = '10';
  const leafExpected = engine.evaluate(leafByHand);
  await page.waitForFunction(
    (total) =>
      document
        .querySelector('bid-scorer')
        .shadowRoot.querySelector('[part~="what-if"] caption')
        .textContent.includes(`(total ${total})`),
    leafExpected.maxTotal,
  );
  assert.deepEqual(await whatIf(), expectRows(leafExpected));
  const qualityMax = leafExpected.bids[0].groups.find((g) => g.id === 'quality').max;
  assert.equal(Number(qualityMax), 11.8, '1.80 + 10 by hand');
  assert.equal(await page.locator('bid-scorer input[data-marks="quality"]').inputValue(), qualityMax);

  // Marks the engine refuses: its message next to the field; the table keeps the last good marks.
  await page.locator('bid-scorer input[data-marks="price"]').fill('-5');
  await page.locator('bid-scorer [data-marks-row="price"] .error-message:not([hidden])').waitFor();
  assert.match(
    await page.locator('bid-scorer [data-marks-row="price"] .error-message').textContent(),
    /-5 is negative/,
  );
  assert.equal(await page.locator('bid-scorer input[data-marks="price"]').getAttribute('aria-invalid'), 'true');
  assert.match(await summary(), /These marks cannot be used/);
  assert.deepEqual(await whatIf(), expectRows(leafExpected));
  assert.deepEqual(await axe(page), [], 'axe with a refused mark');

  // The official result, ranking table and tender are untouched throughout.
  assert.deepEqual(await el.evaluate((x) => x.result), officialBefore);
  assert.deepEqual(await tenderIn(page), tender);
  const ranking = await page
    .locator('bid-scorer [part~="ranking"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.dataset.bid));
  assert.deepEqual(ranking, [...officialBefore.ranking, 'b4']);

  // Back to the published marks.
  await page.locator('bid-scorer [data-action="reset-marks"]').click();
  assert.match(await summary(), /These are the published marks/);
  assert.deepEqual(await whatIf(), expectRows(officialBefore));
  assert.equal(await page.locator('bid-scorer input[data-marks="price"]').inputValue(), '40');
  assert.equal(await page.locator('bid-scorer input[data-marks="quality"]').inputValue(), '50');
  assert.equal(await page.locator('bid-scorer [data-marks-row="price"] .error-message').isHidden(), true);

  // The marks tried survive adding a bid (the mode is rebuilt) and re-rank it too.
  await page.locator('bid-scorer input[data-marks="price"]').fill('80');
  await page.locator('bid-scorer [data-action="add-bid"]').click();
  assert.equal(await page.locator('bid-scorer input[data-marks="price"]').inputValue(), '80');
  const withNewBid = await tenderIn(page);
  const priced = structuredClone(withNewBid);
  priced.criteria.find((c) => c.id === 'price').weight = '80';
  await page.waitForFunction(
    (n) => document.querySelector('bid-scorer').shadowRoot.querySelectorAll('[part~="what-if"] tbody tr').length === n,
    withNewBid.bids.length,
  );
  assert.deepEqual(await whatIf(), expectRows(engine.evaluate(priced)));
  assert.deepEqual(errors, []);
  await context.close();
});

test('evaluate: rank acceptability runs in a worker with progress, matches the engine, and can be cancelled', async () => {
  const { page, context, errors, requests } = await openPage(env, 'evaluate.html');
  await ready(page);
  await analysed(page);
  const engine = await nodeEngine();
  const tender = await tenderIn(page);

  await recordProgress(page);
  await runAcceptability(page);
  await page.locator('bid-scorer [part~="rank-acceptability"]').waitFor();
  const expected = engine.analyse(tender, { samples: 10000, seed: 1 }).rankAcceptability;
  assert.deepEqual(await acceptabilityRows(page), expectedAcceptabilityRows(expected, engine.evaluate(tender).ranking));
  // The hand-checkable part: Wellbeing Together leads in almost every sample.
  assert.ok(expected.bids.find((b) => b.bid === 'b3').ranks[0] > 0.95);
  // Heat: the shading follows the share (98.75% is in the darkest band; 0.5% in the lightest).
  const classes = await page
    .locator('bid-scorer [part~="rank-acceptability"] tr[data-bid="b3"] td')
    .evaluateAll((tds) => tds.map((td) => td.className));
  assert.match(classes[0], /heat-9/);
  assert.match(classes[1], /heat-0/);
  const progress = await page.evaluate(() => window.__progress);
  assert.ok(progress.length >= 3, `progress shown ${progress.length} times`);
  assert.deepEqual(progress.at(-1), [10000, 10000]);
  assert.ok(progress.every(([v], i) => i === 0 || v >= progress[i - 1][0]));
  assert.ok(
    page.workers().some((w) => w.url().endsWith('/src/analysis/worker.js')),
    'a worker ran it',
  );
  assert.ok(requests.some((u) => u.endsWith('/src/analysis/worker.js')));
  assert.equal(await page.locator('bid-scorer [data-where]').isHidden(), true);
  assert.match(
    await page.locator('bid-scorer [part~="analysis"] [role="status"]').textContent(),
    /worked out from 10,000 samples/,
  );

  // Central weights and confidence, on demand.
  assert.equal(await page.locator('bid-scorer [part~="central-weights"]').count(), 0);
  await page.locator('bid-scorer [data-central] > summary').click();
  await page.locator('bid-scorer [part~="central-weights"] tbody tr').first().waitFor();
  const central = await page
    .locator('bid-scorer [part~="central-weights"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [tr.dataset.bid, ...[...tr.children].slice(1).map((c) => c.textContent)]));
  assert.deepEqual(
    central.map((r) => r[0]),
    engine.evaluate(tender).ranking,
    'a row for every ranked bid, in the official order',
  );
  for (const [id, confidence, ...weights] of central) {
    const b = expected.bids.find((x) => x.bid === id);
    assert.equal(confidence, b.confidence === null ? 'never first' : fmt.percent(b.confidence));
    assert.deepEqual(
      weights,
      b.centralWeights ? b.centralWeights.map((w) => fmt.percent(w)) : expected.criteria.map(() => '–'),
    );
  }
  assert.deepEqual(await axe(page), [], 'axe with rank acceptability and central weights');

  // Other weights: within ±30% of the published ones.
  await page.locator('bid-scorer input[type="radio"][value="tolerance"]').check();
  await page.locator('bid-scorer [data-option="tolerance"]').fill('30');
  await page.locator('bid-scorer [data-option="uncertainty"]').uncheck();
  await runAcceptability(page, { samples: 2000 });
  await page.waitForFunction(() =>
    document
      .querySelector('bid-scorer')
      .shadowRoot.querySelector('[part~="rank-acceptability"] caption')
      .textContent.includes('2,000'),
  );
  const tol = engine.analyse(tender, {
    samples: 2000,
    seed: 1,
    weights: 'tolerance',
    tolerance: 0.3,
    scoreUncertainty: false,
  });
  assert.deepEqual(
    await acceptabilityRows(page),
    expectedAcceptabilityRows(tol.rankAcceptability, engine.evaluate(tender).ranking),
  );

  // A change to the bids marks the figures as out of date.
  assert.equal(await page.locator('bid-scorer [data-stale]').isHidden(), true);
  await page.locator('bid-scorer details[data-bid-editor="b1"] > summary').click();
  await page.locator('bid-scorer [data-path="bids[0].price"]').fill('1000000');
  await page.locator('bid-scorer [data-stale]').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('evaluate: while it runs, the progress bar, its text and Cancel are accessible', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  // A stand-in worker that starts, reports 2,500 of 10,000 samples and then says nothing more,
  // so the running state stays on screen for as long as the checks take.
  await page.route('**/src/analysis/worker.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: `postMessage({ kind: 'ready' });
        onmessage = ({ data }) => {
          if (data.job === 'analyse') return;
          postMessage({ id: data.id, kind: 'progress', done: 2500, total: 10000 });
        };`,
    }),
  );
  await page.reload();
  await ready(page);
  await runAcceptability(page);
  await page.locator('bid-scorer [data-progress-text]').filter({ hasText: '2,500 of 10,000 samples' }).waitFor();
  const bar = page.locator('bid-scorer progress');
  assert.equal(await bar.evaluate((b) => [b.value, b.max].join('/')), '2500/10000');
  assert.equal(await bar.evaluate((b) => b.labels[0]?.textContent), 'Samples drawn');
  assert.match(
    await page.locator('bid-scorer [part~="analysis"] [role="status"]').textContent(),
    /Rank acceptability: 25% done/,
  );
  assert.equal(await page.locator('bid-scorer [data-action="run-acceptability"]').isHidden(), true);
  assert.equal(
    await page.evaluate(() => document.querySelector('bid-scorer').shadowRoot.activeElement?.dataset.action),
    'cancel-acceptability',
    'focus moves to Cancel',
  );
  assert.deepEqual(await axe(page), [], 'axe while running');
  await page.keyboard.press('Enter');
  await page.locator('bid-scorer [data-progress]').waitFor({ state: 'hidden' });
  assert.match(await page.locator('bid-scorer [part~="analysis"] [role="status"]').textContent(), /Cancelled/);
  assert.deepEqual(await axe(page), [], 'axe after cancelling');
  assert.deepEqual(errors, []);
  await context.close();
});

test('evaluate: no main-thread task reaches 50 ms while rank acceptability runs on 50 bids × 30 criteria', async (t) => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  const big = JSON.parse(await readFile(`${root}www/bench-50x30.json`, 'utf8'));
  await page.locator('bid-scorer').evaluate((el, tender) => {
    el.tender = tender;
  }, big);
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids.length === 50);
  await analysed(page);
  // Let the page finish laying out what it just drew before the run starts.
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))),
  );
  await watchedRuns(env, page, t, '50×30, 10,000 samples in the worker');
  const engine = await nodeEngine();
  const tender = await tenderIn(page);
  const expected = engine.analyse(tender, { samples: 10000, seed: 1 }).rankAcceptability;
  assert.deepEqual(await acceptabilityRows(page), expectedAcceptabilityRows(expected, engine.evaluate(tender).ranking));

  // A long run (a million samples), cancelled part way: no figures kept from it, the button back
  // with focus on it, and the last finished run's figures still shown.
  await page.locator('bid-scorer [data-option="samples"]').fill('1000000');
  await page.locator('bid-scorer [data-action="run-acceptability"]').click();
  await progressShown(page);
  assert.ok(await page.locator('bid-scorer [data-progress]').isVisible());
  assert.match(await page.locator('bid-scorer [data-progress-text]').textContent(), /of 1,000,000 samples/);
  await page.locator('bid-scorer [data-action="cancel-acceptability"]').click();
  await page.locator('bid-scorer [data-progress]').waitFor({ state: 'hidden' });
  assert.match(await page.locator('bid-scorer [part~="analysis"] [role="status"]').textContent(), /Cancelled/);
  assert.equal(await page.locator('bid-scorer [data-action="cancel-acceptability"]').isHidden(), true);
  const focus = await page.evaluate(
    () => document.querySelector('bid-scorer').shadowRoot.activeElement?.dataset.action,
  );
  assert.equal(focus, 'run-acceptability');
  assert.match(await page.locator('bid-scorer [part~="rank-acceptability"] caption').textContent(), /10,000 samples/);
  assert.deepEqual(await axe(page), [], 'axe after cancelling');
  assert.deepEqual(errors, []);
  await context.close();
});

test('evaluate: with no Worker, rank acceptability runs on the main thread in slices under 50 ms', async (t) => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    delete window.Worker;
  });
  const page = await context.newPage();
  const { errors } = record(page);
  await page.goto(`${env.url}evaluate.html`);
  await ready(page);
  await analysed(page);
  assert.equal(await page.evaluate(() => typeof Worker), 'undefined');
  const engine = await nodeEngine();
  const tender = await tenderIn(page);
  // The tables come from the main thread's engine, and are the same.
  const expected = engine.analyse(tender, { samples: 0 });
  const ptw = await page
    .locator('bid-scorer [part~="price-to-win"] tbody tr[data-bid]')
    .evaluateAll((trs) => trs.map((tr) => [tr.dataset.bid, tr.querySelector('[data-price-to-win]').textContent]));
  assert.deepEqual(
    ptw,
    engine.evaluate(tender).ranking.map((id) => [id, priceToWinText(expected.priceToWin.find((p) => p.bid === id))]),
  );

  await recordProgress(page);
  await page.locator('bid-scorer [data-option="samples"]').fill('200000');
  await watchedRuns(env, page, t, 'main thread, 200,000 samples');
  const progress = await page.evaluate(() => window.__progress);
  assert.ok(progress.length >= 10, `progress shown ${progress.length} times`);
  assert.ok(await page.locator('bid-scorer [data-where]').isVisible(), 'says the work is done in the page');
  const acc = engine.analyse(tender, { samples: 200000, seed: 1 }).rankAcceptability;
  assert.deepEqual(await acceptabilityRows(page), expectedAcceptabilityRows(acc, engine.evaluate(tender).ranking));

  // Cancel works here too (pressed as soon as the first samples are in).
  await page.locator('bid-scorer [data-option="samples"]').fill('1000000');
  await page.locator('bid-scorer [data-action="run-acceptability"]').click();
  await progressShown(page);
  await page.locator('bid-scorer [data-action="cancel-acceptability"]').evaluate((b) => b.click());
  await page.locator('bid-scorer [data-progress]').waitFor({ state: 'hidden' });
  assert.match(await page.locator('bid-scorer [part~="analysis"] [role="status"]').textContent(), /Cancelled/);
  assert.match(await page.locator('bid-scorer [part~="rank-acceptability"] caption').textContent(), /200,000 samples/);
  assert.deepEqual(await axe(page), [], 'axe with the main-thread notice');
  assert.deepEqual(errors, []);
  await context.close();
});

test('evaluate: under the strict Content-Security-Policy the worker runs, with no console error', async () => {
  const strict = await setUp({ csp: true });
  try {
    const { page, context, errors } = await openPage(strict, 'evaluate.html');
    await ready(page);
    await analysed(page);
    await runAcceptability(page, { samples: 5000 });
    await page.locator('bid-scorer [part~="rank-acceptability"][data-complete]').waitFor();
    assert.ok(page.workers().some((w) => w.url().endsWith('/src/analysis/worker.js')));
    assert.equal(await page.locator('bid-scorer [data-where]').isHidden(), true);
    const engine = await nodeEngine();
    const tender = await tenderIn(page);
    const acc = engine.analyse(tender, { samples: 5000, seed: 1 }).rankAcceptability;
    assert.deepEqual(await acceptabilityRows(page), expectedAcceptabilityRows(acc, engine.evaluate(tender).ranking));
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await strict.stop();
  }
});

test('evaluate: a Content-Security-Policy that blocks workers falls back to the main thread', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const csp =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:; worker-src 'none'";
  await page.route('**/evaluate.html', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
  });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${env.url}evaluate.html`);
  await ready(page);
  await analysed(page);
  await runAcceptability(page, { samples: 5000 });
  await page.locator('bid-scorer [part~="rank-acceptability"]').waitFor();
  assert.ok(await page.locator('bid-scorer [data-where]').isVisible());
  const engine = await nodeEngine();
  const tender = await tenderIn(page);
  const acc = engine.analyse(tender, { samples: 5000, seed: 1 }).rankAcceptability;
  assert.deepEqual(await acceptabilityRows(page), expectedAcceptabilityRows(acc, engine.evaluate(tender).ranking));
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('evaluate: other award methods say weight stability and rank acceptability need the weighted sum', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  const other = JSON.parse(await readFile(`${root}www/examples/award-price-per-quality-point.json`, 'utf8'));
  await page.locator('bid-scorer').evaluate((el, tender) => {
    el.tender = tender;
  }, other);
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.method === 'price-per-quality-point');
  await analysed(page);
  assert.match(
    await page.locator('bid-scorer [data-only-weighted-sum]').textContent(),
    /weighted sum award method only; this tender uses the price per quality point method/,
  );
  assert.equal(await page.locator('bid-scorer [data-acceptability-panel]').isHidden(), true);
  // Price to win still applies, from the engine.
  const engine = await nodeEngine();
  const expected = engine.analyse(await tenderIn(page), { samples: 0 });
  assert.equal(
    await page.locator('bid-scorer [part~="price-to-win"] tbody tr[data-bid]').count(),
    expected.priceToWin.length,
  );
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('evaluate: the panel with the keyboard alone', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await analysed(page);
  const focused = () =>
    page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      const s = getComputedStyle(a);
      return {
        slider: a.dataset?.slider ?? null,
        marks: a.dataset?.marks ?? null,
        action: a.dataset?.action ?? null,
        tag: a.tagName,
        value: a.value,
        outline: `${s.outlineStyle} ${s.outlineColor}`,
        text: a.textContent,
      };
    });
  const tabTo = async (match, limit = 120) => {
    for (let i = 0; i < limit; i += 1) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (match(f)) return f;
    }
    assert.fail('never reached the control with Tab');
  };
  let f = await tabTo((x) => x.slider === 'price');
  assert.equal(f.outline, 'solid rgb(255, 221, 0)', 'the slider shows the yellow focus outline');
  await page.keyboard.press('End');
  assert.equal((await focused()).value, '100');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Tab');
  f = await focused();
  assert.equal(f.marks, 'price');
  assert.equal(f.value, '98', 'the number follows the slider');
  // Quality to nothing: Riverside would win.
  await tabTo((x) => x.slider === 'quality');
  await page.keyboard.press('Home');
  await page.waitForFunction(() =>
    document
      .querySelector('bid-scorer')
      .shadowRoot.querySelector('[data-what-if-summary]')
      .textContent.includes('Riverside'),
  );
  const engine = await nodeEngine();
  const byHand = await tenderIn(page);
  byHand.criteria.find((c) => c.id === 'price').weight = '98';
  const quality = byHand.criteria.find((c) => c.id === 'quality');
  quality.weight = '0.00';
  for (const c of quality.children) c.weight = '0.00';
  const expected = engine.evaluate(byHand);
  const first = await page.locator('bid-scorer [part~="what-if"] tbody tr').first().getAttribute('data-bid');
  assert.equal(first, expected.ranking[0]);
  assert.equal(
    await page.locator('bid-scorer [part~="analysis"] [role="status"]').textContent(),
    await page.locator('bid-scorer [data-what-if-summary]').textContent(),
  );

  f = await tabTo((x) => x.action === 'reset-marks');
  await page.keyboard.press('Enter');
  assert.match(await page.locator('bid-scorer [data-what-if-summary]').textContent(), /published marks/);

  // Rank acceptability: choose the weights with the arrow keys, run it with Enter.
  f = await tabTo((x) => x.tag === 'INPUT' && x.value === 'simplex');
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused()).value, 'ranking');
  f = await tabTo((x) => x.action === 'run-acceptability');
  await page.keyboard.press('Enter');
  await page.locator('bid-scorer [part~="rank-acceptability"]').waitFor();
  assert.match(
    await page.locator('bid-scorer [part~="rank-acceptability"] caption').textContent(),
    /order of importance/,
  );
  f = await tabTo((x) => x.tag === 'SUMMARY');
  await page.keyboard.press('Enter');
  await page.locator('bid-scorer [part~="central-weights"]').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('evaluate: screenshots of the panel at 1280 px and 320 px, axe clean, nothing overflowing', async () => {
  for (const width of [1280, 320]) {
    const { page, context, errors } = await openPage(env, 'evaluate.html', { width });
    await ready(page);
    await analysed(page);
    assert.deepEqual(await axe(page), [], `axe at ${width} px`);
    await page.locator('bid-scorer input[data-marks="quality"]').fill('3');
    await runAcceptability(page);
    await page.locator('bid-scorer [part~="rank-acceptability"]').waitFor();
    await page.locator('bid-scorer [data-central] > summary').click();
    await noOverflow(page, width);
    assert.deepEqual(await axe(page), [], `axe at ${width} px with marks tried and rank acceptability`);
    await page
      .locator('bid-scorer [part~="analysis"]')
      .screenshot({ path: `${root}out/screenshots/analysis-evaluate-${width}.png` });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// ------------------------------------------------------------------ self-assess ------------------

/**
 * The default tender with the supplier's own bid (Northside's, 80.09) and two "what if"
 * competitors: Wellbeing Together's bid at £1,250,000 (87.36) and Riverside's (73.26).
 */
async function selfAssessTender() {
  const t = JSON.parse(await defaultTenderText());
  const [b1, b2, b3] = t.bids;
  t.bids = [
    { ...b1, id: 'your-bid', supplier: 'Our Care Ltd' },
    { ...b3, id: 'rival-1', supplier: 'Rival one', hypothetical: true, price: '1250000' },
    { ...b2, id: 'rival-2', supplier: 'Rival two', hypothetical: true },
  ];
  return t;
}

test('self-assess: price to win against these competitors, and what it takes, in words and numbers', async () => {
  for (const width of [1280, 320]) {
    const { page, context, errors } = await openPage(env, 'self-assess.html', { width });
    await ready(page);
    await page.locator('bid-scorer').evaluate(
      (el, tender) => {
        el.tender = tender;
      },
      await selfAssessTender(),
    );
    await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids.length === 3);
    await analysed(page);
    const engine = await nodeEngine();
    const tender = await tenderIn(page);
    const expected = engine.analyse(tender, { samples: 0 });
    const p = expected.priceToWin.find((x) => x.bid === 'your-bid');
    assert.equal(p.outcome, 'undercut');
    const words = page.locator('bid-scorer [data-your-price]');
    assert.equal(await words.getAttribute('data-outcome'), p.outcome);
    assert.equal(
      await words.textContent(),
      `You would rank first at a price of ${fmt.money(p.priceToWin)} or less (${fmt.money(p.change.slice(1))} lower than your price).`,
    );
    assert.deepEqual(await rows(page, 'your-price'), [
      ['Your price', fmt.money(p.price)],
      ['Price to win', fmt.money(p.priceToWin)],
      ['Difference', fmt.money(p.change)],
    ]);
    const takes = expected.whatItTakes.find((x) => x.bid === 'your-bid');
    const table = await rows(page, 'what-it-takes');
    assert.equal(table.length, takes.options.length);
    takes.options.forEach((o, i) => {
      assert.deepEqual(table[i].slice(1), [
        fmt.number(o.from),
        o.to === null ? 'not enough on its own' : fmt.number(o.to),
      ]);
    });
    const list = await page.locator('bid-scorer ul[data-what-it-takes] li').allTextContents();
    assert.equal(list.length, takes.options.length);
    // By hand: staffing (20 marks) from 3 to 5 adds 8 marks, 80.09 + 8 = 88.09 beats 87.36, while 4
    // adds only 4; full marks for delivery add 6 (30 × 1/5), not enough.
    assert.ok(
      list.includes('A score of 5 for “Staffing and supervision” (now 3) would rank you first.'),
      list.join('\n'),
    );
    assert.ok(list.includes('Even full marks for “Service delivery” would not, on their own, rank you first.'));
    assert.deepEqual(table[takes.options.findIndex((o) => o.criterion === 'q-staffing')], [
      'Score for “Staffing and supervision”',
      '3',
      '5',
    ]);
    assert.match(
      await page.locator('bid-scorer [part~="analysis"] [data-not-official]').textContent(),
      /Not the official result/,
    );
    await noOverflow(page, width);
    assert.deepEqual(await axe(page), [], `axe at ${width} px`);
    await page
      .locator('bid-scorer [part~="analysis"]')
      .screenshot({ path: `${root}out/screenshots/analysis-self-assess-${width}.png` });

    // As the leader (price cut to £400,000): headroom, and nothing more it takes.
    if (width === 1280) {
      await page.locator('bid-scorer [data-path="bids[0].price"]').fill('400000');
      await page.waitForFunction(() => document.querySelector('bid-scorer').result?.ranking[0] === 'your-bid');
      await page.waitForFunction(
        () =>
          document.querySelector('bid-scorer').shadowRoot.querySelector('[data-your-price]')?.dataset.outcome ===
          'headroom',
      );
      const lead = engine.analyse(await tenderIn(page), { samples: 0 }).priceToWin.find((x) => x.bid === 'your-bid');
      assert.equal(
        await page.locator('bid-scorer [data-your-price]').textContent(),
        `You rank first, and would still rank first at any price up to ${fmt.money(lead.priceToWin)} (${fmt.money(lead.change)} more than your price).`,
      );
      assert.equal(
        await page.locator('bid-scorer [data-what-it-takes]').textContent(),
        'You already rank first against these competitors.',
      );
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('self-assess: with no competitor, it says to add one', async () => {
  const { page, context, errors } = await openPage(env, 'self-assess.html');
  await ready(page);
  const t = await selfAssessTender();
  t.bids = [t.bids[0]];
  await page.locator('bid-scorer').evaluate((el, tender) => {
    el.tender = tender;
  }, t);
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids[0].status === 'ranked');
  await analysed(page);
  assert.match(await page.locator('bid-scorer [data-your-price]').textContent(), /Add a “what if” competitor bid/);
  assert.deepEqual(errors, []);
  await context.close();
});
