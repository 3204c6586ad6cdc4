// Hundreds of bids stay workable in evaluate mode. A rationale typed changes no score: the engine's
// evaluate is not called (counted through the performance marks the engine leaves) and the save
// writes that one bid, not the whole work. A score typed runs the engine once, and the results are
// the engine's for the tender as typed. "Go to a bid" moves focus to the bid, opened; the ranking
// is a link away; axe finds nothing at 1280 and 320 px. With 1,000 bids the longest main-thread
// task while a rationale is typed is printed; only a generous limit is asserted, as a busy machine
// is slower than a quiet one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { setUp, record, axe, screenshots, nodeEngine, tenderIn, resultIn, field } from './support.mjs';
import { generated } from '../node/engine.mjs';

const RATIONALE = 'Credible plan, staffed and costed.'; // 34 characters

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

/** Records, in the page, every localStorage write ([key, characters]) and every long task. */
function watch() {
  window.scaleWatch = { writes: [], longTasks: [] };
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function watchedSetItem(key, value) {
    window.scaleWatch.writes.push([key, String(value).length]);
    return setItem.call(this, key, value);
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.scaleWatch.longTasks.push(e.duration);
  }).observe({ type: 'longtask' });
}

/** Serves, in `context`, a page holding `tender` inline (so a reload restores its saved work). */
function serve(context, tender) {
  const body = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Many bids</title>
<script type="module" src="src/element/define.js"></script></head><body><main><h1>Many bids</h1>
<bid-scorer mode="evaluate"><script type="application/json">${JSON.stringify(tender).replace(/</g, '\\u003c')}</script></bid-scorer>
</main></body></html>`;
  return context.route(`${env.url}scale.html`, (route) => route.fulfill({ contentType: 'text/html', body }));
}

/** Opens the page of `tender` in `context`, watched from the start; waits until it is quiet. */
async function show(context, tender) {
  const page = await context.newPage();
  const recorded = record(page);
  await page.goto(`${env.url}scale.html`);
  await loaded(page, tender);
  return { page, ...recorded };
}

async function loaded(page, tender) {
  await page.waitForFunction((n) => document.querySelector('bid-scorer')?.result?.bids.length === n, tender.bids.length, {
    timeout: 300000,
  });
  // The summaries follow the results after a pause: wait for them, so what follows starts quiet.
  await page.locator('bid-scorer [data-missing-rationales]').waitFor({ timeout: 300000 });
}

async function opened(tender) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(watch);
  await serve(context, tender);
  return { context, ...(await show(context, tender)) };
}

/** A screenshot of the screen at the top of the bids (the whole page is thousands of screens long). */
async function shot(page, name) {
  await mkdir(screenshots, { recursive: true });
  await page.locator('bid-scorer [part~="form"] h3').evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: `${screenshots}${name}.png` });
}

const evaluations = (page) => page.evaluate(() => performance.getEntriesByName('bid-scorer:evaluate').length);
const watched = (page) => page.evaluate(() => window.scaleWatch);
const forget = (page) =>
  page.evaluate(() => {
    window.scaleWatch.writes.length = 0;
    window.scaleWatch.longTasks.length = 0;
  });
const active = (page) =>
  page.evaluate(() => {
    const el = document.querySelector('bid-scorer').shadowRoot.activeElement;
    return { tag: el?.localName, bid: el?.closest('[data-bid-editor]')?.dataset.bidEditor, text: el?.textContent };
  });
const saves = (page) => page.waitForFunction(() => window.scaleWatch.writes.length > 0, null, { timeout: 60000 });
/** Characters written to storage for this tender since the last `forget`. */
const written = async (page) => (await watched(page)).writes.reduce((n, [, size]) => n + size, 0);
/**
 * Once the first save is done (its entry is written last, after any parts), the slot's key and the
 * size of the whole work saved there: its entry and, first saved in parts, its parts.
 */
const wholeEntry = async (page) =>
  (
    await page.waitForFunction(
      () => {
        const key = Object.keys(localStorage).find((k) => /^bid-scorer:v2:evaluate:[^:]*:[^:]*:[0-9a-f]{16}$/.test(k));
        const texts = Object.entries(localStorage).filter(([k]) => k === key || k.startsWith(`${key}:part:`));
        return key && { key, size: texts.reduce((n, [, text]) => n + text.length, 0) };
      },
      null,
      { timeout: 60000 },
    )
  ).jsonValue();

test('200 bids: a rationale runs no evaluation and saves one bid; a score runs one; jump to a bid; axe', async () => {
  const tender = JSON.parse(generated(200, 30, 3, 1));
  const { context, page, errors } = await opened(tender);
  const bid = tender.bids[120];
  const criterion = Object.keys(bid.scores)[0];
  const path = `bids[120].scores.${criterion}`;

  // "Go to a bid" opens bid 121 of 200 and moves focus to it.
  await page.locator('bid-scorer select[id^="jump-"]').selectOption({ label: bid.supplier });
  await page.locator('bid-scorer [data-action="jump"]').click();
  assert.deepEqual(await active(page), { tag: 'summary', bid: bid.id, text: bid.supplier });
  assert.equal(await page.locator(`bid-scorer details[data-bid-editor="${bid.id}"]`).getAttribute('open'), '');

  // The first keystroke saves the work whole (none was saved); the next ones, one bid each.
  const missing = Number(await page.locator('bid-scorer [data-missing-rationales]').getAttribute('data-missing-rationales'));
  const before = await evaluations(page);
  const rationale = field(page, `${path}.rationale`);
  await rationale.pressSequentially(RATIONALE.slice(0, 1));
  const whole = await wholeEntry(page);
  await forget(page);
  await rationale.pressSequentially(RATIONALE.slice(1, 2));
  await saves(page);
  const oneKey = await written(page);
  console.log(`200 bids: one rationale keystroke saved ${oneKey} characters; the whole work is ${whole.size}`);
  assert.ok(oneKey * 20 < whole.size, `${oneKey} characters saved for one keystroke, the whole work is ${whole.size}`);
  assert.ok((await watched(page)).writes.every(([k]) => k.startsWith(whole.key)));
  await rationale.pressSequentially(RATIONALE.slice(2));
  assert.equal(await evaluations(page), before, 'typing a rationale runs no evaluation');
  assert.equal((await tenderIn(page)).bids[120].scores[criterion].rationale, RATIONALE);
  // The summaries know at once that this score now has its reason.
  await page.locator(`bid-scorer [data-missing-rationales="${missing - 1}"]`).waitFor();

  // A score typed runs the engine once, and the results are the engine's for the tender as typed.
  // The browser refuses to save it (storage full): the widget says so, and keeps it to save later.
  await page.evaluate(() => {
    window.allowedSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function refusedSetItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await field(page, `${path}.evaluators.Evaluator 1`).fill('0');
  assert.equal(await evaluations(page), before + 1, 'a score runs one evaluation');
  const engine = await nodeEngine();
  assert.equal((await tenderIn(page)).bids[120].scores[criterion].evaluators['Evaluator 1'], '0');
  assert.deepEqual(await resultIn(page), engine.evaluate(await tenderIn(page)));
  await page.locator('bid-scorer [data-saved]').filter({ hasText: 'Not saved' }).waitFor();
  assert.equal(await page.locator('bid-scorer [data-notice="not-saving"]').count(), 1);
  // Storage back: the next save writes what the refused one could not, with the new score.
  await page.evaluate(() => {
    Storage.prototype.setItem = window.allowedSetItem;
  });
  await field(page, `${path}.moderated`).fill('2');
  assert.equal(await evaluations(page), before + 2);
  await page.locator('bid-scorer [data-saved]').filter({ hasText: 'Saved in this browser' }).waitFor();
  const typed = await tenderIn(page);
  assert.deepEqual(await resultIn(page), engine.evaluate(typed));

  // The work saved in pieces is the work as typed, after a reload too.
  await page.reload();
  await loaded(page, tender);
  assert.deepEqual(await tenderIn(page), typed);

  // Work saved whole in the format of earlier versions (no head, no pieces) loads, and the next
  // save adds to it in pieces. A head left from another whole entry, and its piece, are not read.
  const earlier = { ...typed, bids: typed.bids.map((b, i) => (i === 7 ? { ...b, supplier: 'Saved whole' } : b)) };
  await page.evaluate(
    ({ key, bids }) => {
      for (const k of Object.keys(localStorage)) if (k.startsWith(`${key}:`)) localStorage.removeItem(k);
      const entry = JSON.parse(localStorage.getItem(key));
      delete entry.parts;
      entry.work.bids = bids;
      localStorage.setItem(key, JSON.stringify(entry));
      const stale = { base: '2020-01-01T00:00:00.000Z', savedAt: '2020-01-01T00:00:01.000Z', bids: [7] };
      localStorage.setItem(`${key}:head`, JSON.stringify(stale));
      localStorage.setItem(`${key}:bid:7`, JSON.stringify({ id: bids[7].id, supplier: 'Stale piece' }));
    },
    { key: whole.key, bids: earlier.bids },
  );
  await page.reload();
  await loaded(page, tender);
  assert.deepEqual(await tenderIn(page), earlier);
  await forget(page);
  await page.locator(`bid-scorer details[data-bid-editor="${tender.bids[7].id}"] > summary`).click();
  await field(page, 'bids[7].supplier').fill('Saved whole, then in pieces');
  await saves(page);
  assert.deepEqual(
    (await watched(page)).writes.map(([k]) => k.slice(whole.key.length)),
    [':bid:7', ':head'],
  );
  await page.reload();
  await loaded(page, tender);
  assert.equal((await tenderIn(page)).bids[7].supplier, 'Saved whole, then in pieces');

  // From the top of the bids and from inside a bid, the ranking is a link away.
  await page.locator('bid-scorer [data-action="to-ranking"]').first().click();
  assert.deepEqual((await active(page)).tag, 'h3');
  assert.equal((await active(page)).text, 'Ranking');
  await page.locator('bid-scorer select[id^="jump-"]').selectOption({ label: bid.supplier });
  await page.locator('bid-scorer [data-action="jump"]').focus();
  await page.keyboard.press('Enter');
  assert.equal((await active(page)).bid, bid.id);
  await page.locator(`bid-scorer details[data-bid-editor="${bid.id}"] [data-action="to-ranking"]`).click();
  assert.equal((await active(page)).text, 'Ranking');

  assert.deepEqual(await axe(page), []);
  await shot(page, 'scale-200-bids-1280');
  await page.setViewportSize({ width: 320, height: 900 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'scale-200-bids-320');
  assert.deepEqual(errors, []);
  await context.close();
});

test('200 bids in two tabs: a save in pieces is announced in the other, and nothing is saved over it unasked', async () => {
  const tender = JSON.parse(generated(200, 30, 3, 2));
  const a = await opened(tender);
  const b = await show(a.context, tender);
  const criterion = Object.keys(tender.bids[3].scores)[0];
  const rationale = (p) => field(p, `bids[3].scores.${criterion}.rationale`);
  const open = (p) => p.locator(`bid-scorer details[data-bid-editor="${tender.bids[3].id}"] > summary`).click();
  // A saves whole, then in pieces; B is told each time and keeps its own work on screen.
  await open(a.page);
  await rationale(a.page).pressSequentially('A');
  await saves(a.page);
  await forget(a.page);
  await rationale(a.page).pressSequentially('a');
  await saves(a.page);
  assert.ok((await watched(a.page)).writes.some(([k]) => k.endsWith(':head')), 'saved in pieces');
  const notice = b.page.locator('bid-scorer [data-notice="other-tab"]');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('role'), 'alert');
  // B types: nothing of B's is saved over A's.
  const stored = (p) => p.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('bid-scorer:v2:')));
  const before = await stored(b.page);
  await open(b.page);
  await rationale(b.page).pressSequentially('B');
  await b.page.locator('bid-scorer [data-saved]').filter({ hasText: 'choose which work to keep' }).waitFor();
  assert.deepEqual(await stored(b.page), before);
  // B keeps its own: saved whole over A's, and A, told, loads it.
  await b.page.locator('bid-scorer [data-action="keep-mine"]').click();
  await a.page.locator('bid-scorer [data-notice="other-tab"]').waitFor();
  await a.page.locator('bid-scorer [data-action="load-other-tab"]').click();
  assert.deepEqual(await tenderIn(a.page), await tenderIn(b.page));
  assert.equal((await tenderIn(a.page)).bids[3].scores[criterion].rationale, 'B');
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await a.context.close();
});

test('1,000 bids: the longest task while typing 34 characters of a rationale, and what each save writes', async () => {
  const tender = JSON.parse(generated(1000, 40, 3, 1));
  const { context, page, errors } = await opened(tender);
  const bid = tender.bids[700];
  const criterion = Object.keys(bid.scores)[0];
  await page.locator(`bid-scorer details[data-bid-editor="${bid.id}"] > summary`).click();
  const rationale = field(page, `bids[700].scores.${criterion}.rationale`);
  // The first keystroke saves the whole work, once; then quiet before the measured typing.
  await rationale.pressSequentially(RATIONALE.slice(0, 1));
  const whole = await wholeEntry(page);
  // Focus first, so that finding the field (the test's own work on the page) is not measured.
  await rationale.focus();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
  await forget(page);
  const before = await evaluations(page);
  // 34 characters: the rest of the sentence and a space.
  await page.keyboard.type(`${RATIONALE.slice(1)} `, { delay: 20 });
  await saves(page);
  const seen = await watched(page);
  const longest = Math.max(0, ...seen.longTasks);
  const perSave = await written(page);
  console.log(
    `1,000 bids: longest task while typing ${RATIONALE.length} characters ${Math.round(longest)} ms ` +
      `(${seen.longTasks.length} tasks over 50 ms); the save wrote ${perSave} characters, the whole work is ${whole.size}`,
  );
  assert.equal(await evaluations(page), before);
  assert.ok(longest < 500, `longest task ${longest} ms`);
  assert.ok(perSave * 100 < whole.size, `${perSave} characters saved, the whole work is ${whole.size}`);
  assert.equal((await tenderIn(page)).bids[700].scores[criterion].rationale, `${RATIONALE} `);
  assert.deepEqual(errors, []);
  await context.close();
});
