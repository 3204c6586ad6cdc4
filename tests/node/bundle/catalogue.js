// The text catalogues as the single-file build reads them from its packed payload, run by
// tests/node/dist.test.mjs.
import { catalogue, catalogueLanguages, engineText } from '../../../www/src/text/messages.js';
import '../../../www/src/text/cymraeg.js';

const cat = catalogue('en-GB');
const welsh = catalogue('cy');
globalThis.catalogueResult = {
  keysBeforeUse: Object.keys(cat),
  welshKeysBeforeUse: Object.keys(welsh),
  languages: catalogueLanguages(),
  text: engineText(cat, 'errors', { code: 'no-such-code', message: 'say "this"' }),
  json: JSON.stringify({ 'en-GB': cat, cy: welsh }),
};
