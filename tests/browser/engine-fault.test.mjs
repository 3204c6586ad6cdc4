// Two widgets share the page's engine. Hundreds of calls that fault in it (a wrecked memory that
// traps, runs used after free()) and of objects that throw when read: each is a BidScoreError
// (code 'engine-fault', or 'wrong-type' with a path), a widget whose own call faulted says so in
// words and evaluates again at the next keystroke, and the other widget still evaluates and renders.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, axe, nodeEngine, tenderIn, resultIn, number } from './support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

/** A field of widget `id` by the engine path it edits. */
const fieldOf = (page, id, path) => page.locator(`#${id} [data-path="${path}"]`);

/** Waits until widget `id` shows a result other than `previous` (JSON) and no error. */
function waitForChange(page, id, previous) {
  return page.waitForFunction(
    ([sel, prev]) => {
      const el = document.querySelector(sel);
      return el.result && JSON.stringify(el.result) !== prev && !el.shadowRoot.querySelector('.error-summary');
    },
    [`#${id}`, previous],
  );
}

/** Widget `id`'s last result as JSON. */
const resultJson = async (page, id) => JSON.stringify(await resultIn(page, `#${id}`));

/** Widget `id`'s result is the engine's own for its tender, and its ranking table shows the totals. */
async function assertRendersEngine(page, id) {
  const engine = await nodeEngine();
  const expected = engine.evaluate(await tenderIn(page, `#${id}`));
  assert.deepEqual(await resultIn(page, `#${id}`), expected);
  for (const bid of expected.bids) {
    const shown = await page.locator(`#${id} tr[data-bid="${bid.id}"] td[data-total]`).first().textContent();
    assert.ok(shown.includes(number(bid.total)), `${id} ${bid.id}: ${shown} shows ${bid.total}`);
  }
  assert.equal(await page.locator(`#${id} .error-summary`).count(), 0, `${id} shows no error`);
}

test("two widgets: hundreds of faults in the page's engine, and both still evaluate and render", async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await page.evaluate(async () => {
    const a = document.querySelector('bid-scorer');
    a.id = 'a';
    await a.evaluate();
    const b = document.createElement('bid-scorer');
    b.id = 'b';
    b.setAttribute('mode', 'evaluate');
    b.tender = a.tender;
    a.after(b);
    await b.evaluate();
  });
  await assertRendersEngine(page, 'a');
  await assertRendersEngine(page, 'b');

  const seen = await page.evaluate(async () => {
    // The modules the widgets loaded: the page's engine and its glue.
    const { loadEngine } = await import('./src/engine/engine.js');
    const glue = await import('../pkg/bidscore.js');
    const engine = await loadEngine();
    const wreck = () => new Uint8Array(glue.initSync().memory.buffer).fill(0xff);
    const tender = document.querySelector('#a').tender;
    const revoked = () => {
      const r = Proxy.revocable({}, {});
      r.revoke();
      return r.proxy;
    };
    const hostile = [
      () => ({ ...tender, bids: new Proxy({}, { ownKeys: () => { throw new Error('no keys'); } }) }),
      () => ({ ...tender, bids: [{ ...tender.bids[0], scores: revoked() }] }),
      () => ({ ...tender, bids: [Object.defineProperty({ ...tender.bids[0] }, 'price', { enumerable: true, get: () => { throw new Error('x'); } })] }),
      () => ({ ...tender, tieBreak: [() => 'price'] }),
    ];
    const out = { faults: 0, wrongType: new Set(), other: [], traps: new Set() };
    const note = (f, code) => {
      try {
        f();
        out.other.push('no error');
      } catch (e) {
        if (e instanceof Error && e.name === 'BidScoreError' && e.code === code) {
          if (code === 'engine-fault') {
            out.faults += 1;
            out.traps.add(String(e.cause?.name));
          } else out.wrongType.add(e.path);
        } else out.other.push(`${e?.name}: ${e?.message}`);
      }
    };
    for (let i = 0; i < 300; i += 1) {
      wreck();
      note(() => engine.evaluate(tender), 'engine-fault');
      const run = new engine.RankAcceptability(tender, { samples: 5 });
      run.free();
      note(() => run.step(1), 'engine-fault');
      note(() => engine.evaluate(hostile[i % hostile.length]()), 'wrong-type');
    }
    out.wrongType = [...out.wrongType].sort();
    out.traps = [...out.traps];
    out.ranking = engine.evaluate(tender).ranking;
    out.version = engine.version();
    return out;
  });
  const engine = await nodeEngine();
  assert.deepEqual(seen.other, []);
  assert.equal(seen.faults, 600);
  assert.ok(seen.traps.includes('RuntimeError'), 'real traps were among the faults');
  assert.deepEqual(seen.wrongType, ['bids', 'bids[0].price', 'bids[0].scores', 'tieBreak[0]']);
  assert.deepEqual(seen.ranking, engine.evaluate(await tenderIn(page, '#a')).ranking);
  assert.equal(seen.version, engine.version());

  // Widget a's own call faults: it says so in words, and the next keystroke evaluates again.
  await page.evaluate(async () => {
    const glue = await import('../pkg/bidscore.js');
    new Uint8Array(glue.initSync().memory.buffer).fill(0xff);
  });
  await page.locator('#a details[data-bid-editor="b1"] > summary').click();
  const priceA = fieldOf(page, 'a', 'bids[0].price');
  const beforeA = await resultJson(page, 'a');
  await priceA.fill('990000');
  const summary = page.locator('#a .error-summary');
  await summary.waitFor();
  assert.match(await summary.textContent(), /The scoring engine stopped on this input and has been restarted/);
  assert.doesNotMatch(await summary.textContent(), /unreachable|out of bounds/i);
  assert.deepEqual(await axe(page), []);
  await priceA.fill('990001');
  await waitForChange(page, 'a', beforeA);
  await assertRendersEngine(page, 'a');

  // Widget b never saw any of it.
  await page.locator('#b details[data-bid-editor="b2"] > summary').click();
  const priceB = fieldOf(page, 'b', 'bids[1].price');
  const beforeB = await resultJson(page, 'b');
  await priceB.fill('1010000');
  await waitForChange(page, 'b', beforeB);
  await assertRendersEngine(page, 'b');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('publish and design modes show an engine failure in words, then work again', async () => {
  const wreck = (page) =>
    page.evaluate(async () => {
      const glue = await import('../pkg/bidscore.js');
      new Uint8Array(glue.initSync().memory.buffer).fill(0xff);
    });
  const words = /The scoring engine stopped on this input and has been restarted/;

  // Publish: a changed tender while the engine is wrecked.
  {
    const { page, context, errors } = await openPage(env, 'publish.html');
    await page.waitForFunction(() => document.querySelector('bid-scorer')?.result);
    const t = await tenderIn(page);
    await wreck(page);
    await page.locator('bid-scorer').evaluate((el, t) => {
      el.tender = { ...t, tender: { ...t.tender, title: 'Changed once' } };
    }, t);
    const summary = page.locator('bid-scorer .error-summary');
    await summary.waitFor();
    assert.match(await summary.textContent(), words);
    assert.doesNotMatch(await summary.textContent(), /unreachable|out of bounds/i);
    await page.locator('bid-scorer').evaluate((el, t) => {
      el.tender = { ...t, tender: { ...t.tender, title: 'Changed twice' } };
    }, t);
    await page.waitForFunction(() => {
      const el = document.querySelector('bid-scorer');
      return !el.shadowRoot.querySelector('.error-summary') && el.shadowRoot.textContent.includes('Changed twice');
    });
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  }

  // Design: typing while the engine is wrecked.
  {
    const { page, context, errors } = await openPage(env, 'design.html');
    const W = 'bid-scorer[mode="design"]';
    await page.waitForSelector(`${W} [data-action="use-template"]`);
    await page.locator(`${W} [data-action="start-choice"][value="services-60-30-10"]`).check();
    await page.locator(`${W} [data-action="use-template"]`).click();
    await page.waitForSelector(`${W} .design-ready`);
    await wreck(page);
    await page.locator(`${W} [data-path="tender.title"]`).fill('Grounds care');
    const summary = page.locator(`${W} .error-summary`);
    await summary.waitFor();
    assert.match(await summary.textContent(), words);
    await page.locator(`${W} [data-path="tender.title"]`).fill('Grounds care and cleaning');
    await page.waitForSelector(`${W} .design-ready`);
    assert.equal(await summary.count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
