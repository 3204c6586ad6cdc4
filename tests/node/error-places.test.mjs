// Where an error is, as the form names it (www/src/element/header-and-errors.js placeNamer): the
// bid by its supplier, the criterion or measure by its name, the field by its label; a key from
// the file that is also a name on every object's prototype is only ever a key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeNamer } from '../../www/src/element/header-and-errors.js';

const ui = { price: 'Price', marks: 'Marks', supplier: 'Supplier', moderated: 'Moderated score', rationale: 'Rationale' };
const tender = JSON.parse(`{
  "criteria": [
    { "id": "price", "name": "Price" },
    { "id": "quality", "name": "Quality", "children": [{ "id": "constructor", "name": "Delivery plan" }] }
  ],
  "measures": [{ "id": "jobs", "name": "Local jobs" }],
  "bids": [{ "id": "b1", "supplier": "Acme <b>Ltd</b>", "scores": { "constructor": 9, "__proto__": 1 } }]
}`);

const cases = [
  ['bids[0].price', '“Acme <b>Ltd</b>”, Price'],
  ['bids[0].scores.constructor.moderated', '“Acme <b>Ltd</b>”, “Delivery plan”, Moderated score'],
  ['bids[0].scores.constructor', '“Acme <b>Ltd</b>”, “Delivery plan”'],
  ['bids[0].scores.__proto__', '“Acme <b>Ltd</b>”'],
  ['bids[0].commitments.jobs', '“Acme <b>Ltd</b>”, “Local jobs”'],
  ['criteria[1].children[0].weight', '“Quality”, “Delivery plan”, Marks'],
  ['criteria[0].formula', '“Price”, formula'],
  ['bids[0].toString', '“Acme <b>Ltd</b>”, toString'],
  ['constructor', 'constructor'],
  ['hasOwnProperty', 'hasOwnProperty'],
  ['bids[7].price', 'Price'],
  ['', ''],
];

test('an error path is named as the form names it, whatever its keys', () => {
  const placeOf = placeNamer(tender, ui);
  for (const [path, want] of cases) assert.equal(placeOf(path), want, path);
});

test('a tender that is not an object names only the field', () => {
  for (const t of [null, 42, 'text', [], { criteria: 'x', measures: [null, 3] }]) {
    assert.equal(placeNamer(t, ui)('bids[0].price'), 'Price');
  }
});

test('a formula is named in words only when it is one the catalogue names, never from the prototype', async () => {
  const { catalogue, engineText } = await import('../../www/src/text/messages.js');
  const cat = catalogue('en-GB');
  const say = (formula) =>
    engineText(cat, 'reasons', { code: 'price-not-scorable', params: { formula, price: '0', scorable: 'set-bounds' } });
  const bounds = 'a straight line between a best and a worst price you set';
  assert.equal(say('lowest-ratio'), `A price of 0 cannot be scored by “lowest price ÷ your price”; ${bounds} can score it`);
  for (const odd of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
    assert.equal(say(odd), `A price of 0 cannot be scored by “${odd}”; ${bounds} can score it`);
  }
  const award = engineText(cat, 'reasons', {
    code: 'price-not-scorable',
    params: { formula: 'quality-price-ratio', price: '0', scorable: 'price-per-quality-point, fictitious-discount' },
  });
  assert.equal(
    award,
    'A price of 0 cannot be scored by “quality–price ratio”; price per quality point or fictitious price can score it',
  );
});
