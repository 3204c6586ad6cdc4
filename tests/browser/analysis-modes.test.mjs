// The analysis panel beyond the weighted sum and the mouse: other award methods, the keyboard
// alone, screenshots at 1280 px and 320 px with axe, self-assess mode's price to win and what it
// takes, and how much of "what it takes" each mode asks the analysis for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setUp, openPage, record, ready, axe, root, defaultTenderText, nodeEngine, tenderIn } from './support.mjs';
import { fmt, analysed, rows, runAcceptability, noOverflow } from './analysis-support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
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

test('each mode asks the analysis for no more "what it takes" than it shows', async () => {
  for (const [path, wanted] of [['evaluate.html', false], ['self-assess.html', 'your-bid']]) {
    const context = await env.browser.newContext();
    // What the page asks of the analysis worker, as it is posted.
    await context.addInitScript(() => {
      window.analyses = [];
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (data, ...rest) {
        if (data?.job === 'analyse') window.analyses.push(data.options);
        return post.call(this, data, ...rest);
      };
    });
    const page = await context.newPage();
    const { errors } = record(page);
    await page.goto(env.url + path);
    await ready(page);
    if (path === 'self-assess.html') {
      const t = await selfAssessTender();
      await page.locator('bid-scorer').evaluate((el, tender) => {
        el.tender = tender;
      }, t);
      await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids.length === 3);
    }
    await analysed(page);
    const asked = await page.evaluate(() => window.analyses);
    assert.ok(asked.length > 0, `${path}: the analysis ran in the worker`);
    for (const options of asked) assert.equal(options.whatItTakes, wanted, path);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
