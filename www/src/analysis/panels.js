// What if, and how robust: the analysis panels of the three modes. Never the official result.
//  - evaluate: marks to try (sliders re-ranking a copy of the tender through the engine), price to
//    win, how far each weight can move (weight stability) and rank acceptability (SMAA-2).
//  - self-assess: price to win against the "what if" competitors, and what it takes to rank first.
//  - publish: "check the model", weight stability among the file's example bids.
// Every figure shown is one the engine returned (`evaluate`, `analyse`, `RankAcceptability`). The
// only arithmetic here is on marks being tried (a copy of the tender's inputs, which the engine
// then checks) and the geometry of the bars and shading.
import { scoreText, usesValue } from '../text/award.js';
import { h, scroller } from '../ui/dom.js';
import { engineErrors, engineText, fill } from '../text/messages.js';
import { copy, isGroup, leaves } from '../ui/model.js';
import { ordered } from '../ui/results.js';
import { AnalysisRunner } from './runner.js';

const DEBOUNCE_MS = 300;
const DEFAULT_SAMPLES = 10000;
/** At most this many rows of the rank acceptability table a frame (a row has a cell per bid). */
const MAX_ROWS_PER_FRAME = 16;
let panels = 0;

/** The widget's runner, started the first time a panel needs it. */
function runnerOf(ctx) {
  ctx.analysis.runner ??= new AnalysisRunner({ engine: ctx.engine });
  return ctx.analysis.runner;
}

/** The state kept across re-renders of a mode (marks being tried, last analysis, rank acceptability). */
function stateOf(ctx) {
  return ctx.analysis.state;
}

/** Replaces a slot's content with nodes, arrays of nodes or nothing. */
function put(slot, ...content) {
  slot.replaceChildren(...content.flat(Infinity).filter((x) => x !== null && x !== undefined && x !== false));
}

/** A header cell that holds a number (right-aligned). */
const num = (text) => ({ num: text });

/**
 * A table with its caption, one header row (`head`: text, or num(text) for figures) and the body
 * rows given (arrays of rows are flattened).
 */
function grid(caption, part, head, rows, className = 'table') {
  return h(
    'table',
    { class: className, part: `table ${part}` },
    h('caption', { class: 'caption' }, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        head.map((c) =>
          c?.num === undefined ? h('th', { scope: 'col' }, c) : h('th', { scope: 'col', class: 'num' }, c.num),
        ),
      ),
    ),
    h('tbody', {}, rows),
  );
}

function heading(level, text, extra = {}) {
  return h(level, { class: level === 'h3' ? 'heading-m' : 'heading-s', ...extra }, text);
}

/**
 * A mode's analysis section, headed `title`. With `exploratory: true` (evaluate, self-assess) it says
 * it is not the official result and stays out of the printed report.
 */
function panel(ctx, title, { exploratory }, ...children) {
  const a = ctx.cat.analysis;
  return h(
    'section',
    {
      class: `section analysis${exploratory ? ' no-print' : ''}`,
      part: 'analysis',
      'aria-labelledby': `an-${ctx.uid}`,
      'data-analysis-state': 'pending',
    },
    heading('h3', title, { id: `an-${ctx.uid}` }),
    exploratory ? notOfficial(a) : null,
    children,
  );
}

function notOfficial(a) {
  return h(
    'div',
    { class: 'banner analysis-banner', 'data-not-official': '' },
    h('p', {}, h('strong', {}, a.notOfficial), '. ', a.notOfficialText),
  );
}

function errorText(ctx, e) {
  const first = e?.errors?.[0];
  return fill(ctx.cat.analysis.failed, {
    message: first ? engineText(ctx.cat, 'errors', first) : String(e?.message ?? e),
  });
}

/**
 * Runs `analyse` (no sampling) on the tender when it has changed, after a pause in typing, through
 * the runner; `render(value)` gets the engine's analysis, `fail(error)` an error. The last
 * analysis is reused when nothing has changed (a re-render after adding a bid card, say).
 */
function scheduler(ctx, key, { render, fail, pending }) {
  const state = stateOf(ctx);
  let timer = 0;
  let latest = null; // the tender whose analysis should be shown
  return function schedule(tender) {
    const text = JSON.stringify(tender);
    latest = text;
    clearTimeout(timer);
    if (state[key]?.text === text) {
      render(state[key].value);
      return;
    }
    pending();
    timer = setTimeout(() => {
      runnerOf(ctx)
        .analyse(text)
        .then(
          (value) => {
            state[key] = { text, value };
            if (latest === text) render(value);
          },
          (e) => {
            if (e?.name !== 'AbortError' && latest === text) fail(e);
          },
        );
    }, DEBOUNCE_MS);
  };
}

function methodName(ctx, method) {
  return ctx.cat.analysis.methods[method] ?? method;
}

// ---------------------------------------------------------------- bars (drawing only) ----------

/** A number as a percentage of `max`, for drawing; clamped to the bar. */
function pos(value, max) {
  const x = (Number(value) / Number(max)) * 100;
  return Number.isFinite(x) ? Math.min(100, Math.max(0, x)) : 0;
}

function bar(...children) {
  return h(
    'svg:svg',
    { class: 'analysis-bar', width: '100%', height: 20, 'aria-hidden': 'true', focusable: 'false' },
    children,
  );
}

function track() {
  return h('svg:rect', { class: 'track', x: 0.5, y: 0.5, width: '99.8%', height: 19 });
}

function marker(x, cls) {
  // A 4px-wide mark centred on x, kept inside the bar at either end.
  return h('svg:rect', {
    class: cls,
    x: `${Math.min(Math.max(x, 0.5), 99)}%`,
    y: 0,
    width: 4,
    height: 20,
    transform: 'translate(-2 0)',
  });
}

function legend(items) {
  return h(
    'ul',
    { class: 'legend-list', 'aria-hidden': 'true' },
    items.map(([cls, text]) => h('li', {}, h('span', { class: `swatch ${cls}` }), text)),
  );
}

// ---------------------------------------------------------------- price to win -----------------

function priceWords(ctx, p, templates) {
  const { fmt } = ctx;
  const difference = p.change === null ? '' : fmt.money(p.change.replace(/^-/, ''));
  return fill(templates[p.outcome] ?? p.message, {
    supplier: p.supplier,
    priceToWin: fmt.money(p.priceToWin),
    difference,
    limit: fmt.money(p.limit),
  });
}

function priceToWinCell(ctx, p) {
  const a = ctx.cat.analysis;
  if (p.outcome === 'any-price') return fill(a.anyPrice, { limit: ctx.fmt.money(p.limit) });
  if (p.outcome === 'cannot-win') return a.cannotWin;
  return ctx.fmt.money(p.priceToWin);
}

function priceToWinTable(ctx, analysis, result) {
  const a = ctx.cat.analysis;
  const { fmt } = ctx;
  if (!analysis.priceToWin.length) return h('p', {}, a.noPriceToWin);
  const rank = new Map(result.bids.map((b) => [b.id, b.rank]));
  const rows = [...analysis.priceToWin].sort((x, y) => (rank.get(x.bid) ?? 1e9) - (rank.get(y.bid) ?? 1e9));
  const caption = a.priceToWinCaption;
  const t = grid(
    caption,
    'price-to-win',
    [ctx.cat.ui.supplier, num(a.priceNow), num(a.priceToWin)],
    rows.map((p, i) => {
      const id = `ptw-${ctx.uid}-${i}`;
      const scale = p.limit;
      const marks = [
        track(),
        h('svg:rect', { class: 'ptw-now', x: 0, y: 4, width: `${pos(p.price, scale)}%`, height: 12 }),
      ];
      if (p.priceToWin !== null) marks.push(marker(pos(p.priceToWin, scale), 'ptw-win'));
      if (p.outcome === 'any-price') marks.push(marker(100, 'ptw-win'));
      return [
        h(
          'tr',
          { class: 'has-note', 'data-bid': p.bid, 'data-outcome': p.outcome },
          h('th', { scope: 'row', id }, p.supplier),
          h('td', { class: 'num' }, fmt.money(p.price)),
          h('td', { class: 'num', 'data-price-to-win': '' }, priceToWinCell(ctx, p)),
        ),
        h(
          'tr',
          { class: 'note-row' },
          h('td', { colspan: 3, headers: id, class: 'working' }, priceWords(ctx, p, a.outcomes), bar(marks)),
        ),
      ];
    }),
  );
  return [
    scroller(caption, t),
    legend([
      ['ptw-now', a.priceChartNow],
      ['ptw-win', a.priceChartWin],
    ]),
  ];
}

// ---------------------------------------------------------------- weight stability -------------

function supplierOf(tender, id) {
  return (tender.bids ?? []).find((b) => b.id === id)?.supplier ?? id;
}

/** Who would rank first outside the interval, in words. */
function rivalWords(a, w, tender, pct) {
  const words = [];
  if (w.rivalBelow) words.push(fill(a.rivalBelow, { low: pct(w.low), supplier: supplierOf(tender, w.rivalBelow) }));
  if (w.rivalAbove) words.push(fill(a.rivalAbove, { high: pct(w.high), supplier: supplierOf(tender, w.rivalAbove) }));
  return words.length ? words.join(' ') : a.noRival;
}

function stabilityTable(ctx, analysis, tender, part = 'weight-stability') {
  const a = ctx.cat.analysis;
  const { fmt } = ctx;
  // In the order of the criteria tree, each criterion under its group.
  const order = new Map(markItems(tender).map((it, i) => [it.c.id, [i, it.top]]));
  const rows = [...analysis.weightStability].sort(
    (x, y) => (order.get(x.id)?.[0] ?? 1e9) - (order.get(y.id)?.[0] ?? 1e9),
  );
  const pct = (n) => fill(a.percent, { n: fmt.number(n) });
  const caption = a.stabilityCaption;
  const t = grid(
    caption,
    part,
    [a.groupOrCriterion, num(a.shareNow), a.winnerStays],
    rows.map((w, i) => {
      const id = `ws-${ctx.uid}-${part}-${i}`;
      const low = pos(w.low, 100);
      const high = pos(w.high, 100);
      return [
        h(
          'tr',
          { class: `has-note${order.get(w.id)?.[1] ? ' nested' : ''}`, 'data-item': w.id },
          h('th', { scope: 'row', id }, w.name),
          h('td', { class: 'num' }, pct(w.share)),
          h('td', { 'data-interval': '' }, fill(a.between, { low: pct(w.low), high: pct(w.high) })),
        ),
        h(
          'tr',
          { class: 'note-row' },
          h(
            'td',
            { colspan: 3, headers: id, class: 'working', 'data-rivals': '' },
            rivalWords(a, w, tender, pct),
            bar(
              track(),
              h('svg:rect', {
                class: 'ws-band',
                x: `${low}%`,
                y: 4,
                width: `${Math.max(0, high - low)}%`,
                height: 12,
              }),
              marker(pos(w.share, 100), 'ws-now'),
            ),
          ),
        ),
      ];
    }),
  );
  return [
    scroller(caption, t),
    legend([
      ['ws-band', a.stabilityChartBand],
      ['ws-now', a.stabilityChartNow],
    ]),
  ];
}

// ---------------------------------------------------------------- marks to try -----------------

/** Top-level groups and every leaf with marks, with their engine paths and top-level group. */
function markItems(tender) {
  const out = [];
  const visit = (nodes, at, top) =>
    (nodes ?? []).forEach((c, i) => {
      const path = `${at}[${i}]`;
      if (isGroup(c)) {
        if (!top) out.push({ c, path, group: true, top: null });
        visit(c.children, `${path}.children`, top ?? c);
      } else if (c.kind !== 'pass-fail') {
        out.push({ c, path, group: false, top });
      }
    });
  visit(tender.criteria, 'criteria', null);
  return out;
}

function leavesUnder(group) {
  return leaves({ criteria: group.children }).filter((c) => c.kind !== 'pass-fail');
}

const PLAIN = /^\d+(\.\d+)?$/;

/**
 * Marks in hundredths (whole numbers), or null when they are not a plain amount to at most two
 * decimals: finer marks are left as typed for the engine to judge, never rounded here.
 */
function hundredths(text) {
  const s = String(text ?? '').trim();
  if (!PLAIN.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  if (frac.length > 2) return null;
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

function fromHundredths(n) {
  return `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
}

/**
 * Shares `total` hundredths among `current` (hundredths) in proportion, in whole hundredths that
 * add up exactly (largest remainders first, then file order). Equal shares when all are zero.
 */
export function shareMarks(total, current) {
  const sum = current.reduce((x, y) => x + y, 0);
  const exact = current.map((c) => (sum ? (c * total) / sum : total / current.length));
  const out = exact.map(Math.floor);
  let left = total - out.reduce((x, y) => x + y, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i]).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] += 1;
    left -= 1;
  }
  return out;
}

/**
 * A copy of the tender with the marks being tried: `marks` (leaf id -> text as typed) and
 * `groups` (top-level group id -> its marks when set as a whole). A group holding a changed leaf
 * loses its stated marks in the copy (it then adds up its criteria), unless it was set as a whole;
 * either way the engine checks the result.
 */
export function whatIfTender(tender, { marks = {}, groups = {} }) {
  const at = (o, id) => (Object.hasOwn(o, id) ? o[id] : undefined);
  const t = copy(tender);
  const visit = (nodes) => {
    let changed = false;
    for (const c of nodes ?? []) {
      if (isGroup(c)) {
        const inner = visit(c.children);
        if (at(groups, c.id) !== undefined) c.weight = at(groups, c.id);
        else if (inner) delete c.weight;
        changed ||= inner || at(groups, c.id) !== undefined;
      } else if (at(marks, c.id) !== undefined) {
        c.weight = at(marks, c.id);
        changed = true;
      }
    }
    return changed;
  };
  visit(t.criteria);
  return t;
}

function groupMax(result, id) {
  for (const b of result?.bids ?? []) {
    const g = b.groups.find((x) => x.id === id);
    if (g) return g.max;
  }
  return null;
}

function whatIfSection(ctx, live) {
  const a = ctx.cat.analysis;
  const { fmt } = ctx;
  const state = stateOf(ctx);
  // Marks tried on another tender's criteria (a file opened since) are forgotten.
  const key = JSON.stringify(ctx.tender.criteria);
  // Keyed by criterion id: no prototype, so an id such as "__proto__" is an ordinary key.
  if (state.whatIf?.key !== key) state.whatIf = { key, marks: Object.create(null), groups: Object.create(null) };
  const tried = state.whatIf;
  // Only what carries marks (under some award methods the price, say, has none).
  const items = markItems(ctx.tender).filter((it) =>
    it.group ? leavesUnder(it.c).some((c) => c.weight !== undefined) : it.c.weight !== undefined,
  );
  // The sliders' end: the whole of the published marks (100 for most tenders).
  const max = Math.max(
    100,
    leaves(ctx.tender).reduce((sum, c) => sum + (Number(c.weight) || 0), 0),
  );
  let official = null;
  let lastGood = null;
  let frame = 0;

  const rows = items.map((it, i) => {
    const id = `wi-${ctx.uid}-${i}`;
    const labelId = `${id}-label`;
    const errorId = `${id}-error`;
    const hintId = `${id}-hint`;
    const number = h('input', {
      id,
      class: 'input input--w5',
      type: 'text',
      inputmode: 'decimal',
      spellcheck: 'false',
      autocomplete: 'off',
      'data-marks': it.c.id,
      'aria-describedby': hintId,
    });
    const range = h('input', {
      class: 'range',
      type: 'range',
      min: 0,
      max,
      step: 1,
      'aria-label': fill(a.sliderFor, { name: it.c.name }),
      'aria-describedby': hintId,
      'data-slider': it.c.id,
    });
    const error = h('p', { id: errorId, class: 'error-message', hidden: true });
    const box = h(
      'div',
      { class: `form-group marks-row${it.group || !it.top ? '' : ' marks-row--nested'}`, 'data-marks-row': it.c.id },
      h(
        'label',
        { class: `label${it.group ? ' label--s' : ''}`, id: labelId, for: id },
        fill(a.marksFor, { name: it.c.name }),
      ),
      h('span', { class: 'hint', id: hintId }, ''),
      error,
      h('div', { class: 'marks-row__controls' }, range, number),
    );
    return { ...it, number, range, error, box, hintId, errorId };
  });

  /** The marks shown for a row: as typed, else what the engine's last what-if (or the file) says. */
  function shown(row, result) {
    if (row.group) return tried.groups[row.c.id] ?? groupMax(result, row.c.id) ?? row.c.weight ?? '';
    return tried.marks[row.c.id] ?? row.c.weight ?? '';
  }

  function fillInputs(result, except) {
    for (const row of rows) {
      const value = String(shown(row, result));
      if (row.number !== except) row.number.value = value;
      if (row.range !== except && Number.isFinite(Number(value)) && value !== '') row.range.value = value;
      const published = row.group ? (groupMax(official, row.c.id) ?? row.c.weight) : row.c.weight;
      row.box.querySelector('.hint').textContent = fill(a.published, { marks: fmt.number(String(published ?? '')) });
    }
  }

  function setLeaf(row, text) {
    tried.marks[row.c.id] = text.trim();
    if (row.top) delete tried.groups[row.top.id];
  }

  function setGroup(row, text) {
    const value = text.trim();
    tried.groups[row.c.id] = value;
    const total = hundredths(value);
    const under = leavesUnder(row.c);
    const current = under.map((c) => hundredths(tried.marks[c.id] ?? c.weight ?? 0));
    // Marks that are not plain amounts cannot be shared out: the engine reports the mismatch.
    if (total === null || current.some((x) => x === null)) return;
    tried.groups[row.c.id] = fromHundredths(total);
    shareMarks(total, current).forEach((n, k) => {
      tried.marks[under[k].id] = fromHundredths(n);
    });
  }

  const resetButton = h(
    'button',
    {
      type: 'button',
      class: 'button button--secondary',
      'data-action': 'reset-marks',
      on: {
        click: () => {
          tried.marks = Object.create(null);
          tried.groups = Object.create(null);
          fillInputs(official, null);
          rerank(null, true);
        },
      },
    },
    a.resetMarks,
  );

  for (const row of rows) {
    const edited = (source) => {
      const text = source === row.range ? row.range.value : row.number.value;
      if (row.group) setGroup(row, text);
      else setLeaf(row, text);
      if (source === row.range) row.number.value = text;
      else if (PLAIN.test(text.trim())) row.range.value = text.trim();
      // One engine run per frame, however fast a slider moves.
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => rerank(source, true));
    };
    row.range.addEventListener('input', () => edited(row.range));
    row.number.addEventListener('input', () => edited(row.number));
  }

  const summary = h('p', { 'data-what-if-summary': '' });
  const tableSlot = h('div', { 'data-what-if': '' });

  function showErrors(errors) {
    const byPath = new Map();
    for (const e of errors) if (!byPath.has(e.path)) byPath.set(e.path, engineText(ctx.cat, 'errors', e));
    for (const row of rows) {
      const text = byPath.get(`${row.path}.weight`) ?? '';
      row.box.classList.toggle('form-group--error', Boolean(text));
      row.number.classList.toggle('input--error', Boolean(text));
      row.error.hidden = !text;
      row.error.replaceChildren(
        ...(text ? [h('span', { class: 'visually-hidden' }, `${ctx.cat.ui.errorPrefix} `), text] : []),
      );
      const describedBy = [row.hintId, text ? row.errorId : null].filter(Boolean).join(' ');
      for (const c of [row.number, row.range]) {
        c.setAttribute('aria-describedby', describedBy);
        if (text) c.setAttribute('aria-invalid', 'true');
        else c.removeAttribute('aria-invalid');
      }
    }
    // An error the rows cannot show (a group inside a group, say) is listed here.
    const rowPaths = new Set(rows.map((r) => `${r.path}.weight`));
    return errors.filter((e) => !rowPaths.has(e.path)).map((e) => engineText(ctx.cat, 'errors', e));
  }

  /** Evaluates the copy with the marks being tried, and shows how it ranks. */
  function rerank(source, announce = false) {
    if (!official) return;
    const changed = Object.keys(tried.marks).length || Object.keys(tried.groups).length;
    let result = official;
    let problems = [];
    if (changed) {
      try {
        result = ctx.engine.evaluate(whatIfTender(ctx.tender, tried));
        problems = showErrors([]);
      } catch (e) {
        problems = showErrors(engineErrors(e));
        result = null;
      }
    } else {
      showErrors([]);
    }
    if (result) {
      lastGood = result;
      fillInputs(result, source);
    }
    const shownResult = result ?? lastGood ?? official;
    const first = shownResult.bids.find((b) => b.id === shownResult.ranking[0]);
    const officialFirst = official.bids.find((b) => b.id === official.ranking[0]);
    const words = !result
      ? [a.whatIfInvalid, ...problems]
      : !changed
        ? [a.whatIfPublished]
        : first
          ? [
              fill(a.whatIfLeader, {
                supplier: first.supplier,
                total: scoreText(fmt, shownResult.method, first.total),
                max: scoreText(fmt, shownResult.method, shownResult.maxTotal),
              }),
              officialFirst && officialFirst.id === first.id
                ? a.whatIfSame
                : officialFirst
                  ? fill(a.whatIfOther, { supplier: officialFirst.supplier })
                  : '',
            ]
          : [a.whatIfNone];
    summary.textContent = words.filter(Boolean).join(' ');
    summary.dataset.valid = String(Boolean(result));
    if (announce) live(summary.textContent);
    tableSlot.replaceChildren(whatIfTable(ctx, shownResult, official));
  }

  const node = h(
    'div',
    { class: 'section', 'data-what-if-panel': '' },
    heading('h4', a.whatIfHeading),
    h('p', {}, a.whatIfIntro),
    h(
      'fieldset',
      { class: 'fieldset' },
      h('legend', { class: 'legend' }, a.marksLegend),
      rows.map((r) => r.box),
    ),
    resetButton,
    summary,
    tableSlot,
  );

  return {
    node,
    update(result) {
      official = result;
      fillInputs(lastGood ?? result, null);
      rerank(null);
    },
  };
}

function whatIfTable(ctx, result, official) {
  const a = ctx.cat.analysis;
  const { fmt } = ctx;
  const officialRank = new Map(official.bids.map((b) => [b.id, b.rank]));
  const caption = fill(a.whatIfCaption, { max: scoreText(fmt, result.method, result.maxTotal) });
  const t = grid(
    caption,
    'what-if',
    [num(a.whatIfRank), ctx.cat.ui.supplier, num(a.whatIfTotal), num(a.officialRank)],
    ordered(result).map((b) =>
      h(
        'tr',
        { 'data-bid': b.id },
        h('td', { class: 'num', 'data-rank': '' }, b.rank === null ? '–' : fmt.integer(b.rank)),
        h('th', { scope: 'row' }, b.supplier),
        h('td', { class: 'num', 'data-total': '' }, scoreText(fmt, result.method, b.total)),
        h('td', { class: 'num' }, officialRank.get(b.id) == null ? '–' : fmt.integer(officialRank.get(b.id))),
      ),
    ),
  );
  return scroller(caption, t);
}

// ---------------------------------------------------------------- rank acceptability -----------

function heat(share) {
  return `heat-${Math.min(9, Math.floor(Number(share) * 10))}`;
}

function acceptabilityTable(ctx, acc, result) {
  const a = ctx.cat.analysis;
  const { fmt } = ctx;
  const order = new Map(result.ranking.map((id, i) => [id, i]));
  const bids = [...acc.bids].sort((x, y) => (order.get(x.bid) ?? 1e9) - (order.get(y.bid) ?? 1e9));
  const caption = fill(a.smaaCaption, {
    samples: fmt.integer(acc.samples),
    weights: a.weights[acc.weights] ?? acc.weights,
    seed: acc.seed,
  });
  const ranks = acc.bids[0]?.ranks.length ?? 0;
  const t = grid(
    caption,
    'rank-acceptability',
    [ctx.cat.ui.supplier, ...Array.from({ length: ranks }, (_, r) => num(fill(a.rankN, { n: fmt.integer(r + 1) })))],
    [],
    'table heat-table',
  );
  const body = t.tBodies[0];
  const row = (b) =>
    h(
      'tr',
      { 'data-bid': b.bid },
      h('th', { scope: 'row' }, b.supplier),
      b.ranks.map((x) => h('td', { class: `num heat ${heat(x)}` }, fmt.percent(x))),
    );
  // Fifty bids make 2,500 cells: laid out in one go that can hold the page up for a tenth of a
  // second, so a big table arrives a few rows a frame, more while frames stay quick, fewer when
  // they do not. data-complete marks the last row.
  let next = 0;
  let step = 2;
  let last = 0;
  const more = (now) => {
    if (!t.isConnected && next) return;
    if (last) step = now - last < 25 ? Math.min(2 * step, MAX_ROWS_PER_FRAME) : Math.max(1, step >> 1);
    last = now;
    body.append(...bids.slice(next, next + step).map(row));
    next += step;
    if (next < bids.length) requestAnimationFrame(more);
    else t.dataset.complete = '';
  };
  more(0);
  return { node: scroller(caption, t), bids };
}

function centralTable(ctx, acc, bids) {
  const a = ctx.cat.analysis;
  const names = new Map(leaves(ctx.tender).map((c) => [c.id, c.name]));
  const caption = a.centralCaption;
  const t = grid(
    caption,
    'central-weights',
    [ctx.cat.ui.supplier, num(a.confidence), ...acc.criteria.map((id) => num(names.get(id) ?? id))],
    bids.map((b) =>
      h(
        'tr',
        { 'data-bid': b.bid },
        h('th', { scope: 'row' }, b.supplier),
        h('td', { class: 'num' }, b.confidence === null ? a.neverFirst : ctx.fmt.percent(b.confidence)),
        acc.criteria.map((_, k) =>
          h('td', { class: 'num' }, b.centralWeights ? ctx.fmt.percent(b.centralWeights[k]) : '–'),
        ),
      ),
    ),
  );
  return scroller(caption, t);
}

function acceptabilitySection(ctx, live) {
  const a = ctx.cat.analysis;
  const { fmt } = ctx;
  const state = stateOf(ctx);
  state.smaa ??= {
    options: { weights: 'simplex', tolerance: '20', samples: String(DEFAULT_SAMPLES), uncertainty: true },
  };
  const smaa = state.smaa;
  const opts = smaa.options;
  const uid = `ra-${ctx.uid}-${(panels += 1)}`;
  let official = null;

  // Options: which weights, how far (tolerance), how many samples, score uncertainty.
  const radios = Object.entries(a.weights).map(([value, text]) => {
    const id = `${uid}-w-${value}`;
    const input = h('input', { id, type: 'radio', name: `${uid}-weights`, value, checked: opts.weights === value });
    input.addEventListener('change', () => {
      opts.weights = value;
      toleranceGroup.hidden = value !== 'tolerance';
    });
    return h('div', { class: 'radio' }, input, h('label', { for: id }, text));
  });
  const tolerance = h('input', {
    id: `${uid}-tol`,
    class: 'input input--w5',
    type: 'text',
    inputmode: 'decimal',
    spellcheck: 'false',
    autocomplete: 'off',
    'data-option': 'tolerance',
    props: { value: opts.tolerance },
  });
  tolerance.addEventListener('input', () => (opts.tolerance = tolerance.value));
  const toleranceError = h('p', { id: `${uid}-tol-error`, class: 'error-message', hidden: true });
  const toleranceGroup = h(
    'div',
    { class: 'form-group conditional', hidden: opts.weights !== 'tolerance' },
    h('label', { class: 'label', for: `${uid}-tol` }, a.toleranceLabel),
    toleranceError,
    tolerance,
  );
  const samples = h('input', {
    id: `${uid}-n`,
    class: 'input input--w10',
    type: 'text',
    inputmode: 'numeric',
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': `${uid}-n-hint`,
    'data-option': 'samples',
    props: { value: opts.samples },
  });
  samples.addEventListener('input', () => (opts.samples = samples.value));
  const samplesError = h('p', { id: `${uid}-n-error`, class: 'error-message', hidden: true });
  const uncertainty = h('input', {
    id: `${uid}-u`,
    type: 'checkbox',
    'data-option': 'uncertainty',
    checked: opts.uncertainty,
  });
  uncertainty.addEventListener('change', () => (opts.uncertainty = uncertainty.checked));

  const run = h('button', { type: 'button', class: 'button', 'data-action': 'run-acceptability' }, a.run);
  const cancel = h(
    'button',
    { type: 'button', class: 'button button--secondary', 'data-action': 'cancel-acceptability', hidden: true },
    a.cancel,
  );
  const bar = h('progress', { id: `${uid}-p`, max: 1, value: 0 });
  const progressText = h('span', { 'data-progress-text': '' });
  const progress = h(
    'div',
    { class: 'progress', hidden: true, 'data-progress': '' },
    h('label', { class: 'label', for: `${uid}-p` }, a.progressLabel),
    bar,
    ' ',
    progressText,
  );
  const where = h('p', { class: 'hint', hidden: true, 'data-where': '' }, a.mainThread);
  const stale = h('p', { class: 'inset', hidden: true, 'data-stale': '' }, a.stale);
  const out = h('div', { 'data-acceptability': '' });

  function fieldError(input, errorEl, text) {
    errorEl.hidden = !text;
    errorEl.replaceChildren(
      ...(text ? [h('span', { class: 'visually-hidden' }, `${ctx.cat.ui.errorPrefix} `), text] : []),
    );
    input.classList.toggle('input--error', Boolean(text));
    input.closest('.form-group')?.classList.toggle('form-group--error', Boolean(text));
    const ids = [input === samples ? `${uid}-n-hint` : null, text ? errorEl.id : null].filter(Boolean).join(' ');
    if (ids) input.setAttribute('aria-describedby', ids);
    else input.removeAttribute('aria-describedby');
    if (text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  /** The options for the engine, or null (with the errors shown) when one cannot be used. */
  function options() {
    const n = opts.samples.replace(/[\s,]/g, '');
    const nOk = /^\d+$/.test(n) && Number(n) >= 1 && Number(n) <= 1000000;
    fieldError(samples, samplesError, nOk ? '' : a.samplesError);
    const tol = opts.tolerance.trim().replace(/%$/, '');
    const tolOk = opts.weights !== 'tolerance' || (/^\d+(\.\d+)?$/.test(tol) && Number(tol) <= 100);
    fieldError(tolerance, toleranceError, tolOk ? '' : a.toleranceError);
    if (!nOk) samples.focus();
    else if (!tolOk) tolerance.focus();
    if (!nOk || !tolOk) return null;
    return {
      samples: Number(n),
      seed: 1,
      weights: opts.weights,
      // The engine takes the tolerance as a fraction of each weight.
      tolerance: opts.weights === 'tolerance' ? Number(tol) / 100 : undefined,
      scoreUncertainty: opts.uncertainty,
    };
  }

  let announcedQuarter = -1;
  function showProgress(done, total) {
    progress.hidden = false;
    bar.max = total;
    bar.value = done;
    progressText.textContent = fill(a.progress, { done: fmt.integer(done), total: fmt.integer(total) });
    const quarter = Math.floor((4 * done) / total);
    if (quarter > announcedQuarter && quarter < 4) {
      announcedQuarter = quarter;
      live(fill(a.progressAnnounce, { percent: fmt.integer(25 * quarter) }));
    }
  }

  function showRunning(running) {
    run.hidden = running;
    cancel.hidden = !running;
    where.hidden = runnerOf(ctx).where !== 'main-thread';
  }

  function showResult() {
    const r = smaa.result;
    if (!r || !official) {
      out.replaceChildren();
      return;
    }
    const { node, bids } = acceptabilityTable(ctx, r.value, official);
    const body = h('div', { class: 'bid__body' });
    const details = h('details', { class: 'bid', 'data-central': '' }, h('summary', {}, a.centralSummary), body);
    details.addEventListener('toggle', () => {
      if (details.open && !body.childElementCount)
        body.append(h('p', {}, a.centralIntro), centralTable(ctx, r.value, bids));
    });
    out.replaceChildren(node, details);
    run.textContent = a.runAgain;
  }

  // The panel may be rebuilt while a run goes on (a bid added): the run reports to the newest one.
  const view = {
    progress: showProgress,
    finished(message) {
      // Cancel is about to hide: if it has focus, focus goes back to the button that starts a run.
      const refocus = node.isConnected && node.getRootNode().activeElement === cancel;
      showRunning(false);
      progress.hidden = true;
      if (message) live(message);
      showResult();
      checkStale();
      if (refocus) run.focus();
    },
  };
  smaa.view = view;

  function checkStale() {
    stale.hidden = !smaa.result || smaa.result.text === JSON.stringify(ctx.tender);
  }

  run.addEventListener('click', () => {
    const o = options();
    if (!o) return;
    const text = JSON.stringify(ctx.tender);
    const controller = new AbortController();
    smaa.controller = controller;
    announcedQuarter = -1;
    showRunning(true);
    showProgress(0, o.samples);
    cancel.focus();
    runnerOf(ctx)
      .acceptability(text, o, {
        signal: controller.signal,
        onProgress: (done, total) => smaa.view?.progress(done, total),
      })
      .then(
        (value) => {
          smaa.result = { text, value };
          smaa.controller = null;
          smaa.view?.finished(fill(a.finished, { samples: fmt.integer(value.samples) }));
        },
        (e) => {
          smaa.controller = null;
          if (e?.name === 'AbortError') {
            smaa.view?.finished(a.cancelled);
          } else {
            smaa.view?.finished(errorText(ctx, e));
          }
        },
      );
  });
  cancel.addEventListener('click', () => smaa.controller?.abort());

  const node = h(
    'div',
    { class: 'section', 'data-acceptability-panel': '' },
    heading('h4', a.smaaHeading),
    h('p', {}, a.smaaIntro),
    h(
      'fieldset',
      { class: 'fieldset' },
      h('legend', { class: 'legend' }, a.weightsLegend),
      h('div', { class: 'radios' }, radios),
    ),
    toleranceGroup,
    h(
      'div',
      { class: 'form-group' },
      h('label', { class: 'label', for: `${uid}-n` }, a.samplesLabel),
      h('span', { class: 'hint', id: `${uid}-n-hint` }, a.samplesHint),
      samplesError,
      samples,
    ),
    h(
      'div',
      { class: 'form-group' },
      h('div', { class: 'checkbox' }, uncertainty, h('label', { for: `${uid}-u` }, a.uncertaintyLabel)),
    ),
    h('div', { class: 'button-group' }, run, cancel),
    progress,
    where,
    stale,
    out,
  );
  if (smaa.controller) showRunning(true);

  return {
    node,
    update(result) {
      official = result;
      showResult();
      checkStale();
    },
  };
}

// ---------------------------------------------------------------- the modes --------------------

/** A polite live region of the panel's own; says each new text once. */
function liveRegion() {
  const node = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  let said = '';
  return {
    node,
    say(text) {
      if (text && text !== said) {
        said = text;
        node.textContent = text;
      }
    },
  };
}

/** Evaluate mode: marks to try, price to win, weight stability and rank acceptability. */
export function evaluateAnalysis(ctx) {
  const a = ctx.cat.analysis;
  const live = liveRegion();
  const whatIf = whatIfSection(ctx, live.say);
  const acceptability = acceptabilitySection(ctx, live.say);
  const ptwSlot = h('div', { 'data-price-to-win': '' });
  const stabilitySlot = h('div', { 'data-weight-stability': '' });
  const status = h('p', { class: 'secondary', 'data-analysis-status': '' });
  let official = null;
  const node = panel(
    ctx,
    a.heading,
    { exploratory: true },
    live.node,
    whatIf.node,
    heading('h4', a.priceToWinHeading),
    h('p', {}, a.priceToWinIntro),
    status,
    ptwSlot,
    heading('h4', a.stabilityHeading),
    stabilitySlot,
    acceptability.node,
  );

  const schedule = scheduler(ctx, 'evaluate', {
    pending() {
      node.dataset.analysisState = 'pending';
      status.textContent = a.working;
      status.hidden = false;
    },
    fail(e) {
      node.dataset.analysisState = 'failed';
      status.textContent = errorText(ctx, e);
    },
    render(value) {
      node.dataset.analysisState = 'ready';
      status.hidden = true;
      put(ptwSlot, priceToWinTable(ctx, value, official));
      const winner = value.winner ? supplierOf(ctx.tender, value.winner) : '';
      put(
        stabilitySlot,
        value.weightStability.length
          ? [h('p', {}, fill(a.stabilityIntro, { winner })), stabilityTable(ctx, value, ctx.tender)]
          : usesValue(official.method)
            ? h(
                'p',
                { 'data-only-weighted-sum': '' },
                fill(a.onlyWeightedSum, { method: methodName(ctx, official.method) }),
              )
            : h('p', {}, a.noStability),
      );
    },
  });

  function update(result) {
    official = result;
    whatIf.update(result);
    const linear = !usesValue(result.method);
    acceptability.node.hidden = !linear;
    acceptability.update(result);
    schedule(ctx.tender);
  }

  return { node, update };
}

function nameOf(ctx, id) {
  return leaves(ctx.tender).find((c) => c.id === id)?.name ?? id;
}

/** Self-assess mode: price to win against the "what if" competitors, and what it takes. */
export function selfAssessAnalysis(ctx, ownId) {
  const a = ctx.cat.analysis;
  const { fmt } = ctx;
  const slot = h('div', {});
  const node = panel(ctx, a.yourHeading, { exploratory: true }, slot);
  let official = null;

  function render(value) {
    node.dataset.analysisState = 'ready';
    const own = official.bids.find((b) => b.id === ownId);
    const p = value.priceToWin.find((x) => x.bid === ownId);
    const parts = [heading('h4', a.yourPriceHeading)];
    if (!own || own.status !== 'ranked') {
      put(slot, parts, h('p', { 'data-your-price': '' }, a.yourNotRanked));
      return;
    }
    if (official.ranking.length < 2) {
      put(slot, parts, h('p', { 'data-your-price': '' }, a.yourNoRivals));
      return;
    }
    if (p) {
      parts.push(
        h('p', { 'data-your-price': '', 'data-outcome': p.outcome }, priceWords(ctx, p, a.yourOutcomes)),
        h(
          'table',
          { class: 'table table--summary', part: 'table your-price' },
          h('caption', { class: 'visually-hidden' }, a.yourPriceCaption),
          h(
            'tbody',
            {},
            h('tr', {}, h('th', { scope: 'row' }, a.yourPrice), h('td', { class: 'num' }, fmt.money(p.price))),
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, a.priceToWin),
              h('td', { class: 'num', 'data-price-to-win': '' }, priceToWinCell(ctx, p)),
            ),
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, a.priceDifference),
              h('td', { class: 'num' }, p.change === null ? '–' : fmt.money(p.change)),
            ),
          ),
        ),
      );
    }
    parts.push(heading('h4', a.whatItTakesHeading));
    const takes = value.whatItTakes.find((x) => x.bid === ownId);
    if (!takes) {
      parts.push(h('p', { 'data-what-it-takes': '' }, a.whatItTakesLeader));
    } else {
      const measures = new Map((ctx.tender.measures ?? []).map((m) => [m.id, m]));
      const words = takes.options.map((o) => {
        const m = measures.get(o.measure);
        const params = {
          name: o.kind === 'score' ? nameOf(ctx, o.criterion) : (m?.name ?? o.measure),
          unit: m?.unit ?? '',
          from: shown(fmt, o.fromDisplay),
          to: fmt.number(o.to),
        };
        const t = a.takes;
        return fill(
          o.kind === 'score'
            ? o.to === null
              ? t.scoreNone
              : t.score
            : o.to === null
              ? t.commitmentNone
              : t.commitment,
          params,
        );
      });
      parts.push(
        h('p', {}, a.whatItTakesIntro),
        h(
          'ul',
          { class: 'list', 'data-what-it-takes': '' },
          words.map((w) => h('li', {}, w)),
        ),
        scroller(
          a.whatItTakesCaption,
          grid(
            a.whatItTakesCaption,
            'what-it-takes',
            [a.change, num(a.youNow), num(a.needed)],
            takes.options.map((o) => {
              const m = measures.get(o.measure);
              const what =
                o.kind === 'score'
                  ? fill(a.scoreOn, { name: nameOf(ctx, o.criterion) })
                  : fill(a.commitmentTo, { name: m?.name ?? o.measure, unit: m?.unit ?? '' });
              return h(
                'tr',
                { 'data-option': o.measure ?? o.criterion },
                h('th', { scope: 'row' }, what),
                h('td', { class: 'num' }, shown(fmt, o.fromDisplay)),
                h('td', { class: 'num' }, o.to === null ? a.notEnough : fmt.number(o.to)),
              );
            }),
          ),
        ),
      );
    }
    put(slot, parts);
  }

  const schedule = scheduler(ctx, 'self-assess', {
    pending() {
      node.dataset.analysisState = 'pending';
    },
    fail(e) {
      node.dataset.analysisState = 'failed';
      slot.replaceChildren(h('p', {}, errorText(ctx, e)));
    },
    render,
  });

  return {
    node,
    update(result) {
      official = result;
      schedule(ctx.tender);
    },
  };
}

/** A value as the engine displays it ("≈2.67" for an inexact mean), formatted for the locale. */
function shown(fmt, display) {
  return display.startsWith('≈') ? `≈${fmt.number(display.slice(1))}` : fmt.number(display);
}
