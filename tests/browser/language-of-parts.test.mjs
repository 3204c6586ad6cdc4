// The tender's own text in another language than the widget's carries its own (WCAG 3.1.2,
// language of parts): an English-only tender on the Welsh page, in every mode, printed, in its
// analysis, its assessment summary (HTML) and its standalone copy, has each of its texts inside
// an element of its language and the catalogue's words still inside lang="cy"; a bilingual tender
// marks only the text that fell back to English; and the attacks (markup, `__proto__`, regex
// characters, a text inside a Welsh word or in both languages, what the user typed, two widgets,
// the language switch) mark nothing wrongly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, ready, atBothWidths, downloadFrom, bilingualTender, exampleTender, TENDER_TEXT_KEYS as TEXT } from './support.mjs';
import { analysed } from './analysis-support.mjs';

/** Every text the buyer wrote in `tender` (not the bids), of three letters or more. */
function tenderTexts(tender) {
  const out = new Set();
  const walk = (v, key) => {
    if (typeof v === 'string') {
      if (TEXT.has(key) && /\p{L}\P{L}*\p{L}\P{L}*\p{L}/u.test(v)) out.add(v.trim());
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'bids') walk(x, Array.isArray(v) ? key : k);
  };
  walk(tender, '');
  return [...out];
}

const english = () => exampleTender('council-wellbeing.json');

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

/**
 * Reads every text node of the page's widgets (nested ones too) with the language it is in:
 * `unmarked`, text in `lang` holding a tender text of `texts` (as a whole word, and not inside
 * what the user typed, `typed`); `catalogue`, text in another language than `lang` holding
 * letters beyond the tender's texts (so a catalogue word marked as English); `marked`, how many
 * tender texts are in another language.
 */
function languages(page, texts, { lang = 'cy', typed = [], selector = 'bid-scorer' } = {}) {
  return page.evaluate(
    ({ texts, lang, typed, selector }) => {
      const esc = (t) => t.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
      const any = texts.sort((a, b) => b.length - a.length).map(esc).join('|');
      const re = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${any})(?![\\p{L}\\p{M}\\p{N}])`, 'gu');
      const out = { unmarked: [], catalogue: [], marked: 0, langs: new Set() };
      // A widget inside in another language (design mode's preview, in the tender's) is left out.
      const walk = (node, here) => {
        for (const n of node.childNodes) {
          if (n.nodeType === Node.TEXT_NODE) {
            const t = n.data.trim();
            if (!t || !here) continue;
            let rest = t;
            for (const u of typed) rest = rest.split(u).join(' ');
            const found = rest.match(re);
            // An <option> holds text only: one in Welsh naming a tender text cannot mark it.
            const mixed = n.parentElement.tagName === 'OPTION' && /\p{L}/u.test(rest.replace(re, ''));
            if (here === lang && found && !mixed) out.unmarked.push(t);
            else if (here !== lang && found) {
              out.marked += found.length;
              out.langs.add(here);
            }
            if (here !== lang && /\p{L}/u.test(rest.replace(re, '')) && !n.parentElement.closest('.language-switch')) out.catalogue.push(t);
          } else if (n.nodeType === Node.ELEMENT_NODE && !['SLOT', 'SCRIPT', 'STYLE', 'TEXTAREA'].includes(n.tagName)) {
            const l = n.getAttribute('lang') ?? here;
            if (n.shadowRoot && (n.shadowRoot.querySelector('.app')?.lang ?? lang) === lang) walk(n.shadowRoot, l);
            walk(n, l);
          }
        }
      };
      for (const el of document.querySelectorAll(selector)) walk(el.shadowRoot, null);
      return { ...out, langs: [...out.langs] };
    },
    { texts, lang, typed, selector },
  );
}

async function setMode(page, mode) {
  await page.locator('bid-scorer').evaluate((el, m) => el.setAttribute('mode', m), mode);
  await page.waitForSelector(`bid-scorer [data-mode="${mode}"]`);
  await page.waitForTimeout(400);
}

async function allMarked(page, texts, state, options) {
  const r = await languages(page, texts, options);
  assert.deepEqual(r.unmarked, [], `${state}: tender text left in Welsh`);
  assert.deepEqual(r.catalogue, [], `${state}: the catalogue's words marked as another language`);
  assert.ok(r.marked > 3, `${state}: ${r.marked} tender texts marked`);
  assert.deepEqual(r.langs, ['en-GB'], `${state}: marked as the tender's locale`);
}

test('an English tender on a Welsh page: its text is marked lang="en-GB" in every mode, the catalogue’s stays Welsh', async () => {
  const { page, context, errors } = await openPage(env, 'cymraeg.html');
  await ready(page);
  const t = await english();
  const texts = tenderTexts(t);
  await page.locator('bid-scorer').evaluate((el, x) => {
    el.tender = x;
  }, t);
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids?.[0]?.criteria?.[0]?.name === 'Price');
  assert.equal(await page.locator('bid-scorer .app').getAttribute('lang'), 'cy');
  await allMarked(page, texts, 'evaluate');
  for (const summary of await page.locator('bid-scorer details > summary').all()) await summary.click();
  await analysed(page);
  await page.waitForTimeout(300);
  await allMarked(page, texts, 'evaluate, every bid open, analysed');
  await atBothWidths(page, 'language-of-parts-evaluate');

  // Print: what the page prints is filled as printing starts.
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await allMarked(page, texts, 'evaluate, printed');
  await page.emulateMedia({ media: 'screen' });

  // The assessment summary and the standalone copy: the tender's text in <span lang="en-GB">.
  const html = await downloadFrom(page, 'bid-scorer [data-action="summary-html"][data-bid="b3"]');
  assert.match(html.text, /<html lang="cy">/);
  assert.match(html.text, /<th scope="row"><span lang="en-GB">Service delivery<\/span><\/th>/);
  assert.match(html.text, /<p class="lead"><span lang="en-GB">Community wellbeing service<\/span><\/p>/);
  assert.match(html.text, /<title>[^<]*Community wellbeing service[^<]*<\/title>/);
  const copy = await downloadFrom(page, 'bid-scorer [data-action="standalone"]');
  const h1 = /<h1><span lang="cy"><span lang="en-GB">Community wellbeing service<\/span>[^<]+<\/span><\/h1>/;
  assert.ok(h1.test(copy.text), 'the standalone page’s heading');
  // The tender and the widget inside the copy are as they were.
  assert.ok(copy.text.includes('"title": "Community wellbeing service"'));

  for (const mode of ['self-assess', 'publish', 'design']) {
    await setMode(page, mode);
    await allMarked(page, texts, mode);
    if (mode !== 'design') await atBothWidths(page, `language-of-parts-${mode}`);
  }
  // An <option> that says a tender text and figures only ("3 – Good") takes its language itself.
  assert.ok(await page.locator('bid-scorer option[lang="en-GB"]').count() > 0, 'options marked');
  // Design mode: a name typed is marked as the tender's language as it is shown. The page lists
  // two languages, so each name has an input per language: the English one is typed in.
  await page.locator('bid-scorer [data-path="criteria[2].name"][lang="en-GB"]').fill('Cost of the service');
  await page.waitForTimeout(600);
  // (The old name may still be shown where the page is not drawn again yet: it is marked too.)
  await allMarked(page, [...texts, 'Cost of the service'], 'design, a name typed');
  const typedName = await languages(page, ['Cost of the service']);
  assert.ok(typedName.marked > 0, 'the name typed is marked');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a bilingual tender: only the text with no Welsh, shown in English, is marked lang="en"', async () => {
  const { page, context, errors } = await openPage(env, 'cymraeg.html');
  await ready(page);
  const t = await bilingualTender();
  const price = t.criteria.find((c) => c.id === 'price');
  assert.equal(typeof price.name, 'object');
  delete price.name.cy; // no Welsh: the engine's rule falls back to English
  await page.locator('bid-scorer').evaluate((el, x) => {
    el.tender = x;
  }, t);
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids?.[0]?.criteria?.some((c) => c.name === 'Price'));
  const welsh = tenderTexts(await exampleTender('gwasanaeth-llesiant.json')).filter((x) => x !== 'Pris');
  const r = await languages(page, ['Price'], {});
  assert.deepEqual(r.unmarked, []);
  assert.deepEqual(r.langs, ['en']);
  assert.deepEqual(r.catalogue, []);
  // The Welsh texts are the page's language: nothing of theirs is marked.
  const w = await languages(page, welsh, {});
  assert.equal(w.marked, 0);
  // The standalone copy's page names the tender by its Welsh title (never "[object Object]").
  const copy = await downloadFrom(page, 'bid-scorer [data-action="standalone"]');
  const head = copy.text.slice(0, copy.text.indexOf('<bid-scorer'));
  assert.doesNotMatch(head, /object Object/);
  assert.match(head, /<h1>[^<]*Gwasanaeth llesiant cymunedol[^<]*<\/h1>/);
  // Switched to English, the Welsh texts are marked Welsh, and "Price" is English like the page.
  await page.locator('bid-scorer [data-language="en-GB"]').click();
  await page.waitForSelector('bid-scorer .app[lang="en-GB"]');
  await page.waitForTimeout(300);
  const inEnglish = await languages(page, ['Price'], { lang: 'en-GB' });
  assert.equal(inEnglish.marked, 0);
  assert.equal(await page.locator('bid-scorer span[lang]').count(), 0, 'an English page of English text marks nothing');
  assert.deepEqual(errors, []);
  await context.close();
});

test('attacks: markup, __proto__, regex characters, a Welsh word’s start, both languages, what was typed, two widgets, the switch', async () => {
  const { page, context, errors } = await openPage(env, 'cymraeg.html');
  await ready(page);
  const t = await english();
  const q = t.criteria.find((c) => c.id === 'quality');
  q.children[0].name = 'Delivery <b>plan</b>';
  q.children[1].name = '__proto__';
  t.criteria.find((c) => c.id === 'social-value').children[0].name = 'Value (£) [a+b]*? $1 \\d';
  // The start of the Welsh for "Total score" ("Cyfanswm"), as a text of this English tender.
  t.criteria.find((c) => c.id === 'price').name = 'Cyfan';
  // The same text in both languages is the page's language: not marked.
  t.scales['five-point'].points[0].label = { en: 'Dim', cy: 'Dim' };
  // What the user typed holds tender texts: never marked.
  t.bids[0].supplier = 'Cyfan Quality Ltd';
  const texts = tenderTexts(t).filter((x) => x !== 'Dim');
  await page.locator('bid-scorer').evaluate((el, x) => {
    el.tender = x;
  }, t);
  await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids?.[0]?.criteria?.[0]?.name === 'Cyfan');
  for (const summary of await page.locator('bid-scorer details > summary').all()) await summary.click();
  await page.waitForTimeout(300);
  await allMarked(page, texts, 'attacks', { typed: ['Cyfan Quality Ltd'] });
  const shadow = await page.locator('bid-scorer').evaluate((el) => ({
    bold: [...el.shadowRoot.querySelectorAll('span[lang]')].some((s) => s.textContent === 'Delivery <b>plan</b>'),
    b: el.shadowRoot.querySelectorAll('b').length,
    proto: [...el.shadowRoot.querySelectorAll('span[lang]')].some((s) => s.textContent === '__proto__'),
    regex: [...el.shadowRoot.querySelectorAll('span[lang]')].some((s) => s.textContent === 'Value (£) [a+b]*? $1 \\d'),
    welsh: [...el.shadowRoot.querySelectorAll('span[lang]')].filter((s) => s.textContent.includes('Cyfanswm')).length,
    dim: [...el.shadowRoot.querySelectorAll('span[lang]')].filter((s) => s.textContent === 'Dim').length,
    supplier: [...el.shadowRoot.querySelectorAll('span[lang]')].filter((s) => s.textContent.includes('Cyfan Quality')).length,
  }));
  assert.deepEqual(shadow, { bold: true, b: 0, proto: true, regex: true, welsh: 0, dim: 0, supplier: 0 });

  // A second widget, English, with the same tender: nothing to mark there; the Welsh one unchanged.
  await page.evaluate((x) => {
    const el = document.createElement('bid-scorer');
    el.id = 'english';
    el.setAttribute('locale', 'en-GB');
    el.tender = x;
    document.querySelector('bid-scorer').after(el);
  }, t);
  await ready(page, '#english');
  assert.equal(await page.locator('#english span[lang]').count(), 0);
  await allMarked(page, texts, 'the Welsh widget beside an English one', { typed: ['Cyfan Quality Ltd'], selector: 'bid-scorer:not(#english)' });
  await page.evaluate(() => document.querySelector('#english').remove());

  // The switch: in English nothing is marked; back in Welsh, all is again.
  await page.locator('bid-scorer [data-language="en-GB"]').click();
  await page.waitForSelector('bid-scorer .app[lang="en-GB"]');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('bid-scorer span[lang]').count(), 0);
  await page.locator('bid-scorer [data-language="cy"]').click();
  await page.waitForSelector('bid-scorer .app[lang="cy"]');
  await page.waitForTimeout(300);
  await allMarked(page, texts, 'back in Welsh', { typed: ['Cyfan Quality Ltd'] });
  assert.deepEqual(errors, []);
  await context.close();
});
