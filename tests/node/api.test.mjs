// The JS API as a page uses it: plain objects in and out, and every failure a BidScoreError.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, evaluate, validate, version, attempt, tenders, generated } from './engine.mjs';

const exampleText = readFileSync(join(root, 'www/examples/council-wellbeing.json'), 'utf8');
const example = () => JSON.parse(exampleText);

/** Asserts that `fn` throws a BidScoreError and returns it. */
function throwsBidScoreError(fn) {
  let thrown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof Error, `expected an Error, got ${String(thrown)}`);
  assert.equal(thrown.name, 'BidScoreError');
  assert.ok(Array.isArray(thrown.errors) && thrown.errors.length > 0);
  assert.equal(thrown.code, thrown.errors[0].code);
  assert.equal(thrown.path, thrown.errors[0].path);
  assert.ok(thrown.message.startsWith(thrown.path ? `${thrown.path}: ` : thrown.errors[0].message));
  assert.ok(typeof thrown.stack === 'string');
  return thrown;
}

/** Every value reachable from `v`, with its path. */
function* walk(v, path = '') {
  yield [path, v];
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) yield* walk(x, Array.isArray(v) ? `${path}[${k}]` : `${path}.${k}`);
  }
}

test('a result is plain JSON data: no undefined, no class instances, decimals as strings', () => {
  const result = evaluate(example());
  for (const [path, v] of walk(result)) {
    assert.notEqual(v, undefined, `${path} is undefined`);
    if (v && typeof v === 'object') {
      assert.ok([Object.prototype, Array.prototype].includes(Object.getPrototypeOf(v)), `${path} is not plain`);
    }
  }
  assert.deepStrictEqual(JSON.parse(JSON.stringify(result)), result);
  for (const bid of result.bids) {
    assert.equal(typeof bid.total, 'string');
    assert.match(bid.total, /^-?\d+(\.\d+)?$/);
  }
});

test('text and object give the same result', () => {
  assert.deepStrictEqual(evaluate(exampleText), evaluate(example()));
});

test('a file with several problems: evaluate throws them all, validate returns them all', () => {
  const t = example();
  t.format = 'bidscore/2';
  t.bids[0].price = 'a lot';
  t.bids[1].suppleir = 'typo';
  const e = throwsBidScoreError(() => evaluate(t));
  assert.equal(e.errors.length, 3);
  assert.deepStrictEqual(e.errors.map((x) => `${x.code} ${x.path}`).sort(), [
    'invalid-number bids[0].price',
    'unknown-field bids[1].suppleir',
    'unsupported-format format',
  ]);
  assert.equal(e.errors.find((x) => x.code === 'unknown-field').params.suggestion, 'supplier');
  assert.match(e.message, /and 2 more errors/);
  for (const x of e.errors) {
    assert.deepStrictEqual(Object.keys(x).sort(), ['code', 'message', 'params', 'path']);
  }
  const v = validate(t);
  assert.deepStrictEqual(v, { errors: e.errors, warnings: [] });
});

test('validate returns the warnings of a valid tender and never throws', () => {
  const v = validate(example());
  assert.deepStrictEqual(v.errors, []);
  assert.deepStrictEqual(v.warnings, evaluate(example()).warnings);
  for (const bad of [undefined, null, 42, 10n, '', '{', [], () => 1, Symbol('s')]) {
    const r = validate(bad);
    assert.ok(r.errors.length > 0, `validate(${String(bad)}) must report an error`);
    assert.deepStrictEqual(r.warnings, []);
  }
});

test('a BigInt is reported at its path, never a TypeError', () => {
  const t = example();
  t.bids[1].price = 1000000n;
  const e = throwsBidScoreError(() => evaluate(t));
  assert.equal(e.code, 'wrong-type');
  assert.equal(e.path, 'bids[1].price');
  assert.match(e.message, /BigInt/);
});

test('a cyclic object is reported where the cycle closes', () => {
  const t = example();
  t.bids[0].scores.loop = t.bids[0];
  const e = throwsBidScoreError(() => evaluate(t));
  assert.equal(e.code, 'wrong-type');
  assert.equal(e.path, 'bids[0].scores.loop');
});

test('NaN and Infinity are errors at their path, not silently null', () => {
  for (const bad of [NaN, Infinity, -Infinity]) {
    const t = example();
    t.criteria[1].weight = bad;
    const e = throwsBidScoreError(() => evaluate(t));
    assert.equal(e.path, 'criteria[1].weight');
  }
});

test('null and undefined fields count as absent; undefined or a number instead of a tender is an error', () => {
  const t = example();
  t.tender.buyer = undefined;
  const u = example();
  u.tender.buyer = null;
  const absent = example();
  delete absent.tender.buyer;
  assert.deepStrictEqual(evaluate(t), evaluate(absent));
  assert.deepStrictEqual(evaluate(u), evaluate(absent));
  for (const bad of [undefined, null, 7, true, 5n, Symbol('x'), () => 1]) {
    const e = throwsBidScoreError(() => evaluate(bad));
    assert.equal(e.code, 'wrong-type');
    assert.equal(e.path, '');
  }
  assert.equal(throwsBidScoreError(() => evaluate()).code, 'wrong-type');
});

/** What evaluate gives, as data: the result, or the thrown errors. */
function outcome(tender) {
  const got = attempt(tender);
  return got.error ? { name: got.error.name, errors: got.error.errors } : got.ok;
}

test('0.1 + 0.2 reaches the engine as the exact decimal JSON writes for it', () => {
  const price = (0.1 + 0.2) * 1e6; // 300000.00000000006 in binary floating point
  assert.equal(String(price), '300000.00000000006');
  const t = example();
  t.bids[0].price = price;
  // Whatever the engine makes of that number, it is what it makes of the text JSON writes for it.
  assert.deepStrictEqual(outcome(t), outcome(JSON.stringify(t)));
  const read = outcome(t);
  if (read.name) {
    assert.equal(read.name, 'BidScoreError');
    assert.equal(read.errors[0].path, 'bids[0].price');
  } else {
    assert.equal(read.bids[0].criteria.find((c) => c.kind === 'price').input, String(price));
  }
  // A score must be a point on the scale: 0.1 + 0.2 is not 0.3, and 0.3 is.
  const s = example();
  s.scales.tenths = { from: 0, to: 5, step: 0.1 };
  const q = s.criteria.find((c) => c.children)?.children.find((c) => c.kind === 'scored');
  q.scale = 'tenths';
  delete q.threshold;
  s.bids[0].scores[q.id] = { moderated: 0.1 + 0.2 };
  const e = throwsBidScoreError(() => evaluate(s));
  assert.equal(e.path, `bids[0].scores.${q.id}.moderated`);
  s.bids[0].scores[q.id] = { moderated: 0.3 };
  assert.equal(evaluate(s).bids[0].criteria.find((c) => c.id === q.id).input, '0.3');
});

test('text that is not JSON is a json-syntax error, JSON that is not an object a wrong-type one', () => {
  const cases = [
    ['', 'json-syntax'],
    ['{', 'json-syntax'],
    ['{"format":"bidscore/1"', 'json-syntax'],
    ['null', 'wrong-type'],
    ['[1,2]', 'wrong-type'],
    ['"text"', 'wrong-type'],
  ];
  for (const [text, code] of cases) {
    const e = throwsBidScoreError(() => evaluate(text));
    assert.deepEqual([e.code, e.path], [code, ''], JSON.stringify(text));
  }
});

test('deeply nested or huge input fails cleanly', () => {
  const deep = '['.repeat(100000) + ']'.repeat(100000);
  assert.equal(throwsBidScoreError(() => evaluate(deep)).code, 'json-syntax');
  for (const depth of [200, 5000]) {
    let n = {};
    const top = n;
    for (let i = 0; i < depth; i++) n = n.children = {};
    const e = throwsBidScoreError(() => evaluate(top));
    assert.ok(['json-syntax', 'wrong-type'].includes(e.code), e.code);
  }
});

test('version is the crate version', () => {
  const toml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  assert.equal(version(), toml.match(/^version = "([^"]+)"/m)[1]);
});

/** A small seeded generator, so a failure can be replayed. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

const oddValues = [null, undefined, '', 'x', '-1', '1e400', '0.000000000000000000000000000001', -1, 0, 1e21,
  2 ** 53 + 1, true, [], {}, [null], { id: '' }, NaN, 12n, '9'.repeat(40)];

test('no input makes the engine trap: mutated tenders give a result or a BidScoreError', () => {
  const before = evaluate(exampleText);
  const base = [exampleText, generated(4, 6, 3, 9), ...tenders().map((t) => t.text)]
    .map((text) => { try { return JSON.parse(text); } catch { return null; } })
    .filter((t) => t && typeof t === 'object');
  const random = rng(20261127);
  const pick = (list) => list[Math.floor(random() * list.length)];
  let results = 0;
  let errors = 0;
  for (let round = 0; round < 1500; round++) {
    const t = structuredClone(pick(base));
    const spots = [...walk(t)].filter(([, v]) => v && typeof v === 'object');
    for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
      const [, target] = pick(spots);
      const keys = Object.keys(target);
      const key = keys.length && random() < 0.8 ? pick(keys) : 'extra';
      if (random() < 0.2) delete target[key];
      else target[key] = structuredClone(pick(oddValues));
    }
    const got = attempt(t);
    if (got.error) {
      assert.equal(got.error.name, 'BidScoreError', `round ${round}: ${got.error}`);
      errors++;
    } else {
      assert.equal(got.ok.format, 'bidscore-result/1');
      results++;
    }
  }
  assert.ok(results > 0 && errors > 0, `${results} results, ${errors} errors`);
  // The instance is still sound afterwards: the same result as before the rounds.
  assert.deepStrictEqual(evaluate(exampleText), before);
});
