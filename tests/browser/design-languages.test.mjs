// Design mode in two languages: a model in English and Welsh, opened in design on a Welsh page,
// shows each text the buyer writes as one input per language, side by side (stacked at 320 px),
// each labelled with the field and its language in Welsh and marked with its language; what is
// typed by keyboard in each is kept as text by language, given back to the page, exported and
// opened again; switching language keeps both. An English model on a page listing Welsh and
// English gains Welsh text; a text emptied in one language keeps the other, and emptied in both is
// the error "fill in" next to the field. A model in one language on an English page is as ever.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { setUp, openPage, axe, screenshots, downloadFrom, bilingualTender, exampleTender } from './support.mjs';
import { focused, tabTo } from './design-support.mjs';
import { catalogue } from '../../www/src/text/messages.js';
import '../../www/src/text/cymraeg.js';

const cy = catalogue('cy');
/** The widget, not the preview inside it. */
const EL = 'bid-scorer:not([data-preview])';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

/** The Welsh page (locale cy, languages "cy en-GB") in design mode with `tender`. */
async function designIn(tender, { width = 1280 } = {}) {
  const opened = await openPage(env, 'cymraeg.html', { width });
  const { page } = opened;
  await page.waitForSelector(`${EL} [data-mode]`);
  await page.locator(EL).evaluate((el, t) => {
    el.tender = t;
    el.setAttribute('mode', 'design');
  }, tender);
  await page.waitForSelector(`${EL} [data-mode="design"] [data-path="criteria[0].name"]`);
  return opened;
}

const input = (page, path, lang) => page.locator(`${EL} [data-path="${path}"]${lang ? `[lang="${lang}"]` : ''}`);
const tender = (page) => page.locator(EL).evaluate((el) => el.tender);
const priceAt = (t) => t.criteria.findIndex((c) => c.id === 'price');

/** Tabs to the input of `path` in `lang`, then types `text` over what it holds. */
async function typeIn(page, path, lang, text) {
  await tabTo(page, (f) => f.path === path && f.lang === lang);
  await page.keyboard.press('ControlOrMeta+A');
  if (text) await page.keyboard.type(text);
  else await page.keyboard.press('Backspace');
}

test('a model in English and Welsh is designed in both, side by side, by keyboard; kept, exported, opened again and switched', async () => {
  const both = await bilingualTender();
  const { page, context, errors } = await designIn(both);
  const at = `criteria[${priceAt(both)}].name`;
  // One input per language, labelled in Welsh with the field and the language, marked with it.
  const labels = await page
    .locator(`${EL} [data-path="${at}"]`)
    .evaluateAll((els) => els.map((e) => [e.lang, e.labels[0].textContent]));
  assert.deepEqual(labels, [
    ['cy', `${cy.design.nameLabel} (Cymraeg)`],
    ['en', `${cy.design.nameLabel} (Saesneg)`],
  ]);
  assert.equal(await input(page, 'tender.title', 'cy').inputValue(), 'Gwasanaeth llesiant cymunedol');
  assert.equal(await input(page, 'tender.title', 'en').inputValue(), 'Community wellbeing service');
  // Every text the buyer writes, and nothing else, in both.
  for (const path of ['tender.buyer', 'criteria[0].question', 'scales.five-point.points[0].label', 'measures[0].unit', 'measures[0].source']) {
    assert.equal(await input(page, path).count(), 2, path);
  }
  for (const path of ['tender.reference', 'tender.currency', 'measures[0].licence']) assert.equal(await input(page, path).count(), 1, path);
  // No notice that one language is lost: none is.
  assert.equal(await page.locator(`${EL} [data-notice="languages"]`).count(), 0);

  await page.locator(`${EL} [data-path="tender.title"][lang="cy"]`).focus();
  await typeIn(page, at, 'cy', 'Pris y contract');
  await typeIn(page, at, 'en', 'Contract price');
  assert.equal((await focused(page)).lang, 'en', 'focus stays in the input typed in');
  await page.waitForTimeout(300);
  let back = await tender(page);
  assert.deepEqual(back.criteria[priceAt(both)].name, { en: 'Contract price', cy: 'Pris y contract' });
  assert.deepEqual(back.tender.title, both.tender.title);
  assert.deepEqual(back.scales, both.scales);
  // The page, in Welsh, names the criterion by its Welsh name.
  assert.match(await page.locator(`${EL} [data-mode="design"]`).textContent(), /Pris y contract/);

  // At 1280 px the languages sit side by side, at 320 px one above the other; axe is clean at both.
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    assert.deepEqual(await axe(page), [], `axe at ${width} px`);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(scroll <= client, `the page is ${scroll} px wide in a ${client} px window`);
    const [cyBox, enBox] = await Promise.all(['cy', 'en'].map((l) => input(page, at, l).boundingBox()));
    if (width === 1280) assert.equal(cyBox.y, enBox.y, 'side by side');
    else assert.ok(enBox.y > cyBox.y + cyBox.height, 'stacked');
    await input(page, at, 'cy').scrollIntoViewIfNeeded();
    await mkdir(screenshots, { recursive: true });
    await page.screenshot({ path: `${screenshots}design-languages-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Exported with both languages, and opened again as it was.
  const file = await downloadFrom(page, `${EL} [data-action="download-model"]`);
  const model = JSON.parse(file.text);
  assert.deepEqual(model.criteria[priceAt(both)].name, { en: 'Contract price', cy: 'Pris y contract' });
  // So is the snippet that publishes it.
  assert.match(await page.locator(`${EL} .design-snippet`).inputValue(), /"cy": "Pris y contract"/);
  await page.locator(EL).evaluate((el, t) => {
    el.tender = t;
  }, model);
  await page.waitForTimeout(300);
  assert.equal(await input(page, at, 'cy').inputValue(), 'Pris y contract');
  assert.equal(await input(page, at, 'en').inputValue(), 'Contract price');

  // Switching the widget's language keeps both columns' text.
  await page.locator(`${EL} [data-language="en-GB"]`).click();
  await page.waitForSelector(`${EL} .app[lang="en-GB"]`);
  assert.equal(await input(page, at, 'cy').inputValue(), 'Pris y contract');
  assert.equal(await input(page, at, 'en').inputValue(), 'Contract price');
  assert.equal(await input(page, at, 'en').evaluate((e) => e.labels[0].textContent), 'Name (English)');
  back = await tender(page);
  assert.deepEqual(back.criteria[priceAt(both)].name, { en: 'Contract price', cy: 'Pris y contract' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('an English model on a page listing Welsh and English gains Welsh text; the rest stays plain', async () => {
  const en = await exampleTender('council-wellbeing.json');
  const { page, context, errors } = await designIn(en);
  assert.deepEqual(await input(page, 'tender.title').evaluateAll((els) => els.map((e) => [e.lang, e.value])), [
    ['cy', ''],
    ['en-GB', 'Community wellbeing service'],
  ]);
  await page.locator(`${EL} [data-path="tender.title"][lang="cy"]`).focus();
  await page.keyboard.type('Gwasanaeth llesiant cymunedol');
  await page.waitForTimeout(300);
  const back = await tender(page);
  assert.deepEqual(back.tender.title, { 'en-GB': 'Community wellbeing service', cy: 'Gwasanaeth llesiant cymunedol' });
  assert.equal(back.tender.buyer, en.tender.buyer);
  assert.deepEqual(back.criteria, en.criteria);
  // The page is in Welsh: its heading reads the Welsh title.
  assert.equal((await page.locator(`${EL} [data-heading="title"]`).textContent()).trim(), 'Gwasanaeth llesiant cymunedol');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a text emptied in one language keeps the other; emptied in both, the error is next to the field', async () => {
  const both = await bilingualTender();
  const { page, context, errors } = await designIn(both);
  const at = 'measures[0].name';
  const fillIn = new RegExp(cy.design.fillIn.replace('{label}', cy.design.measureName));
  await page.locator(`${EL} [data-path="${at}"][lang="cy"]`).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.waitForTimeout(300);
  assert.deepEqual((await tender(page)).measures[0].name, { en: both.measures[0].name.en });
  const group = page.locator(`${EL} .design-languages:has([data-path="${at}"])`);
  assert.equal(await group.locator('.error-message:visible').count(), 0);
  await typeIn(page, at, 'en', '');
  await page.waitForTimeout(300);
  assert.equal(Object.hasOwn((await tender(page)).measures[0], 'name'), false);
  assert.match(await group.locator('.error-message:visible').textContent(), fillIn);
  assert.equal(await input(page, at, 'cy').getAttribute('aria-invalid'), 'true');
  assert.equal(await input(page, at, 'en').getAttribute('aria-invalid'), 'true');
  // Typing it again in one language mends it.
  await page.keyboard.type('Local jobs');
  await page.waitForTimeout(300);
  assert.deepEqual((await tender(page)).measures[0].name, { en: 'Local jobs' });
  assert.equal(await group.locator('.error-message:visible').count(), 0);
  // A text in no language from a file (`{}`) is the same error, named the same way.
  const file = await bilingualTender();
  file.measures[0].name = {};
  await page.locator(EL).evaluate((el, t) => {
    el.tender = t;
  }, file);
  await page.waitForTimeout(300);
  assert.match(await group.locator('.error-message:visible').textContent(), fillIn);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a model in one language on a page in one language keeps one input of plain text', async () => {
  const { page, context, errors } = await openPage(env, 'design.html');
  await page.waitForSelector(`${EL} [data-mode="design"]`);
  await page.locator(EL).evaluate(async (el, t) => {
    el.tender = t;
  }, await exampleTender('council-wellbeing.json'));
  await page.waitForSelector(`${EL} [data-path="criteria[0].name"]`);
  assert.equal(await input(page, 'criteria[0].name').count(), 1);
  assert.equal(await input(page, 'criteria[0].name').getAttribute('lang'), null);
  await input(page, 'criteria[0].name').fill('Insurance');
  await page.waitForTimeout(300);
  assert.equal((await tender(page)).criteria[0].name, 'Insurance');
  assert.deepEqual(errors, []);
  await context.close();
});
