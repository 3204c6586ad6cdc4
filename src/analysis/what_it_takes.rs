//! What it takes: for each ranked bid that is not first, the smallest change on one criterion
//! (a score, a value, a social value commitment) that would make it win.

use super::setup::{Baseline, Setup};
use super::Takers;
use crate::evaluate::prepare_at;
use crate::model::*;
use crate::money::{self, Plain};
use crate::text::Params;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WhatItTakes {
    pub bid: String,
    pub supplier: String,
    /// One line per scored criterion and per social value measure.
    pub options: Vec<Improvement>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Improvement {
    /// `score` or `commitment`.
    pub kind: &'static str,
    /// The message's code (`score-to-win`, `score-cannot-win`, `commitment-to-win`,
    /// `commitment-cannot-win`) and parameters, for rendering it in another language.
    pub code: &'static str,
    pub params: Params,
    pub criterion: String,
    pub measure: Option<String>,
    /// The current value, exact.
    pub from: String,
    /// The current value as displayed (a mean of 3, 3 and 2 is "≈2.67").
    pub from_display: String,
    /// The smallest value that makes the bid first; `null` when no value on its own would.
    pub to: Option<String>,
    pub message: String,
}

impl Setup<'_> {
    pub(super) fn what_it_takes(&self, takers: &Takers) -> Vec<WhatItTakes> {
        let Some(winner) = self.official.ranking.first() else {
            return vec![];
        };
        if matches!(takers, Takers::NoBid) {
            return vec![];
        }
        let asked = |id: &String| match takers {
            Takers::Bid(one) => id == one,
            _ => true,
        };
        let fmt = &self.cx.fmt;
        // The standings every search starts from, worked out once: per leaf, a scored
        // criterion's, or one per measure of a measures criterion.
        let mut bases: Vec<Vec<Baseline>> = Vec::with_capacity(self.cx.leaves.len());
        for (li, c) in self.cx.leaves.iter().enumerate() {
            let mut of_leaf = Vec::new();
            match &c.kind {
                Kind::Scored { .. } => of_leaf.push(self.baseline(vec![li])),
                Kind::Measures { measures, .. } => {
                    for m in measures {
                        of_leaf.push(self.baseline(self.measure_dependent(m)));
                    }
                }
                _ => {}
            }
            bases.push(of_leaf);
        }
        self.pool
            .iter()
            .filter(|&&i| &self.t.bids[i].id != winner && asked(&self.t.bids[i].id))
            .map(|&i| {
                let bid = &self.t.bids[i];
                let mut options = Vec::new();
                // One copy of the bid for all its score searches: each sets one moderated score
                // and puts the marking back.
                let mut changed = bid.clone();
                for (li, c) in self.cx.leaves.iter().enumerate() {
                    match &c.kind {
                        Kind::Scored { scale, .. } => {
                            let Some(now) = &self.prepared[i].aggregates[li] else {
                                continue;
                            };
                            let now = now.value;
                            if now >= scale.top() {
                                continue;
                            }
                            let Some(base) = bases[li].first() else {
                                continue;
                            };
                            // A higher score never lowers the bid's standing, so the lowest
                            // winning point is found by halving, never by listing the scale.
                            // Each try sets the moderated score.
                            // (An aggregate comes from the bid's marking, so there is one.)
                            let Some(kept) = changed.scores.get(&c.id).cloned() else {
                                continue;
                            };
                            let frame = self.frame(i, base);
                            let found = lowest_point_above(scale, now, &mut |v| {
                                if let Some(m) = changed.scores.get_mut(&c.id) {
                                    m.moderated = Some(v);
                                }
                                self.wins(i, &prepare_at(&self.cx, &changed, None), base, &frame)
                            });
                            if let Some(m) = changed.scores.get_mut(&c.id) {
                                *m = kept;
                            }
                            let params = Params::new()
                                .with("criterion", &c.id)
                                .with("name", &c.name)
                                .with("from", Plain(now));
                            options.push(Improvement {
                                kind: "score",
                                code: if found.is_some() {
                                    "score-to-win"
                                } else {
                                    "score-cannot-win"
                                },
                                params: match found {
                                    Some(v) => params.with("to", Plain(v)),
                                    None => params,
                                },
                                criterion: c.id.clone(),
                                measure: None,
                                from: Plain(now).to_string(),
                                from_display: crate::money::Approx(now, 2).to_string(),
                                to: found.map(|v| Plain(v).to_string()),
                                message: match found {
                                    Some(v) => format!(
                                        "a score of {} on \"{}\" (now {}) would rank it first",
                                        Plain(v),
                                        c.name,
                                        crate::money::Approx(now, 2)
                                    ),
                                    None => format!(
                                        "even full marks on \"{}\" would not rank it first on their own",
                                        c.name
                                    ),
                                },
                            });
                        }
                        Kind::Measures { measures: ms, .. } => {
                            for (mid, base) in ms.iter().zip(&bases[li]) {
                                options.push(self.commitment_to_win(i, li, mid, base, fmt));
                            }
                        }
                        _ => {}
                    }
                }
                WhatItTakes {
                    bid: bid.id.clone(),
                    supplier: bid.supplier.clone(),
                    options,
                }
            })
            .collect()
    }

    /// The smallest commitment to one measure (to 0.01 of its unit) that ranks bid `i` first.
    pub(super) fn commitment_to_win(
        &self,
        i: usize,
        li: usize,
        measure: &str,
        base: &Baseline,
        fmt: &crate::context::Fmt,
    ) -> Improvement {
        let bid = &self.t.bids[i];
        let c = self.cx.leaves[li];
        let m = self.t.measures.iter().find(|m| m.id == measure);
        let unit = m.map(|m| m.unit.as_str()).unwrap_or("");
        let now = bid.commitments.get(measure).copied().unwrap_or_default();
        // One copy of the bid for the whole search: each try sets its commitment.
        let mut changed = bid.clone();
        changed.commitments.insert(measure.to_string(), now);
        let frame = self.frame(i, base);
        let mut wins = |q: Decimal| {
            if let Some(c) = changed.commitments.get_mut(measure) {
                *c = q;
            }
            self.wins(i, &prepare_at(&self.cx, &changed, None), base, &frame)
        };
        let hundredth = Decimal::new(1, 2);
        let highest_sv = self
            .pool
            .iter()
            .filter_map(|&j| self.prepared[j].sv.get(c.id.as_str()).copied())
            .max()
            .unwrap_or_default();
        let proxy = m.map(|m| m.proxy).unwrap_or_default();
        // Search up to the quantity that would give 100 times the highest social value offered.
        // No further than the largest quantity a file may hold (10^12): beyond it the search's
        // figures (social value of 10^24 over a proxy of 10^-10) would not fit an exact decimal.
        let most = Decimal::from(1_000_000_000_000u64);
        let cap = if proxy.is_zero() {
            now
        } else {
            money::mul_div(highest_sv.max(Decimal::ONE), Decimal::ONE_HUNDRED, proxy)
                .map_or(most, |x| money::ceil(x).min(most))
        };
        let found = if proxy.is_zero() || !wins(cap.max(now)) {
            None
        } else {
            let (mut lo, mut hi) = (
                money::floor(now / hundredth),
                money::ceil(cap.max(now) / hundredth),
            );
            while money::minus(hi, lo) > Decimal::ONE {
                let mid = money::floor(money::plus(lo, hi) / Decimal::TWO);
                if wins(money::times(mid, hundredth)) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            Some(money::times(hi, hundredth))
        };
        let name = m.map(|m| m.name.as_str()).unwrap_or(measure);
        let params = Params::new()
            .with("criterion", &c.id)
            .with("measure", measure)
            .with("name", name)
            .with("unit", unit)
            .with("from", Plain(now));
        Improvement {
            kind: "commitment",
            code: if found.is_some() {
                "commitment-to-win"
            } else {
                "commitment-cannot-win"
            },
            params: match found {
                Some(q) => params
                    .with("to", Plain(q))
                    .with("socialValue", Plain(money::times(q, proxy))),
                None => params,
            },
            criterion: c.id.clone(),
            measure: Some(measure.to_string()),
            from: Plain(now).to_string(),
            from_display: Plain(crate::money::round(now, 2)).to_string(),
            to: found.map(|q| Plain(q).to_string()),
            message: match found {
                Some(q) => format!(
                    "committing {} {unit} of \"{name}\" (now {}; {} of social value) would rank it first",
                    Plain(q),
                    Plain(now),
                    fmt.money(money::times(q, proxy))
                ),
                None => format!("more \"{name}\" alone would not rank it first"),
            },
        }
    }
}

impl Setup<'_> {
    /// The leaves a commitment to `measure` moves: every measures criterion naming it.
    fn measure_dependent(&self, measure: &str) -> Vec<usize> {
        (0..self.cx.leaves.len())
            .filter(|&l| {
                matches!(&self.cx.leaves[l].kind, Kind::Measures { measures, .. } if measures.iter().any(|x| x == measure))
            })
            .collect()
    }
}

/// The lowest point of `scale` above `now` at which `wins` holds, for a `wins` that once true stays
/// true for every higher point; `None` when not even the top wins. Halves the points in between
/// rather than listing them: a range of 0 to 10^12 in steps of 10^-10 has 10^22 points. For a
/// range the points are `from + k × step`, with `k` at most (to − from) ÷ step ≤ 10^22, so every
/// figure here fits an exact decimal.
fn lowest_point_above(
    scale: &Scale,
    now: Decimal,
    wins: &mut dyn FnMut(Decimal) -> bool,
) -> Option<Decimal> {
    // The candidates as positions lo..=hi, with the point at each position.
    let (mut lo, mut hi, point): (Decimal, Decimal, Box<dyn Fn(Decimal) -> Decimal + '_>) =
        match &scale.points {
            ScalePoints::Points(p) => {
                let first = p.partition_point(|q| q.value <= now);
                let at = move |k: Decimal| {
                    let k = rust_decimal::prelude::ToPrimitive::to_usize(&k).unwrap_or(0);
                    p.get(k).map(|q| q.value).unwrap_or_default()
                };
                (
                    Decimal::from(first as u64),
                    money::minus(Decimal::from(p.len() as u64), Decimal::ONE),
                    Box::new(at),
                )
            }
            ScalePoints::Range { from, to, step } => {
                let lo = if now < *from {
                    Decimal::ZERO
                } else {
                    money::plus(money::floor(money::minus(now, *from) / *step), Decimal::ONE)
                };
                let at = move |k: Decimal| money::plus(*from, money::times(k, *step));
                (
                    lo,
                    money::floor(money::minus(*to, *from) / *step),
                    Box::new(at),
                )
            }
        };
    if lo > hi || !wins(point(hi)) {
        return None;
    }
    // Invariant: the point at `hi` wins; no point before `lo` does.
    while lo < hi {
        let mid = money::floor(money::plus(lo, hi) / Decimal::TWO);
        if wins(point(mid)) {
            hi = mid;
        } else {
            lo = money::plus(mid, Decimal::ONE);
        }
    }
    Some(point(hi))
}

crate::json::json_object!(WhatItTakes {
    "bid": bid,
    "supplier": supplier,
    "options": options,
});

crate::json::json_object!(Improvement {
    "kind": kind,
    "code": code,
    "params": params,
    "criterion": criterion,
    "measure": measure,
    "from": from,
    "fromDisplay": from_display,
    "to": to,
    "message": message,
});
