// An assessment summary (Procurement Act 2023 s.50) as a standalone HTML document: print-ready on
// A4, no scripts and nothing fetched (its only style is its own <style>), headings and real tables
// for assistive technology. Built as text from one entry of the engine's `debriefs()`; every value
// is escaped, so markup in a supplier's name or a rationale stays text. Every figure is the
// engine's; this module only lays them out and formats them with Intl. No DOM is used, so it runs
// in Node as well as in the page.
import { catalogue, engineText, fill, sentence, wording } from '../text/messages.js';
import { formatter } from '../text/format.js';
import { hasBand, methodText, methodWords, scoreText, valueText } from '../text/award.js';
import { fileName } from '../storage/io.js';
import { criterionWorking, priceWorking, valueWorking as valueWorkingText } from '../text/workings.js';

/** The engine's explanation of a scored criterion without a recorded rationale (src/debrief.rs). */
const NO_RATIONALE = 'no rationale was recorded for this score';

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const STYLE = String.raw`
@page { size: A4; margin: 18mm 16mm 20mm; }
html { color: #0b0c0c; background: #ffffff; font-family: arial, sans-serif; line-height: 1.4; }
body { max-width: 50rem; margin: 0 auto; padding: 1rem; overflow-wrap: break-word; }
h1 { font-size: 1.75rem; line-height: 1.15; margin: 0 0 0.5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; padding-top: 0.5rem; border-top: 2px solid #0b0c0c; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
p, ul, dl { margin: 0 0 0.75rem; }
.lead { font-size: 1.2rem; }
.secondary, .working { color: #505a5f; }
dl.about div { display: flex; flex-wrap: wrap; column-gap: 1rem; margin-bottom: 0.25rem; }
dl.about dt { min-width: 13rem; }
dl.about dt, dl.detail dt { font-weight: 700; }
dl.about dd { margin: 0; }
dl.detail dd { margin: 0 0 0.5rem; }
.table-wrap { max-width: 100%; overflow-x: auto; margin: 0 0 1rem; }
.table-wrap:focus { outline: 3px solid #ffdd00; box-shadow: 0 0 0 6px #0b0c0c; }
table { width: 100%; border-collapse: collapse; }
caption { text-align: left; font-weight: 700; padding: 0 0 0.4rem; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.75rem 0.4rem 0; border-bottom: 1px solid #b1b4b6; }
th:last-child, td:last-child { padding-right: 0; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
footer { margin-top: 2rem; font-size: 0.9rem; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, .criterion { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap { overflow: visible; }
  .table-wrap:focus { outline: none; box-shadow: none; }
}
`;

function table({ id, caption, head, rows, numeric }) {
  const th = (cell, i) => `<th scope="col"${numeric.includes(i) ? ' class="num"' : ''}>${escapeHtml(cell)}</th>`;
  const row = ({ key, cells }) =>
    `<tr${key ? ` data-row="${escapeHtml(key)}"` : ''}>${cells
      .map((cell, i) =>
        i === 0
          ? `<th scope="row">${escapeHtml(cell)}</th>`
          : `<td${numeric.includes(i) ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`,
      )
      .join('')}</tr>`;
  return [
    `<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0">`,
    `<table id="table-${id}">`,
    `<caption id="${id}">${escapeHtml(caption)}</caption>`,
    `<thead><tr>${head.map(th).join('')}</tr></thead>`,
    `<tbody>${rows.map(row).join('')}</tbody>`,
    '</table></div>',
  ].join('\n');
}

function dl(className, items) {
  const parts = items
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([term, value]) => `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd></div>`);
  return `<dl class="${className}">${parts.join('')}</dl>`;
}

/**
 * What the HTML document and the plain text share: the catalogue, the formatter, and each part of
 * the summary in the catalogue's language. Every part falls back to the engine's English where
 * what it is worded from is not given (`result` for the workings and reasons; `model` and
 * `tender` for how each criterion was assessed).
 */
function parts(d, { locale = 'en-GB', currency = 'GBP', result = null, lifeCycle = null, model = null, tender = null }) {
  const cat = catalogue(locale);
  const t = cat.debrief;
  const s = cat.summary;
  const fmt = formatter(locale, currency);
  const method = d.method;
  const winner = d.winner;
  const bidOf = (id) => result?.bids.find((b) => b.id === id) ?? null;
  const own = bidOf(d.bid);
  const inResult = (bid, id) => bid?.criteria.find((x) => x.id === id);
  return {
    cat,
    t,
    s,
    fmt,
    method,
    winner,
    bidOf,
    own,
    winnerBid: winner ? bidOf(winner.bid) : null,
    m: methodText(cat, method),
    valueWorking: (bid, english) => (bid?.valueWorking ? valueWorkingText(cat, fmt, bid) : (english ?? null)),
    // A criterion's working, and the explanation of a calculated one (the working, after how an
    // evaluated price was formed), through the catalogue from the evaluation when it is given.
    working: (bid, id, english) => {
      const c = inResult(bid, id);
      return c ? criterionWorking(cat, fmt, c) : english;
    },
    explanation: (bid, id, english) => {
      const c = inResult(bid, id);
      // A scored criterion's is the evaluators' rationale, or the engine's words for none.
      if (s && english === NO_RATIONALE) return s.noRationale;
      if (!c || english === null || english === undefined || c.explain?.code === 'scored') return english;
      if (english === c.working) return criterionWorking(cat, fmt, c);
      if (bid.priceWorking && english === `evaluated price ${bid.priceWorking}; ${c.working}`) {
        return fill(cat.workingWords.evaluatedPrice, { formed: priceWorking(cat, fmt, bid, lifeCycle), working: criterionWorking(cat, fmt, c) });
      }
      return english;
    },
    // How a criterion was assessed, and a group's rule that disqualifies, worded from the model
    // by a catalogue with `summary` words (text/summary-words.js); else the engine's English.
    assessed: (c) => (s && wording.assessed?.(cat, fmt, model, tender, c.id)) ?? c.assessed,
    threshold: (g) => (s && model && wording.rules ? wording.rules(cat, model, 'group', g.id) : g.threshold),
    // Why the bid was disqualified, each as it sits mid-sentence: by a catalogue with `summary`
    // words from the reasons' codes, as the results show them; else the engine's English.
    reasons: () =>
      s && own?.reasons?.length === d.reasons.length
        ? own.reasons.map((r) => {
            const text = engineText(cat, 'reasons', r, fmt);
            return text.charAt(0).toLowerCase() + text.slice(1);
          })
        : d.reasons,
  };
}

/**
 * The summary for one supplier as a complete HTML document (a string).
 * `debrief` is one entry of `debriefs(tender)`; `award` is the tender file's `award` (the ratio's
 * scale and band, for the method in words); `result`, the same tender's `evaluate()`, when given
 * adds the working of the bid's award value and, with a band, who is in it; with it, every working
 * and reason is worded by the catalogue (`lifeCycle`, the price's in the tender, for an evaluated
 * price's); with `model`, the same tender's `describe()`, and `tender`, the tender itself, so is
 * how each criterion was assessed.
 */
export function debriefHtml(debrief, options = {}) {
  const { locale = 'en-GB', award = null, result = null } = options;
  const p = parts(debrief, options);
  const { cat, t, fmt, method, winner, bidOf, own, m, working, explanation, winnerBid } = p;
  const d = debrief;
  const score = (text) => (text === null || text === undefined ? t.notScored : scoreText(fmt, method, text));
  const max = scoreText(fmt, method, d.maxTotal);
  const band = Boolean(result) && hasBand({ award });
  const valueWorking = p.valueWorking(own, d.valueWorking);
  const out = [];

  out.push(`<h1>${escapeHtml(t.heading)}</h1>`);
  if (d.title) out.push(`<p class="lead">${escapeHtml(d.title)}</p>`);
  out.push(
    dl('about', [
      [t.supplier, d.supplier],
      [t.tender, d.title],
      [cat.ui.lotLabel, d.lotName],
      [t.reference, d.reference],
      [t.buyer, d.buyer],
    ]),
  );

  // Result, totals and the winner's totals.
  out.push(`<h2>${escapeHtml(t.resultHeading)}</h2>`);
  if (d.status === 'ranked' && !winner) out.push(`<p data-status="winner">${escapeHtml(t.winner)}</p>`);
  else if (d.status === 'ranked') {
    out.push(
      `<p data-status="ranked">${escapeHtml(fill(t.ranked, { rank: fmt.integer(d.rank), count: fmt.integer(d.rankedBids) }))}</p>`,
    );
  } else if (d.status === 'disqualified') {
    out.push(`<p data-status="disqualified">${escapeHtml(t.disqualified)}</p>`);
    out.push(`<ul>${p.reasons().map((r) => `<li>${escapeHtml(sentence(r))}</li>`).join('')}</ul>`);
  } else {
    out.push(`<p data-status="incomplete">${escapeHtml(t.incomplete)}</p>`);
  }
  const totalLabel = fill(t.totalOutOf, { label: m?.total ?? cat.ui.total, max });
  const totalsHead = [t.tenderColumn, totalLabel, ...(m ? [m.value] : []), ...(band ? [cat.award.inBand] : [])];
  const inBand = (id) => (bidOf(id)?.rank === null ? '–' : bidOf(id)?.inBand ? cat.award.yes : cat.award.no);
  const totalsRow = (key, id, name, total, value) => ({
    key,
    cells: [
      name,
      score(total),
      ...(m ? [valueText(fmt, method, value) || '–'] : []),
      ...(band ? [inBand(id)] : []),
    ],
  });
  out.push(
    table({
      id: 'totals',
      caption: t.totalsCaption,
      head: totalsHead,
      numeric: [1, 2],
      rows: [
        totalsRow('own', d.bid, t.yourTender, d.total, d.value),
        winner
          ? totalsRow('winner', winner.bid, fill(t.winnerTender, { supplier: winner.supplier }), winner.total, winner.value)
          : null,
      ].filter(Boolean),
    }),
  );
  // Under a method that ranks on a value the price is not a scored criterion: say what it was.
  if (m && d.price) out.push(`<p data-price>${escapeHtml(fill(t.price, { price: fmt.money(d.price) }))}</p>`);
  if (m && valueWorking) {
    out.push(`<p class="working" data-value-working>${escapeHtml(fill(t.valueWorking, { value: m.value, working: valueWorking }))}</p>`);
  }
  if (m && winner?.price) {
    out.push(
      `<p data-winner-price>${escapeHtml(fill(t.winnerPrice, { supplier: winner.supplier, price: fmt.money(winner.price) }))}</p>`,
    );
  }

  // The method in words.
  out.push(`<h2>${escapeHtml(t.methodHeading)}</h2>`);
  out.push(`<p>${escapeHtml(sentence(methodWords(cat, locale, method, award, max, d.methodDescription)))}</p>`);

  // Scores per criterion, with the winner's alongside.
  out.push(`<h2>${escapeHtml(t.criteriaHeading)}</h2>`);
  out.push(
    table({
      id: 'criteria',
      caption: t.criteriaCaption,
      head: [t.criterion, t.group, t.maximum, t.share, t.yourScore, ...(winner ? [t.winnerScore] : [])],
      numeric: [2, 3, 4, 5],
      rows: d.criteria.map((c) => ({
        key: c.id,
        cells: [
          c.name,
          c.group ?? '',
          score(c.max),
          fill(cat.ui.shareOfTotal, { share: fmt.number(c.weightPercent) }),
          score(c.score),
          ...(winner ? [score(c.winnerScore)] : []),
        ],
      })),
    }),
  );
  if (d.groups.length) {
    out.push(`<h2>${escapeHtml(t.groupsHeading)}</h2>`);
    out.push(
      table({
        id: 'groups',
        caption: t.groupsCaption,
        head: [t.group, t.maximum, t.yourScore, ...(winner ? [t.winnerScore] : [])],
        numeric: [1, 2, 3],
        rows: d.groups.map((g) => ({
          key: g.id,
          cells: [g.name, score(g.max), score(g.score), ...(winner ? [score(g.winnerScore)] : [])],
        })),
      }),
    );
    for (const g of d.groups) {
      const rule = p.threshold(g);
      if (rule) out.push(`<p>${escapeHtml(fill(t.groupThreshold, { name: g.name, rule }))}</p>`);
    }
  }

  // Each criterion: how it was assessed, the score, its working and the evaluators' reasons.
  out.push(`<h2>${escapeHtml(t.detailHeading)}</h2>`);
  for (const c of d.criteria) {
    out.push(
      `<section class="criterion" data-criterion="${escapeHtml(c.id)}" aria-labelledby="c-${escapeHtml(c.id)}">`,
      `<h3 id="c-${escapeHtml(c.id)}">${escapeHtml(c.group ? `${c.name} (${c.group})` : c.name)}</h3>`,
      dl('detail', [
        [t.assessed, sentence(p.assessed(c))],
        [t.yourScore, fill(cat.ui.marksOutOf, { marks: score(c.score), total: score(c.max) })],
        [t.working, working(own, c.id, c.working)],
        [t.explanation, c.explanation === c.working ? null : explanation(own, c.id, c.explanation)],
        ...(winner
          ? [
              [t.winnerScoreLine, score(c.winnerScore)],
              [t.winnerExplanation, explanation(winnerBid, c.id, c.winnerExplanation)],
            ]
          : []),
      ]),
      '</section>',
    );
  }

  const title = fill(t.title, { title: d.title ?? d.reference ?? '', supplier: d.supplier });
  return [
    '<!doctype html>',
    // The language of the summary's text, which is the catalogue's (a locale without one is English).
    `<html lang="${escapeHtml(cat.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...out,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The summary for one supplier as plain text, ready to send, in the catalogue's language: the same
 * parts as {@link debriefHtml}, with the same options, line by line as the engine's `text`, which
 * it is in English (and where the catalogue has no `summary` words).
 */
export function debriefText(debrief, options = {}) {
  const p = parts(debrief, options);
  return p.s && wording.text ? wording.text(debrief, p) : debrief.text;
}

/** A file name for a supplier's summary: "EHHA-2026-031-summary-Greenway-Landscapes-Ltd.html". */
export function summaryFileName(tender, debrief, extension) {
  // Runs of anything but letters, digits and dots become one hyphen, hyphens included, so the
  // trim below meets no long run of them (which it would go over again from each of its hyphens).
  const who = String(debrief.supplier).replace(/[^\w.]+/g, '-').replace(/^-|-$/g, '');
  return fileName(tender, `summary-${who || debrief.bid}.${extension}`);
}
