// Design mode's texts by language (www/src/design/languages.js), without a page: which languages
// get an input, the tender kept in the widget's language while the texts by language wait beside
// it, and the whole given back exactly, whatever was taken out or moved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { designTexts } from '../../www/src/design/languages.js';
import { catalogue } from '../../www/src/text/messages.js';

const cat = catalogue('en-GB');
const two = (en, cy) => ({ en, cy });
const bilingual = () => ({
  format: 'bidscore/1',
  tender: { title: two('Home support', 'Cymorth yn y cartref'), buyer: 'A council', reference: 'R-1' },
  scales: { five: { points: [{ value: 0, label: two('None', 'Dim'), descriptor: 'No answer' }] } },
  criteria: [
    { id: 'price', kind: 'price', name: two('Price', 'Pris'), weight: 60 },
    { id: 'q', children: [{ id: 'q1', kind: 'scored', name: two('Delivery', 'Darparu'), question: two('How?', 'Sut?') }] },
  ],
  measures: [{ id: 'jobs', name: two('Jobs', 'Swyddi'), unit: 'FTE' }],
});

test('the model is kept in the widget’s language, and given back whole', () => {
  const texts = designTexts(cat, 'cy');
  const source = bilingual();
  const draft = texts.split(structuredClone(source));
  assert.equal(draft.tender.title, 'Cymorth yn y cartref');
  assert.equal(draft.criteria[1].children[0].question, 'Sut?');
  assert.equal(draft.tender.buyer, 'A council');
  assert.deepEqual(texts.whole(draft), source);
  // A field taken out (a criterion's name emptied) leaves every other text in its place.
  delete draft.criteria[0].name;
  const back = texts.whole(draft);
  assert.equal(Object.hasOwn(back.criteria[0], 'name'), false);
  assert.deepEqual(back.criteria[1].children[0].name, two('Delivery', 'Darparu'));
  assert.deepEqual(back.measures, source.measures);
  // A criterion moved takes its texts with it.
  draft.criteria.reverse();
  assert.deepEqual(texts.whole(draft).criteria[0].children[0].question, two('How?', 'Sut?'));
});

test('which languages get an input: the host’s, in its order, by the model’s own tags; none for one language', () => {
  const texts = designTexts(cat, 'cy');
  texts.place(null, ['cy', 'en-GB']);
  texts.split(bilingual());
  assert.deepEqual(texts.columns, ['cy', 'en']);
  // A model in English on a page listing Welsh and English: its plain text is English.
  const plain = { format: 'bidscore/1', tender: { title: 'Home support', locale: 'en-GB' }, criteria: [] };
  texts.split(plain);
  assert.deepEqual(texts.columns, ['cy', 'en-GB']);
  assert.equal(texts.plainTag, 'en-GB');
  assert.equal(plain.tender.title, 'Home support');
  // One language on the page and in the model: one input of plain text, as ever.
  texts.place(plain, []);
  assert.equal(texts.columns, null);
  assert.deepEqual(texts.whole(plain), plain);
  // A model in several languages on a page in one: an input for each of the model's.
  texts.split(bilingual());
  assert.deepEqual(texts.columns, ['en', 'cy']);
});

test('a key that JavaScript treats specially is kept as text, and changes no prototype', () => {
  const texts = designTexts(cat, 'en-GB');
  const source = JSON.parse('{"format":"bidscore/1","tender":{"title":{"__proto__":"x","en":"Title"}},"criteria":[]}');
  const draft = texts.split(structuredClone(source));
  assert.equal(draft.tender.title, 'Title');
  const back = texts.whole(draft);
  assert.deepEqual(Object.keys(back.tender.title), ['__proto__', 'en']);
  assert.equal({}.x, undefined);
});
