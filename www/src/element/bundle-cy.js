// The entry of the single-file build in English and Welsh, dist/bid-scorer-cy.js: the Welsh
// catalogue, then everything the English build holds (bundle.js). The catalogue is added before
// any widget starts, so `locale="cy"` shows Welsh from the first render.
import '../text/cymraeg.js';
export { start } from './bundle.js';
