// Putting kept nodes in a new order. A score that moves a bid from 10th to 50th changes the
// order of the ranking's rows, the chart's bars and the list of bids to pick from: putting each
// wanted node in place in turn (as dom.js `place` does) would move every row in between up by one,
// where taking out the one that moved down is enough.

/**
 * Makes `parent`'s children exactly `nodes` (null, undefined and false left out), in that order.
 * A node standing just before the one wanted in its place has moved down the list (or left it):
 * it is taken out, and put back when its own place comes.
 */
export function reorder(parent, nodes) {
  const want = nodes.filter((n) => n !== null && n !== undefined && n !== false);
  want.forEach((node, i) => {
    let at = parent.childNodes[i];
    if (at !== node && at?.nextSibling === node) {
      at.remove();
      at = node;
    }
    if (at !== node) parent.insertBefore(node, at ?? null);
  });
  while (parent.childNodes.length > want.length) parent.lastChild.remove();
}
