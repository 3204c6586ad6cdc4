//! The WebAssembly binding: the only module that names wasm-bindgen or js-sys.
//!
//! Objects cross the boundary as JSON text: JS objects are stringified on the way in and the
//! engine's JSON is parsed on the way out. That keeps one reader (with exact decimals and every
//! error) for the command line and the browser, and makes the browser's result byte-for-byte the
//! native one. What JSON cannot carry faithfully (a `BigInt`, `NaN`, `Infinity`, a function, a
//! Symbol, a `Map` or `Set`, `undefined` in a list, a cycle) is reported as a `BidScoreError` with
//! the path of the offending value, never silently turned into `null` or dropped; so is a
//! property that throws when read (a getter, a Proxy), caught here rather than left to unwind
//! through the engine.
//!
//! Two files and the declarations: this one holds what JavaScript calls (each export, and the
//! functions `tests/wasm.rs` calls in a browser); `convert` carries values across (a JS value to
//! JSON text, with what JSON would lose caught at its path; a result back to a JS object; errors to
//! a `BidScoreError`); `bidscore.d.ts` is the TypeScript the package publishes for all of it,
//! kept as a real file so it reads and checks as TypeScript.

mod convert;

use crate::evaluate::{Memo, Reuse, Slot};
#[cfg(not(test))]
use crate::json::{Json, ToJson};
use crate::validate::Kept;
#[cfg(not(test))]
use convert::one_error;
use convert::{bidscore_error, text_of, to_js};
#[cfg(not(test))]
use js_sys::Reflect;
use wasm_bindgen::prelude::*;

// The engine's allocator in the browser: talc rather than the standard library's dlmalloc, for a
// .wasm 1.7 KiB smaller gzipped and evaluations as fast (see ARCHITECTURE.md). The tests that
// include this file use the library's, as one program has one allocator.
#[cfg(not(test))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("bidscore.d.ts");

// The exported functions are thin wrappers so that tests/wasm.rs can include this file and call
// the same code in a browser; that test build leaves the exports out (they would clash with the
// library's own).

/// Evaluates a tender (a `TenderFile` object or its JSON text) and returns the result.
///
/// Declared in `bidscore.d.ts` with the tender alone: `since`, not published, is `true` only from
/// `www/src/engine/engine.js`, for the text of [`evaluate_since`] (a parameter costs the wasm less
/// than an export of its own, and the wasm is near its size budget). Nothing but `true` counts,
/// so `texts.map(evaluate)`, passing an index, evaluates as ever.
///
/// @throws {BidScoreError} when the tender is invalid, with every error in `errors`.
#[cfg(not(test))]
#[wasm_bindgen(js_name = evaluate, skip_typescript)]
pub fn evaluate_export(tender: JsValue, since: JsValue) -> Result<JsValue, JsValue> {
    if since.as_bool() == Some(true) {
        evaluate_since(&tender).map(JsValue::from)
    } else {
        evaluate(&tender)
    }
}

/// Checks a tender (object or JSON text) without throwing: every error, or the warnings when it
/// is valid.
#[cfg(not(test))]
#[wasm_bindgen(js_name = validate, unchecked_return_type = "Validation")]
pub fn validate_export(
    #[wasm_bindgen(unchecked_param_type = "TenderFile | string")] tender: JsValue,
) -> JsValue {
    validate(&tender)
}

/// The engine's version, e.g. "0.1.0".
#[cfg(not(test))]
#[wasm_bindgen(js_name = version)]
pub fn version_export() -> String {
    version()
}

/// Price to win, what it takes, weight stability and rank acceptability of a valid tender.
///
/// @throws {BidScoreError} when the tender is invalid.
#[cfg(not(test))]
#[wasm_bindgen(js_name = analyse, unchecked_return_type = "Analysis")]
pub fn analyse_export(
    #[wasm_bindgen(unchecked_param_type = "TenderFile | string")] tender: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnalysisOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let t = tender_of(&tender)?;
    let o = analysis_options(&options);
    Ok(to_js(&crate::analysis::analyse(&t, &o)))
}

/// The evaluation model as suppliers read it (the published page).
///
/// @throws {BidScoreError} when the tender is invalid.
#[cfg(not(test))]
#[wasm_bindgen(js_name = describe, unchecked_return_type = "PublishedModel")]
pub fn describe_export(
    #[wasm_bindgen(unchecked_param_type = "TenderFile | string")] tender: JsValue,
) -> Result<JsValue, JsValue> {
    Ok(to_js(&crate::publish::describe(&tender_of(&tender)?)))
}

/// One assessment summary per assessed (not hypothetical) bid.
///
/// @throws {BidScoreError} when the tender is invalid.
#[cfg(not(test))]
#[wasm_bindgen(js_name = debriefs, unchecked_return_type = "Debrief[]")]
pub fn debriefs_export(
    #[wasm_bindgen(unchecked_param_type = "TenderFile | string")] tender: JsValue,
) -> Result<JsValue, JsValue> {
    let t = tender_of(&tender)?;
    let e = crate::evaluate(&t);
    Ok(to_js(&crate::debrief::debriefs(&t, &e)))
}

/// The award criteria in Open Contracting Data Standard form (a `tender` object fragment).
///
/// @throws {BidScoreError} when the tender is invalid.
#[cfg(not(test))]
#[wasm_bindgen(js_name = ocdsAwardCriteria, unchecked_return_type = "Record<string, unknown>")]
pub fn ocds_export(
    #[wasm_bindgen(unchecked_param_type = "TenderFile | string")] tender: JsValue,
) -> Result<JsValue, JsValue> {
    Ok(to_js(&crate::ocds::award_criteria(&tender_of(&tender)?)))
}

/// Rank acceptability run a slice at a time, so a Web Worker can report progress and stop:
/// `const run = new RankAcceptability(tender, { samples: 10000 }); while (run.step(500) < 10000) {...}`.
#[cfg(not(test))]
#[wasm_bindgen]
pub struct RankAcceptability(crate::analysis::SmaaRun);

#[cfg(not(test))]
#[wasm_bindgen]
impl RankAcceptability {
    /// @throws {BidScoreError} when the tender is invalid or has no ranked bid to sample; for a
    /// tender divided into lots, when `options.lot` does not name one of its lots.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "TenderFile | string")] tender: JsValue,
        #[wasm_bindgen(unchecked_param_type = "AnalysisOptions | undefined")] options: JsValue,
    ) -> Result<RankAcceptability, JsValue> {
        let t = tender_of(&tender)?;
        let o = analysis_options(&options).smaa.unwrap_or_default();
        // A tender divided into lots is sampled one lot at a time (spec §18): `options.lot`.
        let lot = options
            .is_object()
            .then(|| Reflect::get(&options, &JsValue::from_str("lot")).ok())
            .flatten()
            .and_then(|v| v.as_string());
        let run = match &lot {
            Some(id) => crate::analysis::SmaaRun::for_lot(&t, id, &o),
            None => crate::analysis::SmaaRun::new(&t, &o),
        };
        run.map(RankAcceptability).ok_or_else(|| {
            bidscore_error(&one_error(
                "a weighted-sum tender with at least one ranked bid (in the lot that options.lot names, when the tender has lots)",
                "bids".into(),
            ))
        })
    }

    /// Takes up to `n` more samples; returns how many have been taken in all.
    pub fn step(&mut self, n: u32) -> u32 {
        self.0.step(n)
    }

    /// The number of samples asked for.
    #[wasm_bindgen(getter)]
    pub fn total(&self) -> u32 {
        self.0.progress().1
    }

    /// The acceptabilities over the samples taken so far.
    #[wasm_bindgen(unchecked_return_type = "Acceptability")]
    pub fn result(&self) -> JsValue {
        to_js(&self.0.result())
    }
}

/// A validated tender, or a `BidScoreError`.
#[cfg(not(test))]
fn tender_of(tender: &JsValue) -> Result<crate::Tender, JsValue> {
    text_of(tender)
        .and_then(|text| crate::read(&text))
        .map_err(|e| bidscore_error(&e))
}

/// Analysis options from a plain object; anything absent or unreadable keeps its default.
#[cfg(not(test))]
fn analysis_options(options: &JsValue) -> crate::analysis::Options {
    use crate::analysis::{Options, SmaaOptions, Takers, WeightModel};
    let get = |key: &str| Reflect::get(options, &JsValue::from_str(key)).ok();
    let number = |key: &str| {
        get(key)
            .and_then(|v| v.as_f64())
            .filter(|n| n.is_finite() && *n >= 0.0)
    };
    let mut smaa = SmaaOptions::default();
    if options.is_object() {
        if let Some(n) = number("samples") {
            smaa.samples = n.min(1_000_000.0) as u32;
        }
        if let Some(n) = number("seed") {
            smaa.seed = n as u64;
        }
        if let Some(b) = get("scoreUncertainty").and_then(|v| v.as_bool()) {
            smaa.score_uncertainty = b;
        }
        smaa.weights = match get("weights").and_then(|v| v.as_string()).as_deref() {
            Some("ranking") => WeightModel::Ranking,
            Some("tolerance") => {
                WeightModel::Tolerance(number("tolerance").unwrap_or(0.2).min(1.0))
            }
            _ => WeightModel::Simplex,
        };
    }
    let what_it_takes = match get("whatItTakes") {
        Some(v) if v.as_bool() == Some(false) => Takers::NoBid,
        Some(v) => v.as_string().map_or(Takers::Every, Takers::Bid),
        None => Takers::Every,
    };
    Options {
        smaa: (smaa.samples > 0).then_some(smaa),
        what_it_takes,
    }
}

/// The result object of a tender, or a `BidScoreError`.
pub fn evaluate(tender: &JsValue) -> Result<JsValue, JsValue> {
    let text = text_of(tender).map_err(|errors| bidscore_error(&errors))?;
    evaluation(&text, None, None).map(|(e, ..)| to_js(&e))
}

/// The evaluation of a tender's text, or a `BidScoreError`; what the next evaluation can reuse
/// of it; and the tender kept (read by one bid from `kept` where it allows, and then evaluated
/// reusing `last`'s results where it allows: see `evaluate::again`). `evaluate` and
/// `evaluate_since` share one copy of it (the wasm is near its size budget).
#[inline(never)]
fn evaluation(
    text: &str,
    kept: Option<Kept>,
    last: Option<(&mut [Slot], &Memo)>,
) -> Result<(crate::Evaluation, Memo, Kept), JsValue> {
    let k = Kept::read(text, kept).map_err(|errors| bidscore_error(&errors))?;
    let reuse = last.zip(k.edited()).map(|((last, memo), edited)| Reuse {
        last,
        memo,
        edited,
        part: 0,
        at: &[],
    });
    let (e, memo) = crate::evaluate::evaluate_again(k.tender(), reuse);
    Ok((e, memo, k))
}

/// What [`evaluate_since`] last returned: its bids (taken as the next evaluation reuses them) and
/// warnings, which the next call compares its own with, what the next evaluation can reuse, and
/// the tender it came from, kept to read the next text by one bid (`validate::Kept`). In step
/// with the result the caller holds: both begin empty, and a fault, which resets the instance,
/// empties this one as the caller drops its own.
#[cfg(not(test))]
struct Last {
    bids: Vec<Slot>,
    warnings: Vec<crate::Warning>,
    memo: Memo,
    kept: Option<Kept>,
}

#[cfg(not(test))]
thread_local! {
    static LAST: std::cell::RefCell<Last> = const {
        std::cell::RefCell::new(Last { bids: Vec::new(), warnings: Vec::new(), memo: Memo::NONE, kept: None })
    };
}

/// The result of a tender as the JSON text of `[result, bids, warnings]`: `result` with empty
/// `bids` and `warnings`, and in `bids` and `warnings` for each of the result's either the index
/// of its equal in the last result this function returned, or itself. After an edit of one bid
/// of hundreds that is nearly all numbers: the caller builds the result from the last one's
/// objects, and writing, passing and parsing megabytes of JSON is left out. A bid's result is
/// named so when the evaluation took it over from the last (see `evaluate::again`) and its rank
/// is as it was; warnings are compared as values (equal ones are written the same: see
/// `Working`'s `PartialEq`), not written to be.
#[cfg(not(test))]
pub fn evaluate_since(tender: &JsValue) -> Result<String, JsValue> {
    // Reading an object runs the page's code (a getter, toJSON), which may call the engine: the
    // engine's own state is borrowed only after.
    let text = text_of(tender).map_err(|errors| bidscore_error(&errors))?;
    LAST.with(|last| {
        let last = &mut *last.borrow_mut();
        let (mut e, memo, kept) =
            evaluation(&text, last.kept.take(), Some((&mut last.bids, &last.memo)))?;
        let bids = std::mem::take(&mut e.bids);
        let warnings = std::mem::take(&mut e.warnings);
        let mut out = Json::ascii();
        out.open_list();
        e.write(&mut out);
        places(
            &mut out,
            bids.len(),
            last.bids.len(),
            // Only a bid's result taken over from the last is known to read the same; any
            // other is written, and the caller shares it with the last one's if they read alike
            // (after a bid added, say): comparing here compiled 1.7 KB of WebAssembly.
            &|i, j| i == j && crate::evaluate::reads_as_before(&last.bids[j], &bids[i]),
            &|i| &bids[i],
        );
        places(
            &mut out,
            warnings.len(),
            last.warnings.len(),
            &|i, j| warnings[i] == last.warnings[j],
            &|i| &warnings[i],
        );
        *last = Last {
            bids: bids.into_iter().map(Ok).collect(),
            warnings,
            memo,
            kept: Some(kept),
        };
        out.close_list();
        Ok(out.into_string())
    })
}

/// How far past the last match [`places`] looks for an item's equal: far enough to step over a
/// few items added, removed or changed by one edit.
#[cfg(not(test))]
const AHEAD: usize = 8;

/// Writes `,[…]`: for each of `n` items, the index of its equal among the `m` last ones
/// (`same(i, j)`), or its JSON. Both lists are in the engine's order (file order, sorted
/// warnings), so they are matched in one walk. One copy for both lists (the wasm is near its
/// size budget).
#[cfg(not(test))]
fn places<'a>(
    out: &mut Json,
    n: usize,
    m: usize,
    same: &dyn Fn(usize, usize) -> bool,
    item: &dyn Fn(usize) -> &'a dyn ToJson,
) {
    out.raw(",[");
    let mut j = 0;
    for i in 0..n {
        match (j..m.min(j + AHEAD)).find(|&k| same(i, k)) {
            Some(k) => {
                out.item(&k);
                j = k + 1;
            }
            None => out.item(item(i)),
        }
    }
    out.close_list();
}

/// `{ errors, warnings }` of a tender; never a thrown error.
pub fn validate(tender: &JsValue) -> JsValue {
    let validation = match text_of(tender) {
        Ok(text) => crate::validate_str(&text),
        Err(errors) => crate::Validation {
            errors: errors.errors,
            warnings: vec![],
        },
    };
    to_js(&validation)
}

pub fn version() -> String {
    crate::VERSION.to_string()
}
