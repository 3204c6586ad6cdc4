// The public surface: define(), the tender/result properties, evaluate(), the mode and src
// attributes, and the three events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, nodeEngine, defaultTenderText } from './support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

test('properties, evaluate(), mode, src and events', async () => {
  const { page, context, errors, requests } = await openPage(env, 'index.html');
  const text = await defaultTenderText();
  const engine = await nodeEngine();
  const expected = engine.evaluate(text);

  const out = await page.evaluate(async (file) => {
    const { BidScorer } = await import('./src/element/define.js');
    // Defining twice (or under the same tag again) is harmless.
    const again = BidScorer.define();
    const seen = [];
    const el = document.createElement('bid-scorer');
    for (const type of ['bid-scorer-evaluated', 'bid-scorer-change', 'bid-scorer-error']) {
      document.body.addEventListener(type, (e) => seen.push({ type, composed: e.composed, detail: e.detail }));
    }
    el.tender = JSON.parse(file);
    document.body.append(el);
    const result = await el.evaluate();
    const mode = el.mode;
    const defaultTitle = el.shadowRoot.querySelector('h2').textContent;

    // Without bids the default mode is publish.
    const model = JSON.parse(file);
    model.bids = [];
    const empty = document.createElement('bid-scorer');
    document.body.append(empty);
    empty.tender = model;
    await empty.evaluate();
    const emptyMode = empty.mode;

    // Switching mode re-renders.
    el.setAttribute('mode', 'self-assess');
    const selfAssessIds = el.tender.bids.map((b) => b.id);
    const selfAssessShown = el.shadowRoot.querySelector('[data-mode]')?.dataset.mode;

    // Typing fires bid-scorer-change; bad input fires bid-scorer-error with the engine's errors.
    seen.length = 0;
    const price = el.shadowRoot.querySelector('[data-path="bids[0].price"]');
    price.value = 'abc';
    price.dispatchEvent(new Event('input', { bubbles: true }));
    const events = seen.map((e) => e.type);
    const error = seen.find((e) => e.type === 'bid-scorer-error');
    const change = seen.find((e) => e.type === 'bid-scorer-change');
    let thrown = null;
    try {
      await el.evaluate();
    } catch (e) {
      thrown = { name: e.name, code: e.code, path: e.path, isError: e instanceof Error };
    }

    // src on http loads the file.
    const fromSrc = document.createElement('bid-scorer');
    const loaded = new Promise((ok) => fromSrc.addEventListener('bid-scorer-evaluated', ok, { once: true }));
    fromSrc.setAttribute('src', 'examples/council-wellbeing.json');
    document.body.append(fromSrc);
    await loaded;
    return {
      same: again === BidScorer,
      result,
      readOnly: Object.getOwnPropertyDescriptor(BidScorer.prototype, 'result').set === undefined,
      mode,
      defaultTitle,
      emptyMode,
      selfAssessIds,
      selfAssessShown,
      events,
      errorCodes: error?.detail.errors.map((x) => [x.code, x.path]),
      composed: error?.composed,
      changePrice: change?.detail.bids[0].price,
      thrown,
      srcResult: fromSrc.result,
    };
  }, text);

  assert.equal(out.same, true);
  assert.deepEqual(out.result, expected);
  assert.equal(out.readOnly, true);
  assert.equal(out.mode, 'evaluate');
  assert.equal(out.defaultTitle, 'Community wellbeing service');
  assert.equal(out.emptyMode, 'publish');
  assert.deepEqual(out.selfAssessIds, ['your-bid']);
  assert.equal(out.selfAssessShown, 'self-assess', 'the shadow root is rebuilt for the new mode');
  assert.deepEqual(out.events, ['bid-scorer-error', 'bid-scorer-change']);
  assert.deepEqual(out.errorCodes, [['invalid-number', 'bids[0].price']]);
  assert.equal(out.composed, true);
  assert.equal(out.changePrice, 'abc');
  assert.deepEqual(out.thrown, { name: 'BidScoreError', code: 'invalid-number', path: 'bids[0].price', isError: true });
  assert.deepEqual(out.srcResult, expected);
  assert.ok(requests.some((u) => u.endsWith('/examples/council-wellbeing.json')));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a src that is not http(s) is never fetched, and the widget says there is no tender', async () => {
  const { page, context } = await openPage(env, 'index.html');
  // The browser reports no request events for data: URLs, so watch fetch itself.
  const { message, fetched } = await page.evaluate(async () => {
    const fetched = [];
    const real = window.fetch;
    window.fetch = (input, init) => {
      fetched.push(String(input?.url ?? input));
      return real(input, init);
    };
    await import('./src/element/define.js');
    const el = document.createElement('bid-scorer');
    const failed = new Promise((ok) => el.addEventListener('bid-scorer-error', ok, { once: true }));
    el.setAttribute('src', 'data:application/json,{}');
    document.body.append(el);
    await failed;
    return { message: el.shadowRoot.querySelector('[role="alert"]').textContent, fetched };
  });
  assert.match(message, /No tender to show/);
  assert.deepEqual(
    fetched.filter((u) => u.startsWith('data:')),
    [],
  );
  await context.close();
});

test('if the engine cannot load, the light-DOM content stays and the problem is reported', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.route('**/pkg/bidscore_bg.wasm', (route) => route.abort());
  await page.goto(`${env.url}publish.html`);
  const alert = page.locator('bid-scorer [role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be loaded/);
  assert.ok(
    await page.locator('bid-scorer > p:not([role])').isVisible(),
    'the page’s own fallback text is still shown',
  );
  await context.close();
});
