// Design mode: the award method, tie-break rules, rounding and the evaluation settings (how
// evaluators' scores are combined, when a price counts as abnormally low).
import { h } from '../ui/dom.js';
import { fill } from '../text/messages.js';
import { isGroup, walk } from '../ui/model.js';
import { actionButton, amountOrNone, setOrDelete } from './fields.js';
import { tenderMethod, tieRuleText } from '../text/award.js';
import { priceNode } from './tree.js';

const METHODS = ['weighted-sum', 'price-per-quality-point', 'quality-price-ratio', 'fictitious-discount'];
const QPR_FIELDS = ['scale', 'band', 'bandDecider'];

/** Changes the award method. Price carries no marks outside the weighted sum: its marks are put aside. */
function changeMethod(c, method) {
  const t = c.tender;
  t.award ??= {};
  const stash = c.session.stash.get(t) ?? {};
  if (method !== 'quality-price-ratio') {
    for (const f of QPR_FIELDS) {
      if (Object.hasOwn(t.award, f)) {
        stash[`award.${f}`] = t.award[f];
        delete t.award[f];
      }
    }
  } else {
    for (const f of QPR_FIELDS) if (Object.hasOwn(stash, `award.${f}`)) t.award[f] = stash[`award.${f}`];
  }
  t.award.method = method;
  const price = priceNode(t)?.node;
  if (price) {
    const ps = c.session.stash.get(price) ?? {};
    if (method !== 'weighted-sum' && Object.hasOwn(price, 'weight')) {
      ps.weight = price.weight;
      delete price.weight;
    } else if (method === 'weighted-sum' && !Object.hasOwn(price, 'weight') && Object.hasOwn(ps, 'weight')) {
      price.weight = ps.weight;
    }
    c.session.stash.set(price, ps);
  }
  c.session.stash.set(t, stash);
}

/** An object-valued top-level field, created when first written and removed when emptied. */
function section(t, key) {
  return {
    get: (f) => t[key]?.[f],
    set: (f, v) => {
      t[key] ??= {};
      setOrDelete(t[key], f, v);
      if (!Object.keys(t[key]).length) delete t[key];
    },
  };
}

/** Puts the draw's seed aside when the draw is removed (`away`), and brings it back with the draw. */
function stashSeed(c, away) {
  const t = c.tender;
  const stash = c.session.stash.get(t) ?? {};
  if (away && Object.hasOwn(t, 'tieDrawSeed')) {
    stash.tieDrawSeed = t.tieDrawSeed;
    delete t.tieDrawSeed;
  } else if (!away && !Object.hasOwn(t, 'tieDrawSeed') && Object.hasOwn(stash, 'tieDrawSeed')) {
    t.tieDrawSeed = stash.tieDrawSeed;
  }
  c.session.stash.set(t, stash);
}

function tieLabel(c, rule) {
  const nameOf = (id) => walk(c.tender.criteria).find(({ c: n }) => n.id === id)?.c.name;
  return tieRuleText(c.cat.ui, rule, nameOf, c.tender.tieDrawSeed, c.d.tieDraw);
}

export function rulesSection(c) {
  const { d, fields, tender, uid } = c;
  const method = tenderMethod(tender);
  const award = section(tender, 'award');
  const rounding = section(tender, 'rounding');
  const moderation = section(tender, 'moderation');
  const low = section(tender, 'abnormallyLow');

  const methodRadios = fields.radios({
    path: 'award.method',
    legend: d.methodLegend,
    options: METHODS.map((m) => ({ value: m, label: d.methods[m].label, hint: d.methods[m].hint })),
    get: () => method,
    set: (opt) => changeMethod(c, opt.value),
  });
  for (const input of methodRadios.querySelectorAll('input')) {
    input.addEventListener('change', () => c.structure(`[data-path="award.method"][value="${input.value}"]`));
  }
  const qpr =
    method === 'quality-price-ratio'
      ? h(
          'div.design-card',
          fields.text({
            path: 'award.scale',
            label: d.qprScaleLabel,
            hint: d.qprScaleHint,
            numeric: true,
            get: () => award.get('scale'),
            set: (v) => award.set('scale', amountOrNone(v)),
          }),
          fields.text({
            path: 'award.band',
            label: d.qprBandLabel,
            hint: d.qprBandHint,
            numeric: true,
            width: 'input--w5',
            get: () => award.get('band'),
            set: (v) => award.set('band', amountOrNone(v)),
          }),
          fields.radios({
            path: 'award.bandDecider',
            legend: d.qprDeciderLegend,
            options: [
              { value: 'quality', label: d.qprDecider.quality },
              { value: 'price', label: d.qprDecider.price },
            ],
            get: () => award.get('bandDecider') ?? 'quality',
            set: (opt) => award.set('bandDecider', opt.value),
          }),
        )
      : null;

  // Tie-break rules, in order.
  const rules = tender.tieBreak ?? [];
  const move = (i, j, focus) => {
    const [r] = rules.splice(i, 1);
    rules.splice(j, 0, r);
    c.structure([focus, '[data-action="tie-add"]']);
  };
  // A recorded draw (spec §16) decides only what every other rule left equal: it stays last, new
  // rules go in above it, and its seed is put aside while it is removed.
  const drawLast = rules.at(-1) === 'draw';
  const tieItems = rules.map((rule, i) => {
    const label = tieLabel(c, rule);
    const pinned = drawLast && i >= rules.length - 2;
    const err = h('p.error-message', { hidden: true });
    const btn = (action, text, onClick) =>
      actionButton(action, text, onClick, { key: String(i), small: true, hidden: ` “${label}”` });
    const remove = btn('tie-remove', d.remove, () => {
      rules.splice(i, 1);
      if (rule === 'draw') stashSeed(c, true);
      if (!rules.length) delete tender.tieBreak;
      c.structure('[data-action="tie-pick"]');
      c.announce(fill(d.removed, { name: label }));
    });
    fields.anchor(`tieBreak[${i}]`, { group: h('div'), control: remove, error: err });
    return h(
      'li',
      { 'data-context': d.tieHeading },
      h('p.design-tie__text', label),
      err,
      h(
        'div.button-group',
        i > 0 && !(drawLast && rule === 'draw')
          ? btn('tie-up', d.moveUp, () => move(i, i - 1, `[data-action="tie-up"][data-key="${i - 1}"]`))
          : null,
        i < rules.length - 1 && !pinned
          ? btn('tie-down', d.moveDown, () => move(i, i + 1, `[data-action="tie-down"][data-key="${i + 1}"]`))
          : null,
        remove,
      ),
    );
  });
  const choices = [
    ...(rules.includes('price') || !priceNode(tender) ? [] : [{ rule: 'price', label: c.cat.ui.tieBreak.price }]),
    ...walk(tender.criteria)
      .filter(({ c: n }) => isGroup(n) || (n.kind !== 'pass-fail' && n.kind !== 'price'))
      .map(({ c: n }) => ({ rule: `${isGroup(n) ? 'group' : 'criterion'}:${n.id}`, n }))
      .filter(({ rule }) => !rules.includes(rule))
      .map(({ rule, n }) => ({
        rule,
        label: tieRuleText(c.cat.ui, rule, () => n.name),
      })),
    ...(rules.includes('draw') ? [] : [{ rule: 'draw', label: d.tieDraw }]),
  ];
  const pickId = `design-tie-${uid}`;
  const pick = h(
    'select.select',
    { id: pickId, 'data-action': 'tie-pick' },
    choices.map((ch, i) => h('option', { value: String(i) }, ch.label)),
  );
  const tieAdd = choices.length
    ? [
        h('div.form-group', h('label.label', { for: pickId }, d.tieAddLabel), pick),
        actionButton('tie-add', d.tieAdd, () => {
          const ch = choices[Number(pick.value)];
          if (!ch) return;
          tender.tieBreak = drawLast ? [...rules.slice(0, -1), ch.rule, 'draw'] : [...rules, ch.rule];
          if (ch.rule === 'draw') stashSeed(c, false);
          c.structure(['[data-action="tie-add"]', '[data-action="tie-remove"]']);
          c.announce(fill(d.tieAdded, { rule: ch.label }));
        }),
      ]
    : null;

  const tieErr = h('p.error-message', { hidden: true });
  const tieControl = tieAdd ? pick : tieItems[0]?.querySelector('button');
  if (tieControl) fields.anchor('tieBreak', { group: h('div'), control: tieControl, error: tieErr });
  const seed = rules.includes('draw')
    ? [
        h('p.hint', d.tieDrawLast),
        fields.text({
          path: 'tieDrawSeed',
          label: d.seedLabel,
          hint: d.seedHint,
          width: 'input--w20',
          get: () => tender.tieDrawSeed,
          set: (v) => setOrDelete(tender, 'tieDrawSeed', v === '' ? undefined : v),
        }),
      ]
    : null;

  const roundingWords = h('p.inset', { 'data-rounding-words': '' });
  const num = (path, label, hint, get, set, width = 'input--w5') =>
    fields.text({ path, label, hint, numeric: true, width, get, set: (v) => set(amountOrNone(v)) });

  return {
    title: d.rulesHeading,
    body: h(
      'div',
      { 'data-context': d.rulesHeading },
      methodRadios,
      qpr,
      h('h4.heading-s', d.tieHeading),
      h('p', rules.length ? c.cat.ui.tieBreakIntro : c.cat.ui.noTieBreak),
      tieErr,
      rules.length ? h('ol.list.design-tie', tieItems) : null,
      seed,
      tieAdd,
      h('h4.heading-s', d.roundingHeading),
      num(
        'rounding.decimals',
        d.decimalsLabel,
        d.decimalsHint,
        () => rounding.get('decimals'),
        (v) => rounding.set('decimals', v),
      ),
      fields.radios({
        path: 'rounding.stage',
        legend: d.stageLegend,
        options: ['criterion', 'total', 'none'].map((s) => ({ value: s, label: d.stages[s] })),
        get: () => rounding.get('stage') ?? 'criterion',
        set: (opt) => rounding.set('stage', opt.value),
      }),
      roundingWords,
      h('h4.heading-s', d.settingsHeading),
      fields.radios({
        path: 'moderation.method',
        legend: d.moderationLegend,
        options: [
          { value: 'mean', label: d.moderation.mean },
          { value: 'median', label: d.moderation.median },
        ],
        get: () => moderation.get('method') ?? 'mean',
        set: (opt) => moderation.set('method', opt.value),
      }),
      fields.checkbox({
        path: 'moderation.require',
        label: d.consensusLabel,
        hint: d.consensusHint,
        get: () => moderation.get('require') === 'consensus',
        set: (on) => moderation.set('require', on ? 'consensus' : undefined),
      }),
      num(
        'moderation.flagSpread',
        d.flagSpreadLabel,
        d.flagSpreadHint,
        () => moderation.get('flagSpread'),
        (v) => moderation.set('flagSpread', v),
      ),
      num(
        'abnormallyLow.percent',
        d.abnormallyLowLabel,
        d.abnormallyLowHint,
        () => low.get('percent'),
        (v) => low.set('percent', v),
      ),
      h(
        'div.design-card',
        { 'data-context': d.proximityHeading },
        h('h5.heading-s', d.proximityHeading),
        h('p.hint', d.proximityIntro),
        h(
          'div.row-fields',
          [
            ['proximityPercent', d.proximityPercentLabel],
            ['proximityMin', d.proximityMinLabel],
            ['proximityMax', d.proximityMaxLabel],
          ].map(([key, label]) =>
            num(
              `abnormallyLow.${key}`,
              fill(label, { currency: tender.tender?.currency ?? 'GBP' }),
              null,
              () => low.get(key),
              (v) => low.set(key, v),
              'input--w10',
            ),
          ),
        ),
      ),
    ),
    update(state) {
      const m = state.last;
      // The rule as the published model words it, a sentence of its own: its full stop is the template's.
      const rule = m && fill(c.cat.ui.rounding[m.roundingStage] ?? m.rounding, { decimals: m.roundingDecimals });
      roundingWords.textContent = m ? fill(d.roundingWords, { words: rule.replace(/\.$/, '') }) : '';
      roundingWords.hidden = !m;
    },
  };
}
