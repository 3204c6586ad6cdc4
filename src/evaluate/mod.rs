//! The weighted-sum evaluation (spec §2): gates, thresholds and completeness first, then relative
//! inputs over the qualified bids, criterion scores with their working, sub-totals, totals,
//! rounding, ranking and warnings.
//!
//! Architecture invariant: evaluation cannot fail. Everything that could go wrong was refused by
//! [`crate::validate`]; what remains questionable becomes a warning.
//!
//! The folder follows the pipeline. `prepare` reads each bid alone (completeness, gates,
//! thresholds, ceiling); `relative` takes the comparison fields over the qualified bids; `score`
//! scores one criterion for one bid, and `workings` writes the formula of each score with the
//! bid's own numbers; `totals` puts a bid's result together (criterion scores, sub-totals, total,
//! award value); `warning` reads the finished evaluation. This file runs them in order and
//! ranks. What every stage shares (the tender's leaves, how it writes figures, a prepared bid)
//! is `crate::context`, below them all. A tender divided into lots goes through `lots`, which runs
//! this whole pipeline once per lot and puts the results together.

mod again;
mod lots;
mod prepare;
mod relative;
mod score;
mod thresholds;
mod totals;
pub(crate) mod warning;
mod workings;

pub use again::{reads_as_before, Memo, Reuse, Slot};
pub(crate) use prepare::{prepare, prepare_at};
pub(crate) use relative::{field, fields};
pub(crate) use score::{official, score_criterion, score_leaf, total_of, OUT_OF_RANGE};

use crate::context::{Ctx, Prepared};
use crate::model::*;
use crate::money::plain;
use crate::parallel::in_parts;
use crate::price::Field;
use crate::result::*;
use crate::text::Params;
use prepare::{disqualify, msg, out_of_range_reason};
use rust_decimal::Decimal;
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use totals::Kept;
use totals::{bid_result, Repeats};

/// Evaluates a validated tender.
pub fn evaluate(t: &Tender) -> Evaluation {
    evaluate_again(t, None).0
}

/// Evaluates a validated tender, reusing the last evaluation's results where `reuse` allows (see
/// [`again`]; a tender with lots lot by lot), and returns what the next can reuse.
pub fn evaluate_again(t: &Tender, reuse: Option<Reuse>) -> (Evaluation, Memo) {
    if t.lots.is_empty() {
        let (e, fields) = whole(t, reuse);
        (e, Memo(vec![fields]))
    } else {
        lots::evaluate(t, reuse)
    }
}

/// Evaluates a tender as one competition: one without lots, or one lot as a tender of its own.
/// Returns too the fields of its final pass (see [`again::Memo`]).
fn whole(t: &Tender, mut reuse: Option<Reuse>) -> (Evaluation, Vec<Option<Field>>) {
    let cx = Ctx::new(t);
    let mut prepared: Vec<Prepared> = in_parts(&t.bids, cx.work(), &cx, fresh(t), |cx, bids| {
        bids.iter().map(|b| prepare(cx, b)).collect()
    });
    let (mut bids, mut pool, mut fields) = score_pool(&cx, &prepared, &mut reuse);
    // Group thresholds read the sub-totals, and relative thresholds the best of them (spec §13):
    // each bid they disqualify leaves the comparison pool, and the others are scored again.
    for pass in [thresholds::Pass::Absolute, thresholds::Pass::Relative] {
        if thresholds::apply(&cx, &mut prepared, &bids, pass) {
            (bids, pool, fields) = score_pool(&cx, &prepared, &mut reuse);
        }
    }
    // Price per quality point cannot rank a bid with no quality points (spec §4), and no bid can be
    // ranked on a figure beyond what an exact decimal holds: such a bid is disqualified, and the
    // comparison is taken again without it. Removing a bid can only raise the others' relative
    // fractions, so one more pass settles it.
    let mut changed = false;
    for (i, b) in bids.iter().enumerate() {
        if b.out_of_range {
            disqualify(&mut prepared[i], out_of_range_reason());
            changed = true;
        } else if t.award == AwardMethod::PricePerQualityPoint
            && b.status == Status::Ranked
            && b.total_value <= Decimal::ZERO
        {
            disqualify(
                &mut prepared[i],
                msg(
                    "no-quality-points",
                    Params::new(),
                    "no quality points, so no price per quality point: the bid cannot be ranked"
                        .into(),
                ),
            );
            changed = true;
        }
    }
    if changed {
        (bids, pool, fields) = score_pool(&cx, &prepared, &mut reuse);
        // A bid the second pass pushes out of range (its field moved) is set aside without a
        // third pass: it leaves no one else's score unexplained.
        for b in bids.iter_mut().filter(|b| b.out_of_range) {
            if !b.reasons.iter().any(|r| r.code == OUT_OF_RANGE) {
                b.reasons.push(out_of_range_reason());
            }
            b.status = Status::Disqualified;
            b.missing.clear();
        }
        pool.retain(|&i| bids[i].status == Status::Ranked);
    }

    let ranking = crate::ranking::rank(t, &mut bids);
    let warnings = warning::warnings(&cx, &prepared, &bids, &pool);
    let e = Evaluation {
        format: RESULT_FORMAT,
        max_total: plain(t.max_total()),
        method: t.award.as_str(),
        currency: t.info.currency.clone(),
        decimals: t.rounding.decimals,
        rounding_stage: t.rounding.stage.as_str(),
        bids,
        ranking,
        warnings,
        lots: None,
    };
    (e, fields)
}

/// Scores every bid against the pool of ranked bids, or takes its last result where `reuse`
/// allows; returns the results, the pool and its fields. Called from up to four places:
/// compiled once.
#[inline(never)]
fn score_pool(
    cx: &Ctx,
    prepared: &[Prepared],
    reuse: &mut Option<Reuse>,
) -> (Vec<BidResult>, Vec<usize>, Vec<Option<Field>>) {
    let pool: Vec<usize> = (0..prepared.len())
        .filter(|&i| prepared[i].status == Status::Ranked)
        .collect();
    let fields = fields(cx, prepared, &pool);
    let bids = match reuse {
        // The widget's evaluation after a change (in one thread there).
        Some(r) => score_bids(cx, prepared, &fields, Some(r)),
        None => in_parts(prepared, cx.work(), cx, fresh(cx.t), |cx, part| {
            score_bids(cx, part, &fields, None)
        }),
    };
    (bids, pool, fields)
}

/// What makes a tender's [`Ctx`] again on another thread: its own counted references, which two
/// threads counting at once would slow.
fn fresh<'t>(t: &'t Tender) -> impl Fn() -> Ctx<'t> + Sync + 't {
    move || Ctx::new(t)
}

/// Scores `prepared` against the pool's `fields`, or takes a bid's last result where `reuse`
/// allows.
fn score_bids(
    cx: &Ctx,
    prepared: &[Prepared],
    fields: &[Option<Field>],
    mut reuse: Option<&mut Reuse>,
) -> Vec<BidResult> {
    let mut repeats = Repeats::new(cx);
    let mut bids = Vec::with_capacity(prepared.len());
    for (i, p) in prepared.iter().enumerate() {
        let last = reuse.as_mut().and_then(|r| r.take(i, fields, p));
        bids.push(last.unwrap_or_else(|| {
            bid_result(cx, p, fields, p.status == Status::Ranked, &mut repeats)
        }));
    }
    bids
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::parallel::tests::in_parts_of;

    /// Split into parts (the bids prepared and scored on several threads, the warnings' largest
    /// readings beside the others), every fixture, hostile tender and example, and generated
    /// tenders, evaluate as on one thread, byte for byte; so they do where the system starts no
    /// thread, and this one makes every part.
    #[test]
    fn an_evaluation_in_parts_is_the_one_threads() {
        let mut tenders = super::again::tests::tenders();
        for (bids, criteria, evaluators, seed) in [(40, 12, 3, 1), (97, 20, 4, 2), (150, 8, 1, 3)] {
            let t = crate::synth::tender(bids, criteria, evaluators, seed);
            tenders.push((format!("{bids} generated bids"), t));
        }
        for (name, v) in tenders {
            let t = crate::read(&v.to_string()).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            let text = |parts, start| {
                in_parts_of(parts, start, || {
                    serde_json::to_string(&super::evaluate(&t)).unwrap()
                })
            };
            let one = text(1, true);
            for parts in [2, 3, 7] {
                assert!(text(parts, true) == one, "{name} in {parts} parts");
                assert!(
                    text(parts, false) == one,
                    "{name} in {parts} parts, no thread"
                );
            }
        }
    }
}
