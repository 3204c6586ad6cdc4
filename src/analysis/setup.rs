//! What every analysis stands on: the official evaluation taken apart once, and a bid's
//! standing re-scored with some of its inputs changed ("what if").

use crate::context::{Ctx, Prepared};
use crate::evaluate::{self, fields, official, prepare_at, score_criterion, total_of};
use crate::model::*;
use crate::price::Field;
use crate::ranking::{compare, Standing};
use crate::result::{Evaluation, Status};
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// A bid's standing in a "what if": official figures with some criteria re-scored.
pub(super) struct WhatIf<'s> {
    key: Option<Decimal>,
    total: Decimal,
    price: Option<Decimal>,
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
        self.setup.cx.groups[g]
            .1
            .iter()
            .filter_map(|&i| self.leaves[i])
            .sum()
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

/// Everything the analyses share: the official evaluation, taken apart.
pub(super) struct Setup<'t> {
    pub(super) t: &'t Tender,
    pub(super) cx: Ctx<'t>,
    pub(super) prepared: Vec<Prepared<'t>>,
    /// Indexes of the ranked bids.
    pub(super) pool: Vec<usize>,
    /// Official per-leaf scores of every bid (same index as `cx.leaves`).
    pub(super) values: Vec<Vec<Option<Decimal>>>,
    pub(super) official: &'t Evaluation,
}

impl<'t> Setup<'t> {
    pub(super) fn new(t: &'t Tender, official: &'t Evaluation) -> Setup<'t> {
        let cx = Ctx::new(t);
        let prepared: Vec<Prepared> = t.bids.iter().map(|b| prepare_at(&cx, b, None)).collect();
        let pool = (0..t.bids.len())
            .filter(|&i| official.bids[i].status == Status::Ranked)
            .collect();
        let values = official
            .bids
            .iter()
            .map(|b| {
                let mut v = vec![None; cx.leaves.len()];
                for c in &b.criteria {
                    if let Some(li) = cx.ids.iter().position(|id| *id == c.id) {
                        v[li] = c.value;
                    }
                }
                v
            })
            .collect();
        Setup {
            t,
            cx,
            prepared,
            pool,
            values,
            official,
        }
    }

    /// Bid `bid`'s standing with these official leaf scores and price.
    fn standing<'s>(
        &'s self,
        bid: usize,
        leaves: Vec<Option<Decimal>>,
        price: Option<Decimal>,
    ) -> WhatIf<'s> {
        let sum: Decimal = leaves.iter().flatten().copied().sum();
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
                (j, self.standing(j, leaves, price))
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

    /// Leaves whose score depends on the price: the price criterion and social value as % of price.
    pub(super) fn price_dependent(&self) -> Vec<usize> {
        (0..self.cx.leaves.len())
            .filter(|&li| match &self.cx.leaves[li].kind {
                Kind::Price { .. } => true,
                Kind::Measures { scoring, .. } => {
                    matches!(scoring, SvScoring::RelativeToHighestPercent)
                }
                _ => false,
            })
            .collect()
    }

    /// The pool bids' exact fractions on every scored leaf (same index as `cx.leaves`; 0 for gates).
    pub(super) fn fractions(&self) -> Vec<Vec<Decimal>> {
        let f = fields(&self.cx, &self.prepared, &self.pool);
        self.pool
            .iter()
            .map(|&j| {
                (0..self.cx.leaves.len())
                    .map(|li| {
                        score_criterion(&self.cx, li, &self.prepared[j], &f, true, false)
                            .map(|r| r.fraction)
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fixture's tender, read from its file (inline, or the example it names); a tender in
    /// lots as each lot's tender, as the analysis takes it (spec §18).
    fn fixtures() -> Vec<(String, Tender)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<_> = std::fs::read_dir(root.join("tests/fixtures"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        files
            .into_iter()
            .flat_map(|path| {
                let fixture: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                let text = match &fixture["tender"] {
                    serde_json::Value::String(file) => {
                        std::fs::read_to_string(root.join(file)).unwrap()
                    }
                    tender => tender.to_string(),
                };
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                let t = crate::read(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
                if t.lots.is_empty() {
                    return vec![(name, t)];
                }
                let mut split = crate::lots::Split::new(&t);
                (0..t.lots.len())
                    .map(|k| (format!("{name}, lot {k}"), split.lot(k).clone()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn every_score_worked_out_without_words_is_the_score_with_them() {
        for (name, t) in fixtures() {
            let cx = Ctx::new(&t);
            let prepared: Vec<Prepared> = t.bids.iter().map(|b| prepare_at(&cx, b, None)).collect();
            let pool: Vec<usize> = (0..t.bids.len())
                .filter(|&i| prepared[i].status == Status::Ranked)
                .collect();
            let f = fields(&cx, &prepared, &pool);
            for (i, p) in prepared.iter().enumerate() {
                for li in 0..cx.leaves.len() {
                    let in_pool = pool.contains(&i);
                    let full = evaluate::score_leaf(&cx, li, p, &f, in_pool, true);
                    let bare = evaluate::score_leaf(&cx, li, p, &f, in_pool, false);
                    assert_eq!(
                        full.as_ref().map(|r| (r.score, r.fraction, r.code)),
                        bare.as_ref().map(|r| (r.score, r.fraction, r.code)),
                        "{name}: bid {i}, leaf {li}"
                    );
                    assert!(
                        bare.is_none_or(|r| r.working.is_empty() && r.input.is_empty()),
                        "{name}: bid {i}, leaf {li} wrote words"
                    );
                }
            }
        }
    }

    #[test]
    fn every_bid_tried_unchanged_scores_exactly_as_the_evaluation_did() {
        for (name, t) in fixtures() {
            let official = crate::evaluate::evaluate(&t);
            let setup = Setup::new(&t, &official);
            let every_leaf: Vec<usize> = (0..setup.cx.leaves.len()).collect();
            for &i in &setup.pool {
                let tried = setup
                    .what_if(i, &t.bids[i], &every_leaf)
                    .unwrap_or_else(|| panic!("{name}: bid {i} tried unchanged is out"));
                assert_eq!(tried.len(), setup.pool.len(), "{name}");
                for (j, w) in tried {
                    let b = &official.bids[j];
                    let at = format!("{name}: bid {j} with bid {i} tried");
                    assert_eq!(w.total, b.total_value, "{at}");
                    assert_eq!(w.key, b.key_value, "{at}");
                    assert_eq!(w.price, b.price_value, "{at}");
                    for c in &b.criteria {
                        assert_eq!(w.score_on(&c.id), c.value.unwrap_or_default(), "{at}");
                    }
                    for g in &b.groups {
                        assert_eq!(w.score_on(&g.id), g.value, "{at}: group {}", g.id);
                    }
                }
            }
        }
    }

    #[test]
    fn a_bid_tried_unchanged_scores_exactly_as_the_evaluation_did() {
        // Social value as a percentage of price: the best percentage must come from its parts, as
        // the evaluation takes it; from two rounded percentages bid a got 31.50, not 31.51.
        let fixture: serde_json::Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/regression-sv-percent-rounded-twice.json"
        ))
        .unwrap();
        let mut tender = fixture["tender"].clone();
        tender["bids"][0]["commitments"]["m"] = "6600".into();
        let t = crate::read(&tender.to_string()).unwrap();
        let official = crate::evaluate::evaluate(&t);
        let setup = Setup::new(&t, &official);
        let every_leaf: Vec<usize> = (0..setup.cx.leaves.len()).collect();
        for i in 0..t.bids.len() {
            let tried = setup.what_if(i, &t.bids[i], &every_leaf).unwrap();
            for (j, w) in tried {
                assert_eq!(
                    w.total, official.bids[j].total_value,
                    "bid {j} with bid {i} tried"
                );
            }
        }
    }
}
