// The engine survives anything a page can throw at it: values JSON cannot carry and objects that
// throw when read are ordinary BidScoreErrors with a path (and do the engine no harm however many
// times they come), and a call that still fails in the engine (a trap, a JS exception unwinding
// through it, a run used after free()) is a BidScoreError 'engine-fault' after which the page's
// engine (www/src/engine/engine.js, the module the widget loads) works again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { root, evaluate, validate, version, RankAcceptability } from './engine.mjs';
import { bundle } from '../../scripts/build-dist.mjs';
import * as glue from '../../pkg/bidscore.js';
import { loadEngine, useWasmBytes } from '../../www/src/engine/engine.js';

const EXAMPLE = readFileSync(join(root, 'www/examples/council-wellbeing.json'), 'utf8');
const WASM = readFileSync(join(root, 'pkg/bidscore_bg.wasm'));
const expected = JSON.stringify(evaluate(EXAMPLE));
const example = () => JSON.parse(EXAMPLE);
// The glue is already instantiated by engine.mjs; the bytes are there should it not be.
useWasmBytes(() => WASM);

/** A copy of the example with `change(tender)` applied. */
function tender(change) {
  const t = example();
  change(t);
  return t;
}

const revoked = () => {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy;
};

// Objects that throw while the engine reads them: [name, tender, path of the error].
const THROWING = [
  ['a Proxy whose ownKeys throws', () => tender((t) => (t.bids = new Proxy({}, { ownKeys: () => { throw new Error('no keys'); } }))), 'bids'],
  ['a revoked Proxy', () => tender((t) => (t.bids[0].scores = revoked())), 'bids[0].scores'],
  ['a revoked Proxy as the tender', revoked, ''],
  ['a getter that throws', () => tender((t) => Object.defineProperty(t.bids[0], 'price', { enumerable: true, get: () => { throw new Error('no price'); } })), 'bids[0].price'],
  ['a list whose second item throws', () => tender((t) => (t.criteria = new Proxy(t.criteria, { get: (o, k) => { if (k === '1') throw new Error('no item'); return Reflect.get(o, k); } }))), 'criteria[1]'],
  ['a toJSON that throws', () => tender((t) => (t.bids[1].toJSON = () => { throw new Error('no JSON'); })), 'bids[1]'],
  ['a getter that throws something other than an Error', () => tender((t) => Object.defineProperty(t.tender, 'title', { enumerable: true, get: () => { throw Symbol('odd'); } })), 'tender.title'],
];

// Values JSON would drop or turn into null without a word: [name, tender, path of the error].
const UNFAITHFUL = [
  ['a function', () => tender((t) => (t.bids[0].note = () => 'hi')), 'bids[0].note'],
  ['a method of the tender object', () => tender((t) => (t.bids[2].toString = function toString() { return 'b'; })), 'bids[2].toString'],
  ['a Symbol', () => tender((t) => (t.bids[0].supplier = Symbol('s'))), 'bids[0].supplier'],
  ['a Map', () => tender((t) => (t.bids[0].scores = new Map(Object.entries(t.bids[0].scores)))), 'bids[0].scores'],
  ['a Set', () => tender((t) => (t.tieBreak = new Set(['price']))), 'tieBreak'],
  ['undefined in a list', () => tender((t) => (t.tieBreak = [undefined])), 'tieBreak[0]'],
  ['a function in a list', () => tender((t) => (t.tieBreak = ['price', () => 'price'])), 'tieBreak[1]'],
  ['a toJSON giving a function', () => tender((t) => (t.tender.title = { toJSON: () => () => 1 })), 'tender.title'],
  ['a toJSON giving NaN', () => tender((t) => (t.tender.title = { toJSON: () => NaN })), 'tender.title'],
  ['a hole in a list', () => tender((t) => (t.tieBreak = [, 'price'])), 'tieBreak[0]'],
  ['a BigInt', () => tender((t) => (t.bids[0].price = 10n)), 'bids[0].price'],
  ['NaN', () => tender((t) => (t.bids[0].price = NaN)), 'bids[0].price'],
  ['a cycle', () => tender((t) => (t.bids[0].note = t)), 'bids[0].note'],
];

/** The error `f` throws, checked to be a real Error named BidScoreError with a code and path. */
function thrown(f) {
  try {
    f();
  } catch (error) {
    assert.equal(error?.name, 'BidScoreError', `a BidScoreError, not ${error?.name}: ${error?.message}`);
    assert.ok(error instanceof Error || Object.prototype.toString.call(error) === '[object Error]', 'a real Error');
    assert.doesNotMatch(error.message, /unreachable|out of bounds|null pointer|stale object/i);
    assert.equal(error.code, error.errors[0].code);
    assert.equal(error.path, error.errors[0].path);
    return error;
  }
  assert.fail('did not throw');
}

test('objects that throw when read are BidScoreErrors at their path, and thousands of them leave the engine sound', () => {
  // Unwinding through the engine left its stack pointer behind: about a thousand of these broke
  // it ("memory access out of bounds") for every later call.
  for (const [name, make, path] of THROWING) {
    for (let i = 0; i < 1000; i += 1) {
      const error = thrown(() => evaluate(make()));
      if (i === 0) assert.deepEqual([error.code, error.path], ['wrong-type', path], name);
    }
    assert.deepEqual(validate(make()).errors.map((e) => [e.code, e.path]), [['wrong-type', path]], name);
    assert.match(version(), /^\d+\.\d+\.\d+/);
    assert.equal(JSON.stringify(evaluate(EXAMPLE)), expected, `the engine still evaluates after ${name}`);
  }
});

test('values JSON cannot carry are BidScoreErrors at their path, never dropped or nulled', () => {
  for (const [name, make, path] of UNFAITHFUL) {
    const error = thrown(() => evaluate(make()));
    assert.deepEqual([error.code, error.path], ['wrong-type', path], name);
    assert.match(error.message, new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}: must be `), name);
    assert.deepEqual(validate(make()).errors.map((e) => [e.code, e.path]), [['wrong-type', path]], name);
  }
  assert.equal(JSON.stringify(evaluate(EXAMPLE)), expected);
});

test('what JSON.stringify carries faithfully is read as it writes it: a Date, Symbol keys, class instances, undefined fields', () => {
  const date = new Date(Date.UTC(2026, 0, 2));
  const withDate = tender((t) => (t.bids[0].note = date));
  const asText = tender((t) => (t.bids[0].note = date.toJSON()));
  assert.equal(JSON.stringify(evaluate(withDate)), JSON.stringify(evaluate(asText)));
  const tagged = tender((t) => (t.bids[0][Symbol('tag')] = () => 'not data'));
  assert.equal(JSON.stringify(evaluate(tagged)), expected);
  class Bid {
    constructor(plain) {
      Object.assign(this, plain);
    }
    describe() {
      return this.id;
    }
  }
  const classes = tender((t) => (t.bids = t.bids.map((b) => new Bid(b))));
  assert.equal(JSON.stringify(evaluate(classes)), expected);
  const undefinedField = tender((t) => (t.bids[0].note = undefined));
  assert.equal(JSON.stringify(evaluate(undefinedField)), expected);
});

/** Overwrites the engine's memory so that its next call traps (`RuntimeError: unreachable`). */
function wreck() {
  // initSync returns the instance's exports once it is instantiated.
  new Uint8Array(glue.initSync().memory.buffer).fill(0xff);
}

test('the raw module traps once its memory is wrecked (what the recovery is for)', () => {
  wreck();
  assert.throws(() => glue.version(), (e) => e instanceof WebAssembly.RuntimeError);
  glue.__wbg_reset_state();
  assert.equal(JSON.stringify(evaluate(EXAMPLE)), expected);
});

test("the page's engine turns traps and exceptions through it into 'engine-fault' and works again at the next call", async () => {
  const engine = await loadEngine();
  const good = () => {
    assert.equal(engine.version(), version());
    assert.equal(JSON.stringify(engine.evaluate(EXAMPLE)), expected);
  };
  let faults = 0;
  const fault = (f) => {
    const error = thrown(f);
    assert.equal(error.code, 'engine-fault');
    assert.equal(error.path, '');
    faults += 1;
    return error;
  };
  for (let i = 0; i < 150; i += 1) {
    // A real trap, from any of the calls.
    wreck();
    const call = [
      () => engine.evaluate(EXAMPLE),
      () => engine.version(),
      () => engine.describe(EXAMPLE),
      () => engine.analyse(EXAMPLE, { samples: 0 }),
      () => new engine.RankAcceptability(EXAMPLE, { samples: 10 }),
    ][i % 5];
    const error = fault(call);
    assert.ok(error.cause instanceof WebAssembly.RuntimeError, 'the trap is kept as the cause');
    good();
    // validate never throws: the fault is its one error.
    wreck();
    assert.deepEqual(engine.validate(EXAMPLE).errors.map((e) => e.code), ['engine-fault']);
    good();
    // A JS exception at the boundary (a Symbol where a number goes) also replaces the instance,
    // so a run started before it is lost, as a fault rather than a stale pointer.
    const before = new engine.RankAcceptability(EXAMPLE, { samples: 10 });
    fault(() => before.step(Symbol('n')));
    fault(() => before.step(1));
    fault(() => before.result());
    fault(() => before.total);
    before.free(); // harmless: the instance it lived in is gone
    // Use after free() never reaches the engine.
    const run = new engine.RankAcceptability(EXAMPLE, { samples: 10 });
    assert.equal(run.step(4), 4);
    run.free();
    fault(() => run.step(1));
    fault(() => run.result());
    run.free();
    good();
    // Objects that throw while read are ordinary errors with a path, not faults.
    const [, make, path] = THROWING[i % THROWING.length];
    assert.deepEqual([thrown(() => engine.evaluate(make())).code, thrown(() => engine.evaluate(make())).path], ['wrong-type', path]);
  }
  assert.equal(faults, 150 * 7);
  // A getter that calls the engine again, and faults it, while the engine reads the tender: the
  // instance is replaced only when the outer call is over, and the outer call (which ran on
  // through the fault) is a fault too, never a result read from the wrong instance.
  for (let i = 0; i < 50; i += 1) {
    const run = new engine.RankAcceptability(EXAMPLE, { samples: 5 });
    let inner = null;
    const reentrant = tender((t) =>
      Object.defineProperty(t.bids[0], 'price', {
        enumerable: true,
        get: () => {
          try {
            run.step(Symbol('n'));
          } catch (error) {
            inner ??= error;
          }
          return 1000000;
        },
      }),
    );
    const outer = fault(() => engine.evaluate(reentrant));
    assert.equal(inner?.code, 'engine-fault');
    assert.equal(outer.code, 'engine-fault');
    good();
  }
  // A run survives when nothing goes wrong, and gives the engine's own result.
  const run = new engine.RankAcceptability(EXAMPLE, { samples: 50, seed: 3 });
  while (run.step(7) < run.total);
  const direct = new RankAcceptability(EXAMPLE, { samples: 50, seed: 3 });
  direct.step(50);
  assert.deepEqual(run.result(), direct.result());
  run.free();
  direct.free();
  good();
});

test('the single-file build bundles the same recovery: a trap there is an engine-fault and the next call works', async () => {
  const { text } = await bundle('tests/node/bundle/engine.js', { wasm: JSON.stringify(WASM.toString('base64')) });
  const ctx = {
    customElements: { get: () => undefined },
    window: {},
    document: { baseURI: 'file:///' },
    TextDecoder,
    TextEncoder,
    atob,
    console,
  };
  ctx.globalThis = ctx;
  vm.runInNewContext(text, ctx);
  const engine = await ctx.engine;
  assert.equal(JSON.stringify(engine.evaluate(EXAMPLE)), expected);
  for (let i = 0; i < 100; i += 1) {
    ctx.wreck();
    const error = thrown(() => engine.evaluate(EXAMPLE));
    assert.equal(error.code, 'engine-fault');
    const run = new engine.RankAcceptability(EXAMPLE, { samples: 5 });
    run.free();
    assert.equal(thrown(() => run.step(1)).code, 'engine-fault');
    assert.equal(thrown(() => engine.evaluate(THROWING[i % THROWING.length][1]())).code, 'wrong-type');
    assert.equal(JSON.stringify(engine.evaluate(EXAMPLE)), expected);
  }
  assert.equal(engine.version(), version());
});

test('the widget’s engine gives plain data to the engine as its JSON text, and anything else as the object, for the same errors', async () => {
  const { asText } = await import('../../www/src/engine/engine.js');
  const api = await loadEngine();
  // Plain data (a Date, undefined fields, Symbol keys and class instances too) goes as its JSON.
  const plain = tender((t) => {
    t.bids[0].note = new Date(Date.UTC(2026, 0, 2));
    t.bids[1].note = undefined;
    t.bids[2][Symbol('tag')] = () => 'not data';
  });
  assert.equal(asText(plain), JSON.stringify(plain));
  assert.equal(JSON.stringify(api.evaluate(plain)), JSON.stringify(evaluate(plain)));
  let deep = {};
  const top = deep;
  for (let i = 0; i < 200; i += 1) deep = deep.x = {};
  // What JSON would not carry as given goes as the object: the engine names the path.
  for (const [name, make, path] of [...THROWING, ...UNFAITHFUL, ['data nested 200 deep', () => tender((t) => (t.bids[0].note = top)), null]]) {
    const value = make();
    assert.equal(typeof asText(value), 'object', name);
    const error = thrown(() => api.evaluate(value));
    if (path !== null) assert.deepEqual([error.code, error.path], ['wrong-type', path], name);
    assert.deepEqual(
      api.validate(make()).errors.map((e) => [e.code, e.path]),
      validate(make()).errors.map((e) => [e.code, e.path]),
      name,
    );
  }
  assert.equal(JSON.stringify(api.evaluate(example())), expected);
});
