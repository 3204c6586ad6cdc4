// Publish mode: the evaluation model as a supplier reads it in the tender documents. Every figure
// (marks, shares of the total, the price equation, the worked examples) comes from the engine's
// published model, `describe(tender)`. Suppliers see this mode, so it never holds the file's bids:
// the element works on `modelOnly(tender)`, and nothing here shows, analyses or exports a bid
// (buyers try their model on example bids in design mode).
import { h, scroller, scrollingTable } from '../ui/dom.js';
import { engineText, fill, scheduleWords, sentence } from '../text/messages.js';
import { walk } from '../ui/model.js';
import { lineNotes } from '../ui/bid-form.js';
import { methodText, methodWords, scoreText, tieRuleText, usesValue, valueText } from '../text/award.js';
import { priceText } from '../text/price.js';
import { criterionWorking, exampleWorking } from '../text/workings.js';

/** The tender without its bids: all that publish mode shows, prints or downloads. */
export function modelOnly(tender) {
  if (!tender || typeof tender !== 'object') return tender;
  const { bids, ...model } = tender;
  return model;
}

/** Depth-first rows of the published criteria tree. */
function modelRows(nodes, depth = 0, out = []) {
  for (const n of nodes) {
    out.push({ n, depth });
    modelRows(n.children, depth + 1, out);
  }
  return out;
}

/** The abnormally low rule from its params (percent, and the proximity test's when it has one). */
function abnormallyLowRule(ui, fmt, p) {
  const [withProximity, alone] = ui.abnormallyLowRule;
  if (p.proximityPercent === undefined) return fill(alone, p);
  return fill(withProximity, {
    ...p,
    proximityMin: p.proximityMin === undefined ? ui.proximityNoMin : fmt.money(p.proximityMin),
    proximityMax: p.proximityMax === undefined ? ui.proximityNoMax : fmt.money(p.proximityMax),
  });
}

/** The award method in words, as an equation, and worked through the engine's three made-up bids. */
function methodSection(ctx, model) {
  const { cat, fmt, tender } = ctx;
  const ui = cat.ui;
  const a = cat.award;
  const m = methodText(cat, model.method);
  const max = scoreText(fmt, model.method, model.maxTotal);
  const out = [
    h('h3.heading-m', a.methodHeading),
    h(
      'p',
      { 'data-method': model.method },
      methodWords(cat, ctx.locale, model.method, tender.award, max, model.methodDescription),
    ),
  ];
  if (m) {
    out.push(
      h('h4.heading-s', a.methodEquation),
      h('p', h('code.equation', m.equation)),
    );
  }
  if (m && model.methodExample.length) {
    out.push(
      h('h4.heading-s', a.methodExample),
      h('p.hint', a.methodExampleNote),
      scrollingTable({
        caption: a.methodExampleCaption,
        part: 'table method-example',
        head: [ui.supplier, ui.price, m.total, m.value],
        rows: model.methodExample.map((b, i) => [
          fill(ui.exampleBid, { n: i + 1 }),
          fmt.money(b.price),
          scoreText(fmt, model.method, b.quality),
          valueText(fmt, model.method, b.value),
        ]),
        notes: model.methodExample.map((b) => exampleWorking(cat, fmt, b)),
      }),
    );
  }
  return out;
}

/**
 * The price schedule: every line with its unit, estimated quantity and kind, how the rates make
 * the evaluated price (worded from its lines), and, for whole-life cost, each year's factor.
 */
function scheduleSection(ctx, schedule) {
  const { fmt } = ctx;
  const ui = ctx.cat.ui;
  const life = schedule.lifeCycle;
  return [
    h('h3.heading-m', ui.scheduleHeading),
    h('p', sentence(scheduleWords(ctx.cat, fmt, schedule)), '.'),
    scrollingTable({
      caption: ui.scheduleCaption,
      part: 'table schedule',
      head: [ui.line, ui.unit, ui.estimatedQuantity],
      rows: schedule.lines.map((l) => [l.name, l.unit ?? '', fmt.number(l.quantity)]),
      // What sets a line apart (income, optional, yearly, a maximum) in a note under it, so the
      // table stays narrow enough for a phone; a plain cost line needs none.
      notes: schedule.lines.map((l) => lineNotes(ctx, l)),
    }),
    life
      ? scrollingTable({
          caption: fill(ui.lifeCycleCaption, { years: fmt.integer(life.years), rate: fmt.percent(life.discountRate) }),
          part: 'table life-cycle',
          head: [ui.year, ui.factor],
          rows: life.factors.map((f, i) => [fmt.integer(i + 1), fmt.number(f)]),
        })
      : null,
  ];
}

/**
 * Three made-up offers of social value for a measures criterion, scored by the engine: a scratch
 * tender holding the criterion alone, valued through one made-up measure worth £1 a unit, and one
 * bid per offer. The offers are inputs, not scores, in whole amounts: 10%, 6% and 4% of a typical
 * price (the contract value, else £100,000) against the highest; as a share of price, 10% of it
 * on that price, 6% on 80% of it and 6% on 120% of it; half the target, the target and half again.
 * Each comes back with the engine's working, as an evaluation writes it; none when it cannot be.
 */
function madeUpOffers(ctx, c, scoring, marks) {
  const { tender } = ctx;
  const base = Math.round(Number(tender.tender?.contractValue ?? 100000));
  const target = Number(c.target);
  const of = (share, whole) => String(Math.round((whole * share) / 100));
  const offers =
    scoring === 'target'
      ? [50, 100, 150].map((n) => ({ sv: String(Math.round(target * n) / 100) }))
      : scoring === 'relative-to-highest-percent'
        ? [
            [100, 10],
            [80, 6],
            [120, 6],
          ].map(([p, n]) => ({ price: of(p, base), sv: of(n, base) }))
        : [10, 6, 4].map((n) => ({ sv: of(n, base) }));
  const criterion = { id: 'sv', kind: 'measures', name: c.name, weight: marks, measures: ['sv'], svScoring: scoring };
  if (scoring === 'target') criterion.target = c.target;
  const scratch = {
    format: 'bidscore/1',
    tender: { title: 'Social value example', currency: tender.tender?.currency ?? 'GBP' },
    rounding: tender.rounding,
    measures: [{ id: 'sv', name: 'Social value', unit: '£', proxy: '1' }],
    criteria: [criterion],
    bids: offers.map((o, i) => {
      const bid = { id: `offer-${i + 1}`, supplier: `Made-up bid ${i + 1}`, commitments: { sv: o.sv } };
      if (o.price) bid.price = o.price;
      return bid;
    }),
  };
  try {
    const bids = ctx.engine.evaluate(scratch).bids;
    return bids.map((b) => ({ ...b.criteria[0], price: b.price, socialValue: b.socialValue.money }));
  } catch {
    return [];
  }
}

/**
 * How each social value criterion turns commitments into marks, as evaluators see it in every
 * bid's working: the rule in words and as an equation, and made-up offers the engine scored.
 */
function socialValueSection(ctx, model) {
  const { cat, fmt, tender } = ctx;
  const ui = cat.ui;
  const rules = walk(tender.criteria).filter(({ c }) => c.kind === 'measures');
  if (!rules.length) return [];
  const names = new Map(model.measures.map((m) => [m.id, m.name]));
  const nodes = new Map(modelRows(model.criteria).map(({ n }) => [n.id, n]));
  return [
    h('h3.heading-m', ui.svRuleHeading),
    rules.map(({ c }) => {
      const scoring = cat.svRules[c.svScoring] ? c.svScoring : 'relative-to-highest';
      const words = cat.svRules[scoring];
      const raw = nodes.get(c.id)?.marks;
      const marks = scoreText(fmt, model.method, raw);
      const target = c.target === undefined || c.target === null ? '' : fmt.money(String(c.target));
      const offers = madeUpOffers(ctx, c, scoring, raw);
      const asShare = scoring === 'relative-to-highest-percent';
      const measures = Array.isArray(c.measures) ? c.measures : [];
      return h(
        'section',
        { 'data-sv-rule': c.id, 'data-scoring': scoring },
        h(
          'h4.heading-s',
          model.method === 'fictitious-discount'
            ? fill(cat.award.criterionWorth, { name: c.name, value: marks })
            : fill(ui.svRuleFor, { name: c.name, marks }),
        ),
        h('p', fill(words.words, { target })),
        h('p', fill(ui.svRuleMeasures, { measures: measures.map((id) => names.get(id) ?? id).join(', ') })),
        h('p', h('code.equation', fill(words.equation, { marks: raw, target }))),
        offers.length
          ? [
              h('p.hint', ui.svExampleNote),
              scrollingTable({
                caption: fill(ui.svExampleCaption, { name: c.name, marks }),
                part: 'table sv-example',
                head: [ui.supplier, ...(asShare ? [ui.price] : []), ui.socialValueMoney, ui.score],
                rows: offers.map((e, i) => [
                  fill(ui.exampleBid, { n: i + 1 }),
                  ...(asShare ? [fmt.money(e.price)] : []),
                  fmt.money(e.socialValue),
                  fmt.number(e.score),
                ]),
                notes: offers.map((e) => criterionWorking(cat, fmt, e)),
              }),
            ]
          : null,
      );
    }),
  ];
}

export function renderPublish(ctx, { modelResult, model }) {
  const { cat, fmt, tender } = ctx;
  const ui = cat.ui;
  const out = [];
  const method = model.method;
  const price = model.price;

  // Criteria tree with marks (or, under the fictitious discount, money) and shares of the total.
  const total = scoreText(fmt, method, model.maxTotal);
  const rows = modelRows(model.criteria)
    .filter(({ n }) => n.kind !== 'pass-fail')
    .flatMap(({ n, depth }, i) => {
      const id = `crit-${ctx.uid}-${i}`;
      const notMarked = n.kind === 'price' && price && !price.scored;
      return [
        h(
          'tr',
          { class: [depth ? 'nested' : '', n.description ? 'has-note' : ''].join(' ').trim() || null, 'data-node': n.id },
          h('th', { scope: 'row', id }, depth ? '— '.repeat(depth) : '', n.name),
          h('td.num', { 'data-marks': n.marks }, notMarked ? ui.notMarked : scoreText(fmt, method, n.marks)),
          h(
            'td.num',
            { 'data-share': n.sharePercent },
            notMarked ? '' : fill(ui.shareOfTotal, { share: fmt.number(n.sharePercent) }),
          ),
        ),
        n.description
          ? h(
              'tr',
              { class: `note-row${depth ? ' nested' : ''}` },
              h('td.question', { colspan: 3, headers: id }, n.description),
            )
          : null,
      ];
    });
  const criteriaCaption = fill(cat.award.criteriaCaption[method] ?? ui.criteriaCaption, { total });
  out.push(
    h('h3.heading-m', ui.modelHeading),
    scroller(
      criteriaCaption,
      h(
        'table.table',
        { part: 'table criteria' },
        h('caption.caption', criteriaCaption),
        h(
          'thead',
          h(
            'tr',
            h('th', { scope: 'col' }, ui.criterion),
            h('th.num', { scope: 'col' }, cat.award.marksHeading[method] ?? ui.marks),
            h('th.num', { scope: 'col' }, ui.share),
          ),
        ),
        h('tbody', rows),
      ),
    ),
  );

  // Lots: the same model for each, every lot evaluated on its own.
  if (model.lots?.length) {
    out.push(
      h('h3.heading-m', ui.lotsHeading),
      h('p', ui.lotsIntro),
      h(
        'ul.list',
        { part: 'lots' },
        model.lots.map((l) =>
          h('li', { 'data-lot': l.id }, h('strong', l.name), l.description ? `: ${l.description}` : ''),
        ),
      ),
    );
  }

  // Under another award method price has no marks: the method decides, so it comes next.
  if (usesValue(method)) {
    out.push(...methodSection(ctx, model));
  }

  // The price schedule: the lines bids price and how their rates make the evaluated price.
  if (price?.schedule) out.push(...scheduleSection(ctx, price.schedule));

  // Price formula in words, as an equation, and scored by the engine on invented prices.
  if (price?.scored) {
    const { words, equation } = priceText(cat, fmt, price);
    out.push(
      h('h3.heading-m', ui.priceHeading),
      h('h4.heading-s', ui.priceWords),
      h('p', words),
      h('h4.heading-s', ui.priceEquation),
      h('p', h('code.equation', equation)),
    );
    if (price.example.length) {
      const caption = fill(ui.priceExampleCaption, { marks: fmt.number(price.marks) });
      out.push(
        h('h4.heading-s', ui.priceExample),
        h('p.hint', ui.priceExampleNote),
        scrollingTable({
          caption,
          part: 'table price-example',
          head: [ui.supplier, ui.price, ui.score],
          rows: price.example.map((b, i) => [fill(ui.exampleBid, { n: i + 1 }), fmt.money(b.price), fmt.number(b.score)]),
          notes: price.example.map((b) => exampleWorking(cat, fmt, b)),
        }),
      );
    }
  }

  // What disqualifies a bid.
  const rules = [
    ...model.gates.map((g) => fill(ui.gateItem, { name: g.name })),
    ...model.thresholds.map((t) => fill(ui.thresholdItem, { threshold: fmt.number(t.threshold), name: t.name })),
    ...(model.thresholdRules ?? []).map((r) => engineText(cat, 'thresholdRules', r)),
  ];
  if (price?.ceiling !== null && price?.ceiling !== undefined && price.aboveCeiling !== 'zero') {
    rules.push(fill(ui.ceilingItem, { ceiling: fmt.money(price.ceiling) }));
  }
  const capped = (price?.schedule?.lines ?? []).filter((l) => l.max !== null);
  if (price?.schedule?.aboveMax === 'disqualify') {
    rules.push(...capped.map((l) => fill(ui.lineMaxItem, { line: l.name, max: fmt.money(l.max) })));
  }
  if (method === 'price-per-quality-point') rules.push(cat.award.noQualityPoints);
  out.push(
    h('h3.heading-m', ui.disqualifyHeading),
    rules.length
      ? h(
          'ul.list',
          { part: 'disqualify' },
          rules.map((r) => h('li', r)),
        )
      : h('p', ui.nothingDisqualifies),
  );
  if (price?.ceiling !== null && price?.ceiling !== undefined && price.aboveCeiling === 'zero') {
    out.push(h('p', fill(ui.ceilingZero, { ceiling: fmt.money(price.ceiling) })));
  }
  if (capped.length && price.schedule.aboveMax === 'zero') out.push(h('p', ui.lineMaxZero));

  // Scales with every descriptor.
  if (model.scales.length) {
    out.push(h('h3.heading-m', ui.scalesHeading));
    for (const scale of model.scales) {
      const caption = fill(ui.scaleCaption, { scale: scale.name });
      out.push(
        scale.points.length
          ? scrollingTable({
              caption,
              part: 'table scale',
              head: [ui.scaleValue, ui.scaleLabel, ui.scaleDescriptor],
              rows: scale.points.map((p) => [fmt.number(p.value), p.label ?? '', p.descriptor ?? '']),
            })
          : h('p', caption, ': ', `${fmt.number(scale.range?.[0])} – ${fmt.number(scale.range?.[1] ?? scale.top)}`),
      );
    }
  }

  // Social value measures.
  if (model.measures.length) {
    out.push(h('h3.heading-m', ui.measuresHeading));
    out.push(
      scrollingTable({
        caption: ui.measuresCaption,
        part: 'table measures',
        head: [ui.measure, ui.unit, ui.proxy, ui.source],
        rows: model.measures.map((m) => [m.name, m.unit, fmt.money(m.proxy), m.source ?? ui.notStated]),
      }),
    );
  }

  out.push(...socialValueSection(ctx, model));

  // Ties and rounding.
  const byId = new Map(walk(tender.criteria).map(({ c }) => [c.id, c]));
  const tie = (tender.tieBreak ?? []).map((rule) =>
    tieRuleText(ui, rule, (id) => byId.get(id)?.name, tender.tieDrawSeed, fill(ui.tieBreak.draw, { seed: '' })),
  );
  out.push(
    h('h3.heading-m', ui.rulesHeading),
    tie.length
      ? [
          h('p', ui.tieBreakIntro),
          h(
            'ol.list',
            tie.map((t) => h('li', t)),
          ),
        ]
      : h('p', ui.noTieBreak),
    modelResult
      ? h('p', fill(ui.rounding[modelResult.roundingStage] ?? '', { decimals: modelResult.decimals }))
      : null,
  );

  // How an abnormally low price is treated, with the tender's figures.
  if (model.abnormallyLow) {
    out.push(
      h('h3.heading-m', ui.abnormallyLowHeading),
      h('p', { 'data-abnormally-low': '' }, abnormallyLowRule(ui, fmt, model.abnormallyLow.params)),
    );
  }
  // The engine's notes on the model itself (marks not adding up to 100, social value under the
  // 10% minimum, a draw seed not used) are for the buyer, who sees them in design mode: not here.
  return h('div.publish', { part: 'publish' }, out);
}
