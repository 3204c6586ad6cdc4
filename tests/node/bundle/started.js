// A page entry that does all it does in start(), as the single-file build's is (bundled with
// `started` by tests/node/dist.test.mjs): evaluating it only declares things.
import greet from './lib.js';

export function start() {
  globalThis.startedCount = (globalThis.startedCount ?? 0) + 1;
  // A dynamic import of a fixed path: with `inlineImports`, the module is already there.
  globalThis.startedResult = import('./started-lazy.js').then((m) => m.lazyGreeting(greet));
}
