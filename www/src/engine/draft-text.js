// The tender being edited as JSON text for the engine, written again only where it changed. With
// hundreds of bids, writing the whole tender after every key (and first walking it for what JSON
// would not carry) was several milliseconds of each evaluation; a key typed changes one bid.
import { asText, faithful } from './engine.js';

/** Stands for the list of bids in the rest of the tender; its text is checked to occur once. */
const STAND_IN = '\u0000bids written apart\u0000';
const MARK = JSON.stringify(STAND_IN);

/**
 * A bid's text as JSON.stringify writes it at place `i` of the tender's bids (three levels deep),
 * or null when JSON would not carry it as it is (see `faithful`) or it is not a plain object.
 * Throws where a getter or a Proxy does.
 */
function bidText(bid, i) {
  return bid !== null && typeof bid === 'object' && typeof bid.toJSON !== 'function' && faithful(bid, 3, true, String(i))
    ? JSON.stringify(bid)
    : null;
}

/**
 * One widget's tender text: a function `(tender, changed)` returning what `asText(tender)` returns
 * (the JSON text when JSON carries the tender as it is, else the tender itself, for the engine to
 * name what is wrong where it is), character for character. `changed` is the set of indexes of the
 * bids changed since the last call for this very tender and list of bids, whose texts are kept;
 * `null` when that is not known, and then every bid is written again.
 */
export function draftText() {
  let last = null; // the tender and list of bids the texts were written for
  let bids = null;
  let texts = null; // each bid's text, in order; null when none are kept

  /** The tender's text around the bids' texts kept; null when the rest cannot be written apart. */
  const joined = (tender) => {
    const rest = asText({ ...tender, bids: STAND_IN });
    const at = typeof rest === 'string' ? rest.indexOf(MARK) : -1;
    return at < 0 || rest.includes(MARK, at + 1) ? null : `${rest.slice(0, at)}[${texts}]${rest.slice(at + MARK.length)}`;
  };

  const whole = (tender) => {
    last = tender;
    bids = tender?.bids;
    texts = null;
    if (Array.isArray(bids) && typeof tender.toJSON !== 'function' && typeof bids.toJSON !== 'function') {
      // Every place, holes too (which JSON writes as null, and the engine names).
      const each = Array.from(bids, (b, i) => bidText(b, i));
      texts = each.includes(null) ? null : each;
    }
    return (texts && joined(tender)) ?? ((texts = null), asText(tender));
  };

  return (tender, changed = null) => {
    try {
      if (
        changed === null ||
        !texts ||
        tender !== last ||
        tender.bids !== bids ||
        bids.length !== texts.length ||
        [...changed].some((i) => !(Number.isInteger(i) && i >= 0 && i < bids.length))
      ) {
        return whole(tender);
      }
      for (const i of changed) texts[i] = bidText(bids[i], i) ?? 0;
      return (!texts.includes(0) && joined(tender)) || whole(tender);
    } catch {
      // A Proxy or a getter that throws: no texts kept, and asText's answer (which never throws).
      texts = null;
      return asText(tender);
    }
  };
}
