// Publish mode: the evaluation model as a supplier reads it in the tender documents.
import { h, scroller, scrollingTable } from './dom.js';
import { fill } from './messages.js';
import { leaves, measureById, walk, scalePoints } from './model.js';
import { warningsList } from './results.js';
import { modelCheck } from './analysis-panel.js';

/**
 * A tender holding only the price criterion and three invented bids, for the engine to score as a
 * worked example. The invented prices are inputs, not scores: 80%, 90% and 100% of a round figure
 * the buyer has given (the contract value, the ceiling or the formula's own bounds).
 */
export function priceExampleTender(tender) {
  const price = leaves(tender).find((c) => c.kind === 'price');
  if (!price) return null;
  const known = [tender.tender?.contractValue, price.ceiling, price.reference, price.worst, price.best]
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);
  const base = known.length ? Math.min(...known) : 100000;
  const prices = [0.8, 0.9, 1].map((f) => String(Math.round(base * f)));
  return {
    format: tender.format,
    tender: { title: 'Example', currency: tender.tender?.currency ?? 'GBP' },
    rounding: tender.rounding,
    criteria: [{ ...price, weight: price.weight ?? 1 }],
    bids: prices.map((p, i) => ({ id: `example-${i + 1}`, supplier: `Example bid ${i + 1}`, price: p })),
  };
}

export function renderPublish(ctx, { modelResult, exampleResult }) {
  const { cat, fmt, tender } = ctx;
  const ui = cat.ui;
  const out = [];

  // Criteria tree with marks.
  const total = modelResult ? fmt.number(modelResult.maxTotal) : '';
  const rows = walk(tender.criteria)
    .filter(({ c }) => c.kind !== 'pass-fail')
    .flatMap(({ c, depth }, i) => {
      const id = `crit-${ctx.uid}-${i}`;
      const question = c.question ?? c.description;
      return [
        h(
          'tr',
          { class: [depth ? 'nested' : '', question ? 'has-note' : ''].join(' ').trim() || null },
          h('th', { scope: 'row', id }, depth ? '— '.repeat(depth) : '', c.name),
          h('td', { class: 'num' }, c.weight === undefined ? '' : fmt.number(String(c.weight))),
        ),
        question
          ? h(
              'tr',
              { class: `note-row${depth ? ' nested' : ''}` },
              h('td', { colspan: 2, headers: id, class: 'question' }, question),
            )
          : null,
      ];
    });
  const criteriaCaption = fill(ui.criteriaCaption, { total });
  out.push(
    h('h3', { class: 'heading-m' }, ui.modelHeading),
    scroller(
      criteriaCaption,
      h(
        'table',
        { class: 'table', part: 'table criteria' },
        h('caption', { class: 'caption' }, criteriaCaption),
        h(
          'thead',
          {},
          h('tr', {}, h('th', { scope: 'col' }, ui.criterion), h('th', { scope: 'col', class: 'num' }, ui.marks)),
        ),
        h('tbody', {}, rows),
      ),
    ),
  );

  // Price formula in words, as an equation, and scored by the engine on invented prices.
  const price = leaves(tender).find((c) => c.kind === 'price');
  if (price) {
    const f = cat.formulas[price.formula ?? 'lowest-ratio'];
    const params = {
      zeroAt: price.zeroAt,
      best: price.best === undefined ? undefined : fmt.money(String(price.best)),
      worst: price.worst === undefined ? undefined : fmt.money(String(price.worst)),
      reference: price.reference === undefined ? undefined : fmt.money(String(price.reference)),
    };
    out.push(h('h3', { class: 'heading-m' }, ui.priceHeading));
    if (f) {
      out.push(
        h('h4', { class: 'heading-s' }, ui.priceWords),
        h('p', {}, fill(f.words, params)),
        h('h4', { class: 'heading-s' }, ui.priceEquation),
        h('p', {}, h('code', { class: 'equation' }, fill(f.equation, params))),
      );
    }
    if (exampleResult) {
      const caption = fill(ui.priceExampleCaption, { marks: fmt.number(String(price.weight ?? '')) });
      out.push(
        h('h4', { class: 'heading-s' }, ui.priceExample),
        h('p', { class: 'hint' }, ui.priceExampleNote),
        scrollingTable({
          caption,
          part: 'table price-example',
          head: [ui.supplier, ui.price, ui.score],
          rows: exampleResult.bids.map((b, i) => [
            fill(ui.exampleBid, { n: i + 1 }),
            fmt.money(b.price),
            fmt.number(b.criteria.find((x) => x.kind === 'price')?.score) || ui.notScored,
          ]),
          notes: exampleResult.bids.map((b) => b.criteria.find((x) => x.kind === 'price')?.working ?? ''),
        }),
      );
    }
  }

  // What disqualifies a bid.
  const rules = [];
  for (const c of leaves(tender)) {
    if (c.kind === 'pass-fail') rules.push(fill(ui.gateItem, { name: c.name }));
    if (c.kind === 'scored' && c.threshold !== undefined) {
      rules.push(fill(ui.thresholdItem, { threshold: fmt.number(String(c.threshold)), name: c.name }));
    }
    if (c.kind === 'price' && c.ceiling !== undefined && (c.aboveCeiling ?? 'disqualify') === 'disqualify') {
      rules.push(fill(ui.ceilingItem, { ceiling: fmt.money(String(c.ceiling)) }));
    }
  }
  out.push(
    h('h3', { class: 'heading-m' }, ui.disqualifyHeading),
    rules.length
      ? h(
          'ul',
          { class: 'list', part: 'disqualify' },
          rules.map((r) => h('li', {}, r)),
        )
      : h('p', {}, ui.nothingDisqualifies),
  );
  if (price?.ceiling !== undefined && price.aboveCeiling === 'zero') {
    out.push(h('p', {}, fill(ui.ceilingZero, { ceiling: fmt.money(String(price.ceiling)) })));
  }

  // Scales with every descriptor.
  const usedScales = [
    ...new Set(
      leaves(tender)
        .filter((c) => c.kind === 'scored')
        .map((c) => c.scale),
    ),
  ];
  if (usedScales.length) {
    out.push(h('h3', { class: 'heading-m' }, ui.scalesHeading));
    for (const name of usedScales) {
      const caption = fill(ui.scaleCaption, { scale: name });
      const points = scalePoints(tender, name);
      const s = tender.scales?.[name] ?? {};
      out.push(
        points.length
          ? scrollingTable({
              caption,
              part: 'table scale',
              head: [ui.scaleValue, ui.scaleLabel, ui.scaleDescriptor],
              rows: points.map((p) => [fmt.number(String(p.value)), p.label ?? '', p.descriptor ?? '']),
            })
          : h('p', {}, caption, ': ', `${s.from} – ${s.to}`),
      );
    }
  }

  // Social value measures.
  if (tender.measures?.length) {
    out.push(h('h3', { class: 'heading-m' }, ui.measuresHeading));
    out.push(
      scrollingTable({
        caption: ui.measuresCaption,
        part: 'table measures',
        head: [ui.measure, ui.unit, ui.proxy, ui.source],
        rows: tender.measures.map((m) => [
          measureById(tender, m.id)?.name ?? m.id,
          m.unit ?? '',
          fmt.money(String(m.proxy)),
          m.source ?? ui.notStated,
        ]),
      }),
    );
  }

  // Ties and rounding.
  const byId = new Map(walk(tender.criteria).map(({ c }) => [c.id, c]));
  const tie = (tender.tieBreak ?? []).map((rule) => {
    if (rule === 'price') return ui.tieBreak.price;
    const [kind, id] = rule.split(':');
    return fill(ui.tieBreak[kind] ?? rule, { name: byId.get(id)?.name ?? id });
  });
  out.push(
    h('h3', { class: 'heading-m' }, ui.rulesHeading),
    tie.length
      ? [
          h('p', {}, ui.tieBreakIntro),
          h(
            'ol',
            { class: 'list' },
            tie.map((t) => h('li', {}, t)),
          ),
        ]
      : h('p', {}, ui.noTieBreak),
    modelResult
      ? h('p', {}, fill(ui.rounding[modelResult.roundingStage] ?? '', { decimals: modelResult.decimals }))
      : null,
  );

  // The buyer's warnings about the model itself.
  if (modelResult) {
    out.push(h('h3', { class: 'heading-m' }, ui.buyerWarningsHeading), warningsList(ctx, modelResult.warnings));
  }
  out.push(modelCheck(ctx));
  return h('div', { class: 'publish', part: 'publish' }, out);
}
