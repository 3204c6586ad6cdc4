// The analysis, published model, assessment summaries and open-data export through the wasm build
// give exactly what the native command line prints; rank acceptability sliced as a Web Worker runs
// it gives the same result as in one go, and sampled in the wasm build as natively.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  tenders,
  attempt,
  nativeCommand,
  analyse,
  describe,
  debriefs,
  ocdsAwardCriteria,
  RankAcceptability,
} from './engine.mjs';

const valid = tenders().filter(({ text }) => 'ok' in attempt(text) && !text.includes('"GEN-20-30'));

// The wasm build samples with 128-bit SIMD (two bids' totals in one vector, two logarithms at a
// time), the command line without it: the same draws must give the same acceptabilities, to the bit.
const MODELS = [['simplex'], ['ranking'], ['tolerance', 0.2]];
valid.forEach(({ name, text }, i) => {
  const [weights, tolerance] = MODELS[i % MODELS.length];
  test(`rank acceptability (${weights}) through the wasm build equals the command line's on ${name}`, () => {
    const flag = tolerance === undefined ? weights : `${weights}:${tolerance}`;
    const native = nativeCommand('analyse', text, '--samples', '3000', '--seed', '11', '--weights', flag);
    assert.deepEqual(analyse(text, { samples: 3000, seed: 11, weights, tolerance }), native);
  });
});

for (const { name, text } of valid) {
  test(`analysis, model, summaries and open data agree with the command line on ${name}`, () => {
    assert.deepEqual(analyse(text, { samples: 0 }), nativeCommand('analyse', text, '--samples', '0'));
    assert.deepEqual(describe(text), nativeCommand('describe', text));
    assert.deepEqual(debriefs(text), nativeCommand('debrief', text));
    assert.deepEqual(ocdsAwardCriteria(text), nativeCommand('ocds', text));
  });
}

test('options.whatItTakes asks for one bid\'s "what it takes", or none, and leaves the rest as it was', () => {
  const text = valid.find(({ text }) => analyse(text, { samples: 0 }).whatItTakes.length > 1).text;
  const every = analyse(text, { samples: 0 });
  const one = every.whatItTakes[1];
  assert.deepEqual(analyse(text, { samples: 0, whatItTakes: one.bid }), { ...every, whatItTakes: [one] });
  assert.deepEqual(analyse(text, { samples: 0, whatItTakes: false }), { ...every, whatItTakes: [] });
  // Anything else asks for every bid's, as when it is absent.
  for (const whatItTakes of [true, null, undefined, 7]) {
    assert.deepEqual(analyse(text, { samples: 0, whatItTakes }), every);
  }
  assert.deepEqual(analyse(text, { samples: 0, whatItTakes: 'no-such-bid' }).whatItTakes, []);
});

test('rank acceptability in slices equals one run, and reports its progress', () => {
  const text = valid.find((t) => t.name === 'www/examples/council-wellbeing.json').text;
  const whole = analyse(text, { samples: 2000, seed: 9 }).rankAcceptability;
  const run = new RankAcceptability(text, { samples: 2000, seed: 9 });
  assert.equal(run.total, 2000);
  const seen = [];
  let done = 0;
  while (done < run.total) {
    done = run.step(300);
    seen.push(done);
  }
  assert.deepEqual(seen, [300, 600, 900, 1200, 1500, 1800, 2000]);
  assert.deepEqual(run.result(), whole);
  run.free();
});

test('analysis of an invalid tender throws a BidScoreError', () => {
  assert.throws(() => analyse({ format: 'bidscore/1', criteria: [] }), (e) => e.name === 'BidScoreError' && e.code === 'empty-criteria');
  assert.throws(() => new RankAcceptability('{"format":"bidscore/1","criteria":[]}'), { name: 'BidScoreError' });
});

test('rank acceptability of a tender with lots samples the lot that options.lot names', () => {
  const text = valid.find((t) => t.name === 'tests/fixtures/lots-price-compared-within-lot.json').text;
  const options = { samples: 1000, seed: 4 };
  const whole = analyse(text, options);
  assert.equal(whole.rankAcceptability, null, 'nothing is sampled across lots');
  for (const lot of whole.lots) {
    const run = new RankAcceptability(text, { ...options, lot: lot.id });
    while (run.step(250) < run.total);
    assert.deepEqual(run.result(), lot.analysis.rankAcceptability);
    assert.deepEqual(run.result().bids.map((b) => b.bid).sort(), [...lot.ranking].sort());
    run.free();
  }
  const refused = (o) => assert.throws(() => new RankAcceptability(text, o), (e) => e.name === 'BidScoreError' && e.path === 'bids');
  refused(options);
  refused({ ...options, lot: 'east' });
});
