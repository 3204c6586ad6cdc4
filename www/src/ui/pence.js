// A bid's price is an amount of money, so it is whole pence (or the currency's smallest unit):
// "1080000.005" is a slip of the keyboard, not a price. The engine scores any decimal exactly
// (its own files use tiny prices to test the edges), so the form says so instead, as an error
// next to the price that keeps what was typed: the results wait until it is put right.

// currency → places: making a NumberFormat costs more than a run's check. Pounds, the usual
// currency, are known without one: a page's first NumberFormat costs tens of milliseconds, which
// the first result would wait for.
const known = new Map([['GBP', 2]]);

/** How many decimal places a price in `currency` has (2 for GBP, 0 for JPY; 2 when unknown). */
function places(currency) {
  if (!known.has(currency)) {
    let n = 2;
    try {
      n = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
    } catch {}
    known.set(currency, n);
  }
  return known.get(currency);
}

/**
 * An error (as the engine gives them: code, path, params) for each bid whose `price` has more
 * decimal places than its currency, other than trailing zeros. `typed(path)` is the text the form
 * shows for that price, quoted as it was typed.
 */
export function pennyErrors(tender, typed) {
  const digits = places(tender?.tender?.currency ?? 'GBP');
  const errors = [];
  (Array.isArray(tender?.bids) ? tender.bids : []).forEach((bid, i) => {
    // Each pattern here fails in one pass over what was typed, however long (a paste of 40,000
    // characters must not stall every keystroke): no quantifier is followed by another that can
    // take the same characters back.
    let fraction = /^[-+]?\d*\.(\d+)$/.exec(String(bid?.price ?? ''))?.[1] ?? '';
    let end = fraction.length;
    while (end > 0 && fraction[end - 1] === '0') end -= 1;
    fraction = fraction.slice(0, end);
    const path = `bids[${i}].price`;
    if (fraction.length > digits) {
      errors.push({ code: 'price-fraction-of-penny', path, params: { found: typed(path) ?? bid.price, digits } });
    }
  });
  return errors;
}
