//! Assessment summaries (Procurement Act 2023 s.50, Procurement Regulations 2024 reg. 31): for each
//! assessed supplier, the award criteria and how each was assessed, the score its tender got on each
//! with an explanation, sub-totals and total, and the same for the most advantageous tender.
//!
//! In a tender divided into lots a summary is within the bid's lot (spec §18): its rank among the
//! lot's bids, and the lot's most advantageous tender.
//!
//! The summary is built from the official evaluation only; it adds words, never numbers. The
//! explanation of a scored criterion is the evaluators' recorded rationale; where none is recorded
//! the summary says so and lists it in `missingRationales` (a common ground for challenge).
//!
//! Under the award methods that rank on a value (price per quality point, quality-price ratio,
//! fictitious price) the price is not a scored criterion, so the summary states the bid's price
//! and how its value was worked out. Under the fictitious discount every score is money (what the
//! quality earned off the price): the text writes it with its currency and never calls it marks.

use crate::model::*;
use crate::money::{fixed, Plain};
use crate::result::{BidResult, Evaluation, LotResult, Status};
use crate::text::Message;
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt::Write;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Debrief {
    pub bid: String,
    pub supplier: String,
    pub title: Option<String>,
    pub buyer: Option<String>,
    pub reference: Option<String>,
    /// The lot the bid is for, its id and name; absent when the tender is not divided into lots.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lot: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lot_name: Option<String>,
    pub method: &'static str,
    /// How the winner is chosen, in words.
    pub method_description: &'static str,
    pub status: Status,
    pub rank: Option<u32>,
    /// How many bids were ranked (in the bid's lot, when the tender has lots).
    pub ranked_bids: usize,
    pub total: String,
    pub max_total: String,
    pub value: Option<String>,
    /// The bid's price (`null` without one); under methods other than the weighted sum it is not
    /// among the criteria, so it is given here.
    pub price: Option<String>,
    /// How `value` was worked out: "£900,000.00 − £170,000.00 quality discount = £730,000.00
    /// fictitious price"; `null` under the weighted sum.
    pub value_working: Option<String>,
    /// The most advantageous tender, unless it is this one.
    pub winner: Option<WinnerSummary>,
    pub criteria: Vec<CriterionSummary>,
    pub groups: Vec<GroupSummary>,
    /// Why the bid was disqualified, if it was.
    pub reasons: Vec<String>,
    /// Scored criteria with a score but no recorded rationale.
    pub missing_rationales: Vec<String>,
    /// The summary as plain text, ready to send.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WinnerSummary {
    pub bid: String,
    pub supplier: String,
    pub total: String,
    pub value: Option<String>,
    pub price: Option<String>,
    pub value_working: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CriterionSummary {
    pub id: String,
    pub name: String,
    /// The top-level group it belongs to, if any.
    pub group: Option<String>,
    /// Marks available (money under the fictitious discount).
    pub max: String,
    /// Share of all marks, in percent.
    pub weight_percent: String,
    /// How it was assessed: the scale, formula or measures, in words.
    pub assessed: String,
    pub score: Option<String>,
    pub working: String,
    /// The evaluators' rationale, or the working where the score is calculated.
    pub explanation: String,
    pub winner_score: Option<String>,
    pub winner_explanation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupSummary {
    pub id: String,
    pub name: String,
    pub score: String,
    pub max: String,
    pub winner_score: Option<String>,
    /// What sub-total disqualifies (spec §13), in words; `null` when nothing does.
    pub threshold: Option<String>,
}

/// One summary per bid that was assessed (every bid that is not hypothetical), in file order.
pub fn debriefs(t: &Tender, e: &Evaluation) -> Vec<Debrief> {
    let rules = crate::publish::threshold_rules(t);
    t.bids
        .iter()
        .zip(&e.bids)
        .filter(|(b, _)| !b.hypothetical)
        .map(|(b, r)| {
            // With lots, the bid stands among its own lot's bids only.
            let lot = r
                .lot
                .as_ref()
                .and_then(|id| e.lots.iter().flatten().find(|l| &l.id == id));
            let ranking = lot.map_or(&e.ranking, |l| &l.ranking);
            let winner = ranking
                .first()
                .and_then(|id| e.bids.iter().find(|b| &b.id == id));
            let winner = winner.filter(|w| w.id != r.id);
            debrief(t, e, &rules, b, r, (lot, ranking.len()), winner)
        })
        .collect()
}

/// What a criterion measures and how it is scored, in words.
fn assessed(t: &Tender, c: &Criterion) -> String {
    match &c.kind {
        Kind::Price {
            formula,
            ceiling,
            schedule,
        } => {
            let mut s = if t.award.scores_price() {
                // In words only: the formula's id in the file means nothing to a supplier.
                crate::price::describe(formula).to_string()
            } else {
                format!(
                    "the price is not given marks: {}",
                    crate::award::describe(t.award)
                )
            };
            if let Some(schedule) = schedule {
                let _ = write!(s, "; {}", crate::schedule::describe(schedule));
            }
            if let Some(ceil) = ceiling {
                let _ = write!(
                    s,
                    "; prices above {} are {}",
                    crate::money::money(ceil.amount, &t.info.currency),
                    match ceil.above {
                        AboveCeiling::Disqualify => "disqualified",
                        AboveCeiling::Zero => "given no marks",
                    }
                );
            }
            s
        }
        Kind::Scored {
            scale, threshold, ..
        } => {
            let points = match &scale.points {
                // Written in place: one list of owned strings joined is one more copy of the
                // joining code in the engine.
                ScalePoints::Points(p) => {
                    let mut s = String::new();
                    for (k, p) in p.iter().enumerate() {
                        let sep = if k == 0 { "" } else { ", " };
                        let _ = write!(s, "{sep}{}", Plain(p.value));
                        if let Some(l) = &p.label {
                            let _ = write!(s, " {l}");
                        }
                    }
                    s
                }
                ScalePoints::Range { from, to, step } => {
                    format!(
                        "{} to {} in steps of {}",
                        Plain(*from),
                        Plain(*to),
                        Plain(*step)
                    )
                }
            };
            // Under the fictitious discount a criterion carries money, not marks.
            let worth = match t.award {
                AwardMethod::FictitiousDiscount => "money value",
                _ => "marks",
            };
            let mut s = format!(
                "scored by the evaluators on the scale {points}; {worth} × score ÷ {}",
                Plain(scale.top())
            );
            if let Some(th) = threshold {
                let _ = write!(s, "; a score below {} disqualifies", Plain(*th));
            }
            s
        }
        Kind::Numeric {
            unit, direction, ..
        } => format!(
            "the {} stated in the bid ({} is better)",
            unit.as_deref().unwrap_or("value"),
            direction.as_str()
        ),
        Kind::Measures { measures, scoring } => {
            let names: Vec<&str> = t
                .measures
                .iter()
                .filter(|m| measures.contains(&m.id))
                .map(|m| m.name.as_str())
                .collect();
            let rule = match scoring {
                SvScoring::RelativeToHighest => {
                    "against the highest social value offered".to_string()
                }
                SvScoring::RelativeToHighestPercent => {
                    "as a percentage of price, against the highest percentage offered".to_string()
                }
                SvScoring::Target(target) => format!(
                    "against a target of {}",
                    crate::money::money(*target, &t.info.currency)
                ),
            };
            format!(
                "social value commitments ({}) valued with the published proxy values, {rule}",
                names.join(", ")
            )
        }
        Kind::PassFail => "pass or fail".into(),
    }
}

/// The published rules (spec §13) on one criterion or group, in words, each saying that it
/// disqualifies: "a sub-total below 28 on "Quality" (of its 40 marks) disqualifies".
fn rules_on(rules: &[Message], key: &str, id: &str) -> Option<String> {
    let mut out: Option<String> = None;
    for r in rules.iter().filter(|r| r.params.get(key) == Some(id)) {
        let s = out.get_or_insert_with(String::new);
        if !s.is_empty() {
            s.push_str("; ");
        }
        s.push_str(&r.message);
        s.push_str(" disqualifies");
    }
    out
}

fn top_group_of(t: &Tender, id: &str) -> Option<String> {
    t.criteria.iter().find_map(|n| match n {
        Node::Group(g) if g.leaf_ids().contains(&id) => Some(g.name.clone()),
        _ => None,
    })
}

fn debrief(
    t: &Tender,
    e: &Evaluation,
    rules: &[Message],
    b: &Bid,
    r: &BidResult,
    (lot, ranked_bids): (Option<&LotResult>, usize),
    winner: Option<&BidResult>,
) -> Debrief {
    let max_total = t.max_total();
    let leaves = t.leaves();
    let mut missing_rationales = Vec::new();
    let criteria: Vec<CriterionSummary> = r
        .criteria
        .iter()
        .filter_map(|c| {
            let leaf = leaves.iter().find(|l| *l.id == *c.id)?;
            let rationale = b.scores.get(&leaf.id).and_then(|m| m.rationale.clone());
            let is_scored = matches!(leaf.kind, Kind::Scored { .. });
            if is_scored
                && c.score.is_some()
                && rationale.as_deref().is_none_or(|s| s.trim().is_empty())
            {
                missing_rationales.push(leaf.id.clone());
            }
            let is_price = matches!(leaf.kind, Kind::Price { .. });
            let explanation = match (is_scored, rationale) {
                (true, Some(text)) if !text.trim().is_empty() => text,
                (true, _) => "no rationale was recorded for this score".to_string(),
                (false, _) => priced(is_price, r, &c.working.text()),
            };
            let w = winner.and_then(|w| w.criteria.iter().find(|x| x.id == c.id));
            let winner_bid = winner.and_then(|w| t.bids.iter().find(|x| x.id == w.id));
            let winner_explanation = w.map(|wc| {
                match (
                    is_scored,
                    winner_bid
                        .and_then(|x| x.scores.get(&leaf.id))
                        .and_then(|m| m.rationale.clone()),
                ) {
                    (true, Some(text)) if !text.trim().is_empty() => text,
                    (true, _) => "no rationale was recorded for this score".to_string(),
                    (false, _) => match winner {
                        Some(w) => priced(is_price, w, &wc.working.text()),
                        None => wc.working.text().into_owned(),
                    },
                }
            });
            Some(CriterionSummary {
                id: leaf.id.clone(),
                name: leaf.name.clone(),
                group: top_group_of(t, &leaf.id),
                max: Plain(leaf.marks).to_string(),
                weight_percent: share_percent(leaf.marks, max_total),
                assessed: match rules_on(rules, "criterion", &leaf.id) {
                    Some(more) => format!("{}; {more}", assessed(t, leaf)),
                    None => assessed(t, leaf),
                },
                score: c.score.as_deref().map(str::to_string),
                working: c.working.text().into_owned(),
                explanation,
                winner_score: w.and_then(|wc| wc.score.as_deref().map(str::to_string)),
                winner_explanation,
            })
        })
        .collect();
    let groups: Vec<GroupSummary> = r
        .groups
        .iter()
        .map(|g| GroupSummary {
            id: g.id.clone(),
            name: g.name.clone(),
            score: g.score.clone(),
            max: g.max.clone(),
            winner_score: winner
                .and_then(|w| w.groups.iter().find(|x| x.id == g.id))
                .map(|x| x.score.clone()),
            threshold: rules_on(rules, "group", &g.id),
        })
        .collect();
    let reasons: Vec<String> = r.reasons.iter().map(|m| m.message.clone()).collect();
    let mut d = Debrief {
        bid: r.id.clone(),
        supplier: r.supplier.clone(),
        title: t.info.title.clone(),
        buyer: t.info.buyer.clone(),
        reference: t.info.reference.clone(),
        lot: lot.map(|l| l.id.clone()),
        lot_name: lot.map(|l| l.name.clone()),
        method: t.award.as_str(),
        method_description: crate::award::describe(t.award),
        status: r.status,
        rank: r.rank,
        ranked_bids,
        total: r.total.clone(),
        max_total: e.max_total.clone(),
        value: r.value.clone(),
        price: r.price.clone(),
        value_working: r.value_working.clone(),
        winner: winner.map(|w| WinnerSummary {
            bid: w.id.clone(),
            supplier: w.supplier.clone(),
            total: w.total.clone(),
            value: w.value.clone(),
            price: w.price.clone(),
            value_working: w.value_working.clone(),
        }),
        criteria,
        groups,
        reasons,
        missing_rationales,
        text: String::new(),
    };
    d.text = text(&d, t.award, &t.info.currency);
    d
}

/// How the text names a bid's figures under its award method.
struct Words<'a> {
    method: AwardMethod,
    currency: &'a str,
}

impl Words<'_> {
    /// Criterion scores, sub-totals and totals are money under the fictitious discount.
    fn money_scores(&self) -> bool {
        self.method == AwardMethod::FictitiousDiscount
    }

    /// A score, sub-total, total or maximum as published: money under the fictitious discount.
    fn score(&self, text: &str) -> String {
        if self.money_scores() {
            self.money(text)
        } else {
            text.to_string()
        }
    }

    /// An official amount as money, every published digit kept.
    fn money(&self, text: &str) -> String {
        match crate::money::parse(text) {
            Some(d) => crate::money::MoneyExact(d, self.currency).to_string(),
            None => text.to_string(),
        }
    }

    /// The award value: money but for the quality-price ratio, which is a number.
    fn value(&self, text: &str) -> String {
        match self.method {
            AwardMethod::QualityPriceRatio { .. } => text.to_string(),
            _ => self.money(text),
        }
    }

    /// What the total is called: "total score", "quality points" or "quality discount".
    fn total_name(&self) -> &'static str {
        match self.method {
            AwardMethod::WeightedSum => "total score",
            AwardMethod::FictitiousDiscount => "quality discount",
            _ => "quality points",
        }
    }

    /// What the award value is called, under the methods that have one.
    fn value_name(&self) -> &'static str {
        match self.method {
            AwardMethod::PricePerQualityPoint => "price per quality point",
            AwardMethod::QualityPriceRatio { .. } => "quality-price ratio",
            AwardMethod::FictitiousDiscount => "fictitious price",
            AwardMethod::WeightedSum => "award value",
        }
    }
}

/// The summary as plain text.
fn text(d: &Debrief, method: AwardMethod, currency: &str) -> String {
    let w = Words { method, currency };
    let mut s = String::new();
    let title = d.title.as_deref().unwrap_or("the tender");
    let _ = writeln!(s, "Assessment summary: {title}");
    if let Some(r) = &d.reference {
        let _ = writeln!(s, "Reference: {r}");
    }
    if let Some(b) = &d.buyer {
        let _ = writeln!(s, "Contracting authority: {b}");
    }
    if let Some(lot) = &d.lot_name {
        let _ = writeln!(s, "Lot: {lot}");
    }
    let _ = writeln!(s, "Supplier: {}", d.supplier);
    let _ = writeln!(s);
    let _ = writeln!(s, "How tenders were assessed: {}.", d.method_description);
    let outcome = match (d.status, d.rank) {
        (Status::Ranked, Some(1)) => "Your tender is the most advantageous tender.".to_string(),
        (Status::Ranked, Some(r)) => format!("Your tender was ranked {r} of {}.", d.ranked_bids),
        (Status::Disqualified, _) => {
            let reasons: Vec<&str> = d.reasons.iter().map(String::as_str).collect();
            format!("Your tender was not ranked: {}.", reasons.join("; "))
        }
        _ => "Your tender was not ranked: its assessment is incomplete.".to_string(),
    };
    let _ = writeln!(s, "{outcome}");
    let max = w.score(&d.max_total);
    let ranks_on_value = method != AwardMethod::WeightedSum;
    if ranks_on_value {
        if let Some(p) = &d.price {
            let _ = writeln!(s, "Your price: {}", w.money(p));
        }
    }
    let total_name = w.total_name();
    let _ = writeln!(s, "Your {total_name}: {} out of {max}", w.score(&d.total));
    if let Some(v) = &d.value {
        let _ = write!(s, "Your {}: {}", w.value_name(), w.value(v));
        if let Some(working) = &d.value_working {
            let _ = write!(s, ", worked out as {working}");
        }
        let _ = writeln!(s);
    }
    if let Some(win) = &d.winner {
        let _ = write!(s, "Most advantageous tender ({}): ", win.supplier);
        if ranks_on_value {
            let _ = write!(s, "{total_name} {} out of {max}", w.score(&win.total));
            if let Some(p) = &win.price {
                let _ = write!(s, ", price {}", w.money(p));
            }
            if let Some(v) = &win.value {
                let _ = write!(s, ", {} {}", w.value_name(), w.value(v));
            }
        } else {
            let _ = write!(s, "{} out of {max}", win.total);
        }
        let _ = writeln!(s);
    }
    let (your, their) = if w.money_scores() {
        ("Your discount", "Most advantageous tender's discount")
    } else {
        ("Your score", "Most advantageous tender's score")
    };
    for c in &d.criteria {
        let _ = writeln!(s);
        let group = c
            .group
            .as_deref()
            .map(|g| format!(" ({g})"))
            .unwrap_or_default();
        if w.money_scores() {
            let _ = writeln!(
                s,
                "{}{group}: worth up to {}, {}% of the total",
                c.name,
                w.money(&c.max),
                c.weight_percent
            );
        } else {
            let _ = writeln!(
                s,
                "{}{group}: up to {} marks, {}% of the total",
                c.name, c.max, c.weight_percent
            );
        }
        let _ = writeln!(s, "  How it was assessed: {}", c.assessed);
        let _ = writeln!(
            s,
            "  {your}: {} ({})",
            c.score
                .as_deref()
                .map_or_else(|| "not scored".to_string(), |x| w.score(x)),
            c.working
        );
        if c.explanation != c.working {
            let _ = writeln!(s, "  Explanation: {}", c.explanation);
        }
        if let (Some(ws), Some(we)) = (&c.winner_score, &c.winner_explanation) {
            let _ = writeln!(s, "  {their}: {}. {we}", w.score(ws));
        }
    }
    if !d.groups.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "Sub-totals");
        for g in &d.groups {
            let _ = write!(
                s,
                "  {}: {} out of {}",
                g.name,
                w.score(&g.score),
                w.score(&g.max)
            );
            if let Some(ws) = &g.winner_score {
                let _ = write!(s, " (most advantageous tender: {})", w.score(ws));
            }
            if let Some(th) = &g.threshold {
                let _ = write!(s, "; {th}");
            }
            let _ = writeln!(s);
        }
    }
    s
}

/// The explanation of a calculated score: its working, after how the evaluated price was formed
/// where the price criterion has a schedule (spec §11).
fn priced(is_price: bool, r: &BidResult, working: &str) -> String {
    match (&r.price_working, is_price) {
        (Some(formed), true) => format!("evaluated price {formed}; {working}"),
        _ => working.to_string(),
    }
}

/// Marks as a share of the whole, for callers that need the same figure as the summaries.
pub fn share_percent(marks: Decimal, total: Decimal) -> String {
    if total.is_zero() {
        return "0.00".into();
    }
    // A part of a positive whole: at most 100%, so the percentage always fits.
    fixed(
        crate::money::percent(marks, total).unwrap_or(Decimal::ZERO),
        2,
    )
}

crate::json::json_object!(Debrief {
    "bid": bid,
    "supplier": supplier,
    "title": title,
    "buyer": buyer,
    "reference": reference,
    "lot": lot if none,
    "lotName": lot_name if none,
    "method": method,
    "methodDescription": method_description,
    "status": status,
    "rank": rank,
    "rankedBids": ranked_bids,
    "total": total,
    "maxTotal": max_total,
    "value": value,
    "price": price,
    "valueWorking": value_working,
    "winner": winner,
    "criteria": criteria,
    "groups": groups,
    "reasons": reasons,
    "missingRationales": missing_rationales,
    "text": text,
});

crate::json::json_object!(WinnerSummary {
    "bid": bid,
    "supplier": supplier,
    "total": total,
    "value": value,
    "price": price,
    "valueWorking": value_working,
});

crate::json::json_object!(CriterionSummary {
    "id": id,
    "name": name,
    "group": group,
    "max": max,
    "weightPercent": weight_percent,
    "assessed": assessed,
    "score": score,
    "working": working,
    "explanation": explanation,
    "winnerScore": winner_score,
    "winnerExplanation": winner_explanation,
});

crate::json::json_object!(GroupSummary {
    "id": id,
    "name": name,
    "score": score,
    "max": max,
    "winnerScore": winner_score,
    "threshold": threshold,
});
