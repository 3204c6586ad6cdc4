// Design mode: a buyer builds the evaluation model in the browser, tries it on example bids and
// publishes it, without writing JSON. The tender being built is plain tender-file JSON holding
// exactly what was typed; after every change the engine validates it (`validate`), describes it
// (`describe`: marks, shares, price formula, warnings) and, when it has example bids, scores them
// (`evaluate`). This module holds the state, runs the engine and shows its errors; each section of
// the page is its own module (design-*.js) and only renders what the engine returned.
import { h } from '../ui/dom.js';
import { engineErrors, engineText, fill } from '../text/messages.js';
import { formatter } from '../text/format.js';
import { copy, walk } from '../ui/model.js';
import { shownText } from '../text/tender-text.js';
import { slugId } from './csv.js';
import { noticeNode } from '../storage/saved-work.js';
import { refusals } from '../element/header-and-errors.js';
import { DesignFields } from './fields.js';
import { designTexts } from './languages.js';
import { blankTender } from './templates.js';
import { startSection, aboutSection } from './start.js';
import { treeSection, socialValueStatus, totalText } from './tree.js';
import { priceSection } from './price.js';
import { scalesSection } from './scales.js';
import { measuresSection } from './measures.js';
import { rulesSection } from './rules.js';
import { trySection } from './try.js';
import { publishSection } from './publish.js';

const SECTIONS = [
  ['start', startSection],
  ['about', aboutSection],
  ['criteria', treeSection],
  ['price', priceSection],
  ['scales', scalesSection],
  ['social-value', measuresSection],
  ['rules', rulesSection],
  ['try', trySection],
  ['publish', publishSection],
];

/** The evaluation model alone: the tender file without its example bids. */
export function modelOf(tender) {
  const m = copy(tender);
  delete m.bids;
  return m;
}

/** A formatter for the tender's currency, falling back to pounds while the code is being typed. */
function safeFormatter(locale, currency) {
  try {
    new Intl.NumberFormat(locale, { style: 'currency', currency });
    return formatter(locale, currency);
  } catch {
    return formatter(locale, 'GBP');
  }
}

/** Where focus is, as a selector that finds the same control after the page is rebuilt. */
function identify(el) {
  const ds = el?.dataset;
  if (!ds) return null;
  let sel = null;
  if (ds.path !== undefined) {
    sel = `[data-path="${CSS.escape(ds.path)}"]`;
    if (el.type === 'radio' || el.type === 'checkbox') sel += `[value="${CSS.escape(el.value)}"]`;
    // One input per language: the one in the same language.
    if (el.lang) sel += `[lang="${CSS.escape(el.lang)}"]`;
  } else if (ds.action) {
    sel = `[data-action="${CSS.escape(ds.action)}"]${ds.key ? `[data-key="${CSS.escape(ds.key)}"]` : ''}`;
  } else if (ds.heading) {
    sel = `[data-heading="${CSS.escape(ds.heading)}"]`;
  }
  if (!sel) return null;
  const text = typeof el.selectionStart === 'number';
  return { sel, start: text ? el.selectionStart : null, end: text ? el.selectionEnd : null };
}

/**
 * Builds design mode into `root` (the element's shadow root). `source` is the tender the element
 * was given (or null for a blank start); `languages` is the element's language switch, or null.
 * Returns { tender, result, load(tender), notices(list), languages(node), evaluate() }.
 */
export function mountDesign({ root, engine, source, cat, locale, languages, emit, uid, work }) {
  const d = cat.design;
  const keys = new WeakMap();
  let keyCount = 0;
  const session = {
    csvReport: null, // the last CSV import: what was added and which rows had problems
    localErrors: new Map(), // path -> text, for input the page itself refuses (a taken scale name)
    stash: new WeakMap(), // fields put aside when a criterion's kind or the award method changes
    autoIds: new WeakSet(), // nodes whose id follows their name until the id is edited
    fresh: null, // the path of an item just added, whose errors wait until focus leaves it
    preview: null, // the live <bid-scorer mode="publish"> preview, kept across rebuilds
    confirm: null, // a pending "replace the model?" question in the start section
  };
  let draft;
  let notice = null;
  let showErrors = false;
  let pristine = true;
  let keep = false; // save in the browser only once there is something worth keeping
  let fields = null;
  let views = [];
  let lastDescribed = null;
  let state = { described: null, last: null, errors: [], evaluation: null, model: null };
  let result = null;
  let announced = '';
  let announceTimer = 0;
  let rebuildTimer = 0;
  // A pointer button or a key held down: a rebuild waits for its release (see rebuildSoon).
  const held = { pointer: false, key: false };
  let rebuildWanted = false;

  // Text in several languages: one input each, kept beside the draft (design/languages.js); what
  // is saved, validated and given back is whole(). The host's languages are the tags of its switch.
  const texts = designTexts(cat, locale);
  const hostLanguages = (node) => [...(node?.querySelectorAll('[lang]') ?? [])].map((b) => b.lang);
  texts.place(null, hostLanguages(languages));
  const whole = () => texts.whole(draft);
  // Saved work (the element's saved-work slot): the design saved against this page's model, and
  // notices about anything else found there.
  const restored = work.restore();
  let workNotices = restored.notices;
  if (restored.draft) {
    draft = texts.split(restored.draft);
    followNamesAgain(draft, session.autoIds);
    keep = true;
    showErrors = true;
    pristine = false;
  } else {
    draft = texts.split(source ? copy(source) : blankTender());
  }

  const els = {
    live: h('div.visually-hidden', { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }),
    summary: h('div'),
    notice: h('div'),
    title: h('h2.heading-l', { tabindex: '-1', 'data-heading': 'title' }),
    nav: h('nav.design-contents', { 'aria-label': d.contentsLabel }),
    main: h('div.design'),
    bar: h('p.sticky-total.design-bar', { 'aria-hidden': 'true', part: 'sticky-total' }),
    languages: h('div', languages),
  };
  root.replaceChildren(
    h(
      'div.app',
      { part: 'base', 'data-mode': 'design', lang: cat.lang },
      els.live,
      els.summary,
      els.notice,
      h('header', { part: 'header' }, els.languages, h('span.caption-m', d.modeCaption), els.title),
      els.nav,
      els.main,
      els.bar,
    ),
  );
  /** Rebuilds, keeping focus, once nothing is held down (release() calls it again). */
  function rebuildWhenFree() {
    clearTimeout(rebuildTimer);
    rebuildTimer = setTimeout(() => {
      if (!rebuildWanted || held.pointer || held.key) return;
      rebuildWanted = false;
      render('keep');
    }, 0);
  }
  // The release is listened for on the window (it may happen outside the widget), and only
  // while something is held, so a removed widget leaves no listener behind.
  const press = (what, releaseType) => () => {
    if (held[what]) return;
    held[what] = true;
    const done = new AbortController();
    const release = () => {
      done.abort();
      held[what] = false;
      if (rebuildWanted) rebuildWhenFree();
    };
    window.addEventListener(releaseType, release, { capture: true, signal: done.signal });
    // A release outside the window never arrives; leaving the window counts as one.
    window.addEventListener('blur', release, { signal: done.signal });
  };
  root.addEventListener('pointerdown', press('pointer', 'pointerup'), true);
  root.addEventListener('keydown', press('key', 'keyup'), true);
  // Never let the sticky bar hide the control that has focus (WCAG 2.4.11).
  els.main.addEventListener('focusin', (e) => {
    const bar = els.bar.getBoundingClientRect();
    const r = e.target.getBoundingClientRect();
    if (bar.height && r.bottom > bar.top && r.top < bar.bottom) e.target.scrollIntoView({ block: 'center' });
    // Focus has left the item just added: what it still lacks is now an error like any other.
    const path = e.target.dataset?.path ?? '';
    const fresh = session.fresh;
    if (fresh !== null && path !== fresh && !path.startsWith(`${fresh}.`)) {
      session.fresh = null;
      showErrorsNow();
    }
  });

  function keyOf(obj) {
    if (!keys.has(obj)) keys.set(obj, `k${(keyCount += 1)}`);
    return keys.get(obj);
  }

  function announce(text, { now = false } = {}) {
    clearTimeout(announceTimer);
    const say = () => {
      if (text && text !== announced) {
        announced = text;
        els.live.textContent = text;
      }
    };
    if (now) say();
    else announceTimer = setTimeout(say, 700);
  }

  function ctx() {
    return {
      cat,
      d,
      fmt: safeFormatter(locale, draft.tender?.currency ?? 'GBP'),
      locale,
      tender: draft,
      fields,
      uid,
      engine,
      session,
      key: keyOf,
      modelOf,
      whole,
      state: () => state,
      pristine: () => pristine,
      announce: (text) => announce(text, { now: true }),
      /**
       * Rebuilds the page after a change of structure, then focuses `focus` (a selector).
       * `options.fresh` is the path of an item just added: nothing has been typed in it yet, so
       * what it lacks is not shown as an error until focus leaves it.
       */
      structure: (focus, options) => {
        session.fresh = options?.fresh ?? null;
        pristine = false;
        keep = true;
        showErrors = true;
        render(focus, options);
        changed();
      },
      /** Rebuilds once focus has settled, keeping it where it is (after a name or id is changed). */
      rebuildSoon: () => {
        // A field left by pressing a button or a key: rebuilding between the press and the
        // release would swallow the click, or the Space that ticks the checkbox Tab moved to
        // (Space acts on its release, on the element it went down on). So wait for the release.
        rebuildWanted = true;
        rebuildWhenFree();
      },
      /**
       * Starts again from `tender` (a template, a blank model or an opened file). One the page
       * cannot be drawn from (a list given as an object, say) leaves the work as it was, with
       * `failed` and the engine's errors for it.
       */
      replace: (tender, { text, kind = 'success', errorsNow = false, failed = cat.ui.errorSummaryTitle } = {}) => {
        const was = [draft, keep];
        try {
          draft = texts.split(tender);
          keep = true;
          session.csvReport = null;
          session.localErrors.clear();
          session.confirm = null;
          pristine = true;
          showErrors = errorsNow;
          notice = text ? { kind, text } : null;
          result = null;
          render('[data-heading="about"]');
        } catch {
          [draft, keep] = was;
          notice = { kind: 'error', text: failed, items: refusals(engine, tender, cat) };
          render('keep');
          return;
        }
        changed();
      },
      notify: (n) => {
        notice = n;
        showNotice();
      },
    };
  }

  function showNotice() {
    els.notice.replaceChildren(...[...workNotices, notice].filter(Boolean).map(noticeNode));
  }

  function render(focus, { select = false } = {}) {
    rebuildWanted = false; // whatever was waiting to be rebuilt is rebuilt now
    const keep = focus === 'keep' ? identify(root.activeElement) : null;
    fields = new DesignFields(() => edited(), cat.ui.errorPrefix);
    fields.texts = texts;
    const c = ctx();
    views = SECTIONS.map(([id, make], i) => ({ id, n: i + 1, ...make(c) }));
    els.main.replaceChildren(
      ...views.map((v) => {
        const hid = `design-${uid}-${v.id}`;
        return h(
          'section.design-section',
          { 'aria-labelledby': hid, 'data-section': v.id },
          h(
            'h3.heading-m.design-section__title',
            { id: hid, tabindex: '-1', 'data-heading': v.id },
            fill(d.sectionNumber, { n: v.n, title: v.title }),
          ),
          v.body,
        );
      }),
    );
    els.nav.replaceChildren(
      h('h3.heading-s', d.contentsLabel),
      h(
        'ol.list.design-contents__list',
        views.map((v) =>
          h(
            'li',
            h(
              'a',
              {
                href: `#design-${uid}-${v.id}`,
                on: {
                  click: (e) => {
                    e.preventDefault();
                    const target = root.querySelector(`[data-heading="${v.id}"]`);
                    target?.focus();
                    target?.scrollIntoView({ block: 'start' });
                  },
                },
              },
              v.title,
            ),
          ),
        ),
      ),
    );
    showNotice();
    refresh();
    let target = null;
    if (keep) target = root.querySelector(keep.sel);
    else if (focus) {
      // A selector, or a list of them tried in turn (the moved criterion's button may be gone).
      for (const sel of Array.isArray(focus) ? focus : [focus]) {
        target = root.querySelector(sel);
        if (target) break;
      }
    }
    if (target) {
      openAround(target);
      target.focus();
      if (keep && keep.start !== null && typeof target.setSelectionRange === 'function') {
        target.setSelectionRange(keep.start, keep.end);
      } else if (select && typeof target.select === 'function') {
        target.select();
      }
    }
  }

  /** Opens any closed <details> around an element so it can take focus. */
  function openAround(el) {
    for (let dd = el.closest('details'); dd; dd = dd.parentElement?.closest('details')) dd.open = true;
  }

  function edited() {
    pristine = false;
    keep = true;
    showErrors = true;
    refresh();
    changed();
  }

  function changed() {
    emit('bid-scorer-change', whole());
  }

  /** Runs the engine on what has been typed and shows what it says. */
  function refresh() {
    const model = modelOf(draft);
    let errors;
    try {
      errors = engine.validate(whole()).errors;
    } catch (error) {
      errors = engineErrors(error);
    }
    let described = null;
    try {
      described = engine.describe(model);
    } catch (error) {
      // A model the engine found valid that it cannot describe: the engine failed, and says so.
      if (!errors.length) errors = engineErrors(error);
    }
    if (described) lastDescribed = described;
    let evaluation = null;
    if (!errors.length) {
      try {
        evaluation = engine.evaluate(draft);
      } catch (error) {
        errors = engineErrors(error);
      }
    }
    state = { described, last: lastDescribed, errors, evaluation, model };
    result = evaluation;
    showErrorsNow();
    const c = ctx();
    for (const v of views) v.update?.(state, c);
    // A title that is not text (a number, a map the engine refused) is the error summary's to name.
    els.title.textContent = shownText(draft.tender?.title).trim() || d.untitled;
    const status = barText(c);
    els.bar.textContent = status;
    els.bar.hidden = !status;
    if (!pristine) announce(status);
    if (keep) work.save(whole());
    if (evaluation) emit('bid-scorer-evaluated', evaluation);
    if (errors.length && showErrors) emit('bid-scorer-error', { errors });
  }

  function barText(c) {
    const last = state.last;
    if (!last) return '';
    const total = totalText(c, last);
    const sv = socialValueStatus(c, last);
    const n = showErrors ? shownErrors().length : 0;
    const problems = n ? fill(n === 1 ? d.barProblem : d.barProblems, { count: n }) : null;
    return [problems, total, sv?.short].filter(Boolean).join(' · ');
  }

  /** The engine's errors as shown: none before they are wanted, none yet in an item just added. */
  function shownErrors() {
    const fresh = session.fresh;
    const inFresh = (path) => fresh !== null && (path === fresh || path.startsWith(`${fresh}.`));
    return showErrors ? state.errors.filter((e) => !inFresh(e.path)) : [];
  }

  /** Each error next to the field nearest its path, and all of them in the summary at the top. */
  function showErrorsNow() {
    const list = shownErrors();
    const messages = new Map();
    const items = [];
    for (const e of list) {
      const target = fields.nearest(e.path);
      // A required field left empty is named as the form names it, not as the file does.
      // So is a text given in no language at all (`{}`).
      const label = /^(missing-field|empty-text)$/.test(e.code) && target === e.path ? fields.labelOf(target) : null;
      const text = label ? fill(d.fillIn, { label }) : engineText(cat, 'errors', e);
      if (target !== null && !messages.has(target)) messages.set(target, text);
      items.push({ text, target });
    }
    for (const [path, text] of session.localErrors) {
      if (!messages.has(path)) messages.set(path, text);
      items.push({ text, target: fields.control(path) ? path : null });
    }
    fields.showErrors(messages);
    for (const path of messages.keys()) {
      const control = fields.control(path);
      if (control) openAround(control);
    }
    if (!items.length) {
      els.summary.replaceChildren();
      return;
    }
    const list2 = h(
      'ul',
      items.map(({ text, target }) => {
        const control = target === null ? null : fields.control(target);
        const context = control?.closest('[data-context]')?.dataset.context;
        const label = context ? fill(d.errorIn, { context, message: text }) : text;
        if (!control) return h('li', label);
        return h(
          'li',
          h(
            'a',
            {
              href: `#${control.id || ''}`,
              on: {
                click: (ev) => {
                  ev.preventDefault();
                  openAround(control);
                  control.focus();
                  control.scrollIntoView({ block: 'center' });
                },
              },
            },
            label,
          ),
        );
      }),
    );
    const box = els.summary.firstElementChild;
    if (box) {
      box.querySelector('ul').replaceWith(list2);
    } else {
      els.summary.replaceChildren(
        h(
          'div.error-summary',
          { part: 'error-summary', role: 'alert', tabindex: '-1' },
          h('h2.error-summary__title', cat.ui.errorSummaryTitle),
          h('p.body-s', d.errorsKeepTyping),
          list2,
        ),
      );
    }
  }

  render(null);

  return {
    get tender() {
      return whole();
    },
    get result() {
      return result;
    },
    /** Loads a tender given through the element's `tender` property (or saved work). */
    load(tender) {
      ctx().replace(copy(tender), { errorsNow: true });
    },
    /** Shows the element's language switch (a node, or null for none). */
    languages(node) {
      els.languages.replaceChildren(node ?? '');
      // The languages it lists get their inputs.
      texts.place(draft, hostLanguages(node));
      render('keep');
    },
    /** Shows the element's notices about saved work above this mode's own. */
    notices(list) {
      workNotices = list;
      showNotice();
    },
    async evaluate() {
      return engine.evaluate(draft);
    },
  };
}

/**
 * Saved work holds the model, not which ids were following their names: after a reload, every
 * criterion, group and measure whose id is still the one its name makes follows its name again
 * (a measure added as "New measure" and named after the reload gets an id from its new name).
 */
function followNamesAgain(tender, autoIds) {
  const nodes = Array.isArray(tender.criteria) ? walk(tender.criteria).map(({ c }) => c) : [];
  const measures = Array.isArray(tender.measures) ? tender.measures : [];
  for (const list of [nodes, measures]) {
    for (const n of list) {
      if (typeof n?.name !== 'string' || typeof n.id !== 'string') continue;
      const others = new Set(list.filter((x) => x !== n).map((x) => x?.id));
      if (slugId(n.name, others) === n.id) autoIds.add(n);
    }
  }
}
