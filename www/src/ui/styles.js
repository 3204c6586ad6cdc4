// The widget's styles as one constructable stylesheet, adopted by each shadow root: no <style>
// elements or style attributes, so a page with `style-src 'self'` works. Colours, type scale and
// spacing follow the GOV.UK Design System; hosts theme through --bid-scorer-* custom properties.

const CSS = String.raw`
:host {
  --_text: var(--bid-scorer-text, #0b0c0c);
  --_secondary: var(--bid-scorer-secondary-text, #505a5f);
  --_link: var(--bid-scorer-link, #1d70b8);
  --_error: var(--bid-scorer-error, #d4351c);
  --_success: var(--bid-scorer-success, #00703c);
  --_focus: var(--bid-scorer-focus, #ffdd00);
  --_focus-text: var(--bid-scorer-focus-text, #0b0c0c);
  --_border: var(--bid-scorer-border, #b1b4b6);
  --_input-border: var(--bid-scorer-input-border, #0b0c0c);
  --_panel: var(--bid-scorer-panel, #f3f2f1);
  --_background: var(--bid-scorer-background, #fff);
  --_font: var(--bid-scorer-font, "GDS Transport", arial, sans-serif);
  --_chart-1: var(--bid-scorer-chart-1, #1d70b8);
  --_chart-2: var(--bid-scorer-chart-2, #00703c);
  --_chart-3: var(--bid-scorer-chart-3, #f47738);
  --_chart-4: var(--bid-scorer-chart-4, #4c2c92);
  --_chart-5: var(--bid-scorer-chart-5, #d53880);
  display: block;
  box-sizing: border-box;
  max-width: 100%;
  color: var(--_text);
  background: var(--_background);
  font-family: var(--_font);
  font-size: 1rem;
  line-height: 1.25;
  -webkit-font-smoothing: antialiased;
  overflow-wrap: break-word;
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: inherit; }

.app { max-width: 100%; }
h2, h3, h4, p, ul, ol, dl, fieldset, table { margin-top: 0; }
.heading-l { font-size: 1.5rem; line-height: 1.04; font-weight: 700; margin: 0 0 .9375rem; }
.heading-m { font-size: 1.125rem; line-height: 1.11; font-weight: 700; margin: 1.25rem 0 .9375rem; }
.heading-s { font-size: 1rem; line-height: 1.25; font-weight: 700; margin: .9375rem 0 .625rem; }
.caption-m { display: block; font-size: 1rem; color: var(--_secondary); margin-bottom: .3125rem; }
p, li { margin-bottom: .9375rem; }
.body-s { font-size: .875rem; }
.secondary { color: var(--_secondary); }
.list { padding-left: 1.25rem; }
.list li { margin-bottom: .3125rem; }
.section { margin-bottom: 1.875rem; }
.visually-hidden {
  position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important;
  padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important;
  clip-path: inset(50%) !important; border: 0 !important; white-space: nowrap !important;
}

@media (min-width: 40.0625em) {
  .heading-l { font-size: 2.25rem; line-height: 1.11; margin-bottom: 1.25rem; }
  .heading-m { font-size: 1.5rem; line-height: 1.25; margin-top: 1.875rem; margin-bottom: 1.25rem; }
  .heading-s { font-size: 1.1875rem; }
  :host { font-size: 1.1875rem; line-height: 1.32; }
  .body-s { font-size: 1rem; }
}

/* Links and buttons, with the GOV.UK focus style: yellow background and a black underline. */
a { color: var(--_link); text-decoration: underline; text-underline-offset: .1578em; }
a:focus-visible {
  outline: 3px solid transparent; color: var(--_focus-text); background-color: var(--_focus);
  box-shadow: 0 -2px var(--_focus), 0 4px var(--_focus-text); text-decoration: none;
}
.button {
  display: inline-block; position: relative; margin: 0 .625rem 1.25rem 0; padding: .5rem .625rem .4375rem;
  border: 2px solid transparent; border-radius: 0; color: #fff; background-color: var(--_success);
  box-shadow: 0 2px 0 #002d18; font: inherit; font-size: 1rem; line-height: 1.1875; text-align: center;
  cursor: pointer; -webkit-appearance: none; appearance: none; text-decoration: none;
}
.button--secondary { color: var(--_text); background-color: #f3f2f1; box-shadow: 0 2px 0 #929191; }
.button--warning { background-color: var(--_error); box-shadow: 0 2px 0 #55150b; }
.button:hover { background-color: #005a30; }
.button--secondary:hover { background-color: #dbdad9; }
.button--warning:hover { background-color: #aa2a16; }
/* A file input hidden behind its label (the "Open a tender file" button): the label shows the
   input's keyboard focus, as the button would (WCAG 2.4.7). */
.button:focus-visible, .visually-hidden:focus-visible + .button {
  border-color: var(--_focus); outline: 3px solid transparent; color: var(--_focus-text);
  background-color: var(--_focus); box-shadow: inset 0 0 0 1px var(--_focus), 0 2px 0 var(--_focus-text);
}
.link-button {
  padding: 0; border: 0; background: none; color: var(--_link); font: inherit; text-decoration: underline;
  text-underline-offset: .1578em; cursor: pointer;
}
.link-button:focus-visible {
  outline: 3px solid transparent; color: var(--_focus-text); background-color: var(--_focus);
  box-shadow: 0 -2px var(--_focus), 0 4px var(--_focus-text); text-decoration: none;
}
.button-group { display: flex; flex-wrap: wrap; align-items: baseline; column-gap: .9375rem; }
/* The language switch (languages="en-GB cy"): the language in use is plain text, not a link. */
.language-switch { display: flex; flex-wrap: wrap; justify-content: flex-end; column-gap: .9375rem; margin-bottom: .625rem; }
.language-switch [aria-pressed="true"] { color: var(--_text); font-weight: 700; text-decoration: none; cursor: default; }

/* Form fields. */
.form-group { margin-bottom: 1.25rem; }
.form-group--error { padding-left: .9375rem; border-left: 5px solid var(--_error); }
.label { display: block; margin-bottom: .3125rem; font-weight: 400; }
.label--s { font-weight: 700; }
.hint { display: block; margin-bottom: .9375rem; color: var(--_secondary); font-size: .9375em; }
.error-message { display: block; margin-bottom: .9375rem; color: var(--_error); font-weight: 700; }
.input, .select, .textarea {
  box-sizing: border-box; display: block; max-width: 100%; min-height: 2.5rem; margin: 0; padding: .3125rem; border: 2px solid var(--_input-border);
  border-radius: 0; color: var(--_text); background: var(--_background); font: inherit; font-size: 1rem; line-height: 1.25;
}
.input { width: 100%; }
.input--w10 { width: 11.5em; }
.input--w5 { width: 6em; }
.input--w20 { width: 100%; max-width: 41ex; }
.textarea { width: 100%; min-height: 4rem; resize: vertical; }
.select { min-width: 11.5em; }
.input--error { border-color: var(--_error); }
.input:focus, .select:focus, .textarea:focus {
  outline: 3px solid var(--_focus); outline-offset: 0; box-shadow: inset 0 0 0 2px;
}
.fieldset { min-width: 0; margin: 0 0 1.25rem; padding: 0; border: 0; }
.legend { display: table; max-width: 100%; margin-bottom: .625rem; padding: 0; font-weight: 700; white-space: normal; }
.radios { display: flex; flex-direction: column; gap: .3125rem; }
.radio { display: flex; align-items: flex-start; gap: .5rem; }
.radio input { flex: none; width: 1.5rem; height: 1.5rem; margin: .125rem 0 0; accent-color: var(--_text); }
.radio input:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; box-shadow: 0 0 0 6px var(--_text); }
.radio label { flex: 1; cursor: pointer; }
.radio .hint { margin: 0; }
.radios--inline { flex-direction: row; flex-wrap: wrap; gap: .625rem 1.25rem; }
.row-fields { display: flex; flex-wrap: wrap; gap: 0 1.25rem; }
.row-fields > .form-group { flex: 0 1 auto; min-width: 0; }
.row-fields--end { align-items: flex-end; }
.button[hidden] { display: none; }

/* Error summary (role=alert, at the top). */
.error-summary {
  margin-bottom: 1.875rem; padding: .9375rem; border: 5px solid var(--_error);
}
.error-summary:focus { outline: 3px solid var(--_focus); }
.error-summary__title { margin: 0 0 .9375rem; font-size: 1.125rem; font-weight: 700; }
.error-summary ul { margin: 0; padding: 0; list-style: none; }
.error-summary li { margin-bottom: .3125rem; }
.error-summary a { color: var(--_error); font-weight: 700; }
.error-summary a:focus-visible { color: var(--_focus-text); }

/* Notification and warning panels. */
.banner { margin-bottom: 1.25rem; padding: .9375rem; border: 5px solid var(--_link); }
.banner--success { border-color: var(--_success); }
.banner--error { border-color: var(--_error); }
.banner p:last-child, .banner ul:last-child { margin-bottom: 0; }
.inset { margin: 1.25rem 0; padding: .9375rem; border-left: 10px solid var(--_border); }
.panel { margin-bottom: 1.25rem; padding: .9375rem; background: var(--_panel); }
.total-panel { margin-bottom: 1.25rem; padding: 1.25rem; color: #fff; background: var(--_success); }
.total-panel--disqualified { background: var(--_error); }
.total-panel--incomplete { color: var(--_text); background: var(--_panel); border-left: 10px solid var(--_text); }
.total-panel p, .total-panel .list { margin: .625rem 0 0; }
.total-panel__figure { display: block; font-size: 2rem; font-weight: 700; line-height: 1.1; }
.sticky-total {
  position: sticky; bottom: 0; z-index: 1; margin: 1.25rem 0 0; padding: .625rem .9375rem;
  color: #fff; background: var(--_text); font-weight: 700; border-top: 4px solid var(--_success);
}
/* After the base rule, whose border shorthand would otherwise win. */
.sticky-total--fail { border-top-color: var(--_error); }
.sticky-total--stale { border-top-color: var(--_focus); font-weight: 400; }
.warning-text { display: flex; gap: .9375rem; align-items: flex-start; font-weight: 700; }
.warning-text__icon {
  flex: none; display: inline-flex; align-items: center; justify-content: center; width: 2.1875rem; height: 2.1875rem;
  border: 3px solid var(--_text); border-radius: 50%; color: #fff; background: var(--_text); font-size: 1.5rem; line-height: 1;
}

/* Tables. */
.scroll { max-width: 100%; overflow-x: auto; margin-bottom: 1.25rem; }
.scroll:focus-visible { outline: 3px solid var(--_focus); box-shadow: 0 0 0 6px var(--_text); }
.table { width: 100%; border-collapse: collapse; border-spacing: 0; margin-bottom: 0; font-size: 1rem; }
.caption { margin-bottom: .625rem; text-align: left; font-weight: 700; font-size: 1.0625rem; }
.table th, .table td {
  padding: .625rem 1.25rem .625rem 0; border-bottom: 1px solid var(--_border); text-align: left; vertical-align: top;
}
.table th:last-child, .table td:last-child { padding-right: 0; }
.table tr.has-note > * { padding-bottom: .3125rem; border-bottom: 0; }
.table tr.note-row td { padding-top: 0; }
@media (max-width: 40.0525em) {
  .table th, .table td { padding-right: .625rem; }
  .table { font-size: .9375rem; }
}
.table thead th { font-weight: 700; }
.table tbody th { font-weight: 700; }
.table td.num, .table th.num { text-align: right; font-variant-numeric: tabular-nums; }
.table .nested th[scope="row"], .table .nested td.question { padding-left: 1.25rem; font-weight: 400; }
.table td.question { font-size: .9375rem; color: var(--_secondary); }
.equation { font-family: ui-monospace, "Courier New", monospace; overflow-wrap: anywhere; }
.working, .table td.working { font-size: .875rem; color: var(--_secondary); }
.tag {
  display: inline-block; padding: .125rem .5rem; font-size: .875rem; font-weight: 700; line-height: 1.25;
  color: #0c2d4a; background: #bbd4ea;
}
.tag--ranked { color: #005a30; background: #cce2d8; }
.tag--disqualified { color: #2a0b06; background: #f4cdc6; }
.tag--incomplete { color: #594d00; background: #fff7bf; }

/* Cards for bids in the evaluation workspace. */
.bid { margin-bottom: 1.25rem; border: 1px solid var(--_border); }
.bid > summary {
  padding: .625rem .9375rem; cursor: pointer; color: var(--_link); font-weight: 700; text-decoration: underline;
}
.bid > summary:focus-visible {
  outline: 3px solid transparent; color: var(--_focus-text); background: var(--_focus); box-shadow: 0 4px var(--_focus-text);
  text-decoration: none;
}
.bid__body { padding: 0 .9375rem .3125rem; }
.criterion-block { margin-bottom: 1.25rem; padding-top: .625rem; border-top: 1px solid var(--_border); }
.evaluator-grid { display: flex; flex-wrap: wrap; gap: 0 1.25rem; }

/* Drop zone for importing a file. */
.drop { margin-bottom: 1.25rem; padding: .9375rem; border: 2px dashed var(--_border); }
.drop--over { border-color: var(--_link); background: var(--_panel); }

/* Chart. */
.chart { max-width: 48rem; margin: 0 0 1.25rem; }
.chart-row { margin-bottom: .625rem; }
.chart-label { margin: 0 0 .3125rem; font-size: 1rem; }
.chart-bar { display: block; width: 100%; height: 20px; }
.chart-bar .seg-0 { fill: var(--_chart-1); }
.chart-bar .seg-1 { fill: var(--_chart-2); }
.chart-bar .seg-2 { fill: var(--_chart-3); }
.chart-bar .seg-3 { fill: var(--_chart-4); }
.chart-bar .seg-4 { fill: var(--_chart-5); }
.chart-bar .track { fill: none; stroke: var(--_border); }
.legend-list { display: flex; flex-wrap: wrap; gap: .3125rem 1.25rem; margin: 0 0 1.25rem; padding: 0; list-style: none; font-size: 1rem; }
.legend-list li { display: flex; align-items: center; gap: .5rem; margin: 0; }
.swatch { display: inline-block; width: 1rem; height: 1rem; }
.swatch.seg-0 { background: var(--_chart-1); }
.swatch.seg-1 { background: var(--_chart-2); }
.swatch.seg-2 { background: var(--_chart-3); }
.swatch.seg-3 { background: var(--_chart-4); }
.swatch.seg-4 { background: var(--_chart-5); }

/* Award methods and assessment summaries. */
.total-panel__value { display: block; margin: .3125rem 0; font-size: 1.25rem; font-weight: 700; }
.summary-list { margin: 0; padding: 0; list-style: none; }
.summary-list > li { margin: 0; padding-top: .3125rem; border-top: 1px solid var(--_border); }
/* A positioned box is painted on its own, and each frame looks over the boxes beside every one
   that changed: evaluate mode's sections and its groups of bids are positioned, so a key typed in
   one bid's card is not followed by a look over every box of a thousand bids. */
.evaluate > *, .bids { position: relative; }
/* With hundreds of bids the page is hundreds of thousands of pixels high: a table or chart out of
   view is laid out and painted only when scrolled to, so typing repaints what is seen. Only parts
   holding nothing to press or type in: until a skipped part is shown its controls have no place on
   the page, which would mislead what measures the space around a control. */
[data-results] .scroll, [data-what-if] .scroll, [data-acceptability] .scroll, [data-central] .scroll, [data-price-to-win] .scroll, .chart {
  content-visibility: auto; contain-intrinsic-size: auto 20rem;
}

.print-only { display: none; }

@media (forced-colors: active) {
  .chart-bar .seg-0, .chart-bar .seg-2, .chart-bar .seg-4 { fill: CanvasText; stroke: Canvas; }
  .chart-bar .seg-1, .chart-bar .seg-3 { fill: GrayText; stroke: Canvas; }
  .chart-bar .track { fill: none; stroke: CanvasText; }
  .swatch { forced-color-adjust: none; border: 1px solid CanvasText; }
  .swatch.seg-0, .swatch.seg-2, .swatch.seg-4 { background: CanvasText; }
  .swatch.seg-1, .swatch.seg-3 { background: GrayText; }
  .tag, .total-panel { border: 1px solid CanvasText; }
  .button { border-color: ButtonText; }
  a:focus-visible, .button:focus-visible, .link-button:focus-visible, .bid > summary:focus-visible,
  .visually-hidden:focus-visible + .button { outline: 3px solid Highlight; }
}
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { transition: none !important; animation: none !important; scroll-behavior: auto !important; }
}
@media print {
  :host { font-size: 10pt; color: #000000; background: #fff; }
  .no-print, .sticky-total, .button, .button-group, .drop, form, .bid, .error-summary, .tools { display: none !important; }
  .print-only { display: block; }
  .scroll { overflow: visible; }
  .scroll, .chart { content-visibility: visible; }
  .table { page-break-inside: auto; }
  .table tr { break-inside: avoid; }
  /* Sections flow across pages (one kept whole would start on a new page, leaving the one before
     nearly empty); headings and captions stay with what follows them. */
  h2, h3, h4, .caption, caption { break-after: avoid; }
  a { color: #000000; }
}
/* Design mode (design*.js). */
.design-contents { margin-bottom: 1.25rem; }
.design-contents__list { margin-bottom: 0; }
.design-section { margin-bottom: 1.875rem; padding-top: .3125rem; border-top: 2px solid var(--_border); }
.design-section__title:focus { outline: 3px solid var(--_focus); outline-offset: 2px; }
.design-tree { margin: 0 0 1.25rem; padding: 0; list-style: none; }
.design-node { margin: 0 0 1.25rem; padding: .9375rem .9375rem 0; border: 1px solid var(--_border); border-left: 5px solid var(--_link); }
.design-node--group { border-left-color: var(--_text); background: var(--_panel); }
.design-node--group .design-node { background: var(--_background); }
/* The error red is too faint on a group's grey: its messages stand on the page's own background. */
.design-node--group .error-message { background: var(--_background); }
.design-children { margin-top: .625rem; }
.row-fields > .design-name { flex: 1 1 14em; }
/* Text in several languages: one input each, side by side, stacked where there is no room. */
.row-fields > .design-languages { flex: 1 1 100%; }
.design-languages { margin-bottom: 0; }
.design-languages .form-group { flex: 1 1 16em; }
.design-node__title { margin-top: 0; }
.design-node__title:focus { outline: 3px solid var(--_focus); outline-offset: 2px; }
.design-kind { margin-left: .3125rem; vertical-align: middle; }
.design-share { margin-bottom: .625rem; color: var(--_secondary); }
.design-node__actions { margin-top: .3125rem; }
.button--small { margin-bottom: .9375rem; padding: .3125rem .5rem .25rem; font-size: .875rem; }
.design-more { margin-bottom: 1.25rem; }
.design-more > summary { color: var(--_link); text-decoration: underline; cursor: pointer; }
.design-more > summary:focus-visible {
  outline: 3px solid transparent; color: var(--_focus-text); background: var(--_focus); box-shadow: 0 4px var(--_focus-text); text-decoration: none;
}
.design-more[open] > summary { margin-bottom: .625rem; }
.design-status { margin-bottom: 1.25rem; padding: .9375rem; border-left: 10px solid var(--_border); background: var(--_panel); }
.design-status--ok { border-left-color: var(--_success); }
.design-status--low { border-left-color: var(--_error); }
.design-status p { margin-bottom: .3125rem; }
.design-status p:last-child { margin-bottom: 0; }
.design-status__total { font-weight: 700; }
.design-cards { margin: 0 0 1.25rem; padding: 0; list-style: none; }
.design-card { margin-bottom: 1.25rem; padding: .9375rem .9375rem 0; border: 1px solid var(--_border); }
.design-points { margin: 0 0 .625rem; padding: 0; list-style: none; }
.design-point { margin-bottom: .9375rem; padding-bottom: .3125rem; border-bottom: 1px solid var(--_border); }
.design-tie { padding-left: 1.25rem; }
.design-tie__text { margin-bottom: .3125rem; }
.design-note p { margin: 0; font-weight: 400; }
.design-chart { max-width: 36rem; margin: 0 0 1.25rem; }
.design-chart__svg { display: block; width: 100%; height: auto; margin-bottom: .3125rem; }
.design-chart__axis { stroke: var(--_text); stroke-width: 2; }
.design-chart__grid { stroke: var(--_border); stroke-width: 1; stroke-dasharray: 4 4; }
.design-chart__ceiling { stroke: var(--_error); stroke-width: 2; stroke-dasharray: 6 4; }
.design-chart__line { fill: none; stroke: var(--_chart-1); stroke-width: 3; }
.design-chart__dot { fill: var(--_chart-1); stroke: var(--_background); stroke-width: 1.5; }
.design-chart__dot--out { fill: var(--_background); stroke: var(--_chart-1); stroke-width: 2.5; }
.design-chart__tick, .design-chart__label { fill: var(--_text); font-family: var(--_font); font-size: 15px; }
.design-chart__label { font-weight: 700; }
.design-snippet { font-family: ui-monospace, "Courier New", monospace; font-size: .875rem; white-space: pre; overflow-wrap: normal; overflow-x: auto; }
.design-preview { margin-bottom: 1.25rem; padding: .9375rem; border: 2px dashed var(--_border); }
/* Design mode offers the tender file itself: the preview's own tools would repeat it. */
.design-preview bid-scorer::part(tools) { display: none; }
.design-ready { border-left-color: var(--_success); }
.design-not-ready { border-left-color: var(--_error); }
.design-bar { font-weight: 400; }
@media (max-width: 40.0525em) { .design-bar { padding: .3125rem .625rem; font-size: .875rem; } }
.checkboxes { display: flex; flex-direction: column; gap: .3125rem; }

/* Analysis (analysis/): what if, price to win, weight stability, rank acceptability. */
.analysis { padding-top: .3125rem; border-top: 5px solid var(--_link); }
.analysis [hidden] { display: none !important; }
.analysis-banner { border-color: var(--_text); }
.marks-row__controls { display: flex; flex-wrap: wrap; align-items: center; gap: .625rem 1.25rem; }
.marks-row--nested { padding-left: 1.25rem; }
.range { flex: 1 1 12rem; min-width: 0; max-width: 30rem; height: 2.5rem; margin: 0; accent-color: var(--_text); }
.range:focus-visible { outline: 3px solid var(--_focus); outline-offset: 0; box-shadow: 0 0 0 6px var(--_text); }
.checkbox { display: flex; align-items: flex-start; gap: .5rem; }
.checkbox input { flex: none; width: 1.5rem; height: 1.5rem; margin: .125rem 0 0; accent-color: var(--_text); }
.checkbox input:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; box-shadow: 0 0 0 6px var(--_text); }
.checkbox label { flex: 1; cursor: pointer; }
.checkbox .hint { display: block; margin: 0; }
.file-upload { display: block; max-width: 100%; font: inherit; font-size: 1rem; }
.file-upload:focus { outline: 3px solid var(--_focus); outline-offset: 0; box-shadow: 0 0 0 7px var(--_text); }
@media (forced-colors: active) {
  .design-chart__line { stroke: CanvasText; }
  .design-chart__dot { fill: CanvasText; stroke: Canvas; }
  .design-chart__dot--out { fill: Canvas; stroke: CanvasText; }
  .design-chart__tick, .design-chart__label { fill: CanvasText; }
  .design-chart__axis, .design-chart__ceiling { stroke: CanvasText; }
  .design-node__title:focus, .design-section__title:focus, .design-more > summary:focus-visible { outline: 3px solid Highlight; }
}

.conditional { margin-left: .75rem; padding-left: 1.0625rem; border-left: 4px solid var(--_border); }
.progress { margin-bottom: 1.25rem; }
.progress progress { width: 100%; max-width: 30rem; height: 1.25rem; vertical-align: middle; accent-color: var(--_link); }
.analysis-bar { display: block; width: 100%; max-width: 40rem; height: 20px; margin-top: .3125rem; }
.analysis-bar .track { fill: none; stroke: var(--_border); }
.analysis-bar .ptw-now, .swatch.ptw-now { fill: var(--_border); background: var(--_border); }
.analysis-bar .ptw-win, .swatch.ptw-win { fill: var(--_success); background: var(--_success); }
.analysis-bar .ws-band, .swatch.ws-band { fill: #cce2d8; background: #cce2d8; }
.analysis-bar .ws-now, .swatch.ws-now { fill: var(--_text); background: var(--_text); }
.table--summary { width: auto; margin-bottom: 1.25rem; }
.heat-table td.heat { min-width: 4.5em; }
.heat-0 { background: #fff; }
.heat-1 { background: #e8f1f8; }
.heat-2 { background: #d2e2f1; }
.heat-3 { background: #bbd4ea; }
.heat-4 { background: #a5c6e3; }
.heat-5 { background: #8eb8dc; }
.heat-6 { background: #6fa4d4; }
.heat-7 { background: #1d70b8; color: #fff; }
.heat-8 { background: #155a94; color: #fff; }
.heat-9 { background: #0b3f6b; color: #fff; }
.table td.heat { padding-left: .3125rem; padding-right: .3125rem; }
@media (forced-colors: active) {
  .analysis-bar .ptw-now, .analysis-bar .ws-band { fill: GrayText; }
  .analysis-bar .ptw-win, .analysis-bar .ws-now { fill: CanvasText; }
  .swatch.ptw-now, .swatch.ws-band { background: GrayText; }
  .swatch.ptw-win, .swatch.ws-now { background: CanvasText; }
  .range:focus-visible { outline: 3px solid Highlight; }
}

/* Notices about saved work: a warning border, long keys wrapping, buttons below. */
.banner--warning { border-color: var(--_text); }
.banner { overflow-wrap: anywhere; }
.banner__actions { margin-top: .9375rem; }
`;

let sheet = null;

/** The shared stylesheet (built once per document). */
export function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
