// Design mode: the price schedule (spec §11). The lines suppliers price as rates, each multiplied by
// the buyer's estimated quantity; income lines, a highest rate per line, optional and yearly lines;
// and the whole-life cost's years and discount rate. The evaluated price is the engine's: nothing
// is multiplied or discounted here.
import { h } from '../ui/dom.js';
import { fill, scheduleWords } from '../text/messages.js';
import { setOwn } from '../ui/fields.js';
import { amountOrNone, namedCards, setOrDelete, textOrNone } from './fields.js';

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
  const currency = tender.tender?.currency ?? 'GBP';
  const cards = namedCards(c, {
    kind: 'line',
    path: `${path}.schedule`,
    list: Array.isArray(node.schedule) ? node.schedule : [],
    movable: true,
    label: d.lineNameLabel,
    add: d.addLine,
    newName: d.newLine,
    empty: d.noLines,
    context: d.lineContext,
    heading: (name, i) => fill(d.lineHeading, { n: i + 1, name }),
    write: (list) => {
      if (!list || !node.schedule?.length) swapPrices(c, Boolean(list));
      setOrDelete(node, 'schedule', list);
    },
    rename: (before, after) => renameLine(tender, before, after),
    drop: (line) => {
      for (const bid of tender.bids ?? []) if (bid.prices) delete bid.prices[line.id];
    },
    body: (line, at, name) => {
      const text = (key, label, hint, numeric) =>
        fields.text({
          path: `${at}.${key}`,
          label,
          hint,
          numeric,
          words: !numeric && line,
          get: () => line[key],
          set: (v) => setOrDelete(line, key, (numeric ? amountOrNone : textOrNone)(v)),
        });
      const tick = (key, label) =>
        fields.checkbox({
          path: `${at}.${key}`,
          label,
          get: () => line[key] === true,
          set: (on) => setOrDelete(line, key, on ? true : undefined),
        });
      return [
        h('div.row-fields', name, text('unit', d.lineUnitLabel, d.lineUnitHint)),
        h(
          'div.row-fields',
          text('quantity', d.lineQuantityLabel, d.lineQuantityHint, true),
          text('max', fill(d.lineMaxLabel, { currency }), d.lineMaxHint, true),
        ),
        tick('income', d.lineIncomeLabel),
        tick('optional', d.lineOptionalLabel),
        tick('perYear', d.linePerYearLabel),
      ];
    },
  });

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
  const lifeErr = h('p.error-message', { hidden: true });
  const lifeRow = h(
    'div.row-fields',
    life('years', d.lifeYearsLabel),
    life('discountRate', d.lifeRateLabel, d.lifeRateHint),
  );
  fields.anchor(`${path}.lifeCycle`, { group: h('div'), control: lifeRow.querySelector('input'), error: lifeErr });

  const words = h('p.inset', { 'data-schedule-words': '', hidden: true });
  const nodes = [
    h('h4.heading-s', d.scheduleHeading),
    h('p.hint', d.scheduleIntro),
    cards,
    h('h4.heading-s', d.lifeCycleHeading),
    h('p.hint', d.lifeCycleIntro),
    lifeErr,
    lifeRow,
    words,
  ];
  return {
    nodes,
    update(state) {
      const s = state.described?.price?.schedule;
      words.hidden = !s;
      words.textContent = s ? fill(d.roundingWords, { words: scheduleWords(c.cat, c.fmt, s) }) : '';
    },
  };
}
