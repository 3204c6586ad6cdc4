// Prints raw and gzipped sizes of the built engine and the single-file builds, and fails when the
// wasm, dist/bid-scorer.js or dist/bid-scorer-cy.js is over budget.
// Usage: node scripts/size.mjs [pkg-dir] [dist-dir]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

/**
 * Gzipped bytes allowed for the .wasm: 152 KiB, with the input checks (duplicate keys, stated
 * limits, checked arithmetic, engine recovery), the rules of real tenders (price schedules,
 * thresholds on groups, consensus, the proximity test, the recorded draw, jurisdiction, lots), the
 * analysis that compares a changed bid with the others' standing instead of scoring them all
 * again, and what a Welsh page needs of the engine (text in several languages, about 1.1 KiB; the
 * params each working and each prose param are worded from, about 0.8 KiB) all in: 152 KiB. Then
 * 154.5 KiB for speed: a scored criterion's working held as figures and written when serialised
 * (src/working.rs), reading that borrows the file's text, and analysis standings worked out once,
 * about 2.6 KiB together. Since then, faster rank acceptability sampling and an evaluation that
 * names the bids unchanged since the last one took about 0.7 KiB, and error messages as
 * templates, lots split without copying bids and serde_json built at opt-level "s" gave about
 * 0.5 KiB back. A bid's maps and validation's sets as sorted lists (model.rs `IdMap`) instead of
 * B-trees gave 7.5 KiB back, and comparing the last result's bids and warnings as values took
 * 1.2 KiB: 148.5 KiB (150,778 bytes by gzip -9), so the budget is now the target, 150 KiB. Then
 * 148 KiB (146.6 KiB now, 150,117 bytes by gzip -9), the engine built with 128-bit SIMD for rank
 * acceptability's sampling coming out 2.2 KiB smaller. Then 144.5 KiB (144.0 KiB now, 147,405
 * bytes by gzip -9): the decimal crate's sums and roundings through one addition (src/money.rs),
 * the lots of a tender sharing one criteria tree, the tie warning's groups without a B-tree, one
 * byte searched for without the standard library's searchers, and decimals written without the
 * crate's display took 4.2 KiB off, and reading the one bid that changed (src/validate/kept.rs)
 * put 1.3 KiB back. Then 137.5 KiB (136.9 KiB now, 140,167 bytes by gzip -9): the results
 * written by the engine's own JSON writer (src/json.rs) instead of serde_json's serializer took
 * 7.1 KiB off. Then 138 KiB (137.5 KiB now, 140,829 bytes by gzip -9): rank acceptability reading
 * the ranked bids without the whole evaluation where they alone decide (src/analysis/smaa.rs)
 * put 0.7 KiB back for a run about a fifth shorter. Then 138.5 KiB (138.0 KiB now, 141,314 bytes
 * by gzip -9): results handed to the page written all in ASCII (src/json.rs, `Json::ascii`), which
 * browsers decode several times faster than the workings' "≈", "×" and "£", put 0.2 KiB back for
 * a text → result about a tenth shorter in Chromium. Then 139 KiB (138.6 KiB now, 141,960 bytes
 * by gzip -9): `evaluator-spread` warnings held as their figures and written when read
 * (src/result.rs `Warning`) put 0.5 KiB back for an evaluation of 200 bids after a score change
 * a sixth shorter in Node (22.7 → 18.9 ms) and natively a fifth (7.1 → 5.5 ms). Still 139 KiB
 * (138.3 KiB now, 141,627 bytes by gzip -9) with an evaluation after an edit inside one bid that
 * takes over the other bids' last results, lot by lot in a tender with lots
 * (src/evaluate/again.rs: 23 → 11 ms in Node for 200 bids), paid for
 * by bids no longer compared value by value in the engine (the page compares those written out),
 * the decimal operators through the crate's one checked copy of each (money.rs `plus`, `minus`,
 * `times`: 4 KB fewer raw) and wasm-opt -Oz. Then 137 KiB (136.5 KiB now, 139,817 bytes by gzip
 * -9): the engine's allocator in the browser, talc in place of the standard library's dlmalloc
 * (src/wasm/mod.rs), is 1.7 KiB smaller and as fast. Then 138 KiB (137.6 KiB now, 140,928 bytes
 * by gzip -9): a scored criterion's figures worked out once for every bid with the same marks
 * (src/evaluate/totals.rs `Repeats`) put 1.1 KiB back for an evaluation of 1,000 bids on 40
 * criteria natively a fifth shorter (43 → 35 ms). Still 138 KiB (138.0 KiB now, 141,287 bytes
 * by gzip -9) with each combined score's lowest and highest mark kept for the spread warnings
 * (src/moderation.rs `Aggregate::low`), 0.4 KiB for 35 → 33.5 ms.
 */
export const WASM_GZ_BUDGET = 138 * 1024;
/**
 * Gzipped bytes allowed for dist/bid-scorer.js, engine included: 210 KiB while design mode's
 * fields for real tenders (schedules, thresholds, limits, consensus, the draw, lots), the other
 * modes' views of them, and the wording of every working and message from its code (so that any
 * catalogue can word it) are paid for, with the tender's text marked with its language where that
 * is not the page's (WCAG 3.1.2, ui/language-parts.js, about 1.15 KiB), design mode's fields in
 * every language of a model (design/languages.js, about 0.9 KiB) and results updated in place
 * after a change (about 0.95 KiB): 212.5 KiB. Then 215 KiB, with the engine's growth for speed
 * (above) and whole saves put together in slices with analyses sent in parts (about 0.45 KiB). Then
 * 212 KiB, with the engine's shrink (above) and long lists added in steps. Then 207.5 KiB, the
 * build's own shrink: the code minified again by terser (2.7 KiB), the engine's import and export
 * names shortened in the .wasm and its glue (1.3 KiB), and the stylesheets packed in the LZMA
 * stream (0.4 KiB). Then 207 KiB (206.4 KiB now, 211,371 bytes by gzip -9), with the wording of
 * the engine's prose params and of a price schedule moved to the Welsh build
 * (text/engine-words.js, 0.3 KiB). Then 206.5 KiB (205.9 KiB now, 210,872 bytes by gzip -9), the
 * engine's SIMD shrink (above) paying for figures written without Intl in en-GB and Welsh
 * (text/format.js, about 0.2 KiB) and the summaries' tender text written in steps (about
 * 0.15 KiB). Then 203.5 KiB (203.1 KiB now, 207,940 bytes by gzip -9): the page's modules in one
 * scope of the bundle and h() taking an element's classes in its tag (1.1 KiB), and the engine's
 * shrink and growth (above). Then the target, 200 KiB (198.2 KiB now, 202,999 bytes by gzip -9),
 * with the engine's results written by its own JSON writer (above; 4.8 KiB less in the LZMA
 * stream). Still 200 KiB (199.6 KiB now, 204,352 bytes by gzip -9) with the engine's reuse of
 * results (above, about 0.2 KiB in the LZMA stream) and the page sharing a bid written out that
 * reads as before (engine/engine.js, 50 bytes), paid for by a shorter banner. Still 200 KiB
 * (199.9 KiB now, 204,735 bytes by gzip -9) with figures that are no number shown as typed and
 * labels without an empty "()" (about 30 bytes) and a tender the forms cannot be drawn from
 * refused in words (the element's `#drawn`, design mode's `replace`: about 0.2 KiB), paid for by
 * the engine's glue without its ways to fetch the .wasm, which the bundle never takes (0.1 KiB).
 * Still 200 KiB (198.8 KiB now, 203,564 bytes by gzip -9) with the engine's allocator (above),
 * 1.1 KiB smaller in the LZMA stream. Still 200 KiB (199.3 KiB now, 204,053 bytes by gzip -9)
 * with the engine's figures worked out once per mark (above), 0.5 KiB in the LZMA stream, and
 * (199.5 KiB now, 204,328 bytes by gzip -9) its marks' extremes kept (above), 0.3 KiB. Still
 * 200 KiB (200.0 KiB now, 204,776 bytes by gzip -9) with the LZMA stream decoded by WebAssembly
 * (unlzma/, in hex; www/src/engine/lzma.js) and a plain message where a page's policy forbids it
 * (element/bundle.js): 0.4 KiB, for the first result about 23 ms sooner (and a banner without
 * V8's compile hint, for about 13 ms more: scripts/build-dist.mjs).
 */
export const DIST_GZ_BUDGET = 200 * 1024;
/**
 * Gzipped bytes allowed for dist/bid-scorer-cy.js: the English build's budget and its Welsh
 * catalogue, which packs to about 14 KiB beside the English one, with the wording only another
 * language than English needs (the assessment summaries, text/summary-words.js, about 2.5 KiB with
 * its Welsh: English takes the engine's words, so the English build carries none of it). Then
 * 17.9 KiB over the English build's budget: the same shrink took 5.1 KiB from this build (the
 * stylesheets in the LZMA stream 1.2 KiB of it). Then 18.2 KiB over it (224.6 KiB now, 230,034
 * bytes by gzip -9; 225.2 KiB, 0.2 KiB less than before), as the wording of the engine's prose
 * params and of a price schedule (text/engine-words.js, about 0.35 KiB) is now this build's alone.
 * Then 18.5 KiB over it (224.5 KiB now, 229,842 bytes by gzip -9; 225 KiB, 0.2 KiB less than
 * before): the English build shrank by a little more than this one did. Still 18.5 KiB over it
 * (221.9 KiB now, 227,212 bytes by gzip -9; 222 KiB) with the same shrink in both, and (217.7 KiB
 * now, 222,886 bytes by gzip -9; 218.5 KiB) with the engine's JSON writer's shrink in both. Then
 * 18.7 KiB over it (218.6 KiB now, 223,867 bytes by gzip -9), with the engine's results in ASCII
 * (above), which this build, with no room left, could not absorb as the English one did. Then
 * 18.9 KiB (218.8 KiB now, 224,082 bytes by gzip -9) for the same reason, with analyses that
 * search "what it takes" only for the bid a page shows (`whatItTakes`: about 0.2 KiB in all),
 * which makes an analysis of 200 bids a third shorter and its answer to the page 27 times smaller.
 * Then 19.5 KiB (219.4 KiB now, 224,678 bytes by gzip -9), for the same reason, with the
 * engine's `evaluator-spread` warnings held as figures (above; the English build absorbed it)
 * and the tender's JSON written once per change for the engine and the analyses alike. Then
 * 19.6 KiB (219.6 KiB now, 224,843 bytes by gzip -9), for the same reason, with figures that are no
 * number shown as typed rather than as "NaN" (text/format.js), labels without an empty "()" for
 * what has no unit (ui/bid-form.js) and design mode's example bids following a measure's unit
 * and value (design/measures.js), about 60 bytes, and a tender the forms cannot be drawn from
 * refused in words, paid for as in the English build. Then 18.5 KiB over it (218.2 KiB now,
 * 223,412 bytes by gzip -9) with the engine's allocator (above), 1.4 KiB smaller in this build.
 * Then 19.5 KiB over it (218.9 KiB now, 224,198 bytes by gzip -9) with the engine's figures worked
 * out once per mark (above), 0.8 KiB in this build, which had no room for it. Still 19.5 KiB
 * over it (219.3 KiB now, 224,600 bytes by gzip -9) with its marks' extremes kept (above).
 * Then 19.7 KiB over it (219.7 KiB now, 224,968 bytes by gzip -9) with the LZMA stream decoded by
 * WebAssembly (above), 0.4 KiB in this build too, which had no room for it.
 */
export const DIST_CY_GZ_BUDGET = DIST_GZ_BUDGET + 19.7 * 1024;

const dir = process.argv[2] ?? 'pkg';
const rows = ['bidscore_bg.wasm', 'bidscore.js'].map((name) => {
  const bytes = readFileSync(join(dir, name));
  return { name, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
});
const distDir = process.argv[3] ?? 'dist';
const builds = [
  ['bid-scorer.js', DIST_GZ_BUDGET],
  ['bid-scorer-cy.js', DIST_CY_GZ_BUDGET],
].map(([name, budget]) => {
  const bytes = readFileSync(join(distDir, name));
  return { name: join(distDir, name), raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length, budget };
});
rows.push(...builds);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log("file                   raw bytes    gzip -9");
for (const r of rows) {
  console.log(`${r.name.padEnd(22)} ${String(r.raw).padStart(9)}  ${String(r.gz).padStart(9)}  (${kib(r.gz)})`);
}
let over = false;
for (const { budget, ...file } of [{ ...rows[0], budget: WASM_GZ_BUDGET }, ...builds]) {
  if (file.gz > budget) {
    console.error(`size: ${file.name} is ${kib(file.gz)} gzipped, over the ${kib(budget)} budget`);
    over = true;
  } else {
    console.log(`size: ${file.name} within budget (${kib(budget - file.gz)} to spare)`);
  }
}
if (over) process.exit(1);
