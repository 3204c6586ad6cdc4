// Nothing fetched, nothing leaked. The one-file build carries its analysis worker inside it: from
// file:// and under a policy that allows blob: workers it starts that worker from a Blob URL, under
// the strict Content-Security-Policy it works on the page, and a planted worker file (the ES module
// worker's analysis/worker.js, or an analysis-worker.js) next to the page is never requested.
// Publish mode (what suppliers see) shows, prints and downloads no bid.
// CSV cells that a spreadsheet would run are defused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, writeFile, copyFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setUp, record, ready, axe, root, nodeEngine, tenderIn, defaultTenderText } from './support.mjs';
import { formatter } from '../../www/src/text/format.js';
import { field } from '../../www/src/storage/io.js';

const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
const fmt = formatter('en-GB');
// A worker a stranger left next to the page: it would take every price and answer with its own.
const PLANTED = `self.planted = true;
postMessage({ kind: 'ready' });
onmessage = ({ data }) => {
  if (data && data.id) postMessage({ id: data.id, kind: 'error', error: { name: 'Error', message: 'PLANTED WORKER RAN' } });
};
`;

let env;
let tmp;
before(async () => {
  env = await setUp();
  tmp = await mkdtemp(join(tmpdir(), 'bidscore-leaks-'));
});
after(async () => {
  await env?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/**
 * A context and page recording every request the page and its workers make (a dedicated worker's
 * own requests are seen at the context), console errors and policy violations.
 */
async function open(url, { csp = null, metaCsp = null } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const all = [];
  context.on('request', (r) => all.push(r.url()));
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
  });
  // Whatever the page asks for by the worker's name gets the planted worker.
  for (const name of ['**/analysis-worker.js', '**/analysis/worker.js']) {
    await context.route(name, (route) => route.fulfill({ contentType: 'text/javascript', body: PLANTED }));
  }
  if (csp || metaCsp) {
    await context.route('**/*.html', async (route) => {
      const response = await route.fetch();
      let body = await response.text();
      if (metaCsp) body = body.replace('<head>', `<head>\n<meta http-equiv="Content-Security-Policy" content="${metaCsp}">`);
      const headers = { ...response.headers() };
      if (csp) headers['content-security-policy'] = csp;
      await route.fulfill({ response, body, headers });
    });
  }
  const page = await context.newPage();
  const { errors } = record(page);
  await page.goto(url);
  return { page, context, errors, all };
}

/** Waits for the analysis, runs rank acceptability and checks it against the engine in Node. */
async function analyseAndRank(page, samples = 2000) {
  await ready(page);
  await page.waitForSelector('bid-scorer [part~="analysis"][data-analysis-state="ready"]', { timeout: 60000 });
  await page.locator('bid-scorer [data-option="samples"]').fill(String(samples));
  await page.locator('bid-scorer [data-action="run-acceptability"]').click();
  await page.locator('bid-scorer [part~="rank-acceptability"][data-complete]').waitFor({ timeout: 60000 });
  const engine = await nodeEngine();
  const tender = await tenderIn(page);
  const acc = engine.analyse(tender, { samples, seed: 1 }).rankAcceptability;
  const order = new Map(engine.evaluate(tender).ranking.map((id, i) => [id, i]));
  const expected = [...acc.bids]
    .sort((x, y) => order.get(x.bid) - order.get(y.bid))
    .map((b) => [b.bid, b.supplier, ...b.ranks.map((x) => fmt.percent(x, 2))]);
  const shown = await page
    .locator('bid-scorer [part~="rank-acceptability"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [tr.dataset.bid, ...[...tr.children].map((c) => c.textContent)]));
  assert.deepEqual(shown, expected);
  // The price to win table is the engine's too, not a planted worker's.
  const ptw = engine.analyse(tender, { samples: 0 }).priceToWin;
  assert.equal(await page.locator('bid-scorer [part~="price-to-win"] tbody tr[data-bid]').count(), ptw.length);
  const text = await page.locator('bid-scorer').evaluate((el) => el.shadowRoot.textContent);
  assert.ok(!text.includes('PLANTED'), 'nothing from a planted worker is shown');
}

const noWorkerFile = (all) => all.filter((u) => /analysis-worker|analysis\/worker/.test(u));

test('one-file build from file://: the analysis worker starts from its own text; a planted analysis-worker.js is never requested', async () => {
  const dir = join(tmp, 'site');
  await mkdir(join(dir, 'www', 'src', 'analysis'), { recursive: true });
  await mkdir(join(dir, 'dist'), { recursive: true });
  await copyFile(join(root, 'www/embed-script.html'), join(dir, 'www/embed-script.html'));
  await copyFile(join(root, 'www/demo.css'), join(dir, 'www/demo.css'));
  await copyFile(join(root, 'dist/bid-scorer.js'), join(dir, 'dist/bid-scorer.js'));
  for (const p of ['www/analysis-worker.js', 'www/src/analysis/worker.js', 'dist/analysis-worker.js']) {
    await writeFile(join(dir, p), PLANTED);
  }
  const pageUrl = pathToFileURL(join(dir, 'www/embed-script.html')).href;
  const { page, context, errors, all } = await open(pageUrl);
  await analyseAndRank(page);
  assert.deepEqual(noWorkerFile(all), [], 'no worker file requested');
  const files = all.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(
    [...new Set(files)].sort(),
    [pageUrl, pathToFileURL(join(dir, 'www/demo.css')).href, pathToFileURL(join(dir, 'dist/bid-scorer.js')).href].sort(),
  );
  const workers = page.workers().map((w) => w.url());
  assert.ok(workers.length >= 1 && workers.every((u) => u.startsWith('blob:')), `workers: ${workers}`);
  assert.equal(await page.locator('bid-scorer [data-where]').isHidden(), true, 'it ran in the worker');
  assert.deepEqual(errors, []);
  await context.close();
});

test('one-file build under the strict CSP: analyses run on the page, with no violation, no console error, nothing fetched', async () => {
  const { page, context, errors, all } = await open(`${env.url}embed-script.html`, { csp: STRICT_CSP });
  await analyseAndRank(page);
  assert.equal(await page.locator('bid-scorer [data-where]').isVisible(), true, 'says the work is done in the page');
  assert.deepEqual(page.workers(), []);
  assert.deepEqual(noWorkerFile(all), []);
  assert.deepEqual(
    [...new Set(all.map((u) => new URL(u).pathname))].sort(),
    ['/demo.css', '/dist/bid-scorer.js', '/embed-script.html'],
  );
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('one-file build on a page whose own policy allows blob: workers: the worker runs, nothing else is fetched', async () => {
  const { page, context, errors, all } = await open(`${env.url}embed-script.html`, { metaCsp: 'worker-src blob:' });
  await analyseAndRank(page);
  assert.ok(page.workers().length >= 1 && page.workers().every((w) => w.url().startsWith('blob:')));
  assert.equal(await page.locator('bid-scorer [data-where]').isHidden(), true);
  assert.deepEqual(noWorkerFile(all), []);
  const fetched = all.filter((u) => !u.startsWith('blob:'));
  assert.deepEqual(
    [...new Set(fetched.map((u) => new URL(u).pathname))].sort(),
    ['/demo.css', '/dist/bid-scorer.js', '/embed-script.html'],
  );
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('one-file build over http with no policy to read: nothing is requested from the page’s folder', async () => {
  const { page, context, errors, all } = await open(`${env.url}embed-script.html`);
  await analyseAndRank(page);
  assert.deepEqual(noWorkerFile(all), []);
  assert.deepEqual(
    [...new Set(all.filter((u) => !u.startsWith('blob:')).map((u) => new URL(u).pathname))].sort(),
    ['/demo.css', '/dist/bid-scorer.js', '/embed-script.html'],
  );
  assert.deepEqual(errors, []);
  await context.close();
});

// ------------------------------------------------------------------ publish mode ---------------

/** The example tender with every bid's supplier, rationale, evaluator and price made unmistakable. */
async function markedTender() {
  const t = JSON.parse(await defaultTenderText());
  const markers = [];
  t.bids.forEach((b, i) => {
    b.supplier = `SUPPLIERMARK${i}`;
    b.price = `10876${i}4.37`;
    markers.push(b.supplier, b.price, fmt.money(b.price), `BIDIDMARK${i}`);
    b.id = `BIDIDMARK${i}`;
    for (const [crit, s] of Object.entries(b.scores ?? {})) {
      s.rationale = `RATIONALEMARK${i}${crit}`;
      markers.push(s.rationale);
      s.evaluators = Object.fromEntries(Object.values(s.evaluators ?? {}).map((v, k) => [`EVALMARK${k}`, v]));
    }
  });
  markers.push('EVALMARK0', 'EVALMARK1');
  return { tender: t, markers };
}

function leaked(text, markers) {
  return markers.filter((m) => text.includes(m));
}

test('publish mode shows, prints and downloads no bid: no supplier, price, rationale or evaluator anywhere', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const { errors } = record(page);
  await page.goto(`${env.url}publish.html`);
  await ready(page);
  const { tender, markers } = await markedTender();
  await page.locator('bid-scorer').evaluate((el, t) => {
    el.tender = t;
  }, tender);
  await page.waitForFunction(
    () => document.querySelector('bid-scorer').shadowRoot.querySelector('[part~="publish"]') !== null,
  );
  await page.locator('bid-scorer [part~="criteria"]').waitFor();
  const dom = () => page.locator('bid-scorer').evaluate((el) => el.shadowRoot.innerHTML);
  assert.deepEqual(leaked(await dom(), markers), [], 'the widget shows no bid');
  assert.equal(await page.locator('bid-scorer [part~="analysis"]').count(), 0, 'no analysis over bids');
  // The page that gave the tender still gets it back whole.
  assert.deepEqual(await tenderIn(page), tender);

  const downloads = [];
  for (const action of ['export-json', 'export-ocds', 'standalone']) {
    if ((await page.locator(`bid-scorer [data-action="${action}"]`).count()) === 0) continue;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`bid-scorer [data-action="${action}"]`).click(),
    ]);
    const text = await readFile(await download.path(), 'utf8');
    downloads.push(action);
    assert.deepEqual(leaked(text, markers), [], `${action} holds no bid`);
    if (action === 'export-json') {
      const model = JSON.parse(text);
      assert.equal(model.bids, undefined, 'the model only');
      const { bids, ...expected } = tender;
      assert.deepEqual(model, expected);
    }
  }
  assert.ok(downloads.includes('export-json') && downloads.includes('export-ocds'), `downloads: ${downloads}`);

  // Print: what the printer gets is the widget as printed.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(leaked(await dom(), markers), [], 'the print holds no bid');
  const pdf = await page.evaluate(() => document.querySelector('bid-scorer').shadowRoot.textContent);
  assert.deepEqual(leaked(pdf, markers), []);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

// ------------------------------------------------------------------ CSV ----------------------------

test('CSV cells a spreadsheet would run are defused; plain numbers stay numbers', () => {
  const cases = [
    ['-12.5', '-12.5'],
    ['1080000.00', '1080000.00'],
    ['12', '12'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+44 20', "'+44 20"],
    ['-2+3', "'-2+3"],
    ['-1,cmd', `"'-1,cmd"`],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['-', "'-"],
    ['Northside - CIC', 'Northside - CIC'],
    ['£1,080,000.00', '"£1,080,000.00"'],
  ];
  for (const [input, expected] of cases) assert.equal(field(input), expected, JSON.stringify(input));
});

test('the results CSV defuses criterion names and suppliers from the tender, headers included', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const { errors } = record(page);
  await page.goto(`${env.url}evaluate.html`);
  await ready(page);
  const t = JSON.parse(await defaultTenderText());
  t.criteria.find((c) => c.id === 'price').name = '=cmd|" /C calc"!A0';
  t.bids[0].supplier = '@SUM(1+1)*cmd|" /C calc"!A0';
  t.bids[1].supplier = '+HYPERLINK("http://example.invalid")';
  await page.locator('bid-scorer').evaluate((el, tender) => {
    el.tender = tender;
  }, t);
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids[0].supplier.startsWith('@'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('bid-scorer [data-action="export-csv"]').click(),
  ]);
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  // Every field, unquoted: none starts with a formula character unless it is a plain number.
  const fields = [];
  const re = /("((?:[^"]|"")*)"|[^,\r\n]*)(,|\r\n|$)/g;
  for (const m of text.matchAll(re)) {
    if (m[0] === '') break;
    fields.push(m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1]);
  }
  const risky = fields.filter((f) => /^[=+\-@\t\r]/.test(f) && !/^-?\d+(\.\d+)?$/.test(f));
  assert.deepEqual(risky, []);
  assert.ok(fields.includes(`'=cmd|" /C calc"!A0`), 'the header is defused');
  assert.ok(fields.includes(`'@SUM(1+1)*cmd|" /C calc"!A0`));
  assert.ok(fields.includes(`'+HYPERLINK("http://example.invalid")`));
  assert.deepEqual(errors, []);
  await context.close();
});

// ------------------------------------------------------------------ prototype keys ---------------

// Criterion, scale, measure, bid and evaluator ids a plain object would take for its prototype.
const PROTO_TENDER = String.raw`{
  "format": "bidscore/1",
  "tender": { "title": "Keys", "buyer": "Council", "reference": "PROTO-1", "currency": "GBP", "locale": "en-GB" },
  "scales": { "__proto__": { "points": [ { "value": 0 }, { "value": 1 }, { "value": 2 }, { "value": 3 }, { "value": 4 }, { "value": 5 } ] } },
  "measures": [
    { "id": "__proto__", "name": "Jobs", "unit": "FTE", "proxy": "100" },
    { "id": "constructor", "name": "Weeks", "unit": "week", "proxy": "10" }
  ],
  "criteria": [
    { "id": "prototype", "kind": "pass-fail", "name": "Insurance" },
    { "id": "price", "kind": "price", "name": "Price", "weight": 40 },
    { "id": "__proto__", "kind": "scored", "name": "Delivery", "weight": 30, "scale": "__proto__" },
    { "id": "constructor", "kind": "scored", "name": "Staffing", "weight": 20, "scale": "__proto__" },
    { "id": "sv", "kind": "measures", "name": "Social value", "weight": 10, "measures": ["__proto__", "constructor"] }
  ],
  "bids": [
    { "id": "__proto__", "supplier": "A", "price": "100",
      "gates": { "prototype": true },
      "scores": { "__proto__": { "evaluators": { "__proto__": 3, "constructor": 4, "prototype": 5 } }, "constructor": { "moderated": 2 } },
      "commitments": { "__proto__": "1", "constructor": "2" } },
    { "id": "constructor", "supplier": "B", "price": "120",
      "gates": { "prototype": true },
      "scores": { "__proto__": { "moderated": 4 }, "constructor": { "evaluators": { "prototype": 1, "constructor": 2 } } },
      "commitments": { "__proto__": "2" } },
    { "id": "prototype", "supplier": "C", "price": "90" }
  ]
}`;
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Opens every bid editor, then types into every field of the widget, as a user would. */
async function typeEverywhere(page) {
  await page.locator('bid-scorer').first().evaluate((el) => {
    for (const d of el.shadowRoot.querySelectorAll('details')) d.open = true;
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  return page.locator('bid-scorer').first().evaluate((el) => {
    const root = el.shadowRoot;
    let typed = 0;
    const fire = (c) => {
      c.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      c.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    };
    // Scores, prices, rationales, commitments, evaluators' marks: every text field.
    for (const c of root.querySelectorAll('input[data-path], textarea[data-path]')) {
      if (!c.isConnected || c.type === 'file' || c.type === 'radio' || c.type === 'checkbox' || c.readOnly) continue;
      if (/\.id$|^criteria|^measures|^scales|^tender\./.test(c.dataset.path)) continue; // the model's own ids
      c.value = c.tagName === 'TEXTAREA' ? 'typed reason' : '3';
      fire(c);
      typed += 1;
    }
    for (const c of root.querySelectorAll('select[data-path]')) {
      if (!c.isConnected || c.options.length < 2) continue;
      c.selectedIndex = c.options.length - 1;
      fire(c);
      typed += 1;
    }
    for (const c of root.querySelectorAll('input[type="checkbox"][data-path], input[type="radio"][data-path]')) {
      if (!c.isConnected) continue;
      c.click();
      typed += 1;
    }
    return typed;
  });
}

const prototypeNow = (page) =>
  page.evaluate((keys) => {
    const plain = {};
    return {
      own: Object.getOwnPropertyNames(Object.prototype).sort(),
      // Keys Object.prototype does not have of its own: none may appear on a plain object.
      seen: ['moderated', 'rationale', 'evaluators', 'price', 'value', 'prototype', '3'].filter(
        (k) => Object.hasOwn(Object.prototype, k) || plain[k] !== undefined,
      ),
      // The two it does have are still the built-in ones.
      builtIns: Object.prototype.constructor === Object && Object.getPrototypeOf(Object.prototype) === null,
      proto: Object.getPrototypeOf(plain) === Object.prototype && keys.length === 3,
    };
  }, PROTO_KEYS);

// The engine refuses these ids (reserved-id), so evaluate mode shows that error rather than a form
// to type into; self-assess and design keep their forms open on a refused tender.
for (const mode of ['self-assess', 'design']) {
  test(`${mode}: typing under ids "__proto__", "constructor" and "prototype" never touches Object.prototype`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const { errors } = record(page);
    await page.goto(`${env.url}evaluate.html`);
    await ready(page);
    const before = await prototypeNow(page);
    await page.locator('bid-scorer').first().evaluate(
      (el, [text, m]) => {
        el.tender = JSON.parse(text);
        el.setAttribute('mode', m);
      },
      [PROTO_TENDER, mode],
    );
    await page.waitForFunction(
      (m) => document.querySelector('bid-scorer').shadowRoot.querySelector(`[data-mode="${m}"], [data-design]`) !== null,
      mode,
    );
    if (mode === 'evaluate') {
      await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids.length === 3);
    }
    let typed = 0;
    for (let round = 0; round < 2; round += 1) typed += await typeEverywhere(page);
    assert.ok(typed > 10, `typed into ${typed} fields`);
    const now = await prototypeNow(page);
    assert.deepEqual(now, before, 'Object.prototype unchanged');
    assert.deepEqual(now.seen, []);
    // What was typed went into the tender, under those ids.
    const tender = await page.locator('bid-scorer').first().evaluate((el) => JSON.stringify(el.tender));
    assert.ok(tender.includes('"__proto__"'), 'the ids are kept as ordinary keys');
    assert.deepEqual(errors, []);
    await context.close();
  });
}
