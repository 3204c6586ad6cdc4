// The entry of the single-file build, dist/bid-scorer.js (made by scripts/build-dist.mjs, which
// bundles this module and everything it imports into one classic script). 'bundle:payload' is
// made by the build: the text catalogue then the engine's .wasm in one LZMA stream (base64) and
// the bundle's own text, for standalone copies; 'bundle:unpacked' decodes the stream once, for the
// engine here and for text/messages.js as built. Not for use as an ES module: pages that load ES
// modules import define.js.
// The same text, started as the analysis worker, runs analysis/worker.js instead of start() (see
// scripts/build-dist.mjs): the worker needs no file of its own. Evaluating this module (and what it
// imports) there, or on a page that loads the script twice, only declares things.
import { source } from 'bundle:payload';
import { wasmBytes } from 'bundle:unpacked';
import { useWasmBytes } from '../engine/engine.js';
import { setBundleSource } from '../storage/standalone.js';
import { useInlineWorker } from '../analysis/runner.js';
import { BidScorer } from './bid-scorer-element.js';
import { h } from '../ui/dom.js';

// The engine is decoded and compiled as this script starts, before any widget exists, so that the
// first widget only instantiates it, and renders its first result in the task that runs
// DOMContentLoaded. Compiled at once rather than by WebAssembly.compile, whose promise settled in
// a task of its own, after the page had been laid out and painted once without the widget, when
// the browser's threads were busy compiling the script's functions (measured when the script
// asked for them all to be compiled as it loaded: see scripts/build-dist.mjs).
// The engine's functions are compiled as they are first called, so compiling the module at once
// only reads and checks it: 0.4 to 1.6 ms of the main thread's CPU time in headless Chromium.
// Compiled once for the page: the widgets' engine and every analysis worker (sent it by message)
// share the one module. A page whose policy forbids WebAssembly cannot decode the stream, the
// engine's or the text's: start() says so in each widget, not as an unhandled error here.
let compiled = null;
const engineModule = () => {
  if (!compiled) {
    const bytes = wasmBytes();
    try {
      compiled = Promise.resolve(new WebAssembly.Module(bytes));
    } catch {
      // Older browsers refuse to compile this much at once on the page's thread (Chromium allowed
      // 4 KB until it allowed 8 MB): compiled in the background there, as a refusal by the page's
      // policy is reported (the promise rejects).
      compiled = WebAssembly.compile(bytes);
    }
    compiled.catch(() => {});
  }
  return compiled;
};
/**
 * What each widget says where the stream cannot be decoded, [language, text]: the catalogue's
 * `engineFailed` (the catalogue is in the stream too); bundle-cy.js gives it in Welsh to a widget
 * in Welsh.
 */
export const engineFailed = {
  say: () => ['en-GB', 'The scoring engine could not be loaded, so scores cannot be shown.'],
};

/**
 * Starts the widget on this page (the build's entry calls it once per page, not in a worker): the
 * engine compiled, the bundle's own text handed to what needs it, the element defined.
 * Where the stream cannot be decoded (a page whose policy forbids WebAssembly, which the decoder
 * is), there is no catalogue and no stylesheet either: each widget says in plain text that the
 * engine could not be loaded (see engineFailed) and emits `bid-scorer-error`, and the console
 * says why.
 */
export function start() {
  let define = () => BidScorer.define();
  try {
    engineModule();
    useWasmBytes(engineModule);
    setBundleSource(source);
    // Analysis workers run this very script from a Blob URL and get the engine compiled, by message.
    useInlineWorker(source, engineModule);
  } catch (error) {
    console.error(error);
    // A stand-in element, defined as the element would be (unless the tag is taken by then), that
    // does as the element does when the engine cannot load: the page's own content inside it still
    // shown, the words after it, and `bid-scorer-error` with the cause.
    define = () =>
      BidScorer.define.call(
        class extends HTMLElement {
          connectedCallback() {
            if (this.shadowRoot) return;
            const [lang, text] = engineFailed.say(this);
            this.attachShadow({ mode: 'open' }).append(h('slot'), h('p', { role: 'alert', lang }, text));
            this.dispatchEvent(new CustomEvent('bid-scorer-error', { detail: { error }, bubbles: true, composed: true }));
          }
        },
      );
  }
  // Last, so widgets upgrade with the engine source set; and once the page is parsed, because a
  // classic script in <head> runs before the elements' inline tenders exist.
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', define, { once: true });
  } else {
    define();
  }
}
