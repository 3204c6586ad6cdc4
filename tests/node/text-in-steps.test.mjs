// The tender's text for the analysis worker, written a few bids per task
// (www/src/analysis/text-in-steps.js): the same JSON as JSON.stringify's, and stopped when no
// longer wanted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tenderTextInSteps } from '../../www/src/analysis/text-in-steps.js';
import { generated } from './engine.mjs';

test('the text reads back as the tender, whatever its bids', async () => {
  const big = JSON.parse(generated(300, 20, 3, 7));
  const cases = [
    big,
    { format: 'bidscore/1', bids: [] },
    { bids: [{ id: 'a', scores: {} }] },
    { bids: [{ id: 'a' }, undefined, null] },
    { tender: { title: '"bids":[]' }, bids: [{ id: 'x"y</script>' }], after: 1 },
    { format: 'bidscore/1' },
    // Own keys named __proto__, as JSON.parse makes them, stay data.
    JSON.parse('{"__proto__":{"x":1},"bids":[{"id":"__proto__","__proto__":[1]}],"z":"\\u2028"}'),
  ];
  for (const tender of cases) {
    const text = await tenderTextInSteps(tender, () => true);
    assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(tender)));
  }
  // Not an object with a list of bids: as JSON.stringify writes it.
  for (const odd of [null, 7, 'text', [1, 2], { bids: 'none' }]) assert.equal(await tenderTextInSteps(odd), JSON.stringify(odd));
});

test('a big tender is written over several tasks, and stops when no longer wanted', async () => {
  const one = JSON.parse(generated(1000, 40, 3, 1));
  // Eleven megabytes of text: more than one step's worth on any machine.
  const big = { ...one, bids: [...one.bids, ...one.bids, ...one.bids, ...one.bids] };
  let asked = 0;
  const text = await tenderTextInSteps(big, () => {
    asked += 1;
    return true;
  });
  assert.ok(asked >= 1, 'written in one task');
  assert.deepEqual(JSON.parse(text), big);
  assert.equal(await tenderTextInSteps(big, () => false), null);
});
