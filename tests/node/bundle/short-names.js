// The page's engine module as the single-file build bundles it, with the engine's short import and
// export names (scripts/build-dist.mjs, shortNames), run by tests/node/dist.test.mjs with the .wasm
// as base64.
import { wasm } from 'bundle:payload';
import { loadEngine, useWasmBytes } from '../../../www/src/engine/engine.js';
import { fromBase64 } from '../../../www/src/engine/lzma.js';

useWasmBytes(() => fromBase64(wasm));
globalThis.engine = loadEngine();
