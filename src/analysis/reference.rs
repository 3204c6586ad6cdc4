//! The analysis as first written, kept for tests only: every try re-scores the dependent leaves
//! of every pool bid and compares the changed bid with each of them. The fast tries of `setup`
//! must answer exactly as this does (see the property test in `analysis::tests`).

use super::setup::Setup;
use crate::context::Prepared;
use crate::evaluate::{self, official, prepare_at, score_criterion, total_of};
use crate::model::*;
use crate::price::Field;
use crate::ranking::{compare, Standing};
use crate::result::Status;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// A bid's standing in a "what if": official figures with some criteria re-scored.
pub(super) struct WhatIf<'s> {
    pub(super) key: Option<Decimal>,
    pub(super) total: Decimal,
    pub(super) price: Option<Decimal>,
    /// Official score per leaf (same index as `Ctx::leaves`).
    leaves: Vec<Option<Decimal>>,
    /// Which bid this is (an index into the tender's bids).
    bid: usize,
    /// Where the groups, the leaves' ids and the bids' ids are found.
    setup: &'s Setup<'s>,
}

impl WhatIf<'_> {
    /// The official sub-total of group `g` (an index into `Ctx::groups`), summed as the
    /// evaluation sums it: only a tie-break on the group or its threshold asks for it.
    fn group(&self, g: usize) -> Decimal {
        crate::money::sum(
            self.setup.cx.groups[g]
                .1
                .iter()
                .filter_map(|&i| self.leaves[i]),
        )
    }
}

impl Standing for WhatIf<'_> {
    fn key(&self) -> Option<Decimal> {
        self.key
    }

    fn total(&self) -> Decimal {
        self.total
    }

    fn price(&self) -> Option<Decimal> {
        self.price
    }

    fn score_on(&self, id: &str) -> Decimal {
        let cx = &self.setup.cx;
        if let Some(g) = cx.groups.iter().position(|(g, _)| g.id == id) {
            return self.group(g);
        }
        cx.ids
            .iter()
            .position(|c| &**c == id)
            .and_then(|i| self.leaves[i])
            .unwrap_or_default()
    }

    fn id(&self) -> &str {
        &self.setup.t.bids[self.bid].id
    }
}

impl Setup<'_> {
    /// Bid `bid`'s standing with these official leaf scores and price.
    fn whole_standing<'s>(
        &'s self,
        bid: usize,
        leaves: Vec<Option<Decimal>>,
        price: Option<Decimal>,
    ) -> WhatIf<'s> {
        let sum = crate::money::sum(leaves.iter().flatten().copied());
        let total = total_of(sum, self.t);
        let value = crate::award::value_for(self.t, &self.cx.fmt, total, price, false);
        WhatIf {
            key: crate::award::key(self.t.award, total, value.map(|v| v.value)),
            total,
            price,
            leaves,
            bid,
            setup: self,
        }
    }

    /// The pool's standings with bid `i` replaced by `changed`, re-scoring the `dependent` leaves
    /// for every pool bid. `None` when the changed bid would no longer be ranked.
    pub(super) fn what_if(
        &self,
        i: usize,
        changed: &Bid,
        dependent: &[usize],
    ) -> Option<Vec<(usize, WhatIf<'_>)>> {
        self.what_if_prepared(i, prepare_at(&self.cx, changed, None), dependent)
    }

    /// [`Self::what_if`] with the changed bid already prepared (the price to win prepares it at
    /// the price it tries).
    pub(super) fn what_if_prepared(
        &self,
        i: usize,
        p: Prepared<'_>,
        dependent: &[usize],
    ) -> Option<Vec<(usize, WhatIf<'_>)>> {
        if p.status != Status::Ranked {
            return None;
        }
        let view = |j: usize| if j == i { &p } else { &self.prepared[j] };
        // The same comparison inputs as the evaluation, with the changed bid in its place.
        let mut field_map: Vec<Option<Field>> = vec![None; self.cx.leaves.len()];
        for &li in dependent {
            field_map[li] = evaluate::field(self.t, self.cx.leaves[li], &self.pool, &view);
        }
        // A change that puts one of the bid's own scores out of range leaves it unranked.
        if dependent.iter().any(|&li| {
            evaluate::score_leaf(&self.cx, li, &p, &field_map, true, false)
                .is_some_and(|r| r.code == evaluate::OUT_OF_RANGE)
        }) {
            return None;
        }
        let standings = self
            .pool
            .iter()
            .map(|&j| {
                let mut leaves = self.values[j].clone();
                for &li in dependent {
                    leaves[li] = score_criterion(&self.cx, li, view(j), &field_map, true, false)
                        .map(|r| official(r.score, self.t));
                }
                let price = view(j).price;
                (j, self.whole_standing(j, leaves, price))
            })
            .collect();
        self.thresholds(i, standings)
    }

    /// Group thresholds (spec §13) applied again to the changed bid `i`, whose new price or score
    /// can move a sub-total, compared as shown: `None` when it falls below one. Relative
    /// thresholds are not applied again: the bids they disqualified stay out, the others in.
    fn thresholds<'s>(
        &self,
        i: usize,
        standings: Vec<(usize, WhatIf<'s>)>,
    ) -> Option<Vec<(usize, WhatIf<'s>)>> {
        let me = &standings.iter().find(|(j, _)| *j == i)?.1;
        let below = self.cx.groups.iter().enumerate().any(|(gi, (g, _))| {
            g.threshold.is_some_and(|th| {
                crate::money::round(total_of(me.group(gi), self.t), 10) < th.marks
            })
        });
        (!below).then_some(standings)
    }

    /// Whether bid `i` ranks first, alone, in these standings.
    pub(super) fn first(&self, i: usize, standings: &[(usize, WhatIf)]) -> bool {
        let Some((_, me)) = standings.iter().find(|(j, _)| *j == i) else {
            return false;
        };
        standings
            .iter()
            .filter(|(j, _)| *j != i)
            .all(|(_, other)| compare(self.t, me, other) == Ordering::Less)
    }
}
