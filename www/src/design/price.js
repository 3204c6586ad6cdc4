// Design mode: how price is scored. The formula and its parameters; the engine's words, equation
// and worked example (`describe`); and a chart of score against price whose every point the engine
// scored: a scratch tender holding only the price criterion and made-up bids at evenly spread
// prices is evaluated, and the chart draws what came back.
import { scoreText, tenderMethod, usesValue, valueText } from '../text/award.js';
import { h, scrollingTable } from '../ui/dom.js';
import { fill } from '../text/messages.js';
import { priceText } from '../text/price.js';
import { criterionWorking, exampleWorking } from '../text/workings.js';
import { copy } from '../ui/model.js';
import { newLeaf, priceNode } from './tree.js';
import { actionButton, amountOrNone, setOrDelete } from './fields.js';
import { scheduleFields } from './schedule.js';

const FORMULAS = ['lowest-ratio', 'linear-min-max', 'deviation-from-lowest', 'set-bounds', 'reference-ratio'];
const POINTS = 11;

const positive = (v) => {
  const x = Number(v);
  return Number.isFinite(x) && x > 0 ? x : null;
};

/**
 * Made-up prices for the chart: inputs, not scores. They spread evenly over a range around the
 * buyer's own figures: the best and worst prices of set bounds, the reference price, or the
 * ceiling (else the contract value, else £100,000), and are whole amounts.
 */
export function chartPrices(tender, price) {
  let lo;
  let hi;
  const worst = positive(price.worst);
  const reference = positive(price.reference);
  if (price.formula === 'set-bounds' && worst) {
    const best = Math.max(Number(price.best) || 0, 0);
    const span = Math.max(worst - best, worst * 0.1);
    lo = Math.max(best - span * 0.25, worst * 0.02);
    hi = worst + span * 0.25;
  } else if (price.formula === 'reference-ratio' && reference) {
    lo = reference * 0.6;
    hi = reference * 1.6;
  } else {
    const ceiling = positive(price.ceiling);
    const base = ceiling ?? positive(tender.tender?.contractValue) ?? 100000;
    lo = base * 0.6;
    hi = base * (ceiling ? 1.1 : 1.4);
  }
  const prices = [];
  for (let i = 0; i < POINTS; i += 1) {
    const p = Math.round(lo + ((hi - lo) * i) / (POINTS - 1));
    if (p > 0 && !prices.includes(p)) prices.push(p);
  }
  return prices;
}

/**
 * The scratch tender the chart is scored from: the price criterion alone and one bid per price.
 * The formula scores the evaluated price, so a schedule's lines are left out and each made-up bid
 * states its evaluated price as one total.
 */
export function chartTender(tender, price, prices) {
  const criterion = copy(price);
  delete criterion.schedule;
  delete criterion.lifeCycle;
  return {
    format: 'bidscore/1',
    tender: { title: 'Price chart', currency: tender.tender?.currency ?? 'GBP' },
    rounding: tender.rounding,
    criteria: [criterion],
    bids: prices.map((p, i) => ({ id: `price-${i + 1}`, supplier: `Made-up bid ${i + 1}`, price: String(p) })),
  };
}

/** The SVG chart of the engine's scores against price, with the same figures in a table. */
function chartFigure(c, result, ceiling) {
  const { d, fmt } = c;
  const pts = result.bids.map((b) => ({ bid: b, price: Number(b.price), score: Number(b.criteria[0].score) }));
  const max = Number(result.bids[0]?.criteria[0]?.max) || 1;
  const lo = Math.min(...pts.map((p) => p.price));
  const hi = Math.max(...pts.map((p) => p.price));
  const W = 400;
  const H = 250;
  const [L, R, T, B] = [70, 20, 36, 52];
  const X = (v) => L + (hi === lo ? 0.5 : (v - lo) / (hi - lo)) * (W - L - R);
  const Y = (s) => T + (1 - s / max) * (H - T - B);
  const svg = h(
    'svg:svg.design-chart__svg',
    {
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-label': d.chartAlt,
      focusable: 'false',
    },
    h('svg:line.design-chart__grid', { x1: L, x2: W - R, y1: Y(max), y2: Y(max) }),
    h('svg:line.design-chart__axis', { x1: L, x2: W - R, y1: Y(0), y2: Y(0) }),
    h('svg:line.design-chart__axis', { x1: L, x2: L, y1: T, y2: Y(0) }),
    h(
      'svg:text.design-chart__tick',
      { x: L - 8, y: Y(max) + 5, 'text-anchor': 'end' },
      fmt.number(result.bids[0].criteria[0].max),
    ),
    h('svg:text.design-chart__tick', { x: L - 8, y: Y(0) + 5, 'text-anchor': 'end' }, '0'),
    h(
      'svg:text.design-chart__tick',
      { x: L, y: H - 28, 'text-anchor': 'start' },
      fmt.money(result.bids[0].price),
    ),
    h(
      'svg:text.design-chart__tick',
      { x: W - R, y: H - 28, 'text-anchor': 'end' },
      fmt.money(result.bids.at(-1).price),
    ),
    h(
      'svg:text.design-chart__label',
      { x: (L + W - R) / 2, y: H - 6, 'text-anchor': 'middle' },
      d.chartPrice,
    ),
    h('svg:text.design-chart__label', { x: L, y: T - 8, 'text-anchor': 'middle' }, d.chartScore),
  );
  const c0 = positive(ceiling);
  if (c0 && c0 >= lo && c0 <= hi) {
    svg.append(
      h('svg:line.design-chart__ceiling', { x1: X(c0), x2: X(c0), y1: T, y2: Y(0) }),
      h('svg:text.design-chart__tick', { x: X(c0) - 4, y: T + 12, 'text-anchor': 'end' }, d.chartCeiling),
    );
  }
  svg.append(
    h('svg:polyline.design-chart__line', {
      points: pts.map((p) => `${X(p.price).toFixed(1)},${Y(p.score).toFixed(1)}`).join(' '),
    }),
    ...pts.map((p) =>
      h('svg:circle', {
        class: `design-chart__dot${p.bid.status === 'ranked' ? '' : ' design-chart__dot--out'}`,
        cx: X(p.price).toFixed(1),
        cy: Y(p.score).toFixed(1),
        r: 4.5,
      }),
    ),
  );
  const caption = fill(d.chartTableCaption, { marks: fmt.number(result.bids[0].criteria[0].max) });
  return h(
    'figure.design-chart',
    { part: 'chart', 'data-price-chart': '' },
    svg,
    h('figcaption.body-s.secondary', d.chartKey),
    h(
      'details.design-more',
      h('summary', d.chartTableSummary),
      scrollingTable({
        caption,
        part: 'table price-chart',
        head: [c.cat.ui.price, c.cat.ui.score, c.cat.ui.status],
        rows: result.bids.map((b) => [
          fmt.money(b.price),
          fmt.number(b.criteria[0].score),
          c.cat.ui.statuses[b.status] ?? b.status,
        ]),
        notes: result.bids.map((b) => criterionWorking(c.cat, fmt, b.criteria[0])),
      }),
    ),
  );
}

export function priceSection(c) {
  const { d, fields, tender, cat } = c;
  const found = priceNode(tender);
  if (!found) {
    return {
      title: d.priceHeading,
      body: [
        h('p', d.noPrice),
        actionButton('add-price', d.addPrice, () => {
          tender.criteria ??= [];
          const at = tender.criteria.findIndex((n) => n.kind !== 'pass-fail');
          const i = at < 0 ? tender.criteria.length : at;
          tender.criteria.splice(i, 0, newLeaf(c, 'price', d.newPrice));
          c.structure(`[data-path="criteria[${i}].formula"][value="0"]`);
        }),
      ],
    };
  }
  const { node, path } = found;
  const formula = node.formula ?? 'lowest-ratio';
  const options = FORMULAS.map((f) => ({ value: f, label: d.formulaNames[f], hint: d.formulaHints[f] }));
  if (!FORMULAS.includes(formula)) options.push({ value: formula, label: String(formula) });
  const radios = fields.radios({
    path: `${path}.formula`,
    legend: d.formulaLegend,
    options,
    get: () => formula,
    set: (opt) => setOrDelete(node, 'formula', opt.value),
  });
  for (const input of radios.querySelectorAll('input')) {
    input.addEventListener('change', () => c.structure(`[data-path="${path}.formula"][value="${input.value}"]`));
  }
  const amount = (key, label, hint, width = 'input--w10') =>
    fields.text({
      path: `${path}.${key}`,
      label,
      hint,
      numeric: true,
      width,
      get: () => node[key],
      set: (v) => setOrDelete(node, key, amountOrNone(v)),
    });
  const params = [];
  if (formula === 'deviation-from-lowest') params.push(amount('zeroAt', d.zeroAtLabel, d.zeroAtHint, 'input--w5'));
  if (formula === 'set-bounds') {
    params.push(
      h(
        'div.row-fields',
        amount('best', d.bestPriceLabel, d.bestPriceHint),
        amount('worst', d.worstPriceLabel, d.worstPriceHint),
      ),
    );
  }
  if (formula === 'reference-ratio') {
    params.push(
      amount('reference', d.referencePriceLabel, d.referencePriceHint),
      fields.checkbox({
        path: `${path}.cap`,
        label: d.capLabel,
        get: () => node.cap !== false,
        set: (on) => setOrDelete(node, 'cap', on ? undefined : false),
      }),
    );
  }

  const words = h('div.design-words', { 'data-price-words': '' });
  const chart = h('div', { 'data-price-chart-area': '' });
  const example = h('div');
  let chartKey = '';
  const schedule = scheduleFields(c, node, path);

  function update(state) {
    schedule.update(state);
    const described = state.described;
    const p = described?.price;
    if (!p) {
      words.replaceChildren(h('p.secondary', d.priceWhenValid));
      chart.replaceChildren();
      example.replaceChildren();
      chartKey = '';
      return;
    }
    const { words: filled, equation } = priceText(cat, c.fmt, p);
    words.replaceChildren(
      ...(p.scored
        ? [
            h('h4.heading-s', cat.ui.priceWords),
            h('p', filled),
            h('h4.heading-s', cat.ui.priceEquation),
            h('p', h('code.equation', { 'data-equation': '' }, equation)),
            h(
              'div.warning-text.design-note',
              { 'data-relative': String(p.relative) },
              h('span.warning-text__icon', { 'aria-hidden': 'true' }, p.relative ? '!' : 'i'),
              h('p', p.relative ? d.relativeNote : d.absoluteNote),
            ),
          ]
        : []),
    );
    if (!p.scored) {
      // Other award methods: price is not scored; the engine works three bids through the method.
      chartKey = '';
      chart.replaceChildren(
        h('h4.heading-s', d.methodHeading),
        h('p', d.methods[described.method]?.words ?? described.methodDescription),
        described.methodExample.length
          ? scrollingTable({
              caption: d.methodExampleCaption,
              part: 'table design-method-example',
              head: [cat.ui.price, d.qualityColumn, d.valueColumn],
              rows: described.methodExample.map((e) => [
                c.fmt.money(e.price),
                scoreText(c.fmt, described.method, e.quality),
                valueText(c.fmt, described.method, e.value),
              ]),
              notes: described.methodExample.map((e) => exampleWorking(cat, c.fmt, e)),
            })
          : '',
      );
      example.replaceChildren();
      return;
    }
    const prices = chartPrices(tender, node);
    const scratch = chartTender(tender, node, prices);
    const key = JSON.stringify(scratch);
    if (key !== chartKey) {
      chartKey = key;
      let result = null;
      try {
        result = c.engine.evaluate(scratch);
      } catch {
        result = null;
      }
      chart.replaceChildren(
        h('h4.heading-s', d.chartHeading),
        h(
          'p.hint',
          p.relative
            ? fill(d.chartIntroRelative, { lowest: c.fmt.money(String(prices[0])), count: prices.length })
            : fill(d.chartIntro, { count: prices.length }),
        ),
        result ? chartFigure(c, result, node.ceiling) : h('p', d.priceWhenValid),
      );
    }
    example.replaceChildren(
      h('h4.heading-s', cat.ui.priceExample),
      h('p.hint', cat.ui.priceExampleNote),
      scrollingTable({
        caption: fill(cat.ui.priceExampleCaption, { marks: c.fmt.number(p.marks) }),
        part: 'table price-example',
        head: [cat.ui.supplier, cat.ui.price, cat.ui.score],
        rows: p.example.map((e, i) => [
          fill(cat.ui.exampleBid, { n: i + 1 }),
          c.fmt.money(e.price),
          c.fmt.number(e.score),
        ]),
        notes: p.example.map((e) => exampleWorking(cat, c.fmt, e)),
      }),
    );
  }

  return {
    title: d.priceHeading,
    body: h(
      'div',
      { 'data-context': fill(d.criterionContext, { name: node.name || node.id }) },
      !usesValue(tenderMethod(tender)) ? null : h('p.inset', d.priceNotScored),
      radios,
      params,
      h(
        'div.row-fields',
        amount('ceiling', d.ceilingLabel, d.ceilingHint),
        fields.radios({
          path: `${path}.aboveCeiling`,
          legend: d.aboveCeilingLegend,
          options: [
            { value: 'disqualify', label: d.aboveCeiling.disqualify },
            { value: 'zero', label: d.aboveCeiling.zero },
          ],
          get: () => node.aboveCeiling ?? 'disqualify',
          set: (opt) => setOrDelete(node, 'aboveCeiling', opt.value),
        }),
      ),
      schedule.nodes,
      words,
      chart,
      example,
    ),
    update,
  };
}
