// Benchmark: time from changing one evaluator score to the updated results being rendered
// (validation, evaluation, rendering, style and layout), on 50 bids × 30 criteria. The median of
// RUNS changes is shown on the page and in data-median (milliseconds) for the browser test.
const RUNS = 21;
const out = document.getElementById('bench-result');

// Start from the file, not from a previous run's saved changes.
for (const key of Object.keys(localStorage)) if (key.includes(':GEN-50-30-')) localStorage.removeItem(key);

await import('./src/element/define.js');
const el = document.querySelector('bid-scorer');
if (!el.result) await new Promise((ok) => el.addEventListener('bid-scorer-evaluated', ok, { once: true }));
const root = el.shadowRoot;
const card = root.querySelector('details[data-bid-editor]');
card.open = true;
await new Promise((ok) => card.addEventListener('toggle', ok, { once: true }));
const input = root.querySelector('input[data-path="bids[0].scores.q0.evaluators.Evaluator 1"]');
const results = root.querySelector('[data-results]');
const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));

const times = [];
for (let i = 0; i < RUNS; i += 1) {
  input.value = String(i % 6);
  const t0 = performance.now();
  input.dispatchEvent(new Event('input', { bubbles: true }));
  results.getBoundingClientRect(); // forces style and layout of what was rendered
  times.push(performance.now() - t0);
  await frame();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const ms = (t) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(t);
out.textContent = `Median ${ms(median)} ms over ${RUNS} changes (fastest ${ms(times[0])} ms, slowest ${ms(times.at(-1))} ms).`;
out.dataset.median = String(median);
