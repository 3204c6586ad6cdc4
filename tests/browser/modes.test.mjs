// Each mode renders the default tender: what it shows, no console errors, no requests beyond the
// widget's own files, axe clean, and screenshots at 1280 px and 320 px with nothing overflowing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { setUp, openPage, ready, axe, shot, root, screenshots, defaultTenderText, nodeEngine, exampleTender } from './support.mjs';
import { catalogue, engineText } from '../../www/src/text/messages.js';

const cat = catalogue('en-GB');

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

const PAGES = ['publish.html', 'self-assess.html', 'evaluate.html', 'embed.html'];

test('each widget page holds the default tender as the browser reads it, the model only where suppliers see it', async () => {
  const file = JSON.parse(await defaultTenderText());
  const { bids, ...model } = file;
  for (const name of PAGES) {
    const { page, context, errors } = await openPage(env, name);
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll('bid-scorer')].map((el) => ({
        mode: el.getAttribute('mode'),
        text: el.querySelector(':scope > script[type="application/json"]')?.textContent ?? null,
      })),
    );
    assert.equal(inline.length, 1, `${name} has one widget`);
    for (const { mode, text } of inline) {
      assert.ok(text, `${name} has an inline tender`);
      const supplier = mode === 'publish' || mode === 'self-assess';
      assert.deepEqual(JSON.parse(text), supplier ? model : file, `${name} (${mode})`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

/** Widget modules a page loading ES modules never requests itself. */
const NOT_ON_PAGE = ['element/bundle.js', 'engine/lzma.js', 'analysis/worker.js'];

/** Every request the page made, which must all be to the demo server's own files. */
function assertOwnFiles(requests, base) {
  assert.ok(requests.length > 0);
  for (const url of requests) assert.ok(url.startsWith(base), `unexpected request to ${url}`);
  const files = new Set(requests.map((u) => new URL(u).pathname));
  // The page, its stylesheet, the element's modules, the engine's glue and its wasm, and nothing else.
  const allowed = /^\/((\w|-)+\.html|demo\.css|src\/[\w-]+\/[\w-]+\.js|pkg\/bidscore\.js|pkg\/bidscore_bg\.wasm)$/;
  for (const f of files) assert.match(f, allowed);
  assert.ok(files.has('/pkg/bidscore_bg.wasm'));
  return files.size;
}

test('publish mode shows the model: criteria, price formula with an engine-scored example, scales, measures, rules', async () => {
  const { page, context, errors, requests } = await openPage(env, 'publish.html');
  await ready(page);
  const text = await page.locator('bid-scorer').evaluate((el) => el.shadowRoot.textContent);
  for (const want of [
    'Community wellbeing service',
    'Service delivery',
    'lowest price divided by your price',
    'score = 40 × lowest price ÷ your price',
    'These disqualify a bid',
    'Scoring below 2 on “Service delivery”',
    'A price above £1,300,000.00',
    'Exceeds the requirement with compelling evidence and clear added value.',
    'Local people employed on the contract',
    '£28,000.00',
    'the lower price ranks higher',
  ]) {
    assert.ok(text.includes(want), `publish mode shows "${want}"`);
  }
  // The worked example is the engine's own working for the invented prices in its published model.
  const engine = await nodeEngine();
  const model = engine.describe(JSON.parse(await defaultTenderText()));
  const working = await page.locator('bid-scorer [part~="price-example"] td.working').allTextContents();
  assert.deepEqual(
    working,
    model.price.example.map((b) => b.working),
  );
  // The engine's notes on the model are for the buyer (design mode): suppliers never see them.
  assert.ok(model.warnings.length > 0, 'the model has notes for the buyer');
  assert.equal(await page.locator('bid-scorer [part~="warnings"]').count(), 0);
  assert.ok(!text.includes('Notes on this model'));
  assert.deepEqual(errors, []);
  const n = assertOwnFiles(requests, env.url);
  // The page, its stylesheet, the element's modules (award, summaries and analysis among them), the
  // engine's glue and .wasm: every one of them this site's own (checked above); the cap catches a
  // runaway loader. It is every module a page can load outside design mode (design/ loads only
  // there; the single-file build's entry and decoder, and the worker's module, never on the page).
  const pageModules = readdirSync(`${root}www/src`, { recursive: true }).filter(
    (f) => f.endsWith('.js') && !f.startsWith('design') && !NOT_ON_PAGE.includes(f),
  );
  assert.ok(n <= pageModules.length + 4, `${n} files`);
  await context.close();
});

test('self-assess mode starts with a blank bid of the supplier’s own and shows what is missing', async () => {
  const { page, context, errors, requests } = await openPage(env, 'self-assess.html');
  await ready(page);
  const tender = await page.locator('bid-scorer').evaluate((el) => el.tender);
  assert.deepEqual(
    tender.bids.map((b) => b.id),
    ['your-bid'],
    'the other suppliers’ bids are not shown',
  );
  const result = await page.locator('bid-scorer').evaluate((el) => el.result);
  assert.equal(result.bids[0].status, 'incomplete');
  await page.locator('bid-scorer [data-own-total]').waitFor();
  assert.ok(await page.locator('bid-scorer [data-breakdown="your-bid"]').isVisible());
  // Every missing input the engine lists is shown, in its order.
  const missing = await page
    .locator('bid-scorer [data-breakdown="your-bid"] [data-messages="missing"] li')
    .allTextContents();
  assert.ok(result.bids[0].missing.length > 0);
  assert.deepEqual(missing, result.bids[0].missing.map((m) => engineText(cat, 'reasons', m)));
  assert.deepEqual(errors, []);
  assertOwnFiles(requests, env.url);
  await context.close();
});

test('a numeric criterion labels its field with its unit, and with its name alone when it has none (a unit is optional)', async () => {
  const { page, context, errors } = await openPage(env, 'self-assess.html');
  await ready(page);
  const tender = await exampleTender('numeric-criteria.json');
  const criteria = (list) => list.flatMap((c) => [c, ...criteria(c.children ?? [])]);
  const [withUnit, without] = criteria(tender.criteria).filter((c) => c.kind === 'numeric');
  delete without.unit;
  await page.locator('bid-scorer').evaluate((el, t) => {
    el.tender = t;
  }, tender);
  await page.waitForFunction((id) => document.querySelector('bid-scorer').result?.bids[0].criteria.some((c) => c.id === id), without.id);
  const label = (c) => page.locator(`bid-scorer [data-path$="].values.${c.id}"]`).evaluate((e) => e.labels[0].textContent.trim());
  assert.equal(await label(withUnit), `${withUnit.name} (${withUnit.unit})`);
  assert.equal(await label(without), without.name);
  assert.deepEqual(errors, []);
  await context.close();
});

test('evaluate mode ranks the default tender exactly as the engine does', async () => {
  const { page, context, errors, requests } = await openPage(env, 'evaluate.html');
  await ready(page);
  const engine = await nodeEngine();
  const expected = engine.evaluate(await defaultTenderText());
  const rows = await page
    .locator('bid-scorer [part~="ranking"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [tr.dataset.bid, tr.querySelector('[data-total]').textContent]));
  const byId = new Map(expected.bids.map((b) => [b.id, b]));
  const order = [...expected.ranking, ...expected.bids.filter((b) => b.rank === null).map((b) => b.id)];
  assert.deepEqual(
    rows.map((r) => r[0]),
    order,
  );
  for (const [id, total] of rows) assert.equal(total, byId.get(id).total);
  // The disqualified bid's reason is shown in its breakdown.
  await page.locator('bid-scorer [data-action="pick-breakdown"]').selectOption('b4');
  const b4 = await page.locator('bid-scorer [data-breakdown="b4"]').textContent();
  assert.match(b4, /Disqualified/);
  const reasons = await page.locator('bid-scorer [data-breakdown="b4"] [data-messages="reasons"] li').allTextContents();
  assert.ok(byId.get('b4').reasons.length > 0);
  assert.deepEqual(reasons, byId.get('b4').reasons.map((r) => engineText(cat, 'reasons', r)));
  assert.match(reasons[0], /Service delivery/);
  assert.ok(b4.includes(byId.get('b4').criteria.find((c) => c.id === 'q-delivery').working));
  assert.deepEqual(errors, []);
  assertOwnFiles(requests, env.url);
  await context.close();
});

for (const name of ['publish', 'self-assess', 'evaluate', 'embed']) {
  test(`${name}: axe finds no WCAG 2.2 AA violations; screenshots at 1280 px and 320 px without overflow`, async () => {
    for (const width of [1280, 320]) {
      const { page, context, errors } = await openPage(env, `${name}.html`, { width });
      await ready(page);
      if (name === 'evaluate') await page.locator('bid-scorer details[data-bid-editor] > summary').first().click();
      assert.deepEqual(await axe(page), [], `axe at ${width} px`);
      const [scroll, client] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      assert.ok(scroll <= client, `page is ${scroll} px wide in a ${client} px window`);
      await shot(page, `${name}-${width}`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
}

test('the print report has the ranking, every bid’s breakdown with working, warnings and the date, and no form', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html', { width: 794 });
  await ready(page);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const result = await page.locator('bid-scorer').evaluate((el) => el.result);
  const printed = page.locator('bid-scorer .print-only [data-breakdown]');
  assert.equal(await printed.count(), result.bids.length);
  for (const b of result.bids) {
    const text = await page.locator(`bid-scorer .print-only [data-breakdown="${b.id}"]`).textContent();
    for (const c of b.criteria) assert.ok(text.includes(c.working));
  }
  assert.equal(await page.locator('bid-scorer [part~="form"]').isVisible(), false);
  assert.equal(await page.locator('bid-scorer [part~="tools"]').isVisible(), false);
  assert.ok(await page.locator('bid-scorer [part~="ranking"]').isVisible());
  assert.ok(await page.locator('bid-scorer [part~="warnings"]').isVisible());
  assert.match(await page.locator('bid-scorer header').textContent(), /Printed on \d+ \w+ \d{4}/);
  await page.pdf({ path: `${screenshots}evaluate-print.pdf`, format: 'A4' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe sees inside the widget’s shadow root (so its clean reports mean something)', async () => {
  const { page, context } = await openPage(env, 'publish.html');
  await ready(page);
  await page
    .locator('bid-scorer')
    .evaluate((el) => el.shadowRoot.querySelector('[data-mode]').append(document.createElement('input')));
  const violations = await axe(page);
  assert.ok(
    violations.some((v) => v.startsWith('label:')),
    violations.join('\n'),
  );
  await context.close();
});

test('the demo works under a strict Content-Security-Policy (no inline scripts or styles)', async () => {
  const strict = await setUp({ csp: true });
  try {
    for (const name of ['publish', 'self-assess', 'evaluate']) {
      const { page, context, errors } = await openPage(strict, `${name}.html`);
      await ready(page);
      assert.deepEqual(errors, [], `${name} under CSP`);
      await context.close();
    }
  } finally {
    await strict.stop();
  }
});
