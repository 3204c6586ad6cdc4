// Assessment summaries: the HTML document built from each of the engine's debriefs is checked in
// Chromium for content (criteria, how each was assessed, scores, working, explanations, sub-totals,
// totals and the winner's scores, against debriefs() run in Node) and with axe; the evaluate panel
// downloads exactly those documents and the engine's plain text, lists scores without a reason and
// links each to its field; markup in names and reasons stays text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import {
  setUp,
  openPage,
  ready,
  axe,
  root,
  screenshots,
  nodeEngine,
  tenderIn,
  field,
  number,
  money,
  downloadFrom,
} from './support.mjs';
import { debriefHtml } from '../../www/src/evaluate/debrief.js';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

const EXAMPLES = [
  'council-wellbeing',
  'incomplete-bid',
  'award-price-per-quality-point',
  'award-quality-price-ratio',
  'award-fictitious-discount',
];

async function example(name) {
  return JSON.parse(await readFile(`${root}www/examples/${name}.json`, 'utf8'));
}

/** What a loaded summary document holds, read through the DOM. */
function readDocument(page) {
  return page.evaluate(() => {
    const rows = (id) =>
      Object.fromEntries(
        [...document.querySelectorAll(`#table-${id} tbody tr`)].map((tr) => [
          tr.dataset.row,
          [...tr.cells].map((c) => c.textContent),
        ]),
      );
    return {
      lang: document.documentElement.lang,
      title: document.title,
      h1: document.querySelector('h1')?.textContent,
      scripts: document.querySelectorAll('script').length,
      linked: document.querySelectorAll('[src], [href], link, img, iframe, object').length,
      tables: [...document.querySelectorAll('table')].map((t) => ({
        caption: t.caption?.textContent ?? null,
        headScopes: [...t.querySelectorAll('thead th')].map((th) => th.getAttribute('scope')),
        rowScopes: [...t.querySelectorAll('tbody th')].map((th) => th.getAttribute('scope')),
      })),
      totals: rows('totals'),
      criteria: rows('criteria'),
      groups: rows('groups'),
      details: Object.fromEntries(
        [...document.querySelectorAll('section[data-criterion]')].map((s) => [s.dataset.criterion, s.textContent]),
      ),
      status: document.querySelector('[data-status]')?.dataset.status,
      body: document.body.textContent,
    };
  });
}

/** `result`, when the summary was built with it, adds the value's working and band membership. */
function assertDocumentMatches(doc, d, label, result = null) {
  const score = (s) => (s === null ? 'not scored' : d.method === 'fictitious-discount' ? money(s) : number(s));
  const value = (s) => (s === null ? '–' : d.method === 'quality-price-ratio' ? number(s) : money(s));
  assert.equal(doc.lang, 'en-GB', label);
  assert.ok(doc.title.includes(d.supplier), label);
  assert.equal(doc.h1, 'Assessment summary');
  assert.equal(doc.scripts, 0, `${label}: no scripts`);
  assert.equal(doc.linked, 0, `${label}: nothing linked or fetched`);
  for (const t of doc.tables) {
    assert.ok(t.caption, `${label}: every table has a caption`);
    assert.ok(
      t.headScopes.every((s) => s === 'col'),
      label,
    );
    assert.ok(
      t.rowScopes.every((s) => s === 'row'),
      label,
    );
  }
  // Totals: the supplier's and the most advantageous tender's.
  const withValue = d.method !== 'weighted-sum';
  const bid = (id) => result?.bids.find((b) => b.id === id);
  const band = (id) =>
    result?.bids.some((b) => b.inBand) ? [bid(id).rank === null ? '–' : bid(id).inBand ? 'Yes' : 'No'] : [];
  assert.deepEqual(
    doc.totals.own,
    ['Your tender', score(d.total), ...(withValue ? [value(d.value)] : []), ...band(d.bid)],
    label,
  );
  if (withValue && result && bid(d.bid).valueWorking) assert.ok(doc.body.includes(bid(d.bid).valueWorking), label);
  if (d.winner) {
    assert.deepEqual(
      doc.totals.winner,
      [
        `Most advantageous tender (${d.winner.supplier})`,
        score(d.winner.total),
        ...(withValue ? [value(d.winner.value)] : []),
        ...band(d.winner.bid),
      ],
      label,
    );
  } else {
    assert.equal(doc.totals.winner, undefined);
  }
  // Each criterion: maximum, share, the score and the winner's score; how it was assessed, the
  // working and the evaluators' explanation, and the winner's.
  assert.deepEqual(Object.keys(doc.criteria), d.criteria.map((c) => c.id), label);
  for (const c of d.criteria) {
    assert.deepEqual(
      doc.criteria[c.id],
      [
        c.name,
        c.group ?? '',
        score(c.max),
        `${number(c.weightPercent)}%`,
        score(c.score),
        ...(d.winner ? [score(c.winnerScore)] : []),
      ],
      `${label} ${c.id}`,
    );
    const text = doc.details[c.id];
    for (const part of [c.assessed.slice(1), c.working, c.explanation]) {
      assert.ok(text.includes(part), `${label} ${c.id}: "${part}"`);
    }
    if (d.winner) assert.ok(text.includes(c.winnerExplanation), `${label} ${c.id}: winner's explanation`);
  }
  assert.deepEqual(Object.keys(doc.groups), d.groups.map((g) => g.id), label);
  for (const g of d.groups) {
    assert.deepEqual(
      doc.groups[g.id],
      [g.name, score(g.max), score(g.score), ...(d.winner ? [score(g.winnerScore)] : [])],
      `${label} ${g.id}`,
    );
  }
  const status = d.status !== 'ranked' ? d.status : d.winner ? 'ranked' : 'winner';
  assert.equal(doc.status, status, label);
  if (d.status === 'ranked' && d.winner) assert.ok(doc.body.includes(`ranked ${d.rank} of ${d.rankedBids}`));
  for (const r of d.reasons) assert.ok(doc.body.includes(r.slice(1)), `${label}: reason "${r}"`);
}

test('every summary of every example: content equals the engine’s debriefs, axe is clean', async () => {
  const engine = await nodeEngine();
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  let checked = 0;
  const methods = new Set();
  const statuses = new Set();
  for (const name of EXAMPLES) {
    const tender = await example(name);
    const result = engine.evaluate(tender);
    for (const d of engine.debriefs(tender)) {
      const html = debriefHtml(d, { award: tender.award, currency: 'GBP', result });
      await page.setContent(html);
      const doc = await readDocument(page);
      assertDocumentMatches(doc, d, `${name} ${d.bid}`, result);
      assert.deepEqual(await axe(page), [], `${name} ${d.bid}`);
      checked += 1;
      methods.add(d.method);
      statuses.add(d.status === 'ranked' && !d.winner ? 'winner' : d.status);
    }
  }
  assert.equal(checked, 4 + 5 + 4 + 4 + 3, "one summary per bid of each example");
  assert.equal(methods.size, 4, 'every award method');
  assert.deepEqual([...statuses].sort(), ['disqualified', 'incomplete', 'ranked', 'winner']);
  assert.deepEqual(requests, [], 'a summary fetches nothing');
  await context.close();
});


/** Writes a downloaded summary where a browser can open it from disk, as a supplier would. */
async function saved(name, text) {
  await mkdir(screenshots, { recursive: true });
  const path = `${screenshots}${name}`;
  await writeFile(path, text);
  return `file://${path}`;
}

test('evaluate: the summaries panel downloads the engine’s summaries as HTML and as text', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await page.locator('bid-scorer [data-summary]').first().waitFor();
  const engine = await nodeEngine();
  const tender = await tenderIn(page);
  const debriefs = engine.debriefs(tender);
  const listed = await page.locator('bid-scorer [data-summary]').evaluateAll((els) => els.map((e) => e.dataset.summary));
  // In rank order (the engine's ranking), then the bids not ranked in file order; not file order.
  const { ranking } = engine.evaluate(tender);
  const others = debriefs.map((d) => d.bid).filter((id) => !ranking.includes(id));
  assert.deepEqual(listed, [...ranking, ...others]);
  assert.notDeepEqual(ranking, tender.bids.map((b) => b.id).filter((id) => ranking.includes(id)), 'the file is not in rank order');
  assert.equal(await page.locator('bid-scorer [data-missing-rationales]').textContent(), 'Every score has a recorded reason.');
  assert.deepEqual(await axe(page), [], 'the panel');

  // b4 is disqualified: its summary says why and gives the winner's scores alongside.
  const d = debriefs.find((x) => x.bid === 'b4');
  const html = await downloadFrom(page, 'bid-scorer [data-action="summary-html"][data-bid="b4"]');
  assert.equal(html.name, 'EBC-2026-014-summary-Budget-Support-Services-Ltd.html');
  assert.equal(html.text, debriefHtml(d, { award: tender.award, currency: 'GBP', result: engine.evaluate(tender) }));
  const text = await downloadFrom(page, 'bid-scorer [data-action="summary-text"][data-bid="b3"]');
  assert.equal(text.name, 'EBC-2026-014-summary-Wellbeing-Together-a-charity.txt');
  assert.equal(text.text, debriefs.find((x) => x.bid === 'b3').text);

  // The downloaded file opens on its own from disk.
  const doc = await context.newPage();
  await doc.goto(await saved('summary-b4.html', html.text));
  assertDocumentMatches(await readDocument(doc), d, 'downloaded b4', engine.evaluate(tender));
  assert.deepEqual(await axe(doc), []);
  assert.deepEqual(errors, []);
  await context.close();
});

/** The engine's summaries in the order the panel lists them: ranked bids first, then the others. */
function inRankOrder(engine, tender) {
  const { ranking } = engine.evaluate(tender);
  const at = (id) => (ranking.includes(id) ? ranking.indexOf(id) : ranking.length);
  return engine.debriefs(tender).sort((a, b) => at(a.bid) - at(b.bid));
}

test('scores without a reason are listed, each linked to its field; adding the reason updates the summary', async () => {
  const { page, context, errors } = await openPage(env, 'award.html?example=award-price-per-quality-point&mode=evaluate');
  await ready(page);
  const engine = await nodeEngine();
  const before = inRankOrder(engine, await tenderIn(page));
  const missing = before.reduce((n, d) => n + d.missingRationales.length, 0);
  assert.ok(missing > 1);
  const panel = page.locator('bid-scorer [data-missing-rationales]');
  await panel.waitFor();
  assert.equal(await panel.getAttribute('data-missing-rationales'), String(missing));
  assert.match(await panel.textContent(), new RegExp(`No reason is recorded for ${missing} scores`));
  assert.match(await panel.textContent(), /common ground for challenge/);
  const links = await page
    .locator('bid-scorer [data-rationale-path]')
    .evaluateAll((as) => as.map((a) => a.dataset.rationalePath));
  const tender = await tenderIn(page);
  assert.deepEqual(
    links,
    before.flatMap((d) =>
      d.missingRationales.map((id) => `bids[${tender.bids.findIndex((b) => b.id === d.bid)}].scores.${id}.rationale`),
    ),
  );

  // The first link opens g1's card and puts focus on the rationale for its method statement.
  await page.locator('bid-scorer [data-rationale-path="bids[0].scores.q-method.rationale"]').click();
  const focused = await page.evaluate(() => {
    const el = document.querySelector('bid-scorer').shadowRoot.activeElement;
    return [el?.tagName, el?.dataset.path];
  });
  assert.deepEqual(focused, ['TEXTAREA', 'bids[0].scores.q-method.rationale']);
  const reason = 'Clear seasonal plan & <b>strong</b> evidence';
  await page.keyboard.type(reason);
  await page.waitForFunction(
    (n) =>
      document.querySelector('bid-scorer').shadowRoot.querySelector('[data-missing-rationales]')?.dataset
        .missingRationales === String(n),
    missing - 1,
  );
  assert.equal(
    await page.locator('bid-scorer [data-rationale-path="bids[0].scores.q-method.rationale"]').count(),
    0,
  );
  const after = engine.debriefs(await tenderIn(page)).find((d) => d.bid === 'g1');
  assert.equal(after.criteria.find((c) => c.id === 'q-method').explanation, reason);
  const html = await downloadFrom(page, 'bid-scorer [data-action="summary-html"][data-bid="g1"]');
  assert.ok(html.text.includes('Clear seasonal plan &amp; &lt;b&gt;strong&lt;/b&gt; evidence'));
  const text = await downloadFrom(page, 'bid-scorer [data-action="summary-text"][data-bid="g1"]');
  assert.equal(text.text, after.text);
  assert.ok(text.text.includes(reason));
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('markup in a supplier’s name and a rationale stays text, in the panel and in the summary', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await page.locator('bid-scorer details[data-bid-editor="b1"] > summary').click();
  const name = 'Northside <img src=x onerror="window.pwned=1"> CIC';
  const reason = '<script>window.pwned=2</script>Strong plan';
  await field(page, 'bids[0].supplier').fill(name);
  await field(page, 'bids[0].scores.q-delivery.rationale').fill(reason);
  const item = page.locator('bid-scorer [data-summary="b1"] h4');
  await page.waitForFunction(
    (n) => document.querySelector('bid-scorer').shadowRoot.querySelector('[data-summary="b1"] h4')?.textContent === n,
    name,
  );
  assert.equal(await item.textContent(), name);
  assert.equal(await page.locator('bid-scorer [data-summaries] img').count(), 0);

  const html = await downloadFrom(page, 'bid-scorer [data-action="summary-html"][data-bid="b1"]');
  assert.ok(!html.text.includes('<img'), 'no img element in the file');
  assert.ok(!html.text.includes('<script'), 'no script element in the file');
  const doc = await context.newPage();
  await doc.goto(await saved('summary-markup.html', html.text));
  const shown = await doc.evaluate(() => ({
    imgs: document.images.length,
    scripts: document.scripts.length,
    pwned: window.pwned ?? null,
    supplier: document.querySelector('dl.about dd')?.textContent,
    reason: document.querySelector('section[data-criterion="q-delivery"]')?.textContent,
  }));
  assert.deepEqual(
    { imgs: shown.imgs, scripts: shown.scripts, pwned: shown.pwned, supplier: shown.supplier },
    { imgs: 0, scripts: 0, pwned: null, supplier: name },
  );
  assert.ok(shown.reason.includes(reason));
  assert.equal(await page.evaluate(() => window.pwned ?? null), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a summary at 1280 px and 320 px (screenshots, no overflow, axe) and printed on A4', async () => {
  const engine = await nodeEngine();
  const tender = await example('award-quality-price-ratio');
  const result = engine.evaluate(tender);
  const d = engine.debriefs(tender).find((x) => x.bid === 's3');
  const html = debriefHtml(d, { award: tender.award, currency: 'GBP', result });
  assert.match(html, /<th scope="col">In the band<\/th>/);
  const url = await saved('summary-s3.html', html);
  for (const width of [1280, 320]) {
    const context = await env.browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    assert.ok(scroll <= client, `summary is ${scroll} px wide in a ${client} px window`);
    assert.deepEqual(await axe(page), [], `${width} px`);
    await page.screenshot({ path: `${screenshots}summary-${width}.png`, fullPage: true });
    if (width === 1280) {
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ path: `${screenshots}summary-print.pdf`, preferCSSPageSize: true });
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    }
    await context.close();
  }
});

test('with more than ten bids lacking reasons, each bid’s list opens on demand; axe is clean', async () => {
  const { page, context, errors } = await openPage(env, 'award.html?example=award-price-per-quality-point&mode=evaluate');
  await ready(page);
  const tender = await example('award-price-per-quality-point');
  const many = { ...tender, bids: [] };
  for (let i = 0; i < 12; i += 1) many.bids.push({ ...tender.bids[i % 3], id: `m${i}`, supplier: `Supplier ${i + 1}` });
  await page.locator('bid-scorer').evaluate((el, t) => {
    el.tender = t;
  }, many);
  const engine = await nodeEngine();
  const missing = engine.debriefs(many).reduce((n, d) => n + d.missingRationales.length, 0);
  const panel = page.locator('bid-scorer [data-missing-rationales]');
  await page.waitForFunction(
    (n) =>
      document.querySelector('bid-scorer').shadowRoot.querySelector('[data-missing-rationales]')?.dataset
        .missingRationales === String(n),
    missing,
  );
  assert.equal(await panel.locator('details').count(), 12);
  // The twelfth list is the last bid in rank order.
  const lastBid = inRankOrder(engine, many).at(-1).bid;
  const last = many.bids.findIndex((b) => b.id === lastBid);
  assert.equal(await panel.locator('a').count(), 0, 'nothing built until opened');
  await panel.locator('details > summary').nth(11).click();
  // The list is built when the details element reports it opened (its toggle event comes a moment
  // after the click).
  await panel.locator('details').nth(11).locator('a').first().waitFor();
  assert.deepEqual(
    await panel.locator('details').nth(11).locator('a').evaluateAll((as) => as.map((a) => a.dataset.rationalePath)),
    ['q-method', 'q-team', 'sv-plan'].map((id) => `bids[${last}].scores.${id}.rationale`),
  );
  await panel.locator('details').nth(11).locator('a').last().click();
  const focused = await page.evaluate(() => document.querySelector('bid-scorer').shadowRoot.activeElement?.dataset.path);
  assert.equal(focused, `bids[${last}].scores.sv-plan.rationale`);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
