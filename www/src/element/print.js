// The widget's print-only parts, filled just before printing: the date it was printed and, except
// in publish mode, every bid's breakdown with its working.
import { h } from '../ui/dom.js';
import { fill } from '../text/messages.js';
import { breakdown, ordered } from '../ui/results.js';

/** Fills `els.printDate` and `els.print` for `result`; `publish` leaves out the breakdowns. */
export function fillPrint(els, ctx, result, publish) {
  els.printDate.textContent = fill(ctx.cat.ui.printedOn, { date: ctx.fmt.date(new Date()) });
  if (publish) return;
  els.print.replaceChildren(
    h('h3', { class: 'heading-m' }, ctx.cat.ui.breakdownHeading),
    ...ordered(result).map((b) => breakdown(ctx, b, { headingLevel: 'h4' })),
  );
}
