// Params that the engine writes in English prose (what a field must be, why a scale is not usable,
// what is too large, why a file is not JSON, which formulas could score a price, how a price
// schedule makes the evaluated price) are worded by each catalogue from their codes: every code
// the engine can give has words in every language, and the English words are the engine's own,
// for every tender in the repository.
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
  for (const [english, code] of EXPECTED) {
    assert.equal(en.params.expected[code], english, code);
    for (const lang of LANGUAGES) assert.equal(typeof catalogue(lang).params.expected[code], 'string', `${lang}: ${code}`);
  }
  assert.equal(Object.keys(en.params.expected).length, EXPECTED.size, 'no words for a code the engine never gives');
});

test('every unusable scale’s reason has a code worded in every catalogue', () => {
  const written = new Set(all(read('src/validate/scales.rs'), /reason:\s*"((?:[^"\\]|\\.)*)"/g));
  assert.ok(written.size >= 5);
  for (const english of written) assert.ok(REASONS.has(english), `no reasonCode for "${english}"`);
  for (const [english, code] of REASONS) {
    assert.equal(en.params.reason[code], english, code);
    for (const lang of LANGUAGES) assert.equal(typeof catalogue(lang).params.reason[code], 'string', `${lang}: ${code}`);
  }
});

test('everything counted by a limit, both bounds and both directions are worded in every catalogue', () => {
  const validate = sources('src/validate').join('\n');
  const what = new Set([...all(validate, /too_large\(\s*"([^"]+)"/g), ...all(validate, /\.count\(\s*[^,()]+(?:\(\))?,\s*\w+,\s*"([^"]+)"/g)]);
  assert.ok(what.size >= 10, [...what].join(', '));
  for (const w of what) assert.equal(en.params.what[w], w, w);
  assert.deepEqual(new Set(Object.keys(en.params.what)), what);
  for (const lang of LANGUAGES) {
    const p = catalogue(lang).params;
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
  assert.deepEqual(en.params.jsonSyntax, words);
  for (const lang of LANGUAGES) assert.equal(catalogue(lang).params.jsonSyntax.length, words.length, lang);
});

/** The params the engine gives in English, as the catalogue words them from their codes. */
function worded(cat, item) {
  const p = item.params ?? {};
  const out = {};
  if (p.expectedCode) out.expected = cat.params.expected[p.expectedCode];
  if (p.reasonCode) out.reason = cat.params.reason[p.reasonCode];
  for (const name of ['what', 'bound', 'direction']) if (p[name] !== undefined) out[name] = cat.params[name][p[name]];
  if (p.syntax !== undefined) {
    out.detail = cat.params.jsonPlace
      .replace('{syntax}', cat.params.jsonSyntax[Number(p.syntax)])
      .replace('{line}', p.line)
      .replace('{column}', p.column);
  }
  return out;
}

test('for every tender in the repository, the English words of each coded param are the engine’s, and every language words it', () => {
  const seen = new Set();
  const problems = [];
  const check = (table, item, where) => {
    const english = worded(en, item);
    for (const [name, text] of Object.entries(english)) {
      seen.add(`${item.code} ${name}`);
      if (text !== item.params[name]) problems.push(`${where}: ${item.code} {${name}}: "${text}" where the engine says "${item.params[name]}"`);
    }
    for (const lang of LANGUAGES) {
      const cat = catalogue(lang);
      for (const [name, text] of Object.entries(worded(cat, item))) {
        if (typeof text !== 'string' || text.includes('undefined')) problems.push(`${where}: ${lang} has no words for ${item.code} {${name}}`);
      }
      const shown = engineText(cat, table, item, formatter(lang));
      if (/\{\w+(?::\w+)?\}/.test(shown)) problems.push(`${where}: ${lang}: ${shown}`);
      if (lang !== 'en-GB') {
        for (const name of Object.keys(english)) {
          // The engine's English is not shown where the catalogue words it otherwise.
          const mine = worded(cat, item)[name];
          if (mine !== item.params[name] && shown.includes(item.params[name])) problems.push(`${where}: ${lang} shows the English ${name}: ${shown}`);
        }
      }
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
    assert.equal(scheduleWords(en, fmt, s), s.words.replace(/(\w)'(\w)/g, '$1’$2'), name);
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
    sentence(scheduleWords(en, fmt, s)),
    'The evaluated price is the sum of each rate × its published quantity over 1 cost line, less the same over 2 income lines (money the supplier pays the buyer); a line paid per year counts at its present value over 10 years at 3.5% (each year’s factor 1 ÷ (1 + 0.035)^year, rounded to 6 decimals; together 8.316605); 1 optional line is priced but not evaluated; a rate above its line’s maximum scores 0 for price',
  );
  assert.match(scheduleWords(cy, formatter('cy'), s), /^y pris wedi’i werthuso yw swm .* dros 1 llinell gost, llai’r un peth dros 2 linell incwm|^y pris wedi’i werthuso yw swm/);
});
