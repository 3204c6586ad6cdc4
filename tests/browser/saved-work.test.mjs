// Saved work: what the user typed is kept in the browser against the page's model, never a copy
// of the tender that hides a newer one; entries that cannot be used are set aside, never deleted;
// a browser that refuses storage still runs the widget and says so; two tabs never save over each
// other without asking; a removed bid can be put back. Real headless Chromium throughout: storage
// failures are provoked in the page (a throwing getter, throwing methods, a really full quota).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, record, ready, axe, shot, nodeEngine, tenderIn, field, resultIn, downloadFrom } from './support.mjs';
import { readFile } from 'node:fs/promises';
import { root } from './support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

const original = JSON.parse(await readFile(`${root}www/examples/council-wellbeing.json`, 'utf8'));
const copy = (v) => JSON.parse(JSON.stringify(v));

/** The buyer's correction, published under the same reference: a 0–4 scale, a renamed criterion, a measure gone. */
function corrected() {
  const t = copy(original);
  t.scales['five-point'].points = t.scales['five-point'].points.filter((p) => p.value <= 4);
  t.criteria[3].children[1].id = 'q-staff';
  t.measures = t.measures.filter((m) => m.id !== 'volunteering');
  t.criteria[4].children[1].measures = t.criteria[4].children[1].measures.filter((m) => m !== 'volunteering');
  return t;
}

/** A page of widgets, each `{ tender, attrs }`, as HTML. */
function html(widgets) {
  const one = ({ tender, attrs = 'mode="evaluate"' }) =>
    `<bid-scorer ${attrs}><script type="application/json">${JSON.stringify(tender).replace(/</g, '\\u003c')}</script></bid-scorer>`;
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Saved work</title>
<script type="module" src="src/element/define.js"></script></head><body><main><h1>Saved work</h1>
${widgets.map(one).join('\n')}</main></body></html>`;
}

/** Serves `pages()` (name → widget list, read at each request) from the demo server's origin. */
async function serve(context, pages) {
  await context.route(`${env.url}sw-*.html`, (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    route.fulfill({ contentType: 'text/html', body: html(pages()[name]) });
  });
}

async function fresh({ width = 1280 } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  return { context, page, ...record(page) };
}

const store = (page) => page.evaluate(() => ({ ...localStorage }));
const savedLine = (page, nth = 0) => page.locator('bid-scorer').nth(nth).locator('[data-saved]');
async function waitSaved(page, nth = 0) {
  await savedLine(page, nth).filter({ hasText: 'Saved in this browser' }).waitFor();
}
async function open(page, bid, nth = 0) {
  await page.locator('bid-scorer').nth(nth).locator(`details[data-bid-editor="${bid}"] > summary`).click();
}

test('a corrected model under the same reference is shown, with the answers that fit and a list of those that do not', async () => {
  const { context, page, errors } = await fresh();
  let model = original;
  await serve(context, () => ({ 'sw-model.html': [{ tender: model }] }));
  await page.goto(`${env.url}sw-model.html`);
  await ready(page);
  await open(page, 'b2');
  await field(page, 'bids[1].price').fill('990000');
  await field(page, 'bids[1].scores.q-delivery.rationale').fill('Typed before the correction.');
  await waitSaved(page);
  const typed = await tenderIn(page);

  model = corrected();
  await page.reload();
  await ready(page);
  const shown = await tenderIn(page);
  // The page's model, not the saved one.
  assert.deepEqual(shown.scales, model.scales);
  assert.deepEqual(shown.criteria, model.criteria);
  assert.deepEqual(shown.measures, model.measures);
  // The answers that fit are kept.
  assert.equal(shown.bids[1].price, '990000');
  assert.equal(shown.bids[1].scores['q-delivery'].rationale, 'Typed before the correction.');
  assert.deepEqual(shown.bids[0].scores['q-delivery'], typed.bids[0].scores['q-delivery']);
  // Those that do not are gone from the tender and listed.
  assert.equal(shown.bids[2].scores['q-delivery'].evaluators['Evaluator 1'], undefined);
  assert.equal(shown.bids[2].scores['q-delivery'].evaluators['Evaluator 2'], 4);
  for (const b of shown.bids) {
    assert.equal(b.scores['q-staffing'], undefined);
    assert.equal(b.commitments?.volunteering, undefined);
  }
  const engine = await nodeEngine();
  assert.deepEqual(await resultIn(page), engine.evaluate(shown));
  const notice = page.locator('bid-scorer [data-notice="earlier-model"]');
  assert.equal(await notice.getAttribute('role'), 'status');
  assert.match(await notice.textContent(), /has changed since your work was saved/);
  const items = await notice.locator('li').allTextContents();
  const wanted = [
    ['Wellbeing Together (a charity)', 'scores.q-delivery.evaluators.Evaluator 1'],
    ['Wellbeing Together (a charity)', 'scores.q-delivery.moderated'],
    ['Northside Community CIC', 'scores.q-staffing'],
    ['Riverside Care Partnership Ltd', 'commitments.volunteering'],
  ];
  for (const [who, path] of wanted) {
    assert.ok(items.some((t) => t.startsWith(`${who}: ${path} `)), `${who} ${path} listed in ${items.join(' | ')}`);
  }
  assert.ok(!items.some((t) => /: price |\.rationale /.test(t)), `answers that fit are not listed: ${items.join(' | ')}`);
  // The old work, whole, is a download away.
  const old = await downloadFrom(page, 'bid-scorer [data-action="download-old-work"]');
  assert.equal(old.name, 'EBC-2026-014-saved-work.json');
  const oldWork = JSON.parse(old.text).work;
  assert.equal(oldWork.bids[1].price, '990000');
  assert.deepEqual(oldWork.bids[0].scores['q-staffing'], original.bids[0].scores['q-staffing']);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'saved-work-model-changed-1280');
  await page.setViewportSize({ width: 320, height: 900 });
  await shot(page, 'saved-work-model-changed-320');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'nothing overflows at 320 px');

  // The next visit shows the carried-over answers without asking again; the old entry is kept.
  await page.reload();
  await ready(page);
  assert.equal((await tenderIn(page)).bids[1].price, '990000');
  assert.equal(await page.locator('bid-scorer [data-notice="earlier-model"]').count(), 0);
  const kept = Object.entries(await store(page)).filter(([k]) => k.includes(':earlier-model:'));
  assert.equal(kept.length, 1);
  assert.equal(JSON.parse(kept[0][1]).work.bids[1].price, '990000');
  assert.deepEqual(errors, []);
  await context.close();
});

test('two widgets on one page keep their own work; storage-key pins a widget’s', async () => {
  const { context, page, errors } = await fresh();
  await serve(context, () => ({
    'sw-two.html': [{ tender: original }, { tender: original }, { tender: original, attrs: 'mode="evaluate" storage-key="panel-b"' }],
  }));
  await page.goto(`${env.url}sw-two.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('bid-scorer')].every((e) => e.result));
  for (const [nth, price] of [
    [0, '111111'],
    [1, '222222'],
    [2, '333333'],
  ]) {
    await open(page, 'b2', nth);
    await page.locator('bid-scorer').nth(nth).locator('[data-path="bids[1].price"]').fill(price);
    await waitSaved(page, nth);
  }
  assert.equal(await page.locator('bid-scorer').nth(2).evaluate((el) => el.storageKey), 'panel-b');
  const keys = Object.keys(await store(page));
  assert.equal(keys.filter((k) => k.startsWith('bid-scorer:v2:evaluate:')).length, 3);
  assert.ok(keys.some((k) => k.includes(':%3Dpanel-b:')), keys.join(' '));
  await page.reload();
  await page.waitForFunction(() => [...document.querySelectorAll('bid-scorer')].every((e) => e.result));
  const prices = await page.evaluate(() => [...document.querySelectorAll('bid-scorer')].map((e) => e.tender.bids[1].price));
  assert.deepEqual(prices, ['111111', '222222', '333333']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tender with neither reference nor title never takes another’s work', async () => {
  const { context, page, errors } = await fresh();
  const x = copy(original);
  delete x.tender.reference;
  delete x.tender.title;
  const y = copy(x);
  y.tender.buyer = 'Another council';
  let onB = y;
  await serve(context, () => ({ 'sw-untitled-a.html': [{ tender: x }], 'sw-untitled-b.html': [{ tender: onB }] }));
  await page.goto(`${env.url}sw-untitled-a.html`);
  await ready(page);
  await open(page, 'b2');
  await field(page, 'bids[1].price').fill('990000');
  await waitSaved(page);
  // Another page, another untitled model: its own tender, nothing restored.
  await page.goto(`${env.url}sw-untitled-b.html`);
  await ready(page);
  assert.deepEqual(await tenderIn(page), y);
  assert.equal(await page.locator('bid-scorer [data-notice]').count(), 0);
  // The same page with another untitled model: still nothing of the first's.
  onB = x;
  await page.goto(`${env.url}sw-untitled-b.html`);
  await ready(page);
  assert.deepEqual(await tenderIn(page), x);
  // And the first page still has its work.
  await page.goto(`${env.url}sw-untitled-a.html`);
  await ready(page);
  assert.equal((await tenderIn(page)).bids[1].price, '990000');
  assert.deepEqual(errors, []);
  await context.close();
});

test('unreadable, foreign and old whole-tender entries are set aside, offered for download, and the page’s tender shown', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await open(page, 'b2');
  await field(page, 'bids[1].price').fill('990000');
  await waitSaved(page);
  const key = Object.keys(await store(page)).find((k) => k.startsWith('bid-scorer:v2:evaluate:'));
  assert.ok(key);
  const legacy = 'bid-scorer:v1:evaluate:EBC-2026-014';
  const oldTender = copy(original);
  oldTender.bids[1].price = '1';
  const entries = {
    [key]: '{"format": "bid-scorer-work", "work": [broken',
    [legacy]: JSON.stringify({ savedAt: '2026-01-01T00:00:00Z', tender: oldTender }),
    [`${key.slice(0, key.lastIndexOf(':'))}:0000000000000000`]: '{"hello": "from another program"}',
  };
  await page.evaluate((e) => {
    for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v);
  }, entries);
  await page.reload();
  await ready(page);
  const engine = await nodeEngine();
  assert.deepEqual(await tenderIn(page), original);
  assert.deepEqual(await resultIn(page), engine.evaluate(original));
  const after = await store(page);
  for (const [k, v] of Object.entries(entries)) {
    assert.equal(after[k], undefined, `${k} moved`);
    const aside = Object.keys(after).filter((a) => a.startsWith(`${k}:unreadable:`));
    assert.equal(aside.length, 1, `${k} set aside`);
    assert.equal(after[aside[0]], v);
  }
  const notice = page.locator('bid-scorer [data-notice="set-aside"]');
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.match(await notice.textContent(), /could not be read, so it was set aside/);
  // Each entry's new name is listed, and one download holds exactly what each entry held.
  const listed = await notice.locator('li').allTextContents();
  assert.equal(listed.length, 3);
  for (const k of listed) assert.ok(after[k] !== undefined, `${k} is a key in storage`);
  const file = await downloadFrom(page, 'bid-scorer [data-notice="set-aside"] [data-action="download-set-aside"]');
  assert.equal(file.name, 'EBC-2026-014-set-aside.json');
  assert.deepEqual(JSON.parse(file.text), entries);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'saved-work-set-aside-1280');
  await page.setViewportSize({ width: 320, height: 900 });
  await shot(page, 'saved-work-set-aside-320');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Scripts run in the page before the widget, each provoking one way a browser refuses storage. */
const REFUSALS = {
  'the localStorage getter throws': () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  },
  'getItem throws': () => {
    Storage.prototype.getItem = function getItem() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
  },
  'setItem throws': () => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  },
};

for (const [name, script] of Object.entries(REFUSALS)) {
  test(`storage refused (${name}): the widget works, says it is not saving, and deletes nothing`, async () => {
    const { page, context, errors } = await openPage(env, 'evaluate.html');
    await ready(page);
    const legacy = 'bid-scorer:v1:evaluate:EBC-2026-014';
    const seeded = { [legacy]: JSON.stringify({ savedAt: '2026-01-01T00:00:00Z', tender: original }), other: 'keep me' };
    await page.evaluate((e) => {
      for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v);
    }, seeded);
    await page.addInitScript(script);
    await page.reload();
    await ready(page);
    await open(page, 'b2');
    await field(page, 'bids[1].price').fill('990000');
    await page.waitForFunction(() => document.querySelector('bid-scorer').result.bids.find((b) => b.id === 'b2').price === '990000.00');
    await savedLine(page).filter({ hasText: 'Not saved' }).waitFor();
    const notice = page.locator('bid-scorer [data-notice="not-saving"], bid-scorer [data-notice^="set-aside"]');
    assert.ok((await notice.count()) >= 1);
    assert.match(await page.locator('bid-scorer').evaluate((el) => el.shadowRoot.textContent), /not being saved|not letting the page save/);
    assert.deepEqual(await axe(page), []);
    // Nothing was deleted: read from another page of the same origin, without the overrides.
    const reader = await context.newPage();
    await reader.goto(`${env.url}demo.css`);
    const kept = await store(reader);
    for (const [k, v] of Object.entries(seeded)) assert.equal(kept[k], v, `${k} kept`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('storage really full: the old entry stays where it is, the widget works and says it is not saving', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  const legacy = 'bid-scorer:v1:evaluate:EBC-2026-014';
  const text = JSON.stringify({ savedAt: '2026-01-01T00:00:00Z', tender: original });
  // Fill the origin's quota for real, then put the old entry in the last space left.
  await page.evaluate((t) => {
    localStorage.setItem('bid-scorer:v1:evaluate:EBC-2026-014', t);
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; ; i += 1) {
      try {
        localStorage.setItem(`filler-${i}`, chunk);
      } catch {
        break;
      }
    }
    for (let size = 128 * 1024; size >= 1; size = Math.floor(size / 2)) {
      try {
        localStorage.setItem(`filler-small-${size}`, 'x'.repeat(size));
      } catch {
        /* the next size down */
      }
    }
  }, text);
  await page.reload();
  await ready(page);
  assert.deepEqual(await tenderIn(page), original);
  assert.match(await page.locator('bid-scorer [data-notice="set-aside-stuck"]').textContent(), /left where it is/);
  await open(page, 'b2');
  await field(page, 'bids[1].price').fill('990000');
  await savedLine(page).filter({ hasText: 'Not saved' }).waitFor();
  assert.equal((await resultIn(page)).bids.find((b) => b.id === 'b2').price, '990000.00');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), legacy), text);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'saved-work-storage-full-1280');
  await page.setViewportSize({ width: 320, height: 900 });
  await shot(page, 'saved-work-storage-full-320');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the same tender in two tabs: the other tab’s save is announced and nothing is saved over it until the user chooses', async () => {
  const a = await openPage(env, 'evaluate.html');
  const b = { page: await a.context.newPage() };
  Object.assign(b, record(b.page));
  await b.page.goto(`${env.url}evaluate.html`);
  await ready(a.page);
  await ready(b.page);
  await open(a.page, 'b2');
  await field(a.page, 'bids[1].price').fill('111111');
  await waitSaved(a.page);
  const notice = b.page.locator('bid-scorer [data-notice="other-tab"]');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.match(await notice.textContent(), /changed in another tab or window/);
  assert.equal((await tenderIn(b.page)).bids[1].price, original.bids[1].price, 'nothing loaded without asking');
  // Typing here does not save over the other tab's work.
  await open(b.page, 'b2');
  await field(b.page, 'bids[1].price').fill('222222');
  await savedLine(b.page).filter({ hasText: 'choose which work to keep' }).waitFor();
  const key = Object.keys(await store(b.page)).find((k) => k.startsWith('bid-scorer:v2:evaluate:'));
  const stored = async () => JSON.parse((await store(b.page))[key]).work.bids[1].price;
  assert.equal(await stored(), '111111');
  assert.deepEqual(await axe(b.page), []);
  await shot(b.page, 'saved-work-other-tab-1280');
  await b.page.setViewportSize({ width: 320, height: 900 });
  await shot(b.page, 'saved-work-other-tab-320');
  await b.page.setViewportSize({ width: 1280, height: 900 });
  // "Keep mine" saves over it, by choice; the first tab is then asked, and loads it.
  await b.page.locator('bid-scorer [data-action="keep-mine"]').click();
  assert.equal(await stored(), '222222');
  await a.page.locator('bid-scorer [data-notice="other-tab"]').waitFor();
  assert.equal((await tenderIn(a.page)).bids[1].price, '111111');
  await a.page.locator('bid-scorer [data-action="load-other-tab"]').click();
  assert.equal((await tenderIn(a.page)).bids[1].price, '222222');
  assert.equal(await a.page.locator('bid-scorer [data-notice="other-tab"]').count(), 0);
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await a.context.close();
});

test('removing a bid offers Undo, which puts it back with every mark, by keyboard', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await open(page, 'b2');
  await field(page, 'bids[1].scores.q-delivery.rationale').fill('Marks to keep.');
  const before = await tenderIn(page);
  await page.locator('bid-scorer [data-bid-editor="b2"] [data-action="remove-bid"]').focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(
    (await tenderIn(page)).bids.map((b) => b.id),
    ['b1', 'b3', 'b4'],
  );
  const notice = page.locator('bid-scorer [data-notice="removed"]');
  assert.equal(await notice.getAttribute('role'), 'status');
  assert.match(await notice.textContent(), /Riverside Care Partnership Ltd was removed/);
  // Focus is on the notice, and the next Tab reaches Undo.
  assert.equal(await page.evaluate(() => document.querySelector('bid-scorer').shadowRoot.activeElement?.dataset.noticeText), '');
  assert.deepEqual(await axe(page), []);
  await shot(page, 'saved-work-undo-1280');
  await page.setViewportSize({ width: 320, height: 900 });
  await shot(page, 'saved-work-undo-320');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.querySelector('bid-scorer').shadowRoot.activeElement?.dataset.action), 'undo-remove');
  await page.keyboard.press('Enter');
  assert.deepEqual(await tenderIn(page), before);
  assert.match(await notice.textContent(), /was restored/);
  const engine = await nodeEngine();
  assert.deepEqual(await resultIn(page), engine.evaluate(before));
  assert.deepEqual(errors, []);
  await context.close();
});

test('self-assess: removing a what-if bid offers Undo', async () => {
  const { page, context, errors } = await openPage(env, 'self-assess.html');
  await ready(page);
  await page.locator('bid-scorer [data-action="add-what-if"]').click();
  await field(page, 'bids[1].price').fill('900000');
  const before = await tenderIn(page);
  await page.locator('bid-scorer [data-bid-editor="what-if-1"] [data-action="remove-bid"]').click();
  assert.equal((await tenderIn(page)).bids.length, 1);
  await page.locator('bid-scorer [data-action="undo-remove"]').click();
  assert.deepEqual(await tenderIn(page), before);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('design mode: a design saved against an earlier model is offered, never loaded in place of the page’s', async () => {
  const { context, page, errors } = await fresh();
  let model = original;
  await serve(context, () => ({ 'sw-design.html': [{ tender: model, attrs: 'mode="design"' }] }));
  await page.goto(`${env.url}sw-design.html`);
  const title = page.locator('bid-scorer [data-path="tender.title"]');
  await title.fill('Edited design');
  await page.waitForFunction(() =>
    Object.entries(localStorage).some(([k, v]) => k.startsWith('bid-scorer:v2:design:') && v.includes('Edited design')),
  );
  model = corrected();
  await page.reload();
  await title.waitFor();
  assert.equal(await title.inputValue(), original.tender.title);
  assert.deepEqual((await tenderIn(page)).scales, model.scales);
  const notice = page.locator('bid-scorer [data-notice="earlier-model"]');
  assert.match(await notice.textContent(), /page’s model has changed/);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'saved-work-design-earlier-1280');
  await page.setViewportSize({ width: 320, height: 900 });
  await shot(page, 'saved-work-design-earlier-320');
  await page.setViewportSize({ width: 1280, height: 900 });
  const old = await downloadFrom(page, 'bid-scorer [data-action="download-old-work"]');
  assert.equal(JSON.parse(old.text).work.tender.tender.title, 'Edited design');
  await page.locator('bid-scorer [data-action="open-saved-design"]').click();
  assert.equal(await title.inputValue(), 'Edited design');
  assert.equal(await notice.count(), 0);
  // Chosen, it is now the work saved against this page's model.
  await page.reload();
  await title.waitFor();
  assert.equal(await title.inputValue(), 'Edited design');
  assert.deepEqual(errors, []);
  await context.close();
});

test('what the engine refuses is still saved as typed, and an opened tender file is restored whole', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await open(page, 'b2');
  await field(page, 'bids[1].price').fill('lots');
  await field(page, 'bids[1].scores.q-delivery.evaluators.Evaluator 1').fill('9');
  await page.locator('bid-scorer .error-summary').waitFor();
  await waitSaved(page);
  await page.reload();
  await page.locator('bid-scorer .error-summary').waitFor();
  await open(page, 'b2');
  assert.equal(await field(page, 'bids[1].price').inputValue(), 'lots');
  assert.equal(await field(page, 'bids[1].scores.q-delivery.evaluators.Evaluator 1').inputValue(), '9');
  // A tender file with another model, opened over the page's, is the user's work too.
  const other = copy(original);
  other.tender.buyer = 'Another council';
  other.bids[1].price = '950000';
  await page.locator('bid-scorer input[type="file"]').setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(other)),
  });
  await page.locator('bid-scorer .banner--success').filter({ hasText: 'Opened “other.json”' }).waitFor();
  await waitSaved(page);
  await page.reload();
  await ready(page);
  assert.deepEqual(await tenderIn(page), other);
  assert.deepEqual(errors, []);
  await context.close();
});

test('design mode in two tabs: the other tab’s model is never saved over without asking', async () => {
  const a = await openPage(env, 'design.html');
  const b = { page: await a.context.newPage() };
  Object.assign(b, record(b.page));
  await b.page.goto(`${env.url}design.html`);
  const title = (p) => p.locator('bid-scorer [data-path="tender.title"]');
  const stored = (p) =>
    p.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('bid-scorer:v2:design:'))?.[1] ?? '');
  await title(b.page).waitFor();
  await title(a.page).fill('From the first tab');
  await a.page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('From the first tab')));
  await b.page.locator('bid-scorer [data-notice="other-tab"]').waitFor();
  await title(b.page).fill('From the second tab');
  await title(b.page).press('Tab');
  // Held: the first tab's model stays in storage until the second tab's user chooses.
  assert.match(await stored(b.page), /From the first tab/);
  assert.deepEqual(await axe(b.page), []);
  await b.page.locator('bid-scorer [data-action="keep-mine"]').click();
  await b.page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('From the second tab')));
  await a.page.locator('bid-scorer [data-notice="other-tab"]').waitFor();
  assert.equal(await title(a.page).inputValue(), 'From the first tab');
  await a.page.locator('bid-scorer [data-action="load-other-tab"]').click();
  await a.page.waitForFunction(
    () => document.querySelector('bid-scorer').shadowRoot.querySelector('[data-path="tender.title"]')?.value === 'From the second tab',
  );
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await a.context.close();
});

test('big work saved whole, then in pieces, comes back as typed however the clock moves during a save', async () => {
  // Work over 64 KB is saved whole once, then in pieces read onto that whole entry. The clock here
  // moves 7 ms at every reading, as a slow save of big work does: the entry and its head must still
  // name the same save, or the pieces are dropped on reload and what was typed after is lost.
  const big = copy(original);
  for (const bid of big.bids) for (const s of Object.values(bid.scores)) if (s && typeof s === 'object') s.rationale = 'Seen. '.repeat(1500);
  const { context, page, errors } = await fresh();
  await context.addInitScript(() => {
    const RealDate = Date;
    let t = RealDate.now();
    globalThis.Date = class extends RealDate {
      constructor(...args) {
        super(...(args.length ? args : [(t += 7)]));
      }
      static now() {
        return (t += 7);
      }
    };
  });
  await serve(context, () => ({ 'sw-big.html': [{ tender: big }] }));
  await page.goto(`${env.url}sw-big.html`);
  await ready(page);
  await open(page, 'b2');
  const rationale = field(page, 'bids[1].scores.q-delivery.rationale');
  await rationale.fill('Whole first.');
  await waitSaved(page);
  const first = Object.keys(await store(page));
  assert.ok(first.some((k) => k.endsWith(':head')), `saved whole with a head for pieces: ${first.join(', ')}`);
  await field(page, 'bids[1].price').fill('951000');
  await rationale.fill('Then a piece.');
  // Saved as a piece: bid 2's own entry, listed in the head.
  await page.waitForFunction(() => /"bids":\[1\]/.test(Object.entries(localStorage).find(([k]) => k.endsWith(':head'))?.[1]));
  const typed = await tenderIn(page);
  await page.reload();
  await ready(page);
  assert.deepEqual(await tenderIn(page), typed);
  assert.equal(typed.bids[1].price, '951000');
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * The example tender with long rationales (`words` of them in each): big work, saved in pieces
 * and, first, in parts.
 */
function bigWork(words = 1500) {
  const big = copy(original);
  for (const bid of big.bids) for (const s of Object.values(bid.scores)) if (s && typeof s === 'object') s.rationale = 'Seen. '.repeat(words);
  return big;
}

/**
 * Page-side `window.refuse(key)` says which writes the browser refuses (throws) or, with
 * `window.lost`, which are lost as the page goes away (never reach storage).
 */
async function watchWrites(context) {
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function watchedSetItem(key, value) {
      if (window.refuse?.(key)) {
        if (window.lost) return undefined;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
}

test('big work first saved in parts: each save names its own parts, so two tabs saving the same work at once never write over each other', async () => {
  const big = bigWork();
  const { context, page, errors } = await fresh();
  await watchWrites(context);
  await serve(context, () => ({ 'sw-tabs.html': [{ tender: big }] }));
  await page.goto(`${env.url}sw-tabs.html`);
  await ready(page);
  // A save cut short: its parts stay, as those of another tab's save in progress would.
  await page.evaluate(() => {
    window.lost = true;
    window.refuse = (key) => !key.includes(':part:');
  });
  await open(page, 'b2');
  const rationale = field(page, 'bids[1].scores.q-delivery.rationale');
  await rationale.fill('The other save.');
  await waitSaved(page);
  const other = await store(page);
  const otherParts = Object.keys(other).filter((k) => k.includes(':part:'));
  assert.ok(otherParts.length > 0, `the save wrote parts: ${Object.keys(other).join(', ')}`);
  await page.reload();
  await ready(page);
  // This save into the same empty slot writes parts of its own and leaves the others as they were.
  await open(page, 'b2');
  await rationale.fill('This save.');
  await waitSaved(page);
  const after = await store(page);
  for (const k of otherParts) assert.equal(after[k], other[k], `${k} was written over`);
  const entry = Object.entries(after).find(([k]) => /:[0-9a-f]{16}$/.test(k))[1];
  const named = JSON.parse(entry).parts;
  assert.ok(named.length > 0 && named.every((n) => !otherParts.some((k) => k.endsWith(`:part:${n}`))), named.join(', '));
  const typed = await tenderIn(page);
  assert.equal(typed.bids[1].scores['q-delivery'].rationale, 'This save.');
  await page.reload();
  await ready(page);
  assert.deepEqual(await tenderIn(page), typed);
  assert.deepEqual(errors, []);
  await context.close();
});

test('big work first saved in parts: a save dropped for another tab’s removes the parts it wrote, and the other tab’s work reads back whole', async () => {
  // Each bid over 64 KB as text: a part for every slice of the first save.
  const big = bigWork(4000);
  const { context, page: a, errors } = await fresh();
  await serve(context, () => ({ 'sw-dropped.html': [{ tender: big }] }));
  // This tab puts each bid's text together slowly (2 s) as it saves, so its save is under way for
  // seconds after its first part is written. Only the save's: the evaluations and the summaries
  // write a bid's text too (engine/draft-text.js).
  await a.addInitScript(() => {
    const stringify = JSON.stringify;
    JSON.stringify = function slowStringify(value, ...rest) {
      const saving = () => new Error().stack.includes('/work-keeper.js');
      if (value && typeof value === 'object' && typeof value.id === 'string' && value.scores && saving()) {
        const until = performance.now() + 2000;
        while (performance.now() < until);
      }
      return stringify.call(this, value, ...rest);
    };
  });
  await a.goto(`${env.url}sw-dropped.html`);
  await ready(a);
  const b = await context.newPage();
  await b.goto(`${env.url}sw-dropped.html`);
  await ready(b);
  await open(a, 'b2');
  await field(a, 'bids[1].scores.q-delivery.rationale').fill('From the slow tab.');
  await a.waitForFunction(() => Object.keys(localStorage).some((k) => k.includes(':part:')), null, { timeout: 60000 });
  // The other tab saves first, while this one's save is under way: this one stops and says so.
  await open(b, 'b2');
  await field(b, 'bids[1].scores.q-delivery.rationale').fill('From the other tab.');
  await waitSaved(b);
  await a.locator('bid-scorer [data-notice="other-tab"]').waitFor();
  // Only the parts the other tab's entry names are left.
  const stored = await store(b);
  const [key, entry] = Object.entries(stored).find(([k]) => /:[0-9a-f]{16}$/.test(k));
  const named = JSON.parse(entry).parts.map((n) => `${key}:part:${n}`).sort();
  assert.deepEqual(Object.keys(stored).filter((k) => k.includes(':part:')).sort(), named);
  const c = await context.newPage();
  await c.goto(`${env.url}sw-dropped.html`);
  await ready(c);
  const typed = await tenderIn(b);
  assert.equal(typed.bids[1].scores['q-delivery'].rationale, 'From the other tab.');
  assert.deepEqual(await tenderIn(c), typed);
  assert.deepEqual(errors, []);
  await context.close();
});

test('big work first saved in parts: a save cut short before its entry loses nothing, a refused one says so, a refused whole save keeps the parts', async () => {
  // Into an empty slot, big work is written in parts as it is put together, and its entry last.
  const big = bigWork();
  const { context, page, errors } = await fresh();
  await watchWrites(context);
  await serve(context, () => ({ 'sw-parts.html': [{ tender: big }] }));
  await page.goto(`${env.url}sw-parts.html`);
  await ready(page);
  const keys = async () =>
    Object.keys(await store(page))
      .map((k) => k.replace(/^.*:[0-9a-f]{16}/, '') || 'entry')
      .sort();

  // Cut short: the parts are written, the entry and its head never are.
  await page.evaluate(() => {
    window.lost = true;
    window.refuse = (key) => !key.includes(':part:');
  });
  await open(page, 'b2');
  const rationale = field(page, 'bids[1].scores.q-delivery.rationale');
  await rationale.fill('Cut short.');
  await waitSaved(page);
  const cut = await keys();
  assert.ok(cut.length > 0 && cut.every((k) => /^:part:/.test(k)), `only parts were written: ${cut.join(', ')}`);
  await page.reload();
  await ready(page);
  // Nothing named them: the page's tender, nothing restored or set aside.
  assert.deepEqual(await tenderIn(page), big);
  assert.equal(await page.locator('bid-scorer [data-notice]').count(), 0);

  // Refused: the widget says it is not saving; the next save, allowed, is whole and right.
  await page.evaluate(() => {
    window.refuse = () => true;
  });
  await open(page, 'b2');
  await rationale.fill('Refused.');
  await savedLine(page).filter({ hasText: 'Not saved' }).waitFor();
  assert.equal(await page.locator('bid-scorer [data-notice="not-saving"]').count(), 1);
  await page.evaluate(() => {
    window.refuse = null;
  });
  await rationale.fill('Saved in parts.');
  await waitSaved(page);
  const saved = await keys();
  assert.ok(saved.includes('entry') && saved.includes(':head') && saved.some((k) => /^:part:/.test(k)), saved.join(', '));
  const typed = await tenderIn(page);
  await page.reload();
  await ready(page);
  assert.deepEqual(await tenderIn(page), typed);

  // A bid removed is saved whole over the parts: refused, the parts are put back and the work
  // saved before comes back; allowed, the whole entry replaces them.
  await page.evaluate(() => {
    window.refuse = (key) => /:[0-9a-f]{16}$/.test(key);
  });
  await open(page, 'b3');
  await page.locator('bid-scorer [data-bid-editor="b3"] [data-action="remove-bid"]').click();
  await savedLine(page).filter({ hasText: 'Not saved' }).waitFor();
  assert.deepEqual(await keys(), saved);
  await page.reload();
  await ready(page);
  assert.deepEqual(await tenderIn(page), typed);
  await open(page, 'b3');
  await page.locator('bid-scorer [data-bid-editor="b3"] [data-action="remove-bid"]').click();
  await waitSaved(page);
  assert.deepEqual(await keys(), [':head', 'entry']);
  const removed = await tenderIn(page);
  assert.equal(removed.bids.length, typed.bids.length - 1);
  await page.reload();
  await ready(page);
  assert.deepEqual(await tenderIn(page), removed);
  assert.deepEqual(errors, []);
  await context.close();
});
