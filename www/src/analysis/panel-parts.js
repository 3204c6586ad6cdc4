// What the analysis panels share: the panel itself, its tables, headings, bars and live region,
// and the scheduler that runs `analyse` through the runner after a pause in typing. Drawing only:
// every figure shown is one the engine returned.
import { h } from '../ui/dom.js';
import { engineText, fill } from '../text/messages.js';
import { AnalysisRunner } from './runner.js';

const DEBOUNCE_MS = 300;

/** The widget's runner, started the first time a panel needs it. */
export function runnerOf(ctx) {
  ctx.analysis.runner ??= new AnalysisRunner({ engine: ctx.engine });
  return ctx.analysis.runner;
}

/** The state kept across re-renders of a mode (marks being tried, last analysis, rank acceptability). */
export function stateOf(ctx) {
  return ctx.analysis.state;
}

/** Replaces a slot's content with nodes, arrays of nodes or nothing. */
export function put(slot, ...content) {
  slot.replaceChildren(...content.flat(Infinity).filter((x) => x !== null && x !== undefined && x !== false));
}

/** A header cell that holds a number (right-aligned). */
export const num = (text) => ({ num: text });

/**
 * A table with its caption, one header row (`head`: text, or num(text) for figures) and the body
 * rows given (arrays of rows are flattened).
 */
export function grid(caption, part, head, rows, className = 'table') {
  return h(
    'table',
    { class: className, part: `table ${part}` },
    h('caption.caption', caption),
    h(
      'thead',
      h(
        'tr',
        head.map((c) =>
          c?.num === undefined ? h('th', { scope: 'col' }, c) : h('th.num', { scope: 'col' }, c.num),
        ),
      ),
    ),
    h('tbody', rows),
  );
}

export function heading(level, text, extra = {}) {
  return h(level, { class: level === 'h3' ? 'heading-m' : 'heading-s', ...extra }, text);
}

/**
 * A mode's analysis section, headed `title`. With `exploratory: true` (evaluate, self-assess) it says
 * it is not the official result and stays out of the printed report.
 */
export function panel(ctx, title, { exploratory }, ...children) {
  const a = ctx.cat.analysis;
  return h(
    'section',
    {
      class: `section analysis${exploratory ? ' no-print' : ''}`,
      part: 'analysis',
      // Not named after its heading: a named section is a landmark, and two widgets on one page
      // would make two landmarks with one name.
      'data-analysis-state': 'pending',
    },
    heading('h3', title, { id: `an-${ctx.uid}` }),
    exploratory ? notOfficial(a) : null,
    children,
  );
}

function notOfficial(a) {
  return h(
    'div.banner.analysis-banner',
    { 'data-not-official': '' },
    h('p', h('strong', a.notOfficial), '. ', a.notOfficialText),
  );
}

export function errorText(ctx, e) {
  const first = e?.errors?.[0];
  return fill(ctx.cat.analysis.failed, {
    message: first ? engineText(ctx.cat, 'errors', first) : String(e?.message ?? e),
  });
}

/**
 * Runs `analyse` (no sampling) on the tender when it has changed, after a pause in typing, through
 * the runner; `render(value)` gets the engine's analysis, `fail(error)` an error. The last
 * analysis is reused when nothing has changed (a re-render after adding a bid card, say).
 * `whatItTakes` says whose "what it takes" the panel shows (a bid's id, or false for none): with
 * hundreds of bids, everyone's is a third of the analysis's time and nearly all of what the page
 * would decode.
 */
export function scheduler(ctx, key, { render, fail, pending, whatItTakes }) {
  const state = stateOf(ctx);
  let timer = 0;
  let latest = null; // the tender whose analysis should be shown
  // `text`, when the caller has it, is the tender's JSON (with hundreds of bids, writing it again
  // is a few milliseconds of every change).
  return function schedule(tender, text = JSON.stringify(tender)) {
    latest = text;
    clearTimeout(timer);
    if (state[key]?.text === text) {
      render(state[key].value);
      return;
    }
    pending();
    timer = setTimeout(() => {
      runnerOf(ctx)
        .analyse(text, { whatItTakes })
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

export function methodName(ctx, method) {
  return ctx.cat.analysis.methods[method] ?? method;
}

// ---------------------------------------------------------------- bars (drawing only) ----------

/** A number as a percentage of `max`, for drawing; clamped to the bar. */
export function pos(value, max) {
  const x = (Number(value) / Number(max)) * 100;
  return Number.isFinite(x) ? Math.min(100, Math.max(0, x)) : 0;
}

export function bar(...children) {
  return h(
    'svg:svg.analysis-bar',
    { width: '100%', height: 20, 'aria-hidden': 'true', focusable: 'false' },
    children,
  );
}

export function track() {
  return h('svg:rect.track', { x: 0.5, y: 0.5, width: '99.8%', height: 19 });
}

export function marker(x, cls) {
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

export function legend(items) {
  return h(
    'ul.legend-list',
    { 'aria-hidden': 'true' },
    items.map(([cls, text]) => h('li', h('span', { class: `swatch ${cls}` }), text)),
  );
}

/** A polite live region of the panel's own; says each new text once. */
export function liveRegion() {
  const node = h('div.visually-hidden', { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
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

/** A value as the engine displays it ("≈2.67" for an inexact mean), formatted for the locale. */
export function shown(fmt, display) {
  return display.startsWith('≈') ? `≈${fmt.number(display.slice(1))}` : fmt.number(display);
}
