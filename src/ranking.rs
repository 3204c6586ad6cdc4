//! Ranking and ties (spec §8): ranked bids by total, best first; equal totals settled by the
//! tender's tie-break rules in order; bids still equal share a rank (1, 1, 3), unless the last rule
//! is a recorded draw (spec §16), which leaves no two bids equal.

use crate::model::{AwardMethod, BandDecider, Tender, TieBreak};
use crate::result::{BidResult, Status};
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// Sets `rank` on every ranked bid and returns the ranked ids, best first. Bids that stay equal
/// after every tie-break rule are listed in id order, so the order of bids in the file never
/// matters.
pub fn rank(t: &Tender, bids: &mut [BidResult]) -> Vec<String> {
    let mut order: Vec<usize> = (0..bids.len())
        .filter(|&i| bids[i].status == Status::Ranked)
        .collect();
    crate::sorting::sort(&mut order, &|&a, &b| {
        compare(t, &bids[a], &bids[b]).then_with(|| bids[a].id.cmp(&bids[b].id))
    });
    if let AwardMethod::QualityPriceRatio {
        band: Some(band),
        decider,
        ..
    } = t.award
    {
        banded(t, bids, &mut order, band, decider);
    }
    let mut rank = 0u32;
    for (pos, &i) in order.iter().enumerate() {
        if pos == 0 || equal_place(t, &bids[order[pos - 1]], &bids[i]) != Ordering::Equal {
            rank = pos as u32 + 1;
        }
        bids[i].rank = Some(rank);
    }
    order.iter().map(|&i| bids[i].id.clone()).collect()
}

/// What ranking needs to know of a bid: the official result, or a "what if" variant of it.
pub trait Standing {
    /// What the award method ranks by, higher is better; `None` ranks last.
    fn key(&self) -> Option<Decimal>;
    /// Quality points (the band decider of the quality-price ratio).
    fn total(&self) -> Decimal;
    fn price(&self) -> Option<Decimal>;
    /// The official score on a group or criterion (0 if none).
    fn score_on(&self, id: &str) -> Decimal;
    /// The bid's id: what the recorded draw draws for (spec §16).
    fn id(&self) -> &str;
}

impl Standing for BidResult {
    fn key(&self) -> Option<Decimal> {
        self.key_value
    }

    fn total(&self) -> Decimal {
        self.total_value
    }

    fn price(&self) -> Option<Decimal> {
        self.price_value
    }

    fn score_on(&self, id: &str) -> Decimal {
        self.groups
            .iter()
            .find(|g| g.id == id)
            .map(|g| g.value)
            .or_else(|| {
                self.criteria
                    .iter()
                    .find(|c| &*c.id == id)
                    .and_then(|c| c.value)
            })
            .unwrap_or_default()
    }

    fn id(&self) -> &str {
        &self.id
    }
}

/// Better first: `Less` when `a` ranks above `b`.
pub fn compare<S: Standing>(t: &Tender, a: &S, b: &S) -> Ordering {
    b.key().cmp(&a.key()).then_with(|| tie_break(t, a, b))
}

/// The tie-break rules alone.
pub fn tie_break<S: Standing>(t: &Tender, a: &S, b: &S) -> Ordering {
    rules(t, a, b, true)
}

/// The tie-break rules in turn, the draw (always last) only when `draw` is set.
fn rules<S: Standing>(t: &Tender, a: &S, b: &S, draw: bool) -> Ordering {
    for rule in &t.tie_break {
        let o = match rule {
            TieBreak::Score(id) => b.score_on(id).cmp(&a.score_on(id)),
            TieBreak::Price => a.price().cmp(&b.price()),
            // §16 the recorded draw (validation requires the seed whenever the rule is given).
            TieBreak::Draw => match (&t.tie_draw_seed, draw) {
                (Some(seed), true) => crate::draw::order(seed, a.id(), b.id()),
                _ => Ordering::Equal,
            },
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    Ordering::Equal
}

/// The extended quality-price ratio (UfAB "erweiterte Richtwertmethode"): every bid whose ratio is
/// within `band` of the best is in the band, and the band is ordered by the decider (highest
/// quality points or lowest price), then by ratio and the tie-break rules; the rest follow.
fn banded(
    t: &Tender,
    bids: &mut [BidResult],
    order: &mut [usize],
    band: Decimal,
    decider: BandDecider,
) {
    let Some(best) = order.first().and_then(|&i| bids[i].key_value) else {
        return;
    };
    // band lies in 0..1 (validation), so the floor is below the best value, which fitted.
    let floor = crate::money::times(best, crate::money::minus(Decimal::ONE, band));
    let in_band = order
        .iter()
        .take_while(|&&i| bids[i].key_value.is_some_and(|v| v >= floor))
        .count();
    crate::sorting::sort(&mut order[..in_band], &|&a, &b| {
        decide(decider, &bids[a], &bids[b])
            .then_with(|| compare(t, &bids[a], &bids[b]))
            .then_with(|| bids[a].id.cmp(&bids[b].id))
    });
    for &i in order[..in_band].iter() {
        bids[i].in_band = true;
    }
}

fn decide(decider: BandDecider, a: &BidResult, b: &BidResult) -> Ordering {
    match decider {
        BandDecider::Quality => b.total_value.cmp(&a.total_value),
        BandDecider::Price => a.price_value.cmp(&b.price_value),
    }
}

/// Whether two neighbours in the final order share a place: equal on every rule that ordered them.
fn equal_place(t: &Tender, a: &BidResult, b: &BidResult) -> Ordering {
    equal_before(t, a, b, true)
}

/// [`equal_place`], with or without the draw.
fn equal_before(t: &Tender, a: &BidResult, b: &BidResult, draw: bool) -> Ordering {
    let compare =
        |a: &BidResult, b: &BidResult| b.key().cmp(&a.key()).then_with(|| rules(t, a, b, draw));
    match t.award {
        AwardMethod::QualityPriceRatio {
            band: Some(_),
            decider,
            ..
        } if a.in_band && b.in_band => decide(decider, a, b).then_with(|| compare(a, b)),
        _ => compare(a, b),
    }
}

/// Whether `b`, ranked just after `a`, was equal to it on every rule but the recorded draw, so
/// that the draw put it after `a` (spec §16).
pub(crate) fn drawn_after(t: &Tender, a: &BidResult, b: &BidResult) -> bool {
    t.tie_break.last() == Some(&TieBreak::Draw) && equal_before(t, a, b, false).is_eq()
}
