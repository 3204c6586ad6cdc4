// The page's engine module as the single-file build bundles it, run by tests/node/engine-fault.test.mjs
// with the .wasm as base64. `wreck()` overwrites the engine's memory so that its next call traps.
import { wasm } from 'bundle:payload';
import * as glue from '../../../pkg/bidscore.js';
import { loadEngine, useWasmBytes } from '../../../www/src/engine/engine.js';
import { fromBase64 } from '../../../www/src/engine/lzma.js';

useWasmBytes(() => fromBase64(wasm));
globalThis.engine = loadEngine();
globalThis.wreck = () => new Uint8Array(glue.initSync().memory.buffer).fill(0xff);
