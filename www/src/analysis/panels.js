// What if, and how robust: the analysis panels of the three modes. Never the official result.
//  - evaluate: marks to try (sliders re-ranking a copy of the tender through the engine), price to
//    win, how far each weight can move (weight stability) and rank acceptability (SMAA-2).
//  - self-assess: price to win against the "what if" competitors, and what it takes to rank first.
//  - publish: "check the model", weight stability among the file's example bids.
// Every figure shown is one the engine returned (`evaluate`, `analyse`, `RankAcceptability`). The
// only arithmetic here is on marks being tried (a copy of the tender's inputs, which the engine
// then checks) and the geometry of the bars and shading.
// This module puts each mode's panel together; each analysis is drawn by its own module here
// (marks-to-try.js, price-to-win.js, weight-stability.js, rank-acceptability.js, what-it-takes.js),
// on the shared pieces in panel-parts.js.
import { usesValue } from '../text/award.js';
import { scheduleLines } from '../ui/bid-form.js';
import { h } from '../ui/dom.js';
import { lotAnalysis } from '../ui/results.js';
import { fill } from '../text/messages.js';
import { whatIfSection } from './marks-to-try.js';
import { errorText, heading, liveRegion, methodName, panel, put, scheduler } from './panel-parts.js';
import { priceToWinCell, priceToWinTable, priceWords, rateChangeRow } from './price-to-win.js';
import { whatItTakes } from './what-it-takes.js';
import { acceptabilitySection } from './rank-acceptability.js';
import { stabilityTable, supplierOf } from './weight-stability.js';

/** Evaluate mode: marks to try, price to win, weight stability and rank acceptability. */
export function evaluateAnalysis(ctx) {
  const a = ctx.cat.analysis;
  const live = liveRegion();
  const whatIf = whatIfSection(ctx, live.say);
  const acceptability = acceptabilitySection(ctx, live.say);
  const ptwSlot = h('div', { 'data-price-to-win': '' });
  const stabilitySlot = h('div', { 'data-weight-stability': '' });
  const status = h('p.secondary', { 'data-analysis-status': '' });
  let official = null;
  const node = panel(
    ctx,
    a.heading,
    { exploratory: true },
    live.node,
    whatIf.node,
    heading('h4', a.priceToWinHeading),
    h('p', a.priceToWinIntro),
    status,
    ptwSlot,
    heading('h4', a.stabilityHeading),
    stabilitySlot,
    acceptability.node,
  );

  const schedule = scheduler(ctx, 'evaluate', {
    whatItTakes: false, // shown in self-assess mode only
    pending() {
      node.dataset.analysisState = 'pending';
      status.textContent = a.working;
      status.hidden = false;
    },
    fail(e) {
      node.dataset.analysisState = 'failed';
      status.textContent = errorText(ctx, e);
    },
    async render(all) {
      const value = lotAnalysis(all, official);
      status.hidden = true;
      const [ptw, done] = priceToWinTable(ctx, value, official);
      put(ptwSlot, ptw);
      const winner = value.winner ? supplierOf(ctx.tender, value.winner) : '';
      put(
        stabilitySlot,
        value.weightStability.length
          ? [h('p', fill(a.stabilityIntro, { winner })), stabilityTable(ctx, value, ctx.tender)]
          : usesValue(official.method)
            ? h(
                'p',
                { 'data-only-weighted-sum': '' },
                fill(a.onlyWeightedSum, { method: methodName(ctx, official.method) }),
              )
            : h('p', a.noStability),
      );
      // Unless a newer analysis is pending (its status shown) by the time the last row is in.
      if ((await done) && status.hidden) node.dataset.analysisState = 'ready';
    },
  });

  /** The results to show, and the tender's JSON when the caller has it (see `scheduler`). */
  function update(result, text) {
    official = result;
    whatIf.update(result);
    const linear = !usesValue(result.method);
    acceptability.node.hidden = !linear;
    acceptability.update(result, text);
    schedule(ctx.tender, text);
  }

  return { node, update };
}

/** Self-assess mode: price to win against the "what if" competitors, and what it takes. */
export function selfAssessAnalysis(ctx, ownId) {
  const a = ctx.cat.analysis;
  const { fmt } = ctx;
  const slot = h('div');
  const node = panel(ctx, a.yourHeading, { exploratory: true }, slot);
  let official = null;

  function render(all) {
    const value = lotAnalysis(all, official);
    node.dataset.analysisState = 'ready';
    const own = official.bids.find((b) => b.id === ownId);
    const p = value.priceToWin.find((x) => x.bid === ownId);
    const parts = [heading('h4', a.yourPriceHeading)];
    if (!own || own.status !== 'ranked') {
      put(slot, parts, h('p', { 'data-your-price': '' }, a.yourNotRanked));
      return;
    }
    if (official.ranking.length < 2) {
      put(slot, parts, h('p', { 'data-your-price': '' }, a.yourNoRivals));
      return;
    }
    if (p) {
      parts.push(
        h('p', { 'data-your-price': '', 'data-outcome': p.outcome }, priceWords(ctx, p, a.yourOutcomes)),
        h(
          'table.table.table--summary',
          { part: 'table your-price' },
          h('caption.visually-hidden', a.yourPriceCaption),
          h(
            'tbody',
            h(
              'tr',
              h('th', { scope: 'row' }, scheduleLines(ctx.tender) ? a.yourEvaluatedPrice : a.yourPrice),
              h('td.num', fmt.money(p.price)),
            ),
            h(
              'tr',
              h('th', { scope: 'row' }, a.priceToWin),
              h('td.num', { 'data-price-to-win': '' }, priceToWinCell(ctx, p)),
            ),
            h(
              'tr',
              h('th', { scope: 'row' }, a.priceDifference),
              h('td.num', p.change === null ? '–' : fmt.money(p.change)),
            ),
            rateChangeRow(ctx, p),
          ),
        ),
      );
    }
    parts.push(...whatItTakes(ctx, value.whatItTakes.find((x) => x.bid === ownId)));
    put(slot, parts);
  }

  const schedule = scheduler(ctx, 'self-assess', {
    whatItTakes: ownId,
    pending() {
      node.dataset.analysisState = 'pending';
    },
    fail(e) {
      node.dataset.analysisState = 'failed';
      slot.replaceChildren(h('p', errorText(ctx, e)));
    },
    render,
  });

  return {
    node,
    update(result, text) {
      official = result;
      schedule(ctx.tender, text);
    },
  };
}
