// The assessment summaries (Procurement Act 2023 s.50) in a catalogue's language, for the
// catalogues that have `summary` words; English has none, as its words are the engine's own
// (`assessed`, `text`), so only a build with another language carries this module (text/cymraeg.js
// imports it; it sets `wording` in messages.js). It words how each criterion was assessed (the
// price formula, the scale, the stated value or the social value rule, and every published rule on
// it that disqualifies) from the published model (`describe(tender)`) and, for what the model does
// not say (a stated value's unit and direction, a social value rule), the tender's criterion; and
// the plain-text summary, line by line as the engine writes it, from the parts the HTML document
// is made of (evaluate/debrief.js). tests/node/summary-text.test.mjs words every summary of the
// repository through the engine's English as templates and gets the engine's text exactly.
// No DOM, so it runs in Node.
import { engineText, fill, scheduleWords, wording } from './messages.js';
import { leaves } from '../ui/model.js';

/** Money to the penny with a minus sign (−£8,000.00), as the engine's summaries write it. */
function pounds(fmt, v, exact = false) {
  return (exact ? fmt.money : (fmt.pence ?? fmt.money))(String(v)).replace(/^-/, '−');
}

/** `fill`, of a list of templates with the first whose placeholders are all given. */
function words(template, params = {}) {
  const given = (t) => [...t.matchAll(/\{(\w+)\}/g)].every(([, k]) => params[k] != null);
  return fill(Array.isArray(template) ? (template.find(given) ?? template.at(-1)) : template, params);
}

/** A word of one of the catalogue's tables for `code`, else `code` itself. */
const named = (table, code) => (table && Object.hasOwn(table, code) ? table[code] : code);

/**
 * The published rules (model `thresholdRules`, spec §13) on the criterion or group `id` (`key` is
 * `criterion` or `group`), each saying that it disqualifies, joined; null when there is none.
 */
function rulesOn(cat, model, key, id) {
  const s = cat.summary;
  const rules = (model?.thresholdRules ?? []).filter((r) => r.params?.[key] === id);
  if (!rules.length) return null;
  // The engine's rule through the catalogue's table, which starts it lowercase as it sits mid-sentence.
  const rule = (r) => {
    const text = engineText(cat, 'summaryRules', r);
    return text.charAt(0).toLowerCase() + text.slice(1);
  };
  return rules.map((r) => words(s.disqualifies, { rule: rule(r) })).join(s.join);
}

/** The price criterion's words: its formula (or that price has no marks), schedule and ceiling. */
function priceWords(cat, fmt, model) {
  const s = cat.summary;
  const p = model.price ?? {};
  const parts = [
    p.scored
      ? words(named(s.formulas, p.formula), p.params ?? {})
      : words(s.notMarked, { method: named(s.methods, model.method) }),
  ];
  if (p.schedule) parts.push(scheduleWords(cat, fmt, p.schedule));
  if (p.ceiling != null) {
    parts.push(words(named(s.ceiling, p.aboveCeiling), { ceiling: pounds(fmt, p.ceiling) }));
  }
  return parts.join(s.join);
}

/** A scored criterion's words: its scale's points (or range), how marks follow, its threshold. */
function scoredWords(cat, model, id) {
  const s = cat.summary;
  const node = findNode(model.criteria, id);
  const scale = (model.scales ?? []).find((x) => x.name === node?.scale);
  if (!scale) return null;
  const points = scale.range
    ? words(s.range, { from: scale.range[0], to: scale.range[1], step: scale.range[2] })
    : scale.points.map((p) => (p.label == null ? p.value : `${p.value} ${p.label}`)).join(', ');
  const worth = model.method === 'fictitious-discount' ? s.worth.money : s.worth.marks;
  let text = words(s.scored, { points, worth, top: scale.top });
  const threshold = (model.thresholds ?? []).find((t) => t.criterion === id);
  if (threshold) text += s.join + words(s.threshold, { threshold: threshold.threshold });
  return text;
}

function findNode(nodes = [], id) {
  for (const n of nodes) {
    if (n.id === id) return n;
    const found = findNode(n.children, id);
    if (found) return found;
  }
  return null;
}

/**
 * How criterion `id` was assessed, in `cat`'s language, figures through `fmt`: from `model`
 * (`describe(tender)`) and `tender` (in the language the engine read it in). Null when the model
 * or the tender does not hold the criterion (the caller keeps the engine's English then).
 */
function assessedText(cat, fmt, model, tender, id) {
  const s = cat.summary;
  const c = leaves(tender ?? {}).find((x) => x?.id === id);
  if (!model || !c) return null;
  let text;
  switch (c.kind) {
    case 'price':
      text = priceWords(cat, fmt, model);
      break;
    case 'scored':
      text = scoredWords(cat, model, id);
      break;
    case 'numeric':
      text = words(s.numeric, { unit: c.unit, direction: named(cat.params.direction, c.direction ?? 'higher') });
      break;
    case 'measures': {
      const ids = Array.isArray(c.measures) ? c.measures : [];
      const scoring = c.svScoring ?? 'relative-to-highest';
      const target = c.target == null ? null : pounds(fmt, c.target);
      text = words(s.measures, {
        // In the order of the tender's measures, as the engine lists them.
        measures: (model.measures ?? []).filter((m) => ids.includes(m.id)).map((m) => m.name).join(', '),
        rule: words(named(s.svRules, scoring), { target }),
      });
      break;
    }
    case 'pass-fail':
      text = s.passFail;
      break;
    default:
      text = null;
  }
  if (text === null) return null;
  const more = rulesOn(cat, model, 'criterion', id);
  return more ? text + s.join + more : text;
}

/**
 * Summary `d` (one of the engine's `debriefs()`) as plain text, from `p`, its parts as
 * evaluate/debrief.js makes them. Figures are as the engine wrote them; money and, under the
 * fictitious discount, scores are written as money with every digit the engine gave.
 */
function summaryText(d, p) {
  const { cat, t, s, fmt, method, winner, own, m, working, explanation, winnerBid } = p;
  const money = (v) => pounds(fmt, v, true);
  const moneyScores = method === 'fictitious-discount';
  const score = (v) => (moneyScores ? money(v) : v);
  const value = (v) => (method === 'quality-price-ratio' ? v : money(v));
  const lower = (text) => text.charAt(0).toLowerCase() + text.slice(1);
  const totalName = m ? lower(m.total) : s.totalScore;
  const valueName = method === 'quality-price-ratio' ? s.ratio : m ? lower(m.value) : '';
  const max = score(d.maxTotal);
  const outOf = (marks, total) => fill(cat.ui.marksOutOf, { marks, total });
  const lines = [`${t.heading}: ${d.title ?? s.theTender}`];
  if (d.reference != null) lines.push(`${t.reference}: ${d.reference}`);
  if (d.buyer != null) lines.push(`${t.buyer}: ${d.buyer}`);
  if (d.lotName != null) lines.push(`${cat.ui.lotLabel}: ${d.lotName}`);
  lines.push(`${t.supplier}: ${d.supplier}`, '', `${t.methodHeading}: ${Object.hasOwn(s.methods, method) ? s.methods[method] : d.methodDescription}.`);
  if (d.status === 'ranked' && d.rank === 1) lines.push(t.winner);
  else if (d.status === 'ranked' && d.rank !== null) lines.push(fill(t.ranked, { rank: d.rank, count: d.rankedBids }));
  else if (d.status === 'disqualified') lines.push(words(s.disqualified, { reasons: p.reasons().join(s.join) }));
  else lines.push(s.incomplete);
  if (m && d.price != null) lines.push(fill(t.price, { price: money(d.price) }));
  lines.push(words(s.your, { name: totalName, value: outOf(score(d.total), max) }));
  if (d.value != null) {
    const worked = p.valueWorking(own, d.valueWorking);
    lines.push(words(s.your, { name: valueName, value: value(d.value) }) + (worked ? words(s.workedOut, { working: worked }) : ''));
  }
  if (winner) {
    let line = words(s.winner, { supplier: winner.supplier });
    if (m) {
      line += words(s.winnerTotal, { name: totalName, total: score(winner.total), max });
      if (winner.price != null) line += words(s.winnerPrice, { price: money(winner.price) });
      if (winner.value != null) line += words(s.winnerValue, { name: valueName, value: value(winner.value) });
    } else line += outOf(winner.total, max);
    lines.push(line);
  }
  const [your, their] = moneyScores ? [s.yourDiscount, s.winnerDiscount] : [t.yourScore, s.winnerScore];
  for (const c of d.criteria) {
    const ownWorking = working(own, c.id, c.working);
    lines.push(
      '',
      words(moneyScores ? s.criterionMoney : s.criterion, { name: c.name, group: c.group, max: score(c.max), share: c.weightPercent }),
      `  ${t.assessed}: ${p.assessed(c)}`,
      `  ${your}: ${c.score == null ? t.notScored : score(c.score)} (${ownWorking})`,
    );
    if (c.explanation !== c.working) lines.push(`  ${t.explanation}: ${explanation(own, c.id, c.explanation)}`);
    if (c.winnerScore != null && c.winnerExplanation != null) {
      lines.push(`  ${their}: ${score(c.winnerScore)}. ${explanation(winnerBid, c.id, c.winnerExplanation)}`);
    }
  }
  if (d.groups.length) {
    lines.push('', t.groupsHeading);
    for (const g of d.groups) {
      let line = `  ${g.name}: ${outOf(score(g.score), score(g.max))}`;
      if (g.winnerScore != null) line += words(s.subtotalWinner, { score: score(g.winnerScore) });
      const rule = p.threshold(g);
      if (rule) line += s.join + rule;
      lines.push(line);
    }
  }
  return `${lines.join('\n')}\n`;
}

Object.assign(wording, { assessed: assessedText, rules: rulesOn, text: summaryText });
