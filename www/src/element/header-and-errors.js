// The top of the widget: its header (mode, title, buyer and reference) and the error summary
// listing every problem the engine found, each linked to its field when there is one.
import { h } from '../ui/dom.js';
import { engineText, fill } from '../text/messages.js';

/** The header for `mode` and the tender's `info` (title, buyer, reference); `printDate` last. */
export function widgetHeader(cat, mode, info, printDate) {
  return h(
    'header',
    { part: 'header' },
    h('span', { class: 'caption-m' }, cat.ui.modes[mode]),
    // No heading at all rather than an empty one when the tender has no title yet.
    info.title ? h('h2', { class: 'heading-l' }, info.title) : null,
    h(
      'p',
      { class: 'secondary' },
      [
        info.buyer ? fill(cat.ui.buyer, { buyer: info.buyer }) : null,
        info.reference ? fill(cat.ui.reference, { reference: info.reference }) : null,
      ]
        .filter(Boolean)
        .join(' · '),
    ),
    printDate,
  );
}

/**
 * Shows `errors` in the `summary` slot (emptied when there are none), replacing only the list when
 * the box is already there. An error whose path `linked(path)` is a link that calls `focus(path)`.
 */
export function showErrorSummary(summary, errors, { cat, publish, linked, focus, tender }) {
  if (!errors.length) {
    summary.replaceChildren();
    return;
  }
  const items = errors.map((e) => {
    const where = placeOf(tender, e.path, cat.ui);
    const text = `${where ? `${where}: ` : ''}${engineText(cat, 'errors', e)}`;
    return h(
      'li',
      {},
      linked(e.path)
        ? h('a', { href: `#${e.path}`, on: { click: (ev) => (ev.preventDefault(), focus(e.path)) } }, text)
        : text,
    );
  });
  const box = summary.firstElementChild;
  const list = h('ul', {}, items);
  if (box) {
    box.querySelector('ul').replaceWith(list);
  } else {
    summary.replaceChildren(
      h(
        'div',
        { class: 'error-summary', part: 'error-summary', role: 'alert', tabindex: '-1' },
        h('h2', { class: 'error-summary__title' }, cat.ui.errorSummaryTitle),
        h('p', { class: 'body-s' }, publish ? '' : cat.ui.errorsKeepResults),
        list,
      ),
    );
  }
}

/**
 * Where an error's path points, as the form names it: the bid (by its supplier), criterion or
 * measure (by its name) it lies in, then the field ("“Riverside Care”, “Service delivery”,
 * Moderated score"), never `bids[0].scores.q-delivery.moderated`.
 */
export function placeOf(tender, path, ui) {
  const keys = path.match(/[^.[\]]+/g) ?? [];
  const names = new Map();
  const visit = (list) => {
    if (!Array.isArray(list)) return;
    for (const n of list) {
      if (typeof n?.id === 'string' && typeof n.name === 'string') names.set(n.id, n.name);
      visit(n?.children);
    }
  };
  visit(tender?.criteria);
  visit(tender?.measures);
  const parts = [];
  let at = tender;
  keys.forEach((key, i) => {
    at = at !== null && typeof at === 'object' && Object.hasOwn(at, key) ? at[key] : undefined;
    // A bid by its supplier, a criterion or measure by its name: as an item of a list, or as the
    // key of a bid's scores, gates, values or commitments.
    const byKey = /^(scores|gates|values|commitments)$/.test(keys[i - 1]) ? names.get(key) : null;
    const name = byKey ?? at?.supplier ?? at?.name;
    if (typeof name === 'string' && name.trim()) parts.push(`“${name.trim()}”`);
  });
  const last = keys.at(-1) ?? '';
  const field = { price: ui.price, weight: ui.marks, supplier: ui.supplier, moderated: ui.moderated, rationale: ui.rationale }[last];
  if (field) parts.push(field);
  else if (!/^\d+$/.test(last) && !/^(scores|gates|values|commitments)$/.test(keys.at(-2)) && last !== 'name') {
    parts.push(last);
  }
  return parts.slice(-3).join(', ');
}
