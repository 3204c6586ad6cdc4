// Each role's journey end to end in a real browser, as that user would go: the evaluation panel
// (two evaluators, their spread, moderation, rationales, summaries, the results CSV, the printed
// record), the supplier (offline self-assessment, a reload, the price to win) and the council's
// web team (two widgets in the council's colours under a strict CSP, in a page opened from disk).
// The buyer's journey (a blank model to a published snippet working from disk) is in
// design.test.mjs. Every figure is checked against the engine run in Node on the same tender.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { setUp, openPage, record, ready, atBothWidths, nodeEngine, tenderIn, resultIn, field, downloadFrom, csvFields, root, number } from './support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

const bare = (text) => text.replace(/\s+/g, '');

/** The text of every page of the page printed to PDF, spaces left out (see print.test.mjs). */
async function printedText(page) {
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const doc = await getDocument({ data: new Uint8Array(await page.pdf({ format: 'A4' })), useSystemFonts: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    pages.push(bare((await (await doc.getPage(i)).getTextContent()).items.map((x) => x.str).join('')));
  }
  await doc.destroy();
  return pages;
}

/** JSON inline in a page's <script type="application/json">: no "<" can end the element early. */
const inline = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

/** Whether every request stayed on this machine (the page's own files, blob: and data: URLs). */
const local = (requests) => requests.every((r) => /^(file|blob|data):/.test(r));

/**
 * A page saved to disk as a user would have it: `files` (name → text) written to a new folder
 * beside the one-file build as bid-scorer.js, and its tender.html opened over file://.
 */
async function openFromDisk(files, { offline = false } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'bid-scorer-page-'));
  await writeFile(join(dir, 'bid-scorer.js'), await readFile(join(root, 'dist/bid-scorer.js')));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, offline });
  const page = await context.newPage();
  const recorded = record(page);
  await page.goto(pathToFileURL(join(dir, 'tender.html')).href);
  return { page, context, ...recorded };
}

test('the panel: two evaluators disagree, the spread is flagged, a moderated score and rationale settle it, and summaries, CSV and print carry it', async () => {
  const engine = await nodeEngine();
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  const bid = 0;
  const b = (await tenderIn(page)).bids[bid];
  await page.locator(`bid-scorer details[data-bid-editor="${b.id}"] > summary`).click();

  // Two evaluators three points apart on one criterion, before any moderation.
  const at = `bids[${bid}].scores.q-delivery`;
  await field(page, `${at}.moderated`).fill('');
  await field(page, `${at}.evaluators.Evaluator 1`).fill('2');
  await field(page, `${at}.evaluators.Evaluator 2`).fill('5');
  await page.waitForFunction(
    (id) => document.querySelector('bid-scorer').result?.warnings.some((w) => w.code === 'evaluator-spread' && w.bids.includes(id)),
    b.id,
  );
  let t = await tenderIn(page);
  assert.deepEqual(await resultIn(page), engine.evaluate(t));
  const warnings = await page.locator('bid-scorer [part~="warnings"] li').allTextContents();
  const spread = warnings.find((w) => w.includes(`${b.supplier}’s “Service delivery” from 2 to 5`));
  assert.ok(spread, `the spread is flagged in the results: ${warnings.join('\n')}`);
  assert.ok(warnings.every((w) => !w.includes('"')), 'one kind of quotation mark');
  await atBothWidths(page, 'journey-panel-spread');

  // Moderation: the agreed score and why.
  const why = 'Agreed at moderation: a full mobilisation plan, but referral routes in two wards are unclear.';
  await field(page, `${at}.moderated`).fill('4');
  await field(page, `${at}.rationale`).fill(why);
  await page.waitForFunction(
    () => document.querySelector('bid-scorer').result?.bids[0].criteria.find((c) => c.id === 'q-delivery')?.inputFrom === 'moderated',
  );
  t = await tenderIn(page);
  const result = engine.evaluate(t);
  assert.deepEqual(await resultIn(page), result);
  assert.equal(t.bids[bid].scores['q-delivery'].rationale, why);

  // The supplier's assessment summary gives the moderated score's reason.
  const summary = await downloadFrom(page, `bid-scorer [data-action="summary-text"][data-bid="${b.id}"]`);
  assert.ok(summary.text.includes(why), summary.text.slice(0, 400));
  const scored = result.bids.find((x) => x.id === b.id);
  assert.ok(summary.text.includes(number(scored.total)) || summary.text.includes(scored.total), 'the summary gives the total');

  // The results CSV: one row per bid, the engine's totals.
  const csv = await downloadFrom(page, 'bid-scorer [data-action="export-csv"]');
  const lines = csv.text.slice(1).split('\r\n').filter(Boolean);
  const head = csvFields(lines[0]);
  const totalAt = head.findIndex((h) => /^Total/.test(h));
  const supplierAt = head.indexOf('Supplier');
  for (const r of result.bids) {
    const row = lines.map(csvFields).find((cells) => cells[supplierAt] === r.supplier);
    assert.ok(row, r.supplier);
    if (r.status === 'ranked') assert.equal(Number(row[totalAt]), Number(r.total), r.supplier);
  }

  // The printed record holds both evaluators' scores, the moderated score and the rationale.
  const pages = await printedText(page);
  const all = pages.join('');
  assert.ok(pages.length >= 2 && pages.every((p) => p.length > 40), `pages: ${pages.map((p) => p.length)}`);
  assert.ok(pages[0].includes('Ranking'));
  for (const want of ['Evaluator1:2', 'Evaluator2:5', bare(why)]) assert.ok(all.includes(want), want);
  await atBothWidths(page, 'journey-panel-moderated');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the supplier: self-assessment with no network, a reload keeps it, and the price to win is the engine’s', async () => {
  const engine = await nodeEngine();
  // The supplier saved the buyer's published page to disk and opens it with no network at all.
  const tender = JSON.parse(await readFile(join(root, 'www/examples/council-wellbeing.json'), 'utf8'));
  const model = { ...tender, bids: undefined }; // as published: no bids
  const { page, context, errors, requests } = await openFromDisk(
    {
      'tender.html': `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Check your bid</title><script src="bid-scorer.js"></script></head>
<body><main><h1>Check your bid</h1><bid-scorer mode="self-assess"><script type="application/json">${inline(model)}</script></bid-scorer></main></body></html>`,
    },
    { offline: true },
  );
  await ready(page);
  const mine = (await tenderIn(page)).bids.findIndex((b) => b.id === 'your-bid');
  await field(page, `bids[${mine}].price`).fill('1,050,000');
  for (const input of await page.locator('bid-scorer').getByLabel('Passed', { exact: true }).all()) await input.check();
  for (const input of await page.locator('bid-scorer').getByLabel(/^3 – Good/).all()) await input.check();
  await field(page, `bids[${mine}].commitments.local-jobs`).fill('2');
  await field(page, `bids[${mine}].commitments.apprenticeships`).fill('40');
  await field(page, `bids[${mine}].commitments.volunteering`).fill('0');
  await page.waitForFunction((i) => document.querySelector('bid-scorer').result?.bids[i]?.status === 'ranked', mine);
  const t = await tenderIn(page);
  assert.equal(t.bids[mine].price, '1050000', 'money typed with commas is read');
  assert.deepEqual(await resultIn(page), engine.evaluate(t));
  await atBothWidths(page, 'journey-supplier-self-assessed');

  // A reload (still offline): everything typed is back, and the same result.
  await page.reload();
  await ready(page);
  assert.deepEqual(await tenderIn(page), t);
  assert.deepEqual(await resultIn(page), engine.evaluate(t));

  // A rival as the supplier imagines it (their own bid, cheaper): the price to win, in words, is
  // the engine's figure for this bid against it.
  await page.locator('bid-scorer [data-action="add-what-if"]').click();
  await field(page, `bids[${mine + 1}].price`).fill('980000');
  await page.waitForFunction((i) => document.querySelector('bid-scorer').result?.ranking?.[0] !== 'your-bid', mine);
  const analysis = engine.analyse(await tenderIn(page), { samples: 0 });
  const p = analysis.priceToWin.find((x) => x.bid === t.bids[mine].id);
  assert.ok(p, 'the engine gives this bid a price to win');
  await page.waitForFunction(() => document.querySelector('bid-scorer').shadowRoot.querySelector('[data-your-price]')?.dataset.outcome);
  const words = page.locator('bid-scorer [data-your-price]');
  assert.equal(p.outcome, 'undercut');
  await page.waitForFunction(() => document.querySelector('bid-scorer').shadowRoot.querySelector('[data-your-price]')?.dataset.outcome === 'undercut');
  if (p.priceToWin) {
    const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(Number(p.priceToWin));
    assert.ok((await words.textContent()).includes(money), await words.textContent());
  }
  assert.ok(local(requests), requests.join('\n'));
  await atBothWidths(page, 'journey-supplier-price-to-win');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the web team: two widgets in the council’s colours under a strict CSP, in a page opened from disk', async () => {
  const engine = await nodeEngine();
  const tender = JSON.parse(await readFile(join(root, 'www/examples/council-wellbeing.json'), 'utf8'));
  const { bids, ...model } = tender;
  const { page, context, errors, requests } = await openFromDisk({
    // The council's colours: the demo's theme sheet, as a web team would copy it.
    'council.css': await readFile(join(root, 'www/embed-theme.css'), 'utf8'),
    'tender.html': `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Tender</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; worker-src blob:">
<link rel="stylesheet" href="council.css"><script src="bid-scorer.js"></script></head>
<body><main><h1>Community wellbeing service</h1>
<bid-scorer id="model" mode="publish"><script type="application/json">${inline(model)}</script></bid-scorer>
<bid-scorer id="panel" mode="evaluate"><script type="application/json">${inline(tender)}</script></bid-scorer>
</main></body></html>`,
  });
  await page.waitForFunction(() => ['#model', '#panel'].every((s) => document.querySelector(s)?.result));
  assert.deepEqual(await resultIn(page, '#panel'), engine.evaluate(tender));
  assert.deepEqual(await resultIn(page, '#model'), engine.evaluate({ ...model, bids: [] }));
  const modelText = await page.locator('#model').evaluate((el) => el.shadowRoot.textContent);
  for (const b of bids) assert.ok(!modelText.includes(b.supplier), `publish mode shows no bid (${b.supplier})`);
  assert.ok(local(requests), requests.join('\n'));
  assert.deepEqual(errors, [], 'no CSP violation or error');
  const font = await page.locator('#panel [data-action="standalone"]').evaluate((el) => getComputedStyle(el).fontFamily);
  assert.ok(font.startsWith('verdana'), `the council's font reaches inside: ${font}`);
  await atBothWidths(page, 'journey-web-team');
  await context.close();
});
