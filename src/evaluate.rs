//! The weighted-sum evaluation (spec §2): gates, thresholds and completeness first, then relative
//! inputs over the qualified bids, criterion scores with their working, sub-totals, totals,
//! rounding, ranking and warnings.
//!
//! Architecture invariant: evaluation cannot fail. Everything that could go wrong was refused by
//! [`crate::validate`]; what remains questionable becomes a warning.

use crate::model::*;
use crate::moderation::{aggregate, Aggregate};
use crate::money::{self, fixed, plain, Approx, Fixed, Money, Plain, Shown};
use crate::price::{self, Field};
use crate::result::*;
use crate::text::{Compact, Message, Params};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Evaluates a validated tender.
pub fn evaluate(t: &Tender) -> Evaluation {
    let cx = Ctx::new(t);
    let mut prepared: Vec<Prepared> = t.bids.iter().map(|b| prepare(&cx, b)).collect();
    let (mut bids, mut pool) = score_pool(&cx, &prepared);
    // Price per quality point cannot rank a bid with no quality points (spec §4), and no bid can be
    // ranked on a figure beyond what an exact decimal holds: such a bid is disqualified, and the
    // comparison is taken again without it. Removing a bid can only raise the others' relative
    // fractions, so one more pass settles it.
    let mut changed = false;
    for (i, b) in bids.iter().enumerate() {
        if b.out_of_range {
            prepared[i].status = Status::Disqualified;
            prepared[i].reasons.push(out_of_range_reason());
            changed = true;
        } else if t.award == AwardMethod::PricePerQualityPoint
            && b.status == Status::Ranked
            && b.total_value <= Decimal::ZERO
        {
            prepared[i].status = Status::Disqualified;
            prepared[i].reasons.push(msg(
                "no-quality-points",
                Params::new(),
                "no quality points, so no price per quality point: the bid cannot be ranked".into(),
            ));
            changed = true;
        }
    }
    if changed {
        (bids, pool) = score_pool(&cx, &prepared);
        // A bid the second pass pushes out of range (its field moved) is set aside without a
        // third pass: it leaves no one else's score unexplained.
        for b in bids.iter_mut().filter(|b| b.out_of_range) {
            if !b.reasons.iter().any(|r| r.code == OUT_OF_RANGE) {
                b.reasons.push(out_of_range_reason());
            }
            b.status = Status::Disqualified;
        }
        pool.retain(|&i| bids[i].status == Status::Ranked);
    }

    let ranking = crate::ranking::rank(t, &mut bids);
    let warnings = crate::warning::warnings(&cx, &prepared, &bids, &pool);
    Evaluation {
        format: RESULT_FORMAT,
        max_total: plain(t.max_total()),
        method: t.award.as_str(),
        currency: t.info.currency.clone(),
        decimals: t.rounding.decimals,
        rounding_stage: t.rounding.stage.as_str(),
        bids,
        ranking,
        warnings,
    }
}

/// Scores every bid against the pool of ranked bids; returns the results and the pool.
fn score_pool(cx: &Ctx, prepared: &[Prepared]) -> (Vec<BidResult>, Vec<usize>) {
    let pool: Vec<usize> = (0..prepared.len())
        .filter(|&i| prepared[i].status == Status::Ranked)
        .collect();
    let fields = fields(cx, prepared, &pool);
    let bids = prepared
        .iter()
        .map(|p| bid_result(cx, p, &fields, p.status == Status::Ranked))
        .collect();
    (bids, pool)
}

/// How amounts are written in workings.
pub(crate) struct Fmt {
    pub currency: String,
    pub decimals: u32,
    pub stage: RoundingStage,
}

impl Fmt {
    pub(crate) fn of(t: &Tender) -> Fmt {
        Fmt {
            currency: t.info.currency.clone(),
            decimals: t.rounding.decimals,
            stage: t.rounding.stage,
        }
    }

    /// Money as a working shows it, written straight into the working.
    pub fn money(&self, d: Decimal) -> Money<'_> {
        Money(d, &self.currency)
    }

    /// A score as published: rounded at the criterion stage, else exact to 10 places.
    pub fn score(&self, d: Decimal) -> Compact {
        match self.stage {
            RoundingStage::Criterion => Compact::display(Fixed(d, self.decimals)),
            _ => Compact::display(Plain(money::round(d, 10))),
        }
    }

    /// A total or sub-total as published.
    pub fn total(&self, d: Decimal) -> String {
        match self.stage {
            RoundingStage::None => unrounded(d),
            _ => fixed(d, self.decimals),
        }
    }
}

/// What every bid's evaluation shares, worked out once per tender.
pub(crate) struct Ctx<'t> {
    pub t: &'t Tender,
    pub fmt: Fmt,
    /// Every leaf, depth first in file order.
    pub leaves: Vec<&'t Criterion>,
    /// Each leaf's marks as written (same index as `leaves`).
    pub marks: Vec<Rc<str>>,
    /// Each leaf's id and name, shared by every bid's result.
    pub ids: Vec<Rc<str>>,
    pub names: Vec<Rc<str>>,
    /// Each group, with the indexes into `leaves` of the leaves under it.
    pub groups: Vec<(&'t Group, Vec<usize>)>,
    /// The leaves that get a criterion score, in order: not gates, and not the price outside the
    /// weighted sum (the other award methods put the price in the award value).
    pub scored: Vec<usize>,
}

impl<'t> Ctx<'t> {
    pub fn new(t: &'t Tender) -> Ctx<'t> {
        let leaves = t.leaves();
        let mut groups = Vec::new();
        group_leaves(&t.criteria, &mut 0, &mut groups);
        let scored = (0..leaves.len())
            .filter(|&li| match leaves[li].kind {
                Kind::PassFail => false,
                Kind::Price { .. } => t.award.scores_price(),
                _ => true,
            })
            .collect();
        Ctx {
            t,
            scored,
            fmt: Fmt::of(t),
            marks: leaves.iter().map(|c| Rc::from(plain(c.marks))).collect(),
            ids: leaves.iter().map(|c| Rc::from(c.id.as_str())).collect(),
            names: leaves.iter().map(|c| Rc::from(c.name.as_str())).collect(),
            leaves,
            groups,
        }
    }
}

/// Each group (depth first, parents before children) with the indexes of its leaves. Leaves are
/// numbered depth first, so a group's leaves are the run counted while walking its children: one
/// walk of the tree, however deep, instead of a search of every leaf per group.
fn group_leaves<'t>(nodes: &'t [Node], next: &mut usize, out: &mut Vec<(&'t Group, Vec<usize>)>) {
    for n in nodes {
        match n {
            Node::Leaf(_) => *next += 1,
            Node::Group(g) => {
                let at = out.len();
                let start = *next;
                out.push((g, Vec::new()));
                group_leaves(&g.children, next, out);
                out[at].1 = (start..*next).collect();
            }
        }
    }
}

/// A figure the rounding policy leaves unrounded, written to at most 10 decimals.
fn unrounded(d: Decimal) -> String {
    plain(money::round(d, 10))
}

/// An input as written for the result, without trailing zeros (see [`Compact`]).
fn input(d: Decimal) -> Compact {
    Compact::display(Plain(d))
}

/// A bid's own inputs, before any comparison with other bids.
#[derive(Clone)]
pub(crate) struct Prepared<'t> {
    pub bid: &'t Bid,
    pub status: Status,
    pub aggregates: BTreeMap<&'t str, Aggregate<'t>>,
    /// Social value in money per measures criterion.
    pub sv: BTreeMap<&'t str, Decimal>,
    /// Price above a ceiling that scores zero: kept out of the price comparison.
    pub above_ceiling_zero: bool,
    pub reasons: Vec<Message>,
    pub missing: Vec<Message>,
}

/// The code of a figure beyond what an exact decimal holds, on a criterion and as a bid's reason.
pub(crate) const OUT_OF_RANGE: &str = "out-of-range";

fn out_of_range_reason() -> Message {
    msg(
        OUT_OF_RANGE,
        Params::new(),
        "a score or award value of this bid is too large to work out exactly; check its price and figures".into(),
    )
}

fn msg(code: &'static str, params: Params, message: String) -> Message {
    Message {
        code,
        params,
        message,
    }
}

/// Completeness, gates, thresholds and the ceiling (spec §2 steps 2–5).
pub(crate) fn prepare<'t>(cx: &Ctx<'t>, b: &'t Bid) -> Prepared<'t> {
    let (t, fmt) = (cx.t, &cx.fmt);
    let mut p = Prepared {
        bid: b,
        status: Status::Ranked,
        aggregates: BTreeMap::new(),
        sv: BTreeMap::new(),
        above_ceiling_zero: false,
        reasons: Vec::new(),
        missing: Vec::new(),
    };
    for c in cx.leaves.iter().copied() {
        let id = c.id.as_str();
        let name = &c.name;
        let params = || Params::new().with("criterion", id).with("name", name);
        match &c.kind {
            Kind::PassFail => match b.gates.get(id) {
                Some(true) => {}
                Some(false) => p.reasons.push(msg(
                    "failed-gate",
                    params(),
                    format!("did not pass \"{name}\""),
                )),
                None => p.missing.push(msg(
                    "missing-gate",
                    params(),
                    format!("record whether the bid passes \"{name}\""),
                )),
            },
            Kind::Scored { threshold, .. } => {
                match b
                    .scores
                    .get(id)
                    .and_then(|m| aggregate(m, t.moderation.method))
                {
                    Some(a) => {
                        if let Some(th) = threshold {
                            if a.numerator < *th * a.denominator {
                                p.reasons.push(msg(
                                    "below-threshold",
                                    params()
                                        .with("score", Plain(a.value))
                                        .with("threshold", Plain(*th)),
                                    format!(
                                        "scored {} on \"{name}\"; the minimum is {}",
                                        Approx(a.value, 2),
                                        Plain(*th)
                                    ),
                                ));
                            }
                        }
                        p.aggregates.insert(id, a);
                    }
                    None => {
                        p.missing
                            .push(msg("missing-score", params(), format!("score \"{name}\"")))
                    }
                }
            }
            Kind::Price { ceiling, .. } => match b.price {
                None => p.missing.push(msg(
                    "missing-price",
                    params(),
                    "enter the bid's price".into(),
                )),
                Some(price) => {
                    if let Some(ceil) = ceiling {
                        if price > ceil.amount {
                            match ceil.above {
                                AboveCeiling::Disqualify => p.reasons.push(msg(
                                    "above-ceiling",
                                    params()
                                        .with("price", Plain(price))
                                        .with("ceiling", Plain(ceil.amount)),
                                    format!(
                                        "the price {} is above the ceiling of {}",
                                        fmt.money(price),
                                        fmt.money(ceil.amount)
                                    ),
                                )),
                                AboveCeiling::Zero => p.above_ceiling_zero = true,
                            }
                        }
                    }
                }
            },
            Kind::Numeric { .. } => {
                if !b.values.contains_key(id) {
                    p.missing.push(msg(
                        "missing-value",
                        params(),
                        format!("enter the bid's value for \"{name}\""),
                    ));
                }
            }
            Kind::Measures { measures, scoring } => {
                let committed: Vec<&String> = measures
                    .iter()
                    .filter(|m| b.commitments.contains_key(*m))
                    .collect();
                if committed.is_empty() {
                    p.missing.push(msg(
                        "missing-commitments",
                        params(),
                        format!(
                            "enter the bid's social value commitments for \"{name}\" (0 if none)"
                        ),
                    ));
                } else if matches!(scoring, SvScoring::RelativeToHighestPercent)
                    && b.price.is_none()
                    && t.info.contract_value.is_none()
                {
                    p.missing.push(msg(
                        "missing-price",
                        params(),
                        format!("enter the bid's price: \"{name}\" scores social value as a percentage of it"),
                    ));
                } else if let Some(sv) = sv_money(t, b, measures) {
                    p.sv.insert(id, sv);
                } else {
                    p.reasons.push(out_of_range_reason());
                }
            }
        }
    }
    p.status = if !p.reasons.is_empty() {
        Status::Disqualified
    } else if !p.missing.is_empty() {
        Status::Incomplete
    } else {
        Status::Ranked
    };
    p
}

/// Σ quantity × proxy over the listed measures the bid commits to; `None` beyond what an exact
/// decimal holds. Each product is at most 10^24 (quantity and proxy are at most 10^12), but the
/// sum of many is checked.
fn sv_money(t: &Tender, b: &Bid, measures: &[String]) -> Option<Decimal> {
    t.measures
        .iter()
        .filter(|m| measures.contains(&m.id))
        .filter_map(|m| b.commitments.get(&m.id).map(|q| *q * m.proxy))
        .try_fold(Decimal::ZERO, |sum, v| sum.checked_add(v))
}

/// What a social value percentage is taken of: the price, else the contract value.
fn sv_base(t: &Tender, b: &Bid) -> Option<Decimal> {
    b.price.or(t.info.contract_value)
}

/// The comparison inputs of relative criteria, taken over `pool` only (spec §2 step 6).
pub(crate) fn fields<'t>(
    cx: &Ctx<'t>,
    prepared: &[Prepared<'t>],
    pool: &[usize],
) -> BTreeMap<&'t str, Field> {
    crate::sorting::map_of(
        cx.leaves
            .iter()
            .copied()
            .filter_map(|c| Some((c.id.as_str(), field(cx.t, c, pool, &|i| &prepared[i])?))),
    )
}

/// The comparison input of one criterion over `pool`, reading each bid through `bid` (the
/// analysis swaps one bid for a changed copy); `None` when it is not relative or has no amounts.
pub(crate) fn field<'p, 't: 'p>(
    t: &Tender,
    c: &Criterion,
    pool: &[usize],
    bid: &dyn Fn(usize) -> &'p Prepared<'t>,
) -> Option<Field> {
    if !is_relative(c) {
        return None;
    }
    let amounts: Vec<(usize, Decimal)> = pool
        .iter()
        .filter_map(|&i| input_amount(t, c, bid(i)).map(|a| (i, a)))
        .collect();
    let mut f = Field::of(amounts.iter().map(|(_, a)| *a))?;
    f.highest_parts = ratio_parts(t, c, bid, &amounts, f.highest);
    Some(f)
}

/// For social value as a percentage of price: the social value and price of the bid holding the
/// highest percentage.
fn ratio_parts<'p, 't: 'p>(
    t: &Tender,
    c: &Criterion,
    bid: &dyn Fn(usize) -> &'p Prepared<'t>,
    amounts: &[(usize, Decimal)],
    highest: Decimal,
) -> Option<(Decimal, Decimal)> {
    let Kind::Measures {
        scoring: SvScoring::RelativeToHighestPercent,
        ..
    } = &c.kind
    else {
        return None;
    };
    let &(i, _) = amounts.iter().find(|(_, a)| *a == highest)?;
    let p = bid(i);
    let sv = *p.sv.get(c.id.as_str())?;
    Some((sv, sv_base(t, p.bid)?))
}

/// The amount a relative criterion compares: price, value, social value or SV %.
pub(crate) fn input_amount(t: &Tender, c: &Criterion, p: &Prepared) -> Option<Decimal> {
    match &c.kind {
        Kind::Price { .. } if p.above_ceiling_zero => None,
        Kind::Price { .. } => p.bid.price,
        Kind::Numeric { .. } => p.bid.values.get(&c.id).copied(),
        Kind::Measures { scoring, .. } => {
            let sv = *p.sv.get(c.id.as_str())?;
            match scoring {
                SvScoring::RelativeToHighestPercent => money::percent(sv, sv_base(t, p.bid)?),
                _ => Some(sv),
            }
        }
        _ => None,
    }
}

/// One criterion scored, before rounding; `None` when the input is missing.
pub(crate) struct Raw {
    pub score: Decimal,
    pub fraction: Decimal,
    pub input: Compact,
    pub input_from: Option<&'static str>,
    pub working: String,
    pub code: &'static str,
    pub params: Params,
}

/// Scores one criterion for one bid. A bid outside the pool is scored as if it had been compared
/// (the field widened by its own amount), so the user sees what it would have got. `None` when the
/// input is missing or the score is out of range (see [`score_leaf`]).
pub(crate) fn score_criterion(
    cx: &Ctx,
    leaf: usize,
    p: &Prepared,
    fields: &BTreeMap<&str, Field>,
    in_pool: bool,
) -> Option<Raw> {
    score_leaf(cx, leaf, p, fields, in_pool).filter(|r| r.code != OUT_OF_RANGE)
}

/// [`score_criterion`], telling an out-of-range score (code [`OUT_OF_RANGE`], no figure to use)
/// from a missing input (`None`).
pub(crate) fn score_leaf(
    cx: &Ctx,
    leaf: usize,
    p: &Prepared,
    fields: &BTreeMap<&str, Field>,
    in_pool: bool,
) -> Option<Raw> {
    let (t, fmt, c) = (cx.t, &cx.fmt, cx.leaves[leaf]);
    let marks = c.marks;
    let m: &str = &cx.marks[leaf];
    let field_for = |amount: Decimal| -> Field {
        match (fields.get(c.id.as_str()), in_pool) {
            (Some(f), true) => *f,
            (Some(f), false) => f.with(amount),
            (None, _) => Field::point(amount),
        }
    };
    let out_of_range = |input: Compact| Raw {
        score: Decimal::ZERO,
        fraction: Decimal::ZERO,
        input,
        input_from: None,
        working: String::new(),
        code: OUT_OF_RANGE,
        params: Params::new().with("marks", m),
    };
    let from_price = |s: Option<price::Scored>, input: Compact| {
        let Some(s) = s else {
            return out_of_range(input);
        };
        Raw {
            score: s.score,
            fraction: s.fraction,
            input,
            input_from: None,
            working: s.working,
            code: s.code,
            params: s.params,
        }
    };
    match &c.kind {
        Kind::PassFail => None,
        Kind::Price { formula, .. } => {
            let price = p.bid.price?;
            if p.above_ceiling_zero {
                return Some(Raw {
                    score: Decimal::ZERO,
                    fraction: Decimal::ZERO,
                    input: input(price),
                    input_from: None,
                    working: format!(
                        "{} is above the ceiling, so no marks: {m} × 0",
                        fmt.money(price)
                    ),
                    code: "above-ceiling-zero",
                    params: Params::new().with("marks", m).with("amount", Plain(price)),
                });
            }
            let shown = Shown::Money(&fmt.currency);
            let s = price::score(formula, marks, price, field_for(price), shown);
            Some(from_price(s, input(price)))
        }
        Kind::Numeric {
            unit,
            direction,
            formula,
        } => {
            let v = *p.bid.values.get(&c.id)?;
            let q = Shown::Quantity(unit.as_deref());
            let field = field_for(v);
            let s = match (formula, direction) {
                (NumericFormula::Price(f), _) => price::score(f, marks, v, field, q),
                (NumericFormula::SetBounds { best, worst }, _) => price::score(
                    &Formula::SetBounds {
                        best: *best,
                        worst: *worst,
                    },
                    marks,
                    v,
                    field,
                    q,
                ),
                (NumericFormula::RelativeToBest, Direction::Lower) => {
                    price::score(&Formula::LowestRatio, marks, v, field, q)
                }
                (NumericFormula::RelativeToBest, Direction::Higher) => {
                    let best = field.highest;
                    let params = Params::new()
                        .with("marks", m)
                        .with("amount", Plain(v))
                        .with("highest", Plain(best));
                    if best.is_zero() {
                        Some(price::Scored {
                            score: Decimal::ZERO,
                            fraction: Decimal::ZERO,
                            working: format!("no bid offers more than 0, so no marks: {m} × 0"),
                            code: "relative-to-best-all-zero",
                            params,
                        })
                    } else {
                        // v ≤ best (the field holds v): a fraction of at most 1.
                        (|| {
                            Some(price::Scored {
                                score: money::mul_div(marks, v, best)?,
                                fraction: money::mul_div(Decimal::ONE, v, best)?,
                                working: format!("{m} × {} ÷ {}", q.of(v), q.of(best)),
                                code: "relative-to-best",
                                params,
                            })
                        })()
                    }
                }
            };
            Some(from_price(s, input(v)))
        }
        Kind::Scored { scale, .. } => {
            let a = p.aggregates.get(c.id.as_str())?;
            let top = scale.top();
            // An exact mean can run to 28 digits; written once for the input and the parameter.
            let score = input(a.value);
            // One exact expression from the exact fraction of the aggregate (see `Aggregate`). The
            // aggregate lies on the scale, so the fraction is at most 1 and `mul_div` returns a
            // score of at most the marks even when marks × Σ scores (many evaluators) would not fit.
            // The denominator (evaluators or 2, times the top) is at most a few times 10^12.
            let den = a.denominator * top;
            let (Some(score_value), Some(fraction)) = (
                money::mul_div(marks, a.numerator, den),
                money::mul_div(Decimal::ONE, a.numerator, den),
            ) else {
                return Some(out_of_range(score));
            };
            Some(Raw {
                score: score_value,
                fraction,
                input: score.clone(),
                input_from: Some(a.source.as_str()),
                working: format!("{}; {m} × {} ÷ {}", a.how(), Approx(a.value, 4), Plain(top)),
                code: "scored",
                params: Params::new()
                    .with("marks", m)
                    .with("score", &*score)
                    .with("top", Plain(top))
                    .with("from", a.source.as_str()),
            })
        }
        Kind::Measures { scoring, .. } => {
            let sv = *p.sv.get(c.id.as_str())?;
            let params = Params::new().with("marks", m).with("socialValue", sv);
            let (num, den, num_text, den_text, code) = match scoring {
                SvScoring::Target(target) => {
                    if sv >= *target {
                        return Some(Raw {
                            score: marks,
                            fraction: Decimal::ONE,
                            input: input(sv),
                            input_from: None,
                            working: format!(
                                "{} meets the target of {}, so full marks: {m} × 1",
                                fmt.money(sv),
                                fmt.money(*target)
                            ),
                            code: "sv-target-met",
                            params: params.with("target", Plain(*target)),
                        });
                    }
                    (
                        sv,
                        *target,
                        fmt.money(sv).to_string(),
                        fmt.money(*target).to_string(),
                        "sv-target",
                    )
                }
                SvScoring::RelativeToHighest => {
                    let best = field_for(sv).highest;
                    (
                        sv,
                        best,
                        fmt.money(sv).to_string(),
                        fmt.money(best).to_string(),
                        "sv-relative",
                    )
                }
                SvScoring::RelativeToHighestPercent => {
                    let base = sv_base(t, p.bid)?;
                    let Some(pct) = money::percent(sv, base) else {
                        return Some(out_of_range(input(sv)));
                    };
                    let field = field_for(pct);
                    let pc = |d: Decimal| format!("{}%", Approx(d, 2));
                    let (text, best_text) = (pc(pct), pc(field.highest));
                    // (sv ÷ base) ÷ (best sv ÷ best base) as one exact expression: dividing two
                    // rounded percentages would round twice.
                    match field.highest_parts {
                        Some((best_sv, best_base)) if pct < field.highest => {
                            // Social value (up to 10^24 for each measure) times a price can
                            // exceed a decimal: then the two percentages are divided instead.
                            match (sv.checked_mul(best_base), base.checked_mul(best_sv)) {
                                (Some(num), Some(den)) => {
                                    (num, den, text, best_text, "sv-relative-percent")
                                }
                                _ => (pct, field.highest, text, best_text, "sv-relative-percent"),
                            }
                        }
                        _ => (pct, field.highest, text, best_text, "sv-relative-percent"),
                    }
                }
            };
            if den.is_zero() {
                return Some(Raw {
                    score: Decimal::ZERO,
                    fraction: Decimal::ZERO,
                    input: input(sv),
                    input_from: None,
                    working: format!("no bid commits any social value, so no marks: {m} × 0"),
                    code: "sv-all-zero",
                    params,
                });
            }
            // num ≤ den (the field or the target holds the bid's own amount): at most the marks.
            let (Some(score), Some(fraction)) = (
                money::mul_div(marks, num, den),
                money::mul_div(Decimal::ONE, num, den),
            ) else {
                return Some(out_of_range(input(sv)));
            };
            Some(Raw {
                score,
                fraction,
                input: input(sv),
                input_from: None,
                working: format!("{m} × {num_text} ÷ {den_text}"),
                code,
                params: params.with("best", Plain(den)).with("amount", Plain(num)),
            })
        }
    }
}

/// The official value of a criterion score: rounded now if the tender rounds per criterion.
pub(crate) fn official(raw: Decimal, t: &Tender) -> Decimal {
    match t.rounding.stage {
        RoundingStage::Criterion => money::round(raw, t.rounding.decimals),
        _ => raw,
    }
}

/// The official total from official criterion scores.
pub(crate) fn total_of(sum: Decimal, t: &Tender) -> Decimal {
    match t.rounding.stage {
        RoundingStage::None => sum,
        _ => money::round(sum, t.rounding.decimals),
    }
}

fn bid_result(cx: &Ctx, p: &Prepared, fields: &BTreeMap<&str, Field>, in_pool: bool) -> BidResult {
    let (t, fmt) = (cx.t, &cx.fmt);
    let b = p.bid;
    let mut criteria = Vec::with_capacity(cx.leaves.len());
    let mut gates = Vec::new();
    // Official score per leaf (same index as `cx.leaves`), for the group sub-totals.
    let mut values: Vec<Option<Decimal>> = vec![None; cx.leaves.len()];
    for c in cx.leaves.iter().filter(|c| c.kind == Kind::PassFail) {
        gates.push(GateResult {
            id: c.id.clone(),
            name: c.name.clone(),
            passed: b.gates.get(&c.id).copied(),
        });
    }
    let mut out_of_range = false;
    for &li in &cx.scored {
        let c = cx.leaves[li];
        let raw = score_leaf(cx, li, p, fields, in_pool);
        criteria.push(match raw {
            Some(r) if r.code == OUT_OF_RANGE => {
                out_of_range = true;
                CriterionResult {
                    id: cx.ids[li].clone(),
                    name: cx.names[li].clone(),
                    kind: c.kind.as_str(),
                    score: None,
                    max: cx.marks[li].clone(),
                    fraction: None,
                    input: Some(r.input),
                    input_from: None,
                    working: "not scored: the score is too large to work out exactly".into(),
                    explain: Explain {
                        code: OUT_OF_RANGE,
                        params: r.params,
                    },
                    value: None,
                }
            }
            Some(r) => {
                let value = official(r.score, t);
                values[li] = Some(value);
                let shown = fmt.score(value);
                let mut working = r.working;
                working.push_str(" = ");
                working.push_str(&shown);
                CriterionResult {
                    id: cx.ids[li].clone(),
                    name: cx.names[li].clone(),
                    kind: c.kind.as_str(),
                    working,
                    score: Some(shown),
                    max: cx.marks[li].clone(),
                    fraction: Some(Compact::display(Fixed(r.fraction, 4))),
                    input: Some(r.input),
                    input_from: r.input_from,
                    explain: Explain {
                        code: r.code,
                        params: r.params,
                    },
                    value: Some(value),
                }
            }
            None => CriterionResult {
                id: cx.ids[li].clone(),
                name: cx.names[li].clone(),
                kind: c.kind.as_str(),
                score: None,
                max: cx.marks[li].clone(),
                fraction: None,
                input: None,
                input_from: None,
                working: "not scored yet: the input is missing".into(),
                explain: Explain {
                    code: "missing",
                    params: Params::new(),
                },
                value: None,
            },
        });
    }
    // Each score is at most its marks × `price::RATIO_LIMIT` (10^12 × 10^6), so no sum of the
    // criteria a file can hold comes near the 7.9 × 10^28 an exact decimal holds.
    let sum: Decimal = criteria.iter().filter_map(|c| c.value).sum();
    let total = total_of(sum, t);
    let groups = cx
        .groups
        .iter()
        .map(|(g, idx)| {
            let value: Decimal = idx.iter().filter_map(|&i| values[i]).sum();
            GroupResult {
                id: g.id.clone(),
                name: g.name.clone(),
                category: g.category.clone(),
                score: fmt.total(value),
                max: plain(g.marks),
                value,
            }
        })
        .collect();
    let award = crate::award::value_for(t, fmt, total, b.price);
    out_of_range |= crate::award::out_of_range(t.award, total, b.price, award.as_ref());
    let key = crate::award::key(t.award, total, award.as_ref().map(|a| a.value));
    BidResult {
        id: b.id.clone(),
        value: award.as_ref().map(|a| a.shown.clone()),
        value_working: award.as_ref().map(|a| a.working.clone()),
        value_explain: award.map(|a| Explain {
            code: a.code,
            params: a.params,
        }),
        key_value: key,
        in_band: false,
        supplier: b.supplier.clone(),
        hypothetical: b.hypothetical,
        status: p.status,
        rank: None,
        total: fmt.total(total),
        price: b.price.map(|d| fixed(d, 2)),
        criteria,
        groups,
        gates,
        social_value: social_value(t, b, fmt),
        reasons: p.reasons.clone(),
        missing: p.missing.clone(),
        total_value: total,
        price_value: b.price,
        out_of_range,
    }
}

/// The bid's social value over every measure it commits to (spec §6), with SV % of price.
fn social_value(t: &Tender, b: &Bid, fmt: &Fmt) -> Option<SocialValue> {
    if t.measures.is_empty() {
        return None;
    }
    let mut total = Some(Decimal::ZERO);
    let items: Vec<SocialValueItem> = t
        .measures
        .iter()
        .filter_map(|m| {
            let q = *b.commitments.get(&m.id)?;
            // Quantity and proxy are at most 10^12 each (validation): the product fits.
            let value = q * m.proxy;
            total = total.and_then(|t| t.checked_add(value));
            Some(SocialValueItem {
                measure: m.id.clone(),
                quantity: plain(q),
                proxy: fixed(m.proxy, 2),
                money: fixed(value, 2),
                working: format!(
                    "{} × {} = {}",
                    Shown::Quantity(Some(&m.unit)).of(q),
                    fmt.money(m.proxy),
                    fmt.money(value)
                ),
            })
        })
        .collect();
    let total = total?;
    Some(SocialValue {
        money: fixed(total, 2),
        percent_of_price: b
            .price
            .and_then(|price| money::percent(total, price))
            .map(|pc| fixed(pc, 2)),
        items,
    })
}

/// Whether a criterion's score depends on the other bids.
pub(crate) fn is_relative(c: &Criterion) -> bool {
    match &c.kind {
        Kind::Price { formula, .. } => formula.is_relative(),
        Kind::Numeric { formula, .. } => match formula {
            NumericFormula::RelativeToBest => true,
            NumericFormula::SetBounds { .. } => false,
            NumericFormula::Price(f) => f.is_relative(),
        },
        Kind::Measures { scoring, .. } => !matches!(scoring, SvScoring::Target(_)),
        _ => false,
    }
}

/// Official totals of the bids in `pool` with the comparison taken over `pool` alone: what the
/// totals would be had the other bids not been there. Only relative criteria are scored again.
pub(crate) fn pool_totals(
    cx: &Ctx,
    prepared: &[Prepared],
    bids: &[BidResult],
    pool: &[usize],
) -> Vec<Option<Decimal>> {
    let t = cx.t;
    let fields = fields(cx, prepared, pool);
    pool.iter()
        .map(|&i| {
            let sum: Decimal = cx
                .scored
                .iter()
                .zip(&bids[i].criteria)
                .filter_map(|(&li, fixed)| {
                    if is_relative(cx.leaves[li]) {
                        score_criterion(cx, li, &prepared[i], &fields, true)
                            .map(|r| official(r.score, t))
                    } else {
                        fixed.value
                    }
                })
                .sum();
            let total = total_of(sum, t);
            let value = crate::award::value_for(t, &cx.fmt, total, prepared[i].bid.price);
            crate::award::key(t.award, total, value.map(|v| v.value))
        })
        .collect()
}
