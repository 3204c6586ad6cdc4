//! Invariants of the scoring engine, checked on generated tenders (proptest): scores stay within
//! their marks, a lower price never lowers a price score, the order of bids in the file changes
//! nothing, disqualified bids do not move anyone else's scores, ranks follow totals, and the same
//! file always gives the same result.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
struct BidSpec {
    pence: u64,
    scores: Vec<u8>,
    moderated: Option<u8>,
    jobs: u32,
    hours: u32,
}

#[derive(Debug, Clone)]
struct Spec {
    formula: usize,
    ceiling: usize,
    stage: usize,
    tie_break: bool,
    marks: (u32, u32, u32, u32),
    bids: Vec<BidSpec>,
    /// Spec §13–14: 1 adds group and relative thresholds and limits, 2 requires a consensus, 3
    /// both; 0 neither.
    rules: u8,
}

const FORMULAS: usize = 6;

fn bid_spec() -> impl Strategy<Value = BidSpec> {
    (
        5_000_000u64..20_000_000,
        prop::collection::vec(0u8..=5, 1..=3),
        prop::option::weighted(0.3, 0u8..=5),
        0u32..20,
        0u32..500,
    )
        .prop_map(|(pence, scores, moderated, jobs, hours)| BidSpec {
            pence,
            scores,
            moderated,
            jobs,
            hours,
        })
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        0..FORMULAS,
        0usize..3,
        0usize..3,
        any::<bool>(),
        (10u32..60, 0u32..40, 1u32..20, 0u32..15),
        prop::collection::vec(bid_spec(), 2..=6),
        0u8..4,
    )
        .prop_map(
            |(formula, ceiling, stage, tie_break, marks, bids, rules)| Spec {
                formula,
                ceiling,
                stage,
                tie_break,
                marks,
                bids,
                rules,
            },
        )
}

fn money(pence: u64) -> String {
    format!("{}.{:02}", pence / 100, pence % 100)
}

fn price_criterion(s: &Spec) -> Value {
    let mut c = json!({ "id": "price", "kind": "price", "name": "Price", "weight": s.marks.0 });
    let extra = match s.formula {
        0 => json!({ "formula": "lowest-ratio" }),
        1 => json!({ "formula": "linear-min-max" }),
        2 => json!({ "formula": "deviation-from-lowest", "zeroAt": "1.5" }),
        3 => json!({ "formula": "set-bounds", "best": "80000", "worst": "180000" }),
        4 => json!({ "formula": "reference-ratio", "reference": "100000" }),
        _ => json!({ "formula": "reference-ratio", "reference": "100000", "cap": false }),
    };
    let ceiling = match s.ceiling {
        1 => json!({ "ceiling": "190000", "aboveCeiling": "disqualify" }),
        2 => json!({ "ceiling": "190000", "aboveCeiling": "zero" }),
        _ => json!({}),
    };
    for part in [extra, ceiling] {
        for (k, v) in part.as_object().unwrap() {
            c[k] = v.clone();
        }
    }
    c
}

fn bid(id: &str, b: &BidSpec, passes: bool) -> Value {
    let evaluators: serde_json::Map<String, Value> = b
        .scores
        .iter()
        .enumerate()
        .map(|(i, s)| (format!("Evaluator {}", i + 1), json!(s)))
        .collect();
    let mut marking = json!({ "evaluators": evaluators });
    if let Some(m) = b.moderated {
        marking["moderated"] = json!(m);
    }
    json!({ "id": id, "supplier": format!("Supplier {id}"), "price": money(b.pence),
            "gates": { "gate": passes },
            "scores": { "q": marking },
            "values": { "hours": b.hours },
            "commitments": { "jobs": b.jobs } })
}

/// The tender for a spec, with bids `b0`, `b1`, … in spec order.
fn tender(s: &Spec, bids: Vec<Value>) -> Value {
    let (_, q, sv, n) = s.marks;
    let stage = ["criterion", "total", "none"][s.stage];
    let mut t = json!({
        "format": "bidscore/1",
        "rounding": { "decimals": 2, "stage": stage },
        "scales": { "five": { "from": 0, "to": 5, "step": 1 } },
        "measures": [ { "id": "jobs", "name": "Local jobs", "unit": "FTE year", "proxy": "27500" } ],
        "criteria": [
            { "id": "gate", "kind": "pass-fail", "name": "Insurance" },
            price_criterion(s),
            { "id": "quality", "name": "Quality", "children": [
                { "id": "q", "kind": "scored", "name": "Approach", "weight": q, "scale": "five" },
                { "id": "hours", "kind": "numeric", "name": "Training hours", "weight": n, "direction": "higher" } ] },
            { "id": "social-value", "name": "Social value", "category": "social-value", "children": [
                { "id": "sv", "kind": "measures", "name": "Commitments", "weight": sv, "measures": ["jobs"] } ] }
        ],
        "bids": bids
    });
    if s.tie_break {
        t["tieBreak"] = json!(["group:quality", "price"]);
    }
    if s.rules & 1 != 0 {
        let quality = &mut t["criteria"][2];
        quality["threshold"] = json!("40%");
        quality["thresholdRelative"] = json!("70%");
        quality["children"][0]["thresholdRelative"] = json!("60%");
        quality["children"][1]["minimum"] = json!(10);
        quality["children"][1]["maximum"] = json!(450);
        t["criteria"][3]["thresholdRelative"] = json!("50%");
    }
    if s.rules & 2 != 0 {
        t["moderation"] = json!({ "require": "consensus" });
    }
    t
}

fn standard(s: &Spec) -> Value {
    let bids = s
        .bids
        .iter()
        .enumerate()
        .map(|(i, b)| bid(&format!("b{i}"), b, true))
        .collect();
    tender(s, bids)
}

fn evaluate(t: &Value) -> Value {
    let r = bidscore::evaluate_str(&t.to_string())
        .unwrap_or_else(|e| panic!("a generated tender is invalid: {e}\n{t}"));
    serde_json::to_value(&r).unwrap()
}

fn by_id(result: &Value) -> BTreeMap<String, Value> {
    result["bids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["id"].as_str().unwrap().to_string(), b.clone()))
        .collect()
}

fn dec(v: &Value) -> Decimal {
    v.as_str()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not a decimal string: {v}"))
}

fn criterion<'a>(bid: &'a Value, id: &str) -> &'a Value {
    bid["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap()
}

/// A seeded shuffle, so that a failing order is reproducible from the case.
fn shuffled<T: Clone>(items: &[T], mut seed: u64) -> Vec<T> {
    let mut v = items.to_vec();
    for i in (1..v.len()).rev() {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        v.swap(i, (seed >> 33) as usize % (i + 1));
    }
    v
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_score_is_within_its_marks(s in spec()) {
        let r = evaluate(&standard(&s));
        for b in r["bids"].as_array().unwrap() {
            for c in b["criteria"].as_array().unwrap() {
                if c["score"].is_null() {
                    continue;
                }
                let (score, max) = (dec(&c["score"]), dec(&c["max"]));
                prop_assert!(score >= Decimal::ZERO, "{} scored {score} on {}", b["id"], c["id"]);
                // An uncapped reference-ratio rewards a price below the reference beyond full marks.
                let uncapped = c["id"] == "price" && s.formula == 5;
                prop_assert!(uncapped || score <= max, "{} scored {score} of {max} on {}", b["id"], c["id"]);
            }
        }
    }

    #[test]
    fn a_lower_price_never_lowers_the_price_score(s in spec(), which in any::<prop::sample::Index>(), cut in 1u64..=60) {
        let i = which.index(s.bids.len());
        let before = evaluate(&standard(&s));
        let mut cheaper = s.clone();
        cheaper.bids[i].pence -= cheaper.bids[i].pence * cut / 100;
        let after = evaluate(&standard(&cheaper));
        let id = format!("b{i}");
        let was = dec(&criterion(&by_id(&before)[&id], "price")["score"]);
        let now = dec(&criterion(&by_id(&after)[&id], "price")["score"]);
        prop_assert!(now >= was, "{id}: price cut by {cut}% but its price score fell from {was} to {now}");
    }

    #[test]
    fn the_order_of_bids_in_the_file_changes_nothing(s in spec(), seed in any::<u64>()) {
        let t = standard(&s);
        let mut moved = t.clone();
        moved["bids"] = Value::Array(shuffled(t["bids"].as_array().unwrap(), seed));
        let (a, b) = (evaluate(&t), evaluate(&moved));
        prop_assert_eq!(by_id(&a), by_id(&b));
        prop_assert_eq!(&a["ranking"], &b["ranking"]);
        prop_assert_eq!(&a["warnings"], &b["warnings"]);
    }

    #[test]
    fn a_disqualified_bid_changes_no_other_bid(s in spec(), extra in bid_spec(), at in any::<prop::sample::Index>()) {
        let without = evaluate(&standard(&s));
        let mut t = standard(&s);
        let list = t["bids"].as_array_mut().unwrap();
        list.insert(at.index(list.len() + 1), bid("failed-gate", &extra, false));
        let with = evaluate(&t);
        let mut others = by_id(&with);
        let dq = others.remove("failed-gate").unwrap();
        prop_assert_eq!(&dq["status"], "disqualified");
        prop_assert_eq!(others, by_id(&without));
        prop_assert_eq!(&with["ranking"], &without["ranking"]);
    }

    #[test]
    fn ranks_follow_totals(s in spec()) {
        let r = evaluate(&standard(&s));
        let mut ranked: Vec<(u64, Decimal)> = Vec::new();
        for b in r["bids"].as_array().unwrap() {
            let rank = b["rank"].as_u64();
            prop_assert_eq!(rank.is_some(), b["status"] == "ranked", "{}", b["id"]);
            if let Some(k) = rank {
                ranked.push((k, dec(&b["total"])));
            }
        }
        prop_assert_eq!(ranked.len(), r["ranking"].as_array().unwrap().len());
        for (ra, ta) in &ranked {
            prop_assert!(*ra >= 1 && *ra as usize <= ranked.len());
            for (rb, tb) in &ranked {
                if ta > tb {
                    prop_assert!(ra < rb, "total {ta} ranked {ra}, below total {tb} ranked {rb}");
                }
                if ra == rb {
                    prop_assert_eq!(ta, tb, "rank {} is shared by different totals", ra);
                }
            }
            // Shared ranks skip: rank k means exactly k − 1 bids are strictly ahead.
            let ahead = ranked.iter().filter(|(rb, _)| rb < ra).count() as u64;
            prop_assert_eq!(ahead, ra - 1);
        }
    }

    #[test]
    fn each_lot_is_evaluated_as_a_tender_of_its_own_bids(s in spec(), lots in 1usize..=3, seed in any::<u64>()) {
        // The bids dealt to lots by a seeded shuffle; lot "l2" may get none.
        let t = standard(&s);
        let dealt: Vec<usize> = shuffled(&(0..s.bids.len()).collect::<Vec<_>>(), seed);
        let lot_of = |i: usize| format!("l{}", dealt[i] % lots);
        let mut divided = t.clone();
        divided["lots"] = (0..lots).map(|k| json!({ "id": format!("l{k}"), "name": format!("Lot {k}") })).collect();
        for (i, b) in divided["bids"].as_array_mut().unwrap().iter_mut().enumerate() {
            b["lot"] = json!(lot_of(i));
        }
        let whole = evaluate(&divided);
        let got = by_id(&whole);
        let mut ranking: Vec<Value> = Vec::new();
        for (k, lot) in whole["lots"].as_array().unwrap().iter().enumerate() {
            let id = format!("l{k}");
            prop_assert_eq!(&lot["id"], &json!(id));
            let mut alone = t.clone();
            let mine: Vec<Value> = t["bids"].as_array().unwrap().iter().enumerate()
                .filter(|(i, _)| lot_of(*i) == id).map(|(_, b)| b.clone()).collect();
            alone["bids"] = Value::Array(mine);
            let own = evaluate(&alone);
            for (bid, r) in by_id(&own) {
                let mut g = got[&bid].clone();
                prop_assert_eq!(g.as_object_mut().unwrap().remove("lot"), Some(json!(id)));
                prop_assert_eq!(g, r, "bid {} of lot {}", bid, id);
            }
            prop_assert_eq!(&lot["ranking"], &own["ranking"]);
            ranking.extend(own["ranking"].as_array().unwrap().iter().cloned());
            // The lot's warnings about bids are the lone tender's, saying which lot.
            let about_bids = |w: &&Value| !w["bids"].as_array().unwrap().is_empty();
            let theirs: Vec<&Value> = own["warnings"].as_array().unwrap().iter().filter(about_bids).collect();
            let ours: Vec<&Value> = whole["warnings"].as_array().unwrap().iter()
                .filter(|w| w["params"]["lot"] == json!(id)).collect();
            prop_assert_eq!(theirs.len(), ours.len());
            for (a, b) in theirs.iter().zip(&ours) {
                prop_assert_eq!(&a["code"], &b["code"]);
                prop_assert_eq!(&a["bids"], &b["bids"]);
                prop_assert_eq!(format!("lot \"Lot {k}\": {}", a["message"].as_str().unwrap()), b["message"].as_str().unwrap());
            }
        }
        prop_assert_eq!(&whole["ranking"], &Value::Array(ranking));
    }

    #[test]
    fn the_same_file_always_gives_the_same_result(s in spec()) {
        let text = standard(&s).to_string();
        let a = serde_json::to_string(&bidscore::evaluate_str(&text).unwrap()).unwrap();
        let b = serde_json::to_string(&bidscore::evaluate_str(&text).unwrap()).unwrap();
        prop_assert_eq!(a, b);
    }
}

// ---- extreme numbers within the reader's bounds ----

/// Numbers at the edges of what a file may hold: zero, the finest (10^-10) and largest (10^12)
/// magnitudes, 22-digit decimals, thirds and one.
const EXTREMES: &[&str] = &[
    "0",
    "0.0000000001",
    "0.5",
    "1",
    "0.3333333333",
    "123456.7890123456",
    "999999999999.9999999999",
    "1000000000000",
];

/// A positive extreme (prices, steps, proxies); `i` picks one.
fn positive(i: usize) -> &'static str {
    EXTREMES[1 + i % (EXTREMES.len() - 1)]
}

/// The top of a range scale with this step: a thousand steps (the most a scale may have is
/// 1,001 points), or the step itself where a thousand would pass the largest magnitude.
fn scale_top(step: &str) -> String {
    let step: rust_decimal::Decimal = step.parse().unwrap();
    let top = step * rust_decimal::Decimal::from(1000);
    if top > rust_decimal::Decimal::from(1_000_000_000_000u64) {
        step.to_string()
    } else {
        top.normalize().to_string()
    }
}

/// The largest magnitude a number may have, used where an amount must be at least 1.
fn at_least_one(i: usize) -> &'static str {
    ["1", "123456.7890123456", "1000000000000"][i % 3]
}

#[derive(Debug, Clone)]
struct Extreme {
    award: usize,
    formula: usize,
    stage: usize,
    sv: usize,
    numeric: usize,
    marks: [usize; 4],
    step: usize,
    evaluators: usize,
    contract: usize,
    param: usize,
    bids: Vec<[usize; 6]>,
}

fn extreme() -> impl Strategy<Value = Extreme> {
    (
        (0usize..5, 0usize..7, 0usize..3, 0usize..3, 0usize..3),
        [0usize..8, 0usize..8, 0usize..8, 0usize..8],
        (0usize..8, 1usize..=100, 0usize..4, 0usize..3),
        prop::collection::vec(
            [
                0usize..8,
                0usize..3,
                0usize..8,
                0usize..8,
                0usize..8,
                0usize..2,
            ],
            1..=4,
        ),
    )
        .prop_map(
            |(
                (award, formula, stage, sv, numeric),
                marks,
                (step, evaluators, contract, param),
                bids,
            )| {
                Extreme {
                    award,
                    formula,
                    stage,
                    sv,
                    numeric,
                    marks,
                    step,
                    evaluators,
                    contract,
                    param,
                    bids,
                }
            },
        )
}

fn extreme_tender(x: &Extreme) -> Value {
    let mark = |i: usize| EXTREMES[x.marks[i]];
    let step = positive(x.step);
    let price_formula = match x.formula {
        0 => json!({ "formula": "lowest-ratio" }),
        1 => json!({ "formula": "linear-min-max" }),
        2 => {
            json!({ "formula": "deviation-from-lowest", "zeroAt": (["1.0000000001", "2", "1000000000000"][x.param]) })
        }
        3 => {
            json!({ "formula": "set-bounds", "best": "0.0000000001", "worst": at_least_one(x.param) })
        }
        4 => json!({ "formula": "reference-ratio", "reference": at_least_one(x.param) }),
        5 => {
            json!({ "formula": "reference-ratio", "reference": at_least_one(x.param), "cap": false })
        }
        _ => {
            json!({ "formula": "lowest-ratio", "ceiling": at_least_one(x.param), "aboveCeiling": "zero" })
        }
    };
    let weighted = x.award == 0;
    let mut price = json!({ "id": "price", "kind": "price", "name": "Price" });
    if weighted {
        price["weight"] = json!(mark(0));
    }
    for (k, v) in price_formula.as_object().unwrap() {
        price[k] = v.clone();
    }
    let marks_key = if x.award == 3 { "value" } else { "weight" };
    let mut quality =
        json!({ "id": "q", "kind": "scored", "name": "Quality", "scale": "s", "threshold": "0" });
    quality[marks_key] = json!(mark(1));
    let mut numeric = json!({ "id": "n", "kind": "numeric", "name": "Speed",
        "direction": if x.numeric == 1 { "higher" } else { "lower" },
        "formula": if x.numeric == 2 { "reference-ratio" } else { "relative-to-best" } });
    if x.numeric == 2 {
        numeric["reference"] = json!("1000000000000");
        numeric["cap"] = json!(false);
    }
    numeric[marks_key] = json!(mark(2));
    let mut sv = json!({ "id": "sv", "kind": "measures", "name": "Social value", "measures": ["m1", "m2"],
        "svScoring": (["relative-to-highest", "relative-to-highest-percent", "target"][x.sv]) });
    if x.sv == 2 {
        sv["target"] = json!(positive(x.param + 3));
    }
    sv[marks_key] = json!(mark(3));
    let award = match x.award {
        0 => json!({ "method": "weighted-sum" }),
        1 => json!({ "method": "price-per-quality-point" }),
        2 => json!({ "method": "quality-price-ratio", "scale": "1000000000000" }),
        3 => json!({ "method": "fictitious-discount" }),
        _ => {
            json!({ "method": "quality-price-ratio", "band": "0.0000000001", "bandDecider": "price" })
        }
    };
    let bids: Vec<Value> = x
        .bids
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let score = ["0", step, step][b[1]];
            let evaluators: serde_json::Map<String, Value> = (0..x.evaluators)
                .map(|e| {
                    (
                        format!("E{e}"),
                        json!(if (e + i) % 2 == 0 { step } else { "0" }),
                    )
                })
                .collect();
            let marking = if b[5] == 0 {
                json!({ "moderated": score })
            } else {
                json!({ "evaluators": evaluators })
            };
            json!({
                "id": format!("b{i}"),
                "price": positive(b[0]),
                "scores": { "q": marking },
                "values": { "n": positive(b[2]) },
                "commitments": { "m1": EXTREMES[b[3]], "m2": EXTREMES[b[4]] }
            })
        })
        .collect();
    json!({
        "format": "bidscore/1",
        "tender": { "contractValue": at_least_one(x.contract) },
        "award": award,
        "rounding": { "decimals": ([2, 0, 10][x.stage]), "stage": (["criterion", "total", "none"][x.stage]) },
        "scales": { "s": { "from": 0, "to": scale_top(step), "step": step } },
        "measures": [
            { "id": "m1", "name": "Jobs", "unit": "job", "proxy": "1000000000000" },
            { "id": "m2", "name": "Hours", "unit": "hour", "proxy": "0.0000000001" }
        ],
        "criteria": [price, quality, numeric, sv],
        "bids": bids
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..config() })]

    /// No number a file may hold makes any part of the engine panic, or publish the saturated
    /// maximum of a decimal as if it were a score.
    #[test]
    fn extreme_in_bounds_numbers_never_panic_nor_saturate(x in extreme()) {
        let text = extreme_tender(&x).to_string();
        let t = match bidscore::read(&text) {
            Ok(t) => t,
            Err(e) => {
                // Only the award method's own rules may refuse these files.
                let codes: Vec<&str> = e.errors.iter().map(|e| e.code()).collect();
                prop_assert!(codes.iter().all(|c| ["price-has-weight", "missing-money-value"].contains(c)), "{:?}", e.errors);
                return Ok(());
            }
        };
        let e = bidscore::evaluate(&t);
        let mut out = serde_json::to_string(&e).unwrap();
        out.push_str(&serde_json::to_string(&bidscore::publish::describe(&t)).unwrap());
        out.push_str(&serde_json::to_string(&bidscore::debrief::debriefs(&t, &e)).unwrap());
        out.push_str(&serde_json::to_string(&bidscore::ocds::award_criteria(&t)).unwrap());
        let options = bidscore::analysis::Options {
            smaa: Some(bidscore::analysis::SmaaOptions { samples: 50, ..Default::default() }),
            ..Default::default()
        };
        out.push_str(&serde_json::to_string(&bidscore::analysis::analyse(&t, &options)).unwrap());
        prop_assert!(!out.contains("79228162514264337593543950335"));
        for b in &e.bids {
            for c in b.criteria.iter().filter(|c| c.explain.code != "reference-ratio") {
                if let (Some(v), Ok(max)) = (c.value, c.max.parse::<Decimal>()) {
                    // Rounded to whole marks at most, a score may round up past marks by 0.5.
                    prop_assert!(v <= max + Decimal::new(5, 1), "{} {} scored {v} of {max}", b.id, c.id);
                }
            }
        }
    }
}
