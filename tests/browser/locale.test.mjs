// The `locale` attribute as web teams set it: a WordPress-style tag (`en_GB`), a tag that is not one,
// and a change on a live element, in evaluate and design mode. The widget always renders, and a
// change of locale never loses the work on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, ready, nodeEngine, tenderIn } from './support.mjs';
import { W, inDesign, designTender, openDesign } from './design-support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

/** Sets `locale` on the first widget and waits for it to render again. */
async function setLocale(page, value, selector = 'bid-scorer') {
  await page.locator(selector).evaluate((el, v) => el.setAttribute('locale', v), value);
  await page.waitForTimeout(300);
}

test('a WordPress-style locale (en_GB) is read as en-GB; one that is no language tag falls back to en-GB with a console warning', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await ready(page);
  const engine = await nodeEngine();
  for (const [asked, warns] of [
    ['en_GB', false],
    ['not a locale!', true],
    ['', true],
  ]) {
    warnings.length = 0;
    await setLocale(page, asked);
    const ranking = page.locator('bid-scorer table').first();
    await ranking.waitFor();
    assert.match(await ranking.textContent(), /£1,080,000\.00/, `money in en-GB with locale "${asked}"`);
    assert.equal(await page.locator('bid-scorer').evaluate((el) => el.locale), 'en-GB');
    assert.equal(
      warnings.some((w) => w.includes(`"${asked}"`) && w.includes('en-GB')),
      warns,
      `a warning for "${asked}": ${warnings}`,
    );
    assert.deepEqual(await page.locator('bid-scorer').evaluate((el) => el.result), engine.evaluate(await tenderIn(page)));
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('changing locale on a live element keeps what was typed, in evaluate and in design mode', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await page.locator('bid-scorer details[data-bid-editor="b2"] > summary').click();
  await page.locator('bid-scorer [data-path="bids[1].price"]').fill('990000');
  const typed = await tenderIn(page);
  await setLocale(page, 'en-GB');
  await setLocale(page, 'cy');
  assert.deepEqual(await tenderIn(page), typed);
  await context.close();

  const design = await openDesign(env);
  await inDesign(design.page, '[data-path="tender.title"]').fill('Library cleaning services');
  const before = await designTender(design.page);
  await setLocale(design.page, 'en-GB', W);
  await design.page.waitForSelector(`${W} [data-mode="design"]`);
  assert.equal(await inDesign(design.page, '[data-path="tender.title"]').inputValue(), 'Library cleaning services');
  assert.deepEqual(await designTender(design.page), before);
  await setLocale(design.page, 'en_GB', W);
  assert.deepEqual(await designTender(design.page), before);
  assert.deepEqual([...errors, ...design.errors], []);
  await design.context.close();
});
