// The tender's text in another language than the widget's (www/src/text/tender-text.js
// `otherLanguages`), which the widget marks with its own (WCAG 3.1.2, language of parts), and how
// a text node is cut into pieces to mark (www/src/ui/language-parts.js `pieces`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { otherLanguages } from '../../www/src/text/tender-text.js';
import { pieces } from '../../www/src/ui/language-parts.js';

const tender = (info, criteria, more = {}) => ({ format: 'bidscore/1', tender: info, criteria, scales: {}, ...more });
const others = (t, locale, lang = locale, given = t) => Object.fromEntries(otherLanguages(t, given, locale, lang));

test('an English-only tender on a Welsh page: every text of the buyer is English, with the tender’s tag', () => {
  const t = tender({ title: 'Home support', buyer: 'A council', locale: 'en-GB', reference: 'R-1' }, [
    { id: 'price', kind: 'price', name: 'Price', schedule: [{ id: 'v', name: 'Visit', unit: 'hour' }] },
    { id: 'q', name: 'Quality', description: 'How well', children: [{ id: 'q1', name: 'Delivery', question: 'How will you deliver?' }] },
  ]);
  t.scales = { five: { points: [{ value: 0, label: 'None', descriptor: 'No answer' }] } };
  t.measures = [{ id: 'jobs', name: 'Jobs', unit: 'job', source: 'Our figures' }];
  t.lots = [{ id: 'n', name: 'North', description: 'The north' }];
  t.bids = [{ id: 'b1', supplier: 'Price Ltd', rationale: 'Quality' }];
  const found = others(t, 'cy');
  const texts = ['Home support', 'A council', 'Price', 'Visit', 'hour', 'Quality', 'How well', 'Delivery', 'How will you deliver?', 'None', 'No answer', 'Jobs', 'job', 'Our figures', 'North', 'The north'];
  assert.deepEqual(Object.keys(found).sort(), texts.sort());
  assert.ok(Object.values(found).every((tag) => tag === 'en-GB'));
  // Ids, the reference and what is typed in the bids are no text of the buyer's.
  assert.ok(!('R-1' in found) && !('Price Ltd' in found));
  // The same tender on an English page (any English), or with no locale (English): nothing.
  assert.deepEqual(others(t, 'en-GB'), {});
  assert.deepEqual(others(t, 'en-US', 'en-GB'), {});
  assert.equal(others({ ...t, tender: { title: 'Home support' } }, 'cy')['Home support'], 'en');
  // A locale that is no language tag says no language: nothing is marked.
  assert.deepEqual(others({ ...t, tender: { title: 'Home support', locale: 'english!' } }, 'cy'), {});
  // `en_GB` is read as en-GB.
  assert.equal(others({ ...t, tender: { title: 'Home support', locale: 'en_GB' } }, 'cy')['Home support'], 'en-GB');
});

test('a bilingual tender: only a text that fell back to another language is marked, with the tag it was given under', () => {
  const given = tender({ title: { en: 'Home support', cy: 'Cymorth yn y cartref' } }, [
    { id: 'price', name: { en: 'Price', cy: 'Pris' } },
    { id: 'q', name: { 'en-GB': 'Quality' } },
    { id: 'same', name: { en: 'Cost', cy: 'Cost' } },
    { id: 'ga', name: { ga: 'Praghas', en: 'Charge' } },
  ]);
  // The shown tender is the widget's copy, each text chosen: plain strings, the locale as given.
  const shown = tender({ title: 'Cymorth yn y cartref' }, [
    { id: 'price', name: 'Pris' },
    { id: 'q', name: 'Quality' },
    { id: 'same', name: 'Cost' },
    { id: 'ga', name: 'Charge' },
  ]);
  assert.deepEqual(others(shown, 'cy', 'cy', given), { Quality: 'en-GB', Charge: 'en' });
  assert.deepEqual(others(shown, 'cy-GB', 'cy', given), { Quality: 'en-GB', Charge: 'en' });
  // The same tender read in Irish: the Welsh texts fall back to English, Irish is the page's.
  const ga = tender({ title: 'Home support' }, [
    { id: 'price', name: 'Price' },
    { id: 'q', name: 'Quality' },
    { id: 'same', name: 'Cost' },
    { id: 'ga', name: 'Praghas' },
  ]);
  assert.deepEqual(others(ga, 'ga', 'ga', given), { 'Home support': 'en', Price: 'en', Quality: 'en-GB', Cost: 'en' });
});

test('texts that cannot be told apart are left out: shown in the page’s language too, too short, not text', () => {
  const t = tender({ title: 'Pris', locale: 'en' }, [
    { id: 'a', name: 'Pris' },
    { id: 'b', name: { cy: 'Pris', en: 'Price' } },
    { id: 'c', name: 'kg' },
    { id: 'd', name: '42 %' },
    { id: 'e', name: '  Quality  ' },
    { id: '__proto__', name: '__proto__' },
    { id: 'f', name: 7 },
    { id: 'g', name: { cy: 3 } },
  ]);
  t.criteria.push({ id: 'h', name: { en: 'Two', 'en-GB': 'Two' } });
  assert.deepEqual(others(t, 'cy'), { Quality: 'en', ['__proto__']: 'en', Two: 'en' });
  assert.deepEqual(others(null, 'cy'), {});
  assert.deepEqual(others({ criteria: 'x', scales: 3, tender: [] }, 'cy'), {});
});

test('a text node in pieces: whole matches only, the longest first, never inside what was typed', () => {
  const tags = new Map([
    ['Price', 'en'],
    ['Price and quality', 'en-GB'],
    ['Cyfan', 'en'],
    ['(a+b)*? [£]', 'en'],
  ]);
  const any = [...tags.keys()].sort((a, b) => b.length - a.length).map((t) => t.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));
  const w = '[\\p{L}\\p{M}\\p{N}]';
  const theirs = `(?<!${w})(?:${any.join('|')})(?!${w})`;
  const re = new RegExp(theirs, 'gu');
  assert.deepEqual(pieces('Price: sgôr disgwyliedig', re, tags), [['', ''], ['Price', 'en'], [': sgôr disgwyliedig', '']]);
  assert.deepEqual(pieces('Pwysoliad Price and quality', re, tags), [['Pwysoliad ', ''], ['Price and quality', 'en-GB'], ['', '']]);
  assert.deepEqual(pieces('Cyfanswm y sgôr; Prices; 2Price', re, tags), null);
  assert.deepEqual(pieces('x (a+b)*? [£] y', re, tags), [['x ', ''], ['(a+b)*? [£]', 'en'], [' y', '']]);
  // What the user typed is found first, and nothing inside it is marked.
  const typed = new RegExp(`Price Ltd|${theirs}`, 'gu');
  assert.deepEqual(pieces('Price Ltd', typed, tags), null);
  assert.deepEqual(pieces('Price: Price Ltd', typed, tags), [['', ''], ['Price', 'en'], [': Price Ltd', '']]);
});
