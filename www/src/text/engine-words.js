// The engine's English prose params and a price schedule's words, in another catalogue's language.
// English takes the engine's own words for both, so only a build with another language carries this
// module: text/cymraeg.js imports it, and it sets `wording` in messages.js (`params` and
// `schedule`), whose engineText and scheduleWords fall back to the engine's words without it.
// Each still gives the engine's words for a catalogue without the tables (English in a Welsh build).
import { fill, plural, wording } from './messages.js';

/** `table[key]` when the table has that key of its own, else undefined. */
function word(table, key) {
  return table && typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * `params` with each param the engine writes in English worded from its code by the catalogue's
 * `params` tables (messages.js, "Params that the engine writes in English prose"); as they are in
 * English, where the catalogue has no words for it.
 */
function wordedParams(cat, params) {
  const t = cat.params;
  const out = { ...params };
  const set = (name, text) => {
    if (text !== undefined) out[name] = text;
  };
  set('expected', word(t.expected, params.expectedCode));
  set('reason', word(t.reason, params.reasonCode));
  for (const name of ['what', 'bound', 'direction', 'kind']) set(name, word(t[name], params[name]));
  const why = t.jsonSyntax?.[Number(params.syntax)];
  if (typeof why === 'string' && params.line !== undefined && params.column !== undefined) {
    set('detail', fill(t.jsonPlace, { syntax: why, line: params.line, column: params.column }));
  }
  return out;
}

/**
 * How a price schedule makes the evaluated price, in the catalogue's `scheduleWords`, from the
 * published model's `price.schedule` (its lines, life cycle and `aboveMax`), figures through `fmt`;
 * the engine's own words when the catalogue has none.
 */
function scheduleText(cat, fmt, schedule) {
  const w = cat.scheduleWords;
  if (!w) return schedule.words;
  const lines = schedule.lines ?? [];
  const count = (key, n) => fill(plural(cat, w[key], n), { count: String(n) });
  const evaluated = lines.filter((l) => !l.optional);
  let text = count('cost', evaluated.filter((l) => !l.income).length);
  const income = evaluated.filter((l) => l.income).length;
  if (income > 0) text += count('income', income);
  const life = schedule.lifeCycle;
  if (life) {
    text += fill(w.lifeCycle, {
      years: fmt.integer(life.years),
      percent: fmt.percent(life.discountRate),
      rate: fmt.number(life.discountRate),
      sum: fmt.number(life.factorSum),
    });
  }
  const optional = lines.length - evaluated.length;
  if (optional > 0) text += count('optional', optional);
  if (lines.some((l) => l.max !== null && l.max !== undefined)) text += w.aboveMax[schedule.aboveMax] ?? '';
  return text;
}

Object.assign(wording, { params: wordedParams, schedule: scheduleText });
