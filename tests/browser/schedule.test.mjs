// Price schedules in the widget (spec §11): a bid gives a rate for each line, not one price, and
// the breakdown shows how the evaluated price was formed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setUp, openPage, ready, axe, nodeEngine, tenderIn, field, resultIn, root } from './support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

/** The tender of the hand-checked fixture: visits, call-outs and set-up at published quantities. */
async function scheduleTender() {
  const fixture = JSON.parse(await readFile(`${root}tests/fixtures/schedule-hand-check.json`, 'utf8'));
  return fixture.tender;
}

test('self-assess: a supplier types a rate per line and gets the evaluated price the engine works out', async () => {
  const { page, context, errors } = await openPage(env, 'self-assess.html');
  await ready(page);
  // The model only, as a supplier's page holds it: the widget adds the supplier's own bid.
  const { bids, ...model } = await scheduleTender();
  await page.locator('bid-scorer').evaluate((el, t) => {
    el.tender = t;
  }, model);
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids[0]?.missing.length === 5);

  // One field per line, and no single price.
  assert.equal(await field(page, 'bids[0].price').count(), 0);
  for (const line of ['visit', 'call-out', 'set-up']) {
    assert.equal(await field(page, `bids[0].prices.${line}`).count(), 1, line);
  }
  let mine = (await resultIn(page)).bids[0];
  assert.equal(mine.status, 'incomplete');
  // Each unpriced line is named, as are the two scores.
  assert.deepEqual(
    mine.missing.map((m) => m.params.line ?? m.params.criterion),
    ['visit', 'call-out', 'set-up', 'q-approach', 'sv-plan'],
  );

  await field(page, 'bids[0].scores.q-approach.moderated').fill('4');
  await field(page, 'bids[0].scores.sv-plan.moderated').fill('4');
  await field(page, 'bids[0].prices.visit').fill('30');
  await field(page, 'bids[0].prices.call-out').fill('90');
  await field(page, 'bids[0].prices.set-up').fill('2,500');
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids[0]?.status === 'ranked');

  // 1,200 × £30 + 50 × £90 + £2,500 = £43,000, exactly as the engine in Node says; alone, the
  // bid gets full marks for price: 60 + 30 × 4 ÷ 5 + 10 × 4 ÷ 5 = 92.00.
  const shown = await resultIn(page);
  const engine = await nodeEngine();
  assert.deepEqual(shown, engine.evaluate(await tenderIn(page)));
  mine = shown.bids[0];
  assert.equal(mine.price, '43000.00');
  assert.equal(mine.total, '92.00');
  assert.equal(mine.priceWorking, '1,200 × £30.00 + 50 × £90.00 + £2,500.00 = £43,000.00');
  assert.deepEqual((await tenderIn(page)).bids[0].prices, { visit: '30', 'call-out': '90', 'set-up': '2500' });

  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('evaluate: the breakdown shows how each evaluated price was formed', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  const tender = await scheduleTender();
  await page.locator('bid-scorer').evaluate((el, t) => {
    el.tender = t;
  }, tender);
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids[0]?.priceWorking);
  const working = page.locator('bid-scorer [data-price-working]').first();
  assert.match(await working.textContent(), /^Evaluated price: 1,200 × £3[02]\.00 \+ 50 × £[89]0\.00 \+ £[12],[05]00\.00 = £43,[04]00\.00$/);
  assert.deepEqual(errors, []);
  await context.close();
});
