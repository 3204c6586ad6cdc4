// Weight stability: how far each weight can move before another bid would rank first, as the
// engine computed it (`analyse`).
import { h, scroller } from '../ui/dom.js';
import { fill } from '../text/messages.js';
import { markItems } from './marks-to-try.js';
import { bar, grid, legend, marker, num, pos, track } from './panel-parts.js';

export function supplierOf(tender, id) {
  return (tender.bids ?? []).find((b) => b.id === id)?.supplier ?? id;
}

/** Who would rank first outside the interval, in words. */
function rivalWords(a, w, tender, pct) {
  const words = [];
  if (w.rivalBelow) words.push(fill(a.rivalBelow, { low: pct(w.low), supplier: supplierOf(tender, w.rivalBelow) }));
  if (w.rivalAbove) words.push(fill(a.rivalAbove, { high: pct(w.high), supplier: supplierOf(tender, w.rivalAbove) }));
  return words.length ? words.join(' ') : a.noRival;
}

export function stabilityTable(ctx, analysis, tender, part = 'weight-stability') {
  const a = ctx.cat.analysis;
  const { fmt } = ctx;
  // In the order of the criteria tree, each criterion under its group.
  const order = new Map(markItems(tender).map((it, i) => [it.c.id, [i, it.top]]));
  const rows = [...analysis.weightStability].sort(
    (x, y) => (order.get(x.id)?.[0] ?? 1e9) - (order.get(y.id)?.[0] ?? 1e9),
  );
  const pct = (n) => fill(a.percent, { n: fmt.number(n) });
  const caption = a.stabilityCaption;
  const t = grid(
    caption,
    part,
    [a.groupOrCriterion, num(a.shareNow), a.winnerStays],
    rows.map((w, i) => {
      const id = `ws-${ctx.uid}-${part}-${i}`;
      const low = pos(w.low, 100);
      const high = pos(w.high, 100);
      return [
        h(
          'tr',
          { class: `has-note${order.get(w.id)?.[1] ? ' nested' : ''}`, 'data-item': w.id },
          h('th', { scope: 'row', id }, w.name),
          h('td.num', pct(w.share)),
          h('td', { 'data-interval': '' }, fill(a.between, { low: pct(w.low), high: pct(w.high) })),
        ),
        h(
          'tr.note-row',
          h(
            'td.working',
            { colspan: 3, headers: id, 'data-rivals': '' },
            rivalWords(a, w, tender, pct),
            bar(
              track(),
              h('svg:rect.ws-band', {
                x: `${low}%`,
                y: 4,
                width: `${Math.max(0, high - low)}%`,
                height: 12,
              }),
              marker(pos(w.share, 100), 'ws-now'),
            ),
          ),
        ),
      ];
    }),
  );
  return [
    scroller(caption, t),
    legend([
      ['ws-band', a.stabilityChartBand],
      ['ws-now', a.stabilityChartNow],
    ]),
  ];
}
