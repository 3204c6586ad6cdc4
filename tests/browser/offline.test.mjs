// Works anywhere: the single-file build dist/bid-scorer.js from a page saved to disk (file://),
// a downloaded standalone copy, under the strictest Content-Security-Policy a host would send, two
// widgets with the script loaded twice, and the ES module in pkg/ still importable by bundlers.
// Also times page load to first result over file:// and shoots the theming before/after.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, writeFile, copyFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { setUp, record, ready, axe, shot, root, nodeEngine, tenderIn, field, resultIn, defaultTenderText } from './support.mjs';
import { lzmaDecode, fromBase64 } from '../../www/src/engine/lzma.js';
import { shortNames } from '../../scripts/build-dist.mjs';
import { catalogue } from '../../www/src/text/messages.js';
import '../../www/src/text/cymraeg.js';

/** The policy from the issue, exactly as a careful council site would send it. */
const ISSUE_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
const DIST = join(root, 'dist/bid-scorer.js');

let env;
let tmp;
before(async () => {
  env = await setUp();
  tmp = await mkdtemp(join(tmpdir(), 'bidscore-offline-'));
});
after(async () => {
  await env?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/**
 * A fresh context and page recording console errors, page errors, every request and CSP
 * violations.
 */
async function open(url, { width = 1280, csp = null, javaScriptEnabled = true } = {}) {
  const context = await env.browser.newContext({
    viewport: { width, height: 900 },
    acceptDownloads: true,
    javaScriptEnabled,
  });
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
  });
  if (csp) {
    // The demo server's own --csp policy is stricter in places; send the issue's exact header.
    await context.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    });
  }
  const page = await context.newPage();
  const { errors, requests } = record(page);
  await page.goto(url);
  return { page, context, errors, requests };
}

/** Waits until every widget on the page has rendered a result. */
function allReady(page) {
  return page.waitForFunction(() =>
    [...document.querySelectorAll('bid-scorer')].every((el) => el.result && el.shadowRoot.querySelector('[data-mode]')),
  );
}

async function downloadOf(page, action, saveTo) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`bid-scorer [data-action="${action}"]`).click(),
  ]);
  const name = download.suggestedFilename();
  const path = saveTo ? join(saveTo, name) : await download.path();
  if (saveTo) await download.saveAs(path);
  return { name, path, text: await readFile(path, 'utf8') };
}

/**
 * Saves the page as Chromium's "Save page as… Webpage, Complete" does: the live DOM serialised to
 * "<title>.html" with a "saved from" comment, and its scripts and stylesheets in "<title>_files/",
 * referenced relatively. Returns the saved page's file URL.
 */
async function savePageAs(page, dir) {
  const title = await page.title();
  const pageUrl = page.url();
  const filesDir = `${title}_files`;
  await mkdir(join(dir, filesDir), { recursive: true });
  const dom = await page.evaluate(() => document.documentElement.outerHTML);
  const saved = [];
  const rewrite = async (whole, before, url, afterText) => {
    const absolute = new URL(url, pageUrl);
    const name = absolute.pathname.split('/').pop();
    const bytes = Buffer.from(await (await fetch(absolute)).arrayBuffer());
    await writeFile(join(dir, filesDir, name), bytes);
    saved.push(name);
    return `${before}./${encodeURIComponent(filesDir)}/${name}${afterText}`;
  };
  let html = dom;
  const scripts = /(<script[^>]*\ssrc=")([^"]+)("[^>]*>)/g;
  const styles = /(<link[^>]*rel="stylesheet"[^>]*\shref=")([^"]+)("[^>]*>)/g;
  for (const re of [scripts, styles]) {
    const parts = [];
    let last = 0;
    for (const m of html.matchAll(re)) {
      parts.push(html.slice(last, m.index), await rewrite(...m));
      last = m.index + m[0].length;
    }
    html = parts.join('') + html.slice(last);
  }
  // Other links become absolute, as the browser writes them.
  html = html.replace(/(<a[^>]*\shref=")([^"#][^"]*)"/g, (w, b, url) => `${b}${new URL(url, pageUrl)}"`);
  const marker = `<!-- saved from url=(${String(pageUrl.length).padStart(4, '0')})${pageUrl} -->`;
  const meta = '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">';
  html = `<!DOCTYPE html>\n${marker}\n${html.replace('<head>', `<head>${meta}`)}`;
  const file = join(dir, `${title}.html`);
  await writeFile(file, html);
  return { url: pathToFileURL(file).href, saved };
}

test('dist/bid-scorer.js is one classic script holding the element, its styles and the engine', async () => {
  const text = await readFile(DIST, 'utf8');
  new vm.Script(text); // a classic script: an import or export statement would not compile
  // The banner first, with no compile hint before it (scripts/build-dist.mjs says why).
  assert.match(text, /^\/\*! bid-scorer /);
  assert.ok(text.includes('customElements') && text.includes('adoptedStyleSheets'), 'the element and its styles');
  // The engine inside (first in the bundle's function, after the text catalogue and the
  // stylesheets in one LZMA stream) is byte for byte the wasm in pkg/, but for its import and
  // export names, which the build shortens (scripts/build-dist.mjs, shortNames).
  const packed = /bidScorerPacked\s*=\s*"([A-Za-z0-9+/=]+)"/.exec(text)[1];
  const catalogueSize = Number(/catalogueSize:\s*(\d+)/.exec(text)[1]);
  const sheets = JSON.parse(/stylesheetSizes:\s*(\[[\d,]*\])/.exec(text)[1]).reduce((a, b) => a + b, 0);
  const size = Number(/wasmSize:\s*(\d+)/.exec(text)[1]);
  const built = shortNames(await readFile(join(root, 'pkg/bidscore_bg.wasm'))).wasm;
  assert.equal(size, built.length);
  const unpacked = lzmaDecode(fromBase64(packed), catalogueSize + sheets + size);
  assert.ok(Buffer.from(unpacked.subarray(catalogueSize + sheets)).equals(built));
});

test('from disk, the first result is rendered in the task that runs DOMContentLoaded, not a later one', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Registered before the bundle's own listener: the timer runs once that task is over.
  await context.addInitScript(() =>
    document.addEventListener('DOMContentLoaded', () =>
      setTimeout(() => {
        const widget = document.querySelector('bid-scorer');
        window.rankedWithParsing = Boolean(widget?.result && widget.shadowRoot.querySelector('[part~="ranking"]'));
      }),
    ),
  );
  const page = await context.newPage();
  const { errors } = record(page);
  await page.goto(pathToFileURL(join(root, 'www/embed-script.html')).href);
  await page.waitForFunction(() => window.rankedWithParsing !== undefined);
  assert.equal(await page.evaluate(() => window.rankedWithParsing), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the one-script pages embed the default tender as in the file, the model only where suppliers see it', async () => {
  const file = await defaultTenderText();
  const { bids, ...model } = JSON.parse(file);
  const pages = [
    ['embed-script.html', ['evaluate']],
    ['embed-theme.html', ['evaluate']],
    ['embed-csp.html', ['publish', 'self-assess']],
  ];
  for (const [name, modes] of pages) {
    const html = await readFile(join(root, 'www', name), 'utf8');
    const found = [...html.matchAll(/<bid-scorer mode="([\w-]+)">\n<script type="application\/json">\n([\s\S]*?)<\/script>/g)];
    assert.deepEqual(
      found.map((m) => m[1]),
      modes,
      name,
    );
    for (const [, mode, text] of found) {
      if (mode === 'evaluate') assert.equal(text, file, `${name}'s inline tender differs from the example file`);
      else assert.deepEqual(JSON.parse(text), model, `${name}'s ${mode} widget holds more than the model`);
    }
  }
});

test('a saved copy of the embedding page works from disk: renders, evaluates, autosaves, restores, exports', async () => {
  // The page as served, with its script, saved as the browser would.
  const served = await open(`${env.url}embed-script.html`);
  await ready(served.page);
  const dir = join(tmp, 'saved');
  const { url, saved } = await savePageAs(served.page, dir);
  await served.context.close();
  assert.deepEqual(saved.sort(), ['bid-scorer.js', 'demo.css']);
  assert.deepEqual((await readdir(dir)).sort(), ['Embed with one script – bidscore.html', 'Embed with one script – bidscore_files']);

  const { page, context, errors, requests } = await open(url);
  await ready(page);
  const engine = await nodeEngine();
  // Renders what the engine gives for the inline tender.
  const tender = JSON.parse(await defaultTenderText());
  assert.deepEqual(await resultIn(page), engine.evaluate(tender));
  const rows = await page
    .locator('bid-scorer [part~="ranking"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.dataset.bid));
  assert.deepEqual(rows.slice(0, engine.evaluate(tender).ranking.length), engine.evaluate(tender).ranking);

  // Evaluates a change.
  await page.locator('bid-scorer details[data-bid-editor="b2"] > summary').click();
  await field(page, 'bids[1].price').fill('900000');
  await page.waitForFunction(() => document.querySelector('bid-scorer').tender.bids[1].price === '900000');
  const changed = await tenderIn(page);
  assert.equal(changed.bids[1].price, '900000');
  assert.deepEqual(await resultIn(page), engine.evaluate(changed));
  assert.notDeepEqual(engine.evaluate(changed), engine.evaluate(tender), 'the change moves the scores');

  // Autosaves in this browser and restores after a reload.
  await page.locator('bid-scorer [data-saved]').filter({ hasText: 'Saved in this browser' }).waitFor();
  await page.reload();
  await ready(page);
  assert.deepEqual(await tenderIn(page), changed);
  assert.match(await page.locator('bid-scorer .banner--success').textContent(), /restored from this browser/);

  // Exports the tender file and the results.
  const json = await downloadOf(page, 'export-json');
  assert.equal(json.name, 'EBC-2026-014-tender.json');
  assert.deepEqual(JSON.parse(json.text), changed);
  const csv = await downloadOf(page, 'export-csv');
  assert.equal(csv.name, 'EBC-2026-014-results.csv');
  for (const b of engine.evaluate(changed).bids) assert.ok(csv.text.includes(`,${b.total},`), `${b.id}'s total`);

  assert.deepEqual(errors, []);
  for (const r of requests) assert.ok(r.startsWith('file:') || r.startsWith('data:') || r.startsWith('blob:'), r);
  await context.close();
});

test('"Download standalone copy" writes one .html that works from disk with the bids and scores in it', async () => {
  const { page, context, errors } = await open(pathToFileURL(join(root, 'www/embed-script.html')).href);
  await ready(page);
  await page.locator('bid-scorer details[data-bid-editor="b1"] > summary').click();
  await field(page, 'bids[0].scores.q-staffing.evaluators.Evaluator 1').fill('4');
  await page.waitForFunction(
    () => String(document.querySelector('bid-scorer').tender.bids[0].scores['q-staffing'].evaluators['Evaluator 1']) === '4',
  );
  const current = await tenderIn(page);
  const dir = join(tmp, 'standalone');
  await mkdir(dir, { recursive: true });
  const copy = await downloadOf(page, 'standalone', dir);
  assert.equal(copy.name, 'EBC-2026-014-standalone.html');
  assert.deepEqual(await readdir(dir), [copy.name], 'one file, nothing beside it');
  assert.deepEqual(errors, []);
  await context.close();

  const engine = await nodeEngine();
  const opened = await open(pathToFileURL(copy.path).href);
  await ready(opened.page);
  assert.deepEqual(await tenderIn(opened.page), current, 'the tender, bids and scores as they were');
  assert.deepEqual(await resultIn(opened.page), engine.evaluate(current));
  assert.equal(await opened.page.locator('bid-scorer').getAttribute('mode'), 'evaluate');
  assert.match(await opened.page.title(), /^Community wellbeing service – standalone copy$/);
  // It evaluates, saves and exports like the original, and can make a copy of itself.
  await opened.page.locator('bid-scorer details[data-bid-editor="b3"] > summary').click();
  await field(opened.page, 'bids[2].price').fill('1000000');
  await opened.page.waitForFunction(() => document.querySelector('bid-scorer').tender.bids[2].price === '1000000');
  assert.deepEqual(await resultIn(opened.page), engine.evaluate(await tenderIn(opened.page)));
  await opened.page.locator('bid-scorer [data-saved]').filter({ hasText: 'Saved in this browser' }).waitFor();
  const again = await downloadOf(opened.page, 'standalone');
  assert.ok(again.text.includes('"price": "1000000"'));
  assert.deepEqual(await axe(opened.page), []);
  await shot(opened.page, 'standalone-1280');
  assert.deepEqual(opened.errors, []);
  // (and the analysis worker, started from a Blob URL of the file's own script)
  for (const r of opened.requests.filter((u) => !u.startsWith('blob:null/'))) {
    assert.equal(r, pathToFileURL(copy.path).href, 'no request but the file itself');
  }
  await opened.context.close();

  // Without scripts (or WebAssembly), the ranking as saved is still there to read.
  const plain = await open(pathToFileURL(copy.path).href, { javaScriptEnabled: false });
  assert.deepEqual(
    await plain.page.evaluate(() => [...document.scripts].map((s) => s.type || 'classic')),
    ['application/json', 'classic'],
    'the tender and the widget, both inline',
  );
  assert.equal(await plain.page.locator('[src], link[href]').count(), 0, 'no reference to any other file');
  const expected = engine.evaluate(current);
  const suppliers = await plain.page.locator('bid-scorer table tbody th').allTextContents();
  const byId = new Map(expected.bids.map((b) => [b.id, b]));
  assert.deepEqual(
    suppliers.slice(0, expected.ranking.length),
    expected.ranking.map((id) => byId.get(id).supplier),
  );
  assert.match(await plain.page.locator('bid-scorer table caption').textContent(), /^Ranking when this copy was saved/);
  await plain.context.close();

  const narrow = await open(pathToFileURL(copy.path).href, { width: 320 });
  await ready(narrow.page);
  const [scroll, client] = await narrow.page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  assert.ok(scroll <= client, `page is ${scroll} px wide in a ${client} px window`);
  await shot(narrow.page, 'standalone-320');
  await narrow.context.close();
});

test('a supplier name or rationale with markup cannot break out of the standalone copy', async () => {
  const { page, context, errors } = await open(pathToFileURL(join(root, 'www/embed-script.html')).href);
  await ready(page);
  const evil = '</script><script>window.pwned = 1</script><!-- Ltd';
  await page.locator('bid-scorer details[data-bid-editor="b1"] > summary').click();
  await field(page, 'bids[0].supplier').fill(evil);
  await page.waitForFunction((s) => document.querySelector('bid-scorer').result.bids[0].supplier === s, evil);
  const copy = await downloadOf(page, 'standalone', join(tmp, 'evil'));
  await context.close();
  const opened = await open(pathToFileURL(copy.path).href);
  await ready(opened.page);
  assert.equal((await tenderIn(opened.page)).bids[0].supplier, evil);
  assert.equal(await opened.page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(opened.errors, []);
  assert.deepEqual(errors, []);
  await opened.context.close();
});

test('under the strict CSP: two widgets, the script loaded twice, zero violations, nothing fetched', async () => {
  const { page, context, errors, requests } = await open(`${env.url}embed-csp.html`, { csp: ISSUE_CSP });
  await allReady(page);
  assert.equal(await page.locator('script[src$="bid-scorer.js"]').count(), 2);
  assert.equal(await page.locator('bid-scorer').count(), 2);
  const engine = await nodeEngine();
  // Both widgets hold the model only: the page suppliers see carries no bids.
  const { bids, ...model } = JSON.parse(await defaultTenderText());
  assert.deepEqual(await resultIn(page, 'bid-scorer[mode="publish"]'), engine.evaluate({ ...model, bids: [] }));
  // The supplier's widget works: a price typed in is scored.
  const supplier = page.locator('bid-scorer[mode="self-assess"]');
  await supplier.locator('[data-path="bids[0].price"]').fill('1010000');
  await page.waitForFunction(
    () => document.querySelector('bid-scorer[mode="self-assess"]').tender.bids[0].price === '1010000',
  );
  const typed = await tenderIn(page, 'bid-scorer[mode="self-assess"]');
  assert.deepEqual(await resultIn(page, 'bid-scorer[mode="self-assess"]'), engine.evaluate(typed));
  // The two widgets are independent: the published model did not change.
  assert.deepEqual(await tenderIn(page, 'bid-scorer[mode="publish"]'), model);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(errors, []);
  const files = new Set(requests.filter((u) => !u.startsWith('data:')).map((u) => new URL(u).pathname));
  for (const u of requests) assert.ok(u.startsWith(env.url) || u.startsWith('data:'), u);
  assert.deepEqual([...files].sort(), ['/dist/bid-scorer.js', '/embed-csp.html', '/demo.css'].sort());
  assert.deepEqual(await axe(page), []);
  await shot(page, 'embed-csp-1280');

  // Each widget's standalone copy holds that widget's tender and mode only.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    supplier.locator('[data-action="standalone"]').click(),
  ]);
  const path = join(tmp, 'self-assess-standalone.html');
  await download.saveAs(path);
  await context.close();
  const opened = await open(pathToFileURL(path).href);
  await ready(opened.page);
  assert.equal(await opened.page.locator('bid-scorer').getAttribute('mode'), 'self-assess');
  assert.deepEqual(await tenderIn(opened.page), typed);
  assert.deepEqual(await resultIn(opened.page), engine.evaluate(typed));
  assert.deepEqual(opened.errors, []);
  await opened.context.close();
});

test('the CSP check is real: without wasm-unsafe-eval the violation is seen and the widget says so', async () => {
  // The stream holding the engine, the text and the styles is decoded by WebAssembly too: each
  // widget says in plain words, in the page's language (marked), what the catalogue says there.
  const pages = [
    ['embed-script.html', 'en-GB'],
    ['cymraeg.html', 'cy'],
  ];
  for (const [name, lang] of pages) {
    const words = catalogue(lang).ui.engineFailed;
    const { page, context, errors } = await open(`${env.url}${name}`, {
      csp: "default-src 'none'; script-src 'self'; style-src 'self'",
    });
    await page.waitForFunction(() => window.cspViolations.length > 0);
    assert.match((await page.evaluate(() => window.cspViolations)).join('\n'), /script-src/);
    const said = await page.waitForFunction(() => {
      const p = document.querySelector('bid-scorer')?.shadowRoot?.querySelector('p');
      return p && [p.lang, p.textContent];
    });
    assert.deepEqual(await said.jsonValue(), [lang, words], name);
    // Why, for the page's developers: the browser's own refusal, reported once (not thrown); the
    // only other error is the policy refusing the page's icon (a data: URL, with no img-src).
    const [refusal, ...others] = errors.filter((e) => !/^Loading the image 'data:,'/.test(e));
    assert.match(refusal, /^CompileError: WebAssembly/);
    assert.deepEqual(others, []);
    assert.deepEqual(await axe(page), [], name);
    await shot(page, `no-wasm-${name.replace('.html', '')}`);
    // Moved in the page, the widget says it once.
    await page.evaluate(() => document.body.append(document.querySelector('bid-scorer')));
    assert.equal(await page.evaluate(() => document.querySelector('bid-scorer').shadowRoot.textContent), words);
    await context.close();
  }
});

test('a browser with no WebAssembly at all (as with Lockdown Mode on an iPhone) gets the same words', async () => {
  const context = await env.browser.newContext({ viewport: { width: 320, height: 900 } });
  await context.addInitScript(() => {
    delete globalThis.WebAssembly;
    window.failures = [];
    document.addEventListener('bid-scorer-error', (e) => window.failures.push(String(e.detail.error)));
  });
  const page = await context.newPage();
  const { errors } = record(page);
  await page.goto(`${env.url}embed-script.html`);
  const said = await page.waitForFunction(() => document.querySelector('bid-scorer')?.shadowRoot?.textContent);
  assert.equal(await said.jsonValue(), catalogue('en-GB').ui.engineFailed);
  // As the element does when its engine cannot load: the page's own content inside it still shown
  // (a slot), the words as an alert, and bid-scorer-error with the cause, once.
  const inside = await page.evaluate(() => {
    const root = document.querySelector('bid-scorer').shadowRoot;
    return [...root.children].map((el) => `${el.localName}${el.getAttribute('role') ? `[${el.getAttribute('role')}]` : ''}`);
  });
  assert.deepEqual(inside, ['slot', 'p[alert]']);
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.match(errors[0], /WebAssembly is not defined/);
  assert.deepEqual(await axe(page), []);
  // Moved in the page, the widget says it once.
  await page.evaluate(() => document.body.append(document.querySelector('bid-scorer')));
  assert.deepEqual(await page.evaluate(() => window.failures), ['ReferenceError: WebAssembly is not defined']);
  await context.close();
});

test('the ES module in pkg/ stays importable for teams building their own interface', async () => {
  const { page, context, errors } = await open(`${env.url}index.html`);
  const tender = JSON.parse(await defaultTenderText());
  const result = await page.evaluate(async (t) => {
    const { default: init, evaluate, version } = await import('/pkg/bidscore.js');
    await init();
    return { result: evaluate(t), version: version() };
  }, tender);
  const engine = await nodeEngine();
  assert.deepEqual(result.result, engine.evaluate(tender));
  assert.equal(result.version, engine.version());
  assert.deepEqual(errors, []);
  await context.close();
});

test('theming: the same widget in a council’s colours through custom properties and parts', async () => {
  for (const width of [1280, 320]) {
    for (const name of ['embed-script', 'embed-theme']) {
      const { page, context, errors } = await open(`${env.url}${name}.html`, { width });
      await ready(page);
      const colour = await page
        .locator('bid-scorer [part~="header"]')
        .evaluate((el) => getComputedStyle(el).borderLeftColor);
      if (name === 'embed-theme') assert.equal(colour, 'rgb(0, 89, 79)', 'the header part takes the council’s teal');
      const button = await page
        .locator('bid-scorer [data-action="standalone"]')
        .evaluate((el) => getComputedStyle(el).fontFamily);
      assert.equal(button.startsWith('verdana'), name === 'embed-theme', 'the font custom property reaches inside');
      assert.deepEqual(await axe(page), [], `${name} at ${width} px`);
      const [scroll, client] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      assert.ok(scroll <= client, `${name}: ${scroll} px wide in a ${client} px window`);
      await shot(page, `${name}-${width}`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});
