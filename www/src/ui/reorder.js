// Putting kept nodes in a new order with as few moves as it takes. A score that moves a bid from
// 50th to 10th changes the order of the ranking's rows, the chart's bars and the list of bids to
// pick from: moving each node that sits before its wanted place (as dom.js `place` does) moves
// every row in between, where one move is enough.

/**
 * The indices of a longest increasing run (not necessarily adjacent) of `xs`, ignoring the
 * negative ones, in order.
 */
function longestRun(xs) {
  const tails = []; // tails[k]: index into xs of the smallest last item of a run of length k + 1
  const before = new Array(xs.length);
  xs.forEach((x, i) => {
    if (x < 0) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[tails[mid]] < x) lo = mid + 1;
      else hi = mid;
    }
    before[i] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = i;
  });
  const run = [];
  for (let i = tails.at(-1) ?? -1; i >= 0; i = before[i]) run.push(i);
  return run.reverse();
}

/**
 * Makes `parent`'s children exactly `nodes` (null, undefined and false left out), in that order:
 * the children not among them are removed, and of the rest only those off the longest run
 * already in order are moved.
 */
export function reorder(parent, nodes) {
  const want = nodes.filter((n) => n !== null && n !== undefined && n !== false);
  const wanted = new Set(want);
  const at = new Map();
  for (let n = parent.firstChild; n; ) {
    const next = n.nextSibling;
    if (wanted.has(n)) at.set(n, at.size);
    else n.remove();
    n = next;
  }
  const stay = new Set(longestRun(want.map((n) => at.get(n) ?? -1)));
  let next = null;
  for (let i = want.length - 1; i >= 0; i -= 1) {
    if (!stay.has(i)) parent.insertBefore(want[i], next);
    next = want[i];
  }
}
