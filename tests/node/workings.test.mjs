// The workings the widget shows are rendered from the engine's `explain` code and params through
// the active catalogue (www/src/text/workings.js), never taken from the engine's English. Proof
// that the English templates are faithful: for every tender in the repository, every working the
// engine gives (each criterion's, each evaluated price's, each award value's, each social value commitment's, each made-up
// bid's of the published model), rendered through the English catalogue, equals the engine's own
// `working` character for character. And every code of a working has a template in every
// catalogue, with the same placeholders in each language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogue, catalogueLanguages } from '../../www/src/text/messages.js';
import '../../www/src/text/cymraeg.js';
import { inLanguage } from '../../www/src/text/tender-text.js';
import { formatter } from '../../www/src/text/format.js';
import {
  commitmentWorking,
  criterionWorking,
  exampleWorking,
  lifeCycleOf,
  priceWorking,
  valueWorking,
  workingPlaceholders,
  workingText,
} from '../../www/src/text/workings.js';
import { workingCodes } from './rust-codes.mjs';
import { describe, evaluate, tenders } from './engine.mjs';

const en = catalogue('en-GB');
/**
 * Codes of workings the widget names itself: a social value commitment and an evaluated price
 * have none of their own (an evaluated price's working is figures after the present value's words).
 */
const WIDGET_CODES = ['commitment', 'evaluated-price'];

/** Every template of a catalogue's `workings` entry: a string, a list, or one per source. */
const variants = (entry) =>
  typeof entry === 'string' ? { '': entry } : Array.isArray(entry) ? { ...entry } : entry && typeof entry === 'object' ? entry : {};

/** Each working of a result or a published model, with its rendering through `cat`. */
function* workings(cat, fmt, result, model, units = new Map(), lifeCycle = null) {
  for (const b of result?.bids ?? []) {
    for (const c of b.criteria) yield [`${b.id} ${c.id}`, criterionWorking(cat, fmt, c), c.working, c.explain.code];
    if (b.priceWorking != null) yield [`${b.id} price`, priceWorking(cat, fmt, b, lifeCycle), b.priceWorking, 'evaluated-price'];
    if (b.valueWorking != null) yield [`${b.id} value`, valueWorking(cat, fmt, b), b.valueWorking, b.valueExplain?.code];
    for (const it of b.socialValue?.items ?? []) {
      yield [`${b.id} ${it.measure}`, commitmentWorking(cat, fmt, it, units.get(it.measure)), it.working, 'commitment'];
    }
  }
  for (const [k, e] of (model?.price?.example ?? []).entries()) yield [`price example ${k}`, exampleWorking(cat, fmt, e), e.working, e.explain?.code];
  for (const [k, e] of (model?.methodExample ?? []).entries()) yield [`method example ${k}`, exampleWorking(cat, fmt, e), e.working, e.explain?.code];
}

const attempt = (f) => {
  try {
    return f();
  } catch {
    return null;
  }
};

test('every working the engine gives reads, through the English catalogue, exactly as the engine wrote it', () => {
  let compared = 0;
  const codes = new Map();
  const problems = [];
  for (const t of tenders()) {
    const result = attempt(() => evaluate(t.text));
    const model = attempt(() => describe(t.text));
    if (!result && !model) continue;
    const fmt = formatter('en-GB', result?.currency ?? model?.currency ?? 'GBP');
    // A measure's unit, from the tender (a result names only the measure).
    // Read as the widget reads it: text the buyer gave in several languages, in the tender's.
    const given = attempt(() => JSON.parse(t.text));
    const tender = given && typeof given === 'object' ? inLanguage(given, given.tender?.locale || 'en') : given;
    const units = new Map((Array.isArray(tender?.measures) ? tender.measures : []).map((m) => [m?.id, m?.unit]));
    for (const [where, got, want, code] of workings(en, fmt, result, model, units, lifeCycleOf(tender))) {
      compared += 1;
      codes.set(code, (codes.get(code) ?? 0) + 1);
      if (got !== want && problems.length < 20) problems.push(`${t.name} ${where} (${code}):\n  engine: ${want}\n  widget: ${got}`);
    }
  }
  assert.deepEqual(problems, []);
  // Every tender of the repository: thousands of workings, of most codes.
  assert.ok(compared >= 1800, `only ${compared} workings compared`);
  assert.ok(codes.size >= 25, `only ${codes.size} codes met: ${[...codes.keys()].join(', ')}`);
  console.log(`# ${compared} workings compared, ${codes.size} codes: ${[...codes].map(([k, n]) => `${k} ${n}`).join(", ")}`);
});

test('a working is not taken from the engine’s English when the catalogue has its code', () => {
  const fmt = formatter('en-GB');
  const c = { explain: { code: 'lowest-ratio', params: { marks: '40', amount: '1080000', lowest: '980000' } }, score: '36.30', working: 'x' };
  assert.equal(criterionWorking(en, fmt, c), '40 × £980,000.00 ÷ £1,080,000.00 = 36.30');
  // A code the catalogue does not know, or a param it needs missing: the engine's English.
  assert.equal(workingText(en, fmt, { code: 'no-such-code', params: {} }, 'as the engine wrote it'), 'as the engine wrote it');
  assert.equal(workingText(en, fmt, { code: 'lowest-ratio', params: { marks: '40' } }, 'as written'), 'as written');
  // A negative amount in a formula reads in brackets, with a minus sign.
  const neg = { explain: { code: 'linear-min-max', params: { marks: '60', amount: '-8000', lowest: '-8000', highest: '4000' } }, score: '60.00' };
  assert.equal(criterionWorking(en, fmt, neg), '60 × (£4,000.00 − (−£8,000.00)) ÷ (£4,000.00 − (−£8,000.00)) = 60.00');
  // Codes the repository's tenders do not reach, against the engine's English (src/price.rs,
  // src/evaluate/score.rs, src/evaluate/workings.rs).
  const cases = [
    ['linear-min-max-all-equal', { marks: '10', amount: '5', unit: 'days' }, '10.00', 'every amount is 5 days, so full marks: 10 × 1 = 10.00'],
    ['relative-to-best-all-zero', { marks: '10', amount: '0', highest: '0', unit: '' }, '0.00', 'no bid offers more than 0, so no marks: 10 × 0 = 0.00'],
    ['sv-all-zero', { marks: '15', socialValue: '0' }, '0.00', 'no bid commits any social value, so no marks: 15 × 0 = 0.00'],
    ['out-of-range', {}, null, 'not scored: the score is too large to work out exactly'],
  ];
  for (const [code, params, score, want] of cases) assert.equal(criterionWorking(en, fmt, { explain: { code, params }, score }), want, code);
  // Welsh words, the same figures.
  const cy = catalogue('cy');
  const mean = { explain: { code: 'scored', params: { marks: '40', score: '3.6666666666666666666666666667', top: '5', from: 'mean', aggregate: '≈3.67', aggregate4: '≈3.6667', scores: '3, 4, 4' } }, score: '29.33' };
  assert.equal(criterionWorking(en, fmt, mean), 'mean of 3, 4 and 4 is ≈3.67; 40 × ≈3.6667 ÷ 5 = 29.33');
  assert.equal(criterionWorking(cy, formatter('cy'), mean), 'cymedr 3, 4 a 4 yw ≈3.67; 40 × ≈3.6667 ÷ 5 = 29.33');
  const ceiling = { explain: { code: 'above-ceiling-zero', params: { marks: '50', amount: '318750' } }, score: '0.00' };
  assert.equal(criterionWorking(cy, formatter('cy'), ceiling), 'mae £318,750.00 yn uwch na’r uchafswm, felly dim marciau: 50 × 0 = 0.00');
});

test('every code of a working has a template in every catalogue, with the same placeholders', () => {
  const codes = [...workingCodes(), ...WIDGET_CODES];
  for (const code of ['lowest-ratio', 'scored', 'missing', 'out-of-range', 'sv-relative-percent', 'fictitious-discount']) {
    assert.ok(codes.includes(code), code);
  }
  const problems = [];
  for (const lang of catalogueLanguages()) {
    const cat = catalogue(lang);
    assert.equal(cat.lang, lang);
    for (const code of codes) {
      const mine = variants(cat.workings?.[code]);
      const english = variants(en.workings[code]);
      if (!Object.keys(mine).length) {
        problems.push(`${lang}: no working for "${code}"`);
        continue;
      }
      assert.deepEqual(Object.keys(mine), Object.keys(english), `${lang} ${code}: its variants`);
      for (const [k, t] of Object.entries(english)) {
        const want = workingPlaceholders(t).sort();
        const got = workingPlaceholders(mine[k]).sort();
        if ([...new Set(got)].join() !== [...new Set(want)].join()) {
          problems.push(`${lang} ${code}${k ? ` (${k})` : ''}: {${got.join('}, {')}} where English has {${want.join('}, {')}}`);
        }
      }
    }
    for (const code of Object.keys(cat.workings ?? {})) {
      if (!codes.includes(code)) problems.push(`${lang}: a working for "${code}", which the engine never gives`);
    }
    assert.equal(typeof cat.workingWords?.comma, 'string', lang);
    assert.equal(typeof cat.workingWords?.and, 'string', lang);
  }
  assert.deepEqual(problems, []);
});

test('a whole-life cost is worded in Welsh wherever its price criterion sits, in a group too', async () => {
  const { readFileSync } = await import('node:fs');
  const { root } = await import('./engine.mjs');
  const tender = JSON.parse(readFileSync(`${root}tests/fixtures/schedule-whole-life-cost.json`, 'utf8')).tender;
  const price = tender.criteria.find((c) => c.kind === 'price');
  const grouped = {
    ...tender,
    criteria: [
      { id: 'cost', name: 'Cost', children: [price] },
      ...tender.criteria.filter((c) => c !== price),
    ],
  };
  const cy = catalogue('cy');
  const fmt = formatter('cy', 'GBP');
  for (const t of [tender, grouped]) {
    assert.deepEqual(lifeCycleOf(t), price.lifeCycle);
    const bid = evaluate(t).bids.find((b) => b.priceWorking?.includes('; '));
    const welsh = priceWorking(cy, fmt, bid, lifeCycleOf(t));
    assert.notEqual(welsh, bid.priceWorking, 'worded by the Welsh catalogue, not the engine’s English');
    assert.doesNotMatch(welsh, /present value|years/);
  }
});
