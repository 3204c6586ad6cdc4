// The widget's catalogues (English in www/src/text/messages.js, Welsh in cymraeg.js) are the one
// source of the words it shows for the engine's messages: every code the engine can give has a
// template in each, worded from the message's params alone, and every placeholder is a param the
// engine gives for that code. Checked twice: against the codes and params read from the Rust
// source (tests/node/rust-codes.mjs), so a new code without a template fails here, and against what
// the engine gives for every tender in the repository. Each other catalogue has the English one's
// keys, lists and placeholders, and every plural form its language has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogue, catalogueLanguages, engineText } from '../../www/src/text/messages.js';
import '../../www/src/text/cymraeg.js';
import { formatter } from '../../www/src/text/format.js';
import { errorCodes, errorTemplates, reasonCodes, statuses, warningCodes } from './rust-codes.mjs';
import { describe, evaluate, tenders } from './engine.mjs';

const cat = catalogue('en-GB');
const fmt = formatter('en-GB');
/** Every catalogue: English, then each other language. */
const LANGUAGES = catalogueLanguages();

/** Codes the widget gives itself, in the engine's shape: not in src/. */
const WIDGET_ERRORS = new Set(['engine-fault', 'price-fraction-of-penny']);

const placeholders = (template) => [...template.matchAll(/\{(\w+)(?::\w+)?\}/g)].map((x) => x[1]);
const alternatives = (template) => (Array.isArray(template) ? template : [template]);

/**
 * Each template of `table` for the codes in `codes` (code → { always, sometimes }): present, and
 * its placeholders given by the engine; of a list of templates, the last needs only the params
 * always given, since engineText falls back to it.
 */
function checkTable(table, codes, cat) {
  const problems = [];
  for (const [code, { always, sometimes }] of codes) {
    const template = cat[table][code];
    if (typeof template !== 'string' && !(Array.isArray(template) && template.length)) {
      problems.push(`${table}: no template for "${code}" (params: ${[...always, ...sometimes].join(', ') || 'none'})`);
      continue;
    }
    const list = alternatives(template);
    list.forEach((t, k) => {
      const needs = k === list.length - 1 ? always : [...always, ...sometimes];
      for (const p of placeholders(t)) {
        if (!needs.includes(p)) {
          problems.push(
            `${table}["${code}"]: {${p}} is ${[...always, ...sometimes].includes(p) ? 'not always given' : 'never given'} (the engine gives ${[...always, ...sometimes].join(', ') || 'no params'})`,
          );
        }
      }
    });
  }
  for (const code of Object.keys(cat[table])) {
    if (!codes.has(code) && !(table === 'errors' && WIDGET_ERRORS.has(code))) {
      problems.push(`${table}: a template for "${code}", which the engine never gives`);
    }
  }
  return problems;
}

/**
 * code → Set of params, as { always, sometimes } for checkTable. The source's reading does not tell
 * which params a warning or reason gives every time: each is taken as always given here, and the
 * pass over real output below finds a placeholder left unfilled.
 */
const given = (map) => new Map([...map].map(([code, set]) => [code, { always: [...set], sometimes: [] }]));

test('the Rust source is read: codes of every kind, with their params', () => {
  const errors = errorCodes();
  const warnings = warningCodes();
  const reasons = reasonCodes();
  // Codes the docs name, as a check that the reading of the source finds them.
  for (const code of ['json-syntax', 'unknown-field', 'too-large', 'missing-lot', 'invalid-utf8']) assert.ok(errors.has(code), code);
  assert.deepEqual(errors.get('unknown-field'), { always: ['field'], sometimes: ['suggestion'] });
  assert.deepEqual(errors.get('number-out-of-range'), { always: ['found'], sometimes: ['limit'] });
  for (const code of ['rank-reversal', 'tie', 'incomplete', 'evaluator-spread', 'averaged-off-scale']) assert.ok(warnings.has(code), code);
  assert.ok(warnings.get('abnormally-low').has('proximityPercent'));
  assert.ok(warnings.get('tie').has('lot'));
  for (const code of ['failed-gate', 'out-of-range', 'no-quality-points', 'missing-price-line', 'below-relative-threshold']) {
    assert.ok(reasons.has(code), code);
  }
  assert.ok(reasons.get('below-relative-threshold').has('best'));
  assert.ok(reasons.get('missing-price-line').has('lineName'));
  assert.deepEqual(statuses(), ['ranked', 'disqualified', 'incomplete']);
});

// The engine words its English error messages by filling `{name}` places from the error's
// params (src/error.rs, `fill`): a place no param fills would stay in the message as written.
test("the engine's English error messages fill only places its params give", () => {
  const arms = errorTemplates();
  assert.ok(arms.length > 60, `${arms.length} arms read`);
  assert.ok(arms.some((a) => a.places.includes('suggestion')), 'the reading finds places');
  const problems = [];
  for (const { variants, text, places, given } of arms) {
    assert.ok(text.length > 10, `${variants}: no message read`);
    variants.forEach((v, i) => {
      for (const p of places) if (!given[i].includes(p)) problems.push(`${v}: {${p}} in "${text}" is not among its params`);
    });
  }
  assert.deepEqual(problems, []);
});

test('the widget has English and Welsh', () => {
  assert.deepEqual(LANGUAGES, ['en-GB', 'cy']);
  for (const lang of LANGUAGES) assert.equal(catalogue(lang).lang, lang);
  assert.equal(catalogue('cy-GB'), catalogue('cy'));
  // Tags ignore case, as hosts write them either way.
  for (const tag of ['CY', 'Cy-gb', 'CY-GB']) assert.equal(catalogue(tag), catalogue('cy'), tag);
  assert.equal(catalogue('EN-gb'), cat);
  for (const other of ['fr', 'en', '__proto__', 'constructor', 'toString']) assert.equal(catalogue(other), cat, other);
});

for (const lang of LANGUAGES) {
  const c = catalogue(lang);

  test(`${lang}: every error code has a template over the params the engine gives it`, () => {
    assert.deepEqual(checkTable('errors', errorCodes(), c), []);
  });

  test(`${lang}: every warning code has a template and a title, over the params the engine gives it`, () => {
    const codes = warningCodes();
    const problems = checkTable('warnings', given(codes), c);
    for (const code of codes.keys()) if (typeof c.warningTitles[code] !== 'string') problems.push(`warningTitles: none for "${code}"`);
    assert.deepEqual(problems, []);
  });

  test(`${lang}: every reason and missing input has a template over the params the engine gives it`, () => {
    assert.deepEqual(checkTable('reasons', given(reasonCodes()), c), []);
  });

  test(`${lang}: every status has a label`, () => {
    for (const s of statuses()) assert.equal(typeof c.ui.statuses[s], 'string', s);
  });

  test(`${lang}: a saved answer that no longer fits is explained over the params its error gives`, () => {
    const codes = errorCodes();
    for (const [code, template] of Object.entries(c.ui.misfitReasons)) {
      assert.ok(codes.has(code), code);
      const { always } = codes.get(code);
      for (const p of placeholders(template)) assert.ok(always.includes(p), `misfitReasons["${code}"]: {${p}}`);
    }
  });
}

/**
 * Where `other` departs from the English catalogue `en`: a key missing or added, a list of another
 * length, a template with other placeholders, or a count ({ one, other } in English) without each
 * plural form `forms` of its language.
 */
function departures(en, other, forms, path = '') {
  const found = [];
  const holders = (t) => placeholders(t).sort().join(' ');
  if (typeof en === 'string') {
    if (typeof other !== 'string' || !other.trim()) found.push(`${path}: not text`);
    else if (holders(en) !== holders(other)) found.push(`${path}: {${holders(other)}} where English has {${holders(en)}}`);
  } else if (Array.isArray(en)) {
    if (!Array.isArray(other) || other.length !== en.length) found.push(`${path}: not a list of ${en.length}`);
    else en.forEach((t, i) => found.push(...departures(t, other[i], forms, `${path}[${i}]`)));
  } else if (en && typeof en === 'object') {
    const keys = Object.keys(en);
    if (!other || typeof other !== 'object') return [`${path}: not an object`];
    if (keys.length === 2 && keys.includes('one') && keys.includes('other')) {
      for (const form of forms) {
        if (typeof other[form] !== 'string') found.push(`${path}.${form}: missing`);
        else if (holders(other[form]) !== holders(en.other)) found.push(`${path}.${form}: other placeholders than English`);
      }
      return found;
    }
    for (const k of Object.keys(other)) if (!Object.hasOwn(en, k)) found.push(`${path}.${k}: not in English`);
    for (const k of keys) {
      if (!Object.hasOwn(other, k)) found.push(`${path}.${k}: missing`);
      else if (k !== 'lang') found.push(...departures(en[k], other[k], forms, `${path}.${k}`));
    }
  } else if (en !== other) found.push(`${path}: ${JSON.stringify(other)} where English has ${JSON.stringify(en)}`);
  return found;
}

/**
 * A catalogue without the words of the engine's prose params, of a price schedule and of the
 * assessment summaries, which English takes from the engine (tests/node/params.test.mjs and
 * summary-text.test.mjs check them in each other language).
 */
function ownWords(c) {
  const { scheduleWords, summary, summaryRules, ...rest } = c;
  return { ...rest, params: { or: c.params.or } };
}

test('each other catalogue has the English keys, lists and placeholders, and its language’s plural forms', () => {
  // The check finds what it looks for.
  assert.deepEqual(departures({ a: 'x {n}', b: { one: '1', other: '{n}' } }, { a: 'y', c: '', b: { other: '{n}' } }, ['one', 'other']), [
    '.c: not in English',
    '.a: {} where English has {n}',
    '.b.one: missing',
  ]);
  for (const lang of LANGUAGES.slice(1)) {
    const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    if (lang === 'cy') assert.equal(forms.length, 6, 'Welsh has six plural forms');
    assert.deepEqual(departures(ownWords(cat), ownWords(catalogue(lang)), forms), [], lang);
  }
});

test('every message the engine gives for the repository’s tenders is worded by the catalogue, every placeholder filled', () => {
  const known = { errors: errorCodes(), warnings: warningCodes(), reasons: reasonCodes() };
  const seen = { errors: new Set(), warnings: new Set(), reasons: new Set(), thresholdRules: new Set() };
  const problems = new Set();
  const check = (table, item, where) => {
    seen[table].add(item.code);
    // The reading of the source found this code and each of its params.
    const source = known[table]?.get(item.code);
    if (known[table] && !source) problems.add(`${where}: "${item.code}" is not found in the Rust source by rust-codes.mjs`);
    const given = source ? (source instanceof Set ? source : new Set([...source.always, ...source.sometimes])) : null;
    for (const p of Object.keys(item.params ?? {})) {
      if (given && !given.has(p)) problems.add(`${where}: "${item.code}" gives {${p}}, not found in the Rust source`);
    }
    if (!cat[table][item.code]) {
      problems.add(`${where}: no ${table} template for "${item.code}"`);
      return;
    }
    const text = engineText(cat, table, item, fmt);
    const left = text.match(/\{\w+(?::\w+)?\}/g);
    if (left) problems.add(`${where}: "${item.code}" leaves ${left.join(', ')} unfilled: ${text}`);
  };
  let results = 0;
  let failures = 0;
  for (const { name, text } of tenders()) {
    let result;
    try {
      result = evaluate(text);
    } catch (error) {
      failures += 1;
      assert.ok(error.errors?.length, `${name}: ${error}`);
      for (const e of error.errors) check('errors', e, name);
      continue;
    }
    results += 1;
    for (const w of result.warnings) check('warnings', w, name);
    for (const b of result.bids) {
      for (const m of [...b.reasons, ...b.missing]) check('reasons', m, name);
      assert.equal(typeof cat.ui.statuses[b.status], 'string', `${name}: status ${b.status}`);
    }
    for (const r of describe(text).thresholdRules ?? []) check('thresholdRules', r, name);
  }
  assert.deepEqual([...problems], []);
  assert.ok(results > 40 && failures > 100, `${results} evaluated, ${failures} invalid`);
  // The repository's tenders reach most codes: a sign the loop above looked at real output.
  assert.ok(seen.errors.size > 40, `${seen.errors.size} error codes seen`);
  assert.ok(seen.warnings.size > 10, `${seen.warnings.size} warning codes seen`);
  assert.ok(seen.reasons.size > 12, `${seen.reasons.size} reason codes seen`);
});

test('the catalogue’s words, not the engine’s, for messages the engine words differently', () => {
  const text = (table, code, params, message = 'engine words') => engineText(cat, table, { code, params, message }, fmt);
  assert.equal(text('errors', 'unknown-field', { field: 'suplier', suggestion: 'supplier' }), 'Unknown field “suplier”; did you mean “supplier”?');
  assert.equal(text('errors', 'unknown-field', { field: 'colour' }), 'Unknown field “colour”; remove it or check the spelling');
  assert.equal(text('errors', 'unsupported-format', { found: '', supported: 'bidscore/1' }), 'Add “format”: “bidscore/1” at the top of the file');
  assert.equal(text('errors', 'unsupported-format', { found: 'bidscore/2', supported: 'bidscore/1' }), 'Format “bidscore/2” is not supported; use “bidscore/1”');
  assert.equal(text('errors', 'price-has-weight', { method: 'price-per-quality-point' }), 'Under “price per quality point” price carries no marks; remove its weight');
  const low = { supplier: 'Delta Ltd', price: '600000', average: '900000.00', percentBelow: '33.3', percent: '15' };
  assert.match(text('warnings', 'abnormally-low', low), /^Delta Ltd’s price of £600,000\.00 is 33\.3% below £900,000\.00, the average of the qualified prices without the highest, more than 15%: ask/);
  const near = { ...low, next: '610000', gap: '10000.00', margin: '6100.00', marginFrom: 'percent', proximityPercent: '1' };
  assert.match(text('warnings', 'abnormally-low', near), /, and £10,000\.00 below the next lowest, more than the margin of £6,100\.00: ask/);
  assert.equal(text('reasons', 'above-ceiling', { price: '1200000', ceiling: '1000000' }), 'The price of £1,200,000.00 is above the ceiling of £1,000,000.00');
  // One averaged score reads as well as several: the list follows a label, in both languages.
  const one = { criterion: 'q1', name: 'Staffing', count: '1', scores: 'Riverside Ltd: 2.5' };
  assert.match(text('warnings', 'averaged-off-scale', one), /^On “Staffing”, averages of the evaluators’ scores that are not points of the scale: Riverside Ltd: 2\.5\. If/);
  const cy = engineText(catalogue('cy'), 'warnings', { code: 'averaged-off-scale', params: one, message: '' }, formatter('cy'));
  assert.match(cy, /^Ar “Staffing”, cyfartaleddau o sgorau’r gwerthuswyr nad ydynt yn bwyntiau ar y raddfa: Riverside Ltd: 2\.5\. Os/);
});

test('the language switch takes the host’s tags in any case, each language once, and leaves out one without text', async (t) => {
  const { switchLanguages } = await import('../../www/src/element/language-switch.js');
  const warned = [];
  t.mock.method(console, 'warn', (m) => warned.push(m));
  assert.deepEqual(switchLanguages('CY en-gb cy-GB fr __proto__'), ['cy', 'en-GB']);
  assert.equal(warned.length, 2, warned.join('\n'));
  assert.ok(warned.every((w) => !w.includes('bid-scorer-cy.js')), 'Welsh is named only where Welsh was asked for');
  assert.deepEqual(switchLanguages(''), []);
});
