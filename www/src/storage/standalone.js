// "Download standalone copy": one self-contained .html file holding the widget (the whole
// single-file build, engine included) and the tender as it is now, with its bids and scores.
// It opens from disk, by email attachment or on a memory stick, and works with no network.
//
// Only the single-file build (dist/bid-scorer.js) can write one: it knows its own text (see
// www/src/bundle.js). Loaded as ES modules, the widget has no such text and offers no button.
// Closing script tags are written `<\/script>` in this file: the build refuses a bundle with the
// plain form in it, which would end the standalone copy's inline script early.
import { scoreText, totalHeading } from '../text/award.js';
import { fill } from '../text/messages.js';
import { ordered } from '../ui/results.js';
import { download, fileName } from './io.js';
import { escapeHtml as esc } from '../evaluate/debrief.js';
import { shownText, textIn } from '../text/tender-text.js';

let bundleSource = null;

/** Called by the single-file build with a function returning its own script text. */
export function setBundleSource(get) {
  bundleSource = get;
}

/** Whether this copy of the widget can write a standalone copy. */
export function standaloneAvailable() {
  return bundleSource !== null;
}

/** The single-file build's own script text (what bid-scorer.js holds); null when loaded as modules. */
export const bundleText = () => bundleSource?.() ?? null;

/**
 * JSON for a `<script type="application/json">` element: `<` written as `\u003c` (still the same
 * JSON), so no supplier name or rationale can close the element or open a comment.
 */
function scriptJson(value) {
  return JSON.stringify(value, null, 2).replace(/</g, '\\u003c');
}

/**
 * The plain ranking shown inside the element until the engine has loaded (and instead of it in a
 * browser without WebAssembly): the engine's figures from the last result, as text.
 */
function fallbackTable({ cat, fmt }, result, when) {
  if (!result?.bids?.length) return '';
  const rows = ordered(result).map(
    (b) =>
      `<tr><td>${esc(b.rank === null ? '–' : fmt.integer(b.rank))}</td><th scope="row">${esc(b.supplier)}</th>` +
      `<td>${esc(cat.ui.statuses[b.status] ?? b.status)}</td><td>${esc(scoreText(fmt, result.method, b.total))}</td></tr>`,
  );
  return [
    '<table>',
    `<caption>${esc(fill(cat.ui.standaloneFallback, { date: fmt.dateTime(when) }))}</caption>`,
    `<thead><tr><th scope="col">${esc(cat.ui.rank)}</th><th scope="col">${esc(cat.ui.supplier)}</th>` +
      `<th scope="col">${esc(cat.ui.status)}</th><th scope="col">${esc(totalHeading(cat, result.method))}</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
  ].join('\n');
}

// The page around the widget: a plain GOV.UK-like page; the widget styles itself.
const PAGE_CSS = [
  'body{margin:0;color:#0b0c0c;background:#fff;font-family:"GDS Transport",arial,sans-serif;line-height:1.25}',
  'main{max-width:960px;margin:0 auto;padding:1.25rem 0.9375rem 3rem}',
  'h1{font-size:2rem;line-height:1.09;margin:0 0 1.25rem}',
  '.lead{font-size:1.1875rem;color:#505a5f;margin:0 0 1.875rem}',
  'table{border-collapse:collapse;margin:1rem 0}caption{text-align:left;font-weight:700;padding-bottom:.5rem}',
  'th,td{text-align:left;padding:.5rem 1.25rem .5rem 0;border-bottom:1px solid #b1b4b6}',
].join('\n');

/**
 * The standalone page's text.
 * @param {{ tender: object, mode: string, locale: string|null, languages: string|null,
 *   result: object|null, cat: object, fmt: object, when?: Date }} what
 */
function standaloneHtml({ tender, mode, locale, languages, result, cat, fmt, when = new Date() }) {
  if (!bundleSource) throw new Error('only the single-file build can write a standalone copy');
  // The page's own text is the catalogue's; the copy keeps the element's language and its switch.
  const lang = cat.lang;
  // A title given in several languages is named in the page's (the tender given is kept whole).
  const title = shownText(textIn(tender?.tender?.title, lang)) || cat.ui.modes[mode];
  const attrs = [`mode="${esc(mode)}"`, locale ? `locale="${esc(locale)}"` : '', languages ? `languages="${esc(languages)}"` : '']
    .filter(Boolean)
    .join(' ');
  return `<!doctype html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(fill(cat.ui.standaloneTitle, { title }))}</title>
<style>
${PAGE_CSS}
</style>
</head>
<body>
<main>
<h1>${esc(fill(cat.ui.standaloneHeading, { title }))}</h1>
<p class="lead">${esc(fill(cat.ui.standaloneIntro, { date: fmt.dateTime(when) }))}</p>
<bid-scorer ${attrs}>
<script type="application/json">
${scriptJson(tender)}
<\/script>
${fallbackTable({ cat, fmt }, result, when)}
</bid-scorer>
</main>
<script>
${bundleSource()}<\/script>
</body>
</html>
`;
}

/**
 * Offers the standalone copy of `element` (a <bid-scorer>) as a download named after the tender's
 * reference: "EBC-2026-014-standalone.html".
 */
export function downloadStandalone(element, ctx) {
  const html = standaloneHtml({
    tender: ctx.tender,
    mode: element.mode,
    locale: element.getAttribute('locale'),
    languages: element.getAttribute('languages'),
    result: element.result,
    cat: ctx.cat,
    fmt: ctx.fmt,
  });
  // The tender's text in another language than the page's is marked with its own.
  download(fileName(ctx.tender, 'standalone.html'), 'text/html;charset=utf-8', ctx.marked?.(html) ?? html);
}
