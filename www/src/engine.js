// The only module that loads the scoring engine. Swap this file to load it another way (the
// single-file offline build inlines the WebAssembly instead of fetching it).
import init, * as api from '../../pkg/bidscore.js';

let ready = null;

/**
 * Resolves to the engine's API `{ evaluate, validate, version, analyse, RankAcceptability }` once
 * it is instantiated.
 */
export function loadEngine() {
  ready ??= init().then(() => ({
    evaluate: api.evaluate,
    validate: api.validate,
    version: api.version,
    analyse: api.analyse,
    RankAcceptability: api.RankAcceptability,
  }));
  return ready;
}
