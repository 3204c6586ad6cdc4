// Design mode: the price schedule (spec §11). The lines suppliers price as rates, each multiplied by
// the buyer's estimated quantity; income lines, a highest rate per line, optional and yearly lines;
// and the whole-life cost's years and discount rate. The evaluated price is the engine's: nothing
// is multiplied or discounted here.
import { h } from '../ui/dom.js';
import { fill } from '../text/messages.js';
import { setOwn } from '../ui/fields.js';
import { slugId } from './csv.js';
import { actionButton, amountOrNone, followName, identifierField, setOrDelete, textOrNone } from './fields.js';

/** Points the example bids' rates for line `before` at its new id. */
function renameLine(tender, before, after) {
  for (const bid of tender.bids ?? []) {
    const p = bid.prices;
    if (p && Object.hasOwn(p, before) && !Object.hasOwn(p, after)) {
      setOwn(p, after, p[before]);
      delete p[before];
    }
  }
}

/**
 * A bid prices either one total or the schedule's lines. When the first line is added the example
 * bids' totals are put aside (and their rates brought back); when the last goes, the other way.
 */
function swapPrices(c, toSchedule) {
  const [from, to] = toSchedule ? ['price', 'prices'] : ['prices', 'price'];
  for (const bid of c.tender.bids ?? []) {
    const stash = c.session.stash.get(bid) ?? {};
    if (Object.hasOwn(bid, from)) stash[from] = bid[from];
    delete bid[from];
    if (Object.hasOwn(stash, to) && !Object.hasOwn(bid, to)) bid[to] = stash[to];
    c.session.stash.set(bid, stash);
  }
}

/**
 * The schedule lines and the whole-life cost of the price criterion `node` at `path`:
 * { nodes, update(state) }, update showing the engine's words for how the evaluated price is formed.
 */
export function scheduleFields(c, node, path) {
  const { d, fields, tender } = c;
  const lines = Array.isArray(node.schedule) ? node.schedule : [];
  const currency = tender.tender?.currency ?? 'GBP';
  const ids = () => new Set(lines.map((l) => l.id));

  const cards = lines.map((line, i) => {
    const at = `${path}.schedule[${i}]`;
    const k = c.key(line);
    const display = () => line.name || line.id || d.unnamed;
    const text = (key, label, opts = {}) =>
      fields.text({
        path: `${at}.${key}`,
        label,
        width: 'input--w10',
        get: () => line[key],
        set: (v) => setOrDelete(line, key, (opts.numeric ? amountOrNone : textOrNone)(v)),
        ...opts,
      });
    const tick = (key, label, hint) =>
      fields.checkbox({
        path: `${at}.${key}`,
        label,
        hint,
        get: () => line[key] === true,
        set: (on) => setOrDelete(line, key, on ? true : undefined),
      });
    const title = h('h5', { class: 'heading-s', tabindex: '-1', 'data-heading': `line-${k}` });
    const titleText = () => fill(d.lineHeading, { n: i + 1, name: display() });
    title.textContent = titleText();
    const name = text('name', d.lineNameLabel, { width: 'input--w20' });
    name.classList.add('design-name');
    const nameInput = name.querySelector('input');
    nameInput.addEventListener('input', () => {
      title.textContent = titleText();
    });
    nameInput.addEventListener('change', () => {
      followName(c, line, ids(), 'line', (a, b) => renameLine(tender, a, b));
      c.rebuildSoon();
    });
    const err = h('p', { class: 'error-message', hidden: true });
    fields.anchor(at, { group: h('div'), control: title, error: err });

    const btn = (action, label, onClick) =>
      actionButton(action, label, onClick, { key: k, small: true, hidden: ` “${display()}”` });
    const focusKeep = (action) => [
      `[data-action="${action}"][data-key="${k}"]`,
      ...['line-up', 'line-down'].map((a) => `[data-action="${a}"][data-key="${k}"]`),
      `[data-heading="line-${k}"]`,
    ];
    const move = (j, action) => {
      lines.splice(j, 0, lines.splice(i, 1)[0]);
      c.structure(focusKeep(action));
      c.announce(fill(j < i ? d.movedUp : d.movedDown, { name: display() }));
    };
    return h(
      'li',
      { class: 'design-card', 'data-context': fill(d.lineContext, { name: display() }), 'data-line': k },
      title,
      err,
      h('div', { class: 'row-fields' }, name, text('unit', d.lineUnitLabel, { hint: d.lineUnitHint })),
      h(
        'div',
        { class: 'row-fields' },
        text('quantity', d.lineQuantityLabel, { hint: d.lineQuantityHint, numeric: true }),
        text('max', fill(d.lineMaxLabel, { currency }), { hint: d.lineMaxHint, numeric: true }),
      ),
      tick('income', d.lineIncomeLabel, d.lineIncomeHint),
      tick('optional', d.lineOptionalLabel),
      tick('perYear', d.linePerYearLabel, d.linePerYearHint),
      identifierField(c, at, line, (a, b) => renameLine(tender, a, b)),
      h(
        'div',
        { class: 'button-group' },
        i > 0 ? btn('line-up', d.moveUp, () => move(i - 1, 'line-up')) : null,
        i < lines.length - 1 ? btn('line-down', d.moveDown, () => move(i + 1, 'line-down')) : null,
        btn('line-remove', d.removeLine, () => {
          lines.splice(i, 1);
          for (const bid of tender.bids ?? []) if (bid.prices) delete bid.prices[line.id];
          if (!lines.length) {
            delete node.schedule;
            swapPrices(c, false);
          }
          const next = lines[i] ?? lines[i - 1];
          c.structure(next ? [`[data-heading="line-${c.key(next)}"]`] : ['[data-action="line-add"]']);
          c.announce(fill(d.removed, { name: display() }));
        }),
      ),
    );
  });

  const add = actionButton('line-add', d.addLine, () => {
    if (!lines.length) swapPrices(c, true);
    const line = { id: slugId(d.newLine, ids(), 'line'), name: d.newLine };
    c.session.autoIds.add(line);
    node.schedule = [...lines, line];
    c.structure(`[data-path="${path}.schedule[${lines.length}].name"]`, { select: true });
  });
  const addErr = h('p', { class: 'error-message', hidden: true });
  fields.anchor(`${path}.schedule`, { group: h('div'), control: add, error: addErr });

  // The whole-life cost: an object written when either figure is typed, removed when both are emptied.
  const life = (key, label, hint) =>
    fields.text({
      path: `${path}.lifeCycle.${key}`,
      label,
      hint,
      numeric: true,
      width: 'input--w5',
      get: () => node.lifeCycle?.[key],
      set: (v) => {
        node.lifeCycle ??= {};
        setOrDelete(node.lifeCycle, key, amountOrNone(v));
        if (!Object.keys(node.lifeCycle).length) delete node.lifeCycle;
      },
    });
  const lifeErr = h('p', { class: 'error-message', hidden: true });
  const lifeRow = h(
    'div',
    { class: 'row-fields' },
    life('years', d.lifeYearsLabel, d.lifeYearsHint),
    life('discountRate', d.lifeRateLabel, d.lifeRateHint),
  );
  fields.anchor(`${path}.lifeCycle`, { group: h('div'), control: lifeRow.querySelector('input'), error: lifeErr });

  const words = h('p', { class: 'inset', 'data-schedule-words': '', hidden: true });
  const nodes = [
    h('h4', { class: 'heading-s' }, d.scheduleHeading),
    h('p', { class: 'hint' }, d.scheduleIntro),
    cards.length ? h('ol', { class: 'design-cards' }, cards) : h('p', { class: 'inset' }, d.noLines),
    addErr,
    add,
    h('h4', { class: 'heading-s' }, d.lifeCycleHeading),
    h('p', { class: 'hint' }, d.lifeCycleIntro),
    lifeErr,
    lifeRow,
    words,
  ];
  return {
    nodes,
    update(state) {
      const s = state.described?.price?.schedule;
      words.hidden = !s;
      words.textContent = s ? fill(d.roundingWords, { words: s.words }) : '';
    },
  };
}
