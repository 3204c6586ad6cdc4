// The award methods demo page: ?example=NAME&mode=MODE picks one of the example tenders and a
// screen before the widget starts. Only the listed examples and modes are accepted.
const EXAMPLES = ['award-price-per-quality-point', 'award-quality-price-ratio', 'award-fictitious-discount'];
const MODES = ['publish', 'self-assess', 'evaluate'];

const query = new URLSearchParams(window.location.search);
const example = EXAMPLES.includes(query.get('example')) ? query.get('example') : EXAMPLES[0];
const mode = MODES.includes(query.get('mode')) ? query.get('mode') : 'evaluate';
const el = document.querySelector('bid-scorer');
// What suppliers see is the model alone (www/models/, built from www/examples/ without the bids).
const folder = mode === 'evaluate' ? 'examples' : 'models';
el.setAttribute('src', `${folder}/${example}.json`);
el.setAttribute('mode', mode);
for (const a of document.querySelectorAll('nav a[data-example]')) {
  if (a.dataset.example === example && a.dataset.mode === mode) a.setAttribute('aria-current', 'page');
}

await import('./src/element/define.js');
