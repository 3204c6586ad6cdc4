// Evaluate mode: the evaluation team's workspace. Bids are edited in collapsible cards whose
// fields are built when first opened (a tender can have 50 bids × 30 criteria); the results show
// the ranking, a chart, one bid's breakdown at a time, warnings and what is still missing.
import { h, place } from '../ui/dom.js';
import { fill } from '../text/messages.js';
import { leaves, evaluatorNames, freshBidId } from '../ui/model.js';
import { own, setOwn } from '../ui/fields.js';
import { breakdown, chart, keptRows, lotResult, missingList, ordered, rankingTable, warningsList } from '../ui/results.js';
import {
  commitmentFields,
  gateFields,
  lotField,
  lotsOf,
  panelScoreFields,
  evaluatorPath,
  priceField,
  supplierField,
  valueField,
  removeBidButton,
} from '../ui/bid-form.js';
import { summariesPanel } from './summaries.js';
import { valuePhrase } from '../text/award.js';
import { evaluateAnalysis } from '../analysis/panels.js';
import { stateOf } from '../analysis/panel-parts.js';

// Each part of a card is a form of its own: at every key and caret move, Chromium's form filling
// looks over each field of the form typed in (a card of 30 criteria has 150), which took most of
// a keystroke's time. Their submit events are stopped where they bubble to (renderEvaluate).
const formOf = (...parts) => h('form', parts);

function bidBody(ctx, bid, index, evaluators) {
  const at = `bids[${index}]`;
  return [
    formOf(supplierField(ctx, bid, at), lotField(ctx, bid, at), priceField(ctx, bid, at), gateFields(ctx, bid, at)),
    leaves(ctx.tender).map((c) => {
      if (c.kind === 'scored') return formOf(panelScoreFields(ctx, bid, at, c, evaluators));
      if (c.kind === 'numeric') return formOf(valueField(ctx, bid, at, c));
      if (c.kind === 'measures') return formOf(commitmentFields(ctx, bid, at, c));
      return null;
    }),
    removeBidButton(ctx, index, bid.supplier || bid.id),
  ];
}

/**
 * Renames evaluator `i` to `name`: their key in every bid's scores (in place, so the order of the
 * panel's scores stays), and the fields already built for their scores.
 */
function renameEvaluator(ctx, i, name) {
  const was = ctx.evaluators[i];
  const label = fill(ctx.cat.ui.evaluatorScore, { evaluator: name });
  const scored = leaves(ctx.tender).filter((c) => c.kind === 'scored');
  ctx.tender.bids.forEach((bid, b) => {
    for (const s of Object.values(bid.scores ?? {})) {
      if (own(own(s, 'evaluators'), was) === undefined) continue;
      const renamed = {};
      for (const [k, v] of Object.entries(s.evaluators)) setOwn(renamed, k === was ? name : k, v);
      s.evaluators = renamed;
    }
    for (const c of scored) ctx.fields.move(evaluatorPath(`bids[${b}]`, c, was), evaluatorPath(`bids[${b}]`, c, name), label);
  });
  ctx.evaluators[i] = name;
}

/**
 * The panel: a field for each evaluator's name (renaming one renames their scores in every bid),
 * a button removing one who has scored nothing yet, and "Add an evaluator", which moves focus to
 * the new name and says so. A name left empty or already taken is shown as an error next to it
 * and changes nothing until it is put right.
 */
function evaluatorsPart(ctx) {
  const { ui } = ctx.cat;
  const evaluators = ctx.evaluators;
  const kept = stateOf(ctx);
  const path = (i) => `evaluators[${i}]`;
  const said = h('p', { role: 'status', 'data-said': '' });
  const news = kept.said;
  kept.said = '';
  // Said a moment after the part is built, so that the status region exists when it changes.
  if (news) setTimeout(() => (said.textContent = news), 99);
  const rebuild = (text, focus) => {
    kept.said = text;
    ctx.structure(focus);
  };
  const typed = (kept.typed ??= new Map()); // evaluator → the name in error typed for them
  // Every name is checked again on each change: one put right can free the name another waits for.
  const check = () => {
    let renamed = false;
    let again;
    do {
      again = false;
      evaluators.forEach((was, i) => {
        const f = ctx.fields.fields.get(path(i));
        const name = f.control.value.trim();
        const taken = evaluators.some((n, j) => n === name && j !== i);
        const error = !name ? ui.evaluatorEmpty : taken ? fill(ui.evaluatorTaken, { name }) : '';
        ctx.fields.show(f, error);
        // A name in error is kept as typed when the form is built again (a bid or evaluator added).
        if (error) typed.set(was, f.control.value);
        else typed.delete(was);
        if (!error && name !== was) {
          renameEvaluator(ctx, i, name);
          removers[i].textContent = fill(ui.remove, { name });
          renamed = again = true;
        }
      });
    } while (again);
    if (renamed) ctx.fields.onEdit('evaluators');
  };
  const removers = evaluators.map((name, i) =>
    h(
      'button.button.button--secondary',
      {
        type: 'button',
        'data-action': 'remove-evaluator',
        on: {
          click: () => {
            const [gone] = evaluators.splice(i, 1);
            rebuild(fill(ui.removedBid, { name: gone }), '[data-action="add-evaluator"]');
          },
        },
      },
      fill(ui.remove, { name }),
    ),
  );
  // Only an evaluator with no scores in any bid can go, and never the last one.
  const removable = () => {
    const used = evaluatorNames(ctx.tender);
    evaluators.forEach((name, i) => (removers[i].hidden = evaluators.length < 2 || used.includes(name)));
  };
  removable();
  if (typed.size) setTimeout(check); // its error shown again, once the form is built
  return {
    removable,
    node: h(
      'div.section.no-print',
      { 'data-evaluators': '' },
      h('h3.heading-m', ui.evaluatorsHeading),
      evaluators.map((name, i) =>
        h(
          'div.row-fields.row-fields--end',
          ctx.fields.text({
            path: path(i),
            label: fill(ui.evaluatorName, { n: i + 1 }),
            width: 'input--w20',
            local: true,
            get: () => typed.get(name) ?? name,
            set: check,
            // Nothing to run until a name is valid: check() runs the engine when one changes.
            edited: () => {},
          }),
          removers[i],
        ),
      ),
      h(
        'button.button.button--secondary',
        {
          type: 'button',
          'data-action': 'add-evaluator',
          on: {
            click: () => {
              let n = evaluators.length;
              let name;
              do name = fill(ui.evaluatorName, { n: ++n });
              while (evaluators.includes(name));
              evaluators.push(name);
              rebuild(fill(ui.evaluatorAdded, { name }), `[data-path="${path(evaluators.length - 1)}"]`);
            },
          },
        },
        ui.addEvaluator,
      ),
      said,
    ),
  };
}

/** In a tender with lots, the name of the lot a bid is for, beside its name on its card. */
function lotTag(ctx, bid) {
  const lot = lotsOf(ctx.tender)?.find((l) => l.id === bid.lot);
  return lot ? [' ', h('span.tag', { 'data-lot': lot.id }, lot.name)] : null;
}

/** Radio buttons choosing the lot whose results are shown; `choose(id)` shows another. */
function lotSwitch(ctx, lots, current, choose) {
  const name = `lot-${ctx.uid}`;
  return h(
    'fieldset.fieldset.no-print',
    { 'data-lot-switch': '' },
    h('legend.legend', ctx.cat.ui.lotSwitch),
    h(
      'div.radios.radios--inline',
      lots.map((l, i) =>
        h(
          'div.radio',
          h('input', {
            id: `${name}-${i}`,
            type: 'radio',
            name,
            value: l.id,
            checked: l.id === current,
            on: { change: (e) => e.target.checked && choose(l.id) },
          }),
          h('label', { for: `${name}-${i}` }, l.name),
        ),
      ),
    ),
  );
}

export function renderEvaluate(ctx) {
  const { ui } = ctx.cat;
  ctx.tender.bids ??= [];
  const evaluators = ctx.evaluators;
  for (const name of evaluatorNames(ctx.tender)) if (!evaluators.includes(name)) evaluators.push(name);
  if (!evaluators.length) evaluators.push(fill(ui.evaluatorName, { n: 1 }), fill(ui.evaluatorName, { n: 2 }));

  const results = h('div.section', { part: 'results', 'data-results': '' });
  // Beyond a handful of bids the ranking is a long way down: a link to it above the bids and in
  // each, and a list of the bids that moves focus to the one chosen, opened.
  const many = ctx.tender.bids.length > 5;
  const toRanking = () =>
    many &&
    h(
      'a.no-print',
      {
        href: '#',
        'data-action': 'to-ranking',
        on: {
          click: (e) => {
            e.preventDefault();
            results.querySelector('h3[tabindex]')?.focus();
          },
        },
      },
      ui.toRanking,
    );

  const panel = evaluatorsPart(ctx);
  const cards = ctx.tender.bids.map((bid, index) => {
    // Each field's name in the card ends with this, the bid's name as typed.
    const summaryText = h('span', { id: `b${index}-name` }, bid.supplier || bid.id);
    const lotSlot = h('span', lotTag(ctx, bid));
    const body = h('div.bid__body');
    const details = h(
      'details.bid',
      { 'data-bid-editor': bid.id, open: ctx.open.has(bid.id) },
      h('summary', { part: 'bid-summary' }, summaryText, lotSlot),
      body,
    );
    const build = () => {
      if (!body.childElementCount) {
        // Every field of the card is named with the bid's name too (see FieldSet's context).
        ctx.fields.context = summaryText.id;
        try {
          body.append(...[bidBody(ctx, bid, index, evaluators), toRanking()].flat(2).filter(Boolean));
        } finally {
          ctx.fields.context = null;
        }
        ctx.refreshErrors();
      }
    };
    if (details.open) build();
    details.addEventListener('toggle', () => {
      if (details.open) {
        ctx.open.add(bid.id);
        build();
      } else ctx.open.delete(bid.id);
    });
    // Keep the card's title in step with the supplier name as it is typed.
    body.addEventListener('input', (e) => {
      if (e.target.dataset.path === `bids[${index}].supplier`) {
        summaryText.textContent = e.target.value || bid.id;
        if (jump) jump.options[index].textContent = summaryText.textContent;
      }
    });
    body.addEventListener('change', (e) => {
      if (e.target.dataset.path === `bids[${index}].lot`) lotSlot.replaceChildren(...(lotTag(ctx, bid) ?? []));
    });
    return details;
  });
  const jumpId = `jump-${ctx.uid}`;
  const jump =
    many
      ? h(
          'select.select',
          { id: jumpId },
          ctx.tender.bids.map((b, i) => h('option', { value: i }, b.supplier || b.id)),
        )
      : null;
  const goTo = () => {
    const details = cards[jump.value];
    details.open = true;
    details.firstChild.focus();
  };

  // Not a form itself: the cards' parts are (see formOf).
  const form = h(
    'div.section.no-print',
    { part: 'form', on: { submit: (e) => e.preventDefault() } },
    h('h3.heading-m', ui.bidsHeading),
    toRanking(),
    jump &&
      h(
        'div.form-group.no-print',
        h('label.label', { for: jumpId }, ui.jumpTo),
        h(
          'div.button-group',
          jump,
          h('button.button.button--secondary', { type: 'button', 'data-action': 'jump', on: { click: goTo } }, ui.jump),
        ),
      ),
    // In groups of 32, each painted on its own (styles.js): a key typed in one card then lays out
    // and paints past 32 groups and 32 cards, not past every card of a thousand.
    cards.map((_, i) => i % 32 === 0 && h('div.bids', cards.slice(i, i + 32))),
    h(
      'div.button-group',
      h(
        'button.button.button--secondary',
        {
          type: 'button',
          'data-action': 'add-bid',
          on: {
            click: () => {
              const id = freshBidId(ctx.tender, 'bid');
              const bid = { id, supplier: fill(ui.newBid, { n: ctx.tender.bids.length + 1 }) };
              // In a tender with lots, a new bid is for the lot being shown.
              if (kept.lot !== undefined) bid.lot = kept.lot;
              ctx.tender.bids.push(bid);
              ctx.open.add(id);
              ctx.structure(`[data-bid-editor="${id}"] input`);
            },
          },
        },
        ui.addBid,
      ),
    ),
  );
  // A score typed or cleared can make an evaluator removable or not.
  form.addEventListener('input', (e) => /\.evaluators/.test(e.target.dataset.path) && panel.removable());

  const summaries = summariesPanel(ctx);
  const analysis = evaluateAnalysis(ctx);
  let shown = null;
  // The lot being shown, kept with the analysis's state so that adding a bid or an evaluator
  // (which builds the mode again) stays on it.
  const kept = stateOf(ctx);

  // ---- Results kept between evaluations. A score typed changes one bid's figures (and maybe the
  // order): the parts whose text did not change are kept, so an update builds only the rows, the
  // breakdown and the lists that did. `parts` is for the lot shown (null: build afresh).
  let parts = null;

  /** A part kept while `key` (text from the result) stays the same, built by `make` when it changes. */
  function keptPart(name, key, make) {
    const was = parts[name];
    if (was?.key === key) return was.node;
    const node = make();
    parts[name] = { key, node };
    return node;
  }

  const sameItems = (was, now) => was?.length === now.length && now.every((x, i) => x === was[i]);

  /** The results of one lot (or of the whole tender when it has no lots). */
  function renderResults(result) {
    const bids = ordered(result);
    if (!bids.some((b) => b.id === shown)) shown = bids[0]?.id ?? null;
    const pickId = `pick-${ctx.uid}`;
    parts ??= {
      ranking: {},
      chart: {},
      slot: h('div.no-print'),
    };
    const { slot } = parts;
    const showBreakdown = () => {
      const b = parts.result.bids.find((x) => x.id === shown);
      const key = b ? JSON.stringify([parts.result.method, b]) : '';
      slot.replaceChildren(keptPart('breakdown', key, () => (b ? breakdown(ctx, b, { headingLevel: 'h4' }) : '')));
    };
    parts.result = result;
    // The list of bids to show the breakdown of: an option per bid, moved as the order changes and
    // built again only when its name does (a new list of 200 options is most of an update).
    const pick = (parts.pick ??= h('select.select', {
      id: pickId,
      'data-action': 'pick-breakdown',
      on: { change: () => ((shown = pick.value), showBreakdown()) },
    }));
    place(pick, keptRows((parts.options ??= {}), bids, (b) => b.supplier, (b) => h('option', { value: b.id }, b.supplier)));
    pick.value = shown;
    showBreakdown();
    const [rankingH, chartH, breakdownH, missingH, warningsH] = (parts.heads ??= [
      h('h3.heading-m', { tabindex: '-1' }, ui.rankingHeading),
      h('h3.heading-m', ui.chartHeading),
      h('h3.heading-m.no-print', ui.breakdownHeading),
      h('h3.heading-m', ui.missingHeading),
      h('h3.heading-m', ui.warningsHeading),
    ]);
    return [
      rankingH,
      rankingTable(ctx, result, parts.ranking),
      chartH,
      chart(ctx, result, parts.chart),
      breakdownH,
      bids.length
        ? keptPart('pickGroup', pick, () =>
            h('div.form-group.no-print', h('label.label', { for: pickId }, ui.breakdownFor), pick),
          )
        : null,
      slot,
      missingH,
      keptPart('missing', JSON.stringify(result.bids.map((b) => [b.supplier, b.missing])), () => missingList(ctx, result)),
      warningsH,
      // Kept while it holds the very same warnings: the engine hands back the objects of those
      // that did not change (engine.js evaluateSince), so thousands are compared without text.
      keptPart('warnings', sameItems(parts.warnings?.key, result.warnings) ? parts.warnings.key : result.warnings, () =>
        warningsList(ctx, result.warnings),
      ),
    ];
  }

  // The analysis panels follow the results a frame later: the ranking a score moved is painted
  // first (with hundreds of bids, the marks-to-try table alone is several milliseconds of every
  // evaluation). Only the latest result is shown; a hidden page, which draws no frames, catches up
  // when shown.
  let analysisDue = 0;
  function analysisSoon(result, text) {
    const due = (analysisDue += 1);
    requestAnimationFrame(() => setTimeout(() => due === analysisDue && analysis.update(result, text)));
  }

  /** Shows `result`; `text` is the tender's JSON it came from, when the caller has it. */
  function update(result, text) {
    const lots = result.lots ?? [];
    if (!lots.length) {
      place(results, renderResults(result));
      analysisSoon(result, text);
    } else {
      if (!lots.some((l) => l.id === kept.lot)) kept.lot = lots[0].id;
      const slot = h('div', { 'data-lot-results': '' });
      // One lot at a time: its ranking, breakdowns, warnings and analysis.
      const show = (json) => {
        const one = lots.find((l) => l.id === kept.lot);
        if (parts?.lot !== one.id) parts = null; // another lot's results: built afresh
        const view = lotResult(result, one.id);
        slot.dataset.lotResults = one.id;
        slot.replaceChildren(
          h('h3.heading-l', one.name),
          h(
            'p.inset',
            { 'data-lot-winner': one.winner ?? '' },
            one.winner
              ? fill(ui.lotWinner, { supplier: result.bids.find((b) => b.id === one.winner)?.supplier ?? one.winner })
              : ui.lotNoWinner,
          ),
          ...renderResults(view),
        );
        parts.lot = one.id;
        analysisSoon(view, json);
      };
      results.replaceChildren(lotSwitch(ctx, lots, kept.lot, (id) => ((kept.lot = id), show())), slot);
      show(text);
    }
    summaries.update(result);
  }

  function announce(result) {
    const one = result.lots?.find((l) => l.id === kept.lot);
    const ranking = one ? one.ranking : result.ranking;
    const first = result.bids.find((b) => b.id === ranking[0]);
    if (!first) return [];
    const total = valuePhrase(ctx, result.method, first) ?? ctx.fmt.number(first.total);
    // Said when the order changes (or the lot shown, or the first's name), not at every score
    // that moves no bid.
    const order = JSON.stringify([one?.id, first.supplier, ranking]);
    return [[order, fill(ui.rankingAnnounce, { supplier: first.supplier, total })]];
  }

  return {
    node: h('div.evaluate', panel.node, form, results, summaries.node, analysis.node),
    update,
    announce,
    reworded: summaries.reworded,
  };
}
