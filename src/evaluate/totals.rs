//! A bid's result put together: each criterion's official score with its working, group
//! sub-totals, the total and the award value; and the totals a smaller pool would give, for the
//! rank reversal check.

use super::prepare::needs_consensus;
use super::relative::{fields, is_relative};
use super::score::{official, score_criterion, score_leaf, total_of, OUT_OF_RANGE};
use super::workings;
use crate::context::{Ctx, Fmt, Prepared};
use crate::model::*;
use crate::money::{self, fixed, plain, Fixed};
use crate::price::Field;
use crate::result::*;
use crate::text::Params;
use rust_decimal::Decimal;

pub(super) fn bid_result(
    cx: &Ctx,
    p: &Prepared,
    fields: &[Option<Field>],
    in_pool: bool,
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
        let raw = score_leaf(cx, li, p, fields, in_pool, true);
        criteria.push(match raw {
            Some(r) if r.code != OUT_OF_RANGE => {
                let value = official(r.score, t);
                values[li] = Some(value);
                let shown = fmt.score(value);
                let working = match r.how {
                    Some(how) => how.finish(cx.marks[li].clone(), shown.clone()),
                    None => Working::written(workings::equals(r.working, &shown)),
                };
                CriterionResult {
                    id: cx.ids[li].clone(),
                    name: cx.names[li].clone(),
                    kind: c.kind.as_str(),
                    working,
                    score: Some(shown),
                    max: cx.marks[li].clone(),
                    fraction: Some(Fixed(r.fraction, 4).compact()),
                    input: Some(r.input),
                    input_from: r.input_from,
                    explain: Explain {
                        code: r.code,
                        params: r.params,
                    },
                    value: Some(value),
                }
            }
            // A missing input, or a score out of range (the bid is then disqualified).
            other => {
                let out = other.is_some();
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
                    input: other.map(|r| r.input),
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
            Some(SocialValueItem {
                measure: m.id.clone(),
                quantity: plain(q),
                proxy: fixed(m.proxy, 2),
                money: fixed(value, 2),
                working: workings::commitment(fmt, &m.unit, q, m.proxy, value),
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
