// A tender's own text in one language (www/src/text/tender-text.js): the choice of text for a
// locale, every field that may hold the buyer's text, and the rest left as it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasLanguages, inLanguage, textIn } from '../../www/src/text/tender-text.js';

test('the text for a locale: its tag, its language, a regional tag of it, then English, then the first', () => {
  const both = { en: 'Price', cy: 'Pris' };
  assert.equal(textIn(both, 'cy'), 'Pris');
  assert.equal(textIn(both, 'cy-GB'), 'Pris');
  assert.equal(textIn(both, 'CY'), 'Pris');
  assert.equal(textIn(both, 'en-GB'), 'Price');
  assert.equal(textIn(both, 'fr'), 'Price');
  assert.equal(textIn({ 'cy-GB': 'Pris', 'en-GB': 'Price' }, 'cy'), 'Pris');
  assert.equal(textIn({ 'cy-GB': 'Pris', 'en-GB': 'Price' }, 'de'), 'Price');
  assert.equal(textIn({ cy: 'Pris', ga: 'Praghas' }, 'fr'), 'Pris');
  assert.equal(textIn({ cy: 'Pris', ga: 'Praghas' }, 'ga-IE'), 'Praghas');
  // A plain text, and anything that is not a text in several languages, is left for the engine.
  assert.equal(textIn('Price', 'cy'), 'Price');
  for (const odd of [{}, { cy: 3 }, ['Pris'], null, 7]) assert.deepEqual(textIn(odd, 'cy'), odd);
});

test('every field that may hold the buyer’s text is read in the language; nothing else changes', () => {
  const two = (en, cy) => ({ en, cy });
  const tender = {
    format: 'bidscore/1',
    tender: { title: two('Home support', 'Cymorth yn y cartref'), buyer: two('A council', 'Cyngor'), reference: 'R-1', locale: 'en-GB' },
    scales: { five: { points: [{ value: 0, label: two('None', 'Dim'), descriptor: two('No answer', 'Dim ateb') }] } },
    measures: [{ id: 'jobs', name: two('Jobs', 'Swyddi'), unit: two('job', 'swydd'), source: two('Our figures', 'Ein ffigurau'), proxy: '1', licence: 'own' }],
    lots: [{ id: 'north', name: two('North', 'Gogledd'), description: two('The north', 'Y gogledd') }],
    criteria: [
      { id: 'price', kind: 'price', name: two('Price', 'Pris'), weight: 60, schedule: [{ id: 'visit', name: two('Visit', 'Ymweliad'), unit: two('hour', 'awr'), quantity: 3 }] },
      {
        id: 'quality',
        name: two('Quality', 'Ansawdd'),
        description: two('How well', 'Pa mor dda'),
        children: [{ id: 'q1', kind: 'scored', name: two('Delivery', 'Darparu'), question: two('How?', 'Sut?'), scale: 'five', weight: 40 }],
      },
      { id: 'n1', kind: 'numeric', name: two('Speed', 'Cyflymder'), unit: two('days', 'diwrnod') },
    ],
    bids: [{ id: 'b1', supplier: 'Cwmni Da', rationale: 'plain', price: '100' }],
  };
  assert.equal(hasLanguages(tender), true);
  const cy = inLanguage(tender, 'cy');
  assert.equal(hasLanguages(cy), false);
  const texts = JSON.stringify(cy);
  for (const word of ['Cymorth yn y cartref', 'Cyngor', 'Dim', 'Dim ateb', 'Swyddi', 'swydd', 'Ein ffigurau', 'Gogledd', 'Y gogledd', 'Pris', 'Ymweliad', 'awr', 'Ansawdd', 'Pa mor dda', 'Darparu', 'Sut?', 'Cyflymder', 'diwrnod']) {
    assert.ok(texts.includes(`"${word}"`), word);
  }
  assert.doesNotMatch(texts, /Home support|Delivery|"en"/);
  // Only the text changed: ids, figures and the bids are as they were, and the tender given is untouched.
  const plainly = JSON.parse(JSON.stringify(tender, (k, v) => (v && typeof v === 'object' && 'cy' in v && 'en' in v ? v.cy : v)));
  assert.deepEqual(cy, plainly);
  assert.deepEqual(tender.criteria[0].name, two('Price', 'Pris'));
  assert.equal(inLanguage(tender, 'en-GB').criteria[1].children[0].name, 'Delivery');
  assert.equal(hasLanguages({ ...tender, criteria: [], scales: {}, measures: [], lots: [], tender: { title: 'One' } }), false);
  assert.equal(inLanguage(null, 'cy'), null);
});

test('the widget chooses each text as the engine does, for every locale', async () => {
  const { readFileSync } = await import('node:fs');
  const { root, describe, evaluate } = await import('./engine.mjs');
  const fixture = JSON.parse(readFileSync(`${root}tests/fixtures/bilingual-welsh.json`, 'utf8'));
  const tender = fixture.tender;
  assert.equal(hasLanguages(tender), true);
  for (const locale of ['cy', 'cy-GB', 'CY', 'en', 'en-GB', 'fr', '', undefined]) {
    const given = { ...tender, tender: { ...tender.tender, locale } };
    const chosen = inLanguage(given, locale ?? 'en');
    assert.equal(hasLanguages(chosen), false, String(locale));
    // The engine reads the texts as given and as the widget chose them alike.
    assert.deepEqual(describe(chosen), describe(given), String(locale));
    assert.deepEqual(evaluate(chosen), evaluate(given), String(locale));
  }
});

test('a file is named by the reference, else the title in English or its first language, never by "[object Object]"', async () => {
  const { fileName } = await import('../../www/src/storage/io.js');
  assert.equal(fileName({ tender: { reference: 'EBC-1', title: { cy: 'Teitl' } } }, 'x.json'), 'EBC-1-x.json');
  assert.equal(fileName({ tender: { title: { cy: 'Teitl', en: 'Home support' } } }, 'x.json'), 'Home-support-x.json');
  assert.equal(fileName({ tender: { title: { cy: 'Teitl' } } }, 'x.json'), 'Teitl-x.json');
  assert.equal(fileName({ tender: { title: {} } }, 'x.json'), 'tender-x.json');
  assert.equal(fileName({ tender: { reference: 7 } }, 'x.json'), '7-x.json');
});
