// Typing never waits for a long task of the widget's own making, however many bids there are:
// - the analyses' answers (thousands of bids' figures) come from the worker in parts of a few
//   bids each, every part decoded in a task of its own, and the panels show the engine's figures;
// - the first save of big work (whole, as nothing was saved yet) puts the bids' text together and
//   writes it over several tasks, the page getting its turn in between, and saves what was typed
//   meanwhile too; the "saved at" line (the page's first date format) comes in a task of its own;
// - a hidden page saves at once what is waiting to be saved;
// - a score typed has its bid written as JSON again, alone, and the rest of the tender once, for
//   the engine and the analyses alike; a reason typed, for the summaries asked after it.
// Each step is checked in the page itself (a wrapped Worker, JSON.stringify and setTimeout), not by
// timing, which a busy machine would make unreliable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, ready, nodeEngine, tenderIn, field } from './support.mjs';
import { analysed, fmt, priceToWinText } from './analysis-support.mjs';
import { generated } from '../node/engine.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

/** Opens evaluate.html with `tender` in its widget (nothing restored) and waits for its results. */
async function withTender(tender, init) {
  const opened = await openPage(env, 'evaluate.html');
  if (init) await opened.page.addInitScript(init);
  if (init) await opened.page.reload();
  await ready(opened.page);
  await opened.page.locator('bid-scorer').evaluate((el, text) => {
    el.tender = JSON.parse(text);
  }, JSON.stringify(tender));
  await opened.page.waitForFunction((n) => document.querySelector('bid-scorer')?.result?.bids.length === n, tender.bids.length, {
    timeout: 300000,
  });
  return opened;
}

/** Page-side: records the largest array in each message from the page's workers. */
function watchWorkers() {
  window.largest = [];
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', ({ data }) => {
        const arrays = [data?.value, data?.items, ...Object.values(data?.value ?? {})].filter(Array.isArray);
        window.largest.push([data?.kind, Math.max(0, ...arrays.map((a) => a.length))]);
      });
    }
  };
}

test('200 bids: the analyses come from the worker in parts of a few bids, and the panels show the engine’s figures', async () => {
  const tender = JSON.parse(generated(200, 30, 3, 4));
  const { page, context, errors } = await withTender(tender, watchWorkers);
  await analysed(page);
  await page.locator('bid-scorer [data-summary]').nth(199).waitFor({ timeout: 300000 });
  const messages = await page.evaluate(() => window.largest);
  assert.ok(messages.some(([kind]) => kind === 'part'), 'big answers come in parts');
  assert.ok(messages.every(([, n]) => n <= 16), `no message holds more than 16 bids: ${JSON.stringify(messages)}`);

  // Put together again, the answers are the engine's: every price to win, every summary.
  const engine = await nodeEngine();
  const typed = await tenderIn(page);
  const expected = engine.analyse(typed, { samples: 0 });
  const byId = new Map(expected.priceToWin.map((p) => [p.bid, p]));
  const shown = await page
    .locator('bid-scorer [part~="price-to-win"] tbody tr[data-bid]')
    .evaluateAll((trs) => trs.map((tr) => [tr.dataset.bid, [...tr.children].map((c) => c.textContent)]));
  assert.equal(shown.length, expected.priceToWin.length);
  for (const [id, cells] of shown) {
    const p = byId.get(id);
    assert.deepEqual(cells, [p.supplier, fmt.money(p.price), priceToWinText(p)]);
  }
  const summaries = await page.locator('bid-scorer [data-summary]').evaluateAll((lis) => lis.map((li) => li.dataset.summary));
  assert.deepEqual(summaries.toSorted(), engine.debriefs(typed).map((d) => d.bid).toSorted());
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * Page-side: records the task (numbered from the first bid's text, storage write or date format
 * made in it to the microtask checkpoint that ends it) and the time at which each bid's own text
 * is made; each storage write ([task, characters, start, end]); each date format made ([task]).
 */
function watchStringify() {
  window.tick = 0;
  window.bidTexts = [];
  window.writes = [];
  window.dateFormats = [];
  let open = false;
  const task = () => {
    if (!open) {
      open = true;
      window.tick += 1;
      queueMicrotask(() => {
        open = false;
      });
    }
    return window.tick;
  };
  const stringify = JSON.stringify;
  JSON.stringify = function watchedStringify(value, ...rest) {
    if (value && typeof value === 'object' && typeof value.id === 'string' && value.scores) window.bidTexts.push([task(), performance.now()]);
    return stringify.call(this, value, ...rest);
  };
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function watchedSetItem(key, value) {
    const start = performance.now();
    const out = setItem.call(this, key, value);
    window.writes.push([task(), String(value).length, start, performance.now()]);
    return out;
  };
  const DateTimeFormat = Intl.DateTimeFormat;
  Intl.DateTimeFormat = function watchedDateTimeFormat(...args) {
    window.dateFormats.push([task()]);
    return new DateTimeFormat(...args);
  };
}

test('1,000 bids: the first save, whole, is put together and written in tasks shorter than a long task, with what was typed meanwhile', async () => {
  const tender = JSON.parse(generated(1000, 40, 3, 1));
  const { page, context, errors } = await withTender(tender, watchStringify);
  const rationale = field(page, 'bids[0].scores.q0.rationale');
  await page.locator('bid-scorer details[data-bid-editor] > summary').first().click();
  await page.evaluate(() => {
    window.bidTexts.length = 0;
    window.writes.length = 0;
  });
  await rationale.pressSequentially('A');
  const key = await page.waitForFunction(
    () => Object.keys(localStorage).find((k) => /^bid-scorer:v2:evaluate:.*:[0-9a-f]{16}$/.test(k)),
    null,
    { timeout: 60000 },
  );
  // Each bid's text is made on its own (not inside one text of the whole work), and the texts
  // made and written in one task span less than a long task (50 ms), however many tasks that takes.
  const { texts, writes } = await page.evaluate(() => ({ texts: window.bidTexts, writes: window.writes }));
  assert.ok(texts.length >= tender.bids.length, `${texts.length} bids' texts made for ${tender.bids.length} bids`);
  const spans = new Map();
  const add = (tick, from, to) => spans.set(tick, [Math.min(from, spans.get(tick)?.[0] ?? from), Math.max(to, spans.get(tick)?.[1] ?? to)]);
  for (const [tick, at] of texts) add(tick, at, at);
  for (const [tick, , from, to] of writes) add(tick, from, to);
  const longest = Math.max(...[...spans.values()].map(([from, to]) => to - from));
  // Written as it is put together: no one write holds most of the work, and the writes come in
  // several tasks.
  const total = writes.reduce((n, [, size]) => n + size, 0);
  const largest = Math.max(...writes.map(([, size]) => size));
  const writing = new Set(writes.map(([tick]) => tick)).size;
  console.log(
    `1,000 bids: the whole save's bid texts made in ${spans.size} task(s), written in ${writing}, the longest ${longest.toFixed(1)} ms; ` +
      `${total} characters written, at most ${largest} at once`,
  );
  assert.ok(longest < 50, `the bids' texts of one task took ${longest} ms`);
  assert.ok(writing > 1, `the work was written in ${writing} task(s)`);
  assert.ok(largest * 2 < total, `${largest} of ${total} characters written at once`);
  // Typed while the whole save was under way or after it: saved too, in pieces.
  await rationale.pressSequentially('B');
  await page.waitForFunction(() => document.querySelector('bid-scorer').shadowRoot.querySelector('[data-saved]')?.textContent);
  await page.waitForTimeout(1000);
  const restored = await page.evaluate(
    (k) => {
      const entry = JSON.parse(localStorage.getItem(k));
      const piece = localStorage.getItem(`${k}:bid:0`);
      return (piece ? JSON.parse(piece) : entry.work.bids[0]).scores.q0.rationale;
    },
    await key.jsonValue(),
  );
  assert.equal(restored, 'AB');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Page-side: the texts of whole tenders written on the page, and the summaries asked of workers. */
function watchTenderTexts() {
  window.wholeTexts = 0;
  window.summaryTexts = [];
  const stringify = JSON.stringify;
  JSON.stringify = function countedStringify(value, ...rest) {
    if (Array.isArray(value?.bids) && value.bids.length >= 1000) window.wholeTexts += 1;
    return stringify.call(this, value, ...rest);
  };
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function watchedPostMessage(data, ...rest) {
    if (data?.job === 'debriefs') window.summaryTexts.push({ text: data.tender, reason: data.tender.includes('A reason') });
    return post.call(this, data, ...rest);
  };
}

test('1,000 bids: the summaries asked after a reason is emptied get the tender as it is now, only that bid written again', async () => {
  const tender = JSON.parse(generated(1000, 40, 3, 1));
  const { page, context, errors } = await withTender(tender);
  await page.evaluate(watchStringify);
  await page.evaluate(watchTenderTexts);
  await page.locator('bid-scorer details[data-bid-editor] > summary').first().click();
  const rationale = field(page, 'bids[0].scores.q0.rationale');
  await rationale.fill('A reason');
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    window.wholeTexts = 0;
    window.summaryTexts.length = 0;
    window.bidTexts.length = 0;
  });
  await rationale.fill('');
  // A request asked before the reason was emptied may still go out: the one for the emptied reason.
  await page.waitForFunction(() => window.summaryTexts.some((t) => !t.reason), null, { timeout: 60000 });
  const asked = await page.evaluate(() => ({
    whole: window.wholeTexts,
    text: window.summaryTexts.find((t) => !t.reason).text,
    bidTexts: window.bidTexts,
    tender: document.querySelector('bid-scorer').tender,
  }));
  // No text of the whole tender on the page's thread: the bid whose reason was emptied is written
  // again, for the summaries and for its saved piece, and the other 999 keep their texts.
  assert.equal(asked.whole, 0, 'the whole tender was written at once');
  assert.ok(asked.bidTexts.length >= 1 && asked.bidTexts.length <= 2, `${asked.bidTexts.length} bids written`);
  // What the worker was sent is the tender as it is now, reason emptied.
  assert.deepEqual(JSON.parse(asked.text), asked.tender);
  assert.equal(JSON.parse(asked.text).bids[0].scores.q0.rationale, undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the "saved at" line, the page’s first date format, is made in a task after the save’s writes', async () => {
  const opened = await openPage(env, 'evaluate.html');
  const { page, context, errors } = opened;
  await page.addInitScript(watchStringify);
  await page.reload();
  await ready(page);
  await page.locator('bid-scorer details[data-bid-editor] > summary').first().click();
  await page.locator('bid-scorer textarea[data-path$=".rationale"]').first().fill('Saved, then dated');
  await page.locator('bid-scorer [data-saved]').filter({ hasText: 'Saved in this browser' }).waitFor();
  const { writes, dateFormats } = await page.evaluate(() => ({ writes: window.writes, dateFormats: window.dateFormats }));
  assert.ok(writes.length > 0 && dateFormats.length > 0, `${writes.length} writes, ${dateFormats.length} date formats`);
  const writing = new Set(writes.map(([tick]) => tick));
  assert.deepEqual(
    dateFormats.filter(([tick]) => writing.has(tick)),
    [],
    'no date format is made in a task that writes the work',
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('a hidden page saves at once what is waiting to be saved', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await page.locator('bid-scorer details[data-bid-editor] > summary').first().click();
  await page.locator('bid-scorer textarea[data-path$=".rationale"]').first().waitFor();
  const saved = await page.evaluate(() => {
    const root = document.querySelector('bid-scorer').shadowRoot;
    const area = root.querySelector('textarea[data-path$=".rationale"]');
    const has = (text) => Object.values(localStorage).some((t) => t.includes(text));
    const turn = (state) => {
      Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    // Shown again: the save still waits for typing to pause.
    area.value = 'Typed as the tab came back';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    turn('visible');
    const shown = has(area.value);
    area.value = 'Typed just before the tab was hidden';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    const before = has(area.value);
    turn('hidden');
    return { shown, before, after: has(area.value) };
  });
  assert.deepEqual(saved, { shown: false, before: false, after: true });
  assert.deepEqual(errors, []);
  await context.close();
});

/** evaluate.html as it opens, with `init` run before the page's own scripts. */
async function openWith(init) {
  const opened = await openPage(env, 'evaluate.html');
  await opened.page.addInitScript(init);
  await opened.page.reload();
  await ready(opened.page);
  return opened;
}

/** Page-side: counts the assessment summaries asked of the page's workers. */
function countSummaryRequests() {
  window.summaryRequests = 0;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function countedPostMessage(data, ...rest) {
    if (data?.job === 'debriefs') window.summaryRequests += 1;
    return post.call(this, data, ...rest);
  };
}

test('a reason typed does not ask the engine for the summaries again; a reason emptied does, once, after a pause', async () => {
  const { page, context, errors } = await openWith(countSummaryRequests);
  await page.locator('bid-scorer [data-summary]').first().waitFor();
  await page.locator('bid-scorer details[data-bid-editor] > summary').first().click();
  const area = page.locator('bid-scorer textarea[data-path$=".rationale"]').first();
  await area.fill('');
  await page.waitForTimeout(1500); // the summaries of the emptied reason come in
  await page.evaluate(() => {
    window.summaryRequests = 0;
  });
  await area.pressSequentially('Clear plan; named staff');
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => window.summaryRequests), 0, 'typing a reason asks for no summaries');
  await area.fill('');
  await page.waitForFunction(() => window.summaryRequests === 1);
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => window.summaryRequests), 1, 'an emptied reason asks once');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keys typed quickly are saved once, in a later task; a page being left saves at once what is waiting', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await page.locator('bid-scorer details[data-bid-editor] > summary').first().click();
  await page.locator('bid-scorer textarea[data-path$=".rationale"]').first().waitFor();
  const seen = await page.evaluate(async () => {
    const root = document.querySelector('bid-scorer').shadowRoot;
    const area = root.querySelector('textarea[data-path$=".rationale"]');
    const has = (text) => Object.values(localStorage).some((t) => t.includes(text));
    const writes = [];
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function countedSetItem(key, value) {
      writes.push(key);
      return set.call(this, key, value);
    };
    const type = (text) => {
      for (const ch of text) {
        area.value += ch;
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }
    };
    area.value = '';
    type('Typed quickly');
    const inTask = writes.length;
    await new Promise((ok) => setTimeout(ok, 1000));
    const saved = has('Typed quickly');
    // One save for all the keys: each key it wrote (an entry, or a bid's piece and its head) once.
    const once = writes.length > 0 && new Set(writes).size === writes.length;
    type(', then the page was left');
    const before = has('Typed quickly, then the page was left');
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    return { inTask, saved, once, before, left: has('Typed quickly, then the page was left') };
  });
  assert.deepEqual(seen, { inTask: 0, saved: true, once: true, before: false, left: true });
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * Page-side: counts, in each input event's task, the tender written as JSON (the tender itself, or
 * the rest of it with its bids written apart) and the bids written alone; and keeps the text of
 * the last analysis asked of the worker.
 */
function countTenderWrites() {
  window.writes = [];
  const stringify = JSON.stringify;
  let now = null;
  JSON.stringify = function countedStringify(value, ...rest) {
    if (now && Array.isArray(value?.criteria) && 'bids' in value) now.tenders += 1;
    else if (now && typeof value?.id === 'string' && value.scores) now.bids += 1;
    return stringify.call(this, value, ...rest);
  };
  addEventListener(
    'input',
    () => {
      now = { tenders: 0, bids: 0 };
      const mine = now;
      setTimeout(() => {
        window.writes.push([mine.tenders, mine.bids]);
        if (now === mine) now = null;
      });
    },
    { capture: true },
  );
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function keptPostMessage(data, ...rest) {
    if (data?.job === 'analyse') window.analysed = data.tender;
    return post.call(this, data, ...rest);
  };
}

test('a score typed has its bid written as JSON again, alone, and the tender around it once, for the engine and the analyses alike, which analyse the tender as typed', async () => {
  const { page, context, errors } = await openWith(countTenderWrites);
  await page.locator('bid-scorer details[data-bid-editor] > summary').first().click();
  const score = page.locator('bid-scorer input[data-path*=".evaluators."]').first();
  await score.fill('');
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    window.writes.length = 0;
  });
  await score.pressSequentially('2');
  await page.waitForFunction(() => window.writes.length === 1);
  assert.deepEqual(await page.evaluate(() => window.writes), [[1, 1]], 'in the task of the key: the rest of the tender once, and the bid typed');
  // The analysis asked after the pause is of the tender with the score typed.
  await page.waitForFunction(() => window.analysed === JSON.stringify(document.querySelector('bid-scorer').tender), null, {
    timeout: 10000,
  });
  const path = await score.getAttribute('data-path');
  const typed = await page.evaluate((p) => {
    const [, bid, criterion, evaluator] = /^bids\[(\d+)\]\.scores\.([^.]+)\.evaluators\.(.+)$/.exec(p);
    return JSON.parse(window.analysed).bids[bid].scores[criterion].evaluators[evaluator];
  }, path);
  assert.equal(String(typed), '2');
  assert.deepEqual(errors, []);
  await context.close();
});
