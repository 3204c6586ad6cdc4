// Design mode for real tenders (spec §11–18): a buyer sets a price schedule with a whole-life cost,
// a group threshold and consensus with the keyboard alone; the downloaded file holds exactly those
// fields and the engine accepts it.
// Invalid entries show the engine's error beside their field, nothing typed is lost when a choice
// is changed back, axe finds nothing in each new state, and the page reflows at 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setUp, openPage, axe, shot, nodeEngine } from './support.mjs';
import { TEMPLATES } from '../../www/src/design/templates.js';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

const W = 'bid-scorer[mode="design"]';
const inDesign = (page, css) => page.locator(`${W} ${css}`);
const designTender = (page) => page.locator(W).evaluate((el) => el.tender);
const designResult = (page) => page.locator(W).evaluate((el) => el.result);
const PRICE = 'criteria[0]';
const QUALITY = 'criteria[1]';

async function openDesign(width = 1280) {
  const opened = await openPage(env, 'design.html', { width });
  await opened.page.waitForSelector(`${W} [data-mode="design"]`);
  return opened;
}

/** What has focus inside the widget, and whether the sticky bar hides it. */
function focused(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    const host = document.querySelector('bid-scorer[mode="design"]');
    const bar = host.shadowRoot.querySelector('.design-bar')?.getBoundingClientRect();
    const r = a.getBoundingClientRect();
    return {
      obscured: Boolean(bar && bar.height && r.bottom > bar.top && r.top < bar.bottom),
      path: a.dataset?.path ?? null,
      action: a.dataset?.action ?? null,
      value: a.value ?? null,
      checked: a.checked ?? null,
      label: (a.labels?.[0]?.textContent ?? a.textContent ?? '').trim(),
      selected: a.tagName === 'SELECT' ? a.selectedOptions[0]?.textContent : null,
    };
  });
}

/** Presses Tab (or Shift+Tab) until `match(focus)` holds; the control must not be under the sticky bar. */
async function tabTo(page, match, { limit = 300, back = false } = {}) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (match(f)) {
      assert.equal(f.obscured, false, `${f.path ?? f.action} is hidden behind the sticky bar`);
      return f;
    }
  }
  assert.fail('never reached the expected control with Tab');
}
const toPath = (page, path) => tabTo(page, (f) => f.path === path);
const toAction = (page, action) => tabTo(page, (f) => f.action === action);

async function typeAt(page, path, text) {
  await toPath(page, path);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Presses Enter on the button `action` and waits for focus to reach the field at `path`. */
async function pressAndLand(page, action, path) {
  await toAction(page, action);
  await page.keyboard.press('Enter');
  await page.waitForFunction((p) => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a?.dataset?.path === p;
  }, path);
}

/** Tabs to a select (by path or action) and types to choose the option starting with `text`. */
async function choose(page, match, text) {
  await tabTo(page, match);
  await page.keyboard.type(text);
  await page.waitForTimeout(50);
  return focused(page);
}

async function checkPage(page, state, width) {
  assert.deepEqual(await axe(page), [], `axe, ${state}, ${width} px`);
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  assert.ok(scroll <= client, `${state}: page is ${scroll} px wide in a ${client} px window`);
}

/** The error shown beside the field at `path` (the last id its aria-describedby names). */
async function errorBeside(page, path) {
  const input = inDesign(page, `[data-path="${path}"]`).first();
  await page.waitForFunction(
    ({ w, p }) =>
      document.querySelector(w).shadowRoot.querySelector(`[data-path="${p}"]`)?.getAttribute('aria-invalid') ===
      'true',
    { w: W, p: path },
  );
  const ids = (await input.getAttribute('aria-describedby')).split(' ');
  const message = inDesign(page, `#${ids.at(-1)}`);
  assert.equal(await message.isVisible(), true, `the error beside ${path} is shown`);
  // It sits in the field's own form group, next to the field.
  const sameGroup = await input.evaluate(
    (el, id) => el.closest('.form-group').contains(el.getRootNode().getElementById(id)),
    ids.at(-1),
  );
  assert.ok(sameGroup, `the error for ${path} is in its form group`);
  return (await message.textContent()).replace(/^Error:\s*/, '');
}

/** The template the test starts from, with what the buyer is expected to have added. */
function expectedTender() {
  const t = TEMPLATES['services-60-30-10']();
  t.tender.title = 'Facilities management';
  t.criteria[0].schedule = [
    { id: 'call-out', name: 'Call-out', unit: 'visit', quantity: '120', max: '500' },
    { id: 'annual-service-charge', name: 'Annual service charge', unit: 'year', perYear: true },
    { id: 'equipment-resale', name: 'Equipment resale', income: true },
  ];
  t.criteria[0].lifeCycle = { years: '5', discountRate: '0.035' };
  t.criteria[1].threshold = '60%';
  t.moderation = { require: 'consensus' };
  return t;
}

test('a tender with a schedule, a group threshold and consensus, built with the keyboard alone', async () => {
  const engine = await nodeEngine();
  const { page, context, errors } = await openDesign();

  // Start from the 60/30/10 services template.
  await toAction(page, 'start-choice');
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).value, 'services-60-30-10');
  await toAction(page, 'use-template');
  await page.keyboard.press('Enter');
  await page.waitForFunction((w) => document.querySelector(w).tender.criteria.length === 3, W);
  await typeAt(page, 'tender.title', 'Facilities management');
  let f;

  // The price schedule: three lines, one moved up, one yearly, one income; a whole-life cost.
  await pressAndLand(page, 'line-add', `${PRICE}.schedule[0].name`);
  await page.keyboard.type('Annual service charge');
  await typeAt(page, `${PRICE}.schedule[0].unit`, 'year');
  await toPath(page, `${PRICE}.schedule[0].perYear`);
  await page.keyboard.press('Space');
  assert.equal((await focused(page)).checked, true);
  await pressAndLand(page, 'line-add', `${PRICE}.schedule[1].name`);
  await page.keyboard.type('Call-out');
  await typeAt(page, `${PRICE}.schedule[1].unit`, 'visit');
  await typeAt(page, `${PRICE}.schedule[1].quantity`, '120');
  await typeAt(page, `${PRICE}.schedule[1].max`, '£500');
  await pressAndLand(page, 'line-add', `${PRICE}.schedule[2].name`);
  await page.keyboard.type('Equipment resale');
  await toPath(page, `${PRICE}.schedule[2].income`);
  await page.keyboard.press('Space');
  await tabTo(page, (x) => x.action === 'line-up' && x.label.includes('Call-out'), { back: true });
  await page.keyboard.press('Enter');
  await page.waitForFunction((w) => document.querySelector(w).tender.criteria[0].schedule[0].name === 'Call-out', W);
  f = await focused(page);
  assert.match(f.label, /Move down “Call-out”/, 'focus stays on the moved line');
  await typeAt(page, `${PRICE}.lifeCycle.years`, '5');
  await typeAt(page, `${PRICE}.lifeCycle.discountRate`, '0.035');
  await checkPage(page, 'price schedule', 1280);

  // A minimum sub-total for the quality group.
  await typeAt(page, `${QUALITY}.threshold`, '60%');

  // Consensus.
  await toPath(page, 'moderation.require');
  await page.keyboard.press('Space');
  assert.equal((await focused(page)).checked, true);
  await checkPage(page, 'consensus', 1280);

  // The tender holds exactly what was typed, and the engine accepts it.
  const t = await designTender(page);
  assert.deepEqual(t, expectedTender());
  assert.deepEqual(engine.validate(t).errors, []);
  await page.waitForFunction((w) => !document.querySelector(w).shadowRoot.querySelector('.error-summary'), W);
  // How the evaluated price is formed, in the engine's words.
  assert.equal(
    await inDesign(page, '[data-schedule-words]').textContent(),
    `In the published model: ${engine.describe(t).price.schedule.words}.`,
  );
  await toAction(page, 'download-model');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(file, expectedTender(), 'the downloaded file holds exactly those fields');
  assert.deepEqual(engine.validate(file).errors, []);

  // An example bid prices the lines; it is scored exactly as the engine scores it.
  await pressAndLand(page, 'add-bid', 'bids[0].supplier');
  await page.keyboard.type('Clean Co');
  await typeAt(page, 'bids[0].prices.call-out', '80');
  await typeAt(page, 'bids[0].prices.annual-service-charge', '20000');
  await typeAt(page, 'bids[0].prices.equipment-resale', '1500');
  await page.waitForFunction((w) => document.querySelector(w).result?.bids?.[0]?.price !== undefined, W);
  const tried = await designTender(page);
  assert.deepEqual(tried.bids[0], {
    id: 'example-1',
    supplier: 'Clean Co',
    prices: { 'call-out': '80', 'annual-service-charge': '20000', 'equipment-resale': '1500' },
  });
  assert.deepEqual(await designResult(page), engine.evaluate(tried));
  await checkPage(page, 'an example bid pricing the lines', 1280);
  await shot(page, 'design-real-tenders-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

test('invalid entries show the engine’s error beside the field, and what was typed stays', async () => {
  const engine = await nodeEngine();
  for (const width of [1280, 320]) {
    const { page, context, errors } = await openDesign(width);
    await inDesign(page, '[data-action="start-choice"][value="services-60-30-10"]').check();
    await inDesign(page, '[data-action="use-template"]').click();
    await page.waitForFunction((w) => document.querySelector(w).tender.criteria.length === 3, W);

    // A negative quantity.
    await inDesign(page, '[data-action="line-add"]').click();
    const quantity = `${PRICE}.schedule[0].quantity`;
    await inDesign(page, `[data-path="${quantity}"]`).fill('-3');
    let t = await designTender(page);
    let expected = engine.validate(t).errors.filter((e) => e.path === quantity);
    assert.equal(expected.length, 1, JSON.stringify(engine.validate(t).errors));
    assert.match(await errorBeside(page, quantity), new RegExp(expected[0].message.slice(0, 12), 'i'));
    assert.equal(await inDesign(page, `[data-path="${quantity}"]`).inputValue(), '-3');
    assert.equal(t.criteria[0].schedule[0].quantity, '-3', 'what was typed is in the tender');

    // A group threshold above the group's marks (quality has 30).
    const threshold = `${QUALITY}.threshold`;
    await inDesign(page, `[data-path="${threshold}"]`).fill('31');
    t = await designTender(page);
    expected = engine.validate(t).errors.filter((e) => e.path === threshold);
    assert.equal(expected.length, 1, JSON.stringify(engine.validate(t).errors));
    await errorBeside(page, threshold);
    await checkPage(page, 'errors beside a schedule line and a group threshold', width);
    const summary = await inDesign(page, '.error-summary').textContent();
    assert.match(summary, /Group “Quality”/);
    await shot(page, `design-real-tenders-errors-${width}`);

    // Mended, the errors go.
    await inDesign(page, `[data-path="${quantity}"]`).fill('3');
    await inDesign(page, `[data-path="${threshold}"]`).fill('70%');
    await page.waitForFunction((w) => !document.querySelector(w).shadowRoot.querySelector('.error-summary'), W);

    // An example bid's total is put aside while the price has lines, and comes back without them.
    await inDesign(page, `[data-action="line-remove"]`).click();
    await inDesign(page, '[data-action="add-bid"]').click();
    await inDesign(page, '[data-path="bids[0].price"]').fill('90000');
    await inDesign(page, '[data-action="line-add"]').click();
    await inDesign(page, `[data-path="${PRICE}.schedule[0].name"]`).fill('Hourly rate');
    await inDesign(page, `[data-path="${PRICE}.schedule[0].name"]`).press('Tab');
    await page.waitForFunction((w) => document.querySelector(w).tender.criteria[0].schedule[0].id === 'hourly-rate', W);
    assert.equal((await designTender(page)).bids[0].price, undefined);
    await inDesign(page, '[data-path="bids[0].prices.hourly-rate"]').fill('45');
    await inDesign(page, '[data-action="line-remove"]').click();
    t = await designTender(page);
    assert.equal(t.criteria[0].schedule, undefined);
    assert.deepEqual([t.bids[0].price, t.bids[0].prices], ['90000', undefined]);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the new fields at 320 px: axe, reflow and a screenshot with every section filled in', async () => {
  const engine = await nodeEngine();
  const { page, context, errors } = await openDesign(320);
  await page.evaluate(
    ({ w, tender }) => {
      document.querySelector(w).tender = tender;
    },
    { w: W, tender: expectedTender() },
  );
  await page.waitForFunction((w) => document.querySelector(w).tender.criteria?.[0]?.schedule?.length === 3, W);
  assert.deepEqual(await designTender(page), expectedTender(), 'a loaded file is shown exactly as written');
  assert.deepEqual(engine.validate(expectedTender()).errors, []);
  // Every field shows what the file holds.
  const value = (path) => inDesign(page, `[data-path="${path}"]`).first();
  assert.equal(await value(`${PRICE}.schedule[0].max`).inputValue(), '500');
  assert.equal(await value(`${PRICE}.schedule[2].income`).isChecked(), true);
  assert.equal(await value(`${PRICE}.lifeCycle.discountRate`).inputValue(), '0.035');
  assert.equal(await value(`${QUALITY}.threshold`).inputValue(), '60%');
  assert.equal(await value('moderation.require').isChecked(), true);
  await checkPage(page, 'every new field filled in', 320);
  await shot(page, 'design-real-tenders-320');
  assert.deepEqual(errors, []);
  await context.close();
});
