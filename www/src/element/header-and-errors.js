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
export function showErrorSummary(summary, errors, { cat, publish, linked, focus }) {
  if (!errors.length) {
    summary.replaceChildren();
    return;
  }
  const items = errors.map((e) => {
    const text = engineText(cat, 'errors', e);
    return h(
      'li',
      {},
      linked(e.path)
        ? h('a', { href: `#${e.path}`, on: { click: (ev) => (ev.preventDefault(), focus(e.path)) } }, text)
        : `${e.path ? `${e.path}: ` : ''}${text}`,
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
