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
export async function tenderTextInSteps(tender, current) {
  if (!Array.isArray(tender?.bids)) return JSON.stringify(tender);
  const { bids, ...rest } = tender;
  const texts = [];
  let t = performance.now();
  for (const bid of bids) {
    if (performance.now() - t > STEP_MS) {
      await new Promise((ok) => setTimeout(ok));
      if (!current()) return null;
      t = performance.now();
    }
    // A hole or `undefined` in a list is written as null, as JSON.stringify writes it.
    texts.push(JSON.stringify(bid) ?? 'null');
  }
  // `bids` last, a stand-in for the list cut off the end: `…,"bids":0}`.
  return `${JSON.stringify({ ...rest, bids: 0 }).slice(0, -2)}[${texts}]}`;
}
