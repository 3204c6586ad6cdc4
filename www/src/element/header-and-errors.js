// The top of the widget: its header (mode, title, buyer and reference) and the error summary
// listing every problem the engine found, each linked to its field when there is one.
import { h } from '../ui/dom.js';
import { engineErrors, engineText, fill } from '../text/messages.js';
import { own } from '../ui/fields.js';
import { shownText } from '../text/tender-text.js';

/**
 * The header for `mode` and the tender's `info` (title, buyer, reference), after the language
 * switch (`languages`) if any; `printDate` last.
 */
export function widgetHeader(cat, mode, info, printDate, languages = null) {
  return h(
    'header',
    { part: 'header' },
    languages,
    h('span.caption-m', cat.ui.modes[mode]),
    // No heading at all rather than an empty one when the tender has no title yet.
    shownText(info.title) ? h('h2.heading-l', shownText(info.title)) : null,
    h(
      'p.secondary',
      [
        shownText(info.buyer) ? fill(cat.ui.buyer, { buyer: shownText(info.buyer) }) : null,
        shownText(info.reference) ? fill(cat.ui.reference, { reference: shownText(info.reference) }) : null,
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
  const placeOf = placeNamer(tender, cat.ui);
  const items = errors.map((e) => {
    const where = placeOf(e.path);
    const text = `${where ? `${where}: ` : ''}${engineText(cat, 'errors', e)}`;
    return h(
      'li',
      linked(e.path)
        ? h('a', { href: `#${e.path}`, on: { click: (ev) => (ev.preventDefault(), focus(e.path)) } }, text)
        : text,
    );
  });
  const box = summary.firstElementChild;
  const list = h('ul', items);
  if (box) {
    box.querySelector('ul').replaceWith(list);
  } else {
    summary.replaceChildren(
      h(
        'div.error-summary',
        { part: 'error-summary', role: 'alert', tabindex: '-1' },
        h('h2.error-summary__title', cat.ui.errorSummaryTitle),
        h('p.body-s', publish ? '' : cat.ui.errorsKeepResults),
        list,
      ),
    );
  }
}

/**
 * Names the place an error's path points to as the form names it: the bid (by its supplier),
 * criterion or measure (by its name) it lies in, then the field ("“Riverside Care”, “Service
 * delivery”, Moderated score"), never `bids[0].scores.q-delivery.moderated`. Returns a function of
 * the path: the names are gathered once for every error of a list.
 */
export function placeNamer(tender, ui) {
  const names = new Map();
  const visit = (list) => {
    if (!Array.isArray(list)) return;
    for (const n of list) {
      if (typeof own(n, 'id') === 'string' && typeof own(n, 'name') === 'string') names.set(n.id, n.name);
      visit(own(n, 'children'));
    }
  };
  visit(own(tender, 'criteria'));
  visit(own(tender, 'measures'));
  // Only these fields have a label of their own; a key from the file is never looked up on an
  // object's prototype ("constructor" is a criterion id like any other).
  const labels = new Map([
    ['price', ui.price],
    ['weight', ui.marks],
    ['supplier', ui.supplier],
    ['moderated', ui.moderated],
    ['rationale', ui.rationale],
  ]);
  const keyed = /^(scores|gates|values|commitments)$/;
  return (path) => {
    const keys = path.match(/[^.[\]]+/g) ?? [];
    const parts = [];
    let at = tender;
    keys.forEach((key, i) => {
      at = own(at, key);
      // A bid by its supplier, a criterion or measure by its name: as an item of a list, or as
      // the key of a bid's scores, gates, values or commitments.
      const name = (keyed.test(keys[i - 1]) ? names.get(key) : null) ?? own(at, 'supplier') ?? own(at, 'name');
      if (typeof name === 'string' && name.trim()) parts.push(`“${name.trim()}”`);
    });
    const last = keys.at(-1) ?? '';
    if (labels.has(last)) parts.push(labels.get(last));
    else if (!/^\d+$/.test(last) && !keyed.test(keys.at(-2)) && last !== 'name') parts.push(last);
    return parts.slice(-3).join(', ');
  };
}

/**
 * What the engine finds wrong with `tender`, a line for each error naming its field ("criteria:
 * Must be a list"): for a tender the page cannot be drawn from. `error` is what drawing it threw,
 * said when the engine finds nothing (which would be the page's own fault).
 */
export function refusals(engine, tender, cat, error) {
  let errors;
  try {
    errors = engine.validate(tender).errors;
  } catch (fault) {
    errors = engineErrors(fault);
  }
  return (errors.length ? errors : engineErrors(error)).map((e) => [e.path, engineText(cat, 'errors', e)].filter(Boolean).join(': '));
}
