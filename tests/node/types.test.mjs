// pkg/bidscore.d.ts stays in step with the engine, as the TypeScript compiler (pinned in
// package.json) sees it under `--strict` and `exactOptionalPropertyTypes`: every document the engine
// reads or writes in this repository is written into one TypeScript program as a literal of its
// declared type (so an undeclared key, a missing required key or a value of another type is a
// compile error), the functions have the declared signatures, every field the reader accepts
// (src/validate/) is declared and vice versa, and every fixed list of choices is the declared
// string-literal union. The program also holds documents that are wrong on purpose, each of which
// must get an error: the check is seen to catch what it is there to catch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  root,
  tenders,
  attempt,
  validate,
  analyse,
  describe,
  debriefs,
  ocdsAwardCriteria,
} from './engine.mjs';

// ---- what the reader accepts, from src/validate/ ----

// Every `&["a", "b"]` of src/validate/ (but the duplicate-key scan of jsontext.rs, whose tests
// list paths) outside a `self.choice(...)` call is a list of the fields some object may hold;
// inside one, it lists the values a field may take.
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
const accepted = [...new Set(stringArrays.filter((a) => !insideChoice(a)).flatMap((a) => a.items))];
const choices = choiceSpans.map(([from, to, text]) => ({
  field: text.match(/self\.choice\(\s*&?\w+,\s*"(\w+)"/)?.[1],
  allowed: [...new Set(stringArrays.filter((a) => a.at > from && a.at < to).flatMap((a) => a.items))],
}));

// ---- the documents ----

/** `{ name, type, text }`: `text` is a TypeScript expression that must be a `type`. */
const documents = [];
const add = (name, type, value) => documents.push({ name, type, text: JSON.stringify(value) });
/** What a thrown `BidScoreError` holds, as declared (with `message`, from `Error`). */
const thrown = ({ name, message, code, path, errors }) => ({ name, message, code, path, errors });

const files = tenders();
let valid = 0;
let broken = 0;
for (const { name, text } of files) {
  const got = attempt(text);
  if (got.error) {
    broken++;
    add(`${name}: the error thrown`, 'BidScoreError', thrown(got.error));
    add(`${name}: its validation`, 'Validation', validate(text));
    continue;
  }
  valid++;
  // The tender as written (JSON text is a TypeScript expression), so no digit is lost.
  documents.push({ name, type: 'TenderFile', text });
  add(`${name}: its result`, 'EvaluationResult', got.ok);
  add(`${name}: its validation`, 'Validation', validate(text));
  add(`${name}: its analysis`, 'Analysis', analyse(text, { samples: 20, seed: 1 }));
  add(`${name}: its published model`, 'PublishedModel', describe(text));
  add(`${name}: its summaries`, 'Debrief[]', debriefs(text));
  add(`${name}: its award criteria`, 'Record<string, unknown>', ocdsAwardCriteria(text));
}
for (const text of ['{', '{"format":"x","criteria":[{"kind":"nope"}],"extra":1}', '[]']) {
  const e = attempt(text).error;
  add(`${text}: the error thrown`, 'BidScoreError', thrown(e));
  add(`${text}: its validation`, 'Validation', validate(text));
}

// Wrong on purpose: each must get at least one error, at its own line.
const example = files.find((f) => f.name === 'www/examples/council-wellbeing.json').text;
const tender = JSON.parse(example);
const result = attempt(example).ok;
const wrong = [
  ['a bid with an undeclared key', 'TenderFile', { ...tender, bids: [{ ...tender.bids[0], suplier: 'x' }] }],
  ['a tender without criteria', 'TenderFile', { format: 'bidscore/1' }],
  ['a tender of another format', 'TenderFile', { ...tender, format: 'bidscore/2' }],
  ['a result with a status not declared', 'EvaluationResult', { ...result, bids: [{ ...result.bids[0], status: 'won' }] }],
  ['a result whose rank is text', 'EvaluationResult', { ...result, bids: [{ ...result.bids[0], rank: '1' }] }],
  ['a result without its ranking', 'EvaluationResult', { ...result, ranking: undefined }],
  ['a validation with a misspelt key', 'Validation', { errors: [], warning: [] }],
  ['an error of another name', 'BidScoreError', { name: 'Error', message: '', code: '', path: '', errors: [] }],
];
for (const [name, type, value] of wrong) {
  documents.push({ name, type, text: JSON.stringify(value), wrong: true });
}

// ---- the program ----

const types = [
  'TenderFile', 'EvaluationResult', 'Validation', 'Analysis', 'AnalysisOptions', 'PublishedModel',
  'Debrief', 'BidScoreError', 'ErrorDetail',
];
const lit = (values) => values.map((v) => JSON.stringify(v)).join(' | ') || 'never';

/** Each line of the program with, where it is an assertion, what it asserts. */
const lines = [
  [`import type { ${types.join(', ')} } from ${JSON.stringify(join(root, 'pkg/bidscore.js'))};`],
  [`import * as api from ${JSON.stringify(join(root, 'pkg/bidscore.js'))};`],
  ['type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;'],
  ['type Is<T extends true> = T;'],
  ['type None<T extends never> = T;'],
  ['type Leaf = string | number | boolean | null | undefined;'],
  ['type Seen<T, S> = true extends (S extends unknown ? Equals<T, S> : never) ? true : false;'],
  // Every key of every object type reachable from T, through lists, records and unions.
  ['type Keys<T, S = never> = T extends Leaf ? never : T extends readonly (infer U)[] ? Keys<U, S>'],
  ['  : Seen<T, S> extends true ? never : string extends keyof T ? Keys<T[string & keyof T], S | T>'],
  ['  : { [K in keyof T]-?: K | Keys<NonNullable<T[K]>, S | T> }[keyof T];'],
  // The type of field F in each object type reachable from T, one `{ of }` box for each.
  ['type Fields<T, F extends string, S = never> = T extends Leaf ? never'],
  ['  : T extends readonly (infer U)[] ? Fields<U, F, S>'],
  ['  : Seen<T, S> extends true ? never : string extends keyof T ? Fields<T[string & keyof T], F, S | T>'],
  ['  : (F extends keyof T ? { of: NonNullable<T[F]> } : never)'],
  ['    | { [K in keyof T]-?: Fields<NonNullable<T[K]>, F, S | T> }[keyof T];'],
  // Whether some field F reachable from TenderFile is exactly the union A.
  ['type Exactly<B, A> = B extends { of: infer V } ? Equals<V, A> : never;'],
  ['type Choice<F extends string, A> = true extends Exactly<Fields<TenderFile, F>, A> ? true : false;'],
  [`type Accepted = ${lit(accepted)};`],
];
const signatures = [
  ['evaluate', '(tender: TenderFile | string) => EvaluationResult'],
  ['validate', '(tender: TenderFile | string) => Validation'],
  ['version', '() => string'],
  ['analyse', '(tender: TenderFile | string, options: AnalysisOptions | undefined) => Analysis'],
  ['describe', '(tender: TenderFile | string) => PublishedModel'],
  ['debriefs', '(tender: TenderFile | string) => Debrief[]'],
  ['ocdsAwardCriteria', '(tender: TenderFile | string) => Record<string, unknown>'],
];
for (const [fn, type] of signatures) {
  lines.push([`type _${fn} = Is<Equals<typeof api.${fn}, ${type}>>;`, { signature: `${fn} is ${type}` }]);
}
lines.push([
  `type _errorName = Is<Equals<BidScoreError['name'], 'BidScoreError'>>;`,
  { signature: "BidScoreError's name is 'BidScoreError'" },
]);
lines.push([
  `type _errorKeys = Is<Equals<Exclude<keyof BidScoreError, keyof Error>, 'code' | 'path' | 'errors'>>;`,
  { signature: 'BidScoreError adds code, path and errors to Error' },
]);
lines.push(['type _acceptedNotDeclared = None<Exclude<Accepted, Keys<TenderFile>>>;', { fields: 'accepted but not declared' }]);
lines.push(['type _declaredNotAccepted = None<Exclude<Keys<TenderFile>, Accepted>>;', { fields: 'declared but not accepted' }]);
choices.forEach(({ field, allowed }, i) => {
  lines.push([`type _choice${i} = Is<Choice<${JSON.stringify(field ?? '')}, ${lit(allowed)}>>;`, { choice: field, allowed }]);
});
documents.forEach((d, i) => lines.push([`const _d${i}: ${d.type} = ${d.text};`, { document: d }]));

// ---- one run of the compiler ----

const program = lines.map(([text]) => text).join('\n') + '\n';
// The compiler counts CR, LF, CRLF, U+2028 and U+2029 as line ends; a document's text may hold the last two.
const lineOf = [];
lines.forEach(([text, about]) => {
  const breaks = text.match(/\r\n|[\n\r\u2028\u2029]/g)?.length ?? 0;
  for (let k = 0; k <= breaks; k++) lineOf.push(about);
});

const dir = mkdtempSync(join(tmpdir(), 'bidscore-types-'));
const tsconfig = {
  compilerOptions: {
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    target: 'es2022',
    module: 'esnext',
    moduleResolution: 'bundler',
    lib: ['esnext', 'dom'],
    types: [],
  },
  files: ['documents.ts'],
};
writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
writeFileSync(join(dir, 'documents.ts'), program);
const started = Date.now();
const run = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', dir, '--pretty', 'false'], {
  encoding: 'utf8',
  maxBuffer: 1 << 28,
});
const took = Date.now() - started;
rmSync(dir, { recursive: true });
if (run.error) throw new Error(`tsc did not run (npm ci installs it): ${run.error.message}`);

/** Every diagnostic as `{ file, line, message, about }`; `about` says what its line asserts. */
const diagnostics = [];
for (const text of run.stdout.split('\n')) {
  const m = text.match(/^(.*)\((\d+),(\d+)\): (error TS\d+: .*)$/);
  if (m) {
    const about = m[1].endsWith('documents.ts') ? lineOf[Number(m[2]) - 1] : undefined;
    diagnostics.push({ file: m[1], line: Number(m[2]), message: m[4], about });
  } else if (text.trim() && diagnostics.length) diagnostics.at(-1).message += `\n${text}`;
}

const shown = (list) => list.map((d) => `${d.file}(${d.line}): ${d.message.slice(0, 400)}`).join('\n');

// ---- the tests ----

test('the compiler ran over the program and its findings were read', () => {
  const output = `${run.stdout}${run.stderr}`;
  assert.ok(run.status === 0 || diagnostics.length > 0, `tsc exited ${run.status}: ${output}`);
  assert.ok(valid > 0 && broken >= 3, `${valid} valid and ${broken} invalid tenders`);
  console.log(`tsc: ${documents.length} documents, ${(program.length / 1e6).toFixed(1)} MB, ${took} ms`);
});

test('the declarations themselves compile', () => {
  assert.equal(shown(diagnostics.filter((d) => !d.about)), '');
});

test('every document the engine reads or writes fits its declared type', () => {
  const misfits = diagnostics.filter((d) => d.about?.document && !d.about.document.wrong);
  const listed = misfits.map((d) => `${d.about.document.name} as ${d.about.document.type}: ${d.message.slice(0, 400)}`);
  assert.equal(listed.join('\n'), '');
});

test('a document that does not fit its declared type is a compile error', () => {
  for (const d of documents.filter((x) => x.wrong)) {
    assert.ok(
      diagnostics.some((x) => x.about?.document === d),
      `${d.name} as ${d.type} compiled without an error`,
    );
  }
});

test('the functions are declared with the tender and result types', () => {
  const misfits = diagnostics.filter((d) => d.about?.signature);
  assert.equal(misfits.map((d) => `declared otherwise than: ${d.about.signature}`).join('\n'), '');
});

test('every field the reader accepts is declared in TenderFile, and nothing else is', () => {
  assert.ok(accepted.length > 30, `found only ${accepted.length} fields in src/validate/`);
  const misfits = diagnostics.filter((d) => d.about?.fields);
  assert.equal(misfits.map((d) => `${d.about.fields}: ${d.message}`).join('\n'), '');
});

test('every fixed choice of the reader is the declared string-literal union', () => {
  assert.ok(choices.length >= 5);
  for (const { field } of choices) assert.ok(field, 'a choice names its field');
  const misfits = diagnostics.filter((d) => d.about?.choice);
  const listed = misfits.map(
    (d) => `${d.about.choice}: the reader allows ${d.about.allowed.join(', ')}; no such field is declared as exactly that`,
  );
  assert.equal(listed.join('\n'), '');
});
