// Every tender file in the repository gives, through the wasm build, exactly the document the
// native command line prints: the whole result, or the whole list of errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { tenders, native, attempt } from './engine.mjs';

const files = tenders();

test('there are tenders to compare', () => {
  assert.ok(files.length > 0);
});

function parsed(text) {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return {};
  }
}

for (const { name, text } of files) {
  test(`wasm and native agree on ${name}`, () => {
    const expected = native(text);
    // As JSON text, byte for byte what the command line read.
    const fromText = attempt(text);
    // As an object (what a page holds), compared with the command line given the same object.
    const object = parsed(text);
    const cases = [[fromText, expected]];
    // Only where JS holds the same data (JSON.parse turns 1e400 into Infinity, which is rejected).
    const same = (v) => isDeepStrictEqual(JSON.parse(JSON.stringify(v)), v);
    if ('value' in object && object.value !== null && typeof object.value === 'object' && same(object.value)) {
      cases.push([attempt(object.value), native(JSON.stringify(object.value))]);
    }
    for (const [got, want] of cases) {
      if (want.status === 0) {
        assert.equal(got.error, undefined, `unexpected error: ${got.error?.message}`);
        assert.deepStrictEqual(got.ok, want.json);
      } else {
        assert.ok(got.error, 'the command line rejected it, so evaluate must throw');
        assert.equal(got.error.name, 'BidScoreError');
        assert.deepStrictEqual(got.error.errors, want.json.errors);
      }
    }
  });
}
