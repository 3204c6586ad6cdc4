// Rank acceptability (SMAA-2, evaluate): how often each bid takes each rank when the weights vary,
// sampled by the engine (`RankAcceptability`) a slice at a time, with the central weights and
// shading drawn from its shares.
import { h, scroller } from '../ui/dom.js';
import { fill } from '../text/messages.js';
import { leaves } from '../ui/model.js';
import { bar, errorText, grid, heading, num, runnerOf, stateOf } from './panel-parts.js';

/** The engine gives shares to 4 places: as percentages, 2 places in every cell of a column. */
const SHARE_PLACES = 2;

const DEFAULT_SAMPLES = 10000;
/** At most this many rows of the rank acceptability table a frame (a row has a cell per bid). */
const MAX_ROWS_PER_FRAME = 16;
let panels = 0;

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
      b.ranks.map((x) => h('td', { class: `num heat ${heat(x)}` }, fmt.percent(x, SHARE_PLACES))),
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
        h('td', { class: 'num' }, b.confidence === null ? a.neverFirst : ctx.fmt.percent(b.confidence, SHARE_PLACES)),
        acc.criteria.map((_, k) =>
          h('td', { class: 'num' }, b.centralWeights ? ctx.fmt.percent(b.centralWeights[k], SHARE_PLACES) : '–'),
        ),
      ),
    ),
  );
  return scroller(caption, t);
}

export function acceptabilitySection(ctx, live) {
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
      // With lots, the lot being shown: bids of different lots are never ranked together.
      ...(official?.lot === undefined ? {} : { lot: official.lot }),
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
    if (!r || !official || r.lot !== official.lot) {
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

  function checkStale(text) {
    stale.hidden = !smaa.result || smaa.result.text === (text ?? JSON.stringify(ctx.tender));
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
          smaa.result = { text, value, lot: o.lot };
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
    update(result, text) {
      official = result;
      showResult();
      checkStale(text);
    },
  };
}
