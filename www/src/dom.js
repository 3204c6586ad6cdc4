// A tiny element builder. Text is always set as text (never parsed as HTML), so supplier names
// and rationales containing markup are shown as typed.

/**
 * h('p', { class: 'x', part: 'y' }, 'text', child, [more]) -> HTMLElement.
 * Attribute values of `false`, `null` or `undefined` are left out; `true` sets an empty attribute.
 * `on: { click: fn }` adds listeners; `props: { value: 'x' }` sets properties.
 */
export function h(tag, attrs = {}, ...children) {
  const el = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (key === 'on') {
      for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    } else if (key === 'props') {
      Object.assign(el, value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else if (value !== false && value !== null && value !== undefined) {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A table with a caption, header cells scoped to columns and, optionally, a row header column. */
export function table({ caption, head, rows, part, rowHeader = true, className }) {
  return h(
    'table',
    { class: className ?? 'table', part: part ?? 'table' },
    h('caption', { class: 'caption' }, caption),
    h('thead', {}, h('tr', {}, head.map((cell) => h('th', { scope: 'col' }, cell)))),
    h(
      'tbody',
      {},
      rows.map((cells) =>
        h(
          'tr',
          {},
          cells.map((cell, i) =>
            i === 0 && rowHeader ? h('th', { scope: 'row' }, cell) : h('td', {}, cell),
          ),
        ),
      ),
    ),
  );
}

/** Wraps a wide table in a focusable, labelled region that scrolls on its own at narrow widths. */
export function scroller(label, child) {
  return h('div', { class: 'scroll', role: 'region', 'aria-label': label, tabindex: '0' }, child);
}
