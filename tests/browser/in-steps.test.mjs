// Long lists are built in steps and a keystroke in a bid's card stays cheap however many bids:
// - ui/dom.js inSteps adds a list a few milliseconds at a time, every item once and in order, and
//   a later list for the same place stops an unfinished one, so two are never mixed;
// - the assessment summaries and the price-to-win table of 200 bids, built so, hold every bid's
//   item once, in the engine's order;
// - each part of a bid's card is a form of its own (a browser's form filling looks over the whole
//   form at each key), none of which leaves the page when submitted, and the cards sit in groups
//   of 32, in order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, ready, nodeEngine, tenderIn } from './support.mjs';
import { analysed } from './analysis-support.mjs';
import { generated } from '../node/engine.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

test('inSteps adds every item once, in order, over several steps; a later call stops an unfinished one', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  const seen = await page.evaluate(async () => {
    const { inSteps } = await import('./src/ui/dom.js');
    // Each item takes a millisecond to make, so a step of a few milliseconds holds a few.
    const slow = (text) => () => {
      const t = performance.now();
      while (performance.now() - t < 1);
      const li = document.createElement('li');
      li.textContent = text;
      return li;
    };
    const key = {};
    const first = document.createElement('ul');
    const second = document.createElement('ul');
    document.body.append(first, second);
    const items = Array.from({ length: 60 }, (_, i) => slow(`a${i}`));
    const one = inSteps(key, first, items);
    const afterFirstStep = first.children.length;
    // Pairs of nodes from one item, as a price-to-win row and its note come.
    const pairs = Array.from({ length: 40 }, (_, i) => () => [slow(`b${i}`)(), slow(`c${i}`)()]);
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
    const two = inSteps(key, second, pairs);
    const [oneDone, twoDone] = await Promise.all([one, two]);
    const texts = (ul) => [...ul.children].map((li) => li.textContent);
    return { afterFirstStep, oneDone, twoDone, first: texts(first), second: texts(second) };
  });
  assert.ok(seen.afterFirstStep > 0 && seen.afterFirstStep < 60, `the first step made ${seen.afterFirstStep} of 60`);
  assert.equal(seen.oneDone, false, 'the first list was stopped');
  assert.ok(seen.first.length < 60, 'the first list stopped growing');
  assert.deepEqual(seen.first, seen.first.map((_, i) => `a${i}`), 'what it had is in order');
  assert.equal(seen.twoDone, true);
  assert.deepEqual(
    seen.second,
    Array.from({ length: 40 }, (_, i) => [`b${i}`, `c${i}`]).flat(),
    'the second list holds every item once, in order, and nothing of the first',
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('200 bids: the summaries and the price-to-win table, built in steps, hold every bid once in the engine’s order; each card part is a form of its own', async () => {
  const tender = JSON.parse(generated(200, 30, 3, 4));
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await page.locator('bid-scorer').evaluate((el, text) => {
    el.tender = JSON.parse(text);
  }, JSON.stringify(tender));
  await page.waitForFunction(() => document.querySelector('bid-scorer')?.result?.bids.length === 200, null, { timeout: 300000 });
  await analysed(page);
  await page.locator('bid-scorer [data-summary]').nth(199).waitFor({ timeout: 300000 });
  const engine = await nodeEngine();
  const typed = await tenderIn(page);
  const ranking = engine.evaluate(typed).ranking;
  const shown = await page.locator('bid-scorer').evaluate((el) => {
    const root = el.shadowRoot;
    const ids = (sel, attr) => [...root.querySelectorAll(sel)].map((e) => e.getAttribute(attr));
    return {
      ptw: ids('[part~="price-to-win"] tbody tr[data-bid]', 'data-bid'),
      summaries: ids('[data-summary]', 'data-summary'),
      missing: ids('[data-missing-rationales] > details[data-bid]', 'data-bid'),
    };
  });
  assert.equal(shown.ptw.length, engine.analyse(typed, { samples: 0 }).priceToWin.length, 'every price to win');
  assert.deepEqual(shown.ptw.slice(0, ranking.length), ranking, 'in ranked order');
  assert.deepEqual(shown.summaries.slice(0, ranking.length), ranking, 'every summary once, ranked first');
  assert.equal(new Set(shown.summaries).size, 200);
  const missing = engine.debriefs(typed).filter((d) => d.missingRationales.length).map((d) => d.bid);
  assert.deepEqual(shown.missing.toSorted(), missing.toSorted(), 'every bid with a score lacking a reason, once');

  // The cards: in groups of 32, in the file's order; the first one's parts each a form of their own.
  const cards = await page.locator('bid-scorer').evaluate(async (el) => {
    const root = el.shadowRoot;
    const groups = [...root.querySelectorAll('.bids')].map((g) => g.querySelectorAll(':scope > details[data-bid-editor]').length);
    const order = [...root.querySelectorAll('.bids > details[data-bid-editor]')].map((d) => d.dataset.bidEditor);
    const card = root.querySelector('details[data-bid-editor]');
    card.open = true;
    await new Promise((ok) => card.addEventListener('toggle', ok, { once: true }));
    const forms = [...card.querySelectorAll('form')];
    const rationale = root.querySelector('textarea[data-path="bids[0].scores.q0.rationale"]');
    // Seen where the event ends, after the place that stops it.
    let submitted = 0;
    root.addEventListener('submit', (e) => (submitted += e.defaultPrevented ? 0 : 1));
    for (const f of forms) f.requestSubmit();
    return {
      groups,
      order,
      // The scored criteria each form holds fields of (none: the bid's own fields, or another kind).
      criteria: forms.map((f) => new Set([...f.elements].map((c) => /\.scores\.([^.[]+)/.exec(c.dataset.path)?.[1]).filter(Boolean)).size),
      rationaleForm: [...rationale.form.elements].map((c) => c.dataset.path),
      outer: root.querySelector('[part~="form"]').tagName,
      submitted,
      href: location.href,
    };
  });
  assert.deepEqual(cards.groups, [32, 32, 32, 32, 32, 32, 8]);
  assert.deepEqual(cards.order, tender.bids.map((b) => b.id));
  assert.equal(cards.criteria[0], 0, 'first, a form of the bid’s own fields');
  assert.ok(cards.criteria.length > 10, `${cards.criteria.length} forms`);
  assert.ok(cards.criteria.slice(1).every((n) => n <= 1), 'then a form per criterion, none holding two scored ones');
  assert.ok(cards.criteria.filter((n) => n === 1).length >= 10, 'the scored criteria');
  assert.equal(cards.rationaleForm.length, 5, 'three evaluators’ scores, the moderated score and the rationale');
  assert.ok(cards.rationaleForm.every((p) => p.startsWith('bids[0].scores.q0.')), cards.rationaleForm.join());
  assert.equal(cards.outer, 'DIV');
  assert.equal(cards.submitted, 0, 'no form is submitted');
  assert.equal(page.url(), cards.href);
  assert.deepEqual(errors, []);
  await context.close();
});
