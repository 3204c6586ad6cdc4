// `evaluateSince` (www/src/engine/engine.js), which the widget scores each edit with: its result is
// always the one `evaluate` gives, to the byte, and it shares with the result before it the bids
// whose JSON did not change, so that an edit of one bid of hundreds parses one bid, not all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, evaluate, generated } from './engine.mjs';
import * as glue from '../../pkg/bidscore.js';
import { loadEngine, useWasmBytes } from '../../www/src/engine/engine.js';

useWasmBytes(() => readFileSync(join(root, 'pkg/bidscore_bg.wasm')));
const engine = await loadEngine();

/** `evaluateSince` of `tender`, checked against `evaluate` of its text: the same JSON, keys in order. */
function since(tender) {
  const got = engine.evaluateSince(tender);
  assert.equal(JSON.stringify(got), JSON.stringify(evaluate(JSON.stringify(tender))));
  return got;
}

/** The indices of the bids `now` shares (the same objects) with `before`. */
const shared = (before, now) => now.bids.flatMap((b, i) => (b === before.bids[i] ? [i] : []));

test('each edit gives what evaluate gives, sharing only the bids that read the same', () => {
  const t = JSON.parse(generated(12, 6, 3, 5));
  let before = since(t);
  const scored = Object.keys(t.bids[3].scores)[0];
  const panel = t.bids[3].scores[scored].evaluators;
  const name = Object.keys(panel)[0];
  // A quality score changes that bid alone (unless it moves others' ranks: those come again too).
  panel[name] = panel[name] === 1 ? 2 : 1;
  let now = since(t);
  assert.ok(!shared(before, now).includes(3), 'the edited bid is new');
  const moved = now.bids.filter((b, i) => JSON.stringify(b) !== JSON.stringify(before.bids[i])).length;
  assert.equal(shared(before, now).length, t.bids.length - moved, 'every bid that reads the same is shared');
  assert.ok(shared(before, now).length > 0);
  // The same tender again: every bid shared.
  before = now;
  now = since(t);
  assert.deepEqual(shared(before, now), t.bids.map((_, i) => i));
  // A price: the lowest price scores every other bid again.
  t.bids[0].price = '1';
  before = now;
  now = since(t);
  // A bid added, one removed: read whole, the bids after them in new places; each bid that reads
  // as the one of its id did is still shared.
  t.bids.splice(2, 0, { ...structuredClone(t.bids[5]), id: 'added', supplier: 'Added Ltd' });
  before = now;
  now = since(t);
  assert.ok(sharedAlike(before, now) > 5);
  t.bids.splice(7, 1);
  before = now;
  now = since(t);
  assert.ok(sharedAlike(before, now) > 5);
  t.bids = [];
  since(t);
});

/**
 * Asserts that each bid of `now` that reads as the bid of its id in `before` is that very object;
 * returns how many there are.
 */
function sharedAlike(before, now) {
  const byId = new Map(before.bids.map((b) => [b.id, b]));
  const alike = now.bids.filter((b) => JSON.stringify(b) === JSON.stringify(byId.get(b.id)));
  for (const b of alike) assert.equal(b, byId.get(b.id), `bid ${b.id} reads as before and is shared`);
  return alike.length;
}

test('an invalid tender throws and leaves the last result in step; so does a fault', () => {
  const t = JSON.parse(generated(6, 4, 2, 9));
  const before = since(t);
  const price = t.bids[1].price;
  t.bids[1].price = 'lots';
  assert.throws(() => engine.evaluateSince(t), (e) => e.name === 'BidScoreError' && e.path === 'bids[1].price');
  t.bids[1].price = price;
  assert.deepEqual(shared(before, since(t)), t.bids.map((_, i) => i));
  // A trap replaces the instance and its copy of the last result: the next result shares nothing
  // and is still whole.
  new Uint8Array(glue.initSync().memory.buffer).fill(0xff);
  assert.throws(() => engine.evaluateSince(t), (e) => e.code === 'engine-fault');
  const after = since(t);
  assert.deepEqual(shared(before, after), []);
  assert.deepEqual(shared(after, since(t)), t.bids.map((_, i) => i));
});

test('the example tenders one after another (each compared with a different one), as evaluate gives them', () => {
  const dir = join(root, 'www/examples');
  const names = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  assert.ok(names.length > 5);
  for (const name of [...names, ...names.reverse()]) {
    const tender = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    let expected;
    try {
      expected = evaluate(JSON.stringify(tender));
    } catch (error) {
      assert.throws(() => engine.evaluateSince(tender), (e) => e.code === error.code, name);
      continue;
    }
    assert.equal(JSON.stringify(engine.evaluateSince(tender)), JSON.stringify(expected), name);
  }
});

/** The warnings `now` shares (the same objects) with `before`. */
const sharedWarnings = (before, now) => now.warnings.filter((w) => before.warnings.includes(w));

test('warnings that read the same are shared too, and the list itself when none changed', () => {
  const t = JSON.parse(generated(40, 6, 3, 2));
  let before = since(t);
  assert.ok(before.warnings.length > 10, `${before.warnings.length} warnings`);
  let now = since(t);
  assert.equal(now.warnings, before.warnings, 'nothing changed: the same list');
  // Scores far apart on one bid add a spread warning (or change one) among the others'.
  for (const [scored, { evaluators }] of Object.entries(t.bids[20].scores)) {
    const names = Object.keys(evaluators);
    evaluators[names[0]] = 0;
    evaluators[names[1]] = scored === 'q0' ? 5 : 4;
  }
  before = now;
  now = since(t);
  assert.notEqual(now.warnings, before.warnings);
  const texts = new Set(before.warnings.map((w) => JSON.stringify(w)));
  const same = now.warnings.filter((w) => texts.has(JSON.stringify(w)));
  assert.ok(same.length > 0 && same.length < now.warnings.length, `${same.length} of ${now.warnings.length}`);
  assert.deepEqual(sharedWarnings(before, now), same, 'every warning that reads the same is shared, and only those');
  // Back as it was: the new warnings go, the others stay shared.
  t.bids[20] = JSON.parse(generated(40, 6, 3, 2)).bids[20];
  const after = since(t);
  assert.deepEqual(after.warnings.map((w) => JSON.stringify(w)), before.warnings.map((w) => JSON.stringify(w)));
  assert.ok(sharedWarnings(now, after).length >= same.length);
});

test('a score that moves a bid up the ranking brings back every bid whose rank changed, and shares the rest', () => {
  const t = JSON.parse(generated(30, 6, 3, 7));
  let before = since(t);
  // The last-ranked bid scores top marks from every evaluator on every question.
  const last = before.bids.reduce((a, b, i) => ((b.rank ?? 0) > (before.bids[a].rank ?? 0) ? i : a), 0);
  const top = Math.max(...Object.values(t.bids[last].scores).flatMap((s) => Object.values(s.evaluators ?? {})), 5);
  for (const s of Object.values(t.bids[last].scores)) for (const name of Object.keys(s.evaluators ?? {})) s.evaluators[name] = top;
  const now = since(t);
  const moved = now.bids.flatMap((b, i) => (b.rank !== before.bids[i].rank ? [i] : []));
  assert.ok(moved.length > 5, `${moved.length} bids moved`);
  for (const i of moved) assert.notEqual(now.bids[i], before.bids[i], `bid ${i} moved and is new`);
  const unmoved = now.bids.map((_, i) => i).filter((i) => i !== last && !moved.includes(i));
  assert.deepEqual(shared(before, now), unmoved, 'every other bid is shared');
  // And back: each bid's rank as before.
  before = now;
  t.bids[last] = JSON.parse(generated(30, 6, 3, 7)).bids[last];
  assert.deepEqual(since(t).bids.map((b) => b.rank), JSON.parse(JSON.stringify(evaluate(JSON.stringify(t)))).bids.map((b) => b.rank));
});

test('a bid set aside by a group threshold after the first pass has the others scored again, not taken over', () => {
  // b and c tie on the lowest price and b is below the quality threshold. Once c falls below it
  // too, the first pass finds the fields of the last evaluation (b's price is c's), but the pass
  // after the threshold compares a with no one: a's price now scores full marks, and a keeps
  // the first place it had.
  const t = {
    format: 'bidscore/1',
    scales: { s: { from: 0, to: 5, step: 1 } },
    criteria: [
      { id: 'price', kind: 'price', name: 'Price', weight: 50, formula: 'lowest-ratio' },
      { id: 'quality', name: 'Quality', weight: 50, threshold: 30, children: [{ id: 'q', kind: 'scored', name: 'Plan', weight: 50, scale: 's' }] },
    ],
    bids: [
      { id: 'a', supplier: 'A', price: '120000', scores: { q: 5 } },
      { id: 'b', supplier: 'B', price: '100000', scores: { q: 1 } },
      { id: 'c', supplier: 'C', price: '100000', scores: { q: 3 } },
    ],
  };
  const before = since(t);
  t.bids[2].scores.q = 1;
  const now = since(t);
  assert.deepEqual([before.bids[0].rank, now.bids[0].rank], [1, 1]);
  assert.deepEqual([before.bids[0].total, now.bids[0].total], ['91.67', '100.00']);
});
