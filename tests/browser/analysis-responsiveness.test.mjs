// Rank acceptability never blocks the page: no main-thread task reaches 50 ms in a worker or in
// the main-thread fallback, and the worker's Content-Security-Policy cases (allowed, blocked).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setUp, openPage, record, ready, axe, root, nodeEngine, tenderIn } from './support.mjs';
import { analysed, priceToWinText, watchedRuns, recordProgress, runAcceptability, progressShown, acceptabilityRows, expectedAcceptabilityRows } from './analysis-support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
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
