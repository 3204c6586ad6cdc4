//! The evaluation model as a supplier reads it in the tender documents: the criteria tree with marks
//! and each one's share of the total, scales with descriptors, the price formula in words, as an
//! equation and as a worked example, what disqualifies a bid, social value measures, tie-break and
//! rounding rules, and the buyer's warnings. Every figure is the engine's, so the published page
//! and the evaluation can never disagree.

use crate::debrief::share_percent;
use crate::model::*;
use crate::money::{fixed, times, Plain};
use crate::price::{self, Field};
use crate::result::{Explain, Warning};
use crate::text::{Message, Params};
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt::Write;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Published {
    pub format: &'static str,
    pub title: Option<String>,
    pub buyer: Option<String>,
    pub reference: Option<String>,
    pub currency: String,
    pub method: &'static str,
    pub method_description: &'static str,
    /// The method's settings: `scale`, `band` and `bandDecider` for the quality-price ratio.
    pub method_params: Params,
    /// Under methods other than the weighted sum: three made-up bids worked through the method.
    pub method_example: Vec<MethodExample>,
    pub max_total: String,
    pub criteria: Vec<NodeSummary>,
    pub gates: Vec<GateSummary>,
    pub thresholds: Vec<ThresholdSummary>,
    /// Every other rule that disqualifies on a score or a stated value (spec §13), in the order
    /// of the criteria tree: `group-threshold`, `relative-threshold`, `limit-minimum` and
    /// `limit-maximum`, each with its numbers as params and in words.
    pub threshold_rules: Vec<Message>,
    pub scales: Vec<ScaleSummary>,
    pub measures: Vec<MeasureSummary>,
    pub price: Option<PriceSummary>,
    pub tie_break: Vec<String>,
    /// The same rules as codes: `price`, or `score` with the group or criterion `id` and `name`.
    pub tie_break_rules: Vec<crate::text::Message>,
    pub rounding: String,
    pub rounding_decimals: u32,
    /// `criterion`, `total` or `none`.
    pub rounding_stage: &'static str,
    pub warnings: Vec<Warning>,
    // §15 abnormally low
    /// How abnormally low prices are treated (spec §9 and §15), code `abnormally-low` with
    /// `percent` and, with the proximity test, `proximityPercent`, `proximityMin`, `proximityMax`.
    pub abnormally_low: crate::text::Message,
    /// The lots the tender is divided into (spec §18), each evaluated on its own with this model;
    /// absent when it is not divided.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lots: Vec<Lot>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeSummary {
    pub id: String,
    pub name: String,
    /// `group`, or the criterion's kind.
    pub kind: &'static str,
    pub category: Option<String>,
    /// Marks (money under the fictitious discount).
    pub marks: String,
    /// Share of the total marks, percent to 2 decimals.
    pub share_percent: String,
    pub description: Option<String>,
    /// The scale a scored criterion uses.
    pub scale: Option<String>,
    pub children: Vec<NodeSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GateSummary {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThresholdSummary {
    pub criterion: String,
    pub name: String,
    pub threshold: String,
    pub scale: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScaleSummary {
    pub name: String,
    pub top: String,
    /// Listed points, lowest first; empty for a range.
    pub points: Vec<PointSummary>,
    /// For a range scale: from, to, step.
    pub range: Option<[String; 3]>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PointSummary {
    pub value: String,
    pub label: Option<String>,
    pub descriptor: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasureSummary {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub proxy: String,
    pub source: Option<String>,
    pub licence: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PriceSummary {
    pub criterion: String,
    pub name: String,
    pub marks: String,
    /// Whether the price is scored as a criterion (weighted sum) or used in the award value.
    pub scored: bool,
    pub formula: &'static str,
    pub words: &'static str,
    /// The equation with the tender's own parameters: "score = 40 × lowest price ÷ your price".
    pub equation: String,
    pub equation_code: &'static str,
    pub params: Params,
    /// Whether a bid's price score depends on the other bids (rank reversal can happen).
    pub relative: bool,
    pub ceiling: Option<String>,
    pub above_ceiling: Option<&'static str>,
    /// Three made-up bids scored with the formula.
    pub example: Vec<ExampleBid>,
    /// The price schedule bids price, and how the evaluated price is formed (spec §11); left
    /// out of the model without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<ScheduleSummary>,
}

/// A price schedule as suppliers read it (spec §11).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleSummary {
    /// How the evaluated price is formed, in words.
    pub words: String,
    pub lines: Vec<LineSummary>,
    pub life_cycle: Option<LifeCycleSummary>,
    /// What a rate above its line's maximum does: `disqualify` or `zero` (scores 0 for price).
    pub above_max: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LineSummary {
    pub id: String,
    pub name: String,
    pub quantity: String,
    pub unit: Option<String>,
    pub income: bool,
    pub max: Option<String>,
    pub optional: bool,
    pub per_year: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LifeCycleSummary {
    pub years: u32,
    pub discount_rate: String,
    /// The present value factor of each year, 1 to `years`, to 6 decimals.
    pub factors: Vec<String>,
    pub factor_sum: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MethodExample {
    pub price: String,
    /// Quality points (money discount under the fictitious discount).
    pub quality: String,
    pub value: String,
    pub working: String,
    /// The working's code and parameters, for rendering it in another language.
    pub explain: Explain,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExampleBid {
    pub price: String,
    pub score: String,
    pub working: String,
    /// The working's code and parameters, for rendering it in another language.
    pub explain: Explain,
}

/// Summarises a validated tender's evaluation model.
pub fn describe(t: &Tender) -> Published {
    let total = t.max_total();
    let mut warnings = Vec::new();
    crate::evaluate::warning::model_warnings(t, &mut warnings);
    crate::sorting::sort(&mut warnings, &|a, b| a.cmp(b));
    let leaves = t.leaves();
    let tie_break_rules: Vec<crate::text::Message> = t
        .tie_break
        .iter()
        .map(|r| match r {
            TieBreak::Price => crate::text::Message {
                code: "price",
                params: Params::new(),
                message: "the lower price".into(),
            },
            TieBreak::Score(id) => {
                let name = t
                    .groups()
                    .iter()
                    .find(|g| &g.id == id)
                    .map(|g| g.name.clone())
                    .or_else(|| leaves.iter().find(|c| &c.id == id).map(|c| c.name.clone()))
                    .unwrap_or_else(|| id.clone());
                crate::text::Message {
                    code: "score",
                    message: format!("the higher score on {name}"),
                    params: Params::new().with("id", id).with("name", name),
                }
            }
            // §16 the recorded draw
            TieBreak::Draw => {
                let seed = t.tie_draw_seed.as_deref().unwrap_or_default();
                crate::text::Message {
                    code: "draw",
                    message: format!(
                        "a draw from the recorded seed \"{seed}\" that anyone can repeat"
                    ),
                    params: Params::new().with("seed", seed),
                }
            }
        })
        .collect();
    Published {
        format: "bidscore-model/1",
        title: t.info.title.clone(),
        buyer: t.info.buyer.clone(),
        reference: t.info.reference.clone(),
        currency: t.info.currency.clone(),
        method: t.award.as_str(),
        method_description: crate::award::describe(t.award),
        method_params: match t.award {
            AwardMethod::QualityPriceRatio {
                scale,
                band,
                decider,
            } => {
                let p = Params::new().with("scale", Plain(scale));
                let p = match band {
                    Some(b) => p.with("band", Plain(b)),
                    None => p,
                };
                p.with(
                    "bandDecider",
                    match decider {
                        BandDecider::Quality => "quality",
                        BandDecider::Price => "price",
                    },
                )
            }
            _ => Params::new(),
        },
        method_example: method_example(t, total),
        max_total: Plain(total).to_string(),
        criteria: t
            .criteria
            .iter()
            .filter(|n| !matches!(n, Node::Leaf(c) if c.kind == Kind::PassFail))
            .map(|n| node(n, total))
            .collect(),
        gates: leaves
            .iter()
            .filter(|c| c.kind == Kind::PassFail)
            .map(|c| GateSummary {
                id: c.id.clone(),
                name: c.name.clone(),
                description: c.description.clone(),
            })
            .collect(),
        thresholds: leaves
            .iter()
            .filter_map(|c| match &c.kind {
                Kind::Scored {
                    scale,
                    threshold: Some(th),
                    ..
                } => Some(ThresholdSummary {
                    criterion: c.id.clone(),
                    name: c.name.clone(),
                    threshold: Plain(*th).to_string(),
                    scale: scale.name.clone(),
                }),
                _ => None,
            })
            .collect(),
        threshold_rules: threshold_rules(t),
        scales: scales(t),
        measures: t
            .measures
            .iter()
            .map(|m| MeasureSummary {
                id: m.id.clone(),
                name: m.name.clone(),
                unit: m.unit.clone(),
                proxy: fixed(m.proxy, 2),
                source: m.source.clone(),
                licence: m.licence.clone(),
            })
            .collect(),
        price: leaves.iter().find_map(|c| price_summary(t, c)),
        tie_break: tie_break_rules.iter().map(|m| m.message.clone()).collect(),
        tie_break_rules,
        rounding: rounding_words(t.rounding),
        rounding_decimals: t.rounding.decimals,
        rounding_stage: t.rounding.stage.as_str(),
        warnings,
        lots: t.lots.clone(),
        abnormally_low: abnormally_low(t),
    }
}

/// The abnormally low rule in words (spec §9 and §15): suppliers should know that a price far
/// below the others is queried, and when.
fn abnormally_low(t: &Tender) -> crate::text::Message {
    let pct = Plain(t.abnormally_low_percent);
    let mut params = Params::new().with("percent", pct);
    let mut message = format!(
        "a price more than {pct}% below the average of the qualified prices without the highest"
    );
    if let Some(p) = t.abnormally_low_proximity {
        let money = |d: Option<Decimal>| d.map(|d| crate::money::money(d, &t.info.currency));
        let (lo, hi) = (money(p.min), money(p.max));
        let _ = write!(
            message,
            ", and more than {}% of the next lowest qualified price (at least {}, at most {}) below it,",
            Plain(p.percent),
            lo.as_deref().unwrap_or("nothing"),
            hi.as_deref().unwrap_or("no limit")
        );
        params = params.with("proximityPercent", Plain(p.percent));
        for (name, v) in [("proximityMin", p.min), ("proximityMax", p.max)] {
            if let Some(v) = v {
                params = params.with(name, Plain(v));
            }
        }
    }
    message.push_str(" is abnormally low: the supplier is asked to explain it, and it is not rejected automatically");
    crate::text::Message {
        code: "abnormally-low",
        params,
        message,
    }
}

fn node(n: &Node, total: Decimal) -> NodeSummary {
    match n {
        Node::Group(g) => NodeSummary {
            id: g.id.clone(),
            name: g.name.clone(),
            kind: "group",
            category: g.category.clone(),
            marks: Plain(g.marks).to_string(),
            share_percent: share_percent(g.marks, total),
            description: None,
            scale: None,
            children: g
                .children
                .iter()
                .filter(|n| !matches!(n, Node::Leaf(c) if c.kind == Kind::PassFail))
                .map(|c| node(c, total))
                .collect(),
        },
        Node::Leaf(c) => NodeSummary {
            id: c.id.clone(),
            name: c.name.clone(),
            kind: c.kind.as_str(),
            category: None,
            marks: Plain(c.marks).to_string(),
            share_percent: share_percent(c.marks, total),
            description: c.description.clone(),
            scale: match &c.kind {
                Kind::Scored { scale, .. } => Some(scale.name.clone()),
                _ => None,
            },
            children: vec![],
        },
    }
}

/// Group thresholds, relative thresholds and limits on stated values (spec §13), so suppliers
/// see every rule that can disqualify them before they bid: the groups' first, in the order of
/// the tree, then the criteria's.
pub(crate) fn threshold_rules(t: &Tender) -> Vec<Message> {
    let mut out = Vec::new();
    for g in t.groups() {
        if let Some(th) = g.threshold {
            let params = Params::new()
                .with("group", &g.id)
                .with("name", &g.name)
                .with("threshold", Plain(th.marks))
                .with("marks", Plain(g.marks));
            let (params, share) = match th.percent {
                Some(pc) => (
                    params.with("percent", Plain(pc)),
                    format!("{}% of ", Plain(pc)),
                ),
                None => (params, "of ".into()),
            };
            out.push(Message {
                code: "group-threshold",
                params,
                message: format!(
                    "a sub-total below {} on \"{}\" ({share}its {} marks)",
                    Plain(th.marks),
                    g.name,
                    Plain(g.marks)
                ),
            });
        }
        if let Some(pc) = g.threshold_relative {
            out.push(relative_rule("group", &g.id, &g.name, pc));
        }
    }
    for c in t.leaves() {
        match &c.kind {
            Kind::Scored {
                threshold_relative: Some(pc),
                ..
            } => out.push(relative_rule("criterion", &c.id, &c.name, *pc)),
            Kind::Numeric { unit, limits, .. } => {
                for (code, limit, word) in [
                    ("limit-minimum", limits.minimum, "below"),
                    ("limit-maximum", limits.maximum, "above"),
                ] {
                    let Some(limit) = limit else { continue };
                    let amount = format!(
                        "{}",
                        crate::money::Shown::Quantity(unit.as_deref()).of(limit)
                    );
                    out.push(Message {
                        code,
                        message: format!("a value for \"{}\" {word} {amount}", c.name),
                        params: Params::new()
                            .with("criterion", &c.id)
                            .with("name", &c.name)
                            .with("limit", Plain(limit))
                            .with("amount", &amount),
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// `relative-threshold`: a share of the best qualified score on a criterion or group.
fn relative_rule(kind: &'static str, id: &str, name: &str, pc: Decimal) -> Message {
    Message {
        code: "relative-threshold",
        params: Params::new()
            .with("kind", kind)
            .with(kind, id)
            .with("name", name)
            .with("percent", Plain(pc)),
        message: format!(
            "a score on \"{name}\" below {}% of the best qualified score on it",
            Plain(pc)
        ),
    }
}

fn scales(t: &Tender) -> Vec<ScaleSummary> {
    let mut out: Vec<ScaleSummary> = Vec::new();
    for c in t.leaves() {
        let Kind::Scored { scale, .. } = &c.kind else {
            continue;
        };
        if out.iter().any(|s| s.name == scale.name) {
            continue;
        }
        let (points, range) = match &scale.points {
            ScalePoints::Points(p) => (
                p.iter()
                    .map(|p| PointSummary {
                        value: Plain(p.value).to_string(),
                        label: p.label.clone(),
                        descriptor: p.descriptor.clone(),
                    })
                    .collect(),
                None,
            ),
            ScalePoints::Range { from, to, step } => (
                vec![],
                Some([
                    Plain(*from).to_string(),
                    Plain(*to).to_string(),
                    Plain(*step).to_string(),
                ]),
            ),
        };
        out.push(ScaleSummary {
            name: scale.name.clone(),
            top: Plain(scale.top()).to_string(),
            points,
            range,
        });
    }
    out
}

fn rounding_words(r: Rounding) -> String {
    let places = match r.decimals {
        0 => "whole numbers".to_string(),
        1 => "1 decimal place".to_string(),
        n => format!("{n} decimal places"),
    };
    match r.stage {
        RoundingStage::Criterion => format!(
            "each criterion score is rounded to {places} (half away from zero, as a spreadsheet's ROUND), and totals add the rounded scores"
        ),
        RoundingStage::Total => format!(
            "only the total is rounded, to {places} (half away from zero)"
        ),
        RoundingStage::None => "scores are not rounded".to_string(),
    }
}

fn price_summary(t: &Tender, c: &Criterion) -> Option<PriceSummary> {
    let Kind::Price {
        formula,
        ceiling,
        schedule,
    } = &c.kind
    else {
        return None;
    };
    let m = Plain(c.marks);
    let (equation, params) = match *formula {
        Formula::LowestRatio => (format!("score = {m} × lowest price ÷ your price"), Params::new()),
        Formula::LinearMinMax => (
            format!("score = {m} × (highest price − your price) ÷ (highest price − lowest price)"),
            Params::new(),
        ),
        Formula::DeviationFromLowest { zero_at } => (
            format!(
                "score = {m} × (1 − (your price − lowest price) ÷ (({} − 1) × lowest price)), and 0 at {} × the lowest price or more",
                Plain(zero_at),
                Plain(zero_at)
            ),
            Params::new().with("zeroAt", Plain(zero_at)),
        ),
        Formula::SetBounds { best, worst } => (
            format!(
                "score = {m} × ({worst} − your price) ÷ ({worst} − {best}); full marks at {best} or less, 0 at {worst} or more",
                worst = crate::money::money(worst, &t.info.currency),
                best = crate::money::money(best, &t.info.currency)
            ),
            Params::new().with("best", Plain(best)).with("worst", Plain(worst)),
        ),
        Formula::ReferenceRatio { reference, cap } => (
            format!(
                "score = {m} × {} ÷ your price{}",
                crate::money::money(reference, &t.info.currency),
                if cap { ", at most full marks" } else { "" }
            ),
            Params::new()
                .with("reference", Plain(reference))
                .with("cap", cap),
        ),
    };
    Some(PriceSummary {
        criterion: c.id.clone(),
        name: c.name.clone(),
        marks: m.to_string(),
        scored: t.award.scores_price(),
        formula: formula.as_str(),
        words: price::describe(formula),
        equation,
        equation_code: formula.as_str(),
        params: params.with("marks", m),
        relative: formula.is_relative(),
        ceiling: ceiling.map(|c| fixed(c.amount, 2)),
        above_ceiling: ceiling.map(|c| match c.above {
            AboveCeiling::Disqualify => "disqualify",
            AboveCeiling::Zero => "zero",
        }),
        example: if t.award.scores_price() {
            example(t, c, formula, ceiling.as_ref())
        } else {
            vec![]
        },
        schedule: schedule.as_deref().map(schedule_summary),
    })
}

fn schedule_summary(s: &Schedule) -> ScheduleSummary {
    ScheduleSummary {
        words: crate::schedule::describe(s),
        lines: s
            .lines
            .iter()
            .map(|l| LineSummary {
                id: l.id.clone(),
                name: l.name.clone(),
                quantity: Plain(l.quantity).to_string(),
                unit: l.unit.clone(),
                income: l.income,
                max: l.max.map(|m| fixed(m, 2)),
                optional: l.optional,
                per_year: l.per_year,
            })
            .collect(),
        life_cycle: s.life_cycle.as_ref().map(|l| LifeCycleSummary {
            years: l.years,
            discount_rate: Plain(l.discount_rate).to_string(),
            factors: l.factors.iter().map(|f| Plain(*f).to_string()).collect(),
            factor_sum: Plain(l.factor_sum).to_string(),
        }),
        above_max: match s.above_max {
            AboveCeiling::Disqualify => "disqualify",
            AboveCeiling::Zero => "zero",
        },
    }
}

/// Three made-up bids at 80%, 90% and 100% of a typical price (the ceiling, the contract value,
/// the worst or reference price, or £100,000), scored with the tender's own formula.
fn example(
    t: &Tender,
    c: &Criterion,
    formula: &Formula,
    ceiling: Option<&Ceiling>,
) -> Vec<ExampleBid> {
    let base = ceiling
        .map(|c| c.amount)
        .or(t.info.contract_value)
        .or(match formula {
            Formula::SetBounds { worst, .. } => Some(*worst),
            Formula::ReferenceRatio { reference, .. } => {
                Some(times(*reference, Decimal::new(125, 2)))
            }
            _ => None,
        })
        .unwrap_or(Decimal::from(100_000));
    let prices: Vec<Decimal> = [80, 90, 100]
        .iter()
        .map(|p| crate::money::round(times(base, Decimal::from(*p)) / Decimal::ONE_HUNDRED, 0))
        .collect();
    // Validation keeps the base at 1 or more, so the made-up prices are positive; a worked example
    // is left out rather than divided by zero should that ever change.
    if prices.iter().any(|p| *p <= Decimal::ZERO) {
        return vec![];
    }
    let field = Field::of(prices.iter().copied()).unwrap_or(Field::point(base));
    prices
        .iter()
        .map(|&p| {
            let s = price::score(
                formula,
                c.marks,
                p,
                field,
                crate::money::Shown::Money(&t.info.currency),
                true,
            )?;
            let score = crate::evaluate::official(s.score, t);
            let shown = crate::context::Fmt::of(t).score(score).to_string();
            Some(ExampleBid {
                price: fixed(p, 2),
                working: format!("{} = {shown}", s.working),
                score: shown,
                explain: Explain {
                    code: s.code,
                    params: s.params,
                },
            })
        })
        .collect::<Option<Vec<_>>>()
        .unwrap_or_default()
}

/// Three made-up bids (cheap and weaker, middling, dear and strong) worked through the award
/// method, so suppliers see how price and quality trade off.
fn method_example(t: &Tender, total: Decimal) -> Vec<MethodExample> {
    if t.award == AwardMethod::WeightedSum || total.is_zero() {
        return vec![];
    }
    // Under the fictitious discount the quality can be worth a lot of money: price the made-up bids
    // well above the most they could earn, so no fictitious price goes below zero.
    let floor = match t.award {
        AwardMethod::FictitiousDiscount => times(total, Decimal::from(4)),
        _ => Decimal::ZERO,
    };
    let base = t
        .info
        .contract_value
        .unwrap_or(Decimal::from(100_000))
        .max(floor);
    [(80, 50), (90, 65), (100, 80)]
        .iter()
        .filter_map(|&(price_pct, quality_pct)| {
            let price = crate::money::round(
                times(base, Decimal::from(price_pct)) / Decimal::ONE_HUNDRED,
                0,
            );
            let q = crate::money::round(
                times(total, Decimal::from(quality_pct)) / Decimal::ONE_HUNDRED,
                2,
            );
            let v = crate::award::value_of(
                t.award,
                q,
                Some(price),
                t.rounding.decimals,
                &t.info.currency,
                true,
            )?;
            Some(MethodExample {
                price: fixed(price, 2),
                quality: Plain(q).to_string(),
                value: v.shown,
                working: v.working,
                explain: Explain {
                    code: v.code,
                    params: v.params,
                },
            })
        })
        .collect()
}

crate::json::json_object!(Published {
    "format": format,
    "title": title,
    "buyer": buyer,
    "reference": reference,
    "currency": currency,
    "method": method,
    "methodDescription": method_description,
    "methodParams": method_params,
    "methodExample": method_example,
    "maxTotal": max_total,
    "criteria": criteria,
    "gates": gates,
    "thresholds": thresholds,
    "thresholdRules": threshold_rules,
    "scales": scales,
    "measures": measures,
    "price": price,
    "tieBreak": tie_break,
    "tieBreakRules": tie_break_rules,
    "rounding": rounding,
    "roundingDecimals": rounding_decimals,
    "roundingStage": rounding_stage,
    "warnings": warnings,
    "abnormallyLow": abnormally_low,
    "lots": lots if empty,
});

crate::json::json_object!(NodeSummary {
    "id": id,
    "name": name,
    "kind": kind,
    "category": category,
    "marks": marks,
    "sharePercent": share_percent,
    "description": description,
    "scale": scale,
    "children": children,
});

crate::json::json_object!(GateSummary {
    "id": id,
    "name": name,
    "description": description,
});

crate::json::json_object!(ThresholdSummary {
    "criterion": criterion,
    "name": name,
    "threshold": threshold,
    "scale": scale,
});

crate::json::json_object!(ScaleSummary {
    "name": name,
    "top": top,
    "points": points,
    "range": range,
});

crate::json::json_object!(PointSummary {
    "value": value,
    "label": label,
    "descriptor": descriptor,
});

crate::json::json_object!(MeasureSummary {
    "id": id,
    "name": name,
    "unit": unit,
    "proxy": proxy,
    "source": source,
    "licence": licence,
});

crate::json::json_object!(PriceSummary {
    "criterion": criterion,
    "name": name,
    "marks": marks,
    "scored": scored,
    "formula": formula,
    "words": words,
    "equation": equation,
    "equationCode": equation_code,
    "params": params,
    "relative": relative,
    "ceiling": ceiling,
    "aboveCeiling": above_ceiling,
    "example": example,
    "schedule": schedule if none,
});

crate::json::json_object!(ScheduleSummary {
    "words": words,
    "lines": lines,
    "lifeCycle": life_cycle,
    "aboveMax": above_max,
});

crate::json::json_object!(LineSummary {
    "id": id,
    "name": name,
    "quantity": quantity,
    "unit": unit,
    "income": income,
    "max": max,
    "optional": optional,
    "perYear": per_year,
});

crate::json::json_object!(LifeCycleSummary {
    "years": years,
    "discountRate": discount_rate,
    "factors": factors,
    "factorSum": factor_sum,
});

crate::json::json_object!(MethodExample {
    "price": price,
    "quality": quality,
    "value": value,
    "working": working,
    "explain": explain,
});

crate::json::json_object!(ExampleBid {
    "price": price,
    "score": score,
    "working": working,
    "explain": explain,
});

#[cfg(test)]
mod tests {
    #[test]
    fn the_published_model_explains_itself() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/www/examples/council-wellbeing.json"
        ))
        .unwrap();
        let t = crate::read(&text).unwrap();
        let p = super::describe(&t);
        // Price 40, quality 50 (30 + 20), social value 10 (5 + 5): shares of 100.
        let shares: Vec<(&str, &str)> = p
            .criteria
            .iter()
            .map(|n| (n.id.as_str(), n.share_percent.as_str()))
            .collect();
        assert_eq!(
            shares,
            [
                ("price", "40.00"),
                ("quality", "50.00"),
                ("social-value", "10.00")
            ]
        );
        assert_eq!(p.criteria[1].children[0].share_percent, "30.00");
        assert_eq!(p.gates.len(), 2);
        assert_eq!(p.thresholds[0].threshold, "2");
        assert_eq!(p.scales[0].points.len(), 6);
        let price = p.price.unwrap();
        assert!(price.relative);
        assert_eq!(price.equation, "score = 40 × lowest price ÷ your price");
        // Made-up prices at 80%, 90%, 100% of the £1,300,000 ceiling: 1,040,000, 1,170,000,
        // 1,300,000. The lowest scores 40; 40 × 1,040,000 ÷ 1,170,000 = 35.555… → 35.56;
        // 40 × 1,040,000 ÷ 1,300,000 = 32.00.
        let scores: Vec<&str> = price.example.iter().map(|e| e.score.as_str()).collect();
        assert_eq!(scores, ["40.00", "35.56", "32.00"]);
        assert_eq!(
            price.example[1].working,
            "40 × £1,040,000.00 ÷ £1,170,000.00 = 35.56"
        );
        assert_eq!(
            p.tie_break,
            ["the higher score on Quality", "the lower price"]
        );
        assert!(p
            .warnings
            .iter()
            .any(|w| w.code == "relative-price-formula"));
    }

    #[test]
    fn a_price_schedule_is_published_with_its_quantities_and_present_value_factors() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/schedule-whole-life-cost.json"
        );
        let fixture: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let t = crate::read(&fixture["tender"].to_string()).unwrap();
        let s = super::describe(&t).price.unwrap().schedule.unwrap();
        let lines: Vec<(&str, &str, Option<&str>, bool)> = s
            .lines
            .iter()
            .map(|l| {
                (
                    l.id.as_str(),
                    l.quantity.as_str(),
                    l.unit.as_deref(),
                    l.per_year,
                )
            })
            .collect();
        assert_eq!(
            lines,
            [
                ("design", "1", None, false),
                ("install", "1", None, false),
                ("maintenance", "12", Some("month"), true),
                ("support", "240", Some("hour"), true)
            ]
        );
        // 1 ÷ 1.035, 1 ÷ 1.035², 1 ÷ 1.035³ to 6 decimals, and their sum.
        let life = s.life_cycle.unwrap();
        assert_eq!(life.factors, ["0.966184", "0.933511", "0.901943"]);
        assert_eq!((life.years, life.factor_sum.as_str()), (3, "2.801638"));
        assert!(s.words.contains("over 3 years at 3.5%"), "{}", s.words);
        // Without a schedule the published model has no "schedule" at all.
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/www/examples/council-wellbeing.json"
        ))
        .unwrap();
        let plain = serde_json::to_value(super::describe(&crate::read(&text).unwrap())).unwrap();
        assert!(plain["price"].get("schedule").is_none());
    }

    #[test]
    fn other_award_methods_are_worked_through_made_up_bids() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/www/examples/award-price-per-quality-point.json"
        ))
        .unwrap();
        let p = super::describe(&crate::read(&text).unwrap());
        // No contract value: £100,000 base; 80% price with 50% of 100 marks: 80,000 ÷ 50 = 1,600.
        // 90,000 ÷ 65 = 1,384.615… → 1,384.62; 100,000 ÷ 80 = 1,250.
        let values: Vec<&str> = p.method_example.iter().map(|e| e.value.as_str()).collect();
        assert_eq!(values, ["1600.00", "1384.62", "1250.00"]);
        // The price is not scored, so it has no worked example of its own.
        assert!(p.price.unwrap().example.is_empty());
    }
}
