// Rendering an engine result: ranking, chart, breakdown with working, warnings and what is missing.
// Every figure shown is one the engine returned; the chart's bar lengths are the only arithmetic,
// and they are drawing geometry, not scores.
import { h, place, scroller, scrollingTable } from './dom.js';
import { engineText, fill } from '../text/messages.js';
import { commitmentWorking, criterionWorking, lifeCycleOf, priceWorking } from '../text/workings.js';
import { isGroup } from './model.js';
import {
  rankingCaption,
  scoreText,
  tenderMethod,
  totalHeading,
  usesValue,
  maxHeading,
  valueCells,
  valueHeadings,
  valueSummary,
} from '../text/award.js';

/** The top-level parts of the total (groups and top-level criteria), for columns and the chart. */
export function segments(tender) {
  // Under another award method price is not marked: it is in the price column and the value.
  const unmarked = usesValue(tenderMethod(tender)) ? 'price' : null;
  return (tender.criteria ?? []).filter((c) => isGroup(c) || (c.kind !== 'pass-fail' && c.kind !== unmarked));
}

function segmentScore(bid, seg) {
  if (isGroup(seg)) return bid.groups.find((g) => g.id === seg.id)?.score ?? null;
  return bid.criteria.find((c) => c.id === seg.id)?.score ?? null;
}

/** The analysis of the lot `result` is a share of (see `lotResult`), or the whole analysis. */
export function lotAnalysis(analysis, result) {
  return result?.lot === undefined ? analysis : (analysis.lots?.find((l) => l.id === result.lot)?.analysis ?? analysis);
}

/** Bids in ranked order first, then the unranked ones in file order. */
export function ordered(result) {
  const byId = new Map(result.bids.map((b) => [b.id, b]));
  const ranked = new Set(result.ranking);
  return result.ranking.map((id) => byId.get(id)).filter(Boolean).concat(result.bids.filter((b) => !ranked.has(b.id)));
}

/** Every bid of a result in ranked order, lot by lot when the tender has lots, each lot's others after its ranked bids. */
export function resultOrder(result) {
  const lots = result.lots ?? [];
  return lots.length ? lots.flatMap((l) => ordered(lotResult(result, l.id))) : ordered(result);
}

/**
 * One lot's share of a result, marked with the lot's id as `lot`: its bids, its ranking (the
 * engine's, from `lots`) and the warnings about its bids or about the tender as a whole. The
 * result itself when the tender has no lots or the lot is not one of them. Nothing is re-ranked
 * or re-scored.
 */
export function lotResult(result, lotId) {
  const one = result.lots?.find((l) => l.id === lotId);
  if (!one) return result;
  return {
    ...result,
    lot: one.id,
    bids: result.bids.filter((b) => b.lot === one.id),
    ranking: one.ranking,
    warnings: result.warnings.filter((w) => w.params?.lot === undefined || w.params.lot === one.id),
  };
}

export function statusTag(ctx, bid) {
  return h(
    'strong',
    { class: `tag tag--${bid.status}`, part: `tag tag-${bid.status}` },
    ctx.cat.ui.statuses[bid.status] ?? bid.status,
  );
}

function supplierCell(ctx, bid) {
  return [bid.supplier, bid.hypothetical ? [' ', h('span.tag', ctx.cat.ui.whatIf)] : null];
}

/**
 * Rows kept from the last render, keyed by bid (`id(bid)`): each is built again only when what it
 * shows (its `key`, text from the result) changed. `kept` is the caller's cache, one per list shown.
 * With `lazy`, each row is a function making it when first called (for dom.js inSteps).
 */
export function keptRows(kept, bids, key, make, id = (bid) => bid.id, lazy) {
  const rows = new Map();
  const nodes = bids.map((bid) => {
    const k = key(bid);
    const was = kept.rows?.get(id(bid));
    const row = was?.key === k ? was : { key: k };
    rows.set(id(bid), row);
    const node = () => (row.node ??= make(bid));
    return lazy ? node : node();
  });
  kept.rows = rows;
  return nodes;
}

/**
 * `key(bid)`, worked out once for each bid object while `context` (text) stays the same:
 * successive results share the objects of the bids that did not change (engine.js
 * evaluateSince), so after a score typed only the bids written out again are keyed again, not
 * every row of hundreds (each key looks up every segment's score).
 */
function keyedOnce(kept, context, key) {
  if (kept.keyContext !== context) (kept.keys = new WeakMap()), (kept.keyContext = context);
  return (bid) => kept.keys.get(bid) ?? kept.keys.set(bid, key(bid)).get(bid);
}

/** What a row's key depends on besides its bid: the method and the segments' places. */
function rowContext(result, segs, ...more) {
  return JSON.stringify([result.method, segs.map((s) => [s.id, isGroup(s)]), ...more]);
}

/** The segment scores a row or bar shows, with what else it shows, as one text to compare. */
function rowKey(result, segs, bid, ...more) {
  return JSON.stringify([result.method, bid.supplier, bid.total, segs.map((s) => segmentScore(bid, s)), ...more]);
}

/**
 * The ranking table: the chart's text equivalent too. Given `kept` (an object the caller keeps
 * between results), the table and the rows whose figures did not change are kept, not built again.
 */
export function rankingTable(ctx, result, kept = {}) {
  const { cat, fmt, tender } = ctx;
  const segs = segments(tender);
  const first = result.bids[0];
  const maxOf = (s) =>
    first && (isGroup(s) ? first.groups.find((g) => g.id === s.id) : first.criteria.find((c) => c.id === s.id))?.max;
  const head = [
    cat.ui.rank,
    cat.ui.supplier,
    cat.ui.status,
    cat.ui.priceOffered,
    ...segs.map((s) =>
      maxOf(s) ? fill(cat.ui.outOf, { name: s.name, max: scoreText(fmt, result.method, maxOf(s)) }) : s.name,
    ),
    totalHeading(cat, result.method),
    ...valueHeadings(cat, result, tender),
  ];
  const caption = rankingCaption(cat, fmt, result, tender);
  const row = (bid) =>
    h(
      'tr',
      { 'data-bid': bid.id },
      h('td.num'),
      h('th', { scope: 'row' }, supplierCell(ctx, bid)),
      h('td', statusTag(ctx, bid)),
      h('td.num', fmt.money(bid.price)),
      segs.map((s) => h('td.num', scoreText(fmt, result.method, segmentScore(bid, s)) || cat.ui.notScored)),
      h('td.num', { 'data-total': '' }, scoreText(fmt, result.method, bid.total)),
      valueCells(ctx, result, bid),
    );
  const bids = ordered(result);
  const key = keyedOnce(kept, rowContext(result, segs), (bid) =>
    rowKey(result, segs, bid, bid.status, bid.hypothetical, bid.price, bid.value, bid.inBand));
  const rows = keptRows(kept, bids, key, row);
  // A bid moving up or down moves the others' ranks by one: their rank is put right in place.
  bids.forEach((bid, i) => {
    const rank = rows[i].firstChild;
    const text = bid.rank === null ? '–' : fmt.integer(bid.rank);
    if (rank.textContent !== text) rank.textContent = text;
  });
  const headKey = JSON.stringify([caption, head]);
  if (kept.head === headKey) {
    place(kept.body, rows);
    return kept.node;
  }
  kept.head = headKey;
  kept.body = h('tbody', rows);
  const t = h(
    'table.table',
    { part: 'table ranking' },
    h('caption.caption', caption),
    h(
      'thead',
      h(
        'tr',
        head.map((cell, i) => h('th', { scope: 'col', class: i >= 3 ? 'num' : null }, cell)),
      ),
    ),
    kept.body,
  );
  kept.node = scroller(caption, t);
  return kept.node;
}

/**
 * A stacked bar per bid, one segment per group, from the result's group and criterion scores.
 * Labels are HTML so they wrap on a phone; each bar is an SVG whose segment widths are the scores
 * as percentages of the maximum total. The ranking table is its text equivalent. Given `kept`, as
 * for the ranking table, the bars that did not change are kept.
 */
export function chart(ctx, result, kept = {}) {
  const { cat, tender } = ctx;
  const segs = segments(tender);
  const max = Number(result.maxTotal) || 1;
  const bar = (bid) => {
    const svg = h('svg:svg.chart-bar', {
      width: '100%',
      height: 20,
      'aria-hidden': 'true',
      focusable: 'false',
    });
    let x = 0;
    segs.forEach((s, k) => {
      const score = segmentScore(bid, s);
      const w = score === null ? 0 : (Number(score) / max) * 100;
      if (w > 0) svg.append(h('svg:rect', { class: `seg-${k % 5}`, x: `${x}%`, y: 1, width: `${w}%`, height: 18 }));
      x += w;
    });
    svg.append(h('svg:rect.track', { x: 0.5, y: 0.5, width: '99.8%', height: 19 }));
    return h(
      'div.chart-row',
      h('p.chart-label', `${bid.supplier} – ${scoreText(ctx.fmt, result.method, bid.total)}`),
      svg,
    );
  };
  const key = keyedOnce(kept, rowContext(result, segs, max), (bid) => rowKey(result, segs, bid, max));
  const rows = keptRows(kept, ordered(result), key, bar);
  const legend = JSON.stringify(segs.map((s) => s.name));
  if (kept.legend === legend) {
    place(kept.node, [...rows, kept.node.lastChild]);
    return kept.node;
  }
  kept.legend = legend;
  kept.node = h(
    'figure.chart.section',
    { part: 'chart', role: 'img', 'aria-label': cat.ui.chartTitle },
    rows,
    h(
      'ul.legend-list',
      segs.map((s, k) => h('li', h('span', { class: `swatch seg-${k % 5}` }), s.name)),
    ),
  );
  return kept.node;
}

/** A bid's reasons for disqualification or missing inputs (`kind`), worded from their codes. */
export function messageList(ctx, kind, messages) {
  return h(
    'ul.list',
    { 'data-messages': kind },
    messages.map((m) => h('li', { 'data-code': m.code }, engineText(ctx.cat, 'reasons', m, ctx.fmt))),
  );
}

/** How one bid's score was worked out, criterion by criterion. */
export function breakdown(ctx, bid, { headingLevel = 'h3' } = {}) {
  const { cat, fmt, tender } = ctx;
  const method = tenderMethod(tender);
  const parts = [];
  parts.push(h(headingLevel, { class: 'heading-s' }, bid.supplier, ' ', statusTag(ctx, bid)));
  parts.push(valueSummary(ctx, method, bid));
  // Why it is disqualified and what is still missing: both lists of engine messages.
  for (const [kind, heading, messages] of [
    ['reasons', cat.ui.reasonsHeading, bid.reasons],
    ['missing', cat.ui.missingHeading, bid.missing],
  ]) {
    if (!messages.length) continue;
    parts.push(h('p.body-s', heading), messageList(ctx, kind, messages));
  }
  // Under a price schedule (spec §11): how the evaluated price was formed, every product shown.
  if (bid.priceWorking) {
    const working = fill(cat.ui.priceWorking, { working: priceWorking(cat, fmt, bid, lifeCycleOf(tender)) });
    parts.push(h('p.body-s', { 'data-price-working': bid.id }, working));
  }
  const caption = fill(cat.ui.breakdownCaption, { supplier: bid.supplier });
  parts.push(
    scrollingTable({
      caption,
      part: 'table breakdown',
      head: [cat.ui.criterion, cat.ui.score, maxHeading(cat, method)],
      rows: bid.criteria.map((c) => [
        c.name,
        scoreText(fmt, method, c.score) || cat.ui.notScored,
        scoreText(fmt, method, c.max),
      ]),
      notes: bid.criteria.map((c) => criterionWorking(cat, fmt, c)),
    }),
  );
  if (bid.groups.length) {
    const gc = fill(cat.ui.groupsCaption, { supplier: bid.supplier });
    parts.push(
      scrollingTable({
        caption: gc,
        part: 'table groups',
        head: [cat.ui.group, cat.ui.score, maxHeading(cat, method)],
        rows: bid.groups.map((g) => [g.name, scoreText(fmt, method, g.score), scoreText(fmt, method, g.max)]),
      }),
    );
  }
  if (bid.gates.length) {
    const gc = fill(cat.ui.gatesCaption, { supplier: bid.supplier });
    parts.push(
      scrollingTable({
        caption: gc,
        part: 'table gates',
        head: [cat.ui.criterion, cat.ui.result],
        rows: bid.gates.map((g) => [
          g.name,
          g.passed === null ? cat.ui.gateUnknown : g.passed ? cat.ui.gatePassed : cat.ui.gateFailed,
        ]),
      }),
    );
  }
  if (bid.socialValue?.items?.length) {
    const sc = fill(cat.ui.socialValueCaption, { supplier: bid.supplier });
    const names = new Map((tender.measures ?? []).map((m) => [m.id, m.name]));
    const units = new Map((tender.measures ?? []).map((m) => [m.id, m.unit]));
    parts.push(
      scrollingTable({
        caption: sc,
        part: 'table social-value',
        head: [cat.ui.measure, cat.ui.quantity, cat.ui.value],
        rows: bid.socialValue.items.map((it) => [
          names.get(it.measure) ?? it.measure,
          fmt.number(it.quantity),
          fmt.money(it.money),
        ]),
        notes: bid.socialValue.items.map((it) => commitmentWorking(cat, fmt, it, units.get(it.measure))),
      }),
      h(
        'p',
        bid.socialValue.percentOfPrice === null
          ? fill(cat.ui.svSummaryNoPrice, { money: fmt.money(bid.socialValue.money) })
          : fill(cat.ui.svSummary, {
              money: fmt.money(bid.socialValue.money),
              percent: fmt.number(bid.socialValue.percentOfPrice),
            }),
      ),
    );
  }
  return h('div.section', { part: 'breakdown', 'data-breakdown': bid.id }, parts);
}

/**
 * The result's warnings, each rendered from its code where the catalogue has a template. Many
 * warnings (a large evaluation can have hundreds of evaluator-spread warnings) are grouped by code,
 * each group listed when it is opened.
 */
export function warningsList(ctx, warnings) {
  const { cat } = ctx;
  if (!warnings.length) return h('p', cat.ui.noWarnings);
  const item = (w) => h('li', { 'data-code': w.code }, engineText(cat, 'warnings', w, ctx.fmt));
  if (warnings.length <= 10) return h('ul.list', { part: 'warnings' }, warnings.map(item));
  const groups = new Map();
  for (const w of warnings) {
    if (!groups.has(w.code)) groups.set(w.code, []);
    groups.get(w.code).push(w);
  }
  return h(
    'div',
    { part: 'warnings' },
    [...groups].map(([code, list]) => {
      const ul = h('ul.list');
      const details = h(
        'details.bid',
        { 'data-code': code },
        h(
          'summary',
          fill(cat.ui.warningGroup, { title: cat.warningTitles[code] ?? code, count: ctx.fmt.integer(list.length) }),
        ),
        h('div.bid__body', ul),
      );
      details.addEventListener('toggle', () => {
        if (details.open && !ul.childElementCount) ul.append(...list.map(item));
      });
      return details;
    }),
  );
}

/** What is still missing, per incomplete bid. */
export function missingList(ctx, result) {
  const { cat } = ctx;
  const incomplete = result.bids.filter((b) => b.missing.length);
  if (!incomplete.length) return h('p', cat.ui.nothingMissing);
  return h(
    'ul.list',
    { part: 'missing' },
    incomplete.map((b) =>
      h(
        'li',
        fill(cat.ui.missingFor, { supplier: b.supplier }),
        h(
          'ul.list',
          b.missing.map((m) => h('li', engineText(cat, 'reasons', m, ctx.fmt))),
        ),
      ),
    ),
  );
}
