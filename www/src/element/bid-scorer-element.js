import { loadEngine } from '../engine/engine.js';
import { draftText } from '../engine/draft-text.js';
import { catalogue, engineErrors, engineText, fill } from '../text/messages.js';
import { formatter, usableLocale } from '../text/format.js';
import { styles } from '../ui/styles.js';
import { h } from '../ui/dom.js';
import { FieldSet } from '../ui/fields.js';
import { pennyErrors } from '../ui/pence.js';
import { copy, freshBidId } from '../ui/model.js';
import { modelOnly, renderPublish } from '../publish/publish.js';
import { renderSelfAssess, selfAssessTender } from '../self-assess/self-assess.js';
import { renderEvaluate } from '../evaluate/evaluate.js';
import { download, fileName, resultsCsv } from '../storage/io.js';
import { applyWork, fingerprint, noticeNode, widgetName, workOf } from '../storage/saved-work.js';
import { downloadStandalone, standaloneAvailable } from '../storage/standalone.js';
import { refusals, showErrorSummary, widgetHeader } from './header-and-errors.js';
import { readTenderFile } from './import-file.js';
import { toolsSection } from './tools.js';
import { earlierDesignNotice, earlierWorkNotice, misfitText, removedNotice } from './work-notices.js';
import { WorkKeeper } from './work-keeper.js';
import { fetchTender, inlineTender } from './tender-source.js';
import { fillPrint } from './print.js';
import { languageSwitch, switchLanguages } from './language-switch.js';
import { hasLanguages, inLanguage } from '../text/tender-text.js';
import { languageParts } from '../ui/language-parts.js';

const MODES = ['publish', 'self-assess', 'evaluate', 'design'];
let instances = 0;

/**
 * `<bid-scorer>`: scores UK public-sector tender bids (price, quality, social value) in the browser,
 * with the bidscore engine compiled to WebAssembly. Nothing is sent anywhere.
 *
 * The tender comes from, in this order: the `tender` property; an inline
 * `<script type="application/json">` child (works from a saved page, needs no fetch); the `src`
 * attribute (http or https only). Light-DOM content other than that script (for example a published
 * criteria table) is shown until the engine is ready, and stays if it cannot load.
 *
 * @attr {'publish'|'self-assess'|'evaluate'|'design'} mode - Which screen to show. Default: `publish`
 *   when the tender has no bids, otherwise `evaluate`. `design` builds a model (no tender needed).
 * @attr {string} src - URL of a tender file (http or https), used when there is no inline tender.
 * @attr {string} locale - BCP 47 locale for text and numbers; default the tender's `locale`, then en-GB (`en_GB` is read as en-GB; no language tag at all: en-GB and a console warning). Text is in Welsh for `cy` (in dist/bid-scorer-cy.js or as ES modules), else in English.
 * @attr {string} languages - language tags separated by spaces, such as `en-GB cy`: shows a switch between them; choosing one sets `locale`.
 * @attr {string} storage-key - Names this widget's saved work in the browser (default: its id, else
 *   its position among the page's widgets), so two widgets never share work and a moved one keeps it.
 *
 * @prop {object} tender - The tender file as an object, including everything typed so far (get
 *   returns a copy). Setting it loads a new tender.
 * @prop {string} storageKey - Mirrors the `storage-key` attribute.
 * @prop {object|null} result - Read-only: the last result the engine returned for a valid tender.
 *   Successive results share the bid objects that did not change: read them, never change them.
 *
 * @method evaluate - `evaluate(): Promise<object>` scores the current tender, renders and resolves to
 *   the result; rejects with the engine's `BidScoreError` (with `code`, `path`, `errors`) if invalid.
 *
 * @event bid-scorer-evaluated - After each evaluation; `detail` is the result.
 * @event bid-scorer-change - After the user changes the tender; `detail` is the tender (copied when a
 *   listener first reads it).
 * @event bid-scorer-error - When the tender is invalid (`detail.errors`), an import fails, saved work
 *   cannot be read, or the engine cannot load (`detail.error`). All events bubble and are composed.
 *
 * @cssprop --bid-scorer-text - Text colour (#0b0c0c).
 * @cssprop --bid-scorer-secondary-text - Hints and secondary text (#505a5f).
 * @cssprop --bid-scorer-link - Links (#1d70b8).
 * @cssprop --bid-scorer-error - Errors (#d4351c).
 * @cssprop --bid-scorer-success - Primary buttons and the total panel (#00703c).
 * @cssprop --bid-scorer-focus - Focus highlight (#ffdd00); --bid-scorer-focus-text its text (#0b0c0c).
 * @cssprop --bid-scorer-border - Table rules and card borders (#b1b4b6).
 * @cssprop --bid-scorer-input-border - Input borders (#0b0c0c).
 * @cssprop --bid-scorer-panel - Panel background (#f3f2f1); --bid-scorer-background (#ffffff).
 * @cssprop --bid-scorer-font - Font stack ("GDS Transport", arial, sans-serif).
 * @cssprop --bid-scorer-chart-1 - Chart colours, --bid-scorer-chart-1 to --bid-scorer-chart-5.
 *
 * @csspart base - The widget's outer box.
 * @csspart header - Title, buyer and reference.
 * @csspart error-summary - The list of problems at the top.
 * @csspart form - The bid form (self-assess, evaluate).
 * @csspart results - The results area.
 * @csspart total - The supplier's total (self-assess).
 * @csspart table - Every table; each also has a part naming it (ranking, breakdown, criteria, ...).
 * @csspart chart - The stacked bar chart.
 * @csspart tag - Status tags (also tag-ranked, tag-disqualified, tag-incomplete).
 * @csspart summaries - The assessment summaries (evaluate).
 * @csspart tools - Save, load, export and print.
 * @csspart analysis - What if, and how robust (evaluate), how you could rank first (self-assess);
 *   its tables: what-if, price-to-win, weight-stability, rank-acceptability, central-weights,
 *   your-price, what-it-takes.
 */
export class BidScorer extends HTMLElement {
  static observedAttributes = ['mode', 'src', 'locale', 'storage-key', 'languages'];

  /** Registers the element under `tag`; does nothing when the tag is already defined. */
  static define(tag = 'bid-scorer', registry = window.customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return registry.get(tag);
  }

  #uid = (instances += 1);
  #started = false;
  #engine = null;
  #source = null; // the tender as given (property, inline or src), for "start again"
  #model = null; // { source, locale, tender }: the source with its text in the draft's language (#inLanguage)
  #draftLocale = null; // the locale the draft's model text was chosen for
  #draft = null; // the tender being worked on, with everything typed so far
  #result = null;
  #errors = [];
  #text = draftText(); // the draft's JSON, written again only where it changed
  // Indexes of the bids changed since the draft was last written; null when more may have.
  #changedBids = null;
  #view = null;
  #fields = null;
  #notice = null;
  #said = null; // the keys of what the live region last said (see #announce); null before the first result
  #saying = 0; // the timer of what it is about to say
  #workNotices = []; // notices about saved work, shown above any other notice
  #removed = null; // the last removed bid, for Undo: { bid, index, open }
  #open = new Set();
  #switchTags = null; // the `languages` attribute as last read, and its tags (see #languageSwitch)
  #evaluators = [];
  #els = {};
  #design = null; // design mode's controller (design/design.js), which owns the shadow root in that mode
  #analysis = { state: {}, runner: null }; // analysis/panels.js: what is being tried, and its runner
  #parts = languageParts(); // the tender's text in other languages, marked (#markParts)
  #onBeforePrint = () => this.#fillPrint();
  #onPageHide = () => this.#keeper.flush();
  // Only on the way to hidden: a page shown again keeps typing's pause before it saves.
  #onVisibility = () => document.visibilityState === 'hidden' && this.#keeper.flush();
  #onStorage = (e) => this.#keeper.storageChanged(e);
  #emitter = (type, detail) => this.#emit(type, detail);
  #keeper = new WorkKeeper({
    cat: () => this.#cat(),
    locale: () => this.locale,
    time: (date) => this.#time(date),
    emit: this.#emitter,
    publish: () => this.mode === 'publish',
    work: (lean) => this.#work(lean),
    bids: () => this.#draft?.bids,
    status: (text) => {
      if (this.#els.saved) this.#els.saved.textContent = text;
    },
    putNotice: (n, options) => this.#putNotice(n, options),
    dropNotice: (id) => this.#dropNotice(id),
    hasNotice: (id) => this.#workNotices.some((n) => n.id === id),
    loadOther: () => {
      if (this.#design) {
        this.#design = null;
        this.#mountDesign();
      } else {
        this.#load({ restore: true });
        this.#emit('bid-scorer-change', this.tender);
      }
      this.shadowRoot.querySelector('[data-notice-text]')?.focus();
    },
    focusSaved: () => this.shadowRoot.querySelector('[data-saved]')?.focus(),
  });

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    root.append(h('slot'), h('p.secondary', { role: 'status', 'data-loading': '' }, catalogue('en-GB').ui.loading));
  }

  get mode() {
    const m = this.getAttribute('mode');
    if (MODES.includes(m)) return m;
    return (this.#draft ?? this.#source)?.bids?.length ? 'evaluate' : 'publish';
  }

  set mode(value) {
    this.setAttribute('mode', value);
  }

  get src() {
    return this.getAttribute('src') ?? '';
  }

  set src(value) {
    this.setAttribute('src', value);
  }

  /** The locale in use: as set, else the tender's, else en-GB; always one Intl takes. */
  get locale() {
    return usableLocale(this.getAttribute('locale') ?? (this.#draft ?? this.#source)?.tender?.locale ?? 'en-GB');
  }

  set locale(value) {
    this.setAttribute('locale', value);
  }

  get storageKey() {
    return this.getAttribute('storage-key') ?? '';
  }

  set storageKey(value) {
    this.setAttribute('storage-key', value);
  }

  get tender() {
    if (this.#design) return this.#design.tender;
    // Publish mode shows the model only; the page that gave the tender gets it back whole.
    return this.mode === 'publish' ? copy(this.#source) : this.#whole();
  }

  set tender(value) {
    this.#source = copy(value);
    if (this.#design) this.#design.load(value);
    else if (this.#engine) this.#load({ restore: false });
  }

  get result() {
    return this.#design ? this.#design.result : this.#result;
  }

  async evaluate() {
    await this.#whenReady();
    if (this.#design) return this.#design.evaluate();
    if (!this.#draft) throw new Error(this.#cat().ui.noTender);
    const result = this.#engine.evaluate(this.#draft);
    this.#run();
    return result;
  }

  connectedCallback() {
    // The attributes are there now, so the loading line can be in the page's language.
    const loading = this.shadowRoot.querySelector('[data-loading]');
    if (loading) {
      const cat = this.#cat();
      loading.textContent = cat.ui.loading;
      loading.lang = cat.lang;
    }
    window.addEventListener('beforeprint', this.#onBeforePrint);
    window.addEventListener('pagehide', this.#onPageHide);
    document.addEventListener('visibilitychange', this.#onVisibility);
    window.addEventListener('storage', this.#onStorage);
    this.#whenReady();
  }

  disconnectedCallback() {
    window.removeEventListener('beforeprint', this.#onBeforePrint);
    window.removeEventListener('pagehide', this.#onPageHide);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    window.removeEventListener('storage', this.#onStorage);
    this.#keeper.flush();
    this.#analysis.state.smaa?.controller?.abort();
    this.#analysis.runner?.dispose();
    clearTimeout(this.#saying);
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.#engine) return;
    this.#keeper.flush(); // what was typed goes to the slot it was typed for
    if (name === 'src' && !inlineTender(this, this.#emitter)) {
      fetchTender(this.getAttribute('src'), this.#emitter).then((t) => {
        if (t) {
          this.#source = t;
          this.#load({ restore: true });
        }
      });
    } else if (name === 'storage-key' && this.#design) {
      this.#design = null;
      this.#mountDesign();
    } else if (name === 'languages' && this.#design) {
      this.#design.languages(this.#languageSwitch());
    } else if (name === 'locale' && this.#design) {
      // The design as it stands is rendered again in the new language, never reloaded.
      this.#source = this.#design.tender;
      this.#design = null;
      this.#mountDesign();
    } else if ((name === 'locale' || name === 'languages') && this.#draft && !this.#design) {
      // The same work, open bids and evaluators drawn again in the new language: never read back
      // from storage, which may hold nothing (full, refused) or lag what is on screen. The model's
      // own text follows when the buyer gave it in several languages.
      const before = this.#inLanguage();
      this.#draftLocale = this.locale;
      if (hasLanguages(this.#source) && fingerprint(this.#draft) === fingerprint(before)) {
        const model = copy(this.#inLanguage());
        this.#draft = this.mode === 'publish' ? modelOnly(model) : { ...model, bids: this.#draft.bids };
      }
      this.#render();
    } else if (name === 'mode' && (after === 'design' || this.#design)) {
      if (this.#design) this.#source = this.#design.tender;
      this.#design = null;
      if (after === 'design') this.#mountDesign();
      else this.#load({ restore: true });
    } else if (name !== 'src') {
      this.#load({ restore: true });
    }
  }

  #ready = null;

  #whenReady() {
    if (!this.#started) {
      this.#started = true;
      this.#ready = this.#start();
    }
    return this.#ready;
  }

  async #start() {
    if (!this.#source) {
      const found = inlineTender(this, this.#emitter) ?? (await fetchTender(this.getAttribute('src'), this.#emitter));
      // The tender property may have been set while the file was being fetched; it wins.
      this.#source ??= found;
    }
    const { lang } = this.#cat();
    if (lang === 'en-GB' && !/^en\b/i.test(this.locale)) {
      const welsh = /^cy\b/i.test(this.locale) ? ' (dist/bid-scorer-cy.js has Welsh)' : '';
      console.warn(`bid-scorer: no text in "${this.locale}" here, so it is in English${welsh}`);
    }
    try {
      this.#engine = await loadEngine();
    } catch (error) {
      this.#fail(this.#cat().ui.engineFailed, error);
      return;
    }
    if (this.mode === 'design') {
      await this.#mountDesign();
      return;
    }
    if (!this.#source) {
      this.#fail(this.#cat().ui.noTender, null);
      return;
    }
    this.#load({ restore: true });
  }

  /**
   * Design mode builds a model from a template, a file or nothing: design/design.js takes over. It is
   * loaded only here, so the other modes never fetch it (the single-file build holds it anyway, and
   * makes this a static import: see scripts/build-dist.mjs).
   */
  async #mountDesign() {
    let mountDesign;
    try {
      ({ mountDesign } = await import('../design/design.js'));
    } catch (error) {
      this.#fail(this.#cat().ui.engineFailed, error);
      return;
    }
    if (this.mode !== 'design' || this.#design) return;
    this.#draftLocale = this.locale;
    this.#drawn(() => {
      this.#design = mountDesign({
        root: this.shadowRoot,
        engine: this.#engine,
        // A model given in several languages is edited in all of them (design/languages.js).
        source: this.#source,
        cat: this.#cat(),
        locale: this.locale,
        languages: this.#languageSwitch(),
        emit: this.#emitter,
        uid: this.#uid,
        work: this.#designWork(),
      });
    });
    this.#markParts(this.#design?.tender);
  }

  /**
   * Marks the tender's text shown in another language than the widget's with its own (WCAG
   * 3.1.2; ui/language-parts.js), after each render: every render ends in an event. Design mode
   * gives its model as it mounts and as it changes (`designed`).
   */
  #markParts(designed) {
    const shown = this.mode === 'design' ? designed : this.#draft;
    const locale = this.#draftLocale ?? this.locale;
    const typed = () => [shown.bids, this.#evaluators];
    if (shown) this.#parts.follow(this.shadowRoot, shown, this.#source, locale, this.#cat().lang, typed);
  }

  /**
   * Saved work for design mode, where the work is the model itself. It is restored only when it
   * was saved against the page's model; a design saved against an earlier model is offered, never
   * loaded in its place.
   */
  #designWork() {
    return {
      restore: () => {
        const read = this.#readSlot('design');
        const cat = this.#cat();
        this.#workNotices = read.notices;
        if (read.state === 'ok') return { draft: copy(read.entry.work.tender), notices: read.notices };
        if (read.state === 'earlier') {
          const { entry, text } = read;
          const open = () => {
            this.#dropNotice('earlier-model');
            this.#design?.load(entry.work.tender);
          };
          const download = this.#keeper.downloadAction(cat.ui.downloadOldWork, 'download-old-work', text);
          this.#workNotices.unshift(earlierDesignNotice(cat, this.#time(entry.savedAt), open, download));
        }
        return { draft: null, notices: this.#workNotices };
      },
      save: (draft) => this.#keeper.schedule(draft),
    };
  }

  #time(date) {
    return date ? formatter(this.locale).dateTime(date) : '';
  }

  /** Reads this widget's slot for `mode`: what was saved there, and the notices about it. */
  #readSlot(mode, options) {
    return this.#keeper.read(this.#source, mode, widgetName(this), options);
  }

  #fail(text, error) {
    const { lang } = this.#cat();
    this.shadowRoot.replaceChildren(h('slot'), h('p.banner.banner--error', { role: 'alert', lang }, text));
    this.#emit('bid-scorer-error', { error });
  }

  #cat() {
    return catalogue(this.locale);
  }

  /**
   * The tender as given, with its text in the widget's language where the buyer gave it in
   * several (text/tender-text.js): what the modes show, and what the engine scores. Saved work
   * is still filed under the tender as given, so a change of language finds the same work.
   */
  #inLanguage() {
    // The draft's language, not the attribute's: as `locale` changes, what was typed is saved first,
    // against the model as it was drawn.
    const locale = this.#draftLocale ?? this.locale;
    if (this.#model?.source !== this.#source || this.#model.locale !== locale) {
      this.#model = { source: this.#source, locale, tender: inLanguage(this.#source, locale) };
    }
    return this.#model.tender;
  }

  /**
   * The work as it stands, whole: while the model is the page's, with the page's model, text in
   * every language it gave, and the bids as typed; else the draft (a tender file opened over it).
   */
  #whole() {
    const draft = this.#draft;
    if (!draft) return copy(this.#source);
    if (hasLanguages(this.#source) && fingerprint(draft) === fingerprint(this.#inLanguage())) {
      return { ...copy(this.#source), bids: copy(draft.bids) };
    }
    return copy(draft);
  }

  /** The switch between the host's `languages`, or null when it asks for none. */
  #languageSwitch() {
    const attr = this.getAttribute('languages');
    // Read once per value, so a tag without text is warned about once, not at every render.
    if (this.#switchTags?.attr !== attr) this.#switchTags = { attr, tags: switchLanguages(attr) };
    return languageSwitch(this.#cat(), this.#switchTags.tags, (tag) => {
      this.locale = tag;
      // The widget is built again in that language: the switch keeps the keyboard's place.
      setTimeout(() => this.shadowRoot.querySelector(`[data-language="${tag}"]`)?.focus());
    });
  }

  #emit(type, detail) {
    this.#markParts(type === 'bid-scorer-change' ? detail : null);
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** Loads the source tender for the current mode, restoring saved work when asked. */
  #load(options) {
    this.#drawn(() => this.#loadDraft(options));
  }

  /**
   * Runs `draw`, which builds the widget from the tender. A tender the forms cannot be drawn from
   * (a list given as an object, say: the engine refuses it) is not drawn: the engine's errors are
   * shown in its place, each naming its field and what it needs, after the element's own content
   * (as when the engine cannot load), and the tender given and the work saved for it are kept.
   */
  #drawn(draw) {
    try {
      draw();
    } catch (error) {
      this.#keeper.cancel();
      this.#draft = this.#result = null;
      const cat = this.#cat();
      this.#fail(`${cat.ui.errorSummaryTitle}: ${refusals(this.#engine, this.#source, cat, error).join('; ')}`, error);
    }
  }

  #loadDraft({ restore }) {
    const mode = this.mode;
    const cat = this.#cat();
    this.#draftLocale = this.locale;
    this.#notice = null;
    this.#workNotices = [];
    this.#removed = null;
    this.#open = new Set();
    this.#evaluators = [];
    const shape = (t) => (mode === 'self-assess' ? selfAssessTender(t, cat) : t);
    let draft = null;
    if (mode === 'publish') {
      this.#keeper.clear();
    } else {
      const read = this.#readSlot(mode, { restore });
      this.#workNotices = read.notices;
      if (read.state === 'ok' || read.state === 'earlier') {
        const { entry, text } = read;
        const earlier = read.state === 'earlier';
        const applied = applyWork(this.#engine, this.#inLanguage(), entry.work, { prune: earlier, shape });
        draft = applied.tender;
        for (const name of entry.work.evaluators ?? []) {
          if (typeof name === 'string' && !this.#evaluators.includes(name)) this.#evaluators.push(name);
        }
        if (earlier) {
          const misfits = applied.misfits.map((m) => misfitText(cat, m));
          const download = this.#keeper.downloadAction(cat.ui.downloadOldWork, 'download-old-work', text);
          this.#workNotices.unshift(earlierWorkNotice(cat, this.#time(entry.savedAt), misfits, download));
          // The answers that fit are saved against the page's model at once.
          this.#keeper.carryOver(workOf(draft, this.#inLanguage(), this.#evaluators), read);
        }
      }
    }
    draft ??= shape(copy(this.#inLanguage()));
    // Publish mode is what suppliers see: it holds the model only, never the bids.
    this.#draft = mode === 'publish' ? modelOnly(draft) : draft;
    this.#render();
  }

  #ctx() {
    return {
      cat: this.#cat(),
      fmt: formatter(this.locale, this.#draft?.tender?.currency ?? 'GBP'),
      tender: this.#draft,
      fields: this.#fields,
      uid: this.#uid,
      open: this.#open,
      evaluators: this.#evaluators,
      structure: (focus) => this.#restructure(focus),
      refreshErrors: () => this.#showErrors(),
      engine: this.#engine,
      locale: this.locale,
      focus: (path) => this.#focusPath(path),
      analysis: this.#analysis,
      removeBid: (index) => this.#removeBid(index),
      reworded: (bid, id, text) => this.#reworded(bid, id, text),
      marked: (html) => this.#parts.html(html),
      text: () => this.#draftText(this.#changedBids),
    };
  }

  /** The draft's JSON (see asText), written again only for the bids `changed` (null: all). */
  #draftText(changed) {
    const text = this.#text(this.#draft, changed);
    this.#changedBids = new Set();
    return text;
  }

  /** Builds the whole widget for the current mode and runs the engine once. */
  #render() {
    const cat = this.#cat();
    const mode = this.mode;
    const info = this.#draft?.tender ?? {};
    const els = {
      live: h('div.visually-hidden', { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-live': 'results' }),
      notice: h('div'),
      summary: h('div'),
      main: h('div'),
      print: h('div.print-only'),
      printDate: h('p.print-only'),
      saved: h('p.body-s.secondary', { 'data-saved': '' }),
    };
    this.#els = els;
    const header = widgetHeader(cat, mode, info, els.printDate, this.#languageSwitch());
    this.#build();
    this.shadowRoot.replaceChildren(
      h(
        'div.app',
        { part: 'base', 'data-mode': mode, lang: cat.lang },
        els.live,
        els.summary,
        els.notice,
        header,
        els.main,
        this.#tools(mode),
        els.print,
      ),
    );
    this.#showNotice();
    this.#run();
  }

  /** Builds the mode's view (self-assess, evaluate; none in publish mode) with fresh fields. */
  #build() {
    const mode = this.mode;
    this.#fields = new FieldSet((path) => this.#edited(path), this.#cat().ui.errorPrefix);
    const ctx = this.#ctx();
    this.#view = mode === 'self-assess' ? renderSelfAssess(ctx) : mode === 'evaluate' ? renderEvaluate(ctx) : null;
    this.#els.main.replaceChildren(this.#view?.node ?? '');
  }

  /** Re-renders the mode after bids or evaluators were added or removed, then moves focus. */
  #restructure(focusSelector) {
    this.#build();
    this.#run();
    this.#changed();
    if (focusSelector) this.shadowRoot.querySelector(focusSelector)?.focus();
  }

  /** A field of bid `index` (or, without one, of the tender) changed: the engine runs again. */
  #edited(path) {
    const m = /^bids\[(\d+)\]/.exec(path);
    if (m) this.#changedBids?.add(+m[1]);
    else this.#changedBids = null;
    this.#run(this.#changedBids);
    this.#changed(m ? +m[1] : -1);
  }

  /**
   * A rationale was typed. It changes no score, so the results stand and the engine is not run
   * (with hundreds of bids that is most of a keystroke's work); the summaries, which quote it,
   * catch up. While errors are shown, or near the engine's limit on its length, it runs as usual.
   */
  #reworded(bid, id, text) {
    const index = this.#draft.bids.indexOf(bid);
    this.#changedBids?.add(index);
    if (this.#errors.length || text.length >= 1e5) return this.#edited(`bids[${index}]`);
    this.#view.reworded?.(bid, id);
    this.#changed(index);
  }

  /**
   * Says the tender changed and saves it soon: only bid `index` when that is all that changed. The
   * event's tender is copied when a listener first reads it, not on every keystroke.
   */
  #changed(index) {
    const e = new CustomEvent('bid-scorer-change', { bubbles: true, composed: true });
    let tender;
    Object.defineProperty(e, 'detail', { get: () => (tender ??= this.tender) });
    this.dispatchEvent(e);
    this.#keeper.schedule(null, index);
  }

  /**
   * Runs the engine on the tender. `evaluate` reads and validates the file in the same pass as
   * `validate` does, and throws a BidScoreError listing every error; so one call both checks what
   * was typed and, when it is valid, gives the result to render. `changedBids`: the indexes of the
   * only bids changed since the last run, when the caller knows them (a field of a bid typed).
   */
  #run(changedBids = null) {
    const mode = this.mode;
    let result = null;
    let errors = [];
    let published = null;
    let text;
    try {
      // Every engine call inside the try: a fault in any of them is shown in words like any
      // other error, never an empty widget.
      if (mode === 'publish') {
        errors = this.#engine.validate(this.#draft).errors;
        if (!errors.length) {
          published = {
            modelResult: this.#engine.evaluate({ ...this.#draft, bids: [] }),
            model: this.#engine.describe(this.#draft),
          };
        }
      } else {
        errors = pennyErrors(this.#draft, (path) => this.#fields?.control(path)?.value);
        // The tender's JSON, written once for the engine and the analyses after it.
        text = this.#draftText(changedBids);
        result = this.#engine.evaluateSince(text);
      }
    } catch (error) {
      errors = [...errors, ...engineErrors(error)];
    }
    this.#errors = errors;
    this.#showErrors();
    this.#view?.stale?.(errors.length > 0);
    if (errors.length) {
      clearTimeout(this.#saying); // figures about to be said are out of date now
      this.#emit('bid-scorer-error', { errors });
      if (mode === 'publish') this.#els.main.replaceChildren();
      return;
    }
    if (mode === 'publish') {
      this.#renderPublish(published);
      return;
    }
    this.#result = result;
    this.#view.update(result, typeof text === 'string' ? text : undefined);
    this.#announce(this.#view.announce(result));
    this.#emit('bid-scorer-evaluated', result);
  }

  /**
   * Says what changed, once. `phrases` are [key, text] pairs for what a listener would want to
   * know (the first-placed bid, the supplier's total, their social value): only those whose key
   * differs from what was last said are said, so a price typed does not repeat the social value
   * and a score that moves nobody says nothing. Said once typing pauses, as a character count
   * does, so a listener hears the figure typed, not each keystroke's. Nothing is said as the
   * widget opens.
   */
  #announce(phrases) {
    clearTimeout(this.#saying);
    // The first results are what the page opened with: on the page to be read, not news.
    this.#said ??= phrases.map(([key]) => key);
    const news = phrases.filter(([key]) => !this.#said.includes(key));
    if (!news.length) return;
    this.#saying = setTimeout(() => {
      this.#said = phrases.map(([key]) => key);
      this.#els.live.textContent = news.map(([, text]) => text).join('. ');
    }, 600);
  }

  #renderPublish({ modelResult, model }) {
    this.#result = modelResult;
    this.#els.main.replaceChildren(renderPublish(this.#ctx(), { modelResult, model }));
    this.#emit('bid-scorer-evaluated', modelResult);
  }

  /** The error summary at the top and each message next to its field. */
  #showErrors() {
    const cat = this.#cat();
    const messages = new Map();
    for (const e of this.#errors) if (!messages.has(e.path)) messages.set(e.path, engineText(cat, 'errors', e));
    this.#fields?.showErrors(messages);
    const { summary } = this.#els;
    if (!summary) return;
    showErrorSummary(summary, this.#errors, {
      cat,
      publish: this.mode === 'publish',
      tender: this.#draft,
      linked: (path) => this.#fields?.control(path) || /^bids\[\d+\]/.test(path),
      focus: (path) => this.#focusPath(path),
    });
  }

  #focusPath(path) {
    const m = /^bids\[(\d+)\]/.exec(path);
    const bid = m ? this.#draft.bids?.[Number(m[1])] : null;
    if (bid && !this.#fields.control(path)) {
      const details = this.shadowRoot.querySelector(`details[data-bid-editor="${CSS.escape(bid.id)}"]`);
      if (details) {
        details.open = true;
        this.#open.add(bid.id);
        details.dispatchEvent(new Event('toggle'));
      }
    }
    const control = this.#fields.control(path);
    control?.focus();
  }

  #showNotice() {
    if (this.#design) this.#design.notices(this.#workNotices);
    else this.#els.notice?.replaceChildren(...[...this.#workNotices, this.#notice].filter(Boolean).map(noticeNode));
  }

  /** Shows (or replaces) one notice about saved work; `focus` moves focus to its first line. */
  #putNotice(n, { focus = false } = {}) {
    this.#workNotices = [...this.#workNotices.filter((x) => x.id !== n.id), n];
    this.#showNotice();
    if (focus) this.#focusNotice(n.id);
  }

  #dropNotice(id) {
    if (!this.#workNotices.some((x) => x.id === id)) return;
    this.#workNotices = this.#workNotices.filter((x) => x.id !== id);
    this.#showNotice();
  }

  #focusNotice(id) {
    this.shadowRoot.querySelector(`[data-notice="${CSS.escape(id)}"] [data-notice-text]`)?.focus();
  }

  /** What this widget would save now (`lean`: without the bids, see WorkKeeper). */
  #work(lean) {
    const keeper = this.#keeper;
    if (keeper.slot.mode === 'design') return { tender: this.#design?.tender ?? copy(keeper.pendingDesign) };
    return workOf(this.#draft, this.#inLanguage(), this.#evaluators, lean);
  }

  /** Removes bid `index`, offering Undo, which puts it back with everything typed for it. */
  #removeBid(index) {
    const bid = this.#draft.bids?.[index];
    if (!bid) return;
    const cat = this.#cat();
    this.#draft.bids.splice(index, 1);
    const name = bid.supplier || bid.id;
    this.#removed = { bid, index };
    this.#restructure(null);
    this.#putNotice(removedNotice(cat, name, () => this.#undoRemove()), { focus: true });
  }

  #undoRemove() {
    const r = this.#removed;
    if (!r) return;
    this.#removed = null;
    const bids = (this.#draft.bids ??= []);
    if (bids.some((b) => b.id === r.bid.id)) r.bid.id = freshBidId(this.#draft, 'bid');
    bids.splice(Math.min(r.index, bids.length), 0, r.bid);
    this.#open.add(r.bid.id);
    this.#restructure(null);
    const name = r.bid.supplier || r.bid.id;
    this.#putNotice({ id: 'removed', kind: 'success', text: fill(this.#cat().ui.restoredBid, { name }) });
    this.shadowRoot.querySelector(`[data-bid-editor="${CSS.escape(r.bid.id)}"] summary, [data-bid-editor="${CSS.escape(r.bid.id)}"] input`)?.focus();
  }

  #tools(mode) {
    return toolsSection({
      ui: this.#cat().ui,
      uid: this.#uid,
      mode,
      saved: this.#els.saved,
      focusStartAgain: () => this.shadowRoot.querySelector('[data-action="start-again"]')?.focus(),
      actions: {
        importFile: (file) => this.#importFile(file),
        startAgain: () => {
          this.#keeper.forget();
          this.#load({ restore: false });
          this.#emit('bid-scorer-change', this.tender);
          this.shadowRoot.querySelector('h2')?.focus();
        },
        exportJson: () =>
          download(fileName(this.#draft, 'tender.json'), 'application/json', `${JSON.stringify(this.#whole(), null, 2)}\n`),
        exportCsv: () => {
          if (this.#result)
            download(fileName(this.#draft, 'results.csv'), 'text/csv;charset=utf-8', resultsCsv(this.#ctx(), this.#result));
        },
        standalone: standaloneAvailable() ? () => downloadStandalone(this, { ...this.#ctx(), tender: this.#whole() }) : null,
        exportOcds: () => {
          // An invalid model has no award criteria to export; the error summary says why.
          if (this.#errors.length) return;
          download(
            fileName(this.#draft, 'award-criteria.json'),
            'application/json',
            `${JSON.stringify(this.#engine.ocdsAwardCriteria(this.#draft), null, 2)}\n`,
          );
        },
      },
    });
  }

  async #importFile(file) {
    const ui = this.#cat().ui;
    const { data, problems } = await readTenderFile(file, this.#engine, this.#cat());
    if (problems) {
      this.#notice = { kind: 'error', text: fill(ui.importFailed, { file: file.name }), items: problems };
      this.#showNotice();
      this.#emit('bid-scorer-error', { file: file.name, problems });
      return;
    }
    const mode = this.mode;
    this.#draft = mode === 'self-assess' ? selfAssessTender(data, this.#cat()) : data;
    this.#open = new Set();
    this.#evaluators = [];
    this.#notice = { kind: 'success', text: fill(ui.imported, { file: file.name }) };
    this.#render();
    this.#changed();
  }

  /** Fills the print-only parts: the date, and every bid's breakdown with working. */
  #fillPrint() {
    if (this.#els.print && this.#result) fillPrint(this.#els, this.#ctx(), this.#result, this.mode === 'publish');
  }
}
