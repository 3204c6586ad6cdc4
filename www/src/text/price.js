// A price formula in the reader's language: the rule in words and the equation with the tender's
// own figures, worded from the engine's formula code and params (the model's `price`), never from
// the engine's English. The engine's words stand only for a formula the catalogue does not know.
import { fill } from './messages.js';

/** { words, equation } for the model's `price` (formula, marks, params), figures through `fmt`. */
export function priceText(cat, fmt, price) {
  const f = Object.hasOwn(cat.formulas, price.formula) ? cat.formulas[price.formula] : null;
  if (!f) return { words: price.words, equation: price.equation };
  const money = (v) => (v === undefined ? undefined : fmt.money(v));
  const p = price.params ?? {};
  const params = {
    marks: fmt.number(p.marks ?? price.marks),
    zeroAt: p.zeroAt,
    best: money(p.best),
    worst: money(p.worst),
    reference: money(p.reference),
  };
  return { words: fill(f.words, params), equation: fill(p.cap ? f.equationCapped : f.equation, params) };
}
