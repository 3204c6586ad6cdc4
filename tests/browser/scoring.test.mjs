// Typing into the widget: totals follow the engine exactly, bad input is shown next to its field
// and in the summary without losing anything, and markup in names stays text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, ready, axe, nodeEngine, tenderIn, field, resultIn, spoken } from './support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

/** The page's result, checked against the engine run in Node on the page's own tender. */
async function assertMatchesEngine(page) {
  const engine = await nodeEngine();
  const tender = await tenderIn(page);
  const expected = engine.evaluate(tender);
  const shown = await page.locator('bid-scorer').evaluate((el) => el.result);
  assert.deepEqual(shown, expected);
  return expected;
}

async function waitForTotal(page, bidId, previous) {
  await page.waitForFunction(
    ([id, prev]) => {
      const r = document.querySelector('bid-scorer').result;
      const b = r?.bids.find((x) => x.id === id);
      return b && b.total !== prev;
    },
    [bidId, previous],
  );
}

test('self-assess: entering a price, a score and commitments changes the total to exactly the engine’s', async () => {
  const { page, context, errors } = await openPage(env, 'self-assess.html');
  await ready(page);
  const own = () => page.locator('bid-scorer').evaluate((el) => el.result.bids.find((b) => b.id === 'your-bid'));
  const before = (await own()).total;

  await field(page, 'bids[0].price').fill('1,050,000');
  await waitForTotal(page, 'your-bid', before);
  let expected = await assertMatchesEngine(page);
  let mine = expected.bids.find((b) => b.id === 'your-bid');
  assert.equal(mine.criteria.find((c) => c.id === 'price').input, '1050000');
  assert.equal(
    await page.locator('bid-scorer [data-own-total]').textContent(),
    `Your total: ${mine.total} out of ${expected.maxTotal}`,
  );

  const afterPrice = mine.total;
  await page.locator('bid-scorer').getByLabel('4 – Very good').first().check();
  await waitForTotal(page, 'your-bid', afterPrice);
  expected = await assertMatchesEngine(page);
  mine = expected.bids.find((b) => b.id === 'your-bid');
  assert.equal(mine.criteria.find((c) => c.id === 'q-delivery').input, '4');
  assert.equal(
    await page.locator('bid-scorer [data-own-total]').textContent(),
    `Your total: ${mine.total} out of ${expected.maxTotal}`,
  );

  // Social value in money and as % of the price, as the engine gives them, while typing.
  await field(page, 'bids[0].commitments.local-jobs').fill('3');
  await page.waitForFunction(() => document.querySelector('bid-scorer').result.bids[0].socialValue);
  expected = await assertMatchesEngine(page);
  const sv = expected.bids[0].socialValue;
  const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(sv.money);
  assert.equal(
    await page.locator('bid-scorer [data-sv]').textContent(),
    `Social value: ${money}, which is ${sv.percentOfPrice}% of the bid's price.`,
  );

  // A "what if" rival joins the ranking table beside the supplier's own bid, as the engine
  // scores it (both still incomplete here, so neither is ranked yet).
  await page.locator('bid-scorer [data-action="add-what-if"]').click();
  await field(page, 'bids[1].price').fill('900000');
  await page.waitForFunction(() => document.querySelector('bid-scorer').result.bids.length === 2);
  await page.waitForFunction(() => document.querySelector('bid-scorer').result.bids[1].price === '900000.00');
  expected = await assertMatchesEngine(page);
  const rival = expected.bids[1];
  assert.equal(rival.hypothetical, true);
  const rows = await page
    .locator('bid-scorer [part~="ranking"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [tr.dataset.bid, tr.querySelector('[data-total]').textContent]));
  assert.deepEqual(
    rows,
    expected.bids.map((b) => [b.id, b.total]),
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('evaluate: changing an evaluator’s score re-ranks exactly as the engine does', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await page.locator('bid-scorer details[data-bid-editor="b2"] > summary').click();
  const official = await resultIn(page);
  const before = official.bids.find((b) => b.id === 'b2').total;
  await field(page, 'bids[1].scores.q-staffing.evaluators.Evaluator 1').fill('5');
  await field(page, 'bids[1].scores.q-staffing.evaluators.Evaluator 2').fill('5');
  await waitForTotal(page, 'b2', before);
  const expected = await assertMatchesEngine(page);
  const b2 = expected.bids.find((b) => b.id === 'b2');
  const shown = await page.locator('bid-scorer [part~="ranking"] tr[data-bid="b2"] [data-total]').textContent();
  assert.equal(shown, b2.total);
  // The change does re-rank (b2 passes b1), and the table follows the engine's new order.
  assert.notDeepEqual(expected.ranking, official.ranking);
  const order = await page
    .locator('bid-scorer [part~="ranking"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.dataset.bid));
  assert.deepEqual(order, [...expected.ranking, ...expected.bids.filter((b) => b.rank === null).map((b) => b.id)]);
  // The live region announces the new ranking.
  const first = expected.bids.find((b) => b.id === expected.ranking[0]);
  const said = `Ranking updated. First: ${first.supplier} with ${first.total}.`;
  assert.equal(await spoken(page, said), said);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an invalid price shows the inline error and the summary, keeps every other input and the last valid results', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await page.locator('bid-scorer details[data-bid-editor="b1"] > summary').click();
  await field(page, 'bids[0].scores.q-delivery.rationale').fill('Strong plan; named partners.');
  await field(page, 'bids[0].supplier').fill('Northside Community CIC (renamed)');
  const lastValid = await page.locator('bid-scorer').evaluate((el) => el.result);

  const price = field(page, 'bids[0].price');
  await price.fill('12x');
  const summary = page.locator('bid-scorer [part~="error-summary"]');
  await summary.waitFor();
  assert.equal(await summary.getAttribute('role'), 'alert');
  const message = '“12x” is not a number; write digits such as 1250000.50';
  // In the summary the error says where it is, as the form names it: the bid, then the field.
  assert.equal(await summary.locator('a').first().textContent(), `“Northside Community CIC (renamed)”, Price: ${message}`);
  // Inline, linked by aria-describedby, marked invalid.
  assert.equal(await price.getAttribute('aria-invalid'), 'true');
  const describedBy = (await price.getAttribute('aria-describedby')).split(' ');
  const errorId = describedBy.find((id) => id.endsWith('-error'));
  const inline = page.locator(`bid-scorer #${errorId}`);
  assert.equal(await inline.textContent(), `Error: ${message}`);
  assert.ok(await inline.isVisible());
  // Nothing typed is lost, and the results still show the last valid state.
  assert.equal(await price.inputValue(), '12x');
  assert.equal(await field(page, 'bids[0].scores.q-delivery.rationale').inputValue(), 'Strong plan; named partners.');
  assert.equal(await field(page, 'bids[0].supplier').inputValue(), 'Northside Community CIC (renamed)');
  assert.deepEqual(await page.locator('bid-scorer').evaluate((el) => el.result), lastValid);
  const tender = await tenderIn(page);
  assert.equal(tender.bids[0].price, '12x');
  assert.equal(tender.bids[0].scores['q-delivery'].rationale, 'Strong plan; named partners.');
  // The summary link takes the user to the field.
  await price.evaluate((el) => el.blur());
  await summary.locator('a').first().click();
  assert.equal(await price.evaluate((el) => el === el.getRootNode().activeElement), true);
  // axe is clean in the error state too.
  assert.deepEqual(await axe(page), []);
  // Correcting it clears the error and scores again.
  await price.fill('1070000');
  await summary.waitFor({ state: 'detached' });
  assert.equal(await price.getAttribute('aria-invalid'), null);
  await assertMatchesEngine(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('self-assess: a price with a fraction of a penny is an error by the price, kept as typed through a reload, with the total marked out of date', async () => {
  const { page, context, errors } = await openPage(env, 'self-assess.html');
  await ready(page);
  const price = field(page, 'bids[0].price');
  await price.fill('£1,080,000');
  await page.waitForFunction(() => document.querySelector('bid-scorer').result.bids.find((b) => b.id === 'your-bid').price === '1080000.00');
  const lastValid = await resultIn(page);
  await price.fill('£1,080,000.005');
  const summary = page.locator('bid-scorer [part~="error-summary"]');
  await summary.waitFor();
  const message = '“£1,080,000.005” has a fraction of a penny; give the price to 2 decimal places at most';
  assert.equal(await summary.locator('a').first().textContent(), `“Your organisation”, Price: ${message}`);
  assert.equal(await price.getAttribute('aria-invalid'), 'true');
  const errorId = (await price.getAttribute('aria-describedby')).split(' ').find((id) => id.endsWith('-error'));
  assert.equal(await page.locator(`bid-scorer #${errorId}`).textContent(), `Error: ${message}`);
  // The results stay as they were, said to be out of date; what was typed is kept in the tender.
  assert.deepEqual(await resultIn(page), lastValid);
  assert.match(await page.locator('bid-scorer [part~="sticky-total"]').textContent(), /out of date|last/i);
  assert.equal((await tenderIn(page)).bids[0].price, '1080000.005');
  assert.deepEqual(await axe(page), []);
  // A reload brings back the price as typed, and its error.
  await page.reload();
  await summary.waitFor();
  assert.equal(await price.inputValue(), '1080000.005');
  assert.equal(await price.getAttribute('aria-invalid'), 'true');
  // To the penny, it scores again, as the engine does.
  await price.fill('1080000.01');
  await summary.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelector('bid-scorer').result.bids.find((b) => b.id === 'your-bid').price === '1080000.01');
  const engine = await nodeEngine();
  assert.deepEqual(await resultIn(page), engine.evaluate(await tenderIn(page)));
  assert.deepEqual(errors, []);
  await context.close();
});

test('self-assess error state is axe clean', async () => {
  const { page, context } = await openPage(env, 'self-assess.html');
  await ready(page);
  await field(page, 'bids[0].commitments.local-jobs').fill('-2');
  await page.locator('bid-scorer [part~="error-summary"]').waitFor();
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('markup in supplier names and rationales is shown as text, never run', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    d.dismiss();
  });
  const evil = '<img src=x onerror=alert(1)>';
  await page.locator('bid-scorer details[data-bid-editor="b1"] > summary').click();
  await field(page, 'bids[0].supplier').fill(evil);
  await field(page, 'bids[0].scores.q-delivery.rationale').fill(`${evil}<script>alert(2)</script>`);
  await page.waitForFunction((s) => document.querySelector('bid-scorer').result.bids[0].supplier === s, evil);
  const row = page.locator('bid-scorer [part~="ranking"] tr[data-bid="b1"] th');
  assert.equal(await row.textContent(), evil);
  assert.equal(await page.locator('bid-scorer img').count(), 0);
  assert.equal(await page.locator('bid-scorer details[data-bid-editor="b1"] > summary').textContent(), evil);
  assert.equal(dialogs, 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an id or name holding "." or "[" still gets its error next to its field', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  // The engine quotes such keys in its paths (`scores["q.delivery"]`); the widget must write its
  // fields' paths the same way, or the error has no field to sit beside.
  const text = JSON.stringify(await tenderIn(page))
    .replaceAll('"q-delivery"', '"q.delivery"')
    .replaceAll('"Evaluator 1"', '"Evaluator [A]"');
  await page.locator('bid-scorer').evaluate((el, t) => {
    el.tender = JSON.parse(t);
  }, text);
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids.length > 0);
  await page.locator('bid-scorer details[data-bid-editor="b1"] > summary').click();
  const path = 'bids[0].scores["q.delivery"].evaluators["Evaluator [A]"]';
  const score = page.locator(`bid-scorer [data-path=${JSON.stringify(path)}]`);
  await score.fill('7');
  await page.locator('bid-scorer [part~="error-summary"]').waitFor();
  const engine = await nodeEngine();
  const reported = engine.validate(await tenderIn(page)).errors.map((e) => e.path);
  assert.ok(reported.includes(path), `the engine reports ${reported.join(', ')}`);
  assert.equal(await score.getAttribute('aria-invalid'), 'true');
  const errorId = (await score.getAttribute('aria-describedby')).split(' ').find((id) => id.endsWith('-error'));
  assert.ok(await page.locator(`bid-scorer #${errorId}`).isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});

test('a bare score in the file shows as the moderated score, and scoring beside it keeps it', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  // `"q-delivery": 4` is the moderated score (spec: a bare number as a score).
  const tender = await tenderIn(page);
  tender.bids[0].scores['q-delivery'] = 4;
  await page.locator('bid-scorer').evaluate((el, t) => {
    el.tender = t;
  }, tender);
  await page.waitForFunction(
    () => document.querySelector('bid-scorer').result?.bids[0].criteria.find((c) => c.id === 'q-delivery').inputFrom === 'moderated',
  );
  await page.locator('bid-scorer details[data-bid-editor="b1"] > summary').click();
  const moderated = field(page, 'bids[0].scores.q-delivery.moderated');
  assert.equal(await moderated.inputValue(), '4');
  await field(page, 'bids[0].scores.q-delivery.evaluators.Evaluator 1').fill('3');
  await page.waitForFunction(
    () => document.querySelector('bid-scorer').tender.bids[0].scores['q-delivery'].evaluators?.['Evaluator 1'] !== undefined,
  );
  const marks = await page.locator('bid-scorer').evaluate((el) => el.tender.bids[0].scores['q-delivery']);
  assert.equal(String(marks.moderated), '4');
  assert.equal(String(marks.evaluators['Evaluator 1']), '3');
  await assertMatchesEngine(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a price typed as people type money is read; anything else is quoted back exactly as typed', async () => {
  const { page, context, errors } = await openPage(env, 'self-assess.html');
  await ready(page);
  const price = field(page, 'bids[0].price');
  // The hint no longer asks for a price without commas.
  const hint = await page.locator(`bid-scorer #${(await price.getAttribute('aria-describedby')).split(' ')[0]}`).textContent();
  assert.doesNotMatch(hint, /without commas/);
  for (const [typed, stored] of [
    ['£1,080,000', '1080000'],
    ['1 080 000.50', '1080000.50'],
    ['€ 3,000', '3000'],
  ]) {
    await price.fill(typed);
    await page.waitForFunction((s) => document.querySelector('bid-scorer').tender.bids[0].price === s, stored);
    assert.equal(await price.inputValue(), typed, 'the field keeps what was typed');
    await assertMatchesEngine(page);
  }
  const summary = page.locator('bid-scorer [part~="error-summary"]');
  for (const typed of ['about a million', '12,5', '1,0800']) {
    await price.fill(typed);
    await summary.filter({ hasText: `“${typed}” is not a number` }).waitFor();
    assert.equal((await tenderIn(page)).bids[0].price, typed);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('self-assess: while a field has an error the sticky total says its figures are out of date', async () => {
  const { page, context, errors } = await openPage(env, 'self-assess.html');
  await ready(page);
  const sticky = page.locator('bid-scorer [part~="sticky-total"]');
  const price = field(page, 'bids[0].price');
  await price.fill('1000000');
  await page.waitForFunction(() => document.querySelector('bid-scorer').result.bids[0].price === '1000000.00');
  const current = (await sticky.textContent()).trim();
  assert.match(current, /^Your total: /);
  await price.fill('12x');
  await page.locator('bid-scorer [part~="error-summary"]').waitFor();
  assert.equal(
    (await sticky.textContent()).trim(),
    `Out of date until the error above is corrected. Last figures: ${current}`,
  );
  // Seen, not only classed: the yellow rule and plain weight override the base style.
  const look = await sticky.evaluate((el) => [getComputedStyle(el).borderTopColor, getComputedStyle(el).fontWeight]);
  assert.deepEqual(look, ['rgb(255, 221, 0)', '400']);
  assert.deepEqual(await axe(page), []);
  await price.fill('900000');
  await page.waitForFunction(() => document.querySelector('bid-scorer').result.bids[0].price === '900000.00');
  assert.match((await sticky.textContent()).trim(), /^Your total: /);
  assert.doesNotMatch(await sticky.getAttribute('class'), /stale/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a score off the scale is reported with the bid and criterion it belongs to, in every place it is listed', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  const tender = await tenderIn(page);
  tender.bids[0].scores['q-delivery'] = { moderated: 9 };
  await page.locator('bid-scorer').evaluate((el, t) => {
    el.tender = t;
  }, tender);
  const summary = page.locator('bid-scorer [part~="error-summary"]');
  await summary.waitFor();
  const delivery = tender.criteria.flatMap((c) => [c, ...(c.children ?? [])]).find((c) => c.id === 'q-delivery');
  const text = await summary.locator('li').first().textContent();
  assert.ok(text.startsWith(`“${tender.bids[0].supplier}”, “${delivery.name}”, Moderated score: `), text);
  assert.match(text, /9 is not a point on the scale/);
  assert.doesNotMatch(text, /bids\[|q-delivery/);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
