//! A bid's result put together: each criterion's official score with its working, group
//! sub-totals, the total and the award value; and the totals a smaller pool would give, for the
//! rank reversal check.

use super::prepare::needs_consensus;
use super::relative::{fields, is_relative};
use super::score::{official, score_criterion, score_leaf, scored_raw, total_of, OUT_OF_RANGE};
use super::workings;
use crate::context::{Ctx, Fmt, Prepared};
use crate::model::*;
use crate::moderation::Aggregate;
use crate::money::{self, fixed, plain, Fixed};
use crate::price::Field;
use crate::result::*;
use crate::text::{Compact, Params};
use rust_decimal::Decimal;

/// A scored criterion's official figures as the result shows them: its score (exact and written),
/// the share of the marks and the input.
#[derive(Clone)]
struct Figures {
    value: Decimal,
    shown: Compact,
    fraction: Compact,
    input: Compact,
}

/// The figures of each scored criterion by the marks they come from. However many bids there are,
/// a panel gives a criterion few different sums (three evaluators on a scale of 0 to 5: sixteen),
/// and each is scored, rounded and written the same for every bid that has it: a thousand bids on
/// forty criteria work out a few hundred scores, not forty thousand. The working and where the
/// input came from stay each bid's own.
pub(super) struct Repeats(Vec<Vec<(Marks, Figures)>>);

/// An aggregate's exact fraction as held (numerator, denominator): equal keys give equal scores
/// (the aggregate is their quotient; a single evaluator's or a moderated mark is the numerator
/// itself, written as held, but the result writes it without trailing zeros). Two ways of holding
/// one fraction are two keys, and only cost a second working-out.
type Marks = [u128; 2];

/// How many different marks a criterion keeps: past it (a panel scoring on a fine scale, or many
/// evaluators) the rest are worked out each time, as they would be without it.
const KEPT: usize = 64;

impl Repeats {
    pub(super) fn new(cx: &Ctx) -> Repeats {
        Repeats(vec![Vec::new(); cx.leaves.len()])
    }

    fn marks(a: &Aggregate) -> Marks {
        [a.numerator, a.denominator].map(|d| u128::from_le_bytes(d.serialize()))
    }

    fn get(&self, leaf: usize, a: &Aggregate) -> Option<&Figures> {
        let key = Self::marks(a);
        // Compared part by part: as arrays they would be compared by a call to `memcmp`.
        let same = |k: &Marks| k[0] == key[0] && k[1] == key[1];
        self.0[leaf].iter().find(|(k, _)| same(k)).map(|(_, f)| f)
    }

    fn put(&mut self, leaf: usize, a: &Aggregate, figures: &Figures) {
        let kept = &mut self.0[leaf];
        if kept.len() < KEPT {
            kept.push((Self::marks(a), figures.clone()));
        }
    }
}

pub(super) fn bid_result(
    cx: &Ctx,
    p: &Prepared,
    fields: &[Option<Field>],
    in_pool: bool,
    repeats: &mut Repeats,
) -> BidResult {
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
        // A scored criterion's figures are those of every other bid with the same marks: taken
        // from `repeats` when one had them, else worked out (and kept there).
        let aggregate = match &c.kind {
            Kind::Scored { scale, .. } => p.aggregates[li].as_ref().map(|a| (a, scale.top())),
            _ => None,
        };
        let seen = aggregate.and_then(|(a, top)| Some((repeats.get(li, a)?, a, top)));
        let (raw, figures) = match seen {
            Some((f, a, top)) => (Some(scored_raw(a, top, true)), Some(f.clone())),
            None => {
                let raw = score_leaf(cx, li, p, fields, in_pool, true);
                let figures = raw.as_ref().filter(|r| r.code != OUT_OF_RANGE).map(|r| {
                    let value = official(r.score, t);
                    Figures {
                        value,
                        shown: fmt.score(value),
                        fraction: Fixed(r.fraction, 4).compact(),
                        input: r.input.clone(),
                    }
                });
                if let (Some((a, _)), Some(f)) = (aggregate, &figures) {
                    repeats.put(li, a, f);
                }
                (raw, figures)
            }
        };
        criteria.push(match (figures, raw) {
            (Some(f), Some(r)) => {
                values[li] = Some(f.value);
                let working = match r.how {
                    Some(how) => how.finish(cx.marks[li].clone(), f.shown.clone()),
                    None => Working::written(workings::equals(r.working, &f.shown)),
                };
                CriterionResult {
                    id: cx.ids[li].clone(),
                    name: cx.names[li].clone(),
                    kind: c.kind.as_str(),
                    working,
                    score: Some(f.shown),
                    max: cx.marks[li].clone(),
                    fraction: Some(f.fraction),
                    input: Some(f.input),
                    input_from: r.input_from,
                    explain: Explain {
                        code: r.code,
                        params: r.params,
                    },
                    value: Some(f.value),
                }
            }
            // A missing input, or a score out of range (the bid is then disqualified).
            (_, raw) => {
                let out = raw.is_some();
                out_of_range |= out;
                // Spec §14: the evaluators' scores are there, but may not be combined.
                let consensus = !out && b.scores.get(&c.id).is_some_and(|m| needs_consensus(t, m));
                let (working, code) = match (out, consensus) {
                    (true, _) => (workings::TOO_LARGE, OUT_OF_RANGE),
                    (_, true) => (workings::NEEDS_CONSENSUS, "missing-moderated-score"),
                    _ => (workings::MISSING, "missing"),
                };
                CriterionResult {
                    id: cx.ids[li].clone(),
                    name: cx.names[li].clone(),
                    kind: c.kind.as_str(),
                    score: None,
                    max: cx.marks[li].clone(),
                    fraction: None,
                    input: raw.map(|r| r.input),
                    input_from: None,
                    working: Working::written(working.into()),
                    explain: Explain {
                        code,
                        params: Params::new(),
                    },
                    value: None,
                }
            }
        });
    }
    // Each score is at most its marks × `price::RATIO_LIMIT` (10^12 × 10^6), so no sum of the
    // criteria a file can hold comes near the 7.9 × 10^28 an exact decimal holds.
    let sum = money::sum(criteria.iter().filter_map(|c| c.value));
    let total = total_of(sum, t);
    let groups = cx
        .groups
        .iter()
        .map(|(g, idx)| {
            let value = money::sum(idx.iter().filter_map(|&i| values[i]));
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
    let award = crate::award::value_for(t, fmt, total, p.price, true);
    out_of_range |= crate::award::out_of_range(t.award, total, p.price, award.as_ref());
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
        lot: b.lot.clone(),
        hypothetical: b.hypothetical,
        status: p.status,
        rank: None,
        total: fmt.total(total),
        price: p.price.map(|d| fixed(d, 2)),
        price_working: p.price_working.clone(),
        criteria,
        groups,
        gates,
        social_value: social_value(t, b, p.price, fmt),
        reasons: p.reasons.clone(),
        missing: p.missing.clone(),
        total_value: total,
        price_value: p.price,
        out_of_range,
    }
}

/// The bid's social value over every measure it commits to (spec §6), with SV % of price.
fn social_value(t: &Tender, b: &Bid, price: Option<Decimal>, fmt: &Fmt) -> Option<SocialValue> {
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
            let value = money::times(q, m.proxy);
            total = total.and_then(|t| money::add(t, value));
            let (quantity, proxy, amount) = (plain(q), fixed(m.proxy, 2), fixed(value, 2));
            Some(SocialValueItem {
                measure: m.id.clone(),
                working: workings::commitment(&fmt.currency, &m.unit, &quantity, &proxy, &amount),
                quantity,
                proxy,
                money: amount,
            })
        })
        .collect();
    let total = total?;
    Some(SocialValue {
        money: fixed(total, 2),
        percent_of_price: price
            .filter(|p| *p > Decimal::ZERO)
            .and_then(|price| money::percent(total, price))
            .map(|pc| fixed(pc, 2)),
        items,
    })
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
            let sum = money::sum(cx.scored.iter().zip(&bids[i].criteria).filter_map(
                |(&li, fixed)| {
                    if is_relative(cx.leaves[li]) {
                        score_criterion(cx, li, &prepared[i], &fields, true, false)
                            .map(|r| official(r.score, t))
                    } else {
                        fixed.value
                    }
                },
            ));
            let total = total_of(sum, t);
            let value = crate::award::value_for(t, &cx.fmt, total, prepared[i].price, false);
            crate::award::key(t.award, total, value.map(|v| v.value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    fn evaluate(tender: &Value) -> crate::Evaluation {
        crate::evaluate::evaluate(&crate::read(&tender.to_string()).expect("a valid tender"))
    }

    /// A scored criterion's result is the bid's own, however many bids before it had the same
    /// figures in some form: the same sum over more evaluators, the same mark moderated or from
    /// one evaluator, the same number written another way, on a scale of halves and rounded.
    #[test]
    fn a_score_taken_from_an_earlier_bid_is_the_one_the_bid_gets_alone() {
        let marks = [
            json!({ "evaluators": { "E1": 4, "E2": 4 } }),
            json!({ "evaluators": { "E1": 2, "E2": 3, "E3": 3 } }),
            json!({ "evaluators": { "E1": 4, "E2": 4 } }),
            json!({ "evaluators": { "E1": 0, "E2": 4 }, "moderated": 4 }),
            json!({ "evaluators": { "E1": 4 } }),
            json!({ "evaluators": { "E1": "4.0", "E2": "4.00" } }),
            json!({ "evaluators": { "E1": 3, "E2": 4, "E3": 4 } }),
            json!({ "evaluators": { "E1": "3.5", "E2": 4, "E3": 4 } }),
            json!({ "evaluators": { "E2": 4, "E1": 3, "E3": 4 } }),
            json!({ "evaluators": { "E1": 1, "E2": 3 } }),
            json!({ "evaluators": { "E1": 2, "E2": 2 } }),
            json!({ "moderated": 2 }),
        ];
        for (stage, decimals) in [("criterion", 2), ("total", 1), ("none", 2)] {
            let tender = |bids: Vec<Value>| {
                json!({
                    "format": "bidscore/1",
                    "rounding": { "stage": stage, "decimals": decimals },
                    "scales": { "s": { "from": 0, "to": 5, "step": 0.5 } },
                    "criteria": [
                        { "id": "q1", "kind": "scored", "name": "Plan", "weight": 30, "scale": "s" },
                        { "id": "q2", "kind": "scored", "name": "Staff", "weight": 70, "scale": "s" }
                    ],
                    "bids": bids
                })
            };
            // Each mark on q1 with the next on q2, so the two criteria's repeats differ.
            let bid = |i: usize| {
                let q2 = marks[(i + 1) % marks.len()].clone();
                json!({ "id": format!("b{i:02}"), "supplier": format!("S{i}"),
                        "scores": { "q1": marks[i], "q2": q2 } })
            };
            let all = evaluate(&tender((0..marks.len()).map(bid).collect()));
            for (i, together) in all.bids.iter().enumerate() {
                let alone = evaluate(&tender(vec![bid(i)]));
                assert_eq!(
                    serde_json::to_value(&together.criteria).unwrap(),
                    serde_json::to_value(&alone.bids[0].criteria).unwrap(),
                    "{stage}: bid {i}, marks {}",
                    marks[i]
                );
            }
        }
    }
}
