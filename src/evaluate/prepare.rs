//! A bid's own inputs, before any comparison with other bids (spec §2 steps 2–5): what is
//! missing, which gates and thresholds it fails, whether its price is above the ceiling, and its
//! social value in money.

use super::score::OUT_OF_RANGE;
use crate::context::{Ctx, Prepared};
use crate::model::*;
use crate::moderation::aggregate;
use crate::money::{self, Approx, Plain, Shown};
use crate::result::*;
use crate::schedule::{self, Evaluated};
use crate::text::{Message, Params};
use rust_decimal::Decimal;

pub(super) fn out_of_range_reason() -> Message {
    msg(
        OUT_OF_RANGE,
        Params::new(),
        "a score or award value of this bid is too large to work out exactly; check its price and figures".into(),
    )
}

pub(super) fn msg(code: &'static str, params: Params, message: String) -> Message {
    Message {
        code,
        params,
        message,
    }
}

/// Completeness, gates, thresholds and the ceiling (spec §2 steps 2–5).
pub(crate) fn prepare<'t>(cx: &Ctx<'t>, b: &'t Bid) -> Prepared<'t> {
    prepared(cx, b, None, true)
}

/// [`prepare`] for the analysis, which needs the figures but not how an evaluated price was
/// formed, with the bid's price (its evaluated price under a schedule) taken to be `price` when
/// given: the price to win tries prices this way. A price given so stands for the rates: they
/// are neither read nor held to their lines' maxima.
pub(crate) fn prepare_at<'t>(cx: &Ctx<'t>, b: &'t Bid, price: Option<Decimal>) -> Prepared<'t> {
    prepared(cx, b, price, false)
}

fn prepared<'t>(cx: &Ctx<'t>, b: &'t Bid, price: Option<Decimal>, working: bool) -> Prepared<'t> {
    let (t, fmt) = (cx.t, &cx.fmt);
    let mut p = Prepared {
        bid: b,
        status: Status::Ranked,
        aggregates: Vec::with_capacity(cx.leaves.len()),
        markings: cx.markings(b),
        sv: Default::default(),
        above_ceiling_zero: false,
        reasons: Vec::new(),
        missing: Vec::new(),
        price: price.or(b.price),
        price_working: None,
        above_line_max: None,
    };
    let mut out_of_range = false;
    // The price first: social value as a percentage of it may come earlier in the tree.
    let schedule = cx.price_leaf.and_then(|li| match &cx.leaves[li].kind {
        Kind::Price {
            schedule: Some(s), ..
        } if price.is_none() => Some(&**s),
        _ => None,
    });
    if let Some(s) = schedule {
        let currency = working.then_some(fmt.currency.as_str());
        match schedule::evaluate(s, &b.prices, currency) {
            Evaluated::Price { amount, working } => {
                p.price = Some(amount);
                p.price_working = currency.map(|_| working);
            }
            Evaluated::Missing => {}
            // Said once, at the price: social value as a percentage of it is not "missing".
            Evaluated::OutOfRange => out_of_range = true,
        }
    }
    for (li, c) in cx.leaves.iter().copied().enumerate() {
        // One entry per leaf, set below where the leaf is scored.
        p.aggregates.push(None);
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
                let marking = p.markings.of(li);
                // Spec §14: where the tender requires a consensus, several evaluators' scores are
                // never combined; the bid waits for the panel's moderated score.
                if let Some(m) = marking.filter(|m| needs_consensus(t, m)) {
                    p.missing.push(msg(
                        "missing-moderated-score",
                        params().with("evaluators", m.evaluators.len()),
                        format!(
                            "needs a moderated score for \"{name}\": {} evaluators scored it and the tender requires a consensus score, not an average",
                            m.evaluators.len()
                        ),
                    ));
                    continue;
                }
                match marking.and_then(|m| aggregate(m, t.moderation.method)) {
                    Some(a) => {
                        if let Some(th) = threshold {
                            if a.numerator < money::times(*th, a.denominator) {
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
                        p.aggregates[li] = Some(a);
                    }
                    None => {
                        p.missing
                            .push(msg("missing-score", params(), format!("score \"{name}\"")))
                    }
                }
            }
            Kind::Price {
                ceiling, formula, ..
            } => match p.price {
                None if schedule.is_some() => schedule_gaps(&params, schedule, &mut p),
                None => p.missing.push(msg(
                    "missing-price",
                    params(),
                    "enter the bid's price".into(),
                )),
                Some(price) => {
                    if let Some(s) = schedule {
                        line_maxima(cx, &params, s, &mut p);
                    }
                    if let Some(reason) = not_scorable(cx, &params, formula, price) {
                        p.reasons.push(reason);
                    }
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
            Kind::Numeric { unit, limits, .. } => match b.values.get(id) {
                None => p.missing.push(msg(
                    "missing-value",
                    params(),
                    format!("enter the bid's value for \"{name}\""),
                )),
                Some(&v) => {
                    if let Some(reason) = outside_limit(c, unit.as_deref(), limits, v) {
                        p.reasons.push(reason);
                    }
                }
            },
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
                    && p.price.is_none()
                    && t.info.contract_value.is_none()
                {
                    if out_of_range {
                        continue;
                    }
                    p.missing.push(msg(
                        "missing-price",
                        params(),
                        format!("enter the bid's price: \"{name}\" scores social value as a percentage of it"),
                    ));
                } else if let (Some(sv), true) = (
                    sv_money(t, b, measures),
                    // A percentage of an evaluated price of zero or less, with no contract value
                    // to take it of instead, is beyond any figure.
                    !matches!(scoring, SvScoring::RelativeToHighestPercent)
                        || super::relative::sv_base(t, p.price).is_some(),
                ) {
                    p.sv.insert(id, sv);
                } else {
                    p.reasons.push(out_of_range_reason());
                }
            }
        }
    }
    p.status = if !p.reasons.is_empty() {
        // A disqualified bid's status has its reasons; what it is still missing would not
        // change it, and listing it would ask the panel for work that cannot matter.
        p.missing.clear();
        Status::Disqualified
    } else if !p.missing.is_empty() {
        Status::Incomplete
    } else {
        Status::Ranked
    };
    p
}

/// Disqualifies a bid prepared as ranked or incomplete, for a reason found once the bids were
/// compared (a group or relative threshold, a score out of range).
pub(super) fn disqualify(p: &mut Prepared, reason: Message) {
    p.reasons.push(reason);
    p.status = Status::Disqualified;
    p.missing.clear();
}

/// Whether several evaluators scored without a moderated score where the tender requires a
/// consensus (spec §14).
pub(crate) fn needs_consensus(t: &Tender, m: &Marking) -> bool {
    t.moderation.require == Require::Consensus && m.moderated.is_none() && m.evaluators.len() > 1
}

/// `outside-limit`: a numeric criterion's stated value below its `minimum` or above its
/// `maximum` (spec §13).
fn outside_limit(
    c: &Criterion,
    unit: Option<&str>,
    limits: &Limits,
    v: Decimal,
) -> Option<Message> {
    let (bound, limit, word) = match (limits.minimum, limits.maximum) {
        (Some(min), _) if v < min => ("minimum", min, "least"),
        (_, Some(max)) if v > max => ("maximum", max, "most"),
        _ => return None,
    };
    let q = Shown::Quantity(unit);
    Some(msg(
        "outside-limit",
        Params::new()
            .with("criterion", &c.id)
            .with("name", &c.name)
            .with("value", Plain(v))
            .with("limit", Plain(limit))
            .with("bound", bound),
        format!(
            "stated {} for \"{}\"; the {word} allowed is {}",
            q.of(v),
            c.name,
            q.of(limit)
        ),
    ))
}

/// Σ quantity × proxy over the listed measures the bid commits to; `None` beyond what an exact
/// decimal holds. Each product is at most 10^24 (quantity and proxy are at most 10^12), but the
/// sum of many is checked.
fn sv_money(t: &Tender, b: &Bid, measures: &[String]) -> Option<Decimal> {
    t.measures
        .iter()
        .filter(|m| measures.contains(&m.id))
        .filter_map(|m| b.commitments.get(&m.id).map(|q| money::times(*q, m.proxy)))
        .try_fold(Decimal::ZERO, money::add)
}

// §11 price schedules, §12 zero and negative prices

/// Why a schedule gave no evaluated price: the rates still missing (each named), or a sum beyond
/// what an exact figure holds.
fn schedule_gaps(params: &dyn Fn() -> Params, schedule: Option<&Schedule>, p: &mut Prepared) {
    let Some(s) = schedule else { return };
    let before = p.missing.len();
    for line in s.lines.iter().filter(|l| l.evaluated()) {
        if !p.bid.prices.contains_key(&line.id) {
            p.missing.push(msg(
                "missing-price-line",
                params().with("line", &line.id).with("lineName", &line.name),
                format!("enter the bid's rate for \"{}\"", line.name),
            ));
        }
    }
    if p.missing.len() == before {
        p.reasons.push(out_of_range_reason());
    }
}

/// Rates above their line's `max` (spec §11): each disqualifies the bid, or under
/// `"aboveCeiling": "zero"` the price scores nothing and is left out of the comparison.
fn line_maxima<'t>(
    cx: &Ctx<'t>,
    params: &dyn Fn() -> Params,
    s: &'t Schedule,
    p: &mut Prepared<'t>,
) {
    for (line, rate) in schedule::above_max(s, &p.bid.prices) {
        let max = line.max.unwrap_or_default();
        match s.above_max {
            AboveCeiling::Disqualify => p.reasons.push(msg(
                "above-line-max",
                params()
                    .with("line", &line.id)
                    .with("lineName", &line.name)
                    .with("rate", Plain(rate))
                    .with("max", Plain(max)),
                format!(
                    "the rate {} for \"{}\" is above its maximum of {}",
                    cx.fmt.money(rate),
                    line.name,
                    cx.fmt.money(max)
                ),
            )),
            AboveCeiling::Zero => {
                p.above_ceiling_zero = true;
                p.above_line_max.get_or_insert((line, rate));
            }
        }
    }
}

/// A price the formula cannot score (spec §12): below zero under a ratio to the lowest price or
/// to a reference, zero under an uncapped reference ratio, and zero or less under the
/// quality-price ratio. The model is fine; this bid's number is not, so the bid is disqualified
/// with the formulas that could score it.
fn not_scorable(
    cx: &Ctx,
    params: &dyn Fn() -> Params,
    formula: &Formula,
    price: Decimal,
) -> Option<Message> {
    let t = cx.t;
    let (name, (needs, can)) = if t.award.scores_price() {
        (formula.as_str(), crate::price::unscorable(formula, price)?)
    } else if matches!(t.award, AwardMethod::QualityPriceRatio { .. }) && price <= Decimal::ZERO {
        (
            t.award.as_str(),
            (
                "a price above zero",
                "price-per-quality-point, fictitious-discount",
            ),
        )
    } else {
        return None;
    };
    Some(msg(
        "price-not-scorable",
        params()
            .with("price", Plain(price))
            .with("formula", name)
            .with("scorable", can),
        format!(
            "the price {} cannot be scored by \"{name}\", which needs {needs}; {can} can score it",
            cx.fmt.money(price)
        ),
    ))
}
