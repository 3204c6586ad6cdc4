// Design mode: a buyer builds the evaluation model from a blank start with the keyboard alone, tries
// it, publishes it; the published snippet, loaded in a new page in publish and self-assess modes,
// scores exactly as the engine does on the downloaded file. Axe in every design state, a 320 px
// screenshot, the CSV reader, error placement and templates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setUp, openPage, record, axe, shot, nodeEngine, root } from './support.mjs';
import { parseCsv, measuresFromCsv } from '../../www/src/design/csv.js';
import { chartPrices, chartTender } from '../../www/src/design/price.js';
import { TEMPLATES } from '../../www/src/design/templates.js';
import { W, inDesign, designTender, designResult, focused, tabTo, toPath, toAction, typeAt, openDesign as openDesignIn } from './design-support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

const openDesign = (width) => openDesignIn(env, width);

/** Waits until the rebuild after a change has settled and focus is on `match`. */
async function settled(page, match) {
  await page.waitForFunction((m) => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a?.dataset?.[m.key] === m.value;
  }, match);
}

function snippetModel(snippet) {
  const m = /<script type="application\/json">\n([\s\S]*?)\n<\/script>/.exec(snippet);
  assert.ok(m, 'the snippet holds the model inline');
  return JSON.parse(m[1]);
}

/**
 * A new page holding only `html`, with `script` beside it as bid-scorer.js: at the demo server's
 * origin, or (`fromDisk`) written to a fresh folder and opened from there over file://.
 */
async function pageWith(html, script, { fromDisk = false } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const { errors, requests } = record(page);
  const body = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Snippet</title></head><body><main>${html}</main></body></html>`;
  if (fromDisk) {
    const dir = await mkdtemp(join(tmpdir(), 'bid-scorer-snippet-'));
    await writeFile(join(dir, 'tender.html'), body);
    await writeFile(join(dir, 'bid-scorer.js'), script);
    await page.goto(pathToFileURL(join(dir, 'tender.html')).href);
  } else {
    await page.route(`${env.url}snippet-test.html`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body }),
    );
    await page.route(`${env.url}bid-scorer.js`, (route) =>
      route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: script }),
    );
    await page.goto(`${env.url}snippet-test.html`);
  }
  await page.waitForFunction(
    () => document.querySelector('bid-scorer')?.result || document.querySelector('bid-scorer[mode="design"]')?.shadowRoot?.querySelector('[data-action="download-script"]'),
  );
  return { page, context, errors, requests };
}

test('a complete model built from a blank start with the keyboard alone publishes, and the snippet scores exactly as the engine', async () => {
  const engine = await nodeEngine();
  const { page, context, errors } = await openDesign();

  // Start from a blank model.
  let f = await toAction(page, 'start-choice');
  assert.equal(f.value, 'blank');
  await toAction(page, 'use-template');
  await page.keyboard.press('Enter');
  await settled(page, { key: 'heading', value: 'about' });

  await typeAt(page, 'tender.title', 'Library cleaning services');
  await typeAt(page, 'tender.buyer', 'Example Borough Council');
  await typeAt(page, 'tender.reference', 'EBC-2026-031');
  await typeAt(page, 'tender.contractValue', '250000');

  // A pass/fail question, the price, a quality group of two and a social value group.
  await toAction(page, 'add-gate');
  await page.keyboard.press('Enter');
  await settled(page, { key: 'path', value: 'criteria[0].name' });
  await page.keyboard.type('Insurance held at the levels in the specification');

  await toAction(page, 'add-criterion');
  await page.keyboard.press('Enter');
  await settled(page, { key: 'path', value: 'criteria[1].name' });
  await page.keyboard.type('Price');
  await toPath(page, 'criteria[1].kind');
  await page.keyboard.press('p');
  await settled(page, { key: 'path', value: 'criteria[1].kind' });
  assert.equal((await focused(page)).selected, 'Price');
  await typeAt(page, 'criteria[1].weight', '60');

  await toAction(page, 'add-group');
  await page.keyboard.press('Enter');
  await settled(page, { key: 'path', value: 'criteria[2].name' });
  await page.keyboard.type('Quality');
  await typeAt(page, 'criteria[2].children[0].name', 'Service delivery');
  await typeAt(page, 'criteria[2].children[0].weight', '20');
  f = await toPath(page, 'criteria[2].children[0].scale');
  assert.equal(f.selected, '0-5', 'a scored criterion gets the 0–5 scale when there is none');
  await typeAt(page, 'criteria[2].children[0].threshold', '2');
  await typeAt(page, 'criteria[2].children[0].question', 'Describe how you will clean the libraries.');
  await toAction(page, 'add-child');
  await page.keyboard.press('Enter');
  await settled(page, { key: 'path', value: 'criteria[2].children[1].name' });
  await page.keyboard.type('Staffing and supervision');
  await typeAt(page, 'criteria[2].children[1].weight', '10');

  await toAction(page, 'add-group');
  await page.keyboard.press('Enter');
  await settled(page, { key: 'path', value: 'criteria[3].name' });
  await page.keyboard.type('Social value');
  await toPath(page, 'criteria[3].category');
  await page.keyboard.press('Space');
  assert.equal((await focused(page)).checked, true, 'Space ticks the box Tab moved to');
  assert.equal((await designTender(page)).criteria[3].category, 'social-value');
  await typeAt(page, 'criteria[3].children[0].name', 'Social value commitments');
  await toPath(page, 'criteria[3].children[0].kind');
  await page.keyboard.press('s');
  await settled(page, { key: 'path', value: 'criteria[3].children[0].kind' });
  assert.equal((await focused(page)).selected, 'Social value commitments (measures)');
  await typeAt(page, 'criteria[3].children[0].weight', '10');

  // Reorder by keyboard: move the quality group down and back up; focus stays on a move button.
  await tabTo(page, (x) => x.action === 'move-down' && x.label.includes('Quality'), { back: true });
  await page.keyboard.press('Enter');
  await settled(page, { key: 'action', value: 'move-up' });
  let t = await designTender(page);
  assert.deepEqual(
    t.criteria.map((c) => c.name),
    ['Insurance held at the levels in the specification', 'Price', 'Social value', 'Quality'],
  );
  assert.match((await focused(page)).label, /Move up “Quality”/);
  await page.keyboard.press('Enter');
  await page.waitForFunction((w) => document.querySelector(w).tender.criteria[2].name === 'Quality', W);
  assert.match((await focused(page)).label, /Move up “Quality”/, 'focus stays on the button that was pressed');
  t = await designTender(page);
  assert.deepEqual(
    t.criteria.map((c) => c.name),
    ['Insurance held at the levels in the specification', 'Price', 'Quality', 'Social value'],
  );

  // Price: a ceiling. (Its chart appears once the model is valid, below.)
  await typeAt(page, 'criteria[1].ceiling', '300000');

  // Social value: one measure typed in, more imported from pasted CSV with one bad row.
  await toAction(page, 'add-measure');
  await page.keyboard.press('Enter');
  await settled(page, { key: 'path', value: 'measures[0].name' });
  await page.keyboard.type('Local people employed on the contract');
  await typeAt(page, 'measures[0].unit', 'FTE year');
  await typeAt(page, 'measures[0].proxy', '28000');
  await typeAt(page, 'measures[0].source', 'Example Borough Council proxy values 2026');
  await toAction(page, 'csv-text');
  await page.keyboard.type(
    'name,unit,proxy,source,licence\n' +
      'Apprenticeship weeks completed,week,250,Example Borough Council proxy values 2026,own\n' +
      '"Staff volunteering, local charities",hour,"£17.50","Council values, 2026",own\n' +
      'Tonnes of waste recycled,tonne,lots,,\n',
  );
  await toAction(page, 'csv-import');
  await page.keyboard.press('Enter');
  await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('[data-csv-report]'), W);
  const report = await inDesign(page, '[data-csv-report]').textContent();
  assert.match(report, /Imported 2 measures/);
  assert.match(report, /Row 4: proxy: “lots” is not a number/);
  t = await designTender(page);
  assert.deepEqual(
    t.measures.map((m) => [m.name, m.unit, m.proxy]),
    [
      ['Local people employed on the contract', 'FTE year', '28000'],
      ['Apprenticeship weeks completed', 'week', '250'],
      ['Staff volunteering, local charities', 'hour', '17.50'],
    ],
  );
  const sv = t.criteria[3].children[0];
  assert.deepEqual(
    sv.measures,
    t.measures.map((m) => m.id),
    'the criterion counts every measure',
  );

  // The price chart is the engine's scores for the made-up prices.
  await page.waitForFunction(
    (w) => document.querySelector(w).shadowRoot.querySelectorAll('[data-price-chart] circle').length === 11,
    W,
  );
  t = await designTender(page);
  const prices = chartPrices(t, t.criteria[1]);
  const chartResult = engine.evaluate(chartTender(t, t.criteria[1], prices));
  const chartText = await inDesign(page, '[data-price-chart] table').textContent();
  for (const b of chartResult.bids) assert.ok(chartText.includes(b.criteria[0].working), b.criteria[0].working);

  // Ties: the lower price first.
  f = await toAction(page, 'tie-pick');
  assert.equal(f.selected, 'the lower price ranks higher');
  await toAction(page, 'tie-add');
  await page.keyboard.press('Enter');

  // Try it on an example bid.
  await toAction(page, 'add-bid');
  await page.keyboard.press('Enter');
  await settled(page, { key: 'path', value: 'bids[0].supplier' });
  await page.keyboard.type('Spotless Ltd');
  await typeAt(page, 'bids[0].price', '240000');
  t = await designTender(page);
  const gateId = t.criteria[0].id;
  const [delivery, staffing] = t.criteria[2].children;
  f = await toPath(page, `bids[0].gates.${gateId}`);
  while (f.label !== 'Passed') {
    await page.keyboard.press('ArrowUp');
    f = await focused(page);
  }
  assert.equal(f.checked, true);
  await toPath(page, `bids[0].scores.${delivery.id}.moderated`);
  await page.keyboard.press('4');
  await toPath(page, `bids[0].scores.${staffing.id}.moderated`);
  await page.keyboard.press('3');
  for (const [m, qty] of t.measures.map((m, i) => [m, ['2', '52', '300'][i]])) {
    await typeAt(page, `bids[0].commitments.${m.id}`, qty);
  }
  await page.waitForFunction((w) => document.querySelector(w).result?.bids[0]?.status === 'ranked', W);
  t = await designTender(page);
  const tried = await designResult(page);
  assert.deepEqual(tried, engine.evaluate(t), 'the example bid is scored exactly as the engine scores it');
  assert.ok(await inDesign(page, '[data-try-results] [part~="ranking"]').isVisible());

  // The engine's description of the model is what the page shows.
  const described = engine.describe({ ...t, bids: undefined });
  assert.equal(described.maxTotal, '100');
  assert.match(await inDesign(page, '[data-section="criteria"] [data-total]').textContent(), /Total: 100 marks/);
  assert.match(
    await inDesign(page, '[data-section="criteria"] [data-sv]').textContent(),
    /Social value: 10\.00% of the marks, at least the 10% central government minimum/,
  );
  assert.match(await inDesign(page, '[data-price-words]').textContent(), /score = 60 × lowest price ÷ your price/);

  // Publish: the tender file by keyboard, and the snippet holding the same model.
  assert.match(await inDesign(page, '[data-publish-status]').textContent(), /ready to publish/);
  await toAction(page, 'download-model');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.bids, undefined, 'example bids are not published');
  assert.deepEqual(file, Object.fromEntries(Object.entries(t).filter(([k]) => k !== 'bids')));
  assert.deepEqual(engine.validate(file).errors, []);
  const snippet = await inDesign(page, '[data-action="snippet"]').inputValue();
  assert.deepEqual(snippetModel(snippet), file, 'the snippet holds exactly the downloaded file');
  assert.match(snippet, /^<script src="bid-scorer\.js"><\/script>\n<bid-scorer mode="publish">/);
  // The script the snippet names, downloaded from the page by keyboard: the one-file build.
  await toAction(page, 'download-script');
  const [scriptFile] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(scriptFile.suggestedFilename(), 'bid-scorer.js');
  const script = await readFile(await scriptFile.path(), 'utf8');
  assert.equal(script, await readFile(join(root, 'dist/bid-scorer.js'), 'utf8'));

  // The live preview is a publish-mode widget scoring the same file.
  await page.waitForFunction(
    (w) => document.querySelector(w).shadowRoot.querySelector('[data-preview]')?.result?.format,
    W,
  );
  const previewResult = await inDesign(page, '[data-preview]').evaluate((el) => el.result);
  assert.deepEqual(previewResult, engine.evaluate({ ...file, bids: [] }));
  assert.deepEqual(errors, []);
  await context.close();

  // The snippet pasted into a blank page with the script beside it, served and saved to disk:
  // publish mode shows the model the engine describes, and nothing is fetched from elsewhere.
  for (const fromDisk of [false, true]) {
    const { page: p, context: ctx, errors: errs, requests } = await pageWith(snippet, script, { fromDisk });
    const where = fromDisk ? 'file://' : 'http';
    const own = (r) => r.startsWith(fromDisk ? 'file:' : env.url) || r.startsWith('blob:');
    assert.ok(requests.every(own), `${where}: ${requests}`);
    const result = await p.locator('bid-scorer').evaluate((el) => el.result);
    assert.deepEqual(result, engine.evaluate({ ...file, bids: [] }));
    const text = await p.locator('bid-scorer').evaluate((el) => el.shadowRoot.textContent);
    for (const want of [
      'Library cleaning services',
      'Service delivery',
      'Staff volunteering, local charities',
      'A price above £300,000.00',
    ]) {
      assert.ok(text.includes(want), `${where}: the published page shows "${want}"`);
    }
    assert.deepEqual(errs, []);
    await ctx.close();
  }

  // ... and in self-assess mode a supplier entering the example bid gets the example's result.
  {
    const html = snippet.replace('<bid-scorer mode="publish">', '<bid-scorer mode="self-assess">');
    const { page: p, context: ctx, errors: errs } = await pageWith(html, script, { fromDisk: true });
    const bid = t.bids[0];
    const fieldAt = (path) => p.locator(`bid-scorer [data-path="${path}"]`);
    await fieldAt('bids[0].price').fill(bid.price);
    await p.locator(`bid-scorer [data-path="bids[0].gates.${gateId}"]`).first().check();
    for (const c of [delivery, staffing]) {
      // On the 0–5 scale the radio for a point is the point's own position.
      await p
        .locator(`bid-scorer [data-path="bids[0].scores.${c.id}.moderated"]`)
        .and(p.locator(`[value="${bid.scores[c.id].moderated}"]`))
        .check();
    }
    for (const [id, qty] of Object.entries(bid.commitments)) await fieldAt(`bids[0].commitments.${id}`).fill(qty);
    await p.waitForFunction(() => document.querySelector('bid-scorer').result?.bids[0]?.status === 'ranked');
    const own = await p.locator('bid-scorer').evaluate((el) => el.tender);
    const result = await p.locator('bid-scorer').evaluate((el) => el.result);
    assert.deepEqual(result, engine.evaluate(own));
    const alone = engine.evaluate({ ...file, bids: [{ ...own.bids[0] }] });
    assert.equal(result.bids[0].total, alone.bids[0].total);
    assert.equal(result.bids[0].total, tried.bids[0].total, 'the supplier sees the total the buyer tried');
    assert.deepEqual(
      result.bids[0].criteria.map((c) => c.score),
      tried.bids[0].criteria.map((c) => c.score),
    );
    assert.deepEqual(errs, []);
    await ctx.close();
  }

  // Design mode from the one-file build, opened from disk, hands over its own text as the script
  // the snippet names; that script works in a page of its own too.
  {
    const html = snippet.replace('<bid-scorer mode="publish">', '<bid-scorer mode="design">');
    const { page: p, context: ctx, errors: errs } = await pageWith(html, script, { fromDisk: true });
    const [own] = await Promise.all([
      p.waitForEvent('download'),
      p.locator('bid-scorer [data-action="download-script"]').click(),
    ]);
    assert.equal(own.suggestedFilename(), 'bid-scorer.js');
    const text = await readFile(await own.path(), 'utf8');
    assert.deepEqual(errs, []);
    await ctx.close();
    const { page: q, context: ctx2, errors: errs2 } = await pageWith(snippet, text, { fromDisk: true });
    assert.deepEqual(await q.locator('bid-scorer').evaluate((el) => el.result), engine.evaluate({ ...file, bids: [] }));
    assert.deepEqual(errs2, []);
    await ctx2.close();
  }
});

test('axe finds no violations in each design state, and the page reflows at 320 px', async () => {
  for (const width of [1280, 320]) {
    const { page, context, errors } = await openDesign(width);
    const check = async (state) => {
      assert.deepEqual(await axe(page), [], `axe, ${state}, ${width} px`);
      const [scroll, client] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      assert.ok(scroll <= client, `${state}: page is ${scroll} px wide in a ${client} px window`);
    };
    await check('blank');
    await shot(page, `design-blank-${width}`);

    await inDesign(page, '[data-action="start-choice"][value="services-60-30-10"]').check();
    await inDesign(page, '[data-action="use-template"]').click();
    await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('[data-price-chart] svg'), W);
    await check('template loaded');

    await inDesign(page, '[data-price-chart] details > summary').click();
    await check('price chart with its table open');

    await inDesign(page, '[data-action="add-scale"][data-key="custom"]').click();
    await inDesign(page, '[data-action="add-scale"][data-key="0-10"]').click();
    await check('scales');

    await inDesign(page, '[data-action="csv-text"]').fill(
      'name,unit,proxy\nLocal jobs,FTE year,28000\nBroken,week,"12\n',
    );
    await inDesign(page, '[data-action="csv-import"]').click();
    await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('[data-csv-problems]'), W);
    await check('measures CSV import with a bad row');

    const weight = inDesign(page, '[data-path="criteria[1].children[0].weight"]');
    await weight.fill('fifteen');
    await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('.error-summary'), W);
    await check('with an error');
    await shot(page, `design-error-${width}`);
    await weight.fill('15');
    await page.waitForFunction((w) => !document.querySelector(w).shadowRoot.querySelector('.error-summary'), W);

    await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('[data-preview]')?.result, W);
    await inDesign(page, '[data-heading="publish"]').scrollIntoViewIfNeeded();
    await check('publish with the preview');
    await shot(page, `design-template-${width}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('errors land next to the field that produced them, the summary links there, and what was typed stays', async () => {
  const { page, context, errors } = await openDesign();
  await inDesign(page, '[data-action="start-choice"][value="services-quality-led"]').check();
  await inDesign(page, '[data-action="use-template"]').click();
  await page.waitForFunction(
    (w) => document.querySelector(w).shadowRoot.querySelector('[data-share]:not([hidden])'),
    W,
  );

  // criteria[2].children[0].weight: the first quality criterion's marks.
  const path = 'criteria[2].children[0].weight';
  const input = inDesign(page, `[data-path="${path}"]`);
  await input.fill('2O');
  const engine = await nodeEngine();
  const t = await designTender(page);
  const expected = engine.validate(t).errors;
  assert.deepEqual(
    expected.map((e) => [e.path, e.code]),
    [[path, 'invalid-number']],
  );
  assert.equal(await input.inputValue(), '2O', 'what was typed stays in the field');
  assert.equal(t.criteria[2].children[0].weight, '2O', 'and in the tender');
  const describedBy = (await input.getAttribute('aria-describedby')).split(' ');
  const message = inDesign(page, `#${describedBy.at(-1)}`);
  assert.match(await message.textContent(), /“2O” is not a number/);
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  const link = inDesign(page, '.error-summary a');
  assert.match(await link.textContent(), /“Service delivery”: “2O” is not a number/);
  await link.click();
  assert.equal((await focused(page)).path, path, 'the summary link focuses the field');

  // A group emptied of criteria: the error (at criteria[3].children) sits by its "add" button.
  await input.fill('20');
  await inDesign(page, '[data-node] [data-action="move-out"]').last().click();
  const errs = engine.validate(await designTender(page)).errors;
  assert.ok(
    errs.some((e) => e.code === 'empty-criteria' && /^criteria\[\d\]\.children$/.test(e.path)),
    JSON.stringify(errs),
  );
  const groupBox = inDesign(page, '.design-node--group').last();
  assert.match(
    await groupBox.locator('.error-message:not([hidden])').last().textContent(),
    /Add at least one criterion/i,
  );

  // The social value check follows the engine's warning.
  await inDesign(page, '.design-node--group').last().locator('[data-action="remove"]').last().click();
  const sv = inDesign(page, '[data-section="criteria"] [data-sv]');
  await page.waitForFunction(
    (w) => /below the 10%|no group/.test(document.querySelector(w).shadowRoot.querySelector('[data-sv]').textContent),
    W,
  );
  const warned = engine.describe({ ...(await designTender(page)), bids: undefined }).warnings;
  assert.ok(warned.some((w) => w.code === 'social-value-weight-low'));
  assert.match(await sv.textContent(), /social value/i);
  assert.deepEqual(errors, []);
  await context.close();
});

test('templates load without errors and show the engine’s totals and shares; work survives a reload', async () => {
  const engine = await nodeEngine();
  const { page, context, errors } = await openDesign();
  for (const [id, make] of Object.entries(TEMPLATES)) {
    await inDesign(page, `[data-action="start-choice"][value="${id}"]`).check();
    await inDesign(page, '[data-action="use-template"]').click();
    if (await inDesign(page, '[data-action="replace-yes"]').count())
      await inDesign(page, '[data-action="replace-yes"]').click();
    await page.waitForFunction(
      (w) => document.querySelector(w).shadowRoot.querySelector('[data-share]:not([hidden])'),
      W,
    );
    const d = engine.describe(make());
    assert.deepEqual(engine.validate(make()).errors, []);
    const shares = await inDesign(
      page,
      '[data-section="criteria"] .design-tree--root > li > [data-share]',
    ).allTextContents();
    const expected = d.criteria
      .filter((c) => !(c.kind === 'price' && d.method !== 'weighted-sum'))
      .map((c) => `${c.sharePercent}%`);
    assert.deepEqual(
      shares.filter(Boolean).map((s) => /([\d.]+%)/.exec(s)[1]),
      expected,
      id,
    );
    assert.deepEqual(await designTender(page), make(), `${id} loads exactly as written`);
  }
  // Typed work is kept in the browser and restored after a reload.
  await inDesign(page, '[data-path="tender.title"]').fill('Grounds maintenance');
  await page.reload();
  await page.waitForSelector(`${W} [data-mode="design"]`);
  assert.equal(await inDesign(page, '[data-path="tender.title"]').inputValue(), 'Grounds maintenance');
  assert.match(await inDesign(page, '.banner').first().textContent(), /restored/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an opened tender file keeps its bids as example bids, scored as the engine scores the file; award methods', async () => {
  const engine = await nodeEngine();
  const { page, context, errors } = await openDesign();
  await inDesign(page, '[data-path="tender.title"]').fill('Work in progress');
  const file = `${(await import('./support.mjs')).root}www/examples/council-wellbeing.json`;
  await inDesign(page, '[data-action="open-file"]').setInputFiles(file);
  // Work was typed, so opening a file asks first.
  await inDesign(page, '[data-action="replace-yes"]').click();
  await page.waitForFunction((w) => document.querySelector(w).result?.bids?.length === 4, W);
  const original = JSON.parse(await readFile(file, 'utf8'));
  assert.deepEqual(await designTender(page), original);
  assert.deepEqual(await designResult(page), engine.evaluate(original));
  assert.equal(await inDesign(page, '[data-try-results] [part~="ranking"] tbody tr').count(), 4);

  // Price per quality point: the price's marks are put aside, and come back with the weighted sum.
  await inDesign(page, '[data-path="award.method"][value="1"]').check();
  await page.waitForFunction((w) => document.querySelector(w).tender.award.method === 'price-per-quality-point', W);
  let t = await designTender(page);
  assert.equal(t.criteria[2].weight, undefined);
  assert.deepEqual(engine.validate(t).errors, []);
  const described = engine.describe({ ...t, bids: undefined });
  const method = await inDesign(page, '[part~="design-method-example"]').textContent();
  for (const e of described.methodExample) assert.ok(method.includes(e.working), e.working);
  assert.deepEqual(await designResult(page), engine.evaluate(t));
  await inDesign(page, '[data-path="award.method"][value="0"]').check();
  await page.waitForFunction((w) => document.querySelector(w).tender.award.method === 'weighted-sum', W);
  t = await designTender(page);
  assert.equal(t.criteria[2].weight, 40);
  assert.deepEqual(t, original);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a click on a button right after typing a name is not lost, and design mode works under a strict CSP', async () => {
  const strict = await setUp({ csp: true });
  try {
    const { page, context, errors } = await openPage(strict, 'design.html');
    await page.waitForSelector(`${W} [data-mode="design"]`);
    await inDesign(page, '[data-action="start-choice"][value="services-60-30-10"]').check();
    await inDesign(page, '[data-action="use-template"]').click();
    await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('[data-price-chart] svg'), W);
    const name = inDesign(page, '[data-path="criteria[1].name"]');
    await name.fill('Quality of service');
    // The name field's change (and the rebuild it causes) happens as the button is pressed; a
    // slow press gives the rebuild time to run before the button is released.
    await inDesign(page, '[data-action="add-group"]').scrollIntoViewIfNeeded();
    const box = await inDesign(page, '[data-action="add-group"]').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.waitForTimeout(100);
    await page.mouse.up();
    await page.waitForFunction((w) => document.querySelector(w).tender.criteria.length === 4, W);
    const t = await designTender(page);
    assert.equal(t.criteria[1].name, 'Quality of service');
    assert.equal(t.criteria[1].id, 'quality', 'a template id does not follow the name');
    assert.equal(t.criteria[3].name, 'New group');
    assert.deepEqual(errors, [], 'no CSP violations or other errors');
    await context.close();
  } finally {
    await strict.stop();
  }
});

test('the CSV reader: BOM, quoted commas, doubled quotes, line breaks in quotes, and errors per row', () => {
  const text =
    '\uFEFFName,Unit,Proxy,Source,Licence\r\n' +
    '"Local people, employed",FTE year,"£28,000",Council 2026,own\r\n' +
    '"Say ""hello""\nto the team",hour,12.5,,\r\n' +
    'No unit,,5\r\n' +
    '"closed"then text,u,1\r\n' +
    'a,b,1,2,3,4\r\n';
  assert.deepEqual(parseCsv('a,"b,c"\n"d""e",f').records, [
    { row: 1, fields: ['a', 'b,c'] },
    { row: 2, fields: ['d"e', 'f'] },
  ]);
  const { measures, problems } = measuresFromCsv(text);
  assert.deepEqual(
    measures.map((m) => [m.row, m.measure]),
    [
      [2, { name: 'Local people, employed', unit: 'FTE year', proxy: '28000', source: 'Council 2026', licence: 'own' }],
      [3, { name: 'Say "hello"\nto the team', unit: 'hour', proxy: '12.5' }],
    ],
  );
  assert.deepEqual(
    problems.map((p) => [p.row, p.code]),
    [
      [4, 'csvMissing'],
      [5, 'csvStrayQuote'],
      [6, 'csvTooManyFields'],
    ],
  );
  assert.deepEqual(measuresFromCsv('x,y\n1,2').problems, [
    { row: 1, code: 'csvHeader', params: { columns: 'name, unit, proxy' } },
  ]);
  assert.deepEqual(measuresFromCsv('name,unit,proxy\n"open,u,1\n').problems, [
    { row: 2, code: 'csvOpenQuote', params: {} },
  ]);
});

test('a buyer adding things: no errors before anything is typed, names of their own, ids that follow names after a reload, a total of 95 flagged, nothing for the buyer alone published', async () => {
  const { page, context, errors } = await openDesign();
  await inDesign(page, '[data-action="start-choice"][value="services-60-30-10"]').check();
  await inDesign(page, '[data-action="use-template"]').click();
  await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('.design-ready'), W);
  const shown = () =>
    page.locator(W).evaluate((el) =>
      [...el.shadowRoot.querySelectorAll('.error-message:not([hidden]), .error-summary li')].map((e) => e.textContent.trim()),
    );

  // Marks that add up to 95: flagged beside the total.
  let t = await designTender(page);
  const weighted = t.criteria.findIndex((c) => c.kind === 'price');
  await inDesign(page, `[data-path="criteria[${weighted}].weight"]`).fill(String(Number(t.criteria[weighted].weight) - 5));
  await inDesign(page, '[data-path="tender.title"]').focus();
  await page.waitForFunction(
    (w) => /not 100/.test(document.querySelector(w).shadowRoot.querySelector('[data-section="criteria"] [data-total]').textContent),
    W,
  );
  assert.match(await inDesign(page, '[data-section="criteria"] [data-total]').textContent(), /Total: 95 marks, not 100/);
  await inDesign(page, `[data-path="criteria[${weighted}].weight"]`).fill(String(t.criteria[weighted].weight));

  // The preview (what suppliers see) carries no notes meant for the buyer, and no second download.
  const preview = inDesign(page, '[data-preview]');
  await page.waitForFunction(
    (w) => document.querySelector(w).shadowRoot.querySelector('[data-preview]')?.shadowRoot?.textContent.includes('How bids will be scored'),
    W,
  );
  const seen = await preview.evaluate((el) => el.shadowRoot.textContent);
  assert.ok(!/Notes on this model|add up to 95|central government minimum/.test(seen), seen.slice(0, 400));
  const downloads = await page.locator(W).evaluate((el) => {
    const visible = (b) => b.getClientRects().length > 0 && /Download the tender file/.test(b.textContent);
    const p = el.shadowRoot.querySelector('[data-preview]').shadowRoot;
    return [...el.shadowRoot.querySelectorAll('button'), ...p.querySelectorAll('button')].filter(visible).length;
  });
  assert.equal(downloads, 1, 'one "Download the tender file" button in the publish section');
  assert.deepEqual(await axe(page), []);

  // A new measure: nothing red while focus is in it; once focus leaves, its empty fields are
  // named as the form names them.
  await inDesign(page, '[data-action="add-measure"]').click();
  await page.waitForFunction(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a?.dataset?.path?.endsWith('.name') && a.dataset.path.startsWith('measures[');
  });
  t = await designTender(page);
  const at = t.measures.length - 1;
  assert.deepEqual(await shown(), [], 'no errors before anything is typed');
  await page.keyboard.type('Tonnes of food waste composted');
  await page.keyboard.press('Tab');
  assert.deepEqual(await shown(), [], 'still none while focus is on the new measure');
  await inDesign(page, '[data-path="tender.title"]').focus();
  await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('.error-summary'), W);
  const after = await shown();
  assert.ok(after.some((x) => /Fill in “Unit/.test(x)), after.join('\n'));
  assert.ok(!after.some((x) => /required field|“unit”|“proxy”/.test(x)), 'no file words: ' + after.join('\n'));
  await inDesign(page, `[data-path="measures[${at}].unit"]`).fill('tonne');
  await inDesign(page, `[data-path="measures[${at}].proxy"]`).fill('95');
  await page.waitForFunction((w) => !document.querySelector(w).shadowRoot.querySelector('.error-summary'), W);
  t = await designTender(page);
  assert.equal(t.measures[at].id, 'tonnes-of-food-waste-composted', 'the id followed the name');

  // Two new criteria: two names. Then a measure added and named only after a reload.
  await inDesign(page, '[data-action="add-criterion"]').click();
  await inDesign(page, '[data-action="add-criterion"]').click();
  t = await designTender(page);
  const names = t.criteria.map((c) => c.name);
  assert.equal(new Set(names).size, names.length, names.join(', '));
  assert.ok(names.includes('New criterion 2'), names.join(', '));
  const k = t.measures.length;
  await inDesign(page, '[data-action="add-measure"]').click();
  await page.waitForFunction(([w, n]) => document.querySelector(w).tender.measures.length === n, [W, k + 1]);
  await page.reload();
  await page.waitForSelector(`${W} [data-mode="design"]`);
  t = await designTender(page);
  assert.equal(t.measures.length, k + 1, 'the added measure was saved');
  assert.equal(t.measures[k].id, 'new-measure');
  await inDesign(page, `[data-path="measures[${k}].name"]`).fill('Hours of careers talks in schools');
  await inDesign(page, `[data-path="measures[${k}].unit"]`).focus();
  await page.waitForFunction(([w, n]) => document.querySelector(w).tender.measures[n].id !== 'new-measure', [W, k]);
  assert.equal((await designTender(page)).measures[k].id, 'hours-of-careers-talks-in-schools');

  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a measure still being written shows in the example bids as far as it goes: no template gap for its unit, no "£NaN" for its value', async () => {
  const { page, context, errors } = await openDesign();
  await inDesign(page, '[data-action="start-choice"][value="services-60-30-10"]').check();
  await inDesign(page, '[data-action="use-template"]').click();
  await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('.design-ready'), W);
  await inDesign(page, '[data-action="add-bid"]').click();
  await inDesign(page, '[data-action="add-measure"]').click();
  await inDesign(page, '[data-action="add-measures-criterion"]').click();
  const t = await designTender(page);
  const at = t.measures.length - 1;
  // The example bid's field for the new measure: its label, and its hint if it has one.
  const commitment = async () => {
    const f = inDesign(page, `[data-path="bids[0].commitments.${t.measures[at].id}"]`);
    await f.waitFor();
    return f.evaluate((e) => ({
      label: e.labels[0].textContent.trim(),
      hint: e.getRootNode().getElementById(e.getAttribute('aria-describedby')?.split(' ')[0])?.textContent ?? null,
    }));
  };
  /** The field once it reads `want` (the example bids follow an edit after a pause). */
  const settles = async (want) => {
    let got;
    for (let i = 0; i < 50 && JSON.stringify((got = await commitment())) !== JSON.stringify(want); i += 1) await page.waitForTimeout(100);
    return got;
  };
  assert.deepEqual(await commitment(), { label: t.measures[at].name, hint: null });
  await inDesign(page, `[data-path="measures[${at}].unit"]`).fill('tonne');
  await inDesign(page, '[data-path="tender.title"]').focus();
  const label = `${t.measures[at].name} (tonne)`;
  assert.deepEqual(await settles({ label, hint: null }), { label, hint: null });
  // A value being typed is shown as typed until it is a number.
  for (const [typed, hint] of [
    ['95x', 'Each tonne is valued at 95x.'],
    ['1e400', 'Each tonne is valued at 1e400.'],
    ['95', 'Each tonne is valued at £95.00.'],
  ]) {
    await inDesign(page, `[data-path="measures[${at}].proxy"]`).fill(typed);
    await inDesign(page, '[data-path="tender.title"]').focus();
    assert.deepEqual(await settles({ label, hint }), { label, hint }, typed);
  }
  assert.doesNotMatch(await inDesign(page, '[data-section]').allTextContents().then((x) => x.join(' ')), /NaN|\{unit\}|\{proxy\}/);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
