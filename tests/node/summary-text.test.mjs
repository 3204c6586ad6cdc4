// The assessment summaries' words are the widget's, from the catalogue: how each criterion was
// assessed (text/assessed.js, from the published model and the tender) and the plain-text summary
// (evaluate/debrief.js debriefText, from the same parts as the HTML document). Proof that the
// English catalogue says what the engine says: for every assessed bid of every tender in the
// repository, each criterion's `assessed` and the whole `text`, worded through the English
// catalogue, equal the engine's character for character. And every template has its Welsh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addCatalogue, catalogue, engineText, wording } from '../../www/src/text/messages.js';
import '../../www/src/text/cymraeg.js';
import { inLanguage } from '../../www/src/text/tender-text.js';
import { formatter } from '../../www/src/text/format.js';
import { lifeCycleOf } from '../../www/src/text/workings.js';
import { debriefHtml, debriefText } from '../../www/src/evaluate/debrief.js';
import { debriefs, describe, evaluate, tenders } from './engine.mjs';

/**
 * The engine's English (src/debrief.rs) as `summary` templates: English takes the engine's own
 * words, so its catalogue has none, and the widget never words a summary in English. Worded
 * through these, every summary of the repository must read exactly as the engine wrote it: proof
 * that text/summary-words.js puts each part where the engine does, for every other catalogue too,
 * whose templates (the Welsh) have the same keys and placeholders.
 */
const SUMMARY = {
  join: '; ',
  formulas: {
    'lowest-ratio': 'lowest price ÷ your price × marks (UK default; depends on the other bids)',
    'linear-min-max': '(highest price − your price) ÷ (highest price − lowest price) × marks; the highest price scores 0',
    'deviation-from-lowest': 'marks fall in a straight line from the lowest price (full marks) to zeroAt × the lowest price (0)',
    'set-bounds':
      'marks fall in a straight line from the best price set by the buyer (full marks) to the worst (0); other bids do not matter',
    'reference-ratio': 'reference price ÷ your price × marks; other bids do not matter',
  },
  methods: {
    'weighted-sum': 'the bid with the highest total score wins',
    'price-per-quality-point': 'price ÷ quality points: the bid paying least for each quality point wins',
    'quality-price-ratio': 'quality points ÷ price: the bid giving most quality for its price wins',
    'fictitious-discount':
      'each quality criterion is worth money; price minus the quality earned gives a fictitious price, and the lowest wins',
  },
  notMarked: 'the price is not given marks: {method}',
  ceiling: { disqualify: 'prices above {ceiling} are disqualified', zero: 'prices above {ceiling} are given no marks' },
  scored: 'scored by the evaluators on the scale {points}; {worth} × score ÷ {top}',
  worth: { marks: 'marks', money: 'money value' },
  range: '{from} to {to} in steps of {step}',
  threshold: 'a score below {threshold} disqualifies',
  numeric: ['the {unit} stated in the bid ({direction} is better)', 'the value stated in the bid ({direction} is better)'],
  measures: 'social value commitments ({measures}) valued with the published proxy values, {rule}',
  svRules: {
    'relative-to-highest': 'against the highest social value offered',
    'relative-to-highest-percent': 'as a percentage of price, against the highest percentage offered',
    target: 'against a target of {target}',
  },
  passFail: 'pass or fail',
  disqualifies: '{rule} disqualifies',
  // The plain-text summary.
  theTender: 'the tender',
  disqualified: 'Your tender was not ranked: {reasons}.',
  incomplete: 'Your tender was not ranked: its assessment is incomplete.',
  your: 'Your {name}: {value}',
  totalScore: 'total score',
  ratio: 'quality-price ratio',
  workedOut: ', worked out as {working}',
  winner: 'Most advantageous tender ({supplier}): ',
  winnerTotal: '{name} {total} out of {max}',
  winnerPrice: ', price {price}',
  winnerValue: ', {name} {value}',
  criterion: ['{name} ({group}): up to {max} marks, {share}% of the total', '{name}: up to {max} marks, {share}% of the total'],
  criterionMoney: ['{name} ({group}): worth up to {max}, {share}% of the total', '{name}: worth up to {max}, {share}% of the total'],
  yourDiscount: 'Your discount',
  winnerScore: "Most advantageous tender's score",
  winnerDiscount: "Most advantageous tender's discount",
  subtotalWinner: ' (most advantageous tender: {score})',
  noRationale: 'no rationale was recorded for this score',
};
const SUMMARY_RULES = {
  'group-threshold': [
    'a sub-total below {threshold} on "{name}" ({percent}% of its {marks} marks)',
    'a sub-total below {threshold} on "{name}" (of its {marks} marks)',
  ],
  'relative-threshold': 'a score on "{name}" below {percent}% of the best qualified score on it',
  'limit-minimum': 'a value for "{name}" below {amount}',
  'limit-maximum': 'a value for "{name}" above {amount}',
};

const ENGINE = 'en-GB-x-engine';
addCatalogue({ ...catalogue('en-GB'), lang: ENGINE, summary: SUMMARY, summaryRules: SUMMARY_RULES });
const en = catalogue(ENGINE);

const cy = catalogue('cy');

const attempt = (f) => {
  try {
    return f();
  } catch {
    return null;
  }
};

/** Every summary of the repository's tenders, with what the widget words it from. */
let found = null;
function summaries() {
  found ??= [...allSummaries()];
  return found;
}
function* allSummaries() {
  for (const t of tenders()) {
    const all = attempt(() => debriefs(t.text));
    if (!all?.length) continue;
    const given = JSON.parse(t.text);
    // Read as the widget reads it: text given in several languages, in the tender's language.
    const tender = inLanguage(given, given.tender?.locale || 'en');
    const options = {
      currency: tender.tender?.currency ?? 'GBP',
      award: tender.award,
      result: evaluate(t.text),
      lifeCycle: lifeCycleOf(tender),
      model: describe(t.text),
      tender,
    };
    for (const d of all) yield { name: t.name, d, options };
  }
}

test('how each criterion was assessed, and the plain-text summary, read in English exactly as the engine wrote them', () => {
  let criteria = 0;
  let texts = 0;
  const problems = [];
  // The first line that differs, with its number.
  const report = (where, want, got) => {
    if (got === want || problems.length >= 12) return;
    const [a, b] = [String(want).split('\n'), String(got).split('\n')];
    const k = a.findIndex((line, i) => line !== b[i]);
    problems.push(`${where} line ${k + 1}:\n  engine: ${a[k]}\n  widget: ${b[k]}`);
  };
  for (const { name, d, options } of summaries()) {
    const fmt = formatter(ENGINE, options.currency);
    for (const c of d.criteria) {
      criteria += 1;
      report(`${name} ${d.bid} ${c.id}`, c.assessed, wording.assessed(en, fmt, options.model, options.tender, c.id));
    }
    texts += 1;
    // Why a bid was disqualified reads as the results say it, through the catalogue's `reasons`
    // (which words some of them apart from the engine's message): the one line that may differ.
    const own = options.result.bids.find((b) => b.id === d.bid);
    const reasons = own.reasons.map((r) => {
      const text = engineText(en, 'reasons', r, fmt);
      return text.charAt(0).toLowerCase() + text.slice(1);
    });
    const want = d.reasons.length ? d.text.replace(`not ranked: ${d.reasons.join('; ')}.`, `not ranked: ${reasons.join('; ')}.`) : d.text;
    report(`${name} ${d.bid} text`, want, debriefText(d, { ...options, locale: ENGINE }));
  }
  assert.deepEqual(problems, []);
  assert.ok(texts >= 300, `only ${texts} summaries compared`);
  assert.ok(criteria >= 1500, `only ${criteria} criteria compared`);
  console.log(`# ${texts} summaries, ${criteria} criteria compared`);
});

/** The fixed text of the English templates a summary is written with: none of it may show in Welsh. */
const englishPieces = () =>
  [...templates(en.summary).values(), ...templates(en.summaryRules).values(), ...templates(en.debrief).values()]
    .flatMap((t) => t.split(/\{\w+\}/))
    .map((piece) => piece.trim())
    .filter((piece) => /[a-z]{2} [a-z]{2}/i.test(piece));

test('a Welsh summary holds none of the engine’s English sentences, nor the English catalogue’s', () => {
  const pieces = englishPieces();
  let seen = 0;
  for (const { name, d, options } of summaries()) {
    const text = debriefText(d, { ...options, locale: 'cy' });
    const html = debriefHtml(d, { ...options, locale: 'cy' });
    for (const c of d.criteria) {
      seen += 1;
      assert.ok(!text.includes(c.assessed), `${name} ${d.bid} ${c.id}: ${c.assessed}`);
      assert.ok(!html.includes(c.assessed.slice(1)), `${name} ${d.bid} ${c.id} (HTML)`);
    }
    for (const r of d.reasons) assert.ok(!text.includes(r), `${name} ${d.bid}: ${r}`);
    // The tender's own text aside (names and titles the buyer wrote in English).
    const own = [d.title, d.buyer, d.supplier, d.winner?.supplier, ...d.criteria.flatMap((c) => [c.name, c.group]), ...d.groups.map((g) => g.name)];
    const ours = own.filter(Boolean).reduce((t, name) => t.replaceAll(name, ''), text);
    const english = pieces.filter((piece) => ours.includes(piece));
    assert.deepEqual(english, [], `${name} ${d.bid}`);
  }
  assert.ok(seen > 0);
});

test('in English a summary is the engine’s own words; without the model or the tender, so is how a criterion was assessed', () => {
  const { d, options } = summaries().find((x) => x.d.groups.length && x.d.criteria.length > 1);
  const c = d.criteria[0];
  assert.equal(catalogue('en-GB').summary, undefined, 'English takes the engine’s words');
  assert.equal(debriefText(d, { ...options, locale: 'en-GB' }), d.text);
  assert.ok(debriefHtml(d, { ...options, locale: 'en-GB' }).includes(c.assessed.slice(1)));
  // Welsh without the published model: the engine's sentence stays, the rest is Welsh.
  const html = debriefHtml(d, { ...options, locale: 'cy', model: null });
  assert.ok(html.includes(c.assessed.slice(1)));
  assert.equal(wording.assessed(cy, formatter('cy'), null, options.tender, c.id), null);
  assert.equal(wording.assessed(cy, formatter('cy'), options.model, options.tender, 'no-such-criterion'), null);
  assert.ok(debriefText(d, { ...options, locale: 'cy' }).startsWith(`${cy.debrief.heading}: `));
});

/** Each template of an entry, by its place: a string, or the leaves of a list or table. */
function templates(entry, at = '', out = new Map()) {
  if (typeof entry === 'string') out.set(at, entry);
  else if (entry && typeof entry === 'object') for (const [k, v] of Object.entries(entry)) templates(v, `${at}.${k}`, out);
  return out;
}
const placeholders = (t) => [...new Set([...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1]))].sort();

test('every summary template has its Welsh, with the same placeholders', () => {
  for (const table of ['summary', 'summaryRules']) {
    const english = templates(en[table]);
    const welsh = templates(cy[table]);
    assert.deepEqual([...welsh.keys()], [...english.keys()], table);
    for (const [at, t] of english) {
      assert.deepEqual(placeholders(welsh.get(at)), placeholders(t), `${table}${at}`);
    }
  }
  // Every rule the engine publishes has its words.
  for (const code of ['group-threshold', 'relative-threshold', 'limit-minimum', 'limit-maximum']) {
    assert.ok(Object.hasOwn(cy.summaryRules, code) && Object.hasOwn(en.summaryRules, code), code);
  }
});

test('a tie’s suppliers are one list in the catalogue’s words, and a criterion’s kind is worded', () => {
  const tie = (suppliers, bids) => ({ code: 'tie', bids, params: { rank: 2, total: '70.00', suppliers }, message: 'x' });
  assert.equal(engineText(cy, 'warnings', tie('Alun Cyf, Bryn Cyf', ['a', 'b'])), 'Mae’r cynigion hyn yn rhannu safle 2 gyda 70.00 yr un, ar ôl pob rheol torri’r cyfartal: Alun Cyf a Bryn Cyf');
  assert.match(engineText(cy, 'warnings', tie('Alun, Bryn, Emrys', ['a', 'b', 'c'])), /: Alun, Bryn ac Emrys$/);
  assert.match(engineText(en, 'warnings', tie('Alun, Bryn, Emrys', ['a', 'b', 'c'])), /: Alun, Bryn and Emrys$/);
  // A name holding ", " itself: the names cannot be told apart, so they stay as the engine joined them.
  assert.match(engineText(cy, 'warnings', tie('Jones, Evans & Co, Bryn', ['a', 'b'])), /: Jones, Evans & Co, Bryn$/);
  const wrong = { code: 'wrong-input-kind', params: { id: 'q1', kind: 'pass-fail' }, message: 'x' };
  assert.equal(engineText(cy, 'errors', wrong), 'Mae maen prawf “q1” o’r math “Pasio/methu” ac ni all dderbyn y mewnbwn hwn; symudwch ef i’w le yn y cynnig');
  assert.match(engineText(en, 'errors', wrong), /is a pass-fail criterion/);
  // Every kind has its Welsh.
  for (const kind of ['scored', 'price', 'numeric', 'measures', 'pass-fail']) assert.ok(Object.hasOwn(cy.params.kind, kind), kind);
});

test('a real tie is worded in Welsh as one list', () => {
  for (const { options } of summaries()) {
    for (const w of options.result.warnings.filter((x) => x.code === 'tie')) {
      const text = engineText(cy, 'warnings', w, formatter('cy'));
      if (!w.params.suppliers.includes(', ')) continue;
      assert.doesNotMatch(text, / and /, text);
      assert.match(text, / ac? /, text);
      return;
    }
  }
  assert.fail('no tie in the repository’s tenders');
});
