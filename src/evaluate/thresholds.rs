//! Thresholds that can only be checked once the bids are scored (spec §13): a group's minimum
//! sub-total, and minimums set as a share of the best qualified score on a criterion or group.
//!
//! Both read the sub-totals and scores as the result shows them (rounded as the tender says), so
//! a supplier can check the verdict against the published figures. The absolute group
//! thresholds come first; the relative ones are applied once, after them, with the best taken
//! over the bids still in the comparison pool: a bid that falls below a relative threshold does
//! not raise the bar for the others by leaving, nor lower it.

use super::prepare::{disqualify, msg};
use super::score::total_of;
use crate::context::{Ctx, Prepared};
use crate::model::*;
use crate::money::Plain;
use crate::result::{BidResult, Status};
use crate::text::Params;
use rust_decimal::Decimal;

/// The position in a bid's `criteria` of each leaf (same index as `Ctx::leaves`), for the
/// leaves that get a score.
fn positions(cx: &Ctx) -> Vec<Option<usize>> {
    let mut at = vec![None; cx.leaves.len()];
    for (pos, &li) in cx.scored.iter().enumerate() {
        at[li] = Some(pos);
    }
    at
}

/// A group's sub-total as shown, when every scored criterion under it has a score: a partial
/// sub-total says nothing yet about the threshold.
fn sub_total(cx: &Ctx, at: &[Option<usize>], gi: usize, b: &BidResult) -> Option<Decimal> {
    let complete = cx.groups[gi]
        .1
        .iter()
        .filter_map(|&li| at[li])
        .all(|pos| b.criteria[pos].value.is_some());
    complete.then(|| total_of(b.groups[gi].value, cx.t))
}

/// `below-group-threshold` (spec §13, after step 4 of §2): every bid whose sub-total on a group
/// is below the group's `threshold` is disqualified, whatever its status, so that each reason is
/// listed. Returns whether a bid that was ranked or incomplete is now disqualified.
pub(super) fn group_thresholds(cx: &Ctx, prepared: &mut [Prepared], bids: &[BidResult]) -> bool {
    let at = positions(cx);
    let mut changed = false;
    for (gi, (g, _)) in cx.groups.iter().enumerate() {
        let Some(th) = g.threshold else { continue };
        for (p, b) in prepared.iter_mut().zip(bids) {
            let Some(score) = sub_total(cx, &at, gi, b) else {
                continue;
            };
            if score >= th.marks {
                continue;
            }
            let params = Params::new()
                .with("group", &g.id)
                .with("name", &g.name)
                .with("score", &b.groups[gi].score)
                .with("threshold", Plain(th.marks));
            let (params, share) = match th.percent {
                Some(pc) => (
                    params
                        .with("percent", Plain(pc))
                        .with("marks", Plain(g.marks)),
                    format!(" ({}% of {})", Plain(pc), Plain(g.marks)),
                ),
                None => (params, String::new()),
            };
            let reason = msg(
                "below-group-threshold",
                params,
                format!(
                    "scored {} on \"{}\"; the minimum is {}{share}",
                    b.groups[gi].score,
                    g.name,
                    Plain(th.marks)
                ),
            );
            if p.status == Status::Disqualified {
                p.reasons.push(reason);
            } else {
                disqualify(p, reason);
                changed = true;
            }
        }
    }
    changed
}

/// One relative threshold: a criterion's or a group's, with each bid's score on it as shown.
struct Relative<'a> {
    kind: &'static str,
    id: &'a str,
    name: &'a str,
    percent: Decimal,
    /// Per bid: the score compared and its text, when the bid has one.
    scores: Vec<Option<(Decimal, &'a str)>>,
}

/// `below-relative-threshold` (spec §13): applied once, after the absolute thresholds. The best
/// score is taken over the bids in the comparison pool (ranked: neither disqualified nor
/// incomplete, as for relative formulas); every bid not yet disqualified whose score is below
/// `thresholdRelative` percent of it is disqualified. Returns whether any bid was.
pub(super) fn relative_thresholds<'a>(
    cx: &'a Ctx,
    prepared: &mut [Prepared],
    bids: &'a [BidResult],
) -> bool {
    let at = positions(cx);
    let mut rules: Vec<Relative> = Vec::new();
    for &li in &cx.scored {
        let c = cx.leaves[li];
        if let Kind::Scored {
            threshold_relative: Some(percent),
            ..
        } = &c.kind
        {
            let pos = at[li].unwrap_or_default();
            rules.push(Relative {
                kind: "criterion",
                id: &c.id,
                name: &c.name,
                percent: *percent,
                scores: bids
                    .iter()
                    .map(|b| {
                        let r = &b.criteria[pos];
                        Some((r.value?, r.score.as_deref()?))
                    })
                    .collect(),
            });
        }
    }
    for (gi, (g, _)) in cx.groups.iter().enumerate() {
        if let Some(percent) = g.threshold_relative {
            rules.push(Relative {
                kind: "group",
                id: &g.id,
                name: &g.name,
                percent,
                scores: bids
                    .iter()
                    .map(|b| Some((sub_total(cx, &at, gi, b)?, b.groups[gi].score.as_str())))
                    .collect(),
            });
        }
    }
    // Every bar is set before any bid leaves the pool: the thresholds are applied once, together.
    let mut found: Vec<(usize, crate::text::Message)> = Vec::new();
    for r in &rules {
        let best = (0..bids.len())
            .filter(|&i| prepared[i].status == Status::Ranked)
            .filter_map(|i| r.scores[i])
            .max_by(|a, b| a.0.cmp(&b.0));
        let Some((best, best_shown)) = best else {
            continue;
        };
        // A share of a score: at most 10^15 × 100, exact.
        let bar = best * r.percent / Decimal::ONE_HUNDRED;
        for (i, s) in r.scores.iter().enumerate() {
            let Some((score, shown)) = *s else { continue };
            if prepared[i].status == Status::Disqualified || score >= bar {
                continue;
            }
            found.push((
                i,
                msg(
                    "below-relative-threshold",
                    Params::new()
                        .with("kind", r.kind)
                        .with(r.kind, r.id)
                        .with("name", r.name)
                        .with("score", shown)
                        .with("threshold", Plain(bar))
                        .with("percent", Plain(r.percent))
                        .with("best", best_shown),
                    format!(
                        "scored {shown} on \"{}\"; the minimum is {} ({}% of the best qualified score, {best_shown})",
                        r.name,
                        Plain(bar),
                        Plain(r.percent)
                    ),
                ),
            ));
        }
    }
    let changed = !found.is_empty();
    for (i, reason) in found {
        disqualify(&mut prepared[i], reason);
    }
    changed
}
