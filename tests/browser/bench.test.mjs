// The benchmark page: time from changing one score to the updated results being rendered, on
// 50 bids × 30 criteria. Reports the median; fails only far above the 50 ms target, since the
// machine running the tests may be busy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, nodeEngine, tenderIn } from './support.mjs';

const TARGET_MS = 50;
const FAIL_MS = 150;

test('benchmark: one score change on 50 bids × 30 criteria renders well within the target', async (t) => {
  const env = await setUp();
  try {
    const { page, context, errors } = await openPage(env, 'bench.html');
    const out = page.locator('#bench-result[data-median]');
    await out.waitFor({ timeout: 120000 });
    const median = Number(await out.getAttribute('data-median'));
    t.diagnostic(`median ${median.toFixed(1)} ms (target ${TARGET_MS} ms): ${await out.textContent()}`);
    assert.ok(median > 0 && median < FAIL_MS, `median ${median} ms`);
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
