// What is typed or pasted can be very long: the checks the form runs on every keystroke take one
// pass over it. Each input below is 200,000 characters shaped to make a backtracking pattern go
// over it again from each position (seconds at 40,000 characters, minutes here); the timeout is a
// guard a thousand times above what one pass takes, not a measurement.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanNumber } from '../../www/src/ui/fields.js';
import { pennyErrors } from '../../www/src/ui/pence.js';
import { summaryFileName } from '../../www/src/evaluate/debrief.js';

const N = 200_000;

test('typed numbers: a long paste is read in one pass, and read as before', { timeout: 20_000 }, () => {
  assert.equal(cleanNumber(`${'1'.repeat(N)}x`), `${'1'.repeat(N)}x`);
  assert.equal(cleanNumber(`1.${'1'.repeat(N)}x`), `1.${'1'.repeat(N)}x`);
  assert.equal(cleanNumber('1'.repeat(N)), '1'.repeat(N));
  // What the patterns accept is unchanged.
  for (const [typed, read] of [
    ['£1,080,000.50', '1080000.50'],
    ['1 080 000', '1080000'],
    ['12.', '12.'],
    ['.5', '.5'],
    ['-3', '-3'],
    ['.', '.'],
    ['12,5', '12,5'],
    ['1.2.3', '1.2.3'],
  ]) {
    assert.equal(cleanNumber(typed), read, typed);
  }
});

test('the pence check: a long price is checked in one pass', { timeout: 20_000 }, () => {
  const check = (price) => pennyErrors({ bids: [{ price }] }, () => undefined).length;
  assert.equal(check(`1.${'0'.repeat(N)}x`), 0);
  assert.equal(check(`1.${'0'.repeat(N)}`), 0);
  assert.equal(check(`1.${'0'.repeat(N)}1`), 1);
  assert.equal(check(`1.5${'0'.repeat(N)}`), 0);
});

test('a summary’s file name from a supplier name of 200,000 hyphens and spaces', { timeout: 20_000 }, () => {
  const name = summaryFileName({ tender: { reference: 'R' } }, { supplier: `a${'- '.repeat(N / 2)}b`, bid: 'b1' }, 'html');
  assert.equal(name, 'R-summary-a-b.html');
  assert.equal(summaryFileName({ tender: { reference: 'R' } }, { supplier: '-- Acme Ltd --', bid: 'b1' }, 'txt'), 'R-summary-Acme-Ltd.txt');
  assert.equal(summaryFileName({ tender: { reference: 'R' } }, { supplier: '---', bid: 'b1' }, 'txt'), 'R-summary-b1.txt');
});

test('a long input quoted back in an error is shown by its ends, a short one whole', async () => {
  const { catalogue, engineText } = await import('../../www/src/text/messages.js');
  const cat = catalogue('en-GB');
  const pasted = `${'1'.repeat(N)}x`;
  const text = engineText(cat, 'errors', { code: 'invalid-number', params: { found: pasted } });
  assert.equal(text, `“${'1'.repeat(40)}…${'1'.repeat(11)}x” is not a number; write digits such as 1250000.50`);
  // Characters beyond the basic plane are not cut in half.
  const emoji = engineText(cat, 'errors', { code: 'invalid-number', params: { found: '😀'.repeat(100) } });
  assert.equal(emoji, `“${'😀'.repeat(40)}…${'😀'.repeat(12)}” is not a number; write digits such as 1250000.50`);
  assert.equal(
    engineText(cat, 'errors', { code: 'invalid-number', params: { found: 'about a million' } }),
    '“about a million” is not a number; write digits such as 1250000.50',
  );
});
