// Edits typed into the bids' forms in a random order (from fixed seeds, so a failure repeats):
// after each one, the result the widget holds and shows is the engine's for the tender as typed,
// to the byte. Each edit goes the page's whole way: the element notes the bid it changed, writes
// the tender's text again for that bid alone (engine/draft-text.js), and the engine reads that
// bid alone, takes the other bids' last results over and names those that read as before, which
// the page keeps, updating what it shows in place. A wrong guess anywhere on that way shows a buyer
// a figure from before the edit: so the results shown are checked too, against the same results
// built afresh.
// In evaluate and self-assess modes, with lots too (grounds-*.html), where a price moves every bid
// of its lot. At the end, the page opened again brings back the tender as typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, ready, nodeEngine, tenderIn, resultIn } from './support.mjs';
import { draws } from '../seeded.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

const STEPS = 24;

/** What to type into the field of `path`, its value now being `value`. */
function typed(path, value, { pick }) {
  if (/\.(evaluators\.[^.]+|moderated)$/.test(path) || /\.scores\.[^.]+$/.test(path)) return pick(['0', '1', '2', '3', '4', '5', '']);
  const n = Number(value);
  return pick(['0', String(Math.round(n * 0.8)), String(Math.round(n * 1.25)), String(n), '1']);
}

for (const [page_, seed] of [['evaluate.html', 11], ['grounds-evaluate.html', 23], ['self-assess.html', 5], ['grounds-self-assess.html', 31]]) {
  test(`${page_}: after each of ${STEPS} edits in a random order, the widget's result and what it shows are the engine's for the tender as typed, and the page opened again brings it back`, async () => {
    const engine = await nodeEngine();
    const { page, context, errors } = await openPage(env, page_);
    await ready(page);
    const random = draws(seed);
    const done = [];
    let compared = 0;
    for (let step = 0; step < STEPS; step += 1) {
      // Every bid's card open (evaluate mode; a page built afresh closes them).
      const closed = page.locator('bid-scorer details[data-bid-editor]:not([open]) > summary');
      while (await closed.count()) await closed.first().click();
      const fields = await page
        .locator('bid-scorer [data-path^="bids["]:is(input[type="text"], input:not([type]), input[type="checkbox"], input[type="radio"], select)')
        .filter({ visible: true })
        .all();
      assert.ok(fields.length > 10, `${fields.length} fields`);
      const f = random.pick(fields);
      const path = await f.getAttribute('data-path');
      const was = JSON.stringify(await tenderIn(page));
      await page.evaluate(() => {
        window.evaluated = false;
        document.querySelector('bid-scorer').addEventListener('bid-scorer-evaluated', () => { window.evaluated = true; }, { once: true });
      });
      const kind = await f.evaluate((e) => (e.tagName === 'SELECT' ? 'select' : e.type));
      if (kind === 'checkbox' || kind === 'radio') {
        await f.click();
        done.push(`${path} ${kind === 'radio' ? `= ${await f.getAttribute('value')}` : 'clicked'}`);
      } else if (kind === 'select') {
        const values = await f.locator('option').evaluateAll((os) => os.map((o) => o.value));
        const value = random.pick(values);
        await f.selectOption(value);
        done.push(`${path} = ${value}`);
      } else {
        const value = typed(path, await f.inputValue(), random);
        await f.fill(value);
        done.push(`${path} = ${JSON.stringify(value)}`);
      }
      const tender = await tenderIn(page);
      // The same value again changes nothing, and is not evaluated again.
      if (JSON.stringify(tender) === was) continue;
      let want;
      try {
        want = JSON.stringify(engine.evaluate(JSON.stringify(tender)));
      } catch {
        continue; // an invalid value: the form says what is wrong, and the last result stands
      }
      await page.waitForFunction(() => window.evaluated, null, { timeout: 60000 });
      assert.equal(JSON.stringify(await resultIn(page)), want, `after: ${done.join('; ')}`);
      // And what the page shows, updated in place, is what it shows built afresh from the tender.
      const results = page.locator('bid-scorer [data-results]');
      if (await results.count()) {
        const pick = page.locator('bid-scorer [data-action="pick-breakdown"]');
        const shown = (await pick.count()) ? await pick.inputValue() : null;
        const inPlace = await results.evaluate((r) => r.textContent);
        await page.locator('bid-scorer').evaluate((el) => {
          el.tender = el.tender;
        });
        await ready(page);
        if (shown !== null) await pick.selectOption(shown);
        assert.equal(inPlace, await results.evaluate((r) => r.textContent), `shown after: ${done.join('; ')}`);
      }
      compared += 1;
    }
    assert.ok(compared >= STEPS / 2, `${compared} results compared`);
    // The work is kept in this browser as typed (in pieces once it is big, saved whole as the page
    // goes): the page opened again shows the same tender.
    const typedIn = await tenderIn(page);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('bid-scorer')?.shadowRoot?.querySelector('[data-mode]'));
    assert.deepEqual(await tenderIn(page), typedIn);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
