// A tender as JSON text for the analysis worker, written a few bids at a time. The worker is sent
// text; a thousand bids are megabytes of it, and one JSON.stringify of them was the longest task of
// typing a rationale (tens of milliseconds), though the work it was for runs off the page's thread.

/** Bids written per step until this long has passed; then the page has the thread back. */
const STEP_MS = 6;

/**
 * `tender` as JSON text, the same as JSON.stringify's but for the order of its keys (`bids` comes
 * last), built over as many tasks as it takes: the tender without its bids at once, then its bids
 * for STEP_MS at a time. Before each step after the first, `current()` says whether the text is
 * still wanted: once it returns false, the work stops and the promise resolves to null. A tender
 * without a list of bids is written at once.
 */
export async function tenderTextInSteps(tender, current = () => true) {
  const bids = tender?.bids;
  if (!Array.isArray(bids)) return JSON.stringify(tender);
  const { bids: _, ...rest } = tender;
  const head = JSON.stringify(rest);
  const texts = [];
  for (;;) {
    const t = performance.now();
    // A hole or `undefined` in a list is written as null, as JSON.stringify writes it.
    while (texts.length < bids.length && performance.now() - t < STEP_MS) {
      texts.push(JSON.stringify(bids[texts.length]) ?? 'null');
    }
    if (texts.length === bids.length) break;
    await new Promise((ok) => setTimeout(ok));
    if (!current()) return null;
  }
  return `${head.slice(0, -1)}${head === '{}' ? '' : ','}"bids":[${texts.join(',')}]}`;
}
