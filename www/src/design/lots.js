// Design mode: lots (spec §18). A contract split into parts that suppliers bid for separately; every
// lot is scored on the same model, on its own, and each bid names its lot. A lot's id follows its
// name until the id is edited, as criteria's ids do, and the example bids follow a renamed lot.
import { h } from '../ui/dom.js';
import { namedCards, setOrDelete, textOrNone } from './fields.js';

/** The lots with their fields, for the "About the tender" section. */
export function lotsFields(c) {
  const { d, fields, tender } = c;
  const bids = () => tender.bids ?? [];
  return [
    h('h4.heading-s', d.lotsHeading),
    h('p.hint', d.lotsIntro),
    namedCards(c, {
      kind: 'lot',
      path: 'lots',
      list: Array.isArray(tender.lots) ? tender.lots : [],
      label: d.lotNameLabel,
      add: d.addLot,
      newName: d.newLot,
      empty: d.noLots,
      context: d.lotContext,
      heading: (name) => name,
      write: (list) => {
        // With lots every bid names one: example bids made before the first lot go in it.
        if (list && !tender.lots?.length) for (const bid of bids()) bid.lot ??= list[0].id;
        setOrDelete(tender, 'lots', list);
      },
      rename: (before, after) => {
        for (const bid of bids()) if (bid.lot === before) bid.lot = after;
      },
      // The example bids for it then name no lot; the engine says so at each one's lot field.
      drop: (lot) => {
        for (const bid of bids()) if (bid.lot === lot.id) delete bid.lot;
      },
      body: (lot, at, name) => [
        name,
        fields.text({
          path: `${at}.description`,
          label: d.lotDescriptionLabel,
          multiline: true,
          words: lot,
          get: () => lot.description,
          set: (v) => setOrDelete(lot, 'description', textOrNone(v)),
        }),
      ],
    }),
  ];
}
