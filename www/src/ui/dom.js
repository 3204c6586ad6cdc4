// A tiny element builder. Text is always set as text (never parsed as HTML), so supplier names
// and rationales containing markup are shown as typed.

/**
 * h('p.hint', { id: 'x' }, 'text', child, [more]) -> HTMLElement; h('p.hint', 'text') without attributes.
 * The tag may name classes after dots (`'div.row-fields'`, `'p.body-s.secondary'`), as a CSS
 * selector does: most elements have one fixed class, and spelling it there keeps each call short.
 * The second argument is the attributes only when it is a plain object; anything else is the first
 * child. Attribute values of `false`, `null` or `undefined` are left out; `true` sets an empty
 * attribute. `on: { click: fn }` adds listeners; `props: { value: 'x' }` sets properties.
 */
export function h(tag, attrs, ...children) {
  const [name, ...classes] = tag.split('.');
  const el = name.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', name.slice(4))
    : document.createElement(name);
  if (classes.length) el.setAttribute('class', classes.join(' '));
  if (attrs?.constructor !== Object) {
    children.unshift(attrs);
    attrs = {};
  }
  for (const [key, value] of Object.entries(attrs)) {
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

let tableCount = 0;

/**
 * A table with a caption, header cells scoped to columns and, optionally, a row header column.
 * `notes[i]`, when given, is shown in a full-width row under row i (the working behind a score),
 * tied to that row's header with `headers`, so the table stays narrow enough for a phone.
 */
export function table({ caption, head, rows, part, rowHeader = true, className, notes }) {
  tableCount += 1;
  const body = [];
  rows.forEach((cells, r) => {
    const rowId = `t${tableCount}r${r}`;
    const note = notes?.[r];
    body.push(
      h(
        'tr',
        { class: note ? 'has-note' : null },
        cells.map((cell, i) => (i === 0 && rowHeader ? h('th', { scope: 'row', id: rowId }, cell) : h('td', cell))),
      ),
    );
    if (note) {
      body.push(
        h('tr.note-row', h('td.working', { colspan: cells.length, headers: rowId }, note)),
      );
    }
  });
  return h(
    'table',
    { class: className ?? 'table', part: part ?? 'table' },
    h('caption.caption', caption),
    h(
      'thead',
      h(
        'tr',
        head.map((cell) => h('th', { scope: 'col' }, cell)),
      ),
    ),
    h('tbody', body),
  );
}

/**
 * Wraps a table in a focusable, labelled group that scrolls on its own when the table is wider
 * than the screen. The caption stays in the table for assistive technology; a visible copy sits
 * above the region so it is never scrolled out of view.
 */
export function scroller(label, child) {
  const caption = child.querySelector?.(':scope > caption');
  caption?.classList.replace('caption', 'visually-hidden');
  return h(
    'div.table-wrap',
    caption ? h('p.caption', { 'aria-hidden': 'true' }, caption.textContent) : null,
    // A named group, not a region: two widgets (or design mode and its preview) showing the same
    // table would otherwise make two landmarks with one name.
    h('div.scroll', { role: 'group', 'aria-label': label, tabindex: '0' }, child),
  );
}

/** A table (see `table`) in its own scrolling region labelled by its caption. */
export function scrollingTable(options) {
  return scroller(options.caption, table(options));
}

/**
 * Makes `nodes` the children of `parent`, in order, moving only those out of place: nodes kept
 * from the last render stay where they are, so an update touches only what changed. A node just
 * before the one wanted in its place has moved down the list (or left it): it is taken out, to be
 * put back when its own place comes. A bid falling from 1st to 24th is then one move, not 23 of the
 * rows in between moving up one by one.
 */
export function place(parent, nodes) {
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

/**
 * Adds the nodes `items` make (functions making one or an array of them) to `parent`, new each
 * time, in steps: what is built in a few milliseconds now, the rest a frame at a time, so that a list of
 * a thousand bids is never one long task to build or to lay out. Each step shows the list built so
 * far, never a part of an earlier one: a later call with the same `key` (an object, whose
 * `stepping` this sets) stops an unfinished one.
 * Resolves true once every item is in place, false when stopped.
 */
export async function inSteps(key, parent, items) {
  const run = (key.stepping = {});
  for (let i = 0; ; ) {
    const t = performance.now();
    while (i < items.length && performance.now() - t < 6) parent.append(...[items[i++]()].flat());
    if (i === items.length) return true;
    // After the frame that lays out this step (a hidden page, which has none, finishes when shown).
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
    if (key.stepping !== run) return false;
  }
}
