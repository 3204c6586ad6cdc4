// Tie draws, abnormally low prices and jurisdictions through the JS API: the widget's en-GB
// templates for the new codes fill from the engine's params, and the assessment summary document
// built from a fictitious discount summary states the prices and the working on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { root, evaluate, validate, describe, debriefs } from './engine.mjs';
import { catalogue, engineText } from '../../www/src/text/messages.js';
import { debriefHtml } from '../../www/src/evaluate/debrief.js';

const fixtureTender = (name) =>
  JSON.parse(readFileSync(`${root}tests/fixtures/${name}.json`, 'utf8')).tender;
const cat = catalogue('en-GB');

test('the new warnings and errors have en-GB templates that their params fill', () => {
  const drawn = evaluate(fixtureTender('tie-drawn'));
  const tie = drawn.warnings.find((w) => w.code === 'tie-drawn');
  assert.equal(
    engineText(cat, 'warnings', tie),
    'Still equal after every other tie-break rule, these bids were put in order by the draw from the recorded seed “Tender board minute 14, 3 March 2026”: Abbey Shopfitters, Canal Street Interiors, Bridge Joinery (ranks 1 to 3)',
  );
  assert.ok(cat.warningTitles['tie-drawn']);

  const unused = { ...fixtureTender('tie-drawn'), tieBreak: ['price'] };
  const warning = validate(unused).warnings.find((w) => w.code === 'tie-draw-seed-unused');
  assert.ok(!engineText(cat, 'warnings', warning).includes('{'), 'every placeholder filled');

  const broken = {
    ...fixtureTender('tie-drawn'),
    tieBreak: ['draw', 'price'],
    tieDrawSeed: null,
    abnormallyLow: { proximityPercent: 1, proximityMin: 5000, proximityMax: 1000 },
  };
  const { errors } = validate(broken);
  assert.deepEqual(
    errors.map((e) => [e.code, e.path]),
    [
      ['proximity-min-above-max', 'abnormallyLow.proximityMin'],
      ['tie-draw-not-last', 'tieBreak[0]'],
      ['missing-tie-draw-seed', 'tieDrawSeed'],
    ],
  );
  for (const e of errors) {
    const text = engineText(cat, 'errors', e);
    assert.ok(cat.errors[e.code], e.code);
    assert.ok(!text.includes('{'), text);
  }
});

test('the published model states the abnormally low rule and the draw', () => {
  const model = describe(fixtureTender('abnormally-low-proximity-maximum'));
  assert.equal(model.abnormallyLow.code, 'abnormally-low');
  assert.deepEqual(model.abnormallyLow.params, {
    percent: '15',
    proximityPercent: '1',
    proximityMin: '1000',
    proximityMax: '100000',
  });
  assert.ok(model.abnormallyLow.message.includes('at least £1,000.00, at most £100,000.00'));
  const draw = describe(fixtureTender('tie-drawn')).tieBreakRules.at(-1);
  assert.deepEqual([draw.code, draw.params], ['draw', { seed: 'Tender board minute 14, 3 March 2026' }]);
});

test('a fictitious discount summary document gives the prices and the working without the evaluation', () => {
  const tender = JSON.parse(readFileSync(`${root}www/examples/award-fictitious-discount.json`, 'utf8'));
  const f2 = debriefs(tender).find((d) => d.bid === 'f2');
  assert.equal(f2.price, '980000.00');
  const html = debriefHtml(f2, { award: tender.award, currency: 'GBP' });
  for (const part of [
    'Your price: £980,000.00',
    '£980,000.00 − £240,000.00 quality discount = £740,000.00 fictitious price',
    'Price of the most advantageous tender (Youthlink Partnership): £900,000.00',
  ]) {
    assert.ok(html.includes(part), part);
  }
});

test('a tie-break rule reads the same in design and publish mode: an id may hold a colon, and a rule the catalogue does not word is shown as written', async () => {
  const { tieRuleText } = await import('../../www/src/text/award.js');
  // A name that is no text (a tender design mode draws before the engine accepts it) or only
  // spaces is not shown: the id is.
  const names = new Map([['q:1', 'Delivery: plan'], ['quality', 'Quality'], ['odd', { name: 'x' }], ['blank', '  ']]);
  const nameOf = (id) => names.get(id);
  const cases = [
    ['price', undefined, 'the lower price ranks higher'],
    ['criterion:q:1', undefined, 'the higher score for “Delivery: plan” ranks higher'],
    ['group:quality', undefined, 'the higher score for “Quality” ranks higher'],
    ['criterion:gone', undefined, 'the higher score for “gone” ranks higher'],
    ['draw', 'Minute 14', 'a draw from the recorded seed “Minute 14” decides the order; anyone can repeat it'],
    ['draw', '  ', 'NO SEED'],
    ['draw', undefined, 'NO SEED'],
    ['constructor:q:1', undefined, 'constructor:q:1'],
    ['__proto__', undefined, '__proto__'],
    ['toString', undefined, 'toString'],
    // Only the forms the engine accepts are worded; no template shows its placeholder.
    ['criterion', undefined, 'criterion'],
    ['group:', undefined, 'group:'],
    ['draw:x', 'Minute 14', 'draw:x'],
    ['price:junk', undefined, 'price:junk'],
    ['criterion:odd', undefined, 'the higher score for “odd” ranks higher'],
    ['criterion:blank', undefined, 'the higher score for “blank” ranks higher'],
    [5, undefined, '5'],
    [null, undefined, 'null'],
    [['price'], undefined, 'price'],
  ];
  for (const [rule, seed, want] of cases) {
    assert.equal(tieRuleText(cat.ui, rule, nameOf, seed, 'NO SEED'), want, rule);
  }
});
