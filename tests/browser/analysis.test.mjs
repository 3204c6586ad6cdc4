// What if, and how robust, in evaluate mode: the analysis panel against the engine run in Node on
// the same tender; marks tried re-rank a copy exactly as the engine ranks it; rank acceptability
// in a worker with progress and cancel, accessible while it runs. The slicing and the marks shared
// out are checked in Node first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sliced } from '../../www/src/analysis/runner.js';
import { shareMarks, whatIfTender } from '../../www/src/analysis/marks-to-try.js';
import { setUp, openPage, ready, axe, defaultTenderText, nodeEngine, tenderIn } from './support.mjs';
import { fmt, analysed, rows, pct, rivalText, priceToWinText, recordProgress, runAcceptability, acceptabilityRows, expectedAcceptabilityRows } from './analysis-support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

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
  // The new maximum is in every place the caption is shown: above the table, in it, and as the
  // name of its scrolling group; one table, never one inside another.
  const captions = await page.locator('bid-scorer').evaluate((x) => {
    const table = x.shadowRoot.querySelector('[part~="what-if"]');
    const wrap = table.closest('.table-wrap');
    return {
      tables: wrap.parentNode.querySelectorAll('table').length,
      shown: wrap.querySelector(':scope > .caption').textContent,
      inTable: table.caption.textContent,
      group: table.closest('[role="group"]').getAttribute('aria-label'),
    };
  });
  assert.equal(captions.tables, 1);
  assert.match(captions.shown, new RegExp(`\\(total ${leafExpected.maxTotal.replace('.', '\\.')}\\)`));
  assert.deepEqual([captions.inTable, captions.group], [captions.shown, captions.shown]);
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
  // Every share in the table has two decimal places (0.50%, not 0.5% beside 0.71%).
  const cells = await page.locator('bid-scorer [part~="rank-acceptability"] td.heat').allTextContents();
  assert.ok(cells.length > 3);
  for (const c of cells) assert.match(c.trim(), /^\d{1,3}\.\d{2}%$/, c);
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
    assert.equal(confidence, b.confidence === null ? 'never first' : fmt.percent(b.confidence, 2));
    assert.deepEqual(
      weights,
      b.centralWeights ? b.centralWeights.map((w) => fmt.percent(w, 2)) : expected.criteria.map(() => '–'),
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
