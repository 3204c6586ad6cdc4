// The widget's tender text for the engine, written again only where it changed
// (www/src/engine/draft-text.js): always what asText gives for the tender as it is, character for
// character, while the bids not named as changed keep their last texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draftText } from '../../www/src/engine/draft-text.js';
import { asText } from '../../www/src/engine/engine.js';
import { generated } from './engine.mjs';

/** The answer is asText's: the same text, or the very same object. */
function same(got, tender, name) {
  const want = asText(tender);
  if (typeof want === 'string') assert.equal(got, want, name);
  else assert.equal(got, tender, name);
}

const small = () => JSON.parse(generated(5, 4, 2, 3));

test('whatever the tender, the text is asText’s, written whole or from kept bids', () => {
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  const cases = [
    ['generated', small],
    ['no bids', () => ({ format: 'bidscore/1', bids: [] })],
    ['no list of bids', () => ({ format: 'bidscore/1' })],
    ['bids not a list', () => ({ bids: 'none' })],
    ['a hole and null among the bids', () => ({ bids: [{ id: 'a' }, , null] })],
    ['the stand-in’s own words in a title', () => ({ tender: { title: '\u0000bids written apart\u0000' }, bids: [{ id: 'a' }] })],
    ['markup and __proto__', () => JSON.parse('{"__proto__":{"x":1},"bids":[{"id":"</script>","__proto__":[1]}],"z":"\\u2028"}')],
    ['a bid with a toJSON', () => ({ bids: [{ id: 'a', toJSON: () => ({ id: 'b' }) }] })],
    ['a list of bids with a toJSON', () => ({ bids: Object.assign([{ id: 'a' }], { toJSON: () => [] }) })],
    ['a tender with a toJSON', () => ({ bids: [{ id: 'a' }], toJSON: () => ({ bids: [] }) })],
    ['NaN in a bid', () => ({ bids: [{ id: 'a', price: NaN }] })],
    ['a BigInt in a bid', () => ({ bids: [{ id: 'a', price: 10n }] })],
    ['a cycle', () => { const t = small(); t.bids[1].note = t; return t; }],
    ['a getter that throws', () => { const t = small(); Object.defineProperty(t.bids[0], 'price', { enumerable: true, get: () => { throw new Error('no'); } }); return t; }],
    ['bids a Proxy whose ownKeys throws', () => ({ bids: new Proxy({}, { ownKeys: () => { throw new Error('no keys'); } }) })],
    ['a revoked Proxy as the tender', revoked],
    ['a revoked Proxy as a bid', () => ({ bids: [{ id: 'a' }, revoked()] })],
    ['not an object', () => 7],
    ['null', () => null],
  ];
  for (const [name, make] of cases) {
    const tender = make();
    const text = draftText();
    same(text(tender), tender, `${name}, whole`);
    // Again, with its first bid named as changed (kept texts for the others, where there are any).
    same(text(tender, new Set([0])), tender, `${name}, its first bid changed`);
    same(text(tender, new Set()), tender, `${name}, nothing changed`);
  }
});

test('a bid typed in is written again, and the bids not named keep their last texts', () => {
  const tender = JSON.parse(generated(40, 6, 3, 5));
  const text = draftText();
  assert.equal(text(tender), JSON.stringify(tender));
  // Seeded edits of one bid at a time, or of the rest of the tender: the text follows each.
  let seed = 7;
  const next = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  for (let k = 0; k < 300; k += 1) {
    if (next(10) === 0) {
      tender.tender.title = `Title ${k}`;
      assert.equal(text(tender, new Set()), JSON.stringify(tender), `edit ${k} outside the bids`);
      continue;
    }
    const i = next(tender.bids.length);
    const bid = tender.bids[i];
    const ids = Object.keys(bid.scores ?? {});
    if (ids.length && next(2)) bid.scores[ids[next(ids.length)]].rationale = `Reason ${k} "quoted" \u2028`;
    else bid.price = String(100000 + k);
    assert.equal(text(tender, new Set([i])), JSON.stringify(tender), `edit ${k} of bid ${i}`);
  }
  // A bid changed without being named keeps its last text: the texts are kept, not written again.
  const before = JSON.stringify(tender);
  tender.bids[3].supplier = 'Changed unannounced';
  tender.bids[4].supplier = 'Named';
  const kept = text(tender, new Set([4]));
  assert.equal(JSON.parse(kept).bids[3].supplier, JSON.parse(before).bids[3].supplier);
  assert.equal(JSON.parse(kept).bids[4].supplier, 'Named');
  // Not knowing what changed (null) writes every bid again.
  assert.equal(text(tender, null), JSON.stringify(tender));
});

test('a new tender, a new list of bids, a bid added or a place out of range are written whole', () => {
  const tender = small();
  const text = draftText();
  text(tender);
  const other = small();
  other.bids[0].supplier = 'Another tender';
  assert.equal(text(other, new Set([1])), JSON.stringify(other));
  other.bids = [...other.bids];
  other.bids[2].supplier = 'In a new list';
  assert.equal(text(other, new Set([0])), JSON.stringify(other));
  other.bids.push({ id: 'added', supplier: 'Added' });
  other.bids[1].supplier = 'Beside one added';
  assert.equal(text(other, new Set([0])), JSON.stringify(other));
  other.bids[1].supplier = 'Out of range';
  for (const odd of [new Set([99]), new Set([-1]), new Set(['1']), new Set([0.5])]) {
    assert.equal(text(other, odd), JSON.stringify(other));
  }
  // A bid that JSON would not carry: the tender itself, for the engine to name; then whole again.
  other.bids[0].price = NaN;
  assert.equal(text(other, new Set([0])), other);
  other.bids[0].price = '10';
  other.bids[2].supplier = 'After the error';
  assert.equal(text(other, new Set([0])), JSON.stringify(other));
});
