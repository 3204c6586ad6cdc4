// The only module that loads the scoring engine. Swap this file to load it another way (the
// single-file offline build inlines the WebAssembly instead of fetching it).
import init, * as api from '../../pkg/bidscore.js';

let ready = null;
// The single-file build (www/src/bundle.js) gives a function returning the .wasm bytes; without
// one, init() fetches pkg/bidscore_bg.wasm next to the ES module.
let wasmBytes = null;

/** Makes the engine instantiate from these bytes (async, so no size cap) instead of fetching. */
export function useWasmBytes(get) {
  wasmBytes = get;
}

/**
 * Resolves to the engine's API `{ evaluate, validate, version, describe, debriefs,
 * ocdsAwardCriteria, analyse, RankAcceptability }` once it is instantiated.
 */
export function loadEngine() {
  ready ??= init(wasmBytes ? { module_or_path: wasmBytes() } : undefined).then(() => ({
    evaluate: api.evaluate,
    validate: api.validate,
    version: api.version,
    describe: api.describe,
    debriefs: api.debriefs,
    ocdsAwardCriteria: api.ocdsAwardCriteria,
    analyse: api.analyse,
    RankAcceptability: api.RankAcceptability,
  }));
  return ready;
}
