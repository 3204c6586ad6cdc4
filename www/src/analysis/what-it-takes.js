// What it takes (self-assess): the changes to a supplier's scores or commitments that the engine
// found would rank the bid first.
import { h, scroller } from '../ui/dom.js';
import { fill } from '../text/messages.js';
import { leaves } from '../ui/model.js';
import { grid, heading, num, shown } from './panel-parts.js';

function nameOf(ctx, id) {
  return leaves(ctx.tender).find((c) => c.id === id)?.name ?? id;
}

/**
 * What it takes to rank first (self-assess): each change the engine found that would do it, in
 * words and as a table; `takes` is the engine's entry for the supplier's bid, or none when it leads.
 */
export function whatItTakes(ctx, takes) {
  const a = ctx.cat.analysis;
  const { fmt } = ctx;
  const parts = [heading('h4', a.whatItTakesHeading)];
  if (!takes) {
    parts.push(h('p', { 'data-what-it-takes': '' }, a.whatItTakesLeader));
  } else {
    const measures = new Map((ctx.tender.measures ?? []).map((m) => [m.id, m]));
    const words = takes.options.map((o) => {
      const m = measures.get(o.measure);
      const params = {
        name: o.kind === 'score' ? nameOf(ctx, o.criterion) : (m?.name ?? o.measure),
        unit: m?.unit ?? '',
        from: shown(fmt, o.fromDisplay),
        to: fmt.number(o.to),
      };
      const t = a.takes;
      return fill(
        o.kind === 'score'
          ? o.to === null
            ? t.scoreNone
            : t.score
          : o.to === null
            ? t.commitmentNone
            : t.commitment,
        params,
      );
    });
    parts.push(
      h('p', a.whatItTakesIntro),
      h(
        'ul.list',
        { 'data-what-it-takes': '' },
        words.map((w) => h('li', w)),
      ),
      scroller(
        a.whatItTakesCaption,
        grid(
          a.whatItTakesCaption,
          'what-it-takes',
          [a.change, num(a.youNow), num(a.needed)],
          takes.options.map((o) => {
            const m = measures.get(o.measure);
            const what =
              o.kind === 'score'
                ? fill(a.scoreOn, { name: nameOf(ctx, o.criterion) })
                : fill(a.commitmentTo, { name: m?.name ?? o.measure, unit: m?.unit ?? '' });
            return h(
              'tr',
              { 'data-option': o.measure ?? o.criterion },
              h('th', { scope: 'row' }, what),
              h('td.num', shown(fmt, o.fromDisplay)),
              h('td.num', o.to === null ? a.notEnough : fmt.number(o.to)),
            );
          }),
        ),
      ),
    );
  }
  return parts;
}
