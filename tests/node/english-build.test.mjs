// What only another language than English needs stays out of the English build: the engine's prose
// params worded from their codes and a price schedule's words (text/engine-words.js) and the
// assessment summaries (text/summary-words.js) are imported by text/cymraeg.js alone, so
// dist/bid-scorer.js carries none of their code and dist/bid-scorer-cy.js carries it; and without
// them, messages.js gives the engine's own words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILDS, build } from '../../scripts/build-dist.mjs';
import { catalogue, engineText, scheduleWords, wording } from '../../www/src/text/messages.js';

const WELSH_ONLY = ['www/src/text/engine-words.js', 'www/src/text/summary-words.js'];
// Names of the catalogue tables only that code reads: property names, which minifying keeps.
const WELSH_ONLY_NAMES = ['jsonPlace', 'expectedCode', 'reasonCode', 'scheduleWords'];

test('without the Welsh catalogue, engine params and a schedule’s words are the engine’s own', async () => {
  // Before anything here imports text/cymraeg.js (building the Welsh bundle does too), messages.js
  // is as the English build has it.
  assert.deepEqual(Object.keys(wording), []);
  const en = catalogue('en-GB');
  const schedule = { words: 'the engine’s words', lines: [{ income: false, optional: false, max: null }], aboveMax: 'zero' };
  assert.equal(scheduleWords(en, null, schedule), 'the engine’s words');
  const item = {
    code: 'json-syntax',
    message: 'not JSON',
    params: { detail: 'expected a value at line 2 column 3', syntax: 1, line: 2, column: 3, expectedCode: 'number' },
  };
  assert.equal(engineText(en, 'errors', item), 'The file is not valid JSON (expected a value at line 2 column 3); check it was saved whole');
  // Importing the Welsh catalogue adds the wording, which still gives English its engine's words.
  await import('../../www/src/text/cymraeg.js');
  assert.deepEqual(Object.keys(wording).sort(), ['assessed', 'params', 'rules', 'schedule', 'text']);
  assert.equal(scheduleWords(en, null, schedule), 'the engine’s words');
  assert.deepEqual(wording.params(en, item.params), item.params);
  assert.notEqual(scheduleWords(catalogue('cy'), null, { ...schedule, lines: [] }), 'the engine’s words');
});

test('the English build leaves out the wording only another language needs; the Welsh build has it', async () => {
  const [english, welsh] = await Promise.all(BUILDS.map((spec) => build(spec)));
  assert.deepEqual(BUILDS.map((b) => b.languages), [['en-GB'], ['en-GB', 'cy']]);
  for (const module of WELSH_ONLY) {
    assert.ok(!(module in english.metafile.inputs), `${module} is not in ${BUILDS[0].out}`);
    assert.ok(module in welsh.metafile.inputs, `${module} is in ${BUILDS[1].out}`);
  }
  for (const name of WELSH_ONLY_NAMES) {
    assert.ok(!english.text.includes(name), `“${name}” is not in ${BUILDS[0].out}`);
    assert.ok(welsh.text.includes(name), `“${name}” is in ${BUILDS[1].out}`);
  }
});
