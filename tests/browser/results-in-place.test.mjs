// A change updates the results in place. The moment `bid-scorer-evaluated` fires, the ranking, the
// chart, the breakdown shown and the lists are the engine's for the tender as typed: the same text
// as the results built afresh from that tender, never the last result's. A ranking row is built
// again exactly when what it shows changed (its rank aside, which is put right in place as other
// bids move past it); the others are the same elements as before. Focus and
// the caret stay in the field being typed in. With lots too (grounds-evaluate.html). The summaries'
// list and the marks-to-try table are kept likewise, row by row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, ready, field, exampleTender, inWidget, resultIn, nodeEngine, tenderIn } from './support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

/** Marks every ranking row and notes its text, then keeps what the results are when the next evaluation is announced. */
function watchNextEvaluation(page) {
  return page.locator('bid-scorer').evaluate((el) => {
    const rows = () => [...el.shadowRoot.querySelectorAll('[part~="ranking"] tbody tr')];
    const shown = (row) => [...row.cells].slice(1).map((c) => c.textContent).join('|'); // all but the rank
    const before = new Map();
    for (const row of rows()) {
      row.markedBeforeChange = true;
      before.set(row.dataset.bid, shown(row));
    }
    window.seen = null;
    el.addEventListener(
      'bid-scorer-evaluated',
      (e) => {
        window.seen = {
          ranking: e.detail.ranking,
          results: el.shadowRoot.querySelector('[data-results]').textContent,
          rows: rows().map((row) => ({
            bid: row.dataset.bid,
            kept: row.markedBeforeChange === true,
            changed: before.get(row.dataset.bid) !== shown(row),
          })),
        };
      },
      { once: true },
    );
  });
}

/** The results' text when built afresh from the widget's tender as it stands, with `bid`'s breakdown shown. */
async function builtAfresh(page, bid) {
  await page.locator('bid-scorer').evaluate((el) => {
    el.tender = el.tender;
  });
  await ready(page);
  if (bid) await page.locator('bid-scorer [data-action="pick-breakdown"]').selectOption(bid);
  return page.locator('bid-scorer [data-results]').evaluate((r) => r.textContent);
}

test('a score typed: the results on screen at the event are those of the tender as typed; unchanged rows are kept; focus and caret stay', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  for (const typed of ['1', '5', '0']) {
    // The card is opened and b1's breakdown chosen again each time: the results built afresh
    // below start from a closed card and the first-ranked bid's breakdown.
    const card = page.locator('bid-scorer details[data-bid-editor="b1"]');
    if ((await card.getAttribute('open')) === null) await card.locator('> summary').click();
    await page.locator('bid-scorer [data-action="pick-breakdown"]').selectOption('b1');
    await watchNextEvaluation(page);
    await field(page, 'bids[0].scores.q-delivery.moderated').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press(typed);
    await page.waitForFunction(() => window.seen);
    const seen = await page.evaluate(() => window.seen);
    const focus = await page.locator('bid-scorer').evaluate((el) => {
      const a = el.shadowRoot.activeElement;
      return { path: a?.dataset.path, value: a?.value, caret: a?.selectionStart };
    });
    assert.deepEqual(focus, { path: 'bids[0].scores.q-delivery.moderated', value: typed, caret: 1 });
    for (const row of seen.rows) assert.equal(row.kept, !row.changed, `row of ${row.bid}: kept ${row.kept}, changed ${row.changed}`);
    assert.ok(seen.rows.some((r) => r.changed), 'the score typed changed a row');
    assert.ok(seen.rows.some((r) => r.kept), 'a row whose figures stayed is kept');
    // The ranking's order is the engine's.
    assert.deepEqual(seen.rows.map((r) => r.bid).slice(0, seen.ranking.length), seen.ranking);
    // Everything shown is what the results built afresh from this tender show.
    assert.equal(seen.results, await builtAfresh(page, 'b1'));
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('with lots: a rate in the price schedule typed updates the lot shown in place, as built afresh', async () => {
  const { page, context, errors } = await openPage(env, 'grounds-evaluate.html');
  await ready(page);
  const bid = await page.locator('bid-scorer').evaluate((el) => el.tender.bids[0]);
  await page.locator(`bid-scorer details[data-bid-editor="${bid.id}"] > summary`).click();
  const lot = await page.locator('bid-scorer [data-lot-results]').getAttribute('data-lot-results');
  assert.equal(lot, bid.lot, 'the first bid is in the lot shown');
  await page.locator('bid-scorer [data-action="pick-breakdown"]').selectOption(bid.id);
  await watchNextEvaluation(page);
  await field(page, 'bids[0].prices.mowing').fill(String(Number(bid.prices.mowing) * 2));
  await page.waitForFunction(() => window.seen);
  const seen = await page.evaluate(() => window.seen);
  assert.ok(seen.rows.some((r) => r.changed));
  assert.equal(seen.results, await builtAfresh(page, bid.id));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the summaries come again in place: an item is built again exactly when what it shows changed', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await page.locator('bid-scorer [data-summary]').first().waitFor();
  const card = page.locator('bid-scorer details[data-bid-editor="b1"]');
  if ((await card.getAttribute('open')) === null) await card.locator('> summary').click();
  for (const typed of ['0', '5', '5']) {
    // Each item marked with its text; the list of scores without a reason is built again at each
    // refresh, which says when the new summaries are in.
    await page.locator('bid-scorer').evaluate((el) => {
      window.shownBefore = new Map();
      for (const li of el.shadowRoot.querySelectorAll('[data-summary]')) {
        li.markedBefore = true;
        window.shownBefore.set(li.dataset.summary, li.textContent);
      }
      el.shadowRoot.querySelector('[data-summaries] [data-missing-rationales]').old = true;
      el.shadowRoot.querySelector('[data-summaries] .summary-list').markedBefore = true;
    });
    await field(page, 'bids[0].scores.q-delivery.moderated').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press(typed);
    await page.waitForFunction(() => !document.querySelector('bid-scorer').shadowRoot.querySelector('[data-summaries] [data-missing-rationales]').old);
    const items = await page.locator('bid-scorer [data-summary]').evaluateAll((lis) =>
      lis.map((li) => ({
        bid: li.dataset.summary,
        kept: li.markedBefore === true,
        same: window.shownBefore.get(li.dataset.summary) === li.textContent,
      })),
    );
    for (const item of items) assert.equal(item.kept, item.same, `summary of ${item.bid}: kept ${item.kept}, same text ${item.same}`);
    // The list itself is kept, its items put right in place.
    assert.equal(await inWidget(page, '[data-summaries] .summary-list').evaluate((ul) => ul.markedBefore === true), true, 'the list is kept');
    if (typed !== '0') assert.ok(items.some((i) => i.kept), 'an item whose text stayed is kept');
    // The list reads as the summaries built afresh from the tender as typed.
    const shown = await page.locator('bid-scorer [data-summaries]').evaluate((s) => s.textContent);
    await page.locator('bid-scorer').evaluate((el) => {
      el.tender = el.tender;
    });
    await ready(page);
    await page.locator('bid-scorer [data-summary]').first().waitFor();
    assert.equal(await page.locator('bid-scorer [data-summaries]').evaluate((s) => s.textContent), shown);
    if ((await card.getAttribute('open')) === null) await card.locator('> summary').click();
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the warnings come again in place: kept while the same, built again as the engine changes them', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  const tender = await exampleTender('evaluator-spread.json');
  await page.locator('bid-scorer').evaluate((el, t) => (el.tender = t), tender);
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.warnings.length === 6);
  await page.locator(`bid-scorer details[data-bid-editor="${tender.bids[0].id}"] > summary`).click();
  const list = () => inWidget(page, '[data-results] [part~="warnings"]');
  /** Types `text` into the field at `path`; whether the warnings' list is the one shown before. */
  const typeAndSee = async (path, text) => {
    await list().evaluate((ul) => (ul.markedBeforeChange = true));
    await page.locator('bid-scorer').evaluate((el) => {
      window.seen = null;
      el.addEventListener('bid-scorer-evaluated', () => (window.seen = true), { once: true });
    });
    await field(page, path).fill(text);
    await page.waitForFunction(() => window.seen);
    return list().evaluate((ul) => ul.markedBeforeChange === true);
  };
  const evaluators = Object.keys(tender.bids[0].scores['q-safety'].evaluators);
  const at = `bids[0].scores.q-safety`;
  const price = String(Number(tender.bids[0].price) + 1000);
  assert.equal(await typeAndSee('bids[0].price', price), true, 'a price typed: the same warnings, kept');
  // The spread on this criterion goes (2 to 3 is within a step): that warning leaves the list.
  assert.equal(await typeAndSee(`${at}.evaluators.${evaluators[2]}`, '3'), false, 'a spread closed: built again');
  const shown = await list().evaluate((ul) => [...ul.children].map((li) => li.dataset.code));
  assert.deepEqual(shown, (await resultIn(page)).warnings.map((w) => w.code));
  assert.equal(shown.length, 5);
  assert.equal(
    await inWidget(page, '[data-results]').evaluate((r) => r.textContent),
    await builtAfresh(page),
    'as built afresh',
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('the marks-to-try table follows the results a frame later, in place: a row is built again exactly when what it shows changed', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await page.locator('bid-scorer [part~="what-if"] tbody tr').first().waitFor();
  await page.locator('bid-scorer details[data-bid-editor="b1"] > summary').click();
  for (const typed of ['1', '5', '0']) {
    await page.locator('bid-scorer').evaluate((el) => {
      const rows = () => [...el.shadowRoot.querySelectorAll('[part~="what-if"] tbody tr')];
      const before = new Map();
      for (const tr of rows()) {
        tr.markedBefore = true;
        before.set(tr.dataset.bid, tr.textContent);
      }
      el.shadowRoot.querySelector('[part~="what-if"]').markedBefore = true;
      window.seen = null;
      // The analysis follows the results a frame later (the ranking is painted first): as the
      // evaluation is announced the table is as it was, and after the next frame it is updated.
      el.addEventListener(
        'bid-scorer-evaluated',
        () => {
          const atEvent = rows().every((tr) => tr.markedBefore === true && before.get(tr.dataset.bid) === tr.textContent);
          requestAnimationFrame(() =>
            setTimeout(
              () =>
                (window.seen = {
                  atEvent,
                  table: el.shadowRoot.querySelector('[part~="what-if"]').markedBefore === true,
                  rows: rows().map((tr) => ({ bid: tr.dataset.bid, kept: tr.markedBefore === true, same: before.get(tr.dataset.bid) === tr.textContent })),
                }),
            ),
          );
        },
        { once: true },
      );
    });
    await field(page, 'bids[0].scores.q-delivery.moderated').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press(typed);
    await page.waitForFunction(() => window.seen);
    const seen = await page.evaluate(() => window.seen);
    assert.ok(seen.atEvent, 'as the evaluation is announced, the analysis still shows the last');
    assert.ok(seen.table, 'the table is kept');
    for (const row of seen.rows) assert.equal(row.kept, row.same, `what-if row of ${row.bid}: kept ${row.kept}, same text ${row.same}`);
    assert.ok(seen.rows.some((r) => !r.same), 'the score typed changed a row');
    assert.ok(seen.rows.some((r) => r.kept), 'a row whose figures stayed is kept');
    // As the table built afresh from the tender as typed reads.
    const shown = await inWidget(page, '[part~="what-if"]').evaluate((t) => t.parentNode.parentNode.outerHTML);
    await page.locator('bid-scorer').evaluate((el) => {
      el.tender = el.tender;
    });
    await ready(page);
    await page.locator('bid-scorer [part~="what-if"] tbody tr').first().waitFor();
    assert.equal(await inWidget(page, '[part~="what-if"]').evaluate((t) => t.parentNode.parentNode.outerHTML), shown);
    const card = page.locator('bid-scorer details[data-bid-editor="b1"]');
    if ((await card.getAttribute('open')) === null) await card.locator('> summary').click();
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the list of bids to pick a breakdown from comes again in place: a bid moving keeps every option, in the engine’s order', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  const card = page.locator('bid-scorer details[data-bid-editor="b1"]');
  if ((await card.getAttribute('open')) === null) await card.locator('> summary').click();
  await page.locator('bid-scorer [data-action="pick-breakdown"]').selectOption('b1');
  let moved = false;
  for (const typed of ['0', '5', '0']) {
    await page.locator('bid-scorer').evaluate((el) => {
      const pick = el.shadowRoot.querySelector('[data-action="pick-breakdown"]');
      pick.markedBefore = true;
      for (const o of pick.options) o.markedBefore = true;
      window.orderBefore = [...pick.options].map((o) => o.value);
      window.seen = null;
      el.addEventListener(
        'bid-scorer-evaluated',
        (e) => {
          const now = el.shadowRoot.querySelector('[data-action="pick-breakdown"]');
          const ranked = new Set(e.detail.ranking);
          window.seen = {
            kept: now.markedBefore === true,
            options: [...now.options].map((o) => ({ bid: o.value, kept: o.markedBefore === true, text: o.textContent })),
            order: [...e.detail.ranking, ...e.detail.bids.filter((b) => !ranked.has(b.id)).map((b) => b.id)],
            suppliers: Object.fromEntries(e.detail.bids.map((b) => [b.id, b.supplier])),
            value: now.value,
            moved: JSON.stringify(window.orderBefore) !== JSON.stringify([...now.options].map((o) => o.value)),
          };
        },
        { once: true },
      );
    });
    await field(page, 'bids[0].scores.q-delivery.moderated').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press(typed);
    await page.waitForFunction(() => window.seen);
    const seen = await page.evaluate(() => window.seen);
    moved ||= seen.moved;
    assert.ok(seen.kept, 'the list is kept');
    assert.deepEqual(seen.options.map((o) => o.bid), seen.order, 'in the order of the results');
    for (const o of seen.options) {
      assert.ok(o.kept, `the option of ${o.bid} is kept`);
      assert.equal(o.text, seen.suppliers[o.bid]);
    }
    assert.equal(seen.value, 'b1', 'the breakdown chosen stays chosen');
  }
  assert.ok(moved, 'a score typed moved a bid');
  assert.deepEqual(errors, []);
  await context.close();
});

test('with more than ten bids lacking reasons, their list comes again in place: only the entry of the bid that changed is new', async () => {
  const { page, context, errors } = await openPage(env, 'award.html?example=award-price-per-quality-point&mode=evaluate');
  await ready(page);
  const tender = await exampleTender('award-price-per-quality-point.json');
  const many = { ...tender, bids: [] };
  for (let i = 0; i < 12; i += 1) many.bids.push({ ...tender.bids[i % 3], id: `m${i}`, supplier: `Supplier ${i + 1}` });
  await page.locator('bid-scorer').evaluate((el, t) => (el.tender = t), many);
  const engine = await nodeEngine();
  const missingIn = (t) => engine.debriefs(t).reduce((n, d) => n + d.missingRationales.length, 0);
  const listed = (n) =>
    page.waitForFunction(
      (count) => document.querySelector('bid-scorer').shadowRoot.querySelector('[data-missing-rationales]')?.dataset.missingRationales === String(count),
      n,
    );
  await listed(missingIn(many));
  const panel = inWidget(page, '[data-missing-rationales]');
  await panel.evaluate((p) => {
    p.markedBefore = true;
    for (const d of p.querySelectorAll('details[data-bid]')) d.markedBefore = true;
    // Entries put in (again): a kept one moved costs a layout of it as a new one does.
    window.entriesIn = [];
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.dataset?.bid) window.entriesIn.push(n.dataset.bid);
    }).observe(p, { childList: true });
  });
  // A score taken away: that bid no longer lacks its reason.
  await page.locator('bid-scorer details[data-bid-editor="m0"] > summary').click();
  await field(page, 'bids[0].scores.q-method.moderated').fill('');
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids.find((b) => b.id === 'm0')?.criteria.find((c) => c.id === 'q-method')?.score == null);
  const now = await tenderIn(page);
  assert.ok(missingIn(now) < missingIn(many));
  await listed(missingIn(now));
  const seen = await panel.evaluate((p) => ({
    kept: p.markedBefore === true,
    entries: [...p.querySelectorAll('details[data-bid]')].map((d) => ({ bid: d.dataset.bid, kept: d.markedBefore === true })),
    entriesIn: window.entriesIn,
  }));
  assert.deepEqual(seen.entriesIn, ['m0'], 'only the new entry is put in');
  assert.ok(seen.kept, 'the list is kept');
  assert.equal(seen.entries.length, 12);
  for (const e of seen.entries) assert.equal(e.kept, e.bid !== 'm0', `entry of ${e.bid}: kept ${e.kept}`);
  // It reads as the list built afresh from the tender as it now stands.
  const shown = await panel.evaluate((p) => p.textContent);
  await page.locator('bid-scorer').evaluate((el) => (el.tender = el.tender));
  await listed(missingIn(now));
  await page.waitForFunction(() => document.querySelector('bid-scorer').shadowRoot.querySelectorAll('[data-missing-rationales] > details').length === 12);
  assert.equal(await panel.evaluate((p) => p.textContent), shown);
  assert.deepEqual(errors, []);
  await context.close();
});
