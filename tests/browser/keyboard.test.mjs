// The whole self-assess journey with the keyboard alone: name, price, pass/fail questions, expected
// scores, commitments, a "what if" rival, and the result; with a visible focus style throughout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, ready, nodeEngine, tenderIn } from './support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

/** What has focus, looking through shadow roots. */
function focused(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    const style = getComputedStyle(a);
    const bar = document.querySelector('bid-scorer').shadowRoot.querySelector('.sticky-total')?.getBoundingClientRect();
    const r = a.getBoundingClientRect();
    return {
      obscured: Boolean(bar && bar.height && r.bottom > bar.top && r.top < bar.bottom),
      path: a.dataset?.path ?? null,
      action: a.dataset?.action ?? null,
      type: a.type ?? null,
      label: a.labels?.[0]?.textContent ?? a.textContent,
      checked: a.checked ?? null,
      outline: `${style.outlineStyle} ${style.outlineColor}`,
      background: style.backgroundColor,
    };
  });
}

/** Presses Tab until `match(focus)` holds; fails after `limit` presses. */
async function tabUntil(page, match, limit = 60) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (match(f)) {
      assert.equal(f.obscured, false, `${f.path ?? f.action} is hidden behind the sticky total`);
      return f;
    }
  }
  assert.fail('never reached the expected control with Tab');
}

/** In a radio group that has focus, moves with the arrow keys to the option whose label starts with `text`. */
async function arrowTo(page, text) {
  for (let i = 0; i < 10; i += 1) {
    const f = await focused(page);
    if (f.label.trim().startsWith(text)) return f;
    await page.keyboard.press('ArrowUp');
  }
  assert.fail(`no option "${text}"`);
}

const YELLOW = 'rgb(255, 221, 0)';

test('self-assess works from start to finish with the keyboard alone', async () => {
  const { page, context, errors } = await openPage(env, 'self-assess.html');
  await ready(page);

  let f = await tabUntil(page, (x) => x.path === 'bids[0].supplier');
  assert.match(
    f.outline,
    new RegExp(`solid ${YELLOW.replace(/[()]/g, '\\$&')}`),
    'inputs show the yellow focus outline',
  );
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Keyboard Care Ltd');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).path, 'bids[0].price');
  await page.keyboard.type('1000000');

  for (const gate of ['gate-insurance', 'gate-safeguarding']) {
    f = await tabUntil(page, (x) => x.path === `bids[0].gates.${gate}`);
    f = await arrowTo(page, 'Passed');
    assert.equal(f.checked, true);
  }
  for (const [criterion, choice] of [
    ['q-delivery', '4 – Very good'],
    ['q-staffing', '3 – Good'],
    ['sv-plan', '5 – Excellent'],
  ]) {
    f = await tabUntil(page, (x) => x.path === `bids[0].scores.${criterion}.moderated`);
    f = await arrowTo(page, choice);
    assert.equal(f.checked, true);
  }
  for (const [measure, qty] of [
    ['local-jobs', '5'],
    ['apprenticeships', '52'],
    ['volunteering', '300'],
  ]) {
    await tabUntil(page, (x) => x.path === `bids[0].commitments.${measure}`);
    await page.keyboard.type(qty);
  }

  let result = await page.locator('bid-scorer').evaluate((el) => el.result);
  assert.equal(result.bids[0].status, 'ranked', JSON.stringify(result.bids[0].missing));

  // A cheaper "what if" rival, added and filled in by keyboard.
  f = await tabUntil(page, (x) => x.action === 'add-what-if');
  assert.equal(f.background, YELLOW, 'buttons turn yellow on focus');
  await page.keyboard.press('Enter');
  f = await focused(page);
  assert.equal(f.path, 'bids[1].supplier', 'focus moves into the new rival');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).path, 'bids[1].price');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('800000');
  await page.waitForFunction(() => document.querySelector('bid-scorer').result.bids[1]?.price === '800000.00');

  const tender = await tenderIn(page);
  assert.equal(tender.bids[0].supplier, 'Keyboard Care Ltd');
  assert.equal(tender.bids[0].price, '1000000');
  assert.deepEqual(tender.bids[0].gates, { 'gate-insurance': true, 'gate-safeguarding': true });
  assert.deepEqual(tender.bids[0].scores, {
    'q-delivery': { moderated: 4 },
    'q-staffing': { moderated: 3 },
    'sv-plan': { moderated: 5 },
  });
  const engine = await nodeEngine();
  result = await page.locator('bid-scorer').evaluate((el) => el.result);
  assert.deepEqual(result, engine.evaluate(tender));
  const mine = result.bids[0];
  assert.equal(
    await page.locator('bid-scorer [data-own-total]').textContent(),
    `Your total: ${mine.total} out of ${result.maxTotal}`,
  );
  assert.match(
    await page.locator('bid-scorer [part~="total"]').textContent(),
    new RegExp(`You would rank ${mine.rank} of 2`),
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Open a tender file" shows keyboard focus on its button, and opens the picker from the keyboard', async () => {
  const { page, context, errors } = await openPage(env, 'self-assess.html');
  await ready(page);
  // Listening from the start: the browser is told to hand file pickers to the test as a listener
  // is added, which a key pressed at the same moment can overtake on a busy machine.
  let pressed = false;
  const picked = new Promise((ok) => page.once('filechooser', (chooser) => ok({ chooser, pressed })));
  // The input itself is hidden behind its label; Tab reaches the input.
  await tabUntil(page, (x) => x.type === 'file', 200);
  const label = page.locator('bid-scorer label', { hasText: 'Open a tender file' });
  const focusedStyle = await label.evaluate((l) => {
    const s = getComputedStyle(l);
    return { background: s.backgroundColor, shadow: s.boxShadow };
  });
  assert.equal(focusedStyle.background, YELLOW, 'the label turns yellow while its input has focus');
  assert.notEqual(focusedStyle.shadow, 'none');
  // Enter or Space on the focused input opens the file picker (the real one, answered here).
  pressed = true;
  await page.keyboard.press('Space');
  let timer;
  const none = new Promise((_, no) => {
    timer = setTimeout(() => no(new Error('Space on the input opened no file picker')), 60000);
  });
  const { chooser, pressed: afterSpace } = await Promise.race([picked, none]);
  clearTimeout(timer);
  assert.ok(afterSpace, 'the picker opened before Space was pressed');
  assert.equal(chooser.isMultiple(), false);
  await page.keyboard.press('Tab');
  const after = await label.evaluate((l) => getComputedStyle(l).backgroundColor);
  assert.notEqual(after, YELLOW, 'and not once focus has moved on');
  assert.deepEqual(errors, []);
  await context.close();
});
