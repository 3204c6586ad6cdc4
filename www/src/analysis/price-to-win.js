// Price to win: for each bid, the price at which it would rank first, as the engine computed it
// (`analyse`), in words and as a table.
import { h, inSteps, scroller } from '../ui/dom.js';
import { fill } from '../text/messages.js';
import { bar, grid, legend, marker, num, pos, stateOf, track } from './panel-parts.js';

export function priceWords(ctx, p, templates) {
  const { fmt } = ctx;
  const difference = p.change === null ? '' : fmt.money(p.change.replace(/^-/, ''));
  const words = fill(templates[p.outcome] ?? p.message, {
    supplier: p.supplier,
    priceToWin: fmt.money(p.priceToWin),
    difference,
    limit: fmt.money(p.limit),
  });
  const rates = rateChangeWords(ctx, p);
  return rates ? `${words} ${rates}` : words;
}

/**
 * Under a price schedule, the engine's price to win is an evaluated price, reached by changing
 * every rate by the same share (`rateChange`, percent): that change in words, or '' without one.
 */
export function rateChangeWords(ctx, p) {
  const change = p.rateChange;
  if (change === undefined || change === null) return '';
  const way = change.startsWith('-') ? 'cut' : /^0(\.0*)?$/.test(change) ? 'same' : 'raised';
  return fill(ctx.cat.analysis.rateChange[way], { percent: ctx.fmt.number(change.replace(/^-/, '')) });
}

/** Self-assess, under a price schedule: the change of every rate that reaches the price to win. */
export function rateChangeRow(ctx, p) {
  if (p.rateChange === undefined || p.rateChange === null) return null;
  return h(
    'tr',
    h('th', { scope: 'row' }, ctx.cat.analysis.rateChangeHeading),
    h(
      'td.num',
      { 'data-rate-change': p.rateChange },
      fill(ctx.cat.analysis.percentChange, { percent: ctx.fmt.number(p.rateChange) }),
    ),
  );
}

export function priceToWinCell(ctx, p) {
  const a = ctx.cat.analysis;
  if (p.outcome === 'any-price') return fill(a.anyPrice, { limit: ctx.fmt.money(p.limit) });
  if (p.outcome === 'cannot-win') return a.cannotWin;
  return ctx.fmt.money(p.priceToWin);
}

/**
 * The table, and a promise of true once all its rows are in (false when a later table replaced
 * it first): a thousand bids' rows are built in steps (dom.js inSteps).
 */
export function priceToWinTable(ctx, analysis, result) {
  const a = ctx.cat.analysis;
  const { fmt } = ctx;
  if (!analysis.priceToWin.length) return [h('p', a.noPriceToWin), true];
  const rank = new Map(result.bids.map((b) => [b.id, b.rank]));
  const rows = [...analysis.priceToWin].sort((x, y) => (rank.get(x.bid) ?? 1e9) - (rank.get(y.bid) ?? 1e9));
  const caption = a.priceToWinCaption;
  const t = grid(caption, 'price-to-win', [ctx.cat.ui.supplier, num(a.priceNow), num(a.priceToWin)], []);
  const done = inSteps(
    stateOf(ctx),
    t.tBodies[0],
    rows.map((p, i) => () => {
      const id = `ptw-${ctx.uid}-${i}`;
      const scale = p.limit;
      const marks = [
        track(),
        h('svg:rect.ptw-now', { x: 0, y: 4, width: `${pos(p.price, scale)}%`, height: 12 }),
      ];
      if (p.priceToWin !== null) marks.push(marker(pos(p.priceToWin, scale), 'ptw-win'));
      if (p.outcome === 'any-price') marks.push(marker(100, 'ptw-win'));
      return [
        h(
          'tr.has-note',
          { 'data-bid': p.bid, 'data-outcome': p.outcome },
          h('th', { scope: 'row', id }, p.supplier),
          h('td.num', fmt.money(p.price)),
          h('td.num', { 'data-price-to-win': '' }, priceToWinCell(ctx, p)),
        ),
        h(
          'tr.note-row',
          h('td.working', { colspan: 3, headers: id }, priceWords(ctx, p, a.outcomes), bar(marks)),
        ),
      ];
    }),
  );
  return [
    [
      scroller(caption, t),
      legend([
        ['ptw-now', a.priceChartNow],
        ['ptw-win', a.priceChartWin],
      ]),
    ],
    done,
  ];
}
