// The entry of the single-file build in English and Welsh, dist/bid-scorer-cy.js: the Welsh
// catalogue, then everything the English build holds (bundle.js). The catalogue is added before
// any widget starts, so `locale="cy"` shows Welsh from the first render.
import '../text/cymraeg.js';
import { engineFailed } from './bundle.js';

export { start } from './bundle.js';

// Where the engine cannot be loaded, a widget whose `locale` or page is Welsh says so in Welsh.
const english = engineFailed.say;
engineFailed.say = (widget) =>
  /^cy\b/i.test(widget.getAttribute('locale') ?? widget.closest('[lang]')?.lang)
    ? ['cy', 'Nid oedd modd llwytho’r peiriant sgorio, felly nid oes modd dangos sgorau.']
    : english(widget);
