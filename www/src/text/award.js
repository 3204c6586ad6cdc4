// Award methods other than the weighted sum (price per quality point, quality-price ratio,
// fictitious discount): their names, column labels and how their figures read. Every figure is the
// engine's (`value`, `valueWorking`, `total`, `inBand`, `rank`); this module only labels and formats
// them. No DOM at import time, so the assessment summary builder can use it in Node too.
import { h } from '../ui/dom.js';
import { formatter } from './format.js';
import { fill } from './messages.js';
import { valueWorking } from './workings.js';

const WEIGHTED_SUM = 'weighted-sum';

/**
 * A tie-break rule in words: `price`, `draw` (from `seed`, or `noSeed` when it has none) or
 * `criterion:ID` / `group:ID`, named by `nameOf(ID)` when that is text, else by the id. Only the
 * forms the engine accepts are worded: an id may hold a colon (only the first one ends the kind),
 * and anything else ("criterion" with no id, "draw:x", "constructor:x", a number) is shown as
 * written, never a template with its placeholder left in or one looked up on the catalogue's
 * prototype.
 */
export function tieRuleText(ui, rule, nameOf, seed, noSeed) {
  if (rule === 'price') return ui.tieBreak.price;
  if (rule === 'draw') return typeof seed === 'string' && seed.trim() ? fill(ui.tieBreak.draw, { seed }) : noSeed;
  const [, kind, id] = /^(criterion|group):(.+)$/s.exec(typeof rule === 'string' ? rule : '') ?? [];
  if (!kind) return String(rule);
  const name = nameOf(id);
  return fill(ui.tieBreak[kind], { name: typeof name === 'string' && name.trim() ? name : id });
}

/** True for the methods that rank on a value other than the total score. */
export function usesValue(method) {
  return Boolean(method) && method !== WEIGHTED_SUM;
}

/** The catalogue entry for a method, or null for the weighted sum and unknown methods. */
export function methodText(cat, method) {
  return usesValue(method) ? (cat.award.methods[method] ?? null) : null;
}

/** The method a tender file asks for. */
export function tenderMethod(tender) {
  return tender?.award?.method ?? WEIGHTED_SUM;
}

/** A score, sub-total or total: money under the fictitious discount (criteria carry money values). */
export function scoreText(fmt, method, text) {
  return method === 'fictitious-discount' ? fmt.money(text) : fmt.number(text);
}

/** A bid's award value: money per quality point and fictitious prices are money; the ratio is a number. */
export function valueText(fmt, method, text) {
  if (text === null || text === undefined) return '';
  return method === 'quality-price-ratio' ? fmt.number(text) : fmt.money(text);
}

/** Whether the tender uses the band of the extended quality-price ratio method. */
export function hasBand(tender) {
  const a = tender?.award;
  return a?.method === 'quality-price-ratio' && a.band !== undefined && a.band !== null;
}

/** Heading of the totals column: "Total score", "Quality points" or "Quality discount". */
export function totalHeading(cat, method) {
  return methodText(cat, method)?.total ?? cat.ui.total;
}

/** Heading of a breakdown's maximum column: "Marks", or "Worth" under the fictitious discount. */
export function maxHeading(cat, method) {
  return method === 'fictitious-discount' ? cat.award.marksHeading[method] : cat.ui.marks;
}

/** The ranking table's caption. */
export function rankingCaption(cat, fmt, result, tender) {
  const m = methodText(cat, result.method);
  const max = scoreText(fmt, result.method, result.maxTotal);
  if (!m) return fill(cat.ui.rankingCaption, { max });
  const caption = fill(m.caption, { max });
  return hasBand(tender)
    ? `${caption} ${fill(cat.award.bandCaption, { decider: cat.award.deciders[tender.award.bandDecider ?? 'quality'] ?? '' })}`
    : caption;
}

/** Extra column headings of the ranking table (and CSV) for the method: its value, and the band. */
export function valueHeadings(cat, result, tender) {
  const m = methodText(cat, result.method);
  if (!m) return [];
  return hasBand(tender) ? [m.value, cat.award.inBand] : [m.value];
}

function bandText(cat, bid) {
  if (bid.rank === null) return '–';
  return bid.inBand ? cat.award.yes : cat.award.no;
}

/** The ranking table's extra cells for one bid (see `valueHeadings`). */
export function valueCells(ctx, result, bid) {
  const { cat, fmt, tender } = ctx;
  if (!methodText(cat, result.method)) return [];
  return [
    h('td.num', { 'data-value': bid.value ?? '' }, valueText(fmt, result.method, bid.value) || '–'),
    hasBand(tender) ? h('td', { 'data-in-band': String(bid.inBand) }, bandText(cat, bid)) : null,
  ];
}

/** The CSV's extra fields for one bid: the engine's value as written, and band membership. */
export function valueFields(cat, result, tender, bid) {
  if (!methodText(cat, result.method)) return [];
  return hasBand(tender) ? [bid.value ?? '', bandText(cat, bid)] : [bid.value ?? ''];
}

/** A bid's value in words for announcements: "£2,944.44 per quality point". */
export function valuePhrase(ctx, method, bid) {
  const m = methodText(ctx.cat, method);
  if (!m || bid.value === null) return null;
  return fill(m.valueWith, { value: valueText(ctx.fmt, method, bid.value) });
}

/** Under a breakdown: the bid's award value and the engine's working for it. */
export function valueSummary(ctx, method, bid) {
  const m = methodText(ctx.cat, method);
  if (!m || bid.value === null) return null;
  return h(
    'div.inset',
    { 'data-value-summary': bid.id },
    h('p', h('strong', `${m.value}: `), valueText(ctx.fmt, method, bid.value)),
    bid.valueWorking ? h('p.working', valueWorking(ctx.cat, ctx.fmt, bid)) : null,
    hasBand(ctx.tender) && bid.rank !== null
      ? h('p', bid.inBand ? ctx.cat.award.inBandYes : ctx.cat.award.inBandNo)
      : null,
  );
}

/** Self-assess: "Your quality points: 70.00 out of 100" (or the weighted sum's "Your total: …"). */
export function yourTotal(ctx, result, bid) {
  const m = methodText(ctx.cat, result.method);
  const params = {
    total: scoreText(ctx.fmt, result.method, bid.total),
    max: scoreText(ctx.fmt, result.method, result.maxTotal),
  };
  return fill(m?.yourTotal ?? ctx.cat.ui.yourTotal, params);
}

/** Self-assess: "Your price per quality point: £3,428.57", or null under the weighted sum. */
export function yourValue(ctx, result, bid) {
  const m = methodText(ctx.cat, result.method);
  if (!m || bid.value === null) return null;
  return fill(m.yourValue, { value: valueText(ctx.fmt, result.method, bid.value) });
}

/**
 * The method in words for a published model or a summary: the catalogue's explanation with the
 * file's parameters, falling back to the engine's own description for a method it does not know.
 */
export function methodWords(cat, locale, method, award, maxText, engineDescription) {
  const known = cat.award.methods[method];
  if (!known) return engineDescription ?? '';
  const scale = award?.scale ?? cat.award.defaultScale;
  // Through text/format.js, which never rounds a figure (Intl alone stops at 3 decimals).
  const fmt = formatter(locale);
  const words = fill(known.words, { max: maxText, scale: fmt.number(String(scale)) });
  if (method === 'quality-price-ratio' && award?.band !== undefined && award?.band !== null) {
    return `${words} ${fill(cat.award.bandWords, {
      percent: fmt.percent(String(award.band)),
      decider: cat.award.deciders[award.bandDecider ?? 'quality'] ?? award.bandDecider,
    })}`;
  }
  return words;
}
