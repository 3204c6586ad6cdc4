// Design mode: lots (spec §18). A contract split into parts that suppliers bid for separately; every
// lot is scored on the same model, on its own, and each bid names its lot. A lot's id follows its
// name until the id is edited, as criteria's ids do, and the example bids follow a renamed lot.
import { h } from '../ui/dom.js';
import { fill } from '../text/messages.js';
import { slugId } from './csv.js';
import { actionButton, followName, identifierField, setOrDelete, textOrNone } from './fields.js';

function renameLot(tender, before, after) {
  for (const bid of tender.bids ?? []) if (bid.lot === before) bid.lot = after;
}

/** The lots list with its fields, for the "About the tender" section. */
export function lotsFields(c) {
  const { d, fields, tender } = c;
  const lots = Array.isArray(tender.lots) ? tender.lots : [];
  const ids = () => new Set(lots.map((l) => l.id));
  const cards = lots.map((lot, i) => {
    const at = `lots[${i}]`;
    const k = c.key(lot);
    const display = () => lot.name || lot.id || d.unnamed;
    const title = h('h5', { class: 'heading-s', tabindex: '-1', 'data-heading': `lot-${k}` }, display());
    const err = h('p', { class: 'error-message', hidden: true });
    fields.anchor(at, { group: h('div'), control: title, error: err });
    const name = fields.text({
      path: `${at}.name`,
      label: d.lotNameLabel,
      width: 'input--w20',
      get: () => lot.name,
      set: (v) => {
        setOrDelete(lot, 'name', textOrNone(v));
        title.textContent = display();
      },
    });
    name.querySelector('input').addEventListener('change', () => {
      followName(c, lot, ids(), 'lot', (a, b) => renameLot(tender, a, b));
      c.rebuildSoon();
    });
    return h(
      'li',
      { class: 'design-card', 'data-context': fill(d.lotContext, { name: display() }), 'data-lot': k },
      title,
      err,
      name,
      fields.text({
        path: `${at}.description`,
        label: d.lotDescriptionLabel,
        multiline: true,
        get: () => lot.description,
        set: (v) => setOrDelete(lot, 'description', textOrNone(v)),
      }),
      identifierField(c, at, lot, (a, b) => renameLot(tender, a, b)),
      actionButton(
        'lot-remove',
        d.removeLot,
        () => {
          lots.splice(i, 1);
          if (!lots.length) delete tender.lots;
          // The example bids for it now name no lot; the engine says so at each one's lot field.
          for (const bid of tender.bids ?? []) if (bid.lot === lot.id) delete bid.lot;
          const next = lots[i] ?? lots[i - 1];
          c.structure(next ? [`[data-heading="lot-${c.key(next)}"]`] : ['[data-action="lot-add"]']);
          c.announce(fill(d.removed, { name: display() }));
        },
        { key: k, kind: 'warning', small: true, hidden: ` “${display()}”` },
      ),
    );
  });
  const add = actionButton('lot-add', d.addLot, () => {
    const lot = { id: slugId(d.newLot, ids(), 'lot'), name: d.newLot };
    c.session.autoIds.add(lot);
    tender.lots = [...lots, lot];
    // With lots every bid names one: example bids made before the first lot go in it.
    if (!lots.length) for (const bid of tender.bids ?? []) bid.lot ??= lot.id;
    c.structure(`[data-path="lots[${lots.length}].name"]`, { select: true });
  });
  const addErr = h('p', { class: 'error-message', hidden: true });
  fields.anchor('lots', { group: h('div'), control: add, error: addErr });
  return [
    h('h4', { class: 'heading-s' }, d.lotsHeading),
    h('p', { class: 'hint' }, d.lotsIntro),
    cards.length ? h('ol', { class: 'design-cards' }, cards) : h('p', { class: 'inset' }, d.noLots),
    addErr,
    add,
  ];
}
