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
        #[cfg(not(target_arch = "wasm32"))]
        kept: kept_sum(cx, &values),
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

/// A sum of official scores held as a whole number of the tender's smallest place (10^-places),
/// for rank reversal's totals without each bid: a bid's scores on the criteria no comparison moves
/// are added up once, as its result is put together, and each smaller pool's relative scores are
/// added to them (1,000 bids on 40 criteria, two bids taken away in turn: 5 ms became 2). Kept
/// only while the sizes of its terms add up to under 10^18 smallest places (an exact decimal holds
/// 7.9 × 10^28): the decimals then add the scores with no rounding, in any order, to this value.
/// Its places can differ from theirs (a decimal added to zero keeps its own), which the totals'
/// comparisons do not see: so it is kept only where a total is its own ranking key (the weighted
/// sum), not divided or multiplied into an award value.
///
/// Native only: in the WebAssembly build, at its size budget, it took a kilobyte (gzipped).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kept {
    units: i64,
    size: i64,
    /// The most decimal places of a term: the places of the sum the decimals come to.
    scale: u32,
}

#[cfg(not(target_arch = "wasm32"))]
impl Kept {
    const NOTHING: Kept = Kept {
        units: 0,
        size: 0,
        scale: 0,
    };

    /// `self + v`, where `v` has at most `places` decimal places and the sizes stay in bounds.
    fn plus(self, v: Decimal, places: u32) -> Option<Kept> {
        let units = i64::try_from(v.mantissa())
            .ok()?
            .checked_mul(10i64.checked_pow(places.checked_sub(v.scale())?)?)?;
        // Under 10^18 after this, the sum is too.
        let size = self.size.checked_add(units.checked_abs()?)?;
        (size < 10i64.pow(18)).then_some(Kept {
            units: self.units + units,
            size,
            scale: self.scale.max(v.scale()),
        })
    }

    /// The sum, with the most places of its terms; `None` where 10^`places` is beyond 64 bits
    /// (a tender read from a file rounds to at most 10 places, but one built in code may say more).
    fn sum(self, places: u32) -> Option<Decimal> {
        let unit = 10i64.checked_pow(places - self.scale)?;
        Some(Decimal::new(self.units / unit, self.scale))
    }
}

/// A bid's sum of its official scores `values` (by leaf) on the criteria that are not relative
/// (see [`Kept`]); `None` unless scores are rounded per criterion and ranked by their weighted
/// sum, or out of bounds.
#[cfg(not(target_arch = "wasm32"))]
fn kept_sum(cx: &Ctx, values: &[Option<Decimal>]) -> Option<Kept> {
    if cx.t.rounding.stage != RoundingStage::Criterion || cx.t.award != AwardMethod::WeightedSum {
        return None;
    }
    let mut kept = Kept::NOTHING;
    for &li in &cx.scored {
        if let (false, Some(v)) = (is_relative(cx.leaves[li]), values[li]) {
            kept = kept.plus(v, cx.t.rounding.decimals)?;
        }
    }
    Some(kept)
}

/// `p`'s kept sum with its relative scores against `fields` added to it (see [`Kept`]).
#[cfg(not(target_arch = "wasm32"))]
fn quick_sum(cx: &Ctx, p: &Prepared, b: &BidResult, fields: &[Option<Field>]) -> Option<Decimal> {
    let places = cx.t.rounding.decimals;
    let mut sum = b.kept?;
    for &li in cx.scored.iter().filter(|&&li| is_relative(cx.leaves[li])) {
        if let Some(r) = score_criterion(cx, li, p, fields, true, false) {
            sum = sum.plus(official(r.score, cx.t), places)?;
        }
    }
    sum.sum(places)
}

/// Official totals of the bids in `pool` with the comparison taken over `pool` alone: what the
/// totals would be had the other bids not been there. Only relative criteria are scored again,
/// natively added to the bid's kept sum where it has one (see [`Kept`]); otherwise every score is
/// added in order.
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
            #[cfg(not(target_arch = "wasm32"))]
            let quick = quick_sum(cx, &prepared[i], &bids[i], &fields);
            // The WebAssembly build adds every score up in order (see `Kept`).
            #[cfg(target_arch = "wasm32")]
            let quick = None;
            #[cfg_attr(target_arch = "wasm32", allow(clippy::unnecessary_literal_unwrap))]
            let sum =
                quick.unwrap_or_else(|| {
                    money::sum(cx.scored.iter().zip(&bids[i].criteria).filter_map(
                        |(&li, fixed)| {
                            if is_relative(cx.leaves[li]) {
                                score_criterion(cx, li, &prepared[i], &fields, true, false)
                                    .map(|r| official(r.score, t))
                            } else {
                                fixed.value
                            }
                        },
                    ))
                });
            let total = total_of(sum, t);
            let value = crate::award::value_for(t, &cx.fmt, total, prepared[i].price, false);
            crate::award::key(t.award, total, value.map(|v| v.value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;
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

    /// A kept sum is the sum the decimals add up to, or nothing: for a score with more places
    /// than the tender rounds to, and terms whose sizes reach 10^18 smallest places, however small
    /// their sum.
    #[test]
    fn a_kept_sum_is_the_decimals_sum_or_nothing() {
        use super::Kept;
        let cases: [(&[&str], u32, bool); 16] = [
            (&["1.5", "2.25", "-3.75", "40"], 2, true),
            (&["3", "4.5"], 2, true),
            (&["1.5", "-1.5", "40"], 3, true),
            (&["0.1234567891", "7", "-0.0000000001"], 10, true),
            (&["3", "4"], 0, true),
            (&["2.5", "0.5"], 1, true),
            (&["1.5", "-1.5"], 2, true),
            (&["1.255"], 2, false),
            (&["9999999999999999.99"], 2, true),
            (&["9999999999999999.99", "0.01"], 2, false),
            (&["-5000000000000000.00", "5000000000000000.01"], 2, false),
            (&["79228162514264337593543950335"], 0, false),
            (&["0.00000000001"], 10, false),
            (&[], 18, true),
            (&[], 19, false),
            (&["1"], 19, false),
        ];
        for (values, places, kept) in cases {
            let values: Vec<Decimal> = values.iter().map(|v| v.parse().unwrap()).collect();
            let sum = values
                .iter()
                .try_fold(Kept::NOTHING, |k, &v| k.plus(v, places))
                .and_then(|k| k.sum(places));
            let decimals = crate::money::sum(values.iter().copied());
            assert_eq!(
                sum,
                kept.then_some(decimals),
                "{values:?} to {places} places"
            );
        }
    }

    /// Rank reversal's totals without a bid, from the bids' kept sums, are the totals with every
    /// score added up in order: generated tenders rounded per criterion to each number of places
    /// the format allows, every ranked bid taken away in turn. Other methods keep no sums.
    #[test]
    fn totals_from_kept_sums_are_the_sums_in_order() {
        use crate::context::Ctx;
        for (places, seed) in (0..=10).zip(1..) {
            let mut v = crate::synth::tender(40, 8, 3, seed);
            v["rounding"] = json!({ "stage": "criterion", "decimals": places });
            let t = crate::read(&v.to_string()).unwrap();
            let bids = crate::evaluate::evaluate(&t).bids;
            assert!(bids.iter().all(|b| b.kept.is_some()), "{places} places");
            let mut added = bids.clone();
            added.iter_mut().for_each(|b| b.kept = None);
            let cx = Ctx::new(&t);
            let prepared: Vec<_> = t
                .bids
                .iter()
                .map(|b| crate::evaluate::prepare(&cx, b))
                .collect();
            let pool: Vec<usize> = (0..bids.len())
                .filter(|&i| bids[i].status == crate::result::Status::Ranked)
                .collect();
            assert!(pool.len() > 30, "{places} places: {} ranked", pool.len());
            for r in &pool {
                let rest: Vec<usize> = pool.iter().copied().filter(|i| i != r).collect();
                // Every bid's total taken from its kept sum: the two below are not both the fold.
                let fields = super::fields(&cx, &prepared, &rest);
                let quick = rest
                    .iter()
                    .filter(|&&i| super::quick_sum(&cx, &prepared[i], &bids[i], &fields).is_some());
                assert_eq!(quick.count(), rest.len(), "{places} places, without {r}");
                assert_eq!(
                    super::pool_totals(&cx, &prepared, &bids, &rest),
                    super::pool_totals(&cx, &prepared, &added, &rest),
                    "{places} places, without {r}"
                );
            }
        }
        for (method, stage) in [
            ("price-per-quality-point", "criterion"),
            ("weighted-sum", "total"),
        ] {
            let mut v = crate::synth::tender(10, 6, 2, 1);
            v["award"] = json!({ "method": method });
            if method != "weighted-sum" {
                // The price is not weighted: the method divides it by the quality points.
                v["criteria"][1].as_object_mut().unwrap().remove("weight");
            }
            v["rounding"] = json!({ "stage": stage, "decimals": 2 });
            let t = crate::read(&v.to_string()).unwrap();
            let bids = crate::evaluate::evaluate(&t).bids;
            assert!(bids.iter().all(|b| b.kept.is_none()), "{method}, {stage}");
        }
    }
}
