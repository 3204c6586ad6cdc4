// The fields of one bid, shared by self-assess (a supplier's own bid) and evaluate (a panel's
// scores). Values are written into the tender as typed (numbers as decimal text, never rounded);
// an emptied field removes its value, which the engine then reports as missing.
import { h } from './dom.js';
import { child, cleanNumber, keyPath, marking, own, put, setOwn } from './fields.js';
import { fill } from '../text/messages.js';
import { leaves, measureById, scalePoints } from './model.js';

const trimmed = (v) => (v.trim() === '' ? undefined : v);
const numeric = (v) => (v.trim() === '' ? undefined : cleanNumber(v));

/** Sets or clears one value in a nested map of the bid (scores/values/commitments/gates). */
function setIn(bid, mapKey, key, value) {
  const map = child(bid, mapKey);
  put(map, key, value);
  if (!Object.keys(map).length) delete bid[mapKey];
}

export function supplierField(ctx, bid, at) {
  return ctx.fields.text({
    path: `${at}.supplier`,
    label: ctx.cat.ui.supplierName,
    width: 'input--w20',
    get: () => bid.supplier,
    set: (v) => {
      bid.supplier = v;
    },
  });
}

export function priceField(ctx, bid, at) {
  const currency = ctx.tender.tender?.currency ?? 'GBP';
  const lines = scheduleLines(ctx.tender);
  if (lines) return rateFields(ctx, bid, at, lines, currency);
  return ctx.fields.text({
    path: `${at}.price`,
    label: fill(ctx.cat.ui.priceLabel, { currency }),
    hint: fill(ctx.cat.ui.priceHint, { currency }),
    numeric: true,
    get: () => bid.price,
    set: (v) => put(bid, 'price', numeric(v)),
  });
}

/** The tender's lots, or null when it is not divided into lots (spec §18). */
export function lotsOf(tender) {
  return Array.isArray(tender.lots) && tender.lots.length ? tender.lots : null;
}

/** Which lot a bid is for, where the tender is divided into lots. */
export function lotField(ctx, bid, at) {
  const lots = lotsOf(ctx.tender);
  if (!lots) return null;
  return ctx.fields.select({
    path: `${at}.lot`,
    label: ctx.cat.ui.lotLabel,
    options: [
      { value: null, label: ctx.cat.ui.lotNotChosen },
      ...lots.map((l) => ({ value: l?.id, label: l?.name ?? l?.id })),
    ],
    get: () => bid.lot,
    set: (opt) => put(bid, 'lot', opt.value ?? undefined),
  });
}

/** The lines of the price criterion's schedule, or null when bids give one price (spec §11). */
export function scheduleLines(tender) {
  const lines = leaves(tender).find((c) => c.kind === 'price')?.schedule;
  return Array.isArray(lines) && lines.length ? lines : null;
}

/**
 * What sets a schedule line apart, in words: income or optional, paid yearly, its maximum rate;
 * null for a plain cost line. `line` is the file's line or the published model's.
 */
export function lineNotes(ctx, line) {
  const { ui } = ctx.cat;
  const max = line?.max;
  const notes = [
    line?.optional ? ui.lineOptional : line?.income ? ui.lineIncome : null,
    line?.perYear ? ui.linePerYear : null,
    max === undefined || max === null ? null : fill(ui.lineMax, { max: ctx.fmt.money(String(max)) }),
  ].filter(Boolean);
  return notes.length ? notes.join(' ') : null;
}

/** One rate's label (the line's name, unit and estimated quantity) and hint. */
function rateText(ctx, line) {
  const { ui } = ctx.cat;
  const quantity = ctx.fmt.number(String(line?.quantity ?? 1));
  const name = line?.name ?? line?.id;
  const label = fill(line?.unit ? ui.rateLabel : ui.rateLabelNoUnit, { name, unit: line?.unit, quantity });
  return { label, hint: lineNotes(ctx, line) };
}

/**
 * Under a price schedule (spec §11), a rate for each line instead of one price, each labelled
 * with the line's name, unit and estimated quantity: the engine multiplies them by the buyer's
 * quantities into the evaluated price.
 */
function rateFields(ctx, bid, at, lines, currency) {
  const { ui } = ctx.cat;
  return h(
    'fieldset.fieldset',
    { 'data-schedule': '' },
    h('legend.legend.label--s', fill(ui.ratesLegend, { currency })),
    h('p.hint', fill(ui.ratesHint, { currency })),
    lines.map((line) =>
      ctx.fields.text({
        path: keyPath(`${at}.prices`, String(line?.id)),
        ...rateText(ctx, line),
        numeric: true,
        get: () => own(bid.prices, String(line?.id)),
        set: (v) => setIn(bid, 'prices', String(line?.id), numeric(v)),
      }),
    ),
  );
}

export function gateFields(ctx, bid, at) {
  const { ui } = ctx.cat;
  const gates = leaves(ctx.tender).filter((c) => c.kind === 'pass-fail');
  if (!gates.length) return null;
  return h(
    'div.section',
    h('h4.heading-s', ui.gatesLegend),
    gates.map((g) =>
      ctx.fields.radios({
        path: `${at}.gates.${g.id}`,
        legend: g.name,
        options: [
          { value: true, label: ui.gatePassed },
          { value: false, label: ui.gateFailed },
          { value: null, label: ui.gateUnknown },
        ],
        get: () => own(bid.gates, g.id),
        set: (opt) => setIn(bid, 'gates', g.id, opt.value ?? undefined),
      }),
    ),
  );
}

/** A supplier's expected score: one radio per scale point, with its descriptor. */
export function expectedScoreField(ctx, bid, at, c) {
  const { ui } = ctx.cat;
  const points = scalePoints(ctx.tender, c.scale);
  const path = `${keyPath(`${at}.scores`, c.id)}.moderated`;
  if (!points.length) {
    return ctx.fields.text({
      path,
      label: `${c.name}: ${ui.expectedScore}`,
      numeric: true,
      width: 'input--w5',
      get: () => marking(bid, c.id)?.moderated,
      set: (v) => setIn(bid, 'scores', c.id, numeric(v) === undefined ? undefined : { moderated: numeric(v) }),
    });
  }
  return ctx.fields.radios({
    path,
    legend: c.name,
    legendClass: 'label--s',
    hint: c.question ?? c.description,
    options: [
      ...points.map((p) => ({
        value: p.value,
        label: `${ctx.fmt.number(String(p.value))} – ${p.label ?? ''}`,
        hint: p.descriptor,
      })),
      { value: null, label: ui.notScoredYet },
    ],
    get: () => marking(bid, c.id)?.moderated,
    set: (opt) => setIn(bid, 'scores', c.id, opt.value === null ? undefined : { moderated: opt.value }),
  });
}

/**
 * Each evaluator's score, the moderated score and the rationale for one scored criterion. Each
 * field is named by its label, the criterion's heading and (through the FieldSet's context, in
 * evaluate mode's cards) the bid's name: a panel tabbing through dozens of bids hears which score
 * it is at. Evaluators are read by position, so a renamed one keeps its fields (evaluate.js moves
 * them to the new name).
 */
export function panelScoreFields(ctx, bid, at, c, evaluators) {
  const { ui } = ctx.cat;
  const names = ctx.fields.id();
  const points = scalePoints(ctx.tender, c.scale);
  const hint = points.length
    ? fill(ui.scoreHint, { scale: c.scale, points: points.map((p) => ctx.fmt.number(String(p.value))).join(', ') })
    : null;
  const score = () => marking(bid, c.id);
  const setScore = (key, sub, value) => {
    const scores = child(bid, 'scores');
    // A bare score becomes an object that keeps it as the moderated score.
    if (score() !== own(scores, c.id)) setOwn(scores, c.id, score());
    const s = child(scores, c.id);
    if (sub) {
      const ev = child(s, 'evaluators');
      put(ev, sub, value);
      if (!Object.keys(ev).length) delete s.evaluators;
    } else {
      put(s, key, value);
    }
    if (!Object.keys(s).length) setIn(bid, 'scores', c.id, undefined);
  };
  return h(
    'div.criterion-block',
    h(
      // A level below the bid's heading, as the gates and commitments beside it: with no gates
      // before it, an h5 skipped a level.
      'h4',
      { class: 'heading-s', id: names },
      c.weight === undefined && c.value !== undefined
        ? fill(ctx.cat.award.criterionWorth, { name: c.name, value: ctx.fmt.money(String(c.value)) })
        : `${c.name} (${ctx.fmt.number(String(c.weight ?? ''))} ${ui.marks.toLowerCase()})`,
    ),
    hint ? h('p.hint', hint) : null,
    h(
      'div.evaluator-grid',
      evaluators.map((name, i) =>
        ctx.fields.text({
          path: evaluatorPath(at, c, name),
          label: fill(ui.evaluatorScore, { evaluator: name }),
          names,
          numeric: true,
          width: 'input--w5',
          get: () => own(score()?.evaluators, evaluators[i]),
          set: (v) => setScore('evaluators', evaluators[i], numeric(v)),
        }),
      ),
      ctx.fields.text({
        path: `${keyPath(`${at}.scores`, c.id)}.moderated`,
        label: ui.moderated,
        names,
        numeric: true,
        width: 'input--w5',
        get: () => score()?.moderated,
        set: (v) => setScore('moderated', null, numeric(v)),
      }),
    ),
    ctx.fields.text({
      path: `${keyPath(`${at}.scores`, c.id)}.rationale`,
      label: ui.rationale,
      names,
      multiline: true,
      get: () => score()?.rationale,
      set: (v) => setScore('rationale', null, trimmed(v)),
      // A rationale changes no score: where the widget can keep the results, it does.
      edited: ctx.reworded && ((v) => ctx.reworded(bid, c.id, v)),
    }),
  );
}

/** The engine's path of evaluator `name`'s score on criterion `c` of the bid at `at`. */
export const evaluatorPath = (at, c, name) => keyPath(`${keyPath(`${at}.scores`, c.id)}.evaluators`, name);

/**
 * "Name (unit)" from `template`, or the name alone for what has no unit: a numeric criterion's
 * is optional, and a measure still being written in design mode may have none yet.
 */
const withUnit = (template, o) => (o.unit ? fill(template, o) : o.name);

export function valueField(ctx, bid, at, c) {
  return ctx.fields.text({
    path: keyPath(`${at}.values`, c.id),
    label: withUnit(ctx.cat.ui.valueLabel, c),
    numeric: true,
    get: () => own(bid.values, c.id),
    set: (v) => setIn(bid, 'values', c.id, numeric(v)),
  });
}

export function commitmentFields(ctx, bid, at, c) {
  const { ui } = ctx.cat;
  return h(
    'div.section',
    h('h4.heading-s', c.name),
    (c.measures ?? []).map((mid) => {
      const m = measureById(ctx.tender, mid) ?? { name: mid };
      return ctx.fields.text({
        path: keyPath(`${at}.commitments`, mid),
        label: withUnit(ui.commitmentLabel, m),
        // None for a measure still being written in design mode, with no unit or value yet.
        hint: m.unit && m.proxy && fill(ui.commitmentHint, { unit: m.unit, proxy: ctx.fmt.money(String(m.proxy)) }),
        numeric: true,
        get: () => own(bid.commitments, mid),
        set: (v) => setIn(bid, 'commitments', mid, numeric(v)),
      });
    }),
  );
}

/**
 * A button removing bid `index` from the tender: the widget's `removeBid` offers Undo, with
 * everything typed for the bid, and moves focus to that offer; elsewhere focus goes to `focusAfter`.
 */
export function removeBidButton(ctx, index, name, focusAfter) {
  return h(
    'button',
    {
      type: 'button',
      class: 'button button--warning',
      'data-action': 'remove-bid',
      on: {
        // The widget offers Undo; design mode's example bids simply go.
        click: () => (ctx.removeBid ? ctx.removeBid(index) : (ctx.tender.bids.splice(index, 1), ctx.structure(focusAfter))),
      },
    },
    fill(ctx.cat.ui.remove, { name }),
  );
}
