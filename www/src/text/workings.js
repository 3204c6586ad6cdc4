// The engine's workings in the reader's language: each score's formula with its numbers, worded
// by the catalogue's `workings` template for the working's code and filled from its params. The
// engine decides every figure; this only formats the figures it gives, never rounds or computes
// one. The engine's own English stands only for a code the catalogue does not know.
//
// Placeholders: `{name}` as the engine wrote it (marks, scores: the working writes them without
// grouping), `{name:money}` money to the penny (as the engine's workings show it), `{name:number}` a quantity, `{name:amount}` money or, when the
// working's amounts are quantities (the engine gives `unit`), a quantity with its unit,
// `{name:term}` an amount in brackets when below zero (so "£200.00 − (−£8,000.00)" reads one way),
// `{name:list}` the engine's comma-separated list joined in the catalogue's words, `{name:percent}` a
// rate (0.035) as a percentage (3.5%) with every digit it has.

import { leaves } from '../ui/model.js';
import { listText } from './messages.js';

/** Money to the penny with a minus sign (−£8,000.00), as the workings write it. */
function money(fmt, v) {
  return (fmt.pence ?? fmt.money)(String(v)).replace(/^-/, '−');
}

/** A quantity, grouped, with its unit when it has one. */
function quantity(fmt, v, unit) {
  return unit ? `${fmt.number(String(v))} ${unit}` : fmt.number(String(v));
}

/** A list "3, 4, 4" as "3, 4 and 4" in the catalogue's words. */
const list = (cat, v) => listText(cat, String(v).split(', '));

/** The placeholders of a template, by name. */
export const workingPlaceholders = (template) => [...template.matchAll(/\{(\w+)(?::\w+)?\}/g)].map((x) => x[1]);

/**
 * The template for `code` and `params` in `cat`: a string; a list, the first whose placeholders
 * the params all fill; or, for a scored criterion, one per source of the score (`from`).
 */
export function workingTemplate(cat, code, params = {}) {
  const table = cat.workings ?? {};
  let t = Object.hasOwn(table, code) ? table[code] : null;
  if (t && !Array.isArray(t) && typeof t === 'object') t = Object.hasOwn(t, params.from) ? t[params.from] : null;
  if (Array.isArray(t)) t = t.find((x) => workingPlaceholders(x).every((k) => params[k] !== undefined && params[k] !== null));
  return typeof t === 'string' ? t : null;
}

/**
 * A working rendered from `explain` ({ code, params }) through `cat`, figures through `fmt`
 * (text/format.js); `extra` adds what the result gives beside the explain (`score`, the
 * criterion's score as shown; `value`, an award value as shown). `working`, the engine's English,
 * when the catalogue has no template for the code or a placeholder is not given.
 */
export function workingText(cat, fmt, explain, working, extra = {}) {
  if (!explain?.code) return working ?? '';
  const params = { ...(explain.params ?? {}), ...extra };
  const template = workingTemplate(cat, explain.code, params);
  if (!template) return working ?? '';
  let complete = true;
  const text = template.replace(/\{(\w+)(?::(\w+))?\}/g, (whole, key, as) => {
    const v = params[key];
    if (v === undefined || v === null) {
      complete = false;
      return whole;
    }
    const unit = params.unit;
    switch (as) {
      case 'money':
        return money(fmt, v);
      case 'number':
        return fmt.number(String(v));
      case 'percent':
        return fmt.percent(String(v));
      case 'amount':
        return unit === undefined ? money(fmt, v) : quantity(fmt, v, unit);
      case 'term': {
        const shown = unit === undefined ? money(fmt, v) : quantity(fmt, v, unit);
        return String(v).startsWith('-') ? `(${shown})` : shown;
      }
      case 'list':
        return list(cat, v);
      default:
        return String(v);
    }
  });
  return complete ? text : (working ?? text);
}

/**
 * A criterion's working (`CriterionResult`), through `cat`. `zero` is the lowest price of a
 * price scored against zero (code `zero-price-above`): zero by what the code means.
 */
export const criterionWorking = (cat, fmt, c) => workingText(cat, fmt, c.explain, c.working, { score: c.score, zero: '0' });

/** A bid's award value working (`valueWorking`), through `cat`. */
export const valueWorking = (cat, fmt, bid) => workingText(cat, fmt, bid.valueExplain, bid.valueWorking, { value: bid.value });

/**
 * A social value commitment's working (`SocialValueItem`), through `cat`: quantity × proxy value
 * = money, with `unit`, the measure's unit in the tender.
 */
export const commitmentWorking = (cat, fmt, item, unit) =>
  workingText(
    cat,
    fmt,
    { code: 'commitment', params: { quantity: item.quantity, measureUnit: unit ?? '', proxy: item.proxy, money: item.money } },
    item.working,
  );

/** A made-up bid of the published model (`ExampleBid`, `MethodExample`), through `cat`. */
export const exampleWorking = (cat, fmt, e) => workingText(cat, fmt, e.explain, e.working, { score: e.score, value: e.value });

/**
 * How a bid's evaluated price was formed (`priceWorking`, spec §11), through `cat`. The working
 * is figures and symbols ("5,400 × £31.00 + £14,000.00 − 900 × £8.00 = £555,440.00"), the same in
 * every language, after the words of a whole-life cost's present value ("present value of a
 * yearly payment over 15 years at 3.5%: 0.966184 + … = 11.517411; "): those are worded by the
 * catalogue, with the years and the rate from `lifeCycle` (the price's `lifeCycle` in the tender)
 * and the figures as the engine wrote them. The engine's English when it cannot be.
 */
export function priceWorking(cat, fmt, bid, lifeCycle = null) {
  const working = bid.priceWorking ?? '';
  const equals = working.lastIndexOf(' = ');
  if (equals < 0) return working;
  // Only the present value's words hold ": " and "; ".
  const semi = working.lastIndexOf('; ');
  const colon = working.indexOf(': ');
  const params = { products: working.slice(semi < 0 ? 0 : semi + 2, equals), total: working.slice(equals + 3) };
  if (semi >= 0) {
    if (colon < 0 || colon > semi || !lifeCycle) return working;
    Object.assign(params, {
      presentValue: working.slice(colon + 2, semi),
      years: lifeCycle.years,
      discountRate: lifeCycle.discountRate,
    });
  }
  return workingText(cat, fmt, { code: 'evaluated-price', params }, working);
}

/** The `lifeCycle` of a tender's price criterion, if it has one (for {@link priceWorking}). */
export function lifeCycleOf(tender) {
  return leaves(tender ?? {}).find((c) => c?.kind === 'price')?.lifeCycle ?? null;
}
