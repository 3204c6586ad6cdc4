// What real tenders add, in the three modes: a price schedule priced line by line with its
// evaluated price and working, bids that would not qualify said so first, the published schedule,
// thresholds and social value rules, price to win as a change of every rate, and lots. Every figure
// checked is the engine's (run in Node from the same pkg/); axe over each new state, screenshots at
// 1280 px and 320 px without overflow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  setUp,
  openPage,
  ready,
  axe,
  shot,
  root,
  nodeEngine,
  tenderIn,
  field,
  money,
  downloadFrom,
  csvFields,
  spoken,
} from './support.mjs';
import { analysed, rows } from './analysis-support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

/** A tender from tests/fixtures/ (its `tender`) or www/examples/. */
async function fixture(name) {
  return JSON.parse(await readFile(`${root}tests/fixtures/${name}.json`, 'utf8')).tender;
}
async function example(name) {
  return JSON.parse(await readFile(`${root}www/examples/${name}.json`, 'utf8'));
}
const modelOf = ({ bids, ...model }) => model;

/** Opens `page` (a demo page of the mode) with `tender` in its widget, once the engine has run on it. */
async function withTender(path, tender, options) {
  const opened = await openPage(env, path, options);
  await ready(opened.page);
  await opened.page.locator('bid-scorer').evaluate((el, t) => {
    el.tender = t;
  }, tender);
  await opened.page.waitForFunction(
    (title) => document.querySelector('bid-scorer').shadowRoot.querySelector('header')?.textContent.includes(title),
    tender.tender.title,
  );
  return opened;
}

/** The element that has focus, through the widget's shadow root: its engine path and label. */
function focused(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return { path: a.dataset?.path ?? null, label: a.labels?.[0]?.textContent ?? null, tag: a.tagName };
  });
}

/** No horizontal scrolling of the page, axe clean, and a screenshot, at the page's width. */
async function checkLayout(page, name) {
  assert.deepEqual(await axe(page), [], `axe: ${name}`);
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  assert.ok(scroll <= client, `${name}: the page is ${scroll} px wide in a ${client} px window`);
  await shot(page, name);
}

test('self-assess: a schedule’s rates typed with the keyboard alone give the evaluated price and its working as they are typed', async () => {
  const model = modelOf(await fixture('schedule-hand-check'));
  for (const width of [1280, 320]) {
    const { page, context, errors } = await withTender('self-assess.html', model, { width });
    // Each rate is labelled with its line's name, unit and estimated quantity.
    const labels = await page.locator('bid-scorer [data-schedule] label').allTextContents();
    assert.deepEqual(labels, [
      'Home visit: rate per visit, quantity 1,200',
      'Emergency call-out: rate per call-out, quantity 50',
      'Set-up: rate, quantity 1',
    ]);
    const shown = page.locator('bid-scorer [data-evaluated-price]');
    assert.match(await shown.textContent(), /Enter every rate to see the evaluated price/);
    // From the supplier's name, Tab reaches each rate in turn.
    await field(page, 'bids[0].supplier').focus();
    const typed = [
      ['bids[0].prices.visit', '30'],
      ['bids[0].prices.call-out', '90'],
      ['bids[0].prices.set-up', '2500'],
    ];
    for (const [path, value] of typed) {
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).path, path);
      await page.keyboard.type(value);
    }
    // 1,200 × £30 + 50 × £90 + £2,500 = £43,000, as the engine works it.
    await page.waitForFunction(() =>
      document.querySelector('bid-scorer').shadowRoot.querySelector('[data-evaluated-price]').textContent.includes('£43,000.00'),
    );
    const engine = await nodeEngine();
    const own = engine.evaluate(await tenderIn(page)).bids[0];
    assert.equal(own.price, '43000.00');
    assert.equal(await shown.locator('.working').textContent(), own.priceWorking);
    assert.equal(own.priceWorking, '1,200 × £30.00 + 50 × £90.00 + £2,500.00 = £43,000.00');
    // Said by the widget's live region once the typing pauses (the paragraph is not a second one).
    assert.ok((await spoken(page, 'Evaluated price: £43,000.00')).includes('Evaluated price: £43,000.00'));
    // The breakdown shows the same evaluated price and working beside the price score's.
    const breakdown = await page.locator('bid-scorer [data-breakdown="your-bid"] [data-price-working]').textContent();
    assert.ok(breakdown.includes(own.priceWorking));
    // Emptying a rate takes the evaluated price away again and names the missing line.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.waitForFunction(() =>
      document
        .querySelector('bid-scorer')
        .shadowRoot.querySelector('[data-evaluated-price]')
        .textContent.includes('Enter every rate'),
    );
    const missing = await page
      .locator('bid-scorer [data-breakdown="your-bid"] [data-messages="missing"] li[data-code="missing-price-line"]')
      .allTextContents();
    assert.deepEqual(missing, ['Enter the bid’s rate for “Emergency call-out”']);
    await page.keyboard.type('90');
    await page.waitForFunction(() =>
      document.querySelector('bid-scorer').shadowRoot.querySelector('[data-evaluated-price]').textContent.includes('£43,000.00'),
    );
    await checkLayout(page, `real-tenders-self-assess-schedule-${width}`);
    // A rate that is not a number gets the engine's error next to its own field.
    await field(page, 'bids[0].prices.visit').fill('thirty');
    const group = page.locator('bid-scorer .form-group--error');
    await group.waitFor();
    assert.ok((await group.locator('label').textContent()).startsWith('Home visit'));
    assert.match(await group.locator('.error-message').textContent(), /“thirty” is not a number/);
    assert.equal(await field(page, 'bids[0].prices.visit').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('self-assess: a bid that fails a gate is shown as not qualifying, in red, with the reason and no total', async () => {
  const { page, context, errors } = await openPage(env, 'self-assess.html');
  await ready(page);
  const gate = page.locator('bid-scorer [data-path^="bids[0].gates."]');
  // The second option of the first gate is "Failed".
  await gate.nth(1).check();
  const panel = page.locator('bid-scorer [part~="total"]');
  await page.waitForSelector('bid-scorer [part~="total"][data-status="disqualified"]');
  const text = await panel.textContent();
  assert.match(text, /Your bid would not qualify/);
  assert.doesNotMatch(text, /Your total/);
  const reasons = await panel.locator('[data-messages="reasons"] li').evaluateAll((els) => els.map((e) => e.dataset.code));
  assert.deepEqual(reasons, ['failed-gate']);
  const colour = await panel.evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(colour, 'rgb(212, 53, 28)', 'the panel is red, never green');
  assert.match(await page.locator('bid-scorer [part~="sticky-total"]').textContent(), /^Your bid would not qualify$/);
  const rule = await page.locator('bid-scorer [part~="sticky-total"]').evaluate((el) => getComputedStyle(el).borderTopColor);
  assert.equal(rule, 'rgb(212, 53, 28)', 'the sticky total is ruled in red too, never green');
  assert.equal(await spoken(page, 'Your bid would not qualify'), 'Your bid would not qualify');
  await checkLayout(page, 'real-tenders-self-assess-gate-failed-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

test('self-assess: a rate above its line’s maximum that scores zero shows a price score of zero', async () => {
  const model = modelOf(await fixture('schedule-line-max-zero'));
  const { page, context, errors } = await withTender('self-assess.html', model);
  for (const [line, rate] of [
    ['visit', '29'],
    ['call-out', '120'],
    ['set-up', '1000'],
  ]) {
    await field(page, `bids[0].prices.${line}`).fill(rate);
  }
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids[0].price === '41800.00');
  const engine = await nodeEngine();
  const own = engine.evaluate(await tenderIn(page)).bids[0];
  const price = own.criteria.find((c) => c.id === 'price');
  assert.equal(price.score, '0.00');
  const row = await rows(page, 'breakdown');
  assert.deepEqual(row[0], ['Price', '0.00', '60']);
  // The line's maximum is in the rate's hint.
  assert.match(await page.locator('bid-scorer [data-schedule]').textContent(), /At most £100\.00 a unit\./);
  assert.deepEqual(errors, []);
  await context.close();
});

test('self-assess: under a schedule, price to win is an evaluated price and the change of every rate that reaches it', async () => {
  const file = await fixture('schedule-hand-check');
  // The supplier's own bid is Alpha's (£43,000, second); Beta's is a "what if" rival.
  const tender = {
    ...file,
    bids: [
      { ...file.bids[0], id: 'your-bid' },
      { ...file.bids[1], hypothetical: true },
    ],
  };
  const { page, context, errors } = await withTender('self-assess.html', tender);
  await analysed(page);
  const engine = await nodeEngine();
  const p = engine.analyse(await tenderIn(page), { samples: 0 }).priceToWin.find((x) => x.bid === 'your-bid');
  assert.ok(p.rateChange, 'the engine gives the change of every rate');
  const words = await page.locator('bid-scorer [data-your-price]').textContent();
  assert.ok(words.includes(money(p.priceToWin)), words);
  assert.ok(words.includes(`every rate ${p.rateChange.startsWith('-') ? 'cut' : 'raised'} by`), words);
  const table = await rows(page, 'your-price');
  assert.deepEqual(table[0], ['Your evaluated price', '£43,000.00']);
  assert.deepEqual(table.at(-1), ['Change to every rate', `${p.rateChange}%`]);
  await checkLayout(page, 'real-tenders-self-assess-price-to-win-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

test('publish: the schedule with its lines, whole-life cost and line maxima, and how social value turns into marks', async () => {
  const engine = await nodeEngine();
  for (const width of [1280, 320]) {
    // Social value, from the default tender: the rule, the equation and the engine's worked offers.
    const { page, context, errors } = await openPage(env, 'publish.html', { width });
    await ready(page);
    const rule = page.locator('bid-scorer [data-sv-rule="sv-commitments"]');
    const text = await rule.textContent();
    assert.ok(text.includes('The most social value offered gets full marks, the rest in proportion.'), text);
    assert.ok(text.includes('score = 5 × your social value ÷ the highest social value offered'), text);
    assert.ok(text.includes('Local people employed on the contract'), text);
    // Made-up offers of 10%, 6% and 4% of the £1,200,000 contract value, worked by the engine.
    assert.deepEqual(await rule.locator('td.working').allTextContents(), [
      '5 × £120,000.00 ÷ £120,000.00 = 5.00',
      '5 × £72,000.00 ÷ £120,000.00 = 3.00',
      '5 × £48,000.00 ÷ £120,000.00 = 2.00',
    ]);
    await checkLayout(page, `real-tenders-publish-social-value-${width}`);

    // The schedule: a yearly line over 3 years at 3.5%, and a line maximum that disqualifies.
    const life = modelOf(await fixture('schedule-whole-life-cost'));
    await page.locator('bid-scorer').evaluate((el, t) => {
      el.tender = t;
    }, life);
    await page.waitForSelector('bid-scorer [part~="life-cycle"]');
    assert.deepEqual(await rows(page, 'schedule'), [
      ['System design', '', '1'],
      ['Installation', '', '1'],
      ['Maintenance', 'month', '12'],
      ['Support', 'hour', '240'],
    ]);
    assert.deepEqual(await page.locator('bid-scorer [part~="schedule"] td.working').allTextContents(), [
      'Paid every year, at today’s value.',
      'Paid every year, at today’s value.',
    ]);
    const described = engine.describe(life);
    assert.deepEqual(
      (await rows(page, 'life-cycle')).map((r) => r[1]),
      described.price.schedule.lifeCycle.factors,
    );
    assert.match(await page.locator('bid-scorer .publish').textContent(), /The evaluated price is the sum of each rate/);
    await checkLayout(page, `real-tenders-publish-schedule-${width}`);

    const capped = modelOf(await fixture('schedule-line-max-disqualify'));
    await page.locator('bid-scorer').evaluate((el, t) => {
      el.tender = t;
    }, capped);
    await page.waitForFunction(() =>
      document.querySelector('bid-scorer').shadowRoot.querySelector('[part~="disqualify"]')?.textContent.includes('Emergency call-out'),
    );
    assert.ok(
      (await page.locator('bid-scorer [part~="disqualify"] li').allTextContents()).includes(
        'A rate above £100.00 for “Emergency call-out”',
      ),
    );
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('evaluate: a bid’s rates are entered line by line and its breakdown shows the evaluated price', async () => {
  const tender = await fixture('schedule-income-line');
  const { page, context, errors } = await withTender('evaluate.html', tender);
  await page.locator('bid-scorer details[data-bid-editor="a"] > summary').click();
  // A card's fields are built when it opens (its toggle event, a task after the click).
  const rates = page.locator('bid-scorer [data-bid-editor="a"] [data-schedule] label');
  await rates.first().waitFor();
  const labels = await rates.allTextContents();
  assert.deepEqual(labels, [
    'Grass cutting visit: rate per visit, quantity 48',
    'Hedge cutting visit: rate per visit, quantity 12',
    'Green waste sold for compost: rate per tonne, quantity 200',
  ]);
  assert.match(
    await page.locator('bid-scorer [data-bid-editor="a"] [data-schedule]').textContent(),
    /Income: money the supplier pays the buyer, taken off the price\./,
  );
  await field(page, 'bids[0].prices.compost').fill('6');
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids[0].price === '21000.00');
  const engine = await nodeEngine();
  const a = engine.evaluate(await tenderIn(page)).bids[0];
  await page.locator('bid-scorer [data-action="pick-breakdown"]').selectOption('a');
  assert.equal(
    await page.locator('bid-scorer [data-price-working="a"]').textContent(),
    `Evaluated price: ${a.priceWorking}`,
  );
  assert.equal(a.priceWorking, '48 × £400.00 + 12 × £250.00 − 200 × £6.00 = £21,000.00');
  await checkLayout(page, 'real-tenders-evaluate-schedule-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

test('self-assess: a bid below a group’s threshold is shown as not qualifying, with both numbers', async () => {
  const model = modelOf(await fixture('group-threshold'));
  const { page, context, errors } = await withTender('self-assess.html', model);
  // Quality: 30 × 4 ÷ 5 = 24.00 and 10 × (12 − 8.01) ÷ (12 − 2) = 3.99: 27.99, below its threshold of 28.
  for (const [path, value] of [
    ['bids[0].price', '90000'],
    ['bids[0].scores.q-delivery.moderated', '4'],
    ['bids[0].values.q-response', '8.01'],
    ['bids[0].scores.sv-plan.moderated', '4'],
  ]) {
    await field(page, path).fill(value);
  }
  await page.waitForSelector('bid-scorer [part~="total"][data-status="disqualified"]');
  const panel = page.locator('bid-scorer [part~="total"]');
  assert.match(await panel.textContent(), /^Your bid would not qualify/);
  assert.doesNotMatch(await panel.textContent(), /out of 100/);
  const engine = await nodeEngine();
  const own = engine.evaluate(await tenderIn(page)).bids[0];
  assert.equal(own.status, 'disqualified');
  assert.deepEqual(
    own.reasons.map((r) => r.code),
    ['below-group-threshold'],
  );
  assert.deepEqual(await panel.locator('[data-messages="reasons"] li').allTextContents(), [
    'Scored 27.99 on “Quality”; the minimum is 28',
  ]);
  assert.notEqual(await panel.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(0, 112, 60)');
  // Raising the expected score lifts the bid over the threshold: it qualifies, on green, with its total.
  await field(page, 'bids[0].scores.q-delivery.moderated').fill('5');
  await page.waitForSelector('bid-scorer [part~="total"][data-status="ranked"]');
  assert.match(await panel.textContent(), /Your total: \d+\.\d\d out of 100/);
  assert.equal(await panel.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(0, 112, 60)');
  await field(page, 'bids[0].scores.q-delivery.moderated').fill('4');
  await page.waitForSelector('bid-scorer [part~="total"][data-status="disqualified"]');
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await checkLayout(page, `real-tenders-self-assess-group-threshold-${width}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('publish: every threshold and limit that disqualifies is listed', async () => {
  const engine = await nodeEngine();
  const { page, context, errors } = await openPage(env, 'publish.html');
  await ready(page);
  for (const [name, expected] of [
    ['group-threshold', ['A sub-total below 28 on “Quality” (out of 40)', 'A sub-total below 7 on “Social value” (out of 10)']],
    [
      'relative-threshold',
      [
        'A price above £200,000.00',
        'A score on “Quality” below 80% of the best qualified score on it',
        'A score on “Method statement” below 75% of the best qualified score on it',
      ],
    ],
    ['numeric-limits', ['A value for “Delivery time” below 2 days', 'A value for “Delivery time” above 10 days', 'A value for “Warranty” below 12 months']],
  ]) {
    const model = modelOf(await fixture(name));
    await page.locator('bid-scorer').evaluate((el, t) => {
      el.tender = t;
    }, model);
    await page.waitForFunction(
      (title) => document.querySelector('bid-scorer').shadowRoot.querySelector('header')?.textContent.includes(title),
      model.tender.title,
    );
    const items = await page.locator('bid-scorer [part~="disqualify"] li').allTextContents();
    for (const want of expected) assert.ok(items.includes(want), `${name}: "${want}" in ${JSON.stringify(items)}`);
    assert.equal(items.length >= engine.describe(model).thresholdRules.length, true);
  }
  await checkLayout(page, 'real-tenders-publish-limits-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

test('evaluate: two lots, each with its own ranking, winner and analysis, switched with the keyboard', async () => {
  const tender = await example('grounds-maintenance');
  const engine = await nodeEngine();
  const official = engine.evaluate(tender);
  assert.equal(official.lots.length, 2);
  for (const width of [1280, 320]) {
    const { page, context, errors } = await openPage(env, 'grounds-evaluate.html', { width });
    await ready(page);
    const switcher = page.locator('bid-scorer [data-lot-switch] input[type="radio"]');
    assert.equal(await switcher.count(), 2);
    for (const [i, lot] of official.lots.entries()) {
      if (i > 0) {
        // Arrow keys move between the lots as in any radio group.
        await switcher.nth(i - 1).focus();
        await page.keyboard.press('ArrowDown');
      }
      await page.waitForSelector(`bid-scorer [data-lot-results="${lot.id}"]`);
      assert.equal(await switcher.nth(i).isChecked(), true);
      // The lot's ranked bids, best first, exactly as the engine ranked them within the lot; then
      // the lot's other bids; no bid of another lot.
      const shown = await page
        .locator('bid-scorer [data-lot-results] [part~="ranking"] tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.dataset.bid));
      const inLot = official.bids.filter((b) => b.lot === lot.id).map((b) => b.id);
      assert.deepEqual(shown.slice(0, lot.ranking.length), lot.ranking);
      assert.deepEqual([...shown].sort(), [...inLot].sort());
      const winner = official.bids.find((b) => b.id === lot.winner);
      assert.equal(
        await page.locator('bid-scorer [data-lot-winner]').textContent(),
        `Most advantageous tender for this lot: ${winner.supplier}.`,
      );
      // Price to win is the lot's own.
      await analysed(page);
      const ptw = await page
        .locator('bid-scorer [part~="price-to-win"] tbody tr[data-bid]')
        .evaluateAll((trs) => trs.map((tr) => tr.dataset.bid));
      assert.ok(ptw.length > 0 && ptw.every((id) => inLot.includes(id)), `${lot.id}: ${ptw}`);
      await checkLayout(page, `real-tenders-evaluate-${lot.id}-${width}`);
    }
    // The results file names each bid's lot, ranks being within lots.
    const csv = await downloadFrom(page, 'bid-scorer [data-action="export-csv"]');
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n').map(csvFields);
    assert.deepEqual(lines[0].slice(0, 3), ['Lot', 'Rank', 'Supplier']);
    assert.deepEqual(
      lines.slice(1).map((l) => l.slice(0, 2)),
      official.lots.flatMap((lot) =>
        official.bids
          .filter((b) => b.lot === lot.id)
          .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9))
          .map((b) => [lot.name, b.rank === null ? '' : String(b.rank)]),
      ),
    );
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('self-assess with lots: the bid names its lot, and is ranked against that lot’s “what if” bids only', async () => {
  const { page, context, errors } = await openPage(env, 'grounds-self-assess.html');
  await ready(page);
  const lot = field(page, 'bids[0].lot');
  // A new bid starts in the first lot; the supplier chooses another.
  assert.equal((await tenderIn(page)).bids[0].lot, 'north');
  await lot.selectOption({ label: 'Lot 2: South area' });
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids[0].lot === 'south');
  const labels = await page.locator('bid-scorer [data-schedule] label').allTextContents();
  assert.equal(labels[0], 'Amenity grass cutting: rate per hectare, quantity 5,400');
  // A "what if" rival starts in the supplier's lot and is ranked with it; moved to the other lot,
  // it leaves the supplier's ranking.
  await page.locator('bid-scorer [data-action="add-what-if"]').click();
  const ranked = page.locator('bid-scorer [data-results] [part~="ranking"] tbody tr');
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids.length === 2);
  await ranked.first().waitFor();
  assert.deepEqual(await ranked.evaluateAll((trs) => trs.map((tr) => tr.dataset.bid)).then((ids) => ids.sort()), [
    'what-if-1',
    'your-bid',
  ]);
  await field(page, 'bids[1].lot').selectOption({ label: 'Lot 1: North area' });
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids[1].lot === 'north');
  assert.equal(await ranked.count(), 0, 'a bid alone in its lot has no ranking to show');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the grounds maintenance demo publishes its lots, schedule, threshold and social value rule', async () => {
  const engine = await nodeEngine();
  const model = engine.describe(modelOf(await example('grounds-maintenance')));
  for (const width of [1280, 320]) {
    const { page, context, errors } = await openPage(env, 'grounds-publish.html', { width });
    await ready(page);
    assert.deepEqual(
      await page.locator('bid-scorer [part~="lots"] li').evaluateAll((els) => els.map((e) => e.dataset.lot)),
      ['north', 'south'],
    );
    assert.deepEqual(
      (await rows(page, 'schedule')).map((r) => r[0]),
      model.price.schedule.lines.map((l) => l.name),
    );
    const notes = await page.locator('bid-scorer [part~="schedule"] td.working').allTextContents();
    assert.deepEqual(notes, [
      'At most £450.00 a unit.',
      'Income: money the supplier pays the buyer, taken off the price.',
      'Optional: priced but not evaluated.',
    ]);
    const rules = await page.locator('bid-scorer [part~="disqualify"] li').allTextContents();
    for (const want of [
      'Failing the pass/fail question: Public liability insurance of £10m or more',
      'A sub-total below 24 on “Quality” (out of 40)',
      'A price above £650,000.00',
      'A rate above £450.00 for “Emergency call-out (fallen trees, vandalism)”',
    ]) {
      assert.ok(rules.includes(want), `"${want}" in ${JSON.stringify(rules)}`);
    }
    assert.equal(await page.locator('bid-scorer [data-sv-rule="sv-commitments"] td.working').count(), 3);
    await checkLayout(page, `real-tenders-grounds-publish-${width}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('evaluate: a score waiting for consensus and an averaged score off the scale are worded from their codes', async () => {
  const engine = await nodeEngine();
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  for (const [name, check] of [
    [
      'consensus-required',
      async (result) => {
        // Each incomplete bid says it needs a moderated score, worded by the widget.
        const items = await page.locator('bid-scorer [part~="missing"] li li').allTextContents();
        const expected = result.bids.flatMap((b) => b.missing.filter((m) => m.code === 'missing-moderated-score'));
        assert.ok(expected.length > 0);
        assert.equal(items.filter((t) => /^Agree a moderated score for “.+”: \d+ evaluators scored it/.test(t)).length, expected.length);
      },
    ],
    [
      'averaged-off-scale',
      async (result) => {
        const shown = await page
          .locator('bid-scorer [part~="warnings"] li[data-code="averaged-off-scale"]')
          .allTextContents();
        assert.equal(shown.length, result.warnings.filter((w) => w.code === 'averaged-off-scale').length);
        for (const t of shown) assert.match(t, /Bromcom v United Learning Trust/);
      },
    ],
  ]) {
    const tender = await fixture(name);
    await page.locator('bid-scorer').evaluate((el, t) => {
      el.tender = t;
    }, tender);
    await page.waitForFunction(
      (title) => document.querySelector('bid-scorer').shadowRoot.querySelector('header')?.textContent.includes(title),
      tender.tender.title,
    );
    await check(engine.evaluate(tender));
  }
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('publish: a social value target and social value as a share of price, each worked through made-up offers', async () => {
  const { page, context, errors } = await openPage(env, 'publish.html');
  await ready(page);
  for (const [name, criterion, words, equation, head, workings] of [
    [
      'social-value-target',
      'sv-target',
      '£160,000.00 or more of social value gets full marks, less in proportion.',
      'score = 15 × your social value ÷ £160,000.00, at most 15',
      ['Supplier', 'Social value in money', 'Score'],
      // Half the target, the target and half again, on 15 marks.
      [
        '15 × £80,000.00 ÷ £160,000.00 = 7.50',
        '£160,000.00 meets the target of £160,000.00, so full marks: 15 × 1 = 15.00',
        '£240,000.00 meets the target of £160,000.00, so full marks: 15 × 1 = 15.00',
      ],
    ],
    [
      'social-value-percent',
      'sv-percent',
      'Social value as a % of price: the highest % offered gets full marks, the rest in proportion.',
      'score = 15 × your social value as a % of your price ÷ the highest such % offered',
      ['Supplier', 'Price', 'Social value in money', 'Score'],
      // Contract value £3,100,000: £310,000 on £3,100,000 (10%), £186,000 on £2,480,000 (7.5%)
      // and £186,000 on £3,720,000 (5%): 15, 15 × 7.5 ÷ 10 = 11.25 and 7.50.
      ['15 × 10% ÷ 10% = 15.00', '15 × 7.5% ÷ 10% = 11.25', '15 × 5% ÷ 10% = 7.50'],
    ],
  ]) {
    const model = modelOf(await example(name));
    await page.locator('bid-scorer').evaluate((el, t) => {
      el.tender = t;
    }, model);
    const rule = page.locator(`bid-scorer [data-sv-rule="${criterion}"]`);
    await rule.waitFor();
    const text = await rule.textContent();
    assert.ok(text.includes(words), text);
    assert.equal(await rule.locator('code.equation').textContent(), equation);
    assert.deepEqual(await rule.locator('thead th').allTextContents(), head);
    assert.deepEqual(await rule.locator('td.working').allTextContents(), workings);
  }
  await checkLayout(page, 'real-tenders-publish-social-value-percent-1280');
  assert.deepEqual(errors, []);
  await context.close();
});
