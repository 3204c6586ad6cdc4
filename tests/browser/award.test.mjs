// Award methods other than the weighted sum in the widget: evaluate and publish render the engine's
// values, ranks, model and worked example for each method; a changed score shows exactly the
// engine's new value; self-assess shows the supplier's value; the CSV and the open data export
// carry the engine's figures; axe is clean and nothing overflows at 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  setUp,
  openPage,
  ready,
  axe,
  shot,
  root,
  nodeEngine,
  tenderIn,
  field,
  resultIn,
  number,
  money,
  downloadFrom,
  csvFields,
  spoken,
} from './support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

const METHODS = {
  'price-per-quality-point': {
    example: 'award-price-per-quality-point',
    total: 'Quality points',
    value: 'Price per quality point',
    money: true,
    words: ['price is divided by its quality points', 'A bid earning no quality points cannot win'],
  },
  'quality-price-ratio': {
    example: 'award-quality-price-ratio',
    total: 'Quality points',
    value: 'Quality–price ratio',
    money: false,
    band: true,
    words: ['multiplied by 1,000,000', 'no more than 6% below the best ratio', 'the bid with the lowest price wins'],
  },
  'fictitious-discount': {
    example: 'award-fictitious-discount',
    total: 'Quality discount',
    value: 'Fictitious price',
    money: true,
    words: ['£300,000.00 in all', 'the lowest fictitious price wins'],
  },
};

/** One CSV line's fields (quoted fields may hold commas and doubled quotes). */
function exampleText(name) {
  return readFile(`${root}www/examples/${name}.json`, 'utf8');
}

function cellTexts(page, selector) {
  return page.locator(selector).evaluateAll((els) => els.map((e) => e.textContent));
}

for (const [method, m] of Object.entries(METHODS)) {
  test(`${method}: evaluate shows each bid's value, ranked and labelled as the engine's result`, async () => {
    const { page, context, errors } = await openPage(env, `award.html?example=${m.example}&mode=evaluate`);
    await ready(page);
    const engine = await nodeEngine();
    const expected = engine.evaluate(await exampleText(m.example));
    assert.equal(expected.method, method);
    assert.deepEqual(await resultIn(page), expected);

    const head = await cellTexts(page, 'bid-scorer [part~="ranking"] thead th');
    assert.ok(head.includes(m.total), `totals column is "${m.total}": ${head}`);
    assert.ok(head.includes(m.value), `value column is "${m.value}": ${head}`);
    assert.equal(head.includes('In the band'), Boolean(m.band));

    // Rows in the engine's rank order, each with the engine's value, formatted but not changed.
    const rows = await page.locator('bid-scorer [part~="ranking"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.dataset.bid,
        rank: tr.cells[0].textContent,
        value: tr.querySelector('[data-value]').dataset.value,
        valueText: tr.querySelector('[data-value]').textContent,
        total: tr.querySelector('[data-total]').textContent,
        band: tr.querySelector('[data-in-band]')?.dataset.inBand ?? null,
      })),
    );
    const unranked = expected.bids.filter((b) => b.rank === null).map((b) => b.id);
    assert.deepEqual(
      rows.map((r) => r.id),
      [...expected.ranking, ...unranked],
    );
    for (const row of rows) {
      const bid = expected.bids.find((b) => b.id === row.id);
      assert.equal(row.rank, bid.rank === null ? '–' : String(bid.rank));
      assert.equal(row.value, bid.value ?? '');
      const shown = bid.value === null ? '–' : m.money ? money(bid.value) : number(bid.value);
      assert.equal(row.valueText, shown);
      assert.equal(row.total, method === 'fictitious-discount' ? money(bid.total) : number(bid.total));
      if (m.band) assert.equal(row.band, String(bid.inBand));
    }
    if (m.band) assert.ok(rows.filter((r) => r.band === 'true').length >= 2, 'the example has a real band');

    // The breakdown states the value with the engine's working.
    const first = expected.bids.find((b) => b.id === expected.ranking[0]);
    const summary = await page.locator(`bid-scorer [data-value-summary="${first.id}"]`).textContent();
    assert.ok(summary.includes(first.valueWorking), summary);

    // The assessment summaries panel is part of this state: wait for it before axe.
    await page.locator('bid-scorer [data-summary]').first().waitFor();
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${method}: publish shows the engine's model, the method in words and its worked example`, async () => {
    const { page, context, errors, requests } = await openPage(env, `award.html?example=${m.example}&mode=publish`);
    await ready(page);
    // What suppliers see is fetched without the bids: the model, never the example file.
    assert.ok(requests.some((r) => r.endsWith(`/models/${m.example}.json`)), requests.join('\n'));
    assert.deepEqual(requests.filter((r) => r.includes('/examples/')), []);
    assert.equal((await tenderIn(page)).bids, undefined);
    const engine = await nodeEngine();
    const model = engine.describe(await exampleText(m.example));
    assert.equal(model.method, method);

    // Marks (or money) and shares come from describe(), node by node.
    const walk = (nodes) => nodes.flatMap((n) => [n, ...walk(n.children)]);
    for (const n of walk(model.criteria).filter((x) => x.kind !== 'pass-fail')) {
      const row = page.locator(`bid-scorer [part~="criteria"] tr[data-node="${n.id}"]`);
      assert.equal(await row.locator('[data-marks]').getAttribute('data-marks'), n.marks);
      assert.equal(await row.locator('[data-share]').getAttribute('data-share'), n.sharePercent);
      if (n.kind === 'price') {
        assert.equal(await row.locator('[data-marks]').textContent(), 'Not marked');
      } else {
        assert.equal(await row.locator('[data-share]').textContent(), `${number(n.sharePercent)}%`);
      }
    }

    const words = await page.locator('bid-scorer [data-method]').textContent();
    assert.equal(await page.locator('bid-scorer [data-method]').getAttribute('data-method'), method);
    for (const w of m.words) assert.ok(words.includes(w), `"${w}" in: ${words}`);

    // The worked example: three made-up bids, the engine's working and values.
    assert.equal(model.methodExample.length, 3);
    assert.deepEqual(
      await cellTexts(page, 'bid-scorer [part~="method-example"] td.working'),
      model.methodExample.map((b) => b.working),
    );
    const values = await page
      .locator('bid-scorer [part~="method-example"] tbody tr:not(.note-row)')
      .evaluateAll((trs) => trs.map((tr) => tr.cells[3].textContent));
    assert.deepEqual(
      values,
      model.methodExample.map((b) => (m.money ? money(b.value) : number(b.value))),
    );
    // Price is not marked, so there is no price formula to explain.
    assert.equal(model.price.scored, false);
    assert.equal(await page.locator('bid-scorer [part~="price-example"]').count(), 0);
    assert.equal(await page.getByText('How price is scored').count(), 0);

    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${method}: "Export award criteria (open data)" downloads the engine's OCDS fragment`, async () => {
    const { page, context, errors } = await openPage(env, `award.html?example=${m.example}&mode=publish`);
    await ready(page);
    const file = await downloadFrom(page, 'bid-scorer [data-action="export-ocds"]');
    const engine = await nodeEngine();
    const tender = await tenderIn(page);
    assert.equal(file.name, `${tender.tender.reference}-award-criteria.json`);
    assert.deepEqual(JSON.parse(file.text), engine.ocdsAwardCriteria(await exampleText(m.example)));
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the weighted-sum model exports its award criteria too, with weights', async () => {
  const { page, context, errors } = await openPage(env, 'publish.html');
  await ready(page);
  const file = await downloadFrom(page, 'bid-scorer [data-action="export-ocds"]');
  const engine = await nodeEngine();
  const expected = engine.ocdsAwardCriteria(await tenderIn(page));
  const got = JSON.parse(file.text);
  assert.deepEqual(got, expected);
  const criteria = got.awardCriteriaBreakdown.flatMap((b) => b.awardCriteria);
  assert.ok(criteria.some((c) => c.type === 'price' && c.numbers?.[0]?.number === 40));
  assert.deepEqual(errors, []);
  await context.close();
});

test('price per quality point: changing a score shows exactly the engine’s new value, and a new order is announced with it', async () => {
  const { page, context, errors } = await openPage(env, 'award.html?example=award-price-per-quality-point&mode=evaluate');
  await ready(page);
  await page.locator('bid-scorer details[data-bid-editor="g1"] > summary').click();
  // g1: £240,000 with method statement 4 → 5 of 5: quality points 50 + 18 + 12 = 80, and
  // £240,000 ÷ 80 = £3,000.00 per quality point (by hand).
  await field(page, 'bids[0].scores.q-method.moderated').fill('5');
  await page.waitForFunction(
    () => document.querySelector('bid-scorer').result.bids.find((b) => b.id === 'g1').value !== '3428.57',
  );
  const engine = await nodeEngine();
  const expected = engine.evaluate(await tenderIn(page));
  assert.deepEqual(await resultIn(page), expected);
  const g1 = expected.bids.find((b) => b.id === 'g1');
  assert.equal(g1.total, '80.00');
  assert.equal(g1.value, '3000.00');
  const cell = page.locator('bid-scorer [part~="ranking"] tr[data-bid="g1"] [data-value]');
  assert.equal(await cell.getAttribute('data-value'), '3000.00');
  assert.equal(await cell.textContent(), '£3,000.00');
  // Evergreen (£2,944.44 per point) still wins; g1 is now second.
  assert.deepEqual(expected.ranking, ['g3', 'g1', 'g2']);
  assert.equal(await page.locator('bid-scorer [part~="ranking"] tbody tr').first().getAttribute('data-bid'), 'g3');
  // The order is as it was (g1 was second before too), so nothing is announced.
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('bid-scorer [data-live="results"]').textContent(), '');
  // Evergreen marked down on its method statement falls behind: the new first is announced with
  // its price per quality point.
  await page.locator('bid-scorer details[data-bid-editor="g3"] > summary').click();
  await field(page, 'bids[2].scores.q-method.moderated').fill('1');
  await page.waitForFunction(() => document.querySelector('bid-scorer').result.ranking[0] !== 'g3');
  const after = engine.evaluate(await tenderIn(page));
  assert.deepEqual(await resultIn(page), after);
  const first = after.bids.find((b) => b.id === after.ranking[0]);
  const said = `Ranking updated. First: ${first.supplier} with ${money(first.value)} per quality point.`;
  assert.equal(await spoken(page, said), said);
  assert.deepEqual(errors, []);
  await context.close();
});

test('price per quality point: self-assess shows the supplier’s quality points and price per point', async () => {
  const { page, context, errors } = await openPage(env, 'award.html?example=award-price-per-quality-point&mode=self-assess');
  await ready(page);
  await field(page, 'bids[0].price').fill('200000');
  for (let i = 0; i < 3; i += 1) await page.locator('bid-scorer').getByLabel('4 – Very good').nth(i).check();
  await page.waitForFunction(() => document.querySelector('bid-scorer').result.bids[0].value !== null);
  const engine = await nodeEngine();
  const expected = engine.evaluate(await tenderIn(page));
  assert.deepEqual(await resultIn(page), expected);
  // By hand: 50 × 4/5 + 30 × 4/5 + 20 × 4/5 = 80 quality points; £200,000 ÷ 80 = £2,500.00.
  const mine = expected.bids[0];
  assert.equal(mine.total, '80.00');
  assert.equal(mine.value, '2500.00');
  assert.equal(await page.locator('bid-scorer [data-own-total]').textContent(), 'Your quality points: 80.00 out of 100');
  assert.equal(
    await page.locator('bid-scorer [data-own-value]').textContent(),
    'Your price per quality point: £2,500.00',
  );
  assert.ok((await page.locator(`bid-scorer [data-value-summary="your-bid"]`).textContent()).includes(mine.valueWorking));
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('quality-price ratio: the results CSV carries each bid’s value and band as the engine wrote them', async () => {
  const { page, context, errors } = await openPage(env, 'award.html?example=award-quality-price-ratio&mode=evaluate');
  await ready(page);
  const csv = await downloadFrom(page, 'bid-scorer [data-action="export-csv"]');
  const lines = csv.text.slice(1).split('\r\n').filter(Boolean);
  const head = csvFields(lines[0]);
  const result = await resultIn(page);
  assert.deepEqual(result, (await nodeEngine()).evaluate(await exampleText('award-quality-price-ratio')));
  const at = (name) => head.indexOf(name);
  assert.ok(at('Quality points') > 0 && at('Quality–price ratio') > at('Quality points') && at('In the band') > 0);
  assert.equal(lines.length - 1, result.bids.length);
  for (const line of lines.slice(1)) {
    const cells = csvFields(line);
    assert.equal(cells.length, head.length);
    const bid = result.bids.find((b) => b.supplier === cells[1]);
    assert.equal(cells[at('Quality–price ratio')], bid.value);
    assert.equal(cells[at('In the band')], bid.inBand ? 'Yes' : 'No');
    assert.equal(cells[at('Quality points')], bid.total);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('award methods: screenshots at 1280 px and 320 px, axe clean and nothing overflowing', async () => {
  for (const [name, mode] of [
    ['award-quality-price-ratio', 'evaluate'],
    ['award-fictitious-discount', 'publish'],
  ]) {
    for (const width of [1280, 320]) {
      const { page, context, errors } = await openPage(env, `award.html?example=${name}&mode=${mode}`, { width });
      await ready(page);
      if (mode === 'evaluate') {
        await page.locator('bid-scorer [data-summary]').first().waitFor();
        await page.locator('bid-scorer details[data-bid-editor] > summary').first().click();
      }
      assert.deepEqual(await axe(page), [], `${name} ${mode} at ${width} px`);
      const [scroll, client] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      assert.ok(scroll <= client, `page is ${scroll} px wide in a ${client} px window`);
      await shot(page, `${name}-${mode}-${width}`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test('the award methods page works under a strict Content-Security-Policy', async () => {
  const strict = await setUp({ csp: true });
  try {
    for (const mode of ['publish', 'evaluate']) {
      const { page, context, errors } = await openPage(strict, `award.html?example=award-fictitious-discount&mode=${mode}`);
      await ready(page);
      assert.deepEqual(errors, [], mode);
      await context.close();
    }
  } finally {
    await strict.stop();
  }
});
