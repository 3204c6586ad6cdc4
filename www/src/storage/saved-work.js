// Work saved in this browser: what the user typed (bids, scores, evaluator marks, commitments,
// rationales, prices; in design mode the model being built), never a copy of the page's tender
// that would later replace it. Nothing is sent anywhere.
//
// A slot is named by the tender's reference (or title), the widget, the mode and a fingerprint of
// the page's model (the tender without its bids):
//   bid-scorer:v2:<mode>:<widget>:<reference>:<fingerprint>
// When the page's model changes under the same reference, the work saved against the earlier
// model is found by the same name without its fingerprint, and the page's model is shown with the
// answers that still fit. Entries this code cannot read (broken text, another shape, the whole-tender
// copies of `bid-scorer:v1:`) are set aside under `<key>:unreadable:<time>`, never loaded and
// never deleted.
// Big work (hundreds of bids) is saved whole once, then in pieces: each bid changed since at
// `<key>:bid:<index>`, and `<key>:head` listing them against the whole entry's `savedAt`, so a
// keystroke writes one bid, not every bid. A head for another entry is not read. Big work saved
// into an empty slot is written as it is put together, a slice at a time: its bids in parts
// `<key>:part:<save>-<first bid>` that its entry lists (`parts: ["<save>-<first bid>", ...]`), the
// entry written last, so a save cut short leaves only parts that no entry names (the next whole
// save removes them; a save the page drops, for another tab's or a change of bids, removes its own).
import { h } from '../ui/dom.js';
import { copy } from '../ui/model.js';
import { engineErrors } from '../text/messages.js';

const PREFIX = 'bid-scorer:v2';
const LEGACY = 'bid-scorer:v1';
const FORMAT = 'bid-scorer-work';
// Engine error codes saying that an answer belongs to a model that has changed; any other error
// is about what was typed and stays with it.
const MISFIT = new Set(['unknown-criterion', 'unknown-measure', 'score-off-scale', 'wrong-input-kind']);

/** The browser's storage, or nothing when the browser refuses even to hand it over. */
function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** JSON text with object keys sorted at every level, so equal data always gives equal text. */
const canonical = (value) =>
  JSON.stringify(value, (k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((x) => [x, v[x]])) : v,
  );

/** Two 32-bit FNV-1a hashes of the text with different offsets, as 16 hex digits. */
function hash(text) {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return [a, b].map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
}

/** A fingerprint of the tender's model: everything in the file except its bids. */
export function fingerprint(tender) {
  // (A key whose value is undefined is left out of the text.)
  return hash(canonical({ ...tender, bids: undefined }));
}

/**
 * The widget's name in its slot: the `storage-key` attribute, else `#` and its id, else its
 * position among the widgets of its kind in the same document (1, 2, ...).
 */
export function widgetName(el) {
  const pinned = el.getAttribute('storage-key');
  if (pinned) return `=${pinned}`;
  if (el.id) return `#${el.id}`;
  const all = [...(el.getRootNode()?.querySelectorAll?.(el.localName) ?? [])];
  return `n${all.indexOf(el) + 1 || 1}`;
}

/**
 * Where a tender's work is kept: { key, prefix, legacy, fingerprint, mode, reference }. A tender
 * with neither reference nor title is named by the page's path and its fingerprint, so it never
 * shares work with another model, not even an earlier version of itself.
 */
export function slot(tender, mode, widget) {
  const info = tender?.tender ?? {};
  const reference = String(info.reference || info.title || '');
  const fp = fingerprint(tender);
  // Without a reference there is nothing to say two models are versions of one tender.
  const name = reference || `untitled@${window.location.pathname}#${fp}`;
  const enc = encodeURIComponent;
  const prefix = `${PREFIX}:${enc(mode)}:${enc(widget)}:${enc(name)}:`;
  return {
    key: prefix + fp,
    prefix,
    legacy: reference ? `${LEGACY}:${mode}:${reference}` : null,
    fingerprint: fp,
    mode,
    reference,
  };
}

/** The entry's data when `text` is work this code saved at `key` for `where`'s mode, else null. */
function parse(text, where, get, key) {
  let e;
  try {
    e = JSON.parse(text);
    // A part missing (removed, or never written) makes the entry unreadable, never short of bids.
    if (e.parts) e.work.bids = e.parts.flatMap((n) => [...JSON.parse(get(`${key}:part:${n}`))]);
  } catch {
    return null;
  }
  if (!e || typeof e !== 'object' || e.format !== FORMAT || e.version !== 2 || e.mode !== where.mode) return null;
  if (typeof e.fingerprint !== 'string' || !e.work || typeof e.work !== 'object') return null;
  if (where.mode === 'design') {
    if (!e.work.tender || typeof e.work.tender !== 'object' || Array.isArray(e.work.tender)) return null;
  } else if (!Array.isArray(e.work.bids) || !e.work.bids.every((b) => b && typeof b === 'object' && typeof b.id === 'string')) {
    return null;
  }
  return dated(e);
}

/** The entry with `savedAt` as a Date (null when unreadable) and as written, `at`. */
function dated(e) {
  const savedAt = new Date(e.savedAt);
  return { ...e, savedAt: isNaN(savedAt) ? null : savedAt, at: e.savedAt };
}

/**
 * Work this long (as text) or longer is saved in pieces once it has been saved whole, and in parts
 * when saved whole into an empty slot.
 */
export const PIECES_FROM = 65536;

/** The head saved for the entry at `key`: { base, savedAt, bids: [index] }, or null. */
function headOf(get, key) {
  try {
    const head = JSON.parse(get(`${key}:head`));
    return Array.isArray(head?.bids) ? head : null;
  } catch {
    return null;
  }
}

/**
 * The entry read at `key` with the bids saved in pieces since put in: { entry, text, head }, where
 * text is the whole entry's text with them (as a download or a copy holds it) and head the head
 * the next save in pieces adds to: the one read, an empty one for big work saved whole (by this
 * version or an earlier one), else null.
 */
function withPieces(get, key, entry, text) {
  let head = headOf(get, key);
  if (head?.base !== entry.at) {
    head = { base: entry.at, savedAt: entry.at, bids: [] };
    // Saved in parts, its text is put together below.
    if (!entry.parts) return { entry, text, head: text.length < PIECES_FROM ? null : head };
  }
  const bids = [...entry.work.bids];
  for (const i of head.bids) {
    try {
      const b = JSON.parse(get(`${key}:bid:${i}`));
      if (i < bids.length && typeof b?.id === 'string') bids[i] = b;
    } catch {
      /* a piece not written: the bid as saved whole */
    }
  }
  const whole = { ...entry, at: undefined, parts: undefined, savedAt: head.savedAt, work: { ...entry.work, bids } };
  return { entry: dated(whole), text: JSON.stringify(whole), head };
}

/**
 * Removes the head, pieces and parts of the entry at `key` (those of saves cut short too), not its
 * copies set aside (`:unreadable:`, `:earlier-model:`). Returns what it removed, as [key, text].
 */
const drop = (s, key) =>
  Object.keys(s)
    .filter((k) => k.startsWith(key) && /^:[hbp]/.test(k.slice(key.length)))
    .map((k) => [k, s.getItem(k), s.removeItem(k)]);

/**
 * Moves unreadable text at `key` to `<key>:unreadable:<time>`. Returns { key, asideKey, text }:
 * asideKey is null when the copy could not be written, and then the original stays where it is.
 */
function setAside(store, key, text) {
  const asideKey = `${key}:unreadable:${new Date().toISOString()}`;
  try {
    store.setItem(asideKey, text);
  } catch {
    return { key, asideKey: null, text };
  }
  try {
    store.removeItem(key);
  } catch {
    /* the copy is made; the original stays too */
  }
  return { key, asideKey, text };
}

/**
 * Reads the slot's work. Returns
 *   { state: 'unavailable' }                        storage refused
 *   { state, entry, text, aside }                   state 'ok' (saved against this model),
 *                                                   'earlier' (against an earlier model), or 'none'
 * `aside` lists entries set aside ({ key, asideKey, text }); `blocked` is true when unreadable text
 * could not be moved and still occupies the slot, so saving there would destroy it.
 */
export function readWork(where) {
  const store = storage();
  if (!store) return { state: 'unavailable', aside: [] };
  const aside = [];
  let blocked = false;
  const get = (k) => store.getItem(k);
  try {
    const text = get(where.key);
    if (text !== null) {
      const entry = parse(text, where, get, where.key);
      if (entry && entry.fingerprint === where.fingerprint) return { state: 'ok', ...withPieces(get, where.key, entry, text), aside };
      const moved = setAside(store, where.key, text);
      aside.push(moved);
      if (!moved.asideKey) blocked = true;
    }
    if (where.legacy) {
      const old = get(where.legacy);
      if (old !== null) aside.push(setAside(store, where.legacy, old));
    }
    // Work saved against an earlier model under the same reference: the newest readable one.
    let earlier = null;
    for (const k of Object.keys(store).filter((k) => k !== where.key && k.startsWith(where.prefix) && !k.slice(where.prefix.length).includes(':'))) {
      const t = get(k);
      if (t === null) continue;
      const entry = parse(t, where, get, k);
      if (!entry) {
        aside.push(setAside(store, k, t));
      } else if (!earlier || (entry.savedAt ?? 0) > (earlier.entry.savedAt ?? 0)) {
        earlier = { ...withPieces(get, k, entry, t), from: k };
      }
    }
    if (earlier) return { state: 'earlier', ...earlier, aside, blocked };
    return { state: 'none', aside, blocked };
  } catch {
    return { state: 'unavailable', aside, blocked };
  }
}

/** `fn(storage)`, or `fallback` when the browser refuses storage or `fn` throws. */
function attempt(fn, fallback) {
  try {
    const store = storage();
    return store ? fn(store) : fallback;
  } catch {
    return fallback;
  }
}

/** The entry's text for `work` saved at `when` in `where`. */
export function entryText(where, work, when) {
  return JSON.stringify({
    format: FORMAT,
    version: 2,
    mode: where.mode,
    reference: where.reference,
    fingerprint: where.fingerprint,
    savedAt: when.toISOString(),
    work,
  });
}

/** Writes the part `n` of the slot's big work; false when the browser refuses. */
export const writePart = (where, n, text) => attempt((s) => !s.setItem(`${where.key}:part:${n}`, text));

/** Removes the parts `names` of a save of the slot's big work that will not be finished. */
export const dropParts = (where, names) => attempt((s) => names.forEach((n) => s.removeItem(`${where.key}:part:${n}`)));

/**
 * What changes whenever the slot's work is saved: its head when saved in pieces, else its text;
 * undefined when storage cannot be read. A tab compares it with what it last saw before writing.
 */
export const mark = (key) => attempt((s) => s.getItem(`${key}:head`) ?? s.getItem(key), undefined);

/**
 * Saves work in the slot at `when`. Without `head`: whole, `text` being its entry (its bids in the
 * parts already written, when `parts` lists them), then (when it is big) an empty head, so that
 * the next saves are pieces. With the `head` of the whole entry saved last: bids `dirty` (indices into
 * `bids`) as pieces, then the head listing every piece saved since. Returns { head, mark } (head
 * null when the next save is whole), or undefined when the browser refuses (full, off).
 */
export const writeWork = (where, text, when, head, bids, dirty, parts) =>
  attempt((s) => {
    const { key } = where;
    if (head) {
      for (const i of dirty) s.setItem(`${key}:bid:${i}`, JSON.stringify(bids[i]));
    } else {
      // What the entry replaces goes first, making room for it (work as big as half the browser's
      // storage is saved whole over its parts), and is put back if the entry is refused. An entry
      // listing its parts was written into an empty slot: there is nothing to replace.
      const old = parts ? [] : drop(s, key);
      try {
        s.setItem(key, text);
      } catch {
        for (const [k, v] of old) s.setItem(k, v);
        return undefined;
      }
      if (text.length < PIECES_FROM && !parts) return { head: null, mark: text };
    }
    const at = when.toISOString();
    const next = { base: head?.base ?? at, savedAt: at, bids: head ? [...new Set([...head.bids, ...dirty])] : [] };
    const mark = JSON.stringify(next);
    s.setItem(`${key}:head`, mark);
    return { head: next, mark };
  });

/**
 * Moves the entry at `from` (work saved against an earlier model, now carried over) to
 * `<from>:earlier-model:<time>`, so it is kept but not offered again; left in place if the browser
 * refuses the copy.
 */
export const retire = (from, text) =>
  attempt((s) => {
    s.setItem(`${from}:earlier-model:${new Date().toISOString()}`, text);
    s.removeItem(from);
    drop(s, from);
  });

/** Removes the slot's work ("start again"); entries set aside stay. */
export const forgetWork = (where) =>
  attempt((s) => {
    s.removeItem(where.key);
    drop(s, where.key);
  });

/**
 * What the user typed in evaluate or self-assess: the bids (none with `lean`: the caller has
 * their text) and the evaluators' names; and, when the user opened a tender file whose model is
 * not the page's, that model (the file is their work).
 */
export function workOf(draft, source, evaluators, lean) {
  const work = {
    bids: lean ? [] : copy(draft?.bids ?? []),
    evaluators: [...(evaluators ?? [])],
  };
  if (fingerprint(draft) !== fingerprint(source)) work.model = copy({ ...draft, bids: undefined });
  return work;
}

/**
 * The page's tender (or the tender file the user opened over it, unless the page's model has
 * changed since) with the saved bids in place of its own. `shape` turns it into the mode's tender (self-assess keeps the
 * supplier's own bid and "what if" bids).
 */
function withWork(source, work, shape, prune) {
  const opened = !prune && work.model && typeof work.model === 'object' && !Array.isArray(work.model);
  const t = copy(opened ? { ...work.model, bids: source?.bids } : source) ?? {};
  t.bids = copy(work.bids);
  return shape(t);
}

/**
 * Removes what `rest` (an engine path below `obj`: `scores.q1.evaluators.Ann R.`) names and returns
 * it, or undefined. Keys may hold dots, so the longest key that matches is taken; emptied objects
 * on the way are removed too.
 */
function removePath(obj, rest) {
  if (!obj || typeof obj !== 'object') return undefined;
  const k = Object.keys(obj)
    .filter((key) => rest === key || rest.startsWith(`${key}.`))
    .sort((x, y) => y.length - x.length)[0];
  if (k === undefined) return undefined;
  const value = k === rest ? obj[k] : removePath(obj[k], rest.slice(k.length + 1));
  if (k === rest || (obj[k] && typeof obj[k] === 'object' && !Object.keys(obj[k]).length)) delete obj[k];
  return value;
}

/**
 * Applies saved work to the page's tender. With `prune` (the work was saved against another
 * model) the engine's `validate` says which answers no longer fit (a criterion or measure that is
 * gone, a score not on the scale, an answer of the wrong kind); each is taken out and listed as
 * { supplier, path, error, value }. Errors about what was typed itself stay with it.
 */
export function applyWork(engine, source, work, { prune, shape = (t) => t }) {
  const tender = withWork(source, work, shape, prune);
  const misfits = [];
  if (!prune) return { tender, misfits };
  // Each pass takes out every misfit the engine reported; a removal can only shrink the list.
  for (let pass = 0; pass < 8; pass += 1) {
    let errors;
    try {
      errors = engine.validate(tender).errors;
    } catch (error) {
      errors = engineErrors(error);
    }
    const found = errors.filter((e) => MISFIT.has(e.code) && /^bids\[\d+\]\./.test(e.path ?? ''));
    let removed = 0;
    // Deepest paths first, so a removed evaluator mark never takes its criterion's entry with it first.
    for (const e of found.sort((x, y) => y.path.length - x.path.length)) {
      const [, i, rest] = /^bids\[(\d+)\]\.(.*)$/.exec(e.path);
      const bid = tender.bids[Number(i)];
      if (!bid || !/^(scores|values|commitments|gates)\./.test(rest)) continue;
      const value = removePath(bid, rest);
      if (value === undefined) continue;
      removed += 1;
      misfits.push({ supplier: bid.supplier || bid.id, path: e.path, error: e, value });
    }
    if (!removed) break;
  }
  // In the order of the bids, then of the answers within each.
  const order = (m) => Number(/^bids\[(\d+)\]/.exec(m.path)[1]);
  misfits.sort((x, y) => order(x) - order(y) || (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  return { tender, misfits };
}

/**
 * A notice about saved work: { id, kind, role?, text, lead?, items?, actions?: [{ label, action, run }] }, as a
 * banner with a focusable heading line (so it can be moved to and read), its list and its buttons.
 */
export function noticeNode(n) {
  return h(
    'div',
    {
      class: `banner banner--${n.kind}`,
      role: n.role ?? (n.kind === 'error' ? 'alert' : 'status'),
      'data-notice': n.id,
    },
    h('p', { tabindex: '-1', 'data-notice-text': '' }, n.text),
    n.lead && h('p', n.lead),
    n.items?.length
      ? h(
          'ul.list',
          n.items.map((t) => h('li', t)),
        )
      : null,
    n.actions?.length
      ? h(
          'div.button-group.banner__actions',
          n.actions.map((a) =>
            h(
              'button',
              {
                type: 'button',
                class: a.primary ? 'button' : 'button button--secondary',
                'data-action': a.action,
                on: { click: a.run },
              },
              a.label,
            ),
          ),
        )
      : null,
  );
}
