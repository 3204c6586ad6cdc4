// What the widget's live region says to a screen-reader user as they work: each change once, when
// typing pauses, and nothing that did not change. Every text the region is given is recorded in
// the page, so a repeat or a per-keystroke announcement is counted, not missed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, ready, axe, nodeEngine, tenderIn, field, resultIn, money } from './support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

/** Records every text the live region is given from now on, in `window.said`. */
async function listen(page) {
  await page.evaluate(() => {
    const first = !window.said;
    window.said = [];
    if (!first) return;
    const live = document.querySelector('bid-scorer').shadowRoot.querySelector('[data-live="results"]');
    new MutationObserver(() => window.said.push(live.textContent)).observe(live, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
}

/** What the live region was given since `listen`, once the widget has been quiet for a while. */
async function heard(page) {
  await page.waitForTimeout(1500);
  return page.evaluate(() => window.said);
}

test('self-assess: a price typed is said once, when typing pauses, without repeating the social value', async () => {
  const { page, context, errors } = await openPage(env, 'self-assess.html');
  await ready(page);
  await page.waitForTimeout(1000); // what the page said as it opened
  await listen(page);
  await field(page, 'bids[0].commitments.local-jobs').pressSequentially('3', { delay: 30 });
  const svSaid = await heard(page);
  assert.equal(svSaid.length, 1, `one announcement, not one per keystroke: ${JSON.stringify(svSaid)}`);
  assert.match(svSaid[0], /Social value: £/);

  await listen(page);
  await field(page, 'bids[0].price').pressSequentially('1080000', { delay: 40 });
  const said = await heard(page);
  const engine = await nodeEngine();
  const mine = engine.evaluate(await tenderIn(page)).bids.find((b) => b.id === 'your-bid');
  assert.deepEqual(await resultIn(page), engine.evaluate(await tenderIn(page)));
  assert.equal(said.length, 1, `one announcement for seven keystrokes: ${JSON.stringify(said)}`);
  assert.match(said[0], new RegExp(`^Your total: ${mine.total.replace('.', '\\.')} out of `));
  // The social value is unchanged by a price, so it is not said again, though its share of the
  // price shown on the page did change.
  assert.doesNotMatch(said[0], /Social value/);
  const sv = page.locator('bid-scorer [data-sv]');
  assert.match(await sv.textContent(), new RegExp(`${money(mine.socialValue.money).replace(/[£.]/g, '\\$&')}, which is ${mine.socialValue.percentOfPrice}%`));
  // One live region for the results: the social value paragraph is not a second one.
  assert.equal(await sv.getAttribute('aria-live'), null);
  assert.equal(await page.locator('bid-scorer [aria-live]:not([part~="analysis"] *)').count(), 1);
  assert.deepEqual(await axe(page), []);

  // A figure about to be said is dropped when what is typed next has an error: it is out of date.
  await listen(page);
  const price = field(page, 'bids[0].price');
  await field(page, 'bids[0].commitments.local-jobs').fill('4'); // a new social value, to be said
  await price.pressSequentially('x');
  await page.locator('bid-scorer [part~="error-summary"]').waitFor();
  assert.deepEqual(await heard(page), [], 'nothing is said while the price has an error');
  assert.deepEqual(errors, []);
  await context.close();
});

test('evaluate: a score that moves no bid says nothing; one that changes the order says the new first once', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await page.waitForTimeout(1000);
  const engine = await nodeEngine();
  const before = await resultIn(page);
  // The first-placed bid (b3) marked up on staffing stays first, with a new total: the order does
  // not change, so "First: …" is not said again.
  const first0 = before.ranking[0];
  const index = (await tenderIn(page)).bids.findIndex((b) => b.id === first0);
  await page.locator(`bid-scorer details[data-bid-editor="${first0}"] > summary`).click();
  await listen(page);
  await field(page, `bids[${index}].scores.q-staffing.moderated`).fill('5');
  const quiet = await heard(page);
  const raised = engine.evaluate(await tenderIn(page));
  assert.deepEqual(await resultIn(page), raised);
  assert.notEqual(raised.bids.find((b) => b.id === first0).total, before.bids.find((b) => b.id === first0).total);
  assert.deepEqual(raised.ranking, before.ranking);
  assert.deepEqual(quiet, [], 'nothing is said when the ranking stays as it was');

  // b2's staffing marked up by both evaluators passes b1 (see scoring.test.mjs).
  await page.locator('bid-scorer details[data-bid-editor="b2"] > summary').click();
  await listen(page);
  await field(page, 'bids[1].scores.q-staffing.evaluators.Evaluator 1').fill('5');
  await field(page, 'bids[1].scores.q-staffing.evaluators.Evaluator 2').fill('5');
  const said = await heard(page);
  const after = engine.evaluate(await tenderIn(page));
  assert.notDeepEqual(after.ranking, raised.ranking);
  const first = after.bids.find((b) => b.id === after.ranking[0]);
  assert.deepEqual(said, [`Ranking updated. First: ${first.supplier} with ${first.total}.`]);
  assert.deepEqual(errors, []);
  await context.close();
});
