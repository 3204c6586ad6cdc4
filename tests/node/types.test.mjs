// pkg/bidscore.d.ts stays in step with the engine: every document the engine reads or writes in
// this repository fits the declared types (no undeclared key, no missing required key, no value of
// another type), every field the reader accepts (src/validate.rs) is declared and vice versa, and
// every fixed list of choices matches its string-literal union.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, declarations, tenders, attempt, validate } from './engine.mjs';

// ---- a reader for the declaration file's own plain style ----

const dts = declarations().replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
const interfaces = new Map(); // name -> { extends, props: Map(name -> { type, optional }) }
for (const m of dts.matchAll(/export interface (\w+)(?: extends (\w+))? \{([^}]*)\}/g)) {
  const props = new Map();
  for (const p of m[3].matchAll(/^\s*(\w+)(\??):\s*([^;]+);/gm)) {
    props.set(p[1], { type: p[3].trim(), optional: p[2] === '?' });
  }
  interfaces.set(m[1], { extends: m[2], props });
}
const aliases = new Map([...dts.matchAll(/export type (\w+) =([^;]+);/g)].map((m) => [m[1], m[2].trim()]));

/** Splits a type on `|` outside of `<>`. */
function alternatives(type) {
  const out = [];
  let depth = 0;
  let cur = '';
  for (const ch of type) {
    if (ch === '<') depth++;
    if (ch === '>') depth--;
    if (ch === '|' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out.filter(Boolean);
}

function propsOf(name) {
  const i = interfaces.get(name);
  const inherited = i.extends && interfaces.has(i.extends) ? propsOf(i.extends) : new Map();
  return new Map([...inherited, ...i.props]);
}

/** Problems with `value` as a `type`, each with its path; empty when it fits. */
function check(value, type, path = '$') {
  const options = alternatives(type);
  let best;
  for (const t of options) {
    const problems = checkOne(value, t, path);
    if (problems.length === 0) return [];
    if (!best || problems.length < best.length) best = problems;
  }
  return best.length ? best : [`${path}: ${JSON.stringify(value)} is not ${type}`];
}

function checkOne(value, t, path) {
  if (t === 'string' || t === 'number' || t === 'boolean') {
    return typeof value === t ? [] : [`${path}: expected ${t}, got ${JSON.stringify(value)}`];
  }
  if (t === 'null') return value === null ? [] : [`${path}: expected null`];
  if (/^".*"$/.test(t)) return value === JSON.parse(t) ? [] : [`${path}: expected ${t}, got ${JSON.stringify(value)}`];
  if (t.endsWith('[]')) {
    if (!Array.isArray(value)) return [`${path}: expected a list`];
    return value.flatMap((v, i) => check(v, t.slice(0, -2), `${path}[${i}]`));
  }
  const record = t.match(/^Record<string, (.+)>$/);
  if (record) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${path}: expected an object`];
    return Object.entries(value).flatMap(([k, v]) => check(v, record[1], `${path}.${k}`));
  }
  if (aliases.has(t)) return check(value, aliases.get(t), path);
  if (interfaces.has(t)) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${path}: expected ${t}`];
    const props = propsOf(t);
    const problems = Object.keys(value)
      .filter((k) => !props.has(k))
      .map((k) => `${path}.${k}: not declared in ${t}`);
    for (const [k, p] of props) {
      if (!(k in value)) {
        if (!p.optional) problems.push(`${path}.${k}: required by ${t} but absent`);
      } else problems.push(...check(value[k], p.type, `${path}.${k}`));
    }
    return problems;
  }
  throw new Error(`the declarations use a type this test cannot read: ${t}`);
}

/** Interface names reachable from a type. */
function reachable(type, seen = new Set()) {
  for (const word of type.match(/\b[A-Z]\w*/g) ?? []) {
    if (seen.has(word) || word === 'Record') continue;
    if (interfaces.has(word)) {
      seen.add(word);
      for (const p of propsOf(word).values()) reachable(p.type, seen);
    } else if (aliases.has(word)) reachable(aliases.get(word), seen);
  }
  return seen;
}

/** The string literals a type allows, through aliases. */
function literals(type) {
  return alternatives(type).flatMap((t) => {
    if (/^".*"$/.test(t)) return [JSON.parse(t)];
    return aliases.has(t) ? literals(aliases.get(t)) : [];
  });
}

// ---- the tests ----

test('the functions are declared with the tender and result types', () => {
  const flat = dts.replace(/\s+/g, ' ');
  assert.match(flat, /export function evaluate\(tender: TenderFile \| string\): EvaluationResult;/);
  assert.match(flat, /export function validate\(tender: TenderFile \| string\): Validation;/);
  assert.match(flat, /export function version\(\): string;/);
  for (const name of ['TenderFile', 'EvaluationResult', 'Validation', 'ErrorDetail', 'BidScoreError']) {
    assert.ok(interfaces.has(name), `${name} is declared`);
  }
  assert.deepStrictEqual([...propsOf('BidScoreError').keys()].sort(), ['code', 'errors', 'name', 'path']);
});

const files = tenders();

test('every valid tender, its result and its validation fit the declarations', () => {
  let valid = 0;
  for (const { name, text } of files) {
    const got = attempt(text);
    if (got.error) continue;
    valid++;
    assert.deepStrictEqual(check(JSON.parse(text), 'TenderFile'), [], `${name} as TenderFile`);
    assert.deepStrictEqual(check(got.ok, 'EvaluationResult'), [], `${name}: its result`);
    assert.deepStrictEqual(check(validate(text), 'Validation'), [], `${name}: its validation`);
  }
  assert.ok(valid > 0);
});

test('every error list fits the declarations', () => {
  const broken = [...files.map((f) => f.text), '{', '{"format":"x","criteria":[{"kind":"nope"}],"extra":1}', '[]'];
  let seen = 0;
  for (const text of broken) {
    const got = attempt(text);
    if (!got.error) continue;
    seen++;
    const e = got.error;
    const asDeclared = { name: e.name, code: e.code, path: e.path, errors: e.errors };
    assert.deepStrictEqual(check(asDeclared, 'BidScoreError'), [], text.slice(0, 80));
    assert.deepStrictEqual(check(validate(text), 'Validation'), []);
  }
  assert.ok(seen >= 3);
});

// The reader's field lists: every `&["a", "b"]` of src/validate/ (but the duplicate-key scan of
// jsontext.rs, whose tests list paths) outside a `self.choice(...)` call is a list of the fields
// some object may hold; inside one, it lists the values a field may take.
const validateDir = join(root, 'src/validate');
const source = readdirSync(validateDir)
  .filter((f) => f.endsWith('.rs') && f !== 'jsontext.rs')
  .map((f) => readFileSync(join(validateDir, f), 'utf8'))
  .join('\n')
  .replace(/\/\/.*$/gm, '');
const choiceSpans = [...source.matchAll(/self\.choice\(/g)].map((m) => {
  let depth = 0;
  for (let i = m.index + m[0].length - 1; i < source.length; i++) {
    if (source[i] === '(') depth++;
    if (source[i] === ')' && --depth === 0) return [m.index, i, source.slice(m.index, i)];
  }
  throw new Error('unbalanced self.choice(');
});
const stringArrays = [...source.matchAll(/&\[\s*((?:"[^"]*"\s*,?\s*)+)\]/g)].map((m) => ({
  at: m.index,
  items: [...m[1].matchAll(/"([^"]*)"/g)].map((x) => x[1]),
}));
const insideChoice = (a) => choiceSpans.some(([from, to]) => a.at > from && a.at < to);

const tenderSide = reachable('TenderFile');
const declaredFields = new Set([...tenderSide].flatMap((i) => [...propsOf(i).keys()]));

test('every field the reader accepts is declared in TenderFile, and nothing else is', () => {
  const accepted = new Set(stringArrays.filter((a) => !insideChoice(a)).flatMap((a) => a.items));
  assert.ok(accepted.size > 30, `found only ${accepted.size} fields in src/validate/`);
  assert.deepStrictEqual([...accepted].filter((f) => !declaredFields.has(f)), [], 'accepted but not declared');
  assert.deepStrictEqual([...declaredFields].filter((f) => !accepted.has(f)), [], 'declared but not accepted');
});

test('every fixed choice of the reader is the declared string-literal union', () => {
  const choices = choiceSpans.map(([from, to, text]) => ({
    field: text.match(/self\.choice\(\s*&?\w+,\s*"(\w+)"/)?.[1],
    allowed: new Set(stringArrays.filter((a) => a.at > from && a.at < to).flatMap((a) => a.items)),
  }));
  assert.ok(choices.length >= 5);
  for (const { field, allowed } of choices) {
    assert.ok(field, 'a choice names its field');
    const declared = [...tenderSide]
      .map((i) => propsOf(i).get(field))
      .filter(Boolean)
      .map((p) => new Set(literals(p.type)));
    assert.ok(declared.length > 0, `${field} is declared`);
    assert.ok(
      declared.some((d) => d.size === allowed.size && [...allowed].every((x) => d.has(x))),
      `${field}: the reader allows ${[...allowed].join(', ')}; declared: ${declared.map((d) => [...d].join(', ')).join(' / ')}`,
    );
  }
});
