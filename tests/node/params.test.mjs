// Params that the engine writes in English prose (what a field must be, why a scale is not usable,
// what is too large, why a file is not JSON, which formulas could score a price, how a price
// schedule makes the evaluated price) are worded from their codes: every code the engine can give
// has words in every catalogue but English, whose words are the engine's own (so the English
// build carries them once), and every tender in the repository is shown with them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue, catalogueLanguages, engineText, scheduleWords, sentence } from '../../www/src/text/messages.js';
import '../../www/src/text/cymraeg.js';
import { formatter } from '../../www/src/text/format.js';
import { describe, evaluate, root, tenders } from './engine.mjs';

const en = catalogue('en-GB');
const cy = catalogue('cy');
const LANGUAGES = catalogueLanguages();
/** The catalogues that word the engine's prose params themselves: all but English. */
const OTHERS = LANGUAGES.slice(1);
const read = (file) => readFileSync(join(root, file), 'utf8');
const unescape = (s) => JSON.parse(`"${s}"`);
const all = (text, re) => [...text.matchAll(re)].map((m) => unescape(m[1]));

/** Every .rs file under `dir`, as text. */
function sources(dir) {
  return readdirSync(join(root, dir), { recursive: true })
    .filter((f) => f.endsWith('.rs'))
    .map((f) => read(join(dir, f)));
}

/** (English, code) pairs of a table `const NAME: [(&str, &str); N]` in src/error.rs. */
function table(name) {
  const src = read('src/error.rs');
  const start = src.indexOf(`const ${name}:`);
  const body = src.slice(start, src.indexOf('];', start));
  return new Map([...body.matchAll(/\(\s*"((?:[^"\\]|\\.)*)",\s*"([^"]+)",?\s*\)/g)].map((m) => [unescape(m[1]), m[2]]));
}

const EXPECTED = table('EXPECTED');
const REASONS = table('REASONS');

test('every `expected` the engine writes has a code, and every code words in every catalogue as the engine does in English', () => {
  const validate = sources('src/validate').join('\n');
  const wasm = sources('src/wasm').join('\n');
  const written = new Set([
    ...all(validate, /expected:\s*"((?:[^"\\]|\\.)*)"/g),
    ...all(wasm, /(?:Found::new|one_error|return Some|then_some)\(\s*"((?:[^"\\]|\\.)*)"/g),
    ...all(wasm, /const PLAIN_DATA: &str = "((?:[^"\\]|\\.)*)"/g),
  ]);
  assert.ok(written.size >= 19, `${written.size} found`);
  for (const english of written) assert.ok(EXPECTED.has(english), `no expectedCode for "${english}"`);
  assert.ok(OTHERS.length > 0);
  for (const lang of OTHERS) {
    const words = catalogue(lang).params.expected;
    for (const code of EXPECTED.values()) assert.equal(typeof words[code], 'string', `${lang}: ${code}`);
    assert.deepEqual(new Set(Object.keys(words)), new Set(EXPECTED.values()), `${lang}: words only for codes the engine gives`);
  }
});

test('every unusable scale’s reason has a code worded in every catalogue', () => {
  const written = new Set(all(read('src/validate/scales.rs'), /reason:\s*"((?:[^"\\]|\\.)*)"/g));
  assert.ok(written.size >= 5);
  for (const english of written) assert.ok(REASONS.has(english), `no reasonCode for "${english}"`);
  for (const lang of OTHERS) {
    assert.deepEqual(new Set(Object.keys(catalogue(lang).params.reason)), new Set(REASONS.values()), lang);
    for (const text of Object.values(catalogue(lang).params.reason)) assert.equal(typeof text, 'string', lang);
  }
});

test('everything counted by a limit, both bounds and both directions are worded in every catalogue', () => {
  const validate = sources('src/validate').join('\n');
  const what = new Set([...all(validate, /too_large\(\s*"([^"]+)"/g), ...all(validate, /\.count\(\s*[^,()]+(?:\(\))?,\s*\w+,\s*"([^"]+)"/g)]);
  assert.ok(what.size >= 10, [...what].join(', '));
  for (const lang of OTHERS) {
    const p = catalogue(lang).params;
    assert.deepEqual(new Set(Object.keys(p.what)), what, lang);
    for (const w of what) assert.equal(typeof p.what[w], 'string', `${lang}: ${w}`);
    for (const b of ['minimum', 'maximum']) assert.equal(typeof p.bound[b], 'string', `${lang}: ${b}`);
    for (const d of ['higher', 'lower']) assert.equal(typeof p.direction[d], 'string', `${lang}: ${d}`);
  }
});

test('why a file is not JSON is worded by number, in the order of the reader’s reasons', () => {
  const src = read('src/validate/json.rs');
  const enumBody = src.slice(src.indexOf('pub enum Syntax {'), src.indexOf('}', src.indexOf('pub enum Syntax {')));
  const variants = [...enumBody.matchAll(/^\s*(\w+),/gm)].map((m) => m[1]);
  const messageFn = src.slice(src.indexOf('fn message(self)'));
  const words = variants.map((v) => {
    const m = messageFn.match(new RegExp(`\\b${v} => \\{?\\s*"((?:[^"\\\\]|\\\\.)*)"`));
    assert.ok(m, v);
    return unescape(m[1]);
  });
  assert.equal(variants.length, 18);
  assert.equal(new Set(words).size, 18);
  for (const lang of OTHERS) {
    const p = catalogue(lang).params;
    assert.equal(p.jsonSyntax.length, words.length, lang);
    for (const text of p.jsonSyntax) assert.ok(typeof text === 'string' && text.trim(), lang);
    assert.deepEqual([...p.jsonPlace.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort(), ['column', 'line', 'syntax'], lang);
  }
});

/** The params the engine gives in English, as the catalogue words them from their codes. */
function worded(cat, item) {
  const p = item.params ?? {};
  const out = {};
  if (p.expectedCode) out.expected = cat.params.expected[p.expectedCode];
  if (p.reasonCode) out.reason = cat.params.reason[p.reasonCode];
  for (const name of ['what', 'bound', 'direction']) if (p[name] !== undefined) out[name] = cat.params[name][p[name]];
  if (p.syntax !== undefined) out.detail = cat.params.jsonSyntax[Number(p.syntax)];
  return out;
}

/** The item without the codes beside its English params: what the English catalogue words. */
function uncoded(item) {
  const { expectedCode, reasonCode, ...params } = item.params ?? {};
  if (item.code === 'json-syntax') for (const name of ['syntax', 'line', 'column']) delete params[name];
  return { ...item, params };
}

test('for every tender in the repository, each coded param is worded in every language, and English reads as the engine says it', () => {
  const seen = new Set();
  const problems = [];
  const check = (table, item, where) => {
    const fmt = formatter('en-GB');
    if (engineText(en, table, item, fmt) !== engineText(en, table, uncoded(item), fmt)) problems.push(`${where}: English is not the engine's for ${item.code}`);
    for (const lang of OTHERS) {
      const cat = catalogue(lang);
      const words = worded(cat, item);
      const shown = engineText(cat, table, item, formatter(lang));
      for (const [name, text] of Object.entries(words)) {
        seen.add(`${item.code} ${name}`);
        if (typeof text !== 'string') problems.push(`${where}: ${lang} has no words for ${item.code} {${name}}`);
        // The engine's English is not shown in its place.
        else if (text !== item.params[name] && shown.includes(item.params[name])) problems.push(`${where}: ${lang} shows the English ${name}: ${shown}`);
      }
      if (/\{\w+(?::\w+)?\}/.test(shown)) problems.push(`${where}: ${lang}: ${shown}`);
    }
  };
  for (const { name, text } of tenders()) {
    try {
      const result = evaluate(text);
      for (const b of result.bids) for (const m of [...b.reasons, ...b.missing]) check('reasons', m, name);
    } catch (error) {
      for (const e of error.errors ?? []) check('errors', e, name);
    }
  }
  assert.deepEqual(problems, []);
  for (const reached of ['wrong-type expected', 'invalid-scale reason', 'json-syntax detail', 'too-large what', 'formula-not-allowed direction']) {
    assert.ok(seen.has(reached), `no tender gives ${reached}: ${[...seen].join(', ')}`);
  }
});

test('a JSON syntax error is worded with its line and column', () => {
  let error;
  try {
    evaluate('{"format": "bidscore/1",\n  "bids": [1,]}');
  } catch (e) {
    error = e.errors[0];
  }
  assert.equal(error.code, 'json-syntax');
  assert.equal(engineText(en, 'errors', error), `The file is not valid JSON (${error.params.detail}); check it was saved whole`);
  assert.equal(error.params.detail, 'trailing comma at line 2 column 14');
  assert.equal(
    engineText(cy, 'errors', error),
    'Nid yw’r ffeil yn JSON dilys (coma ar y diwedd yn llinell 2 colofn 14); gwiriwch ei bod wedi’i chadw’n gyfan',
  );
});

test('what a value given to the JS API must be is worded from its code', () => {
  let error;
  try {
    evaluate({ format: 'bidscore/1', f: () => 1 });
  } catch (e) {
    error = e.errors[0];
  }
  assert.equal(error.params.expectedCode, 'not-function');
  assert.equal(engineText(en, 'errors', error), 'Must be data, not a function');
  assert.equal(engineText(cy, 'errors', error), 'Mae angen y math hwn o werth: data, nid ffwythiant');
});

test('the formulas that could score a price are joined by the catalogue’s word', () => {
  const item = {
    code: 'price-not-scorable',
    params: { price: '0', formula: 'lowest-ratio', scorable: 'reference-ratio with a cap, lowest-ratio, set-bounds' },
  };
  const fmt = formatter('en-GB');
  assert.equal(
    engineText(en, 'reasons', item, fmt),
    'A price of £0.00 cannot be scored by “lowest price ÷ your price”; reference-ratio with a cap or lowest price ÷ your price or a straight line between a best and a worst price you set can score it',
  );
  const welsh = engineText(cy, 'reasons', item, formatter('cy'));
  assert.match(welsh, /gall pris cyfeirio ÷ eich pris, gyda marciau llawn yn uchafswm neu y pris isaf ÷ eich pris neu llinell syth/);
  assert.doesNotMatch(welsh, / or /);
});

test('a price schedule’s words: the engine’s in English, for every tender with a schedule, and worded in every language', () => {
  const fmt = formatter('en-GB');
  let schedules = 0;
  for (const { name, text } of tenders()) {
    let model;
    try {
      model = describe(text);
    } catch {
      continue;
    }
    const s = model.price?.schedule;
    if (!s) continue;
    schedules += 1;
    assert.equal(scheduleWords(en, fmt, s), s.words, name);
    for (const lang of LANGUAGES.slice(1)) {
      const words = scheduleWords(catalogue(lang), formatter(lang), s);
      assert.doesNotMatch(words, /\{\w+\}|undefined|cost line|per year/, `${name}: ${lang}: ${words}`);
    }
  }
  assert.ok(schedules >= 3, `${schedules} schedules`);
  // Every part, with the counts in each plural form.
  const line = (l) => ({ id: 'x', name: 'x', quantity: '1', unit: null, income: false, max: null, optional: false, perYear: false, ...l });
  const s = {
    lines: [line({}), line({ income: true }), line({ income: true }), line({ optional: true, max: '10' })],
    lifeCycle: { years: 10, discountRate: '0.035', factors: [], factorSum: '8.316605' },
    aboveMax: 'zero',
  };
  assert.equal(
    sentence(scheduleWords(cy, formatter('cy'), s)),
    'Y pris wedi’i werthuso yw swm pob cyfradd × ei maint cyhoeddedig dros 1 llinell gost, llai’r un peth dros 2 linell incwm (arian y mae’r cyflenwr yn ei dalu i’r prynwr); mae llinell a delir bob blwyddyn yn cyfrif ar ei gwerth presennol dros 10 o flynyddoedd ar 3.5% (ffactor pob blwyddyn yw 1 ÷ (1 + 0.035)^blwyddyn, wedi’i dalgrynnu i 6 lle degol; gyda’i gilydd 8.316605); mae 1 llinell ddewisol yn cael ei phrisio ond nid ei gwerthuso; mae cyfradd sy’n uwch nag uchafswm ei llinell yn sgorio 0 am y pris',
  );
  // Each count in every plural form of each language, with the same placeholders.
  for (const lang of OTHERS) {
    const w = catalogue(lang).scheduleWords;
    const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const key of ['cost', 'income', 'optional']) {
      for (const form of forms) assert.match(w[key][form], /\{count\}/, `${lang}: ${key}.${form}`);
    }
    for (const key of ['disqualify', 'zero']) assert.equal(typeof w.aboveMax[key], 'string', `${lang}: ${key}`);
    assert.deepEqual([...w.lifeCycle.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort(), ['percent', 'rate', 'sum', 'years'], lang);
  }
});
