// The benchmark page works: it changes one score on 50 bids × 30 criteria again and again and shows
// the engine's result. How long that takes is measured by `make bench` (scripts/bench.mjs), not here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, nodeEngine, tenderIn } from './support.mjs';

test('the benchmark page changes scores on 50 bids × 30 criteria and shows the engine’s result', async () => {
  const env = await setUp();
  try {
    const { page, context, errors } = await openPage(env, 'bench.html');
    const out = page.locator('#bench-result[data-median]');
    await out.waitFor({ timeout: 120000 });
    assert.ok(Number(await out.getAttribute('data-median')) > 0, 'a median was measured');
    // It measured real work: the tender has 50 bids and the page shows the engine's result for it.
    const tender = await tenderIn(page);
    assert.equal(tender.bids.length, 50);
    const engine = await nodeEngine();
    assert.deepEqual(await page.locator('bid-scorer').evaluate((el) => el.result), engine.evaluate(tender));
    assert.equal(await page.locator('bid-scorer [part~="ranking"] tbody tr').count(), 50);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await env.stop();
  }
});
