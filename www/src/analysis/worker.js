// The analysis worker, for analysis/runner.js: its own copy of the engine, one job at a time, so the
// page's main thread stays free while it works. The runner sends the engine first: a compiled
// WebAssembly.Module in the single-file build (whose own text runs this module in a worker started
// from a Blob URL), or nothing, when loaded as an ES module next to pkg/ (then init() loads the
// .wasm from there). The messages are described at `serveAnalyses`.
import init, { analyse, debriefs, RankAcceptability } from '../../../pkg/bidscore.js';
import { serveAnalyses } from './runner.js';

serveAnalyses(async (module) => {
  await init(module ? { module_or_path: module } : undefined);
  return { analyse, debriefs, RankAcceptability };
});
