// Runs the engine's analyses without freezing the page. Price to win, what it takes and weight
// stability (`analyse` with no sampling) and rank acceptability (`RankAcceptability`, sampled a
// slice at a time) run in a Web Worker (analysis-worker.js) when one can start. Where it cannot
// (a page opened from file://, a Content-Security-Policy that blocks workers, a browser without
// them, the single-file offline build), they run here on the main thread instead: rank
// acceptability in slices between animation frames, each slice sized to stay well under 50 ms.
// This file is that fallback's only home; nothing in it touches the page, so the worker imports
// it too for the slicing.

/** Main thread: a slice leaves most of a 16 ms frame for the page. */
const MAIN_SLICE_MS = 8;
/** In the worker: progress about forty times a second. */
export const WORKER_SLICE_MS = 25;
/** A worker that has neither started nor failed after this long is given up for the main thread. */
const WORKER_START_MS = 15000;

function abortError() {
  return new DOMException('The analysis was cancelled', 'AbortError');
}

/**
 * Takes every sample of a `RankAcceptability` run, `budgetMs` at a time: each slice's size comes
 * from the time per sample measured so far (the first slice is small, to measure). Calls
 * `onProgress(done, total)` after each slice and awaits `pause()` between slices (the main thread
 * yields to the page there). Resolves to `run.result()`; rejects with an AbortError once `signal`
 * is aborted.
 */
export async function sliced(run, { budgetMs, onProgress, pause, signal, now = () => performance.now() }) {
  const total = run.total;
  let done = 0;
  let n = 8;
  while (done < total) {
    if (signal?.aborted) throw abortError();
    const t0 = now();
    const after = run.step(n);
    const ms = now() - t0;
    const took = after - done;
    done = after;
    onProgress?.(done, total);
    if (took > 0) {
      // Browsers coarsen the clock; never trust a slice timed at zero, never grow more than 4×.
      const perSample = Math.max(ms, 0.1) / took;
      n = Math.max(1, Math.min(4 * n, Math.floor(budgetMs / perSample)));
    }
    if (done < total && pause) await pause();
  }
  if (signal?.aborted) throw abortError();
  return run.result();
}

/** Yields to the page: until the next animation frame has been painted. */
function nextFrame() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/** An engine error as plain data (for postMessage), and back as a real Error. */
export function errorData(e) {
  return {
    name: e?.name ?? 'Error',
    message: String(e?.message ?? e),
    code: e?.code,
    path: e?.path,
    errors: e?.errors,
  };
}

function errorFrom(data) {
  const e = new Error(data.message);
  e.name = data.name;
  if (data.code !== undefined) e.code = data.code;
  if (data.path !== undefined) e.path = data.path;
  if (data.errors !== undefined) e.errors = data.errors;
  return e;
}

let jobs = 0;

/**
 * One worker and the jobs for it: one runs at a time and at most one waits (a newer job replaces
 * the waiting one, whose promise rejects with an AbortError). Aborting the running job ends the
 * worker at once; the next job starts a fresh one.
 */
class Lane {
  #runner;
  #worker = null;
  #started = null; // Promise<boolean>: whether the worker started
  #running = null;
  #waiting = null;

  constructor(runner) {
    this.#runner = runner;
  }

  submit(job) {
    return new Promise((resolve, reject) => {
      const entry = { ...job, id: (jobs += 1), resolve, reject };
      if (job.signal?.aborted) {
        reject(abortError());
        return;
      }
      job.signal?.addEventListener('abort', () => this.#abort(entry), { once: true });
      if (this.#waiting) this.#waiting.reject(abortError());
      this.#waiting = entry;
      this.#pump();
    });
  }

  #abort(entry) {
    if (this.#waiting === entry) {
      this.#waiting = null;
      entry.reject(abortError());
    } else if (this.#running === entry) {
      this.#running = null;
      this.terminate();
      entry.reject(abortError());
      this.#pump();
    }
  }

  async #pump() {
    if (this.#running || !this.#waiting) return;
    const entry = this.#waiting;
    this.#waiting = null;
    this.#running = entry;
    let outcome;
    try {
      outcome = await this.#run(entry);
    } catch (e) {
      outcome = { error: e };
    }
    if (this.#running !== entry) return; // aborted meanwhile; already rejected
    this.#running = null;
    if (outcome.error) entry.reject(outcome.error);
    else entry.resolve(outcome.value);
    this.#pump();
  }

  /** Runs one job in the worker, or on the main thread when no worker can start. */
  async #run(entry) {
    if (this.#runner.where !== 'main-thread' && (await this.#start())) {
      const answer = await this.#post(entry);
      if (answer !== 'no-worker') return answer;
    }
    this.#runner.useMainThread();
    return this.#runner.onMainThread(entry);
  }

  #start() {
    if (this.#started) return this.#started;
    this.#started = new Promise((resolve) => {
      let worker;
      try {
        worker = this.#runner.makeWorker();
      } catch {
        resolve(false); // file://, no Worker, or refused outright
        return;
      }
      this.#worker = worker;
      const timer = setTimeout(() => done(false), WORKER_START_MS);
      const done = (ok) => {
        clearTimeout(timer);
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        if (!ok) this.terminate();
        resolve(ok);
      };
      const onMessage = ({ data }) => {
        if (data?.kind === 'ready') done(true);
        else if (data?.kind === 'failed') done(false);
      };
      // A worker blocked by a Content-Security-Policy, or whose script cannot load, reports here.
      const onError = (e) => {
        e.preventDefault?.();
        done(false);
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
    });
    return this.#started;
  }

  /** Resolves to { value } or { error }, or to 'no-worker' if the worker died. */
  #post(entry) {
    const worker = this.#worker;
    return new Promise((resolve) => {
      const finish = (answer) => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        entry.signal?.removeEventListener('abort', onAbort);
        resolve(answer);
      };
      const onMessage = ({ data }) => {
        if (data?.id !== entry.id) return;
        if (data.kind === 'progress') entry.onProgress?.(data.done, data.total);
        else if (data.kind === 'result') {
          this.#runner.lastWorkerMs = data.ms;
          finish({ value: data.value });
        } else if (data.kind === 'error') finish({ error: errorFrom(data.error) });
      };
      const onError = (e) => {
        e.preventDefault?.();
        this.terminate();
        finish('no-worker');
      };
      // Terminating the worker sends no message: stop listening so the lane can move on.
      const onAbort = () => finish({ error: abortError() });
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      entry.signal?.addEventListener('abort', onAbort, { once: true });
      worker.postMessage({ id: entry.id, job: entry.job, tender: entry.tender, options: entry.options });
    });
  }

  terminate() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#started = null;
  }
}

/**
 * Runs analyses for one widget. `engine` is the main-thread engine (`analyse`,
 * `RankAcceptability`), used when no worker can start; `worker: false` never tries one.
 */
export class AnalysisRunner {
  #engine;
  #workerUrl;
  #where;
  #lanes = {};
  /** Milliseconds the last job took inside the worker (for the benchmark). */
  lastWorkerMs = null;

  constructor({ engine, worker = true, workerUrl = new URL('./analysis-worker.js', import.meta.url) } = {}) {
    this.#engine = engine;
    this.#workerUrl = workerUrl;
    this.#where = worker && typeof Worker === 'function' ? 'worker' : 'main-thread';
  }

  /** Where jobs run: 'worker' (until one fails to start) or 'main-thread'. */
  get where() {
    return this.#where;
  }

  useMainThread() {
    this.#where = 'main-thread';
  }

  makeWorker() {
    return new Worker(this.#workerUrl, { type: 'module', name: 'bidscore-analysis' });
  }

  #lane(name) {
    this.#lanes[name] ??= new Lane(this);
    return this.#lanes[name];
  }

  /**
   * Price to win, what it takes and weight stability (`analyse` without sampling). `tender` is
   * JSON text or an object. A newer call replaces one still waiting. Rejects with the engine's
   * error for an invalid tender, and with an AbortError when replaced or aborted.
   */
  analyse(tender, { signal } = {}) {
    const text = typeof tender === 'string' ? tender : JSON.stringify(tender);
    return this.#lane('analyse').submit({ job: 'analyse', tender: text, options: { samples: 0 }, signal });
  }

  /**
   * Rank acceptability with `options` (samples, seed, weights, tolerance, scoreUncertainty),
   * reporting `onProgress(done, total)`. Abort `signal` to cancel it.
   */
  acceptability(tender, options, { onProgress, signal } = {}) {
    const text = typeof tender === 'string' ? tender : JSON.stringify(tender);
    return this.#lane('acceptability').submit({ job: 'acceptability', tender: text, options, onProgress, signal });
  }

  /** The fallback: the same jobs on the main thread. */
  async onMainThread(entry) {
    const engine = this.#engine;
    await nextFrame(); // let the page show what it has first
    if (entry.signal?.aborted) throw abortError();
    if (entry.job === 'analyse') return { value: engine.analyse(entry.tender, entry.options) };
    const run = new engine.RankAcceptability(entry.tender, entry.options);
    try {
      const value = await sliced(run, {
        budgetMs: MAIN_SLICE_MS,
        onProgress: entry.onProgress,
        pause: nextFrame,
        signal: entry.signal,
      });
      return { value };
    } finally {
      run.free();
    }
  }

  /** Ends the workers (a later job starts new ones). */
  dispose() {
    for (const lane of Object.values(this.#lanes)) lane.terminate();
  }
}
