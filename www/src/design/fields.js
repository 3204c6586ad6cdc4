// Form fields for design mode: the shared FieldSet (text, radios, select, each bound to an engine
// path) plus checkboxes, and the mapping of an engine error path to the field nearest to it, so
// `criteria[1].children` (a group with no criteria) lands on that group's first field; and cards for
// lists of named items.
import { h } from '../ui/dom.js';
import { FieldSet, cleanNumber, setOwn } from '../ui/fields.js';
import { slugId } from './csv.js';
import { fill } from '../text/messages.js';

/** Typed text stored as written, or removed when emptied. */
export const textOrNone = (v) => (v.trim() === '' ? undefined : v);
/** Typed amounts: spaces, thousands commas and currency signs dropped; removed when emptied. */
export const amountOrNone = (v) => (v.trim() === '' ? undefined : cleanNumber(v));

/**
 * A button doing `onClick`. kind: 'primary', 'secondary', 'warning' or 'link'; `hidden` is text
 * for screen readers only (the criterion a "Move up" button moves); `key` tells apart the buttons
 * of one action (design/design.js finds the same button again after a rebuild by action and key).
 */
export function actionButton(action, text, onClick, { key, kind = 'secondary', small = false, hidden } = {}) {
  const cls =
    kind === 'link'
      ? 'link-button'
      : ['button', kind === 'primary' ? null : `button--${kind}`, small ? 'button--small' : null]
          .filter(Boolean)
          .join(' ');
  return h(
    'button',
    { type: 'button', class: cls, 'data-action': action, 'data-key': key, on: { click: onClick } },
    text,
    hidden ? h('span.visually-hidden', hidden) : null,
  );
}

/**
 * The "identifier in the file" field of a criterion, group or measure, folded away. Editing it
 * stops the id following the name; `rename(before, after)` moves the references to it.
 */
export function identifierField(c, path, obj, rename) {
  const field = c.fields.text({
    path: `${path}.id`,
    label: c.d.idLabel,
    hint: c.d.idHint,
    get: () => obj.id,
    set: (v) => {
      rename(obj.id, v);
      obj.id = v;
      c.session.autoIds.delete(obj);
    },
  });
  field.querySelector('input').addEventListener('change', () => c.rebuildSoon());
  return h('details.design-more', h('summary', c.d.moreOptions), h('div', field));
}

/** After a name is changed: an id that has followed the name so far follows it again. */
export function followName(c, obj, used, fallback, rename) {
  if (!c.session.autoIds.has(obj) || !obj.name?.trim()) return;
  used.delete(obj.id);
  const id = slugId(obj.name, used, fallback);
  if (id !== obj.id) {
    rename(obj.id, id);
    obj.id = id;
  }
}

/** Sets obj[key], or deletes it when value is undefined. */
export function setOrDelete(obj, key, value) {
  if (value === undefined) delete obj[key];
  else setOwn(obj, key, value);
}

/** The path one level up: `a.b[2].c` -> `a.b[2]` -> `a.b` -> `a` -> ''. */
function parentPath(path) {
  const m = /(\.[^.[\]]+|\[\d+\])$/.exec(path);
  return m ? path.slice(0, m.index) : '';
}

export class DesignFields extends FieldSet {
  /**
   * A text input, as FieldSet.text; for text the buyer writes (`words`: the object holding it),
   * one input per language while the design has several (design/languages.js, `this.texts`).
   */
  text(o) {
    return o.words && this.texts?.columns ? this.texts.field(this, o) : super.text(o);
  }

  /** Extra entries (path -> entry) that point at a control without owning an input. */
  anchor(path, { group, control, error }) {
    // No inputs: a button or heading gets no aria-invalid; its error is shown beside it.
    this.register(path, { group, control, error, inputs: [], hintId: null });
  }

  /** The visible label (or legend) of the field at `path`, or null. */
  labelOf(path) {
    const group = this.fields.get(path)?.group;
    const label = group?.querySelector('label, legend');
    return group?.dataset.label ?? (label?.firstChild?.textContent.trim() || null);
  }

  /** The nearest path at or above `path` that has a field shown, or null. */
  nearest(path) {
    let p = path;
    while (p) {
      if (this.fields.has(p)) return p;
      p = parentPath(p);
    }
    return this.fields.has('') ? '' : null;
  }

  /** A single checkbox; set(checked) stores it. */
  checkbox({ path, label, hint, get, set }) {
    const id = this.id();
    const hintId = hint ? `${id}-hint` : null;
    const error = h('p.error-message', { id: `${id}-error`, hidden: true });
    const control = h('input.checkbox__input', {
      id,
      type: 'checkbox',
      name: path,
      'data-path': path,
      value: 'on',
      checked: Boolean(get()),
      'aria-describedby': hintId,
    });
    control.addEventListener('change', () => {
      set(control.checked);
      this.onEdit(path);
    });
    const group = h(
      'div.form-group',
      error,
      h(
        'div.checkbox',
        control,
        h('label', { for: id }, label, hint ? h('span.hint', { id: hintId }, hint) : null),
      ),
    );
    this.register(path, { group, control, error, hintId });
    return group;
  }

  /**
   * Checkboxes in a fieldset for a list of values (the measures a criterion counts).
   * options: [{ value, label, hint }]; get() returns the chosen values, set(values) stores them.
   */
  checkboxes({ path, legend, hint, options, get, set }) {
    const id = this.id();
    const hintId = hint ? `${id}-hint` : null;
    const error = h('p.error-message', { id: `${id}-error`, hidden: true });
    const chosen = new Set((get() ?? []).map(String));
    const inputs = options.map((opt, i) => {
      const cid = `${id}-${i}`;
      return h('input.checkbox__input', {
        id: cid,
        type: 'checkbox',
        name: path,
        value: String(opt.value),
        'data-path': path,
        checked: chosen.has(String(opt.value)),
      });
    });
    const items = options.map((opt, i) =>
      h('div.checkbox', inputs[i], h('label', { for: inputs[i].id }, opt.label)),
    );
    for (const input of inputs) {
      input.addEventListener('change', () => {
        // Keep the order of the options, and any value the file had that is not an option.
        const known = new Set(options.map((o) => String(o.value)));
        const others = (get() ?? []).filter((v) => !known.has(String(v)));
        set([...options.filter((_, i) => inputs[i].checked).map((o) => o.value), ...others]);
        this.onEdit(path);
      });
    }
    const group = h(
      'div.form-group',
      h(
        'fieldset.fieldset',
        { 'aria-describedby': hintId },
        h('legend.legend', legend),
        hint ? h('div.hint', { id: hintId }, hint) : null,
        error,
        h('div.checkboxes', items),
      ),
    );
    this.register(path, { group, control: inputs[0] ?? group, inputs, error, hintId: null });
    return group;
  }
}

/**
 * Cards for a list of named items at `path` (lots, price schedule lines): each with a heading, its
 * name (the id follows it until the id is edited), the fields `body(item, at, name)` lays out, the
 * identifier, and buttons to move it (when `movable`) and remove it; an Add button below. `kind`
 * prefixes the buttons' actions and the headings. `write(list)` stores the list (undefined when it
 * empties), `rename(before, after)` and `drop(item)` keep references to an id in step.
 */
export function namedCards(c, o) {
  const { d, fields } = c;
  const { kind, path, list } = o;
  const ids = () => new Set(list.map((x) => x.id));
  const cards = list.map((item, i) => {
    const at = `${path}[${i}]`;
    const k = c.key(item);
    const display = () => item.name || item.id || d.unnamed;
    const title = h('h5.heading-s', { tabindex: '-1', 'data-heading': `${kind}-${k}` });
    const retitle = () => {
      title.textContent = o.heading(display(), i);
    };
    retitle();
    const err = h('p.error-message', { hidden: true });
    fields.anchor(at, { group: h('div'), control: title, error: err });
    const name = fields.text({
      path: `${at}.name`,
      label: o.label,
      width: 'input--w20',
      words: item,
      get: () => item.name,
      set: (v) => {
        setOrDelete(item, 'name', textOrNone(v));
        retitle();
      },
    });
    name.classList.add('design-name');
    name.addEventListener('change', () => {
      followName(c, item, ids(), kind, o.rename);
      c.rebuildSoon();
    });
    const btn = (action, text, onClick) =>
      actionButton(`${kind}-${action}`, text, onClick, { key: k, small: true, hidden: ` “${display()}”` });
    // Focus stays on the button pressed, or the other one once the item reaches an end.
    const move = (j, action) => {
      list.splice(j, 0, list.splice(i, 1)[0]);
      c.structure([
        ...[action, action === 'up' ? 'down' : 'up'].map((a) => `[data-action="${kind}-${a}"][data-key="${k}"]`),
        `[data-heading="${kind}-${k}"]`,
      ]);
      c.announce(fill(j < i ? d.movedUp : d.movedDown, { name: display() }));
    };
    return h(
      'li.design-card',
      { 'data-context': fill(o.context, { name: display() }) },
      title,
      err,
      o.body(item, at, name),
      identifierField(c, at, item, o.rename),
      h(
        'div.button-group',
        o.movable && i > 0 ? btn('up', d.moveUp, () => move(i - 1, 'up')) : null,
        o.movable && i < list.length - 1 ? btn('down', d.moveDown, () => move(i + 1, 'down')) : null,
        btn('remove', d.remove, () => {
          list.splice(i, 1);
          o.drop(item);
          if (!list.length) o.write(undefined);
          const next = list[i] ?? list[i - 1];
          c.structure(next ? [`[data-heading="${kind}-${c.key(next)}"]`] : [`[data-action="${kind}-add"]`]);
          c.announce(fill(d.removed, { name: display() }));
        }),
      ),
    );
  });
  const add = actionButton(`${kind}-add`, o.add, () => {
    const item = { id: slugId(o.newName, ids(), kind), name: o.newName };
    c.session.autoIds.add(item);
    o.write([...list, item]);
    c.structure(`[data-path="${path}[${list.length}].name"]`, { select: true });
  });
  const err = h('p.error-message', { hidden: true });
  fields.anchor(path, { group: h('div'), control: add, error: err });
  return [cards.length ? h('ol.design-cards', cards) : h('p.inset', o.empty), err, add];
}
