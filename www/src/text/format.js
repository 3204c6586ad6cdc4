// Locale formatting. The engine's figures are decimal strings; they are formatted as strings (Intl
// reads them exactly) with as many decimals as the engine wrote, so formatting never rounds or
// changes a figure. In en-GB and Welsh a figure that needs no rounding is written here instead, as
// Intl would write it (see PLAIN_LOCALES).

function decimalsIn(text) {
  const dot = String(text).indexOf('.');
  return dot < 0 ? 0 : String(text).length - dot - 1;
}

/**
 * The locales whose numbers are written here, without Intl: both write a decimal as Intl does for
 * them (CLDR's `#,##0.###`: groups of three parted by ',', '.' before the decimals, '-' before a
 * negative, '£' before pounds, '%' after a percentage; tests/node/format.test.mjs compares the two).
 * A page's first Intl.NumberFormat costs 25 to 80 ms while the browser loads its number data, and
 * the first result waits for it; widgets in these locales never pay it for a figure written here.
 */
const PLAIN_LOCALES = new Set(['en-GB', 'cy']);
const DECIMAL = /^(-?)(\d{1,40})(?:\.(\d{1,20}))?$/;

/**
 * `text` (a decimal string) with `places` decimals, `shift` places to the left of where its point
 * is (2 for a percentage), between `before` and `after`: "-£1,234.50"; '' when that would drop a
 * digit (rounding is Intl's), or the text is not a plain decimal of a usual length (Intl takes 20
 * decimals in every browser; the widget shows longer text as Intl leaves it).
 */
function written(text, places, before = '', after = '', shift = 0) {
  const m = typeof text === 'string' && DECIMAL.exec(text);
  if (!m) return '';
  const [, sign, whole, fraction = ''] = m;
  const digits = whole + fraction.padEnd(shift, '0');
  const point = whole.length + shift;
  const decimals = digits.slice(point);
  if (decimals.length > places) return '';
  const grouped = digits.slice(0, point).replace(/^0+\B/, '').replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${before}${grouped}${places ? `.${decimals.padEnd(places, '0')}` : ''}${after}`;
}

/** Date-and-time formats by locale, kept for the page's life. */
const dateTimes = new Map();

export function formatter(locale, currency = 'GBP') {
  const cache = new Map();
  const plain = PLAIN_LOCALES.has(locale);
  const pounds = plain && currency === 'GBP';
  const nf = (key, options) => {
    if (!cache.has(key)) {
      let f = { format: String };
      try {
        f = new Intl.NumberFormat(locale, options);
      } catch {
        // More decimals than this browser's Intl takes (text still being typed in design mode):
        // shown as written rather than stopping the page.
      }
      // So is text Intl reads as no finite number ("abc", "1e400" typed in design mode), which it
      // would write as "NaN" or "∞".
      cache.set(key, { format: (text) => (isFinite(text) ? f.format(text) : text) });
    }
    return cache.get(key);
  };
  return {
    /** A score or quantity, as written by the engine. */
    number(text) {
      if (text === null || text === undefined || text === '') return '';
      const d = decimalsIn(text);
      return (plain && written(text, d)) || nf(`n${d}`, { minimumFractionDigits: d, maximumFractionDigits: d }).format(text);
    },
    /** Money, with at least the currency's usual decimals and never fewer than the engine wrote. */
    money(text) {
      if (text === null || text === undefined || text === '') return '';
      const d = Math.max(decimalsIn(text), 2);
      return (pounds && written(text, d, '£')) || nf(`m${d}`, {
        style: 'currency',
        currency,
        minimumFractionDigits: d,
        maximumFractionDigits: d,
      }).format(text);
    },
    /**
     * Money to the penny, as the engine's workings show an amount ("£72,127.65" for 72127.64616):
     * the engine shows money in a working rounded half away from zero to 2 decimals, and so does
     * this (Intl's halfExpand), for that display only. Scores are never shown through it.
     */
    pence(text) {
      if (text === null || text === undefined || text === '') return '';
      return (pounds && written(text, 2, '£')) || nf('w2', { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2, roundingMode: 'halfExpand' }).format(text);
    },
    /**
     * A share from 0 to 1 (0.9885) as a percentage with every digit it has: "98.85%"; with
     * `places`, always that many (a column of shares reads 0.50%, 0.71%, 98.85%).
     */
    percent(share, places = null) {
      if (share === null || share === undefined || share === '') return '';
      const d = places ?? Math.max(0, decimalsIn(share) - 2);
      return (plain && written(String(share), d, '', '%', 2)) || nf(`p${d}`, { style: 'percent', minimumFractionDigits: d, maximumFractionDigits: d }).format(
        String(share),
      );
    },
    /** An ordinal-free rank: "2". */
    integer(n) {
      // A count or a rank, never negative zero, which String writes as 0 and Intl as -0.
      return (plain && n > 0 && Number.isSafeInteger(n) && written(String(n), 0)) || nf('i', { maximumFractionDigits: 0 }).format(n);
    },
    dateTime(date) {
      // Made once per locale: each save's "saved at" line would otherwise build one (milliseconds).
      if (!dateTimes.has(locale)) dateTimes.set(locale, new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }));
      return dateTimes.get(locale).format(date);
    },
    date(date) {
      return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date);
    },
  };
}/** Locales already warned about, so a page re-rendering warns once for each. */
const warnedLocales = new Set();

/**
 * A locale the browser's Intl takes, from what a page set: a WordPress-style `en_GB` is `en-GB`;
 * anything that is no language tag at all falls back to en-GB with one console warning, so the
 * widget always renders.
 */
export function usableLocale(asked) {
  try {
    const [tag] = Intl.getCanonicalLocales(String(asked).trim().replace(/_/g, '-'));
    if (tag) return tag;
  } catch {
    // Not a language tag: said once below.
  }
  if (!warnedLocales.has(asked)) {
    warnedLocales.add(asked);
    console.warn(`bid-scorer: locale "${asked}" is not a language tag; using en-GB`);
  }
  return 'en-GB';
}


