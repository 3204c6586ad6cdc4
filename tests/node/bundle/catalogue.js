// The text catalogue as the single-file build reads it from its packed payload, run by
// tests/node/dist.test.mjs.
import { catalogue, engineText } from '../../../www/src/text/messages.js';

const cat = catalogue('en-GB');
globalThis.catalogueResult = {
  keysBeforeUse: Object.keys(cat),
  text: engineText(cat, 'errors', { code: 'no-such-code', message: 'say "this"' }),
  json: JSON.stringify(cat),
};
