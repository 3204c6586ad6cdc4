// The only module that loads the scoring engine, and the one that keeps it working. Every call
// goes through `guarded`: the engine's own BidScoreError passes as it is, and anything else (a trap
// such as `RuntimeError: unreachable`, or a JS exception that unwound through the engine and may
// have left its memory inconsistent) becomes a BidScoreError with code 'engine-fault', and the
// page's engine instance is replaced by a fresh one from the already compiled module before the
// next call (the glue's `__wbg_reset_state`, built by scripts/build-wasm.sh). Every widget on the
// page shares the instance, so one widget's bad call never breaks another's.
// Swap this file to load the engine another way (the single-file offline build inlines the
// WebAssembly instead of fetching it).
import init, * as glue from '../../../pkg/bidscore.js';

let ready = null;
// The single-file build (www/src/element/bundle.js) gives a function returning the .wasm bytes, or
// a promise of the module it has already compiled; without one, init() fetches
// pkg/bidscore_bg.wasm next to the ES module.
let wasmBytes = null;
// True once a call failed other than with a BidScoreError, until the instance is replaced.
let broken = false;
// Counts instances; a RankAcceptability run lives in the one it was started in.
let generation = 0;

const FAULT =
  'the engine stopped on this input and was restarted; give the tender as plain JSON data or its text, and try again';
const LOST_RUN = 'this rank acceptability run was freed, or lost when the engine restarted; start a new one';

/**
 * Makes the engine instantiate from what `get()` returns, the .wasm bytes or a promise of a
 * compiled WebAssembly.Module (async either way, so no size cap), instead of fetching.
 */
export function useWasmBytes(get) {
  wasmBytes = get;
}

/** A BidScoreError with code 'engine-fault', as the engine's own errors are shaped. */
function faultError(message, cause) {
  const error = new Error(message, cause === undefined ? undefined : { cause });
  error.name = 'BidScoreError';
  error.code = 'engine-fault';
  error.path = '';
  error.errors = [{ code: 'engine-fault', path: '', message, params: {} }];
  return error;
}

/** Whether `error` is one the engine made on purpose (it left the instance sound). */
function fromEngine(error) {
  return error instanceof Error && error.name === 'BidScoreError' && Array.isArray(error.errors);
}

/** Replaces the instance; if that fails (no stack left, say), the next call tries again. */
function renew() {
  last = null; // the engine's copy of it goes with the instance
  glue.__wbg_reset_state();
  generation += 1;
  broken = false;
}

// Calls under way: a getter of a tender being read can call the engine again. The instance is
// replaced only once none is, since the outer calls are still running in it.
let depth = 0;

/** Runs `call` against a sound instance; see the head of this file. */
function guarded(call) {
  if (broken) {
    if (depth > 0) throw faultError(FAULT);
    try {
      renew();
    } catch (cause) {
      throw faultError(FAULT, cause);
    }
  }
  depth += 1;
  let value;
  let failure;
  let failed = false;
  try {
    value = call();
  } catch (error) {
    failed = true;
    failure = error;
    if (!fromEngine(error)) broken = true; // first, in case what follows runs out of stack too
  } finally {
    depth -= 1;
  }
  // Broken by this call, or by a call made inside it: whatever it returned cannot be trusted.
  if (broken) {
    if (depth === 0) {
      try {
        renew();
      } catch {
        // still broken: renewed before the next call
      }
    }
    throw faultError(FAULT, failure);
  }
  if (failed) throw failure;
  return value;
}

/**
 * A rank acceptability run in the current instance. After `free()`, or once the instance it was
 * started in has been replaced, every call is a BidScoreError 'engine-fault' that never reaches
 * the engine (whose memory the run no longer has).
 */
class RankAcceptability {
  #run;
  #generation;

  constructor(tender, options) {
    this.#run = guarded(() => new glue.RankAcceptability(tender, options));
    this.#generation = generation;
  }

  #live() {
    if (!this.#run || this.#generation !== generation || broken) throw faultError(LOST_RUN);
    return this.#run;
  }

  step(n) {
    const run = this.#live();
    return guarded(() => run.step(n));
  }

  get total() {
    const run = this.#live();
    return guarded(() => run.total);
  }

  result() {
    const run = this.#live();
    return guarded(() => run.result());
  }

  /** Releases the run; again, or after the instance was replaced, does nothing. */
  free() {
    const run = this.#run;
    this.#run = null;
    if (run && this.#generation === generation && !broken) guarded(() => run.free());
  }
}

/** `validate` never throws: a fault comes back as its one error. */
function validate(tender) {
  try {
    return guarded(() => glue.validate(tender));
  } catch (error) {
    return { errors: error.errors, warnings: [] };
  }
}

/** How deep the engine's reader follows nested data (its own limit, and its walk's). */
const MAX_DEPTH = 128;

/**
 * Whether JSON carries `value`, found `level` objects deep (in a list when `listed`), as it is:
 * a finite number, text, true/false, null, or a plain object or list of such (after `toJSON`, as
 * JSON.stringify reads it). `undefined` in an object is absent, as in JSON.
 */
export function faithful(value, level, listed, key) {
  if (typeof value?.toJSON === 'function') value = value.toJSON(key);
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'undefined':
      return !listed; // `null` in a list, which the engine names
    case 'object': {
      // The engine names data 129 deep; a cycle ends here too.
      if (value === null) return true;
      if (level > MAX_DEPTH + 1 || value instanceof Map || value instanceof Set) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i += 1) if (!faithful(value[i], level + 1, true, String(i))) return false;
      } else {
        for (const k of Object.keys(value)) if (!faithful(value[k], level + 1, false, k)) return false;
      }
      return true;
    }
    default:
      return false; // a function, a Symbol, a BigInt
  }
}

/**
 * The tender as JSON text when JSON carries it as given, else the tender itself. Given an object,
 * the engine reads it property by property for anything JSON would lose (NaN, a function, a
 * Symbol, `undefined` in a list, a Map or Set, a cycle, a throwing getter, data nested too deep)
 * to name where it is: a call across the boundary per property, about a third of an evaluation of
 * 200 bids. The same questions asked here in one walk, then one JSON.stringify without a replacer
 * (a call back per value, and a depth noted per object, cost twice as much as the walk), take a
 * few milliseconds; text reads exactly as the object's JSON does, and whatever JSON would not
 * carry faithfully goes to the engine as the object, for its error at the right path.
 */
export function asText(tender) {
  if (tender === null || typeof tender !== 'object') return tender;
  try {
    return faithful(tender, 1, false, '') ? JSON.stringify(tender) : tender;
  } catch {
    return tender; // a BigInt, a getter that throws, a cycle JSON meets: the engine says where
  }
}

// The result `evaluateSince` last returned: the engine keeps its bids and warnings, and names each
// of the next result's that equals one of this one's.
let last = null;

/**
 * `evaluate`, sharing with the result it last returned the bids and warnings that did not change:
 * after an edit of one bid of hundreds, the page parses only what the edit changed, not megabytes.
 * The engine names the bids it took over from the last result unchanged; a bid it wrote out that
 * reads as the last result's bid of that id did (after a bid was added, or a setting changed that
 * no bid's score depends on) is shared too. When no warning changed, `warnings` is the last
 * result's list itself. Successive results share objects: read them, never change them.
 */
function evaluateSince(tender) {
  const [result, bids, warnings] = JSON.parse(glue.evaluate(asText(tender), true));
  const placed = (items, before) => items.map((x) => (typeof x === 'number' ? before[x] : x));
  // A bid written out is shared with the last bid of its id if it reads the same (as the engine
  // writes keys in one order, when their JSON is the same).
  const byId = new Map(last?.bids.map((b) => [b.id, b]));
  const alike = (b, was = byId.get(b.id)) => (was && JSON.stringify(b) === JSON.stringify(was) ? was : b);
  result.bids = placed(bids, last?.bids).map((b, i) => (typeof bids[i] === 'number' ? b : alike(b)));
  const same = last && warnings.length === last.warnings.length && warnings.every((x, i) => x === i);
  result.warnings = same ? last.warnings : placed(warnings, last?.warnings);
  return (last = result);
}

const api = Object.freeze({
  // Each evaluation leaves a performance mark, so a page (or a test) can count them.
  evaluate: (tender) => (globalThis.performance?.mark('bid-scorer:evaluate'), guarded(() => glue.evaluate(asText(tender)))),
  evaluateSince: (tender) => (globalThis.performance?.mark('bid-scorer:evaluate'), guarded(() => evaluateSince(tender))),
  validate: (tender) => validate(asText(tender)),
  version: () => guarded(() => glue.version()),
  describe: (tender) => guarded(() => glue.describe(asText(tender))),
  debriefs: (tender) => guarded(() => glue.debriefs(asText(tender))),
  ocdsAwardCriteria: (tender) => guarded(() => glue.ocdsAwardCriteria(asText(tender))),
  analyse: (tender, options) => guarded(() => glue.analyse(asText(tender), options)),
  RankAcceptability,
});

/**
 * Resolves to the engine's API `{ evaluate, evaluateSince, validate, version, describe, debriefs,
 * ocdsAwardCriteria, analyse, RankAcceptability }` once it is instantiated: the same functions
 * as pkg/bidscore.js (and `evaluateSince`, above), recovering as described at the head of this file.
 */
export function loadEngine() {
  ready ??= init(wasmBytes ? { module_or_path: wasmBytes() } : undefined).then(() => api);
  return ready;
}
