// Evaluate mode: the assessment summaries (Procurement Act 2023 s.50), one per assessed bid, from
// the engine's `debriefs()`: each downloads as a print-ready HTML file or as plain text, and scores
// without a recorded reason are listed, each linked to the field where the reason goes.
import { h, inSteps, place } from '../ui/dom.js';
import { keyPath, marking } from '../ui/fields.js';
import { fill, plural } from '../text/messages.js';
import { download } from '../storage/io.js';
import { keptRows, resultOrder, statusTag } from '../ui/results.js';
import { debriefHtml, debriefText, summaryFileName } from './debrief.js';
import { lifeCycleOf } from '../text/workings.js';
import { runnerOf } from '../analysis/panel-parts.js';

/** A summary's supplier, with its lot where the tender has lots (a supplier may bid for two). */
function who(d) {
  return d.lotName ? `${d.supplier} (${d.lotName})` : d.supplier;
}

// Summaries cost about as much as an evaluation, so they follow the results after a pause in typing
// rather than on every keystroke; a download always uses the latest.
const DELAY_MS = 250;
/** Items built afresh at most, for the list of summaries to be put right at once rather than in steps. */
const FEW_NEW = 32;

function statusLine(ctx, d) {
  const { ui } = ctx.cat;
  if (d.status !== 'ranked') return statusTag(ctx, d);
  if (!d.winner) return ui.summaryWinner;
  return fill(ui.summaryRanked, { rank: ctx.fmt.integer(d.rank), count: ctx.fmt.integer(d.rankedBids) });
}

/** Links to the fields where `d`'s missing reasons go. */
function rationaleLinks(ctx, d) {
  const { ui } = ctx.cat;
  const index = ctx.tender.bids.findIndex((b) => b.id === d.bid);
  return h(
    'ul.list',
    d.missingRationales.map((id) => {
      const path = `${keyPath(`bids[${index}].scores`, id)}.rationale`;
      const name = d.criteria.find((c) => c.id === id)?.name ?? id;
      return h(
        'li',
        h(
          'a',
          {
            href: `#${path}`,
            'data-rationale-path': path,
            on: { click: (e) => (e.preventDefault(), ctx.focus(path)) },
          },
          fill(ui.missingRationaleLink, { name }),
        ),
      );
    }),
  );
}

/** With many bids, one expandable entry for `d`, filled when opened. */
function missingEntry(ctx, d) {
  const inner = h('div.bid__body');
  const details = h(
    'details.bid',
    { 'data-bid': d.bid },
    h('summary', `${who(d)} (${ctx.fmt.integer(d.missingRationales.length)})`),
    inner,
  );
  details.addEventListener('toggle', () => {
    if (details.open && !inner.childElementCount) inner.append(rationaleLinks(ctx, d));
  });
  return details;
}

/** How many scores have no reason, as the list's heading says it. */
function missingTitle(ctx, count) {
  const title = plural(ctx.cat, ctx.cat.ui.missingRationalesTitle, count);
  return [h('span.warning-text__icon', { 'aria-hidden': 'true' }, '!'), fill(title, { count: ctx.fmt.integer(count) })];
}

function missingList(ctx, debriefs, kept = {}) {
  const { ui } = ctx.cat;
  const affected = debriefs.filter((d) => d.missingRationales.length);
  if (!affected.length) return h('p', { 'data-missing-rationales': '0' }, ui.allRationales);
  const count = affected.reduce((n, d) => n + d.missingRationales.length, 0);
  // Many bids: one expandable entry each, filled when opened, so the list stays short; added in
  // steps, as a thousand entries at once made a long task.
  const many = affected.length > 10;
  if (many) {
    // One panel for good, its entries put right in place (see putRows): entries moved into a new
    // panel were a layout of every one of them after each score.
    const panel = (kept.panel ??= h('div.panel', h('p.warning-text'), h('p')));
    const [title, text] = panel.children;
    panel.dataset.missingRationales = String(count);
    title.replaceChildren(...missingTitle(ctx, count));
    text.textContent = ui.missingRationalesText;
    const entries = keptRows(kept, affected, (d) => JSON.stringify([who(d), d.missingRationales]), (d) => missingEntry(ctx, d), (d) => d.bid, true);
    putRows(kept, panel, [title, text], entries);
    return panel;
  }
  return h(
    'div.panel',
    { 'data-missing-rationales': String(count) },
    h('p.warning-text', missingTitle(ctx, count)),
    h('p', ui.missingRationalesText),
    h(
      'ul.list',
      affected.map((d) => h('li', fill(ui.missingRationalesFor, { supplier: who(d) }), rationaleLinks(ctx, d))),
    ),
  );
}

/**
 * Puts the rows `entries` (keptRows' makers) into `parent` after the nodes `head`. When few are
 * new (a score typed moves a few bids) at once, the kept rows left where they are: adding hundreds
 * again was a layout of the whole list at every score. Otherwise in steps: a thousand rows at once
 * made a long task.
 */
function putRows(kept, parent, head, entries) {
  if ([...kept.rows.values()].filter((r) => !r.node).length <= FEW_NEW) {
    kept.stepping = {}; // an unfinished list in steps stops
    place(parent, [...head, ...entries.map((make) => make())]);
  } else {
    parent.replaceChildren(...head);
    inSteps(kept, parent, entries);
  }
}

/**
 * A reason given for one of `d`'s scores, in a list of many bids: only `d`'s entry (built again,
 * or gone) and the count change, in place; building the list of a thousand bids again took most
 * of a keystroke. False when the list is to be built again (it is short, or its form changes).
 */
function reasonGiven(ctx, panel, debriefs, d) {
  const entry = panel?.querySelector?.(`:scope > details[data-bid="${CSS.escape(d.bid)}"]`);
  if (!entry || debriefs.filter((x) => x.missingRationales.length).length <= 10) return false;
  const count = debriefs.reduce((n, x) => n + x.missingRationales.length, 0);
  panel.dataset.missingRationales = String(count);
  panel.firstChild.replaceChildren(...missingTitle(ctx, count));
  if (d.missingRationales.length) {
    const fresh = missingEntry(ctx, d);
    fresh.open = entry.open; // an opened entry stays open (and is filled as it opens)
    entry.replaceWith(fresh);
  } else entry.remove();
  return true;
}

/** The panel: `node` to place once, `update(result)` after each evaluation. */
export function summariesPanel(ctx) {
  const { ui } = ctx.cat;
  const body = h('div', h('p.secondary', ui.summariesPending));
  const node = h(
    'section.section',
    { part: 'summaries', 'data-summaries': '' },
    h('h3.heading-m', ui.summariesHeading),
    h('p', ui.summariesIntro),
    body,
  );
  let timer = 0;
  let pending = null; // the result waiting for its summaries
  let latest = null; // { debriefs, result } from the last valid tender
  let stale = false; // a rationale was typed since: a download asks the engine again first
  const missing = h('div');
  // The list kept from the last render stays where it is (put in again, it would be laid out again).
  const shown = (panel) => missing.firstChild !== panel && missing.replaceChildren(panel);
  // Each bid's entry in the list of scores without a reason, and its item in the list of
  // summaries, kept while what it shows is the same (ui/results.js keptRows): the summaries of
  // hundreds of bids come again after each score typed, and building every entry again was the
  // longest task of the page after it.
  const keptMissing = {};
  const keptSummaries = {};
  const list = h('ul.summary-list');

  // ---- The summaries are asked of the analysis worker (they evaluate the tender again, as long as
  // the results took), so typing never waits for them; only the latest answer is shown.
  let asked = 0; // requests made; an answer to an earlier one is dropped
  let waiting = false; // a request is out: `latest` may be behind the tender

  function show(debriefs, result) {
    // In the order of the results (ranked first, lot by lot), not the order of the file.
    const at = new Map(resultOrder(result).map((b, i) => [b.id, i]));
    debriefs.sort((a, b) => (at.get(a.bid) ?? at.size) - (at.get(b.bid) ?? at.size));
    latest = { debriefs, result };
    render();
  }

  function refresh(result) {
    timer = 0;
    stale = false;
    waiting = true;
    const n = (asked += 1);
    const answered = () => n === asked && !(waiting = false);
    // The tender as it is now (rationales typed since the results included), as the widget keeps
    // its text: only what changed is written again.
    runnerOf(ctx)
      .debriefs(ctx.text())
      // Replaced, or the tender is invalid just now: the last summaries stand, as the results do.
      .then((debriefs) => answered() && show(debriefs, result), answered);
  }

  /** Before a download: the summaries of the tender as it is now, at once, on this thread. */
  function refreshNow(result) {
    clearTimeout(timer);
    timer = 0;
    asked += 1;
    stale = waiting = false;
    try {
      show(ctx.engine.debriefs(ctx.tender), result);
    } catch {
      // invalid just now: the last summaries stand
    }
  }

  function save(bid, kind) {
    const d = latest?.debriefs.find((x) => x.bid === bid);
    if (!d) return;
    // In a language with `summary` words, worded from the published model, which says how each
    // criterion is assessed; without it (it cannot fail where the summaries did not) the engine's
    // words stay, as they do in English.
    let model = null;
    try {
      if (ctx.cat.summary) model = ctx.engine.describe(ctx.tender);
    } catch {
      model = null;
    }
    const options = {
      locale: ctx.locale,
      currency: ctx.tender.tender?.currency ?? 'GBP',
      award: ctx.tender.award,
      result: latest.result,
      lifeCycle: lifeCycleOf(ctx.tender),
      model,
      tender: ctx.tender,
    };
    if (kind === 'text') {
      download(summaryFileName(ctx.tender, d, 'txt'), 'text/plain;charset=utf-8', debriefText(d, options));
      return;
    }
    const html = debriefHtml(d, options);
    // The tender's text in another language than the summary's is marked with its own.
    download(summaryFileName(ctx.tender, d, 'html'), 'text/html;charset=utf-8', ctx.marked?.(html) ?? html);
  }

  function render() {
    const { debriefs } = latest;
    if (!debriefs.length) {
      body.replaceChildren(h('p', ui.summariesNone));
      return;
    }
    const button = (d, kind, text) =>
      h(
        'button.button.button--secondary',
        {
          type: 'button',
          'data-action': `summary-${kind}`,
          'data-bid': d.bid,
          on: {
            click: () => {
              if (timer || stale || waiting) refreshNow(pending);
              save(d.bid, kind);
            },
          },
        },
        text,
        h('span.visually-hidden', fill(ui.summaryFor, { supplier: who(d) })),
      );
    shown(missingList(ctx, debriefs, keptMissing));
    const item = (d) =>
      h(
        'li',
        { 'data-summary': d.bid },
        h('h4.heading-s', who(d)),
        h('p.body-s', statusLine(ctx, d)),
        h(
          'div.button-group.no-print',
          button(d, 'html', ui.summaryHtml),
          button(d, 'text', ui.summaryText),
        ),
      );
    // What an item shows: its name and its status line (the buttons name the bid alone).
    const itemKey = (d) => {
      const line = statusLine(ctx, d);
      return JSON.stringify([who(d), typeof line === 'string' ? line : line.textContent]);
    };
    const items = keptRows(keptSummaries, debriefs, itemKey, item, (d) => d.bid, true);
    if (body.firstChild !== missing || body.lastChild !== list) body.replaceChildren(missing, list);
    putRows(keptSummaries, list, [], items);
  }

  function update(result) {
    clearTimeout(timer);
    pending = result;
    timer = setTimeout(() => refresh(result), DELAY_MS);
  }

  /**
   * Criterion `id`'s rationale for `bid` was typed. A filled one is off the list of those missing
   * at once (the engine lists a score whose rationale is empty or blank); an emptied one waits
   * for the engine, after a pause, as after an evaluation.
   */
  function reworded(bid, id) {
    stale = true;
    const d = latest?.debriefs.find((x) => x.bid === bid.id);
    // An answer on its way was asked before this was typed: ask again.
    if (waiting || marking(bid, id)?.rationale === undefined) update(pending);
    else if (d?.missingRationales.includes(id)) {
      d.missingRationales = d.missingRationales.filter((x) => x !== id);
      if (!reasonGiven(ctx, missing.firstChild, latest.debriefs, d)) {
        shown(missingList(ctx, latest.debriefs, keptMissing));
      }
    }
  }

  return { node, update, reworded };
}
