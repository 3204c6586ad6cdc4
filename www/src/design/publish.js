// Design mode: publish. The tender file to download, the snippet to paste into a web page (the
// one-file script, then the model inline in <bid-scorer mode="publish">), the script itself, and
// a live preview of what suppliers will see.
import { h } from '../ui/dom.js';
import { fill } from '../text/messages.js';
import { download, fileName } from '../storage/io.js';
import { bundleText } from '../storage/standalone.js';
import { escapeHtml } from '../evaluate/debrief.js';
import { actionButton } from './fields.js';

// Loaded as modules (the demo's design page) the script is the built file beside www/: dist/ is
// three folders up from this module on disk, and at /dist/ on the demo server. Found when the link
// is made: the single-file build evaluates this module in its analysis worker too, where the page's
// address (what the build gives for import.meta.url) is not there to read.
const scriptUrl = () => new URL('../../../dist/bid-scorer.js', import.meta.url).href;
const SCRIPT = 'bid-scorer.js';

/**
 * The embed snippet: the one-file script (a classic script, so the page also works saved to disk
 * and opened from there), then the element with the model inline as JSON. Every "<" in the JSON
 * is written \u003c, so no text in the model can close the script early. The plain list inside
 * the element (criteria and marks from the engine's description) shows until the engine is
 * ready, and stays if it cannot run.
 */
function embedSnippet(model, described, cat) {
  const json = JSON.stringify(model, null, 2).replace(/</g, '\\u003c');
  const fallback = described
    ? [
        `<p>${escapeHtml(fill(cat.design.snippetFallback, { total: described.maxTotal }))}</p>`,
        '<ul>',
        ...described.criteria.map(
          (n) =>
            `<li>${escapeHtml(fill(cat.design.snippetItem, { name: n.name, marks: n.marks, percent: n.sharePercent }))}</li>`,
        ),
        '</ul>',
      ]
    : [];
  // Written as '<' + '/script>' so this module can sit inside a <script> element itself (the
  // single-file build and standalone copies put all the code in one).
  const end = '<' + '/script>';
  return [
    `<script src="${SCRIPT}">${end}`,
    '<bid-scorer mode="publish">',
    ...fallback,
    '<script type="application/json">',
    json,
    end,
    '</bid-scorer>',
    '',
  ].join('\n');
}

export function publishSection(c) {
  const { d, session, uid } = c;
  const ready = h('div', { 'data-publish-status': '' });
  const snippetId = `design-snippet-${uid}`;
  const snippet = h('textarea.textarea.design-snippet', {
    id: snippetId,
    rows: 12,
    readonly: true,
    spellcheck: 'false',
    'data-action': 'snippet',
    'aria-describedby': `${snippetId}-hint`,
  });
  const copied = h('p.body-s', { role: 'status' });
  const snippetBlock = h(
    'div',
    { 'data-snippet-block': '' },
    h(
      'div.form-group',
      h('label.label.label--s', { for: snippetId }, d.snippetLabel),
      h('div.hint', { id: `${snippetId}-hint` }, d.snippetHint),
      snippet,
    ),
    // The script the snippet names: the single-file build hands over its own text; loaded as
    // modules, the widget links to the built file.
    bundleText()
      ? actionButton('download-script', d.downloadScript, () =>
          download(SCRIPT, 'text/javascript', bundleText()),
        )
      : h('a.button.button--secondary', { href: scriptUrl(), download: SCRIPT, 'data-action': 'download-script' }, d.downloadScript),
    actionButton('copy-snippet', d.copySnippet, async () => {
      try {
        await navigator.clipboard.writeText(snippet.value);
        copied.textContent = d.copied;
      } catch {
        snippet.focus();
        snippet.select();
        copied.textContent = d.copyByHand;
      }
    }),
    copied,
  );

  // One preview element for the life of the page, moved into each rebuilt section. Its own events
  // stay inside: the page listening to this element hears design mode's events only.
  if (!session.preview) {
    session.preview = h('bid-scorer', { mode: 'publish', 'data-preview': '' });
    for (const type of ['bid-scorer-change', 'bid-scorer-error', 'bid-scorer-evaluated']) {
      session.preview.addEventListener(type, (e) => e.stopPropagation());
    }
    session.previewJson = '';
  }
  const previewNote = h('p.body-s.secondary', { hidden: true }, d.previewStale);
  // Shown once there is a model without problems: an element without a tender says so instead.
  const previewBox = h(
    'div.design-preview',
    { hidden: !session.previewJson },
    session.previewJson ? session.preview : null,
  );
  let timer = 0;

  return {
    title: d.publishHeading,
    body: [
      h('p', d.publishIntro),
      ready,
      actionButton(
        'download-model',
        d.downloadModel,
        () => {
          const model = c.modelOf(c.whole());
          download(fileName(model, 'tender.json'), 'application/json', `${JSON.stringify(model, null, 2)}\n`);
        },
        { kind: 'primary' },
      ),
      snippetBlock,
      h('h4.heading-s', d.previewHeading),
      h('p.hint', d.previewHint),
      previewNote,
      previewBox,
    ],
    update(state) {
      const problems = state.errors.filter((e) => !/^bids(\[|$)/.test(e.path)).length;
      const ok = problems === 0 && Boolean(state.described);
      ready.replaceChildren(
        ok
          ? h('p.inset.design-ready', d.readyToPublish)
          : h(
              'p.inset.design-not-ready',
              fill(problems === 1 ? d.notReadyOne : d.notReady, { count: problems }),
            ),
      );
      snippetBlock.hidden = !ok;
      previewNote.hidden = ok || !session.previewJson;
      if (!ok) return;
      // What is published is the model in every language it has.
      snippet.value = embedSnippet(c.modelOf(c.whole()), state.described, c.cat);
      const json = JSON.stringify(state.model);
      if (!session.previewJson) {
        session.previewJson = json;
        session.preview.tender = JSON.parse(json);
        previewBox.append(session.preview);
        previewBox.hidden = false;
      } else if (json !== session.previewJson) {
        session.previewJson = json;
        clearTimeout(timer);
        // Typing settles before the preview redraws; the engine is quick, but the page is long.
        timer = setTimeout(() => {
          session.preview.tender = JSON.parse(json);
        }, 150);
      }
    },
  };
}
