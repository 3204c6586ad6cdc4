// Design mode for real tenders (spec §11–18): a buyer sets a price schedule with a whole-life cost,
// a group threshold, consensus, a recorded draw with its seed and the jurisdiction with the keyboard
// alone; the downloaded file holds exactly those fields and the engine accepts it.
// Invalid entries show the engine's error beside their field, nothing typed is lost when a choice
// is changed back, axe finds nothing in each new state, and the page reflows at 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setUp, axe, shot, nodeEngine } from './support.mjs';
import { TEMPLATES } from '../../www/src/design/templates.js';
import { W, inDesign, designTender, designResult, focused, tabTo, toPath, toAction, typeAt, openDesign as openDesignIn } from './design-support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

const PRICE = 'criteria[0]';
const QUALITY = 'criteria[1]';
const openDesign = (width) => openDesignIn(env, width);

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
  t.tender.jurisdiction = 'GB-SCT';
  t.criteria[0].schedule = [
    { id: 'call-out', name: 'Call-out', unit: 'visit', quantity: '120', max: '500' },
    { id: 'annual-service-charge', name: 'Annual service charge', unit: 'year', perYear: true },
    { id: 'equipment-resale', name: 'Equipment resale', income: true },
  ];
  t.criteria[0].lifeCycle = { years: '5', discountRate: '0.035' };
  t.criteria[1].threshold = '60%';
  t.moderation = { require: 'consensus' };
  t.tieBreak = ['group:quality', 'price', 'draw'];
  t.tieDrawSeed = 'Drawn 2 March 2026 before the panel: 4471';
  return t;
}

test('a tender with a schedule, a group threshold, consensus, a draw and a jurisdiction, built with the keyboard alone', async () => {
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

  // Jurisdiction: Scotland, from the list.
  let f = await choose(page, (x) => x.action === 'jurisdiction', 'Sc');
  assert.equal(f.selected, 'Scotland (GB-SCT)');
  await page.waitForFunction((w) => document.querySelector(w).tender.tender.jurisdiction === 'GB-SCT', W);

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

  // Consensus, and a recorded draw as the last tie rule, with its seed.
  await toPath(page, 'moderation.require');
  await page.keyboard.press('Space');
  assert.equal((await focused(page)).checked, true);
  f = await choose(page, (x) => x.action === 'tie-pick', 'a recorded');
  assert.equal(f.selected, 'a recorded draw decides the order');
  await toAction(page, 'tie-add');
  await page.keyboard.press('Enter');
  await page.waitForFunction((w) => document.querySelector(w).tender.tieBreak.at(-1) === 'draw', W);
  await typeAt(page, 'tieDrawSeed', 'Drawn 2 March 2026 before the panel: 4471');
  await checkPage(page, 'consensus and a draw', 1280);

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

    // Another country's code is put aside while a UK nation is tried, and comes back.
    const pick = inDesign(page, '[data-action="jurisdiction"]');
    await pick.selectOption({ label: 'Another country' });
    await inDesign(page, '[data-path="tender.jurisdiction"]').fill('IE');
    await pick.selectOption({ label: 'Wales (GB-WLS)' });
    await page.waitForFunction((w) => document.querySelector(w).tender.tender.jurisdiction === 'GB-WLS', W);
    assert.equal(await inDesign(page, '[data-path="tender.jurisdiction"]').count(), 0);
    await pick.selectOption({ label: 'Another country' });
    assert.equal(await inDesign(page, '[data-path="tender.jurisdiction"]').inputValue(), 'IE');
    assert.equal((await designTender(page)).tender.jurisdiction, 'IE');
    await inDesign(page, '[data-path="tender.jurisdiction"]').fill('ie');
    assert.match(await errorBeside(page, 'tender.jurisdiction'), /ISO 3166/);
    await inDesign(page, '[data-path="tender.jurisdiction"]').fill('IE');

    // A proximity margin kept within money bounds needs its percentage.
    await inDesign(page, '[data-path="abnormallyLow.proximityMin"]').fill('£1,000');
    await errorBeside(page, 'abnormallyLow.proximityPercent');
    await inDesign(page, '[data-path="abnormallyLow.proximityPercent"]').fill('1');
    assert.deepEqual((await designTender(page)).abnormallyLow, { proximityMin: '1000', proximityPercent: '1' });
    await checkPage(page, 'another country', width);

    // The draw's seed is put aside with the draw and comes back with it.
    await inDesign(page, '[data-action="tie-pick"]').selectOption({ label: 'a recorded draw decides the order' });
    await inDesign(page, '[data-action="tie-add"]').click();
    await inDesign(page, '[data-path="tieDrawSeed"]').fill('seed 77');
    await inDesign(page, '[data-action="tie-remove"][data-key="2"]').click();
    t = await designTender(page);
    assert.deepEqual([t.tieBreak, t.tieDrawSeed], [['group:quality', 'price'], undefined]);
    await inDesign(page, '[data-action="tie-pick"]').selectOption({ label: 'a recorded draw decides the order' });
    await inDesign(page, '[data-action="tie-add"]').click();
    // A rule added later goes in above the draw.
    await inDesign(page, '[data-action="tie-pick"]').selectOption({ index: 0 });
    await inDesign(page, '[data-action="tie-add"]').click();
    t = await designTender(page);
    assert.equal(t.tieBreak.at(-1), 'draw');
    assert.equal(t.tieBreak.length, 4);
    assert.equal(t.tieDrawSeed, 'seed 77');

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
    // A quantity still being typed with more decimals than the browser formats does not stop the page.
    await inDesign(page, `[data-path="${PRICE}.schedule[0].quantity"]`).fill(`1.${'0'.repeat(150)}`);
    await inDesign(page, '[data-action="line-add"]').click();
    await page.waitForFunction((w) => document.querySelector(w).tender.criteria[0].schedule.length === 2, W);
    await inDesign(page, '[data-action="line-remove"]').last().click();
    await inDesign(page, '[data-action="line-remove"]').click();
    t = await designTender(page);
    assert.equal(t.criteria[0].schedule, undefined);
    assert.deepEqual([t.bids[0].price, t.bids[0].prices], ['90000', undefined]);

    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the new fields at 320 px: a file holding them is shown as written, a minimum above its maximum is flagged, axe and reflow', async () => {
  const engine = await nodeEngine();
  const { page, context, errors } = await openDesign(320);
  // The keyboard test's tender, with relative thresholds and a number with limits as well.
  const file = expectedTender();
  const [delivery, staffing] = file.criteria[1].children;
  delivery.thresholdRelative = '80%';
  staffing.weight = 10;
  file.criteria[1].thresholdRelative = '90%';
  file.criteria[1].children.push({
    id: 'response',
    kind: 'numeric',
    name: 'Response time',
    weight: 5,
    unit: 'hours',
    direction: 'lower',
    minimum: '1',
    maximum: '48',
  });
  assert.deepEqual(engine.validate(file).errors, []);
  await page.evaluate(
    ({ w, tender }) => {
      document.querySelector(w).tender = tender;
    },
    { w: W, tender: file },
  );
  await page.waitForFunction((w) => document.querySelector(w).tender.criteria?.[0]?.schedule?.length === 3, W);
  assert.deepEqual(await designTender(page), file, 'a loaded file is shown exactly as written');
  // Every field shows what the file holds.
  const value = (path) => inDesign(page, `[data-path="${path}"]`).first();
  const inputs = {
    [`${PRICE}.schedule[0].max`]: '500',
    [`${PRICE}.lifeCycle.discountRate`]: '0.035',
    [`${QUALITY}.threshold`]: '60%',
    [`${QUALITY}.thresholdRelative`]: '90%',
    [`${QUALITY}.children[0].thresholdRelative`]: '80%',
    [`${QUALITY}.children[2].minimum`]: '1',
    [`${QUALITY}.children[2].maximum`]: '48',
    tieDrawSeed: 'Drawn 2 March 2026 before the panel: 4471',
  };
  for (const [path, want] of Object.entries(inputs)) assert.equal(await value(path).inputValue(), want, path);
  assert.equal(await value(`${PRICE}.schedule[2].income`).isChecked(), true);
  assert.equal(await value('moderation.require').isChecked(), true);
  assert.equal(
    await inDesign(page, '[data-action="jurisdiction"]').evaluate((s) => s.selectedOptions[0].textContent),
    'Scotland (GB-SCT)',
  );
  await checkPage(page, 'every new field filled in', 320);
  await shot(page, 'design-real-tenders-320');

  // A lowest value above the highest.
  await value(`${QUALITY}.children[2].minimum`).fill('72');
  assert.match(await errorBeside(page, `${QUALITY}.children[2].minimum`), /above the maximum 48/);
  await checkPage(page, 'a minimum above the maximum', 320);
  assert.deepEqual(errors, []);
  await context.close();
});
