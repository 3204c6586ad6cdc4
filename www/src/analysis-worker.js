// The analysis worker: loads its own copy of the engine and runs one job at a time for
// analysis-runner.js, so the page's main thread stays free while it works.
//   in:  { id, job: 'analyse' | 'acceptability', tender: JSON text, options }
//   out: { kind: 'ready' } once the engine is loaded, or { kind: 'failed', message };
//        { id, kind: 'progress', done, total } during rank acceptability;
//        { id, kind: 'result', value, ms } or { id, kind: 'error', error }.
// The runner cancels a job by ending the worker, so the loop below never needs to yield.
import init, { analyse, RankAcceptability } from '../../pkg/bidscore.js';
import { sliced, errorData, WORKER_SLICE_MS } from './analysis-runner.js';

const ready = init().then(
  () => {
    postMessage({ kind: 'ready' });
    return true;
  },
  (e) => {
    postMessage({ kind: 'failed', message: String(e?.message ?? e) });
    return false;
  },
);

self.addEventListener('message', async ({ data }) => {
  if (!(await ready)) return;
  const t0 = performance.now();
  try {
    const value = data.job === 'analyse' ? analyse(data.tender, data.options) : await runAcceptability(data);
    postMessage({ id: data.id, kind: 'result', value, ms: performance.now() - t0 });
  } catch (e) {
    postMessage({ id: data.id, kind: 'error', error: errorData(e) });
  }
});

/** Synchronous slices (no pause): progress messages go out between them. */
async function runAcceptability({ id, tender, options }) {
  const r = new RankAcceptability(tender, options);
  try {
    return await sliced(r, {
      budgetMs: WORKER_SLICE_MS,
      onProgress: (done, total) => postMessage({ id, kind: 'progress', done, total }),
      pause: null,
    });
  } finally {
    r.free();
  }
}
