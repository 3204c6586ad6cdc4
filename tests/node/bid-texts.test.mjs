// The tender's text for `evaluateSince` (www/src/engine/engine.js `tenderText`): each bid's JSON is
// checked again only when it changed, yet it is always what `asText` gives, to the character, and
// a bid edited in place (as the widget edits its draft) is read as it now stands, with whatever
// JSON cannot carry still refused at its path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, evaluate } from './engine.mjs';
import { asText, loadEngine, tenderText, useWasmBytes } from '../../www/src/engine/engine.js';

useWasmBytes(() => readFileSync(join(root, 'pkg/bidscore_bg.wasm')));
const engine = await loadEngine();

const example = (name) => JSON.parse(readFileSync(join(root, 'www/examples', name), 'utf8'));

/** The error `call` throws. */
function thrown(call) {
  try {
    call();
  } catch (error) {
    return error;
  }
  assert.fail('no error');
}

test('every example, edited in place bid by bid, reads as asText writes it', () => {
  const names = readdirSync(join(root, 'www/examples')).filter((f) => f.endsWith('.json'));
  assert.ok(names.length > 5);
  for (const name of names) {
    const tender = example(name);
    assert.equal(tenderText(tender), asText(tender), name);
    for (const bid of tender.bids ?? []) {
      bid.supplier = `${bid.supplier} (renamed)`;
      assert.equal(tenderText(tender), asText(tender), name);
    }
    // The same again, every bid as it was checked last time.
    assert.equal(tenderText(tender), asText(tender), name);
  }
});

test('a score edited in place in a bid read before is scored as it now stands', () => {
  const tender = example('evaluator-spread.json');
  const before = engine.evaluateSince(tender);
  const bid = tender.bids[1];
  const [criterion, score] = Object.entries(bid.scores).find(([, s]) => s.evaluators && s.moderated === undefined);
  const [name, mark] = Object.entries(score.evaluators)[0];
  score.evaluators[name] = mark === 0 || mark === '0' ? 4 : 0;
  const after = engine.evaluateSince(tender);
  assert.equal(JSON.stringify(after), JSON.stringify(evaluate(JSON.stringify(tender))));
  const shown = (r) => r.bids[1].criteria.find((c) => c.id === criterion).working;
  assert.notEqual(shown(after), shown(before), 'the edited score is read again');
});

test('what JSON cannot carry, put in place into a bid read before, is still named at its path', () => {
  const tender = example('grounds-maintenance.json');
  const nested = (levels) => {
    let deep = {};
    const top = deep;
    for (let i = 0; i < levels; i += 1) deep = deep.x = {};
    return top;
  };
  for (const [what, standIn, put] of [
    // The first four show in JSON as the stand-in the bid held when it was read before.
    ['NaN where null was', null, (b) => (b.note = NaN)],
    ['Infinity where null was', null, (b) => (b.note = -Infinity)],
    ['a Map where {} was', {}, (b) => (b.note = new Map([['a', 1]]))],
    ['undefined in a list where null was', [null], (b) => (b.note = [undefined])],
    ['a function', 'text', (b) => (b.note = () => 1)],
    ['data nested too deep', 'text', (b) => (b.note = nested(200))],
  ]) {
    const bid = tender.bids[1];
    bid.note = standIn;
    assert.equal(typeof tenderText(tender), 'string', what); // read with the stand-in, which JSON carries
    put(bid);
    assert.equal(typeof tenderText(tender), 'object', what);
    // The engine walks the object and names the place, as it does given the object itself.
    const error = thrown(() => engine.evaluateSince(tender));
    const expected = thrown(() => evaluate(tender));
    assert.deepEqual([error.name, error.code, error.path, error.message], [expected.name, expected.code, expected.path, expected.message], what);
    delete bid.note;
    assert.equal(JSON.stringify(engine.evaluateSince(tender)), JSON.stringify(evaluate(JSON.stringify(tender))), what);
  }
});

test('bids held anywhere but in an ordinary list of objects are read as asText reads them', () => {
  const tender = example('grounds-maintenance.json');
  // A hole in the list, a bid that writes itself (toJSON), a tender whose bids JSON leaves out.
  const holed = { ...tender, bids: [...tender.bids] };
  delete holed.bids[1];
  assert.equal(tenderText(holed), asText(holed));
  assert.equal(typeof tenderText(holed), 'object');
  const written = { ...tender, bids: tender.bids.map((b, i) => (i === 0 ? { toJSON: () => b } : b)) };
  assert.equal(tenderText(written), asText(written));
  const hidden = { ...tender };
  Object.defineProperty(hidden, 'bids', { value: tender.bids, enumerable: false });
  assert.equal(tenderText(hidden), asText(hidden));
  // A text that looks like the place the bids go in is only text.
  const lookalike = { ...tender, tender: { ...tender.tender, title: '\u0000bid-scorer:bids' } };
  assert.equal(tenderText(lookalike), asText(lookalike));
});
