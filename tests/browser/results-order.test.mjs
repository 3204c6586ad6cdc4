// A score that moves a bid from first to last moves that bid's ranking row and chart bar, and
// nothing else: the others stay where they are (ui/dom.js `place`), and the ranking, the chart and the
// list of bids to pick a breakdown from come out in the engine's order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, ready, field, exampleTender } from './support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

test('a bid falling from first to last is one move in the ranking and in the chart', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  const tender = await exampleTender('council-wellbeing.json');
  // Bids alike but for their names: one lower score takes any of them to the bottom.
  const bids = Array.from({ length: 24 }, (_, i) => ({
    ...structuredClone(tender.bids[0]),
    id: `b${String(i + 1).padStart(2, '0')}`,
    supplier: `Supplier ${i + 1}`,
  }));
  await page.locator('bid-scorer').evaluate((el, t) => {
    el.tender = t;
  }, { ...tender, bids });
  await page.waitForFunction(() => document.querySelector('bid-scorer')?.result?.bids?.length === 24);
  const first = await page.locator('bid-scorer').evaluate((el) => el.result.ranking[0]);
  const index = bids.findIndex((b) => b.id === first);
  await page.locator(`bid-scorer details[data-bid-editor="${first}"] > summary`).click();

  await page.locator('bid-scorer').evaluate((el) => {
    const root = el.shadowRoot;
    window.moved = { ranking: 0, chart: 0 };
    const watch = (node, name) =>
      new MutationObserver((records) => {
        for (const r of records) window.moved[name] += r.addedNodes.length;
      }).observe(node, { childList: true });
    watch(root.querySelector('[part~="ranking"] tbody'), 'ranking');
    watch(root.querySelector('[part~="chart"]'), 'chart');
    window.seen = null;
    el.addEventListener(
      'bid-scorer-evaluated',
      (e) => {
        // Ranked bids in order, then any the engine left unranked, in file order.
        const { ranking } = e.detail;
        const order = ranking.concat(e.detail.bids.map((b) => b.id).filter((id) => !ranking.includes(id)));
        const names = new Map(e.detail.bids.map((b) => [b.id, b.supplier]));
        window.seen = {
          order,
          names: order.map((id) => names.get(id)),
          rows: [...root.querySelectorAll('[part~="ranking"] tbody tr')].map((r) => r.dataset.bid),
          bars: [...root.querySelectorAll('[part~="chart"] .chart-label')].map((p) => p.textContent.split(' – ')[0]),
          options: [...root.querySelectorAll('[data-action="pick-breakdown"] option')].map((o) => o.value),
          legendLast: root.querySelector('[part~="chart"]').lastElementChild.matches('ul.legend-list'),
        };
      },
      { once: true },
    );
  });
  await field(page, `bids[${index}].scores.q-delivery.moderated`).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('0');
  await page.waitForFunction(() => window.seen);
  const seen = await page.evaluate(() => window.seen);
  const moved = await page.evaluate(() => window.moved);

  assert.equal(seen.order.at(-1), first, 'the bid marked down is last');
  assert.deepEqual(seen.rows, seen.order);
  assert.deepEqual(seen.bars, seen.names);
  assert.deepEqual(seen.options, seen.order);
  assert.ok(seen.legendLast, 'the chart’s legend stays after its bars');
  // Its row and bar are built again (their figures changed) and go in at the end; the rest stay.
  assert.deepEqual(moved, { ranking: 1, chart: 1 });
  assert.deepEqual(errors, []);
  await context.close();
});
