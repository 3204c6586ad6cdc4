//! "What if" and robustness (spec §10): price to win, what it takes, weight stability and rank
//! acceptability (SMAA-2). None of it changes the official result.
//!
//! Price to win and what it takes re-score exactly (decimals, the tender's rounding and tie rules),
//! changing one input of one bid at a time. Weight stability is exact too: totals are linear in the
//! marks, so the share at which the winner changes is the root of a linear equation. Only rank
//! acceptability samples, with `f64` and a seed.

use crate::evaluate::{self, fields, official, prepare, score_criterion, total_of, Ctx, Prepared};
use crate::model::*;
use crate::money::{fixed, Plain};
use crate::price::Field;
use crate::ranking::{compare, Standing};
use crate::result::{Evaluation, Status};
use crate::text::Params;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The analysis format written by this engine.
pub const ANALYSIS_FORMAT: &str = "bidscore-analysis/1";

/// What to analyse.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Rank acceptability settings; `None` skips the sampling.
    pub smaa: Option<SmaaOptions>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            smaa: Some(SmaaOptions::default()),
        }
    }
}

/// Settings of the rank acceptability analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct SmaaOptions {
    /// Number of samples (10,000 gives a 95% margin of about ±1 percentage point).
    pub samples: u32,
    pub seed: u64,
    pub weights: WeightModel,
    /// Draw each scored criterion's score from the individual evaluators' scores.
    pub score_uncertainty: bool,
}

impl Default for SmaaOptions {
    fn default() -> Self {
        SmaaOptions {
            samples: 10_000,
            seed: 1,
            weights: WeightModel::Simplex,
            score_uncertainty: true,
        }
    }
}

/// Which weights the sampling considers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WeightModel {
    /// Any weights at all: uniform on the simplex (no preference information).
    Simplex,
    /// Each published weight moved by up to ± this fraction of itself (0.2 = ±20%), then rescaled
    /// to the same total.
    Tolerance(f64),
    /// Any weights that keep the published order of importance (by marks; equal marks in file
    /// order): uniform on the simplex, sorted, assigned in that order.
    Ranking,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    pub format: &'static str,
    /// The official winner, if any bid is ranked.
    pub winner: Option<String>,
    pub price_to_win: Vec<PriceToWin>,
    pub what_it_takes: Vec<WhatItTakes>,
    pub weight_stability: Vec<WeightInterval>,
    pub rank_acceptability: Option<Acceptability>,
}

/// How a bid's price relates to winning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PriceOutcome {
    /// The leader: it would still win up to `priceToWin`.
    Headroom,
    /// It wins if it cuts its price to `priceToWin` or less.
    Undercut,
    /// It wins at every price up to the search limit (`limit`).
    AnyPrice,
    /// No positive price makes it first.
    CannotWin,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PriceToWin {
    pub bid: String,
    pub supplier: String,
    pub price: String,
    pub outcome: PriceOutcome,
    /// The highest price (to the penny) at which the bid ranks first.
    pub price_to_win: Option<String>,
    /// price to win − price.
    pub change: Option<String>,
    /// The highest price searched.
    pub limit: String,
    pub message: String,
    pub params: Params,
}

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

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WeightInterval {
    pub id: String,
    pub name: String,
    /// `group` (top level) or `criterion`.
    pub kind: &'static str,
    /// Current share of the marks, in percent.
    pub share: String,
    /// The winner stays the same for shares strictly between `low` and `high` (percent).
    pub low: String,
    pub high: String,
    /// The rival that takes over below `low` / above `high` (`null` at 0% / 100%).
    pub rival_below: Option<String>,
    pub rival_above: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Acceptability {
    pub samples: u32,
    pub seed: u64,
    pub weights: &'static str,
    /// Criterion ids, in the order of every `centralWeights` vector.
    pub criteria: Vec<String>,
    pub bids: Vec<BidAcceptability>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BidAcceptability {
    pub bid: String,
    pub supplier: String,
    /// Share of samples (0–1) in which the bid takes rank 1, 2, …
    #[serde(serialize_with = "shares")]
    pub ranks: Vec<f64>,
    /// Mean weights (shares summing to 1) of the samples in which the bid ranks first; `null` if never.
    #[serde(serialize_with = "optional_shares")]
    pub central_weights: Option<Vec<f64>>,
    /// Share of score draws in which the bid ranks first under its central weights.
    #[serde(serialize_with = "optional_share")]
    pub confidence: Option<f64>,
}

/// A share (already rounded to 4 places) as a JSON number, written from its decimal digits: the
/// WebAssembly build then carries no floating-point formatter.
fn share_number(x: f64) -> serde_json::Number {
    let d = Decimal::from_f64_retain(x)
        .map(|d| crate::money::round(d, 4))
        .unwrap_or_default();
    Plain(d)
        .to_string()
        .parse()
        .unwrap_or_else(|_| serde_json::Number::from(0))
}

fn shares<S: serde::Serializer>(v: &[f64], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().map(|&x| share_number(x)))
}

fn optional_shares<S: serde::Serializer>(v: &Option<Vec<f64>>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => shares(v, s),
        None => s.serialize_none(),
    }
}

fn optional_share<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) => share_number(*x).serialize(s),
        None => s.serialize_none(),
    }
}

/// Analyses a validated tender.
pub fn analyse(t: &Tender, options: &Options) -> Analysis {
    let official = evaluate::evaluate(t);
    let s = Setup::new(t, &official);
    let winner = official.ranking.first().cloned();
    let linear = t.award == AwardMethod::WeightedSum;
    Analysis {
        format: ANALYSIS_FORMAT,
        winner,
        price_to_win: s.price_to_win(),
        what_it_takes: s.what_it_takes(),
        // Both rest on totals that are linear in the weights: the weighted sum only.
        weight_stability: if linear { s.weight_stability() } else { vec![] },
        rank_acceptability: options
            .smaa
            .as_ref()
            .filter(|_| linear)
            .and_then(|o| s.acceptability(o)),
    }
}

/// A bid's standing in a "what if": official figures with some criteria re-scored.
#[derive(Debug, Clone)]
struct WhatIf {
    key: Option<Decimal>,
    total: Decimal,
    price: Option<Decimal>,
    /// Official score per group (same index as `Ctx::groups`) and per leaf.
    groups: Vec<Decimal>,
    leaves: Vec<Option<Decimal>>,
    ids: std::rc::Rc<Vec<String>>,
    group_ids: std::rc::Rc<Vec<String>>,
}

impl Standing for WhatIf {
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
        if let Some(g) = self.group_ids.iter().position(|g| g == id) {
            return self.groups[g];
        }
        self.ids
            .iter()
            .position(|c| c == id)
            .and_then(|i| self.leaves[i])
            .unwrap_or_default()
    }
}

/// Everything the analyses share: the official evaluation, taken apart.
struct Setup<'t> {
    t: &'t Tender,
    cx: Ctx<'t>,
    prepared: Vec<Prepared<'t>>,
    /// Indexes of the ranked bids.
    pool: Vec<usize>,
    /// Official per-leaf scores of every bid (same index as `cx.leaves`).
    values: Vec<Vec<Option<Decimal>>>,
    official: &'t Evaluation,
    ids: std::rc::Rc<Vec<String>>,
    group_ids: std::rc::Rc<Vec<String>>,
}

impl<'t> Setup<'t> {
    fn new(t: &'t Tender, official: &'t Evaluation) -> Setup<'t> {
        let cx = Ctx::new(t);
        let prepared: Vec<Prepared> = t.bids.iter().map(|b| prepare(&cx, b)).collect();
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
        let ids = std::rc::Rc::new(cx.leaves.iter().map(|c| c.id.clone()).collect());
        let group_ids = std::rc::Rc::new(cx.groups.iter().map(|(g, _)| g.id.clone()).collect());
        Setup {
            t,
            cx,
            prepared,
            pool,
            values,
            official,
            ids,
            group_ids,
        }
    }

    fn standing(&self, leaves: Vec<Option<Decimal>>, price: Option<Decimal>) -> WhatIf {
        let sum: Decimal = leaves.iter().flatten().copied().sum();
        let groups = self
            .cx
            .groups
            .iter()
            .map(|(_, idx)| idx.iter().filter_map(|&i| leaves[i]).sum())
            .collect();
        let total = total_of(sum, self.t);
        let value = crate::award::value_for(self.t, &self.cx.fmt, total, price);
        WhatIf {
            key: crate::award::key(self.t.award, total, value.map(|v| v.value)),
            total,
            price,
            groups,
            leaves,
            ids: self.ids.clone(),
            group_ids: self.group_ids.clone(),
        }
    }

    /// The pool's standings with bid `i` replaced by `changed`, re-scoring the `dependent` leaves
    /// for every pool bid. `None` when the changed bid would no longer be ranked.
    fn what_if(
        &self,
        i: usize,
        changed: &Bid,
        dependent: &[usize],
    ) -> Option<Vec<(usize, WhatIf)>> {
        let p = prepare(&self.cx, changed);
        if p.status != Status::Ranked {
            return None;
        }
        let view = |j: usize| if j == i { &p } else { &self.prepared[j] };
        // The same comparison inputs as the evaluation, with the changed bid in its place.
        let field_map: BTreeMap<&str, Field> =
            crate::sorting::map_of(dependent.iter().map(|&li| self.cx.leaves[li]).filter_map(
                |c| {
                    Some((
                        c.id.as_str(),
                        evaluate::field(self.t, c, &self.pool, &view)?,
                    ))
                },
            ));
        // A change that puts one of the bid's own scores out of range leaves it unranked.
        if dependent.iter().any(|&li| {
            evaluate::score_leaf(&self.cx, li, &p, &field_map, true)
                .is_some_and(|r| r.code == evaluate::OUT_OF_RANGE)
        }) {
            return None;
        }
        Some(
            self.pool
                .iter()
                .map(|&j| {
                    let mut leaves = self.values[j].clone();
                    for &li in dependent {
                        leaves[li] = score_criterion(&self.cx, li, view(j), &field_map, true)
                            .map(|r| official(r.score, self.t));
                    }
                    let price = view(j).bid.price;
                    (j, self.standing(leaves, price))
                })
                .collect(),
        )
    }

    /// Whether bid `i` ranks first, alone, in these standings.
    fn first(&self, i: usize, standings: &[(usize, WhatIf)]) -> bool {
        let Some((_, me)) = standings.iter().find(|(j, _)| *j == i) else {
            return false;
        };
        standings
            .iter()
            .filter(|(j, _)| *j != i)
            .all(|(_, other)| compare(self.t, me, other) == Ordering::Less)
    }

    /// Leaves whose score depends on the price: the price criterion and social value as % of price.
    fn price_dependent(&self) -> Vec<usize> {
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

    fn price_to_win(&self) -> Vec<PriceToWin> {
        let Some(price_leaf) = self
            .cx
            .leaves
            .iter()
            .position(|c| matches!(c.kind, Kind::Price { .. }))
        else {
            return vec![];
        };
        let dependent = self.price_dependent();
        let highest = self
            .pool
            .iter()
            .filter_map(|&j| self.t.bids[j].price)
            .max()
            .unwrap_or(Decimal::ONE);
        let (limit, limit_is_ceiling) = match &self.cx.leaves[price_leaf].kind {
            Kind::Price {
                ceiling:
                    Some(Ceiling {
                        amount,
                        above: AboveCeiling::Disqualify,
                    }),
                ..
            } => (*amount, true),
            _ => (highest * Decimal::TEN, false),
        };
        let cent = Decimal::new(1, 2);
        let fmt = &self.cx.fmt;
        self.pool
            .iter()
            .filter_map(|&i| {
                let bid = &self.t.bids[i];
                let price = bid.price?;
                let wins = |p: Decimal| -> bool {
                    let changed = Bid {
                        price: Some(p),
                        ..bid.clone()
                    };
                    self.what_if(i, &changed, &dependent)
                        .is_some_and(|s| self.first(i, &s))
                };
                // Whole pence from 1p to the limit; winning is monotone in the price (a lower
                // price never lowers a bid's own score nor raises a rival's).
                // At least one penny: the search never tries a price of zero.
                let top = (limit / cent).floor().max(Decimal::ONE);
                let (outcome, best) = if !wins(cent) {
                    (PriceOutcome::CannotWin, None)
                } else if wins(top * cent) {
                    (PriceOutcome::AnyPrice, None)
                } else {
                    let (mut lo, mut hi) = (Decimal::ONE, top);
                    while hi - lo > Decimal::ONE {
                        let mid = ((lo + hi) / Decimal::TWO).floor();
                        if wins(mid * cent) {
                            lo = mid;
                        } else {
                            hi = mid;
                        }
                    }
                    let best = lo * cent;
                    let outcome = if best >= price {
                        PriceOutcome::Headroom
                    } else {
                        PriceOutcome::Undercut
                    };
                    (outcome, Some(best))
                };
                let params = Params::new()
                    .with("bid", &bid.id)
                    .with("price", Plain(price))
                    .with("limit", Plain(limit));
                let params = match best {
                    Some(b) => params.with("priceToWin", Plain(b)),
                    None => params,
                };
                let message = match (outcome, best) {
                    (PriceOutcome::Headroom, Some(b)) => format!(
                        "{} ranks first and would still rank first at any price up to {} ({} more)",
                        bid.supplier,
                        fmt.money(b),
                        fmt.money(b - price)
                    ),
                    (PriceOutcome::Undercut, Some(b)) => format!(
                        "{} would rank first at a price of {} or less ({} lower)",
                        bid.supplier,
                        fmt.money(b),
                        fmt.money(price - b)
                    ),
                    (PriceOutcome::AnyPrice, _) if limit_is_ceiling => format!(
                        "{} ranks first at any price up to the ceiling of {}",
                        bid.supplier,
                        fmt.money(limit)
                    ),
                    (PriceOutcome::AnyPrice, _) => format!(
                        "{} ranks first at any price up to {} (ten times the highest bid)",
                        bid.supplier,
                        fmt.money(limit)
                    ),
                    _ => format!(
                        "{} cannot rank first on price alone: even at 1p the others stay ahead",
                        bid.supplier
                    ),
                };
                Some(PriceToWin {
                    bid: bid.id.clone(),
                    supplier: bid.supplier.clone(),
                    price: fixed(price, 2),
                    outcome,
                    price_to_win: best.map(|b| fixed(b, 2)),
                    change: best.map(|b| fixed(b - price, 2)),
                    limit: fixed(limit, 2),
                    message,
                    params,
                })
            })
            .collect()
    }

    fn what_it_takes(&self) -> Vec<WhatItTakes> {
        let Some(winner) = self.official.ranking.first() else {
            return vec![];
        };
        let fmt = &self.cx.fmt;
        self.pool
            .iter()
            .filter(|&&i| &self.t.bids[i].id != winner)
            .map(|&i| {
                let bid = &self.t.bids[i];
                let mut options = Vec::new();
                for (li, c) in self.cx.leaves.iter().enumerate() {
                    match &c.kind {
                        Kind::Scored { scale, .. } => {
                            let Some(now) = self.prepared[i].aggregates.get(c.id.as_str()) else {
                                continue;
                            };
                            let now = now.value;
                            if now >= scale.top() {
                                continue;
                            }
                            // A higher score never lowers the bid's standing, so the lowest
                            // winning point is found by halving, never by listing the scale.
                            let found = lowest_point_above(scale, now, |v| {
                                let mut changed = bid.clone();
                                let mut m = changed.scores.get(&c.id).cloned().unwrap_or_default();
                                m.moderated = Some(v);
                                changed.scores.insert(c.id.clone(), m);
                                self.what_if(i, &changed, &[li])
                                    .is_some_and(|s| self.first(i, &s))
                            });
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
                        Kind::Measures { measures, .. } => {
                            for mid in measures {
                                options.push(self.commitment_to_win(i, li, mid, fmt));
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
    fn commitment_to_win(
        &self,
        i: usize,
        li: usize,
        measure: &str,
        fmt: &evaluate::Fmt,
    ) -> Improvement {
        let bid = &self.t.bids[i];
        let c = self.cx.leaves[li];
        let m = self.t.measures.iter().find(|m| m.id == measure);
        let unit = m.map(|m| m.unit.as_str()).unwrap_or("");
        let now = bid.commitments.get(measure).copied().unwrap_or_default();
        // Every measures criterion naming this measure changes with it.
        let dependent: Vec<usize> = (0..self.cx.leaves.len())
            .filter(|&l| {
                matches!(&self.cx.leaves[l].kind, Kind::Measures { measures, .. } if measures.iter().any(|x| x == measure))
            })
            .collect();
        let wins = |q: Decimal| {
            let mut changed = bid.clone();
            changed.commitments.insert(measure.to_string(), q);
            self.what_if(i, &changed, &dependent)
                .is_some_and(|s| self.first(i, &s))
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
            highest_sv
                .max(Decimal::ONE)
                .checked_mul(Decimal::ONE_HUNDRED)
                .and_then(|x| x.checked_div(proxy))
                .map_or(most, |x| x.ceil().min(most))
        };
        let found = if proxy.is_zero() || !wins(cap.max(now)) {
            None
        } else {
            let (mut lo, mut hi) = ((now / hundredth).floor(), (cap.max(now) / hundredth).ceil());
            while hi - lo > Decimal::ONE {
                let mid = ((lo + hi) / Decimal::TWO).floor();
                if wins(mid * hundredth) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            Some(hi * hundredth)
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
                    .with("socialValue", Plain(q * proxy)),
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
                    fmt.money(q * proxy)
                ),
                None => format!("more \"{name}\" alone would not rank it first"),
            },
        }
    }

    /// The pool bids' exact fractions on every scored leaf (same index as `cx.leaves`; 0 for gates).
    fn fractions(&self) -> Vec<Vec<Decimal>> {
        let f = fields(&self.cx, &self.prepared, &self.pool);
        self.pool
            .iter()
            .map(|&j| {
                (0..self.cx.leaves.len())
                    .map(|li| {
                        score_criterion(&self.cx, li, &self.prepared[j], &f, true)
                            .map(|r| r.fraction)
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .collect()
    }

    fn weight_stability(&self) -> Vec<WeightInterval> {
        let Some(winner) = self.official.ranking.first() else {
            return vec![];
        };
        if self.pool.len() < 2 {
            return vec![];
        }
        let w = self
            .pool
            .iter()
            .position(|&j| &self.t.bids[j].id == winner)
            .unwrap_or(0);
        let fractions = self.fractions();
        let total = self.t.max_total();
        let marks: Vec<Decimal> = self.cx.leaves.iter().map(|c| c.marks).collect();
        // Items: each top-level group, then each leaf with marks.
        let mut items: Vec<(String, String, &'static str, Vec<usize>)> = Vec::new();
        for n in &self.t.criteria {
            if let Node::Group(g) = n {
                let idx = self
                    .cx
                    .groups
                    .iter()
                    .find(|(x, _)| x.id == g.id)
                    .map(|(_, idx)| idx.clone())
                    .unwrap_or_default();
                items.push((g.id.clone(), g.name.clone(), "group", idx));
            }
        }
        for (li, c) in self.cx.leaves.iter().enumerate() {
            if c.kind != Kind::PassFail && !c.marks.is_zero() {
                items.push((c.id.clone(), c.name.clone(), "criterion", vec![li]));
            }
        }
        let pct = |x: Decimal| fixed(x * Decimal::ONE_HUNDRED, 2);
        items
            .into_iter()
            .filter_map(|(id, name, kind, idx)| {
                let mk: Decimal = idx.iter().map(|&li| marks[li]).sum();
                if mk.is_zero() || mk >= total {
                    return None;
                }
                // T_b(x) ∝ x·F_b + (1 − x)·R_b, with F the item's fraction and R the rest's.
                let part = |b: usize, inside: bool| -> Decimal {
                    (0..marks.len())
                        .filter(|li| idx.contains(li) == inside)
                        .map(|li| marks[li] * fractions[b][li])
                        .sum()
                };
                // Fractions of at most `price::RATIO_LIMIT`, but marks as small as 10^-10 can
                // still divide them out of range: such an item has no interval to show.
                let fr = |b: usize| {
                    Some((
                        part(b, true).checked_div(mk)?,
                        part(b, false).checked_div(total - mk)?,
                    ))
                };
                let (fw, rw) = fr(w)?;
                let (mut low, mut high) = (Decimal::ZERO, Decimal::ONE);
                let (mut below, mut above) = (None, None);
                for b in 0..self.pool.len() {
                    if b == w {
                        continue;
                    }
                    let (fb, rb) = fr(b)?;
                    let a = rw.checked_sub(rb)?;
                    let slope = fw.checked_sub(fb)?.checked_sub(a)?;
                    if slope.is_zero() {
                        continue;
                    }
                    // A root too large to hold lies far outside 0..1: it moves neither end.
                    let Some(root) = (-a).checked_div(slope) else {
                        continue;
                    };
                    let rival = Some(self.t.bids[self.pool[b]].id.clone());
                    if slope > Decimal::ZERO && root > low {
                        low = root.min(Decimal::ONE);
                        below = rival;
                    } else if slope < Decimal::ZERO && root < high {
                        high = root.max(Decimal::ZERO);
                        above = rival;
                    }
                }
                Some(WeightInterval {
                    id,
                    name,
                    kind,
                    share: pct(mk / total),
                    low: pct(low),
                    high: pct(high),
                    rival_below: below,
                    rival_above: above,
                })
            })
            .collect()
    }

    fn acceptability(&self, o: &SmaaOptions) -> Option<Acceptability> {
        let mut run = self.smaa_run(o)?;
        run.step(o.samples);
        Some(run.result())
    }

    /// A rank acceptability run, ready to sample; `None` without ranked bids.
    fn smaa_run(&self, o: &SmaaOptions) -> Option<SmaaRun> {
        if self.pool.is_empty() {
            return None;
        }
        let fractions = self.fractions();
        let leaves: Vec<usize> = (0..self.cx.leaves.len())
            .filter(|&li| {
                self.cx.leaves[li].kind != Kind::PassFail && !self.cx.leaves[li].marks.is_zero()
            })
            .collect();
        let to_f = |d: Decimal| d.to_f64().unwrap_or(0.0);
        // For each pool bid and leaf, the fractions a sample may draw from (one when certain).
        let cells: Vec<Vec<Vec<f64>>> = self
            .pool
            .iter()
            .enumerate()
            .map(|(b, &j)| {
                leaves
                    .iter()
                    .map(|&li| {
                        let c = self.cx.leaves[li];
                        let marking = self.t.bids[j].scores.get(&c.id);
                        match (&c.kind, marking, o.score_uncertainty) {
                            (Kind::Scored { scale, .. }, Some(m), true)
                                if m.evaluators.len() > 1 =>
                            {
                                let top = to_f(scale.top());
                                m.evaluators.iter().map(|(_, s)| to_f(*s) / top).collect()
                            }
                            _ => vec![to_f(fractions[b][li])],
                        }
                    })
                    .collect()
            })
            .collect();
        let published: Vec<f64> = leaves
            .iter()
            .map(|&li| to_f(self.cx.leaves[li].marks))
            .collect();
        let sum_pub: f64 = published.iter().sum();
        let published: Vec<f64> = published.iter().map(|w| w / sum_pub).collect();
        // Order of importance for the ranking model: by marks, ties in file order.
        let mut order: Vec<usize> = (0..leaves.len()).collect();
        crate::sorting::sort(&mut order, &|&a, &b| {
            published[b]
                .partial_cmp(&published[a])
                .unwrap_or(Ordering::Equal)
                .then(a.cmp(&b))
        });
        let n = self.pool.len();
        let k = leaves.len();
        Some(SmaaRun {
            options: o.clone(),
            bids: self
                .pool
                .iter()
                .map(|&j| (self.t.bids[j].id.clone(), self.t.bids[j].supplier.clone()))
                .collect(),
            criteria: leaves
                .iter()
                .map(|&li| self.cx.leaves[li].id.clone())
                .collect(),
            cells,
            published,
            order,
            done: 0,
            rank_counts: vec![vec![0; n]; n],
            central: vec![vec![0.0; k]; n],
        })
    }
}

/// A rank acceptability analysis that can be run a slice at a time (a Web Worker reports progress
/// between slices and can stop). Sample `s` always draws from its own seed, so the result never
/// depends on how the samples were sliced.
#[derive(Debug, Clone)]
pub struct SmaaRun {
    options: SmaaOptions,
    /// (id, supplier) of each ranked bid.
    bids: Vec<(String, String)>,
    criteria: Vec<String>,
    cells: Vec<Vec<Vec<f64>>>,
    published: Vec<f64>,
    order: Vec<usize>,
    done: u32,
    rank_counts: Vec<Vec<u32>>,
    central: Vec<Vec<f64>>,
}

impl SmaaRun {
    /// A run over a validated tender's ranked bids; `None` when there are none or the award
    /// method is not a weighted sum.
    pub fn new(t: &Tender, o: &SmaaOptions) -> Option<SmaaRun> {
        if t.award != AwardMethod::WeightedSum {
            return None;
        }
        let official = evaluate::evaluate(t);
        Setup::new(t, &official).smaa_run(o)
    }

    /// Samples taken so far, and in all.
    pub fn progress(&self) -> (u32, u32) {
        (self.done, self.options.samples)
    }

    /// Takes up to `n` more samples; returns how many have been taken in all.
    pub fn step(&mut self, n: u32) -> u32 {
        let end = self.done.saturating_add(n).min(self.options.samples);
        let nb = self.bids.len();
        let mut weights = vec![0f64; self.criteria.len()];
        let mut totals = vec![0f64; nb];
        for s in self.done..end {
            let mut rng = Rng::for_sample(self.options.seed, u64::from(s));
            sample_weights(
                &mut rng,
                self.options.weights,
                &self.published,
                &self.order,
                &mut weights,
            );
            for (b, total) in totals.iter_mut().enumerate() {
                *total = draw_total(&self.cells[b], &weights, &mut rng);
            }
            for b in 0..nb {
                let rank = totals.iter().filter(|&&x| x > totals[b]).count();
                self.rank_counts[b][rank] += 1;
                if rank == 0 {
                    for (c, w) in weights.iter().enumerate() {
                        self.central[b][c] += w;
                    }
                }
            }
        }
        self.done = end;
        end
    }

    /// The acceptabilities over the samples taken so far, with each bid's confidence factor.
    pub fn result(&self) -> Acceptability {
        let round4 = |x: f64| (x * 10_000.0).round() / 10_000.0;
        let samples = f64::from(self.done.max(1));
        let uncertain = self.cells.iter().flatten().any(|c| c.len() > 1);
        let centrals: Vec<Option<Vec<f64>>> = (0..self.bids.len())
            .map(|b| {
                let wins = self.rank_counts[b][0];
                (wins > 0).then(|| {
                    self.central[b]
                        .iter()
                        .map(|w| w / f64::from(wins))
                        .collect::<Vec<f64>>()
                })
            })
            .collect();
        let confidences = self.confidences(&centrals, uncertain);
        let bids = centrals
            .into_iter()
            .zip(confidences)
            .enumerate()
            .map(|(b, (central_weights, confidence))| BidAcceptability {
                bid: self.bids[b].0.clone(),
                supplier: self.bids[b].1.clone(),
                ranks: self.rank_counts[b]
                    .iter()
                    .map(|&c| round4(f64::from(c) / samples))
                    .collect(),
                central_weights: central_weights.map(|v| v.into_iter().map(round4).collect()),
                confidence: confidence.map(round4),
            })
            .collect();
        Acceptability {
            samples: self.done,
            seed: self.options.seed,
            weights: match self.options.weights {
                WeightModel::Simplex => "simplex",
                WeightModel::Tolerance(_) => "tolerance",
                WeightModel::Ranking => "ranking",
            },
            criteria: self.criteria.clone(),
            bids,
        }
    }

    /// SMAA-2 confidence factors: for each bid with central weights, the share of score draws in
    /// which it ranks first under them; with no uncertain score one draw decides it. Each draw's
    /// scores are drawn once and shared by every bid.
    fn confidences(&self, centrals: &[Option<Vec<f64>>], uncertain: bool) -> Vec<Option<f64>> {
        let draws = if uncertain {
            self.options.samples.clamp(1, 1_000)
        } else {
            1
        };
        let n = self.cells.len();
        let mut drawn: Vec<Vec<f64>> = self.cells.iter().map(|c| vec![0.0; c.len()]).collect();
        let mut totals = vec![0f64; n];
        let mut first = vec![0u32; n];
        for s in 0..draws {
            let mut rng = Rng::for_sample(self.options.seed ^ 0x5EED_C0F1_DE4C_E000, u64::from(s));
            for (row, cells) in drawn.iter_mut().zip(&self.cells) {
                for (slot, cell) in row.iter_mut().zip(cells) {
                    *slot = if cell.len() == 1 {
                        cell[0]
                    } else {
                        cell[rng.below(cell.len())]
                    };
                }
            }
            for (b, central) in centrals.iter().enumerate() {
                let Some(cw) = central else { continue };
                for (total, row) in totals.iter_mut().zip(&drawn) {
                    *total = cw.iter().zip(row).map(|(w, f)| w * f).sum();
                }
                if totals.iter().all(|&x| x <= totals[b]) {
                    first[b] += 1;
                }
            }
        }
        centrals
            .iter()
            .zip(first)
            .map(|(c, f)| c.as_ref().map(|_| f64::from(f) / f64::from(draws)))
            .collect()
    }
}

/// One bid's total for one weight vector, drawing uncertain scores from their evaluators.
fn draw_total(cells: &[Vec<f64>], weights: &[f64], rng: &mut Rng) -> f64 {
    weights
        .iter()
        .zip(cells)
        .map(|(w, cell)| {
            w * if cell.len() == 1 {
                cell[0]
            } else {
                cell[rng.below(cell.len())]
            }
        })
        .sum()
}

/// The lowest point of `scale` above `now` at which `wins` holds, for a `wins` that once true stays
/// true for every higher point; `None` when not even the top wins. Halves the points in between
/// rather than listing them: a range of 0 to 10^12 in steps of 10^-10 has 10^22 points. For a
/// range the points are `from + k × step`, with `k` at most (to − from) ÷ step ≤ 10^22, so every
/// figure here fits an exact decimal.
fn lowest_point_above(
    scale: &Scale,
    now: Decimal,
    mut wins: impl FnMut(Decimal) -> bool,
) -> Option<Decimal> {
    match &scale.points {
        ScalePoints::Points(p) => {
            let above = &p[p.partition_point(|q| q.value <= now)..];
            let (mut lo, mut hi) = (0, above.len());
            if hi == 0 || !wins(above[hi - 1].value) {
                return None;
            }
            hi -= 1;
            // Invariant: the point at `hi` wins; every point before `lo` does not.
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if wins(above[mid].value) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            Some(above[hi].value)
        }
        ScalePoints::Range { from, to, step } => {
            let at = |k: Decimal| *from + k * *step;
            let mut hi = ((*to - *from) / *step).floor();
            let mut lo = if now < *from {
                Decimal::ZERO
            } else {
                ((now - *from) / *step).floor() + Decimal::ONE
            };
            if lo > hi || !wins(at(hi)) {
                return None;
            }
            while lo < hi {
                let mid = ((lo + hi) / Decimal::TWO).floor();
                if wins(at(mid)) {
                    hi = mid;
                } else {
                    lo = mid + Decimal::ONE;
                }
            }
            Some(at(hi))
        }
    }
}

/// Fills `out` with one weight vector (shares summing to 1).
fn sample_weights(
    rng: &mut Rng,
    model: WeightModel,
    published: &[f64],
    order: &[usize],
    out: &mut [f64],
) {
    match model {
        WeightModel::Tolerance(tol) => {
            for (w, p) in out.iter_mut().zip(published) {
                *w = p * (1.0 + tol * (2.0 * rng.unit() - 1.0));
            }
        }
        WeightModel::Simplex | WeightModel::Ranking => {
            // Normalised exponentials are uniform on the simplex.
            for w in out.iter_mut() {
                *w = -(1.0 - rng.unit()).ln();
            }
            if model == WeightModel::Ranking {
                let mut sorted: Vec<f64> = out.to_vec();
                crate::sorting::sort(&mut sorted, &|a, b| {
                    b.partial_cmp(a).unwrap_or(Ordering::Equal)
                });
                for (pos, &c) in order.iter().enumerate() {
                    out[c] = sorted[pos];
                }
            }
        }
    }
    let sum: f64 = out.iter().sum();
    if sum > 0.0 {
        for w in out.iter_mut() {
            *w /= sum;
        }
    }
}

/// xorshift64* seeded per sample, so any range of samples can be drawn on its own and the result
/// never depends on how the work was split.
struct Rng(u64);

impl Rng {
    fn for_sample(seed: u64, sample: u64) -> Rng {
        let mut z = seed ^ sample.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bid_tried_unchanged_scores_exactly_as_the_evaluation_did() {
        // Social value as a percentage of price: the best percentage must come from its parts, as
        // the evaluation takes it; from two rounded percentages bid a got 31.50, not 31.51.
        let fixture: serde_json::Value = serde_json::from_str(include_str!(
            "../tests/fixtures/regression-sv-percent-rounded-twice.json"
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
