// The widget's print-only parts, filled just before printing: the date it was printed and, except
// in publish mode, every bid's breakdown with its working and, the panel's record, what each
// evaluator scored, the moderated score and the rationale on every criterion.
import { h, table } from '../ui/dom.js';
import { fill } from '../text/messages.js';
import { breakdown, ordered } from '../ui/results.js';
import { marking, own } from '../ui/fields.js';

/** Fills `els.printDate` and `els.print` for `result`; `publish` leaves out the bids. */
export function fillPrint(els, ctx, result, publish) {
  els.printDate.textContent = fill(ctx.cat.ui.printedOn, { date: ctx.fmt.date(new Date()) });
  if (publish) return;
  const bids = new Map((ctx.tender?.bids ?? []).map((b) => [b?.id, b]));
  els.print.replaceChildren(
    h('h3.heading-m', ctx.cat.ui.breakdownHeading),
    ...ordered(result).flatMap((b) => [
      breakdown(ctx, b, { headingLevel: 'h4' }),
      panelRecord(ctx, b, bids.get(b.id)),
    ]),
  );
}

/**
 * The scores as the panel gave them (input, shown as typed: the engine's working above says what
 * was made of them), one row per criterion the bid has scores for; null when it has none.
 */
function panelRecord(ctx, bid, input) {
  const { ui } = ctx.cat;
  const rows = bid.criteria
    .map((c) => [c.name, marking(input, c.id)])
    .filter(([, given]) => given)
    .map(([name, given]) => {
      const each = Object.entries(own(given, 'evaluators') ?? {}).map(([who, v]) => `${who}: ${v}`);
      return [name, each.join('; '), String(own(given, 'moderated') ?? ''), String(own(given, 'rationale') ?? '')];
    });
  if (!rows.length) return null;
  return table({
    caption: fill(ui.panelRecordCaption, { supplier: bid.supplier }),
    head: [ui.criterion, ui.evaluatorsHeading, ui.moderated, ui.rationale],
    rows,
    part: 'table panel-record',
  });
}
