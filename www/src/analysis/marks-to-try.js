// Marks to try (evaluate): sliders re-ranking a copy of the tender through the engine. The only
// arithmetic is on the marks being tried (a copy of the tender's inputs, which the engine checks).
import { scoreText } from '../text/award.js';
import { h, place, scroller } from '../ui/dom.js';
import { engineErrors, engineText, fill } from '../text/messages.js';
import { copy, isGroup, leaves } from '../ui/model.js';
import { keptRows, lotResult, ordered } from '../ui/results.js';
import { grid, heading, num, shown, stateOf } from './panel-parts.js';

/** Top-level groups and every leaf with marks, with their engine paths and top-level group. */
export function markItems(tender) {
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

export function whatIfSection(ctx, live) {
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
    const number = h('input.input.input--w5', {
      id,
      type: 'text',
      inputmode: 'decimal',
      spellcheck: 'false',
      autocomplete: 'off',
      'data-marks': it.c.id,
      'aria-describedby': hintId,
    });
    const range = h('input.range', {
      type: 'range',
      min: 0,
      max,
      step: 1,
      'aria-label': fill(a.sliderFor, { name: it.c.name }),
      'aria-describedby': hintId,
      'data-slider': it.c.id,
    });
    const error = h('p.error-message', { id: errorId, hidden: true });
    const box = h(
      'div',
      { class: `form-group marks-row${it.group || !it.top ? '' : ' marks-row--nested'}`, 'data-marks-row': it.c.id },
      h(
        'label',
        { class: `label${it.group ? ' label--s' : ''}`, id: labelId, for: id },
        fill(a.marksFor, { name: it.c.name }),
      ),
      h('span.hint', { id: hintId }, ''),
      error,
      h('div.marks-row__controls', range, number),
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
    'button.button.button--secondary',
    {
      type: 'button',
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
  // The table and its rows are kept between results (each row while what it shows is the same):
  // every evaluation brings a new result, and building hundreds of rows again was most of the
  // panel's work after a score typed.
  const table = { slot: tableSlot };

  function showErrors(errors) {
    const byPath = new Map();
    for (const e of errors) if (!byPath.has(e.path)) byPath.set(e.path, engineText(ctx.cat, 'errors', e));
    for (const row of rows) {
      const text = byPath.get(`${row.path}.weight`) ?? '';
      row.box.classList.toggle('form-group--error', Boolean(text));
      row.number.classList.toggle('input--error', Boolean(text));
      row.error.hidden = !text;
      row.error.replaceChildren(
        ...(text ? [h('span.visually-hidden', `${ctx.cat.ui.errorPrefix} `), text] : []),
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
        // With lots, the lot being shown (`official` is that lot's share of the result).
        result = lotResult(ctx.engine.evaluate(whatIfTender(ctx.tender, tried)), official.lot);
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
    whatIfTable(ctx, shownResult, official, table);
  }

  const node = h(
    'div.section',
    { 'data-what-if-panel': '' },
    heading('h4', a.whatIfHeading),
    h('p', a.whatIfIntro),
    h(
      'fieldset.fieldset',
      h('legend.legend', a.marksLegend),
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

/**
 * The what-if ranking in `kept.slot`: the table is built once, then its caption and rows updated in
 * place, a row built again only when what it shows changed.
 */
function whatIfTable(ctx, result, official, kept) {
  const a = ctx.cat.analysis;
  const { fmt } = ctx;
  const officialRank = new Map(official.bids.map((b) => [b.id, b.rank]));
  const caption = fill(a.whatIfCaption, { max: scoreText(fmt, result.method, result.maxTotal) });
  const rank = (n) => (n == null ? '–' : fmt.integer(n));
  const cells = (b) => [rank(b.rank), b.supplier, scoreText(fmt, result.method, b.total), rank(officialRank.get(b.id))];
  const rows = keptRows(kept, ordered(result), (b) => JSON.stringify(cells(b)), (b) => {
    const [r, supplier, total, was] = cells(b);
    return h(
      'tr',
      { 'data-bid': b.id },
      h('td.num', { 'data-rank': '' }, r),
      h('th', { scope: 'row' }, supplier),
      h('td.num', { 'data-total': '' }, total),
      h('td.num', was),
    );
  });
  // A new caption (the maximum changed) gets a new table around the kept rows: the caption is shown
  // in three places that `scroller` owns.
  if (kept.caption !== caption) {
    kept.table = grid(caption, 'what-if', [num(a.whatIfRank), ctx.cat.ui.supplier, num(a.whatIfTotal), num(a.officialRank)], []);
    kept.slot.replaceChildren(scroller(caption, kept.table));
    kept.caption = caption;
  }
  place(kept.table.tBodies[0], rows);
}
