// A bid's price in whole pence (or the currency's smallest unit): the form's check
// (www/src/ui/pence.js) over prices as files and forms give them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pennyErrors } from '../../www/src/ui/pence.js';

const cases = [
  // [currency, price, error expected]
  ['GBP', '1080000.005', true],
  ['GBP', '1080000.01', false],
  ['GBP', '1080000.010', false], // trailing zeros are no fraction of a penny
  ['GBP', '1080000.00000', false],
  ['GBP', '1080000', false],
  ['GBP', '.001', true],
  ['GBP', '-0.125', true],
  ['GBP', 1080000.005, true], // a JSON number in a file
  ['GBP', 12.5, false],
  ['GBP', 'about a million', false], // the engine's own error says what is wrong
  ['GBP', '', false],
  ['GBP', null, false],
  ['GBP', undefined, false],
  ['EUR', '99.999', true],
  ['JPY', '1000.5', true], // no minor unit
  ['JPY', '1000', false],
  ['BHD', '1.001', false], // three decimal places
  ['BHD', '1.0001', true],
  ['not a currency', '1.005', true], // two places when the currency is unknown
  [undefined, '1.005', true],
];

test('a price with more decimal places than its currency has is an error at that bid’s price', () => {
  for (const [currency, price, expected] of cases) {
    const tender = { tender: currency === undefined ? undefined : { currency }, bids: [{ id: 'a' }, { id: 'b', price }] };
    const errors = pennyErrors(tender, () => undefined);
    assert.equal(errors.length, expected ? 1 : 0, `${currency} ${price}`);
    if (expected) {
      assert.equal(errors[0].code, 'price-fraction-of-penny');
      assert.equal(errors[0].path, 'bids[1].price');
      assert.equal(errors[0].params.found, price);
    }
  }
});

test('the error quotes the price as the form shows it, and odd tenders give no error and no throw', () => {
  const tender = { bids: [{ price: '1080000.005' }] };
  assert.equal(pennyErrors(tender, (path) => (path === 'bids[0].price' ? '£1,080,000.005' : undefined))[0].params.found, '£1,080,000.005');
  for (const odd of [null, {}, { bids: null }, { bids: 'x' }, { bids: [null, 7, { price: {} }] }, JSON.parse('{"__proto__": {"bids": [{"price": "1.001"}]}}')]) {
    assert.deepEqual(pennyErrors(odd, () => undefined), []);
  }
});
