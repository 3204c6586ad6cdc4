// Self-assess mode: a supplier fills in their own bid, may add "what if" rival bids, and sees their
// total, breakdown and rank. The supplier's own bid has the id OWN_ID; rivals are hypothetical bids.
import { h } from '../ui/dom.js';
import { fill } from '../text/messages.js';
import { lifeCycleOf, priceWorking } from '../text/workings.js';
import { leaves, scalePoints, copy, freshBidId } from '../ui/model.js';
import { breakdown, chart, lotResult, messageList, rankingTable } from '../ui/results.js';
import {
  commitmentFields,
  expectedScoreField,
  gateFields,
  lotField,
  priceField,
  scheduleLines,
  supplierField,
  valueField,
  removeBidButton,
} from '../ui/bid-form.js';
import { yourTotal, yourValue } from '../text/award.js';
import { keyPath, marking, setOwn } from '../ui/fields.js';
import { selfAssessAnalysis } from '../analysis/panels.js';

const OWN_ID = 'your-bid';

/** The tender a supplier works on: the model, their own bid and their "what if" bids only. */
export function selfAssessTender(tender, cat) {
  const t = copy(tender);
  const bids = t.bids ?? [];
  const own = bids.find((b) => b.id === OWN_ID) ?? { id: OWN_ID, supplier: cat.ui.yourOrganisation };
  // A tender in lots needs the lot each bid is for: a new bid starts in the first, which the
  // supplier can change.
  if (own.lot === undefined && Array.isArray(t.lots) && t.lots.length) own.lot = t.lots[0].id;
  t.bids = [own, ...bids.filter((b) => b.hypothetical === true && b.id !== OWN_ID)];
  return t;
}

function scoredFields(ctx, bid, at, makeField) {
  return leaves(ctx.tender).map((c) => {
    if (c.kind === 'scored') return makeField(c);
    if (c.kind === 'numeric') return valueField(ctx, bid, at, c);
    if (c.kind === 'measures') return commitmentFields(ctx, bid, at, c);
    return null;
  });
}

function whatIfEditor(ctx, bid, index) {
  const { ui } = ctx.cat;
  const at = `bids[${index}]`;
  return h(
    'div.bid.bid__body',
    { 'data-bid-editor': bid.id },
    h('h4.heading-s', fill(ui.whatIfName, { n: index })),
    supplierField(ctx, bid, at),
    lotField(ctx, bid, at),
    priceField(ctx, bid, at),
    scoredFields(ctx, bid, at, (c) =>
      ctx.fields.select({
        path: `${keyPath(`${at}.scores`, c.id)}.moderated`,
        label: `${c.name}: ${ui.expectedScore}`,
        options: [
          { value: null, label: ui.notScoredYet },
          ...scalePoints(ctx.tender, c.scale).map((p) => ({
            value: p.value,
            label: `${ctx.fmt.number(String(p.value))} – ${p.label ?? ''}`,
          })),
        ],
        get: () => marking(bid, c.id)?.moderated,
        set: (opt) => {
          bid.scores ??= {};
          if (opt.value === null) delete bid.scores[c.id];
          else setOwn(bid.scores, c.id, { moderated: opt.value });
        },
      }),
    ),
    removeBidButton(ctx, index, bid.supplier || fill(ui.whatIfName, { n: index })),
  );
}

/**
 * The supplier's result at a glance. A qualifying bid shows its total (and rank) on green; a bid
 * the model would disqualify says so first, on red, with the engine's reasons and no total; an
 * incomplete bid shows its total so far on a neutral panel (the breakdown lists what is missing).
 */
function totalPanel(ctx, result, mine) {
  const { ui } = ctx.cat;
  const ranked = result.ranking.length;
  if (mine.status === 'disqualified') {
    return h(
      'div.total-panel.total-panel--disqualified',
      { part: 'total', 'data-status': mine.status },
      h('span.total-panel__figure', { 'data-own-total': '' }, ui.notQualifying),
      h('p', ui.notQualifyingIntro),
      messageList(ctx, 'reasons', mine.reasons),
    );
  }
  return h(
    'div',
    { class: `total-panel total-panel--${mine.status}`, part: 'total', 'data-status': mine.status },
    mine.status === 'incomplete' ? h('span.total-panel__value', ui.notComplete) : null,
    h('span.total-panel__figure', { 'data-own-total': '' }, yourTotal(ctx, result, mine)),
    yourValue(ctx, result, mine)
      ? h('span.total-panel__value', { 'data-own-value': mine.value }, yourValue(ctx, result, mine))
      : null,
    mine.rank === null
      ? null
      : h('span', fill(ui.yourRank, { rank: ctx.fmt.integer(mine.rank), count: ctx.fmt.integer(ranked) })),
  );
}

export function renderSelfAssess(ctx) {
  const { ui } = ctx.cat;
  const own = ctx.tender.bids[0];
  const at = 'bids[0]';
  // Social value and (under a price schedule) the evaluated price as the bid is typed. Not live
  // regions of their own: the widget's one live region says them when they change (announce).
  const sv = h('p.inset', { 'data-sv': '' }, ui.svPending);
  const priced = scheduleLines(ctx.tender)
    ? h('div.inset', { 'data-evaluated-price': '' }, h('p', ui.evaluatedPricePending))
    : null;
  // A copy of the total that stays in view while the form is scrolled; screen readers hear the
  // total from the live region instead.
  const sticky = h('p.sticky-total', { 'aria-hidden': 'true', part: 'sticky-total' });
  let lastTotal = '';

  const form = h(
    'form.section',
    { part: 'form', novalidate: true, on: { submit: (e) => e.preventDefault() } },
    h('h3.heading-m', ui.yourBidHeading),
    h('p.secondary', ui.privacy),
    supplierField(ctx, own, at),
    lotField(ctx, own, at),
    priceField(ctx, own, at),
    priced,
    gateFields(ctx, own, at),
    scoredFields(ctx, own, at, (c) => expectedScoreField(ctx, own, at, c)),
    sv,
    h('h3.heading-m', ui.whatIfHeading),
    h('p', ui.whatIfIntro),
    ctx.tender.bids.slice(1).map((b, i) => whatIfEditor(ctx, b, i + 1)),
    h(
      'button.button.button--secondary',
      {
        type: 'button',
        'data-action': 'add-what-if',
        on: {
          click: () => {
            const rival = copy(own);
            rival.id = freshBidId(ctx.tender, 'what-if');
            rival.supplier = fill(ui.whatIfName, { n: ctx.tender.bids.length });
            rival.hypothetical = true;
            delete rival.note;
            ctx.tender.bids.push(rival);
            ctx.structure(`[data-bid-editor="${rival.id}"] input`);
          },
        },
      },
      ui.addWhatIf,
    ),
    sticky,
  );

  // Never let the sticky total hide the field that has focus (WCAG 2.4.11).
  form.addEventListener('focusin', (e) => {
    const bar = sticky.getBoundingClientRect();
    const target = e.target.getBoundingClientRect();
    if (bar.height && target.bottom > bar.top && target.top < bar.bottom) {
      e.target.scrollIntoView({ block: 'center' });
    }
  });

  const results = h('div.section', { part: 'results', 'data-results': '' });
  const analysis = selfAssessAnalysis(ctx, OWN_ID);

  function update(all, text) {
    const mine = all.bids.find((b) => b.id === OWN_ID) ?? all.bids[0];
    if (!mine) return;
    // With lots, the supplier's own lot: its bids, its ranking and its analysis.
    const result = lotResult(all, mine.lot);
    analysis.update(result, text);
    if (priced) {
      const fmtPrice = ctx.fmt.money(mine.price);
      priced.replaceChildren(
        h('p', mine.price === null ? ui.evaluatedPricePending : fill(ui.evaluatedPrice, { price: fmtPrice })),
        mine.priceWorking ? h('p.working', priceWorking(ctx.cat, ctx.fmt, mine, lifeCycleOf(ctx.tender))) : null,
      );
    }
    const s = mine.socialValue;
    sv.textContent = !s
      ? ui.svPending
      : s.percentOfPrice === null
        ? fill(ui.svSummaryNoPrice, { money: ctx.fmt.money(s.money) })
        : fill(ui.svSummary, { money: ctx.fmt.money(s.money), percent: ctx.fmt.number(s.percentOfPrice) });
    const ranked = result.ranking.length;
    sticky.classList.toggle('sticky-total--fail', mine.status === 'disqualified');
    sticky.classList.remove('sticky-total--stale');
    sticky.textContent = lastTotal = (
      mine.status === 'disqualified'
        ? [ui.notQualifying]
        : [
            yourTotal(ctx, result, mine),
            yourValue(ctx, result, mine),
            mine.rank === null
              ? ctx.cat.ui.statuses[mine.status]
              : fill(ui.yourRank, { rank: ctx.fmt.integer(mine.rank), count: ctx.fmt.integer(ranked) }),
          ]
    )
      .filter(Boolean)
      .join(' · ');
    const parts = [h('h3.heading-m', ui.yourResultHeading), totalPanel(ctx, result, mine)];
    parts.push(breakdown(ctx, mine, { headingLevel: 'h4' }));
    if (result.bids.length > 1) {
      parts.push(h('h3.heading-m', ui.rankingHeading), rankingTable(ctx, result), chart(ctx, result));
    }
    results.replaceChildren(...parts);
  }

  /**
   * While what was typed has an error, the results keep the last valid figures: the sticky total
   * says they are out of date rather than pass them off as current.
   */
  function stale(on) {
    if (!on || !lastTotal) return;
    sticky.classList.add('sticky-total--stale');
    sticky.textContent = fill(ui.staleTotal, { total: lastTotal });
  }

  /**
   * The total (or that the bid would not qualify), the value for money, the evaluated price and
   * the social value: each said when it changes. Social value is keyed by its amount, so typing a
   * price, which moves only its percentage of the price, does not say it again.
   */
  function announce(result) {
    const mine = result.bids.find((b) => b.id === OWN_ID);
    if (!mine) return [];
    const said = (t) => [t, t];
    return [
      said(mine.status === 'disqualified' ? ui.notQualifying : yourTotal(ctx, result, mine)),
      said(yourValue(ctx, result, mine)),
      priced && said(priced.firstChild.textContent),
      [mine.socialValue?.money, sv.textContent],
    ].filter((p) => p?.[1]);
  }

  return { node: h('div.self-assess', form, results, analysis.node), update, announce, stale };
}
