// Runs the engine's analyses without freezing the page. Price to win, what it takes and weight
// stability (`analyse` with no sampling) and rank acceptability (`RankAcceptability`, sampled a
// slice at a time) run in a Web Worker when one can start: loaded as ES modules, analysis/worker.js
// next to this file; in the single-file build, that build's own text from a Blob URL, given the
// compiled engine by message, so nothing is ever requested from the page's folder. Where no worker
// can start (a Content-Security-Policy that blocks it, a page opened from file:// in some browsers,
// a browser without workers), they run here on the main thread instead: rank acceptability in
// slices between animation frames, each slice sized to stay well under 50 ms. Nothing in this file
// touches the page, so the worker runs its side (`serveAnalyses`) from here too.

/** Main thread: a slice leaves most of a 16 ms frame for the page. */
const MAIN_SLICE_MS = 8;
/** In the worker: progress about forty times a second. */
export const WORKER_SLICE_MS = 25;
/** A worker that has neither started nor failed after this long is given up for the main thread. */
const WORKER_START_MS = 15000;
const WORKER_NAME = 'bidscore-analysis';

/** Set by the single-file build: { source(): its own text, module(): Promise<WebAssembly.Module> }. */
let inline = null;
let inlineUrl = null;
/** Once a worker has failed to start on this page, later runners do not try (and fail) again. */
let refused = false;

/**
 * The single-file build's workers: each runs `source()` (the build's own text, from one Blob URL
 * kept for the page) and gets the engine as the compiled module `module()` resolves to.
 */
export function useInlineWorker(source, module) {
  inline = { source, module };
}

const WORKER_DIRECTIVES = ['worker-src', 'child-src', 'script-src', 'default-src'];

/** The sources a Content-Security-Policy text allows workers from; null when it does not limit them. */
function workerSources(policy) {
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().toLowerCase().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
  const name = WORKER_DIRECTIVES.find((n) => directives.has(n));
  return name ? directives.get(name) : null;
}

/**
 * Whether a worker from a Blob URL may start without the browser reporting a policy violation.
 * A policy sent as an HTTP header cannot be read from script, and a refused worker is logged as an
 * error, so the single-file build tries one only where the whole policy is known: a page from
 * file:// (which has no header), or a page whose own <meta http-equiv="Content-Security-Policy">
 * allows `blob:` workers (`worker-src blob:`). Elsewhere the analyses run on the page, as before.
 */
function blobWorkersAllowed() {
  const policies = [...document.querySelectorAll('meta[http-equiv="content-security-policy" i]')].map((m) =>
    workerSources(m.content ?? ''),
  );
  const allowed = policies.every((s) => s === null || s.includes('blob:'));
  return allowed && (location.protocol === 'file:' || policies.some((s) => s?.includes('blob:')));
}

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

/**
 * The worker's side: waits for `{ kind: 'engine', module }` (a WebAssembly.Module, or null to load
 * the engine from beside the ES module), loads it with `load(module)` (resolving to `{ analyse,
 * debriefs, RankAcceptability }`), answers `{ kind: 'ready' }` or `{ kind: 'failed', message }`, then runs
 * jobs one at a time:
 *   in:  { id, job: 'analyse' | 'acceptability' | 'debriefs', tender: JSON text, options }
 *   out: { id, kind: 'progress', done, total } during rank acceptability;
 *        { id, kind: 'part', key, items } for each part of a big array in the answer (`answer`);
 *        { id, kind: 'result', value, ms } or { id, kind: 'error', error }.
 * The runner cancels a job by ending the worker, so its loop never needs to yield.
 */
export function serveAnalyses(load) {
  let ready = null;
  self.addEventListener('message', async ({ data }) => {
    if (data?.kind === 'engine') {
      ready ??= Promise.resolve()
        .then(() => load(data.module ?? null))
        .then(
          (api) => {
            postMessage({ kind: 'ready' });
            return api;
          },
          (e) => {
            postMessage({ kind: 'failed', message: String(e?.message ?? e) });
            return null;
          },
        );
      return;
    }
    const api = await ready;
    if (!api) return;
    const t0 = performance.now();
    try {
      const value =
        data.job === 'analyse'
          ? api.analyse(data.tender, data.options)
          : data.job === 'debriefs'
            ? api.debriefs(data.tender)
            : await workerRun(api, data);
      answer(data.id, value, performance.now() - t0);
    } catch (e) {
      postMessage({ id: data.id, kind: 'error', error: errorData(e) });
    }
  });
}

/** Items of a big array sent in one message: each message is decoded on the page in a task of its own. */
const PART = 16;

/**
 * Posts an answer. Its big arrays (the value itself, or one of its fields) go first in parts of
 * PART items, `{ id, kind: 'part', key, items }` (key null for the value), so that the page never
 * decodes thousands of bids' analyses in one long task; the result then holds them empty.
 */
function answer(id, value, ms) {
  const whole = Array.isArray(value);
  const big = (whole ? [[null, value]] : Object.entries(value ?? {})).filter(([, v]) => Array.isArray(v) && v.length > PART);
  const rest = whole ? [] : { ...value };
  for (const [key, items] of big) {
    if (key !== null) rest[key] = [];
    for (let i = 0; i < items.length; i += PART) postMessage({ id, kind: 'part', key, items: items.slice(i, i + PART) });
  }
  postMessage({ id, kind: 'result', value: big.length ? rest : value, ms });
}

/** Rank acceptability in the worker: synchronous slices, progress messages between them. */
async function workerRun(api, { id, tender, options }) {
  const r = new api.RankAcceptability(tender, options);
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
    if (this.#runner.where !== 'main-thread' && !this.#started) {
      // A worker is started after the page has shown what it has: copying the script and
      // parsing it again on a second thread would otherwise compete with the first frame.
      await nextFrame();
      if (entry.signal?.aborted) throw abortError();
    }
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
        refused = true;
        resolve(false); // file://, no Worker, or refused outright
        return;
      }
      this.#worker = worker;
      const timer = setTimeout(() => done(false), WORKER_START_MS);
      const done = (ok) => {
        clearTimeout(timer);
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        if (!ok) {
          refused = true;
          this.terminate();
        }
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
      Promise.resolve(inline?.module() ?? null).then(
        (module) => worker.postMessage({ kind: 'engine', module }),
        () => done(false),
      );
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
      const parts = new Map(); // the answer's big arrays, as their parts arrive (see `answer`)
      const onMessage = ({ data }) => {
        if (data?.id !== entry.id) return;
        if (data.kind === 'progress') entry.onProgress?.(data.done, data.total);
        else if (data.kind === 'part') {
          if (!parts.has(data.key)) parts.set(data.key, []);
          parts.get(data.key).push(...data.items);
        } else if (data.kind === 'result') {
          this.#runner.lastWorkerMs = data.ms;
          let { value } = data;
          for (const [key, items] of parts) {
            if (key === null) value = items;
            else value[key] = items;
          }
          finish({ value });
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
  #lanes = new Map();
  /** Milliseconds the last job took inside the worker (for the benchmark). */
  lastWorkerMs = null;

  constructor({ engine, worker = true, workerUrl = null } = {}) {
    this.#engine = engine;
    this.#workerUrl = workerUrl;
    const can = worker && !refused && typeof Worker === 'function' && (!inline || blobWorkersAllowed());
    this.#where = can ? 'worker' : 'main-thread';
  }

  /** Where jobs run: 'worker' (until one fails to start) or 'main-thread'. */
  get where() {
    return this.#where;
  }

  useMainThread() {
    this.#where = 'main-thread';
  }

  makeWorker() {
    if (inline) {
      inlineUrl ??= URL.createObjectURL(new Blob([inline.source()], { type: 'text/javascript' }));
      return new Worker(inlineUrl, { name: WORKER_NAME });
    }
    const url = this.#workerUrl ?? new URL('./worker.js', import.meta.url);
    return new Worker(url, { type: 'module', name: WORKER_NAME });
  }

  #lane(name) {
    if (!this.#lanes.has(name)) this.#lanes.set(name, new Lane(this));
    return this.#lanes.get(name);
  }

  /**
   * Price to win, what it takes and weight stability (`analyse` without sampling). `tender` is
   * JSON text or an object; `whatItTakes` as the engine's option (a bid's id, or false for none).
   * A newer call replaces one still waiting. Rejects with the engine's error for an invalid
   * tender, and with an AbortError when replaced or aborted.
   */
  analyse(tender, { signal, whatItTakes } = {}) {
    const text = typeof tender === 'string' ? tender : JSON.stringify(tender);
    const options = { samples: 0, whatItTakes };
    return this.#lane('analyse').submit({ job: 'analyse', tender: text, options, signal });
  }

  /**
   * Rank acceptability with `options` (samples, seed, weights, tolerance, scoreUncertainty),
   * reporting `onProgress(done, total)`. Abort `signal` to cancel it.
   */
  acceptability(tender, options, { onProgress, signal } = {}) {
    const text = typeof tender === 'string' ? tender : JSON.stringify(tender);
    return this.#lane('acceptability').submit({ job: 'acceptability', tender: text, options, onProgress, signal });
  }

  /**
   * The assessment summaries (`debriefs`), which evaluate the tender again: off the page's main
   * thread, so they never hold up typing. A newer call replaces one still waiting.
   */
  debriefs(tender, { signal } = {}) {
    const text = typeof tender === 'string' ? tender : JSON.stringify(tender);
    return this.#lane('debriefs').submit({ job: 'debriefs', tender: text, signal });
  }

  /** The fallback: the same jobs on the main thread. */
  async onMainThread(entry) {
    const engine = this.#engine;
    await nextFrame(); // let the page show what it has first
    if (entry.signal?.aborted) throw abortError();
    if (entry.job === 'analyse') return { value: engine.analyse(entry.tender, entry.options) };
    if (entry.job === 'debriefs') return { value: engine.debriefs(entry.tender) };
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
    for (const lane of this.#lanes.values()) lane.terminate();
  }
}
