// Timing shared by the Node and browser benchmarks: the median of several batches, each batch long
// enough (about 20 ms) that a coarse clock (browsers round performance.now()) does not matter.

/** Median milliseconds of one call to `fn`, and how many calls were timed. */
export function medianMs(fn, now = () => performance.now()) {
  let t = now();
  fn();
  const once = Math.max(now() - t, 0.001);
  const batch = Math.min(10000, Math.max(1, Math.floor(20 / once)));
  const samples = once > 200 ? 5 : 15;
  const times = [];
  for (let s = 0; s < samples; s++) {
    t = now();
    for (let i = 0; i < batch; i++) fn();
    times.push((now() - t) / batch);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], runs: samples * batch };
}

/**
 * Times `evaluate` on each `{ name, text }`, checking first that the tender evaluates. Also times
 * `JSON.parse` of the result as JSON text (`parseMs`): building the result object alone, which
 * any call handing back the whole result as a JS object pays, whatever the engine does.
 */
export function benchEvaluate(evaluate, cases) {
  return cases.map(({ name, text }) => {
    const result = evaluate(text);
    if (result.format !== 'bidscore-result/1') throw new Error(`${name}: no result`);
    const json = JSON.stringify(result);
    return { name, ...medianMs(() => evaluate(text)), parseMs: medianMs(() => JSON.parse(json)).medianMs, chars: json.length };
  });
}
