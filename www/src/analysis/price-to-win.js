// Price to win: for each bid, the price at which it would rank first, as the engine computed it
// (`analyse`), in words and as a table.
import { h, scroller } from '../ui/dom.js';
import { fill } from '../text/messages.js';
import { bar, grid, legend, marker, num, pos, track } from './panel-parts.js';

export function priceWords(ctx, p, templates) {
  const { fmt } = ctx;
  const difference = p.change === null ? '' : fmt.money(p.change.replace(/^-/, ''));
  return fill(templates[p.outcome] ?? p.message, {
    supplier: p.supplier,
    priceToWin: fmt.money(p.priceToWin),
    difference,
    limit: fmt.money(p.limit),
  });
}

export function priceToWinCell(ctx, p) {
  const a = ctx.cat.analysis;
  if (p.outcome === 'any-price') return fill(a.anyPrice, { limit: ctx.fmt.money(p.limit) });
  if (p.outcome === 'cannot-win') return a.cannotWin;
  return ctx.fmt.money(p.priceToWin);
}

export function priceToWinTable(ctx, analysis, result) {
  const a = ctx.cat.analysis;
  const { fmt } = ctx;
  if (!analysis.priceToWin.length) return h('p', {}, a.noPriceToWin);
  const rank = new Map(result.bids.map((b) => [b.id, b.rank]));
  const rows = [...analysis.priceToWin].sort((x, y) => (rank.get(x.bid) ?? 1e9) - (rank.get(y.bid) ?? 1e9));
  const caption = a.priceToWinCaption;
  const t = grid(
    caption,
    'price-to-win',
    [ctx.cat.ui.supplier, num(a.priceNow), num(a.priceToWin)],
    rows.map((p, i) => {
      const id = `ptw-${ctx.uid}-${i}`;
      const scale = p.limit;
      const marks = [
        track(),
        h('svg:rect', { class: 'ptw-now', x: 0, y: 4, width: `${pos(p.price, scale)}%`, height: 12 }),
      ];
      if (p.priceToWin !== null) marks.push(marker(pos(p.priceToWin, scale), 'ptw-win'));
      if (p.outcome === 'any-price') marks.push(marker(100, 'ptw-win'));
      return [
        h(
          'tr',
          { class: 'has-note', 'data-bid': p.bid, 'data-outcome': p.outcome },
          h('th', { scope: 'row', id }, p.supplier),
          h('td', { class: 'num' }, fmt.money(p.price)),
          h('td', { class: 'num', 'data-price-to-win': '' }, priceToWinCell(ctx, p)),
        ),
        h(
          'tr',
          { class: 'note-row' },
          h('td', { colspan: 3, headers: id, class: 'working' }, priceWords(ctx, p, a.outcomes), bar(marks)),
        ),
      ];
    }),
  );
  return [
    scroller(caption, t),
    legend([
      ['ptw-now', a.priceChartNow],
      ['ptw-win', a.priceChartWin],
    ]),
  ];
}
