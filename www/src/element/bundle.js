// The entry of the single-file build, dist/bid-scorer.js (made by scripts/build-dist.mjs, which
// bundles this module and everything it imports into one classic script). 'bundle:payload' is
// made by the build: the text catalogue then the engine's .wasm in one LZMA stream (base64) and
// the bundle's own text, for standalone copies; 'bundle:unpacked' decodes the stream once, for the
// engine here and for text/messages.js as built. Not for use as an ES module: pages that load ES
// modules import define.js.
// The same text, started as the analysis worker, runs analysis/worker.js instead of this module
// (see scripts/build-dist.mjs): the worker needs no file of its own.
import { source } from 'bundle:payload';
import { wasmBytes } from 'bundle:unpacked';
import { useWasmBytes } from '../engine/engine.js';
import { setBundleSource } from '../storage/standalone.js';
import { useInlineWorker } from '../analysis/runner.js';
import { BidScorer } from './bid-scorer-element.js';

// The engine is decoded and its compilation started as this script runs, before any widget
// exists: WebAssembly.compile works on the browser's own threads while the page goes on being
// parsed and laid out, and the first widget then only instantiates the module. Compiled once
// for the page: the widgets' engine and every analysis worker (sent it by message) share the
// one module. A page whose policy forbids WebAssembly sees the failure where the engine is
// loaded (each widget says so), not as an unhandled rejection here.
let compiled = null;
const engineModule = () => {
  if (!compiled) {
    compiled = WebAssembly.compile(wasmBytes());
    compiled.catch(() => {});
  }
  return compiled;
};
engineModule();
useWasmBytes(engineModule);
setBundleSource(source);
// Analysis workers run this very script from a Blob URL and get the engine compiled, by message.
useInlineWorker(source, engineModule);
// Last, so widgets upgrade with the engine source set; and once the page is parsed, because a
// classic script in <head> runs before the elements' inline tenders exist.
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => BidScorer.define(), { once: true });
} else {
  BidScorer.define();
}
