// The engine's figures written for people (www/src/text/format.js): in en-GB and Welsh, figures
// that need no rounding are written without an Intl.NumberFormat, exactly as Intl writes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatter } from '../../www/src/text/format.js';

const RealNumberFormat = Intl.NumberFormat;

/** `run()` with Intl.NumberFormat counting its constructions; resolves to the count. */
function counting(run) {
  let made = 0;
  Intl.NumberFormat = function NumberFormat(...args) {
    made += 1;
    return new RealNumberFormat(...args);
  };
  try {
    run();
  } finally {
    Intl.NumberFormat = RealNumberFormat;
  }
  return made;
}

/** What format.js wrote before it wrote any figure itself: Intl, always. */
function viaIntl(locale, currency) {
  const decimals = (t) => (String(t).includes('.') ? String(t).length - String(t).indexOf('.') - 1 : 0);
  const nf = (options) => new RealNumberFormat(locale, options);
  return {
    number: (t) => nf({ minimumFractionDigits: decimals(t), maximumFractionDigits: decimals(t) }).format(t),
    money: (t) => {
      const d = Math.max(decimals(t), 2);
      return nf({ style: 'currency', currency, minimumFractionDigits: d, maximumFractionDigits: d }).format(t);
    },
    pence: (t) =>
      nf({ style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2, roundingMode: 'halfExpand' }).format(t),
    percent: (s, places = null) => {
      const d = places ?? Math.max(0, decimals(s) - 2);
      return nf({ style: 'percent', minimumFractionDigits: d, maximumFractionDigits: d }).format(String(s));
    },
    integer: (n) => nf({ maximumFractionDigits: 0 }).format(n),
  };
}

const FIGURES = [
  '0', '-0', '0.00', '-0.00', '7', '12', '123', '1234', '-1234', '12345', '123456', '1234567',
  '1080000', '1080000.00', '1080000.5', '72127.64616', '-72127.64', '0.5', '0.05', '-0.005',
  '100', '1000', '99.99', '60.00', '59.9999', '0.9885', '1', '0.0001', '-1', '007', '007.50',
  '1200000.000', '12345678901234567890', '12345678901234567890.12345678901234567890', '1.23456789012345678901',
  '1e5', '12.', '.5', ' 12', '+5',
];
/** Text Intl reads as no finite number: a figure still being typed in design mode. */
const NOT_NUMBERS = ['about', '1,234', '--1', '£5', '95x', '1e400', '-1e400', 'Infinity', 'NaN', '1'.padEnd(400, '0')];
const SHARES = ['0', '1', '0.5', '0.9885', '0.98856', '-0.5', '0.0001', '0.12345', '12.5', '0.333333', 0.5, 0.25, 1, 1e-7];
const INTEGERS = [0, 1, 12, 999, 1000, 12345, -4321, 2 ** 53 - 1, 1.5, -0];

for (const locale of ['en-GB', 'cy', 'en', 'de-DE']) {
  for (const currency of ['GBP', 'EUR', 'JPY']) {
    test(`${locale}, ${currency}: every figure as Intl writes it`, () => {
      const ours = formatter(locale, currency);
      const intl = viaIntl(locale, currency);
      for (const t of FIGURES) {
        for (const kind of ['number', 'money', 'pence']) {
          let expected;
          try {
            expected = intl[kind](t);
          } catch {
            continue; // more decimals than Intl takes: format.js shows the text as it is
          }
          assert.equal(ours[kind](t), expected, `${kind}(${JSON.stringify(t)})`);
        }
      }
      for (const s of SHARES) {
        assert.equal(ours.percent(s), intl.percent(s), `percent(${JSON.stringify(s)})`);
        for (const places of [0, 2, 4]) assert.equal(ours.percent(s, places), intl.percent(s, places), `percent(${s}, ${places})`);
      }
      for (const n of INTEGERS) assert.equal(ours.integer(n), intl.integer(n), `integer(${n})`);
    });

    test(`${locale}, ${currency}: text that is no number is shown as typed, where Intl would write "NaN" or "∞"`, () => {
      const ours = formatter(locale, currency);
      for (const t of NOT_NUMBERS) {
        for (const kind of ['number', 'money', 'pence', 'percent']) assert.equal(ours[kind](t), t, `${kind}(${JSON.stringify(t)})`);
      }
    });
  }
}

test('en-GB and Welsh figures in pounds need no Intl.NumberFormat (a page pays tens of ms for its first)', () => {
  for (const locale of ['en-GB', 'cy']) {
    const made = counting(() => {
      const fmt = formatter(locale, 'GBP');
      fmt.number('72.50');
      fmt.number('-3');
      fmt.money('1080000');
      fmt.money('72127.64616');
      fmt.pence('1080000.5');
      fmt.percent('0.9885');
      fmt.percent('0.5', 2);
      fmt.integer(3);
    });
    assert.equal(made, 0, locale);
  }
});

test('figures that need rounding, other currencies and other locales still go through Intl', () => {
  assert.equal(counting(() => formatter('en-GB', 'GBP').pence('72127.64616')), 1);
  assert.equal(formatter('en-GB', 'GBP').pence('72127.64616'), '£72,127.65');
  assert.equal(counting(() => formatter('en-GB', 'EUR').money('12')), 1);
  assert.equal(counting(() => formatter('de-DE', 'GBP').number('1234.5')), 1);
  assert.equal(formatter('de-DE', 'GBP').number('1234.5'), '1.234,5');
});
