// The widget in Welsh (dist/bid-scorer-cy.js, www/cymraeg.html with a tender written in Welsh): in
// every mode and state no English is left (every text node, accessible name, download and the
// print output is checked against the English catalogue and for English words), the content is
// marked `lang="cy"`, axe is clean at 1280 and 320 px, and the switch between English and Cymraeg
// works by keyboard without losing what was typed, under a strict CSP too. The English-only build
// asked for Welsh says where Welsh is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setUp, openPage, ready, atBothWidths, downloadFrom, field, root, record, csvFields, bilingualTender, exampleTender } from './support.mjs';
import { catalogue } from '../../www/src/text/messages.js';
import '../../www/src/text/cymraeg.js';

const cy = catalogue('cy');
const en = catalogue('en-GB');
const leaves = (o, out = []) => {
  if (typeof o === 'string') out.push(o.trim());
  else if (o && typeof o === 'object') for (const v of Object.values(o)) leaves(v, out);
  return out;
};
const WELSH = new Set(leaves(cy));
/** Every English string of the catalogue that is whole text (no placeholder) and not also Welsh. */
const ENGLISH = new Set(leaves(en).filter((s) => !s.includes('{') && !WELSH.has(s) && /[A-Za-z]{2}/.test(s)));
/** Words no Welsh sentence here uses: text holding one is English that escaped the catalogue. */
const ENGLISH_WORDS = /\b(the|and|with|this|that|are|your|of|to|from|which|will|has|have|been|each|bids?|scores?|price|total|mean|median)\b/i;

/** The English found in `texts`: whole catalogue strings, or text with English words (file names aside). */
function englishIn(texts) {
  const words = (t) => ENGLISH_WORDS.test(t.replace(/[\w-]+\.(js|json|html|csv)\b/g, ''));
  return [...new Set(texts.filter((t) => ENGLISH.has(t.trim()) || words(t)))];
}

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

/**
 * Every text node and accessible-name attribute in the page's widgets (nested ones too), with the
 * language each is marked with; text marked with another language than Welsh (the switch's
 * "English") is left out, as it is English on purpose and says so.
 */
function widgetText(page) {
  return page.evaluate(() => {
    const texts = [];
    const unmarked = [];
    const walk = (node, lang) => {
      for (const n of node.childNodes) {
        if (n.nodeType === Node.TEXT_NODE) {
          const t = n.textContent.trim();
          if (t && lang === 'cy') texts.push(t);
          else if (t && !lang) unmarked.push(t);
        } else if (n.nodeType === Node.ELEMENT_NODE && !['SLOT', 'SCRIPT', 'STYLE'].includes(n.tagName)) {
          const here = n.getAttribute('lang') ?? lang;
          for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext']) {
            if (n.hasAttribute(a) && here === 'cy') texts.push(n.getAttribute(a));
          }
          if (n.shadowRoot) walk(n.shadowRoot, here);
          walk(n, here);
        }
      }
    };
    for (const el of document.querySelectorAll('bid-scorer')) walk(el.shadowRoot, null);
    return { texts, unmarked };
  });
}

/** Asserts the widget shows Welsh only, every piece of it marked as Welsh. */
async function allWelsh(page, state) {
  const { texts, unmarked } = await widgetText(page);
  assert.ok(texts.length > 20, `${state}: ${texts.length} texts read`);
  assert.deepEqual(unmarked, [], `${state}: text outside any lang`);
  assert.deepEqual(englishIn(texts), [], `${state}: English on the page`);
}

async function setMode(page, mode) {
  await page.locator('bid-scorer').evaluate((el, m) => el.setAttribute('mode', m), mode);
  await page.waitForSelector(`bid-scorer [data-mode="${mode}"]`);
  await page.waitForTimeout(400);
}

test('the check finds English: a catalogue string, or English words in a sentence', () => {
  assert.deepEqual(englishIn([en.ui.errorSummaryTitle, cy.ui.errorSummaryTitle, 'Mae 3 cynnig', 'Your total is 3']), [
    en.ui.errorSummaryTitle,
    'Your total is 3',
  ]);
  assert.ok(ENGLISH.size > 500, `${ENGLISH.size} English strings`);
});

test('every mode in Welsh: no English, marked lang="cy", axe clean at 1280 and 320 px', async () => {
  const { page, context, errors, requests } = await openPage(env, 'cymraeg.html');
  await ready(page);
  await allWelsh(page, 'evaluate');
  for (const summary of await page.locator('bid-scorer details > summary').all()) await summary.click();
  await allWelsh(page, 'evaluate, every bid open');
  await atBothWidths(page, 'cymraeg-evaluate');

  // An error: in Welsh next to the field and in the summary, what was typed kept.
  await field(page, 'bids[1].price').fill('abc');
  await page.locator('bid-scorer [role="alert"]').first().waitFor();
  assert.equal((await page.locator('bid-scorer [role="alert"] h2').first().textContent()).trim(), cy.ui.errorSummaryTitle);
  assert.match(await page.locator('bid-scorer .error-message:not([hidden])').first().textContent(), new RegExp(`^${cy.ui.errorPrefix}`));
  assert.equal(await field(page, 'bids[1].price').inputValue(), 'abc');
  await allWelsh(page, 'evaluate, a price in error');
  await atBothWidths(page, 'cymraeg-evaluate-error');
  await field(page, 'bids[1].price').fill('1080000');

  // Print: what the page prints is filled as printing starts.
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await allWelsh(page, 'evaluate, printed');
  await page.emulateMedia({ media: 'screen' });

  for (const mode of ['self-assess', 'publish', 'design']) {
    await setMode(page, mode);
    assert.equal(await page.locator(`bid-scorer [data-mode="${mode}"]`).getAttribute('lang'), 'cy');
    if (mode === 'design') {
      // The rounding rule as the published model words it, one sentence with one full stop.
      const rule = cy.ui.rounding.criterion.replace('{decimals}', '2').replace(/\.$/, '');
      const said = `${cy.design.roundingWords.replace('{words}', rule)}`;
      assert.equal((await page.locator('bid-scorer [data-rounding-words]').textContent()).trim(), said);
    }
    await allWelsh(page, mode);
    await atBothWidths(page, `cymraeg-${mode}`);
  }
  assert.deepEqual(errors, []);
  assert.ok(requests.every((r) => r.startsWith(env.url)), requests.join('\n'));
  await context.close();
});

test('the downloads in Welsh: results CSV, the assessment summary (HTML and plain text) and the standalone copy', async () => {
  const { page, context, errors } = await openPage(env, 'cymraeg.html');
  await ready(page);
  const csv = await downloadFrom(page, 'bid-scorer [data-action="export-csv"]');
  const header = csvFields(csv.text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]);
  assert.deepEqual(englishIn(header), [], `CSV header: ${header}`);

  for (const summary of await page.locator('bid-scorer details > summary').all()) await summary.click();
  const html = await downloadFrom(page, 'bid-scorer [data-action="summary-html"][data-bid="b3"]');
  assert.match(html.text, /<html lang="cy">/);
  // How each criterion was assessed is worded in Welsh too, from the published model.
  const assessed = [...html.text.matchAll(new RegExp(`<dt>${cy.debrief.assessed}</dt>\\s*<dd>([^<]*)</dd>`, 'g'))];
  assert.ok(assessed.length > 1, 'the summary says how each criterion was assessed');
  const htmlText = html.text
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .split(/<[^>]+>/)
    .map((t) => t.trim())
    .filter(Boolean);
  assert.deepEqual(englishIn(htmlText), [], 'assessment summary (HTML)');

  // The plain-text summary: the same parts, line by line, in Welsh.
  const text = await downloadFrom(page, 'bid-scorer [data-action="summary-text"][data-bid="b3"]');
  assert.match(text.text, new RegExp(`^${cy.debrief.heading}: `));
  assert.match(text.text, new RegExp(`  ${cy.debrief.assessed}: `));
  const lines = text.text
    .split('\n')
    .flatMap((line) => line.split(/: |; /))
    .map((t) => t.trim())
    .filter(Boolean);
  assert.deepEqual(englishIn(lines), [], 'assessment summary (plain text)');

  const copy = await downloadFrom(page, 'bid-scorer [data-action="standalone"]');
  assert.match(copy.text, /<html lang="cy">/);
  assert.match(copy.text, /<bid-scorer mode="evaluate" locale="cy" languages="cy en-GB">/);
  const page2 = copy.text.slice(0, copy.text.indexOf('<bid-scorer')).split(/<[^>]+>/).map((t) => t.trim());
  assert.deepEqual(englishIn(page2.filter(Boolean)), [], 'the standalone page around the widget');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the language switch, by keyboard: English and back, nothing typed lost, even with no storage', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Storage that refuses every write: the work must live on in the widget itself.
  await context.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  const page = await context.newPage();
  const { errors } = record(page);
  await page.goto(`${env.url}cymraeg.html`);
  await ready(page);
  await page.locator('bid-scorer details[data-bid-editor="b2"] > summary').click();
  await field(page, 'bids[1].price').fill('990000');
  await page.waitForTimeout(300);
  const before = await page.locator('bid-scorer').evaluate((el) => el.tender);

  const switchTo = async (lang, key) => {
    // From the language in use, Tab reaches the next button in the order the host named them.
    await page.locator(`bid-scorer [data-language="${lang === 'cy' ? 'en-GB' : 'cy'}"]`).focus();
    await page.keyboard.press(lang === 'en-GB' ? 'Tab' : 'Shift+Tab');
    const on = await page.evaluate(() => document.querySelector('bid-scorer').shadowRoot.activeElement?.dataset.language);
    assert.equal(on, lang, `focus is on ${lang}`);
    await page.keyboard.press(key);
    await page.waitForSelector(`bid-scorer .app[lang="${lang}"]`);
    await page.waitForTimeout(200);
    const focus = await page.evaluate(() => {
      const a = document.querySelector('bid-scorer').shadowRoot.activeElement;
      return { lang: a?.dataset.language, pressed: a?.getAttribute('aria-pressed') };
    });
    assert.deepEqual(focus, { lang, pressed: 'true' }, 'focus stays on the language chosen');
  };

  await switchTo('en-GB', 'Enter');
  assert.equal(await page.locator('bid-scorer').getAttribute('locale'), 'en-GB');
  assert.equal((await page.locator('bid-scorer header .caption-m').textContent()).trim(), en.ui.modes.evaluate);
  assert.equal(await page.locator('bid-scorer [data-language="cy"]').getAttribute('lang'), 'cy');
  assert.equal(await field(page, 'bids[1].price').inputValue(), '990000');
  assert.deepEqual(await page.locator('bid-scorer').evaluate((el) => el.tender), before);
  await atBothWidths(page, 'cymraeg-switched-to-english');

  await switchTo('cy', ' ');
  assert.equal((await page.locator('bid-scorer header .caption-m').textContent()).trim(), cy.ui.modes.evaluate);
  assert.deepEqual(await page.locator('bid-scorer').evaluate((el) => el.tender), before);
  await allWelsh(page, 'back in Welsh');
  assert.deepEqual(errors, []);
  await context.close();
});

test('from a page saved to disk (file://), Welsh with no request but the files themselves', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const { errors, requests } = record(page);
  await page.goto(pathToFileURL(join(root, 'www/cymraeg.html')).href);
  await ready(page);
  await allWelsh(page, 'file://');
  // The analysis worker starts from the script's own text, as a blob: URL.
  assert.ok(requests.every((r) => r.startsWith('file://') || r.startsWith('blob:null/')), requests.join('\n'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Welsh build works under a strict Content-Security-Policy, its switch too', async () => {
  const strict = await setUp({ csp: true });
  try {
    const { page, context, errors } = await openPage(strict, 'cymraeg.html');
    await ready(page);
    await page.locator('bid-scorer [data-language="en-GB"]').click();
    await page.waitForSelector('bid-scorer .app[lang="en-GB"]');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await strict.stop();
  }
});

test('the English-only build asked for Welsh shows English, says so once, and names the build with Welsh', async () => {
  const { page, context, errors } = await openPage(env, 'embed-script.html');
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await ready(page);
  await page.evaluate(() => {
    const el = document.createElement('bid-scorer');
    el.id = 'welsh';
    el.setAttribute('locale', 'cy');
    el.setAttribute('languages', 'en-GB cy');
    el.tender = document.querySelector('bid-scorer').tender;
    document.querySelector('main').append(el);
  });
  await ready(page, '#welsh');
  assert.equal(await page.locator('#welsh .app').getAttribute('lang'), 'en-GB');
  assert.equal((await page.locator('#welsh header .caption-m').textContent()).trim(), en.ui.modes.evaluate);
  // No switch to a language this build cannot show.
  assert.equal(await page.locator('#welsh [data-language]').count(), 0);
  // Once for the locale, once for the switch: each names the build that has Welsh.
  const welsh = warnings.filter((w) => w.includes('"cy"'));
  assert.equal(welsh.length, 2, warnings.join('\n'));
  for (const w of welsh) assert.match(w, /bid-scorer-cy\.js/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tender in English and Welsh reads in the widget’s language, follows the switch, and exports both', async () => {
  const { page, context, errors } = await openPage(env, 'cymraeg.html');
  await ready(page);
  const tender = await bilingualTender();
  await page.locator('bid-scorer').evaluate((el, t) => {
    el.tender = t;
  }, tender);
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids?.[0]?.criteria?.[0]?.name === 'Pris');
  const title = () => page.locator('bid-scorer header h2').textContent();
  assert.equal(await title(), 'Gwasanaeth llesiant cymunedol');
  await allWelsh(page, 'a tender in both languages, in Welsh');
  const ranking = await page.locator('bid-scorer').evaluate((el) => el.result.ranking);

  await page.locator('bid-scorer details[data-bid-editor="b2"] > summary').click();
  await field(page, 'bids[1].price').fill('990000');
  await page.locator('bid-scorer [data-language="en-GB"]').click();
  await page.waitForSelector('bid-scorer .app[lang="en-GB"]');
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids?.[0]?.criteria?.[0]?.name === 'Price');
  assert.equal(await title(), 'Community wellbeing service');
  assert.equal(await field(page, 'bids[1].price').inputValue(), '990000');

  // What the page gets back and what is exported keep both languages, with the bids as typed.
  const back = await page.locator('bid-scorer').evaluate((el) => el.tender);
  assert.deepEqual(back.criteria.find((c) => c.id === 'price').name, { en: 'Price', cy: 'Pris' });
  assert.equal(back.bids[1].price, '990000');
  const file = await downloadFrom(page, 'bid-scorer [data-action="export-json"]');
  assert.deepEqual(JSON.parse(file.text).tender.title, tender.tender.title);
  // The scores do not depend on the language.
  await field(page, 'bids[1].price').fill(String(tender.bids[1].price));
  await page.waitForTimeout(300);
  assert.deepEqual(await page.locator('bid-scorer').evaluate((el) => el.result.ranking), ranking);

  // Design mode edits both languages, side by side (tests/browser/design-languages.test.mjs).
  await setMode(page, 'design');
  assert.deepEqual(await field(page, 'tender.title').evaluateAll((els) => els.map((e) => [e.lang, e.value])), [
    ['cy', 'Gwasanaeth llesiant cymunedol'],
    ['en', 'Community wellbeing service'],
  ]);
  assert.equal(await page.locator('bid-scorer [data-notice="languages"]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('text given wrongly (an empty map, a number in a language, a number as a title) is named as an error, never shown as [object Object]', async () => {
  const { page, context, errors } = await openPage(env, 'cymraeg.html');
  await ready(page);
  const t = await exampleTender('council-wellbeing.json');
  t.tender.title = {};
  t.tender.buyer = { cy: 5 };
  await page.locator('bid-scorer').evaluate((el, x) => {
    el.tender = x;
  }, t);
  await page.locator('bid-scorer [role="alert"]').first().waitFor();
  const widget = () => page.locator('bid-scorer').evaluate((el) => el.shadowRoot.textContent);
  assert.doesNotMatch(await widget(), /object Object/);
  assert.match(await page.locator('bid-scorer [role="alert"]').first().textContent(), new RegExp(cy.errors['empty-text']));
  // Design mode opens it too, untitled, with the errors to mend.
  t.tender.title = 5;
  await page.locator('bid-scorer').evaluate((el, x) => {
    el.tender = x;
  }, t);
  await setMode(page, 'design');
  assert.doesNotMatch(await widget(), /object Object/);
  assert.equal((await page.locator('bid-scorer [data-heading="title"]').textContent()).trim(), '5');
  assert.deepEqual(errors, []);
  await context.close();
});
