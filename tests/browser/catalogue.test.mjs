// What the widget shows for the engine's warnings, missing inputs, disqualification reasons and
// errors is the catalogue's wording (www/src/text/messages.js) of each message's code and params,
// never the engine's own English: the text a Welsh catalogue would replace.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setUp, openPage, ready, root, nodeEngine } from './support.mjs';
import { catalogue, engineText, sentence } from '../../www/src/text/messages.js';
import { formatter } from '../../www/src/text/format.js';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

const cat = catalogue('en-GB');
const example = async (name) => JSON.parse(await readFile(`${root}www/examples/${name}.json`, 'utf8'));

/** Gives the widget `tender` and waits for its result; returns the result. */
async function show(page, tender) {
  await page.locator('bid-scorer').evaluate((el, t) => {
    el.tender = t;
  }, tender);
  await page.waitForFunction((t) => document.querySelector('bid-scorer').result?.bids.length === t.bids.length && document.querySelector('bid-scorer').result.bids.every((b, k) => b.id === t.bids[k].id), tender);
  return page.locator('bid-scorer').evaluate((el) => el.result);
}

test('evaluate: warnings, missing inputs and reasons are the catalogue’s words for their codes', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  const codes = new Set();
  for (const name of ['incomplete-bid', 'evaluator-spread', 'ceiling-zero', 'abnormally-low', 'council-wellbeing']) {
    const result = await show(page, await example(name));
    const fmt = formatter('en-GB', result.currency);
    // Warnings: one list item each, in the result's order (ten or fewer here, so not grouped).
    assert.ok(result.warnings.length && result.warnings.length <= 10, name);
    const items = page.locator('bid-scorer [part~="warnings"] li[data-code]');
    assert.deepEqual(await items.evaluateAll((li) => li.map((x) => x.dataset.code)), result.warnings.map((w) => w.code), name);
    const shown = await items.allTextContents();
    result.warnings.forEach((w, k) => {
      codes.add(w.code);
      assert.ok(cat.warnings[w.code], `${name}: a template for ${w.code}`);
      assert.equal(shown[k], engineText(cat, 'warnings', w, fmt), `${name}: ${w.code}`);
      assert.notEqual(shown[k], sentence(w.message), `${name}: ${w.code} is not the engine’s English`);
    });
    // What incomplete bids still need, bid by bid.
    const missing = result.bids.flatMap((b) => b.missing);
    const listed = await page.locator('bid-scorer [part~="missing"] > li > ul > li').allTextContents();
    assert.deepEqual(listed, missing.map((m) => engineText(cat, 'reasons', m, fmt)), name);
    for (const m of missing) codes.add(m.code);
    // Why a disqualified bid is not ranked, in its breakdown.
    for (const b of result.bids.filter((x) => x.reasons.length)) {
      await page.locator('bid-scorer [data-action="pick-breakdown"]').selectOption(b.id);
      const reasons = page.locator('bid-scorer [data-messages="reasons"] li');
      await reasons.first().waitFor();
      assert.deepEqual(await reasons.allTextContents(), b.reasons.map((m) => engineText(cat, 'reasons', m, fmt)), `${name}: ${b.id}`);
      for (const m of b.reasons) codes.add(m.code);
    }
  }
  // The codes whose words were, until the catalogue had them, the engine's own.
  for (const code of ['incomplete', 'missing-price', 'evaluator-spread', 'rank-reversal', 'abnormally-low', 'below-threshold']) {
    assert.ok(codes.has(code), `${code} shown`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('evaluate: errors in the summary are the catalogue’s words for their codes', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  const tender = await example('council-wellbeing');
  tender.tender.titel = 'x';
  tender.bids[1].id = tender.bids[0].id;
  await page.locator('bid-scorer').evaluate((el, t) => {
    el.tender = t;
  }, tender);
  const summary = page.locator('bid-scorer [part~="error-summary"] li');
  await summary.first().waitFor();
  const shown = await summary.allTextContents();
  // Each of the engine's errors, as the catalogue words it, after the place the form names.
  const engine = await nodeEngine();
  let thrown;
  try {
    engine.evaluate(tender);
  } catch (error) {
    thrown = error.errors;
  }
  assert.deepEqual(thrown.map((e) => e.code), ['unknown-field', 'duplicate-id']);
  assert.equal(shown.length, thrown.length);
  thrown.forEach((e, k) => {
    assert.ok(shown[k].endsWith(engineText(cat, 'errors', e)), `${shown[k]} for ${e.code}`);
    assert.ok(cat.errors[e.code], `a template for ${e.code}`);
  });
  assert.match(shown[0], /Unknown field “titel”; did you mean “title”\?$/);
  // Worded otherwise by the engine: "the id "b1" is used twice; give each one its own id".
  assert.match(shown[1], /The id “b1” is used twice; give each its own$/);
  assert.deepEqual(errors, []);
  await context.close();
});
