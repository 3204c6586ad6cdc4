// Design mode: try the model on a few example bids before publishing. The bid fields and the
// results are the widget's own (ui/bid-form.js, ui/results.js); example bids are never published.
import { h } from '../ui/dom.js';
import { fill } from '../text/messages.js';
import { freshBidId, leaves, scalePoints } from '../ui/model.js';
import { commitmentFields, gateFields, priceField, removeBidButton, supplierField, valueField } from '../ui/bid-form.js';
import { breakdown, chart, rankingTable, warningsList } from '../ui/results.js';
import { actionButton } from './fields.js';
import { keyPath, marking, setOwn } from '../ui/fields.js';

/** The lot an example bid is for, when the tender has lots (spec §18). */
function lotField(c, bid, at) {
  const lots = c.tender.lots;
  if (!Array.isArray(lots) || !lots.length) return null;
  const options = lots.map((l) => ({ value: l.id, label: l.name || l.id }));
  if (bid.lot === undefined || !lots.some((l) => l.id === bid.lot)) {
    options.unshift({ value: bid.lot ?? null, label: bid.lot ?? c.d.noLotChosen });
  }
  return c.fields.select({
    path: `${at}.lot`,
    label: c.d.exampleLot,
    options,
    get: () => bid.lot,
    set: (opt) => {
      if (opt.value === null) delete bid.lot;
      else bid.lot = opt.value;
    },
  });
}

function scoreField(c, bid, at, crit) {
  const { d, fields, tender } = c;
  const path = `${keyPath(`${at}.scores`, crit.id)}.moderated`;
  // Only the moderated score is set here; evaluators' scores and rationale from a file stay.
  const set = (value) => {
    bid.scores ??= {};
    const s = { ...(marking(bid, crit.id) ?? {}) };
    if (value === undefined) delete s.moderated;
    else s.moderated = value;
    if (Object.keys(s).length) setOwn(bid.scores, crit.id, s);
    else delete bid.scores[crit.id];
    if (!Object.keys(bid.scores).length) delete bid.scores;
  };
  const points = scalePoints(tender, crit.scale);
  if (!points.length) {
    return fields.text({
      path,
      label: fill(d.exampleScore, { name: crit.name || crit.id }),
      numeric: true,
      width: 'input--w5',
      get: () => marking(bid, crit.id)?.moderated,
      set: (v) => set(v.trim() === '' ? undefined : v.trim()),
    });
  }
  return fields.select({
    path,
    label: fill(d.exampleScore, { name: crit.name || crit.id }),
    options: [
      { value: null, label: c.cat.ui.notScoredYet },
      ...points.map((p) => ({ value: p.value, label: `${c.fmt.number(String(p.value))} – ${p.label ?? ''}` })),
    ],
    get: () => marking(bid, crit.id)?.moderated,
    set: (opt) => set(opt.value === null ? undefined : opt.value),
  });
}

export function trySection(c) {
  const { d, tender } = c;
  const bids = tender.bids ?? [];
  const editors = bids.map((bid, i) => {
    const at = `bids[${i}]`;
    const name = bid.supplier || fill(d.exampleBidName, { n: i + 1 });
    return h(
      'li.design-card',
      { 'data-context': fill(d.bidContext, { name }), 'data-bid-editor': bid.id },
      h('h4.heading-s', name),
      supplierField(c, bid, at),
      lotField(c, bid, at),
      priceField(c, bid, at),
      gateFields(c, bid, at),
      leaves(tender).map((crit) => {
        if (crit.kind === 'scored') return scoreField(c, bid, at, crit);
        if (crit.kind === 'numeric') return valueField(c, bid, at, crit);
        if (crit.kind === 'measures') return commitmentFields(c, bid, at, crit);
        return null;
      }),
      removeBidButton(c, i, name, '[data-action="add-bid"]'),
    );
  });
  const add = actionButton('add-bid', d.addBid, () => {
    tender.bids ??= [];
    const bid = { id: freshBidId(tender, 'example'), supplier: fill(d.exampleBidName, { n: tender.bids.length + 1 }) };
    if (tender.lots?.[0]?.id !== undefined) bid.lot = tender.lots[0].id;
    tender.bids.push(bid);
    c.structure(`[data-path="bids[${tender.bids.length - 1}].supplier"]`, { select: true });
  });
  const results = h('div', { 'data-try-results': '', part: 'results' });

  return {
    title: d.tryHeading,
    body: [h('p', d.tryIntro), editors.length ? h('ul.design-cards', editors) : null, add, results],
    update(state) {
      if (!bids.length) {
        results.replaceChildren();
        return;
      }
      const r = state.evaluation;
      if (!r) {
        results.replaceChildren(h('p.inset', d.tryWhenValid));
        return;
      }
      results.replaceChildren(
        h('h4.heading-s', c.cat.ui.rankingHeading),
        rankingTable(c, r),
        chart(c, r),
        h('h4.heading-s', c.cat.ui.breakdownHeading),
        ...r.bids.map((b) => breakdown(c, b, { headingLevel: 'h5' })),
        h('h4.heading-s', c.cat.ui.warningsHeading),
        warningsList(c, r.warnings),
      );
    },
  };
}
