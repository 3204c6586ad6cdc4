//! Thresholds that can only be checked once the bids are scored (spec §13): a group's minimum
//! sub-total, and minimums set as a share of the best qualified score on a criterion or group.
//!
//! Both read the sub-totals and scores as the result shows them (rounded as the tender says), so
//! a supplier can check the verdict against the published figures. The absolute group
//! thresholds come first; the relative ones are applied once, after them, with every bar set
//! over the bids still in the comparison pool before any bid is disqualified: a bid that falls
//! below a relative threshold does not move a bar by leaving.

use super::prepare::{disqualify, msg};
use super::score::total_of;
use crate::context::{Ctx, Prepared};
use crate::model::*;
use crate::money::Plain;
use crate::result::{BidResult, Status};
use crate::text::Params;
use rust_decimal::Decimal;

/// Which thresholds to apply.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Pass {
    /// Groups' `threshold`, in marks.
    Absolute,
    /// `thresholdRelative` on criteria and groups.
    Relative,
}

/// What a threshold reads: a leaf's score (its position in a bid's `criteria`) or a group's
/// sub-total (its index in `Ctx::groups`).
#[derive(Clone, Copy)]
enum On {
    Leaf(usize),
    Group(usize),
}

/// A bid's score on a leaf or group as shown, with its text; `None` while the criterion, or any
/// scored criterion of the group, has no score: a partial sub-total says nothing yet. What the
/// rounding policy leaves unrounded is shown to 10 decimals, and compared as shown (what it
/// rounds has at most 10 decimals already).
fn score<'b>(cx: &Ctx, on: On, b: &'b BidResult) -> Option<(Decimal, &'b str)> {
    let shown = |d: Decimal| crate::money::round(d, 10);
    match on {
        On::Leaf(pos) => {
            let c = &b.criteria[pos];
            Some((shown(c.value?), c.score.as_deref()?))
        }
        On::Group(gi) => {
            // A group's leaves are a run of consecutive leaves, so its scored ones are a run of
            // the bid's criteria.
            let leaves = &cx.groups[gi].1;
            let (first, last) = (*leaves.first()?, *leaves.last()?);
            let from = cx.scored.partition_point(|&s| s < first);
            let to = cx.scored.partition_point(|&s| s <= last);
            if b.criteria[from..to].iter().any(|c| c.value.is_none()) {
                return None;
            }
            let g = &b.groups[gi];
            Some((shown(total_of(g.value, cx.t)), g.score.as_str()))
        }
    }
}

/// One pass of thresholds (spec §13). `Absolute`: every bid whose sub-total on a group is below
/// the group's `threshold` is disqualified (`below-group-threshold`), whatever its status, so
/// that each reason is listed. `Relative`, applied once after it: each bar is
/// `thresholdRelative` percent of the best score among the bids in the comparison pool (ranked:
/// neither disqualified nor incomplete, as for relative formulas), all taken before any bid is
/// disqualified; each bid not yet disqualified and below a bar is (`below-relative-threshold`).
/// Returns whether a bid that was ranked or incomplete is now disqualified.
#[inline(never)]
pub(super) fn apply(cx: &Ctx, prepared: &mut [Prepared], bids: &[BidResult], pass: Pass) -> bool {
    let relative = pass == Pass::Relative;
    let pool: Vec<usize> = (0..bids.len())
        .filter(|&i| prepared[i].status == Status::Ranked)
        .collect();
    // Each rule: what it reads, its id and name, and its bar.
    let leaves = cx.scored.iter().enumerate().filter_map(|(pos, &li)| {
        let c = cx.leaves[li];
        match (&c.kind, relative) {
            (
                Kind::Scored {
                    threshold_relative: Some(pc),
                    ..
                },
                true,
            ) => Some((On::Leaf(pos), &c.id, &c.name, Bar::Share(*pc))),
            _ => None,
        }
    });
    let groups = cx.groups.iter().enumerate().filter_map(|(gi, (g, _))| {
        let bar = if relative {
            Bar::Share(g.threshold_relative?)
        } else {
            Bar::Marks(g.threshold?, g.marks)
        };
        Some((On::Group(gi), &g.id, &g.name, bar))
    });
    let mut changed = false;
    for (on, id, name, bar) in leaves.chain(groups) {
        let kind = match on {
            On::Leaf(_) => "criterion",
            On::Group(_) => "group",
        };
        let params = Params::new().with(kind, id).with("name", name);
        let (bar, params, tail) = match bar {
            Bar::Marks(
                GroupThreshold {
                    marks,
                    percent: None,
                },
                _,
            ) => (marks, params, String::new()),
            Bar::Marks(
                GroupThreshold {
                    marks,
                    percent: Some(pc),
                },
                all,
            ) => (
                marks,
                params.with("percent", Plain(pc)).with("marks", Plain(all)),
                format!(" ({}% of {})", Plain(pc), Plain(all)),
            ),
            Bar::Share(pc) => {
                let Some((best, best_shown)) = pool
                    .iter()
                    .filter_map(|&i| score(cx, on, &bids[i]))
                    .max_by(|a, b| a.0.cmp(&b.0))
                else {
                    continue;
                };
                // A score too large for its share to be worked out sets no bar.
                let Some(bar) = crate::money::mul_div(best, pc, Decimal::ONE_HUNDRED) else {
                    continue;
                };
                (
                    bar,
                    params
                        .with("kind", kind)
                        .with("percent", Plain(pc))
                        .with("best", best_shown),
                    format!(
                        " ({}% of the best qualified score, {best_shown})",
                        Plain(pc)
                    ),
                )
            }
        };
        for (p, b) in prepared.iter_mut().zip(bids) {
            let Some((value, shown)) = score(cx, on, b) else {
                continue;
            };
            if value >= bar || (relative && p.status == Status::Disqualified) {
                continue;
            }
            changed |= p.status != Status::Disqualified;
            let reason = msg(
                if relative {
                    "below-relative-threshold"
                } else {
                    "below-group-threshold"
                },
                params
                    .clone()
                    .with("score", shown)
                    .with("threshold", Plain(bar)),
                format!(
                    "scored {shown} on \"{name}\"; the minimum is {}{tail}",
                    Plain(bar)
                ),
            );
            disqualify(p, reason);
        }
    }
    changed
}

/// A threshold's bar: a group's minimum (with the group's marks, for a share of them), or a
/// percentage of the best qualified score.
#[derive(Clone, Copy)]
enum Bar {
    Marks(GroupThreshold, Decimal),
    Share(Decimal),
}
