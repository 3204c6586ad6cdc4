// Form fields bound to a place in the tender being edited. Each field is registered under the
// engine's path for it (`bids[0].price`, `bids[1].scores.q-delivery.evaluators.Evaluator 1`), so an
// error the engine reports at that path is shown next to that field.
import { h } from './dom.js';

/**
 * The path of `key` inside the object at `path`, written as the engine writes it: `scores.q1`, or
 * `scores["a.b"]` when the key could be misread as part of a path (empty, or holding `.`, `[`,
 * `]`, `"`, `\` or a control character), the key then quoted as JSON. Ids and names from the
 * tender go through here, so the engine's error for `a.b` finds the field for `a.b`.
 */
export function keyPath(path, key) {
  const plain = key !== '' && !/[.[\]"\\\u0000-\u001f\u007f-\u009f]/.test(key);
  if (!plain) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

/** Normalises typed money or quantities: drops spaces, thousands commas and currency signs. */
export function cleanNumber(text) {
  const written = text.trim();
  const bare = written.replace(/[\s£$€]/g, '');
  // Money as people type it: a currency sign, spaces, and commas between groups of three digits
  // ("£1,080,000.50", "1 080 000"). Anything else is kept as written, so the engine's error
  // quotes what was typed ("about a million", or "12,5", which is not twelve and a half here).
  const grouped = /^[-+]?\d{1,3}(,\d{3})*(\.\d*)?$/.test(bare);
  // Patterns that fail in one pass, however long the text (`\d+\.?\d*` gave digits back and took
  // them again: a 40,000-digit paste took seconds at each keystroke).
  const plain = /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(bare);
  return grouped || plain ? bare.replace(/,/g, '') : written;
}

/**
 * Keeps the fields of one rendering: path -> { group, control, error, hintId }.
 * `onEdit(path)` is called after a field has written its value into the tender.
 */
export class FieldSet {
  constructor(onEdit, errorPrefix = 'Error:') {
    this.onEdit = onEdit;
    this.errorPrefix = errorPrefix;
    this.fields = new Map();
    this.count = 0;
    // Ids of elements naming what the fields being built belong to (a bid's name, in evaluate
    // mode's cards): each field's name ends with their text, so "Price" in one card is told from
    // "Price" in the next.
    this.context = null;
  }

  id() {
    this.count += 1;
    return `f${this.count}`;
  }

  register(path, entry) {
    this.fields.set(path, entry);
  }

  /** The control for an engine path, if one is shown. */
  control(path) {
    return this.fields.get(path)?.control ?? null;
  }

  /** Shows `messages` (path -> text) next to their fields and clears the rest. */
  showErrors(messages) {
    for (const [path, f] of this.fields) if (!f.local) this.show(f, messages.get(path) ?? '');
  }

  /** Shows `text` next to field `f` (a registered entry), or clears it when ''. */
  show(f, text) {
    if ((f.shown ?? '') !== text) {
      f.shown = text;
      f.group.classList.toggle('form-group--error', Boolean(text));
      for (const c of f.inputs ?? [f.control]) {
        c.classList.toggle('input--error', Boolean(text) && c.classList.contains('input'));
        const ids = [c.dataset.hint, f.hintId, text ? f.error.id : null].filter(Boolean).join(' ');
        if (ids) c.setAttribute('aria-describedby', ids);
        else c.removeAttribute('aria-describedby');
        if (text) c.setAttribute('aria-invalid', 'true');
        else c.removeAttribute('aria-invalid');
      }
      f.error.hidden = !text;
      f.error.replaceChildren(...(text ? [h('span.visually-hidden', `${this.errorPrefix} `), text] : []));
    }
  }

  /** The field at `from` now edits `to` (an evaluator renamed), labelled `label`. */
  move(from, to, label) {
    const f = this.fields.get(from);
    if (!f) return;
    this.fields.delete(from);
    this.fields.set(to, f);
    f.control.name = f.control.dataset.path = to;
    f.group.querySelector('label').textContent = label;
  }

  /**
   * A text input (or textarea) bound to `get`/`set` on the tender.
   * set(value) receives the typed text ('' when emptied); it decides how to store it; `edited(text)`,
   * when given, is called after it instead of onEdit. `names`: ids of elements whose text joins the
   * label in the field's name (a criterion's heading, where the label alone is said again and
   * again), before the FieldSet's `context`.
   * A `local` field shows only the errors its owner shows with show(), none from the engine.
   */
  text({ path, label, hint, get, set, edited, width = 'input--w10', multiline = false, numeric = false, labelClass, names, local }) {
    const id = this.id();
    const hintId = hint ? `${id}-hint` : null;
    const error = h('p.error-message', { id: `${id}-error`, hidden: true });
    const control = multiline
      ? h('textarea.textarea', { id, rows: 3, name: path, 'data-path': path })
      : h('input', {
          id,
          class: `input ${width}`,
          type: 'text',
          name: path,
          'data-path': path,
          inputmode: numeric ? 'decimal' : null,
          spellcheck: numeric ? 'false' : null,
          autocomplete: 'off',
        });
    control.value = get() ?? '';
    if (hintId) control.setAttribute('aria-describedby', hintId);
    const named = [names, this.context].filter(Boolean).join(' ');
    if (named) control.setAttribute('aria-labelledby', `${id}-label ${named}`);
    control.addEventListener('input', () => {
      set(control.value);
      if (edited) edited(control.value);
      else this.onEdit(path);
    });
    const group = h(
      'div.form-group',
      h('label', { id: `${id}-label`, class: `label ${labelClass ?? ''}`.trim(), for: id }, label),
      hint ? h('div.hint', { id: hintId }, hint) : null,
      error,
      control,
    );
    this.register(path, { group, control, error, hintId, local });
    return group;
  }

  /**
   * Radio buttons in a fieldset. options: [{ value, label, hint }]; value null means "not given".
   * set(option) receives the chosen option.
   */
  radios({ path, legend, hint, options, get, set, legendClass }) {
    const id = this.id();
    const hintId = hint ? `${id}-hint` : null;
    const error = h('p.error-message', { id: `${id}-error`, hidden: true });
    const current = get();
    const inputs = [];
    const items = options.map((opt, i) => {
      const rid = `${id}-${i}`;
      const optHint = opt.hint ? `${rid}-hint` : null;
      const input = h('input', {
        id: rid,
        type: 'radio',
        name: `${id}-radio`,
        value: String(i),
        'data-path': path,
        checked: sameValue(current, opt.value),
      });
      if (optHint) {
        input.dataset.hint = optHint;
        input.setAttribute('aria-describedby', optHint);
      }
      input.addEventListener('change', () => {
        if (!input.checked) return;
        set(opt);
        this.onEdit(path);
      });
      inputs.push(input);
      return h(
        'div.radio',
        input,
        h('label', { for: rid }, opt.label, opt.hint ? h('span.hint', { id: optHint }, opt.hint) : null),
      );
    });
    const fieldset = h(
      'fieldset.fieldset',
      { 'aria-describedby': hintId, 'aria-labelledby': this.context && `${id}-legend ${this.context}` },
      h('legend', { id: `${id}-legend`, class: `legend ${legendClass ?? ''}`.trim() }, legend),
      hint ? h('div.hint', { id: hintId }, hint) : null,
      error,
      h('div.radios', items),
    );
    const group = h('div.form-group', fieldset);
    this.register(path, { group, control: inputs[0], inputs, error, hintId: null });
    return group;
  }

  /** A select list. options: [{ value, label }]; set(option) receives the chosen option. */
  select({ path, label, options, get, set }) {
    const id = this.id();
    const error = h('p.error-message', { id: `${id}-error`, hidden: true });
    const current = get();
    const control = h(
      'select.select',
      { id, name: path, 'data-path': path, 'aria-labelledby': this.context && `${id}-label ${this.context}` },
      options.map((opt, i) => h('option', { value: String(i), selected: sameValue(current, opt.value) }, opt.label)),
    );
    control.addEventListener('change', () => {
      set(options[Number(control.value)]);
      this.onEdit(path);
    });
    const group = h('div.form-group', h('label.label', { id: `${id}-label`, for: id }, label), error, control);
    this.register(path, { group, control, error, hintId: null });
    return group;
  }
}

function sameValue(a, b) {
  if (a === undefined || a === null) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  return String(a) === String(b);
}

// Keys here are ids and names from the tender ("__proto__" and "constructor" included): they are
// read only as own properties and written as own properties, never through the prototype chain,
// so typing under such an id can never change Object.prototype of the page.

/** `obj[key]` when it is obj's own property, otherwise undefined. */
export function own(obj, key) {
  return obj !== null && typeof obj === 'object' && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/**
 * A bid's marks on a scored criterion as an object: a bare score (`"q1": 4`, which the engine
 * reads as the moderated score) is `{ moderated: 4 }`; absent stays absent.
 */
export function marking(bid, id) {
  const s = own(bid?.scores, id);
  return s === undefined || s === null || typeof s === 'object' ? s : { moderated: s };
}

/** Sets `obj[key]` as obj's own property, whatever the key. */
export function setOwn(obj, key, value) {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Sets `obj[key]` to value, or deletes it when value is undefined; drops emptied containers. */
export function put(obj, key, value) {
  if (value === undefined) delete obj[key];
  else setOwn(obj, key, value);
}

/** The object at obj[key], created when missing. */
export function child(obj, key) {
  const value = own(obj, key);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  const fresh = {};
  setOwn(obj, key, fresh);
  return fresh;
}
