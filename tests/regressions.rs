//! One test per fixed bug that the fixtures and catalogue cannot express, named after what broke.

use serde_json::json;

#[test]
fn tie_message_named_suppliers_in_file_order() {
    let tender = |bids: serde_json::Value| {
        json!({
            "format": "bidscore/1",
            "scales": { "s": { "from": 0, "to": 4, "step": 1 } },
            "criteria": [ { "id": "q", "kind": "scored", "name": "Quality", "weight": 100, "scale": "s" } ],
            "bids": bids
        })
        .to_string()
    };
    let a = json!({ "id": "a", "supplier": "Alpha Ltd", "scores": { "q": { "moderated": 3 } } });
    let b = json!({ "id": "b", "supplier": "Beta CIC", "scores": { "q": { "moderated": 3 } } });
    let one = bidscore::evaluate_str(&tender(json!([a, b]))).unwrap();
    let two = bidscore::evaluate_str(&tender(json!([b, a]))).unwrap();
    let tie = |e: &bidscore::Evaluation| {
        e.warnings
            .iter()
            .find(|w| w.code == "tie")
            .map(|w| w.message().into_owned())
            .unwrap()
    };
    assert_eq!(tie(&one), tie(&two));
    assert!(
        tie(&one).starts_with("Alpha Ltd and Beta CIC"),
        "{}",
        tie(&one)
    );
}

#[test]
fn rank_reversal_named_a_tied_bid_by_file_order() {
    // a and b tie; without x (the lowest price) c overtakes both. Which of the tied pair is named
    // "ahead" must not depend on the order of the bids in the file.
    let tender = |bids: serde_json::Value| {
        json!({
            "format": "bidscore/1",
            "scales": { "s": { "from": 0, "to": 100, "step": 1 } },
            "criteria": [
                { "id": "price", "kind": "price", "name": "Price", "weight": 50, "formula": "lowest-ratio" },
                { "id": "q", "kind": "scored", "name": "Quality", "weight": 50, "scale": "s" }
            ],
            "bids": bids
        })
        .to_string()
    };
    let bid = |id: &str, price: u32, q: u32| json!({ "id": id, "supplier": id.to_uppercase(), "price": price, "scores": { "q": { "moderated": q } } });
    let (x, a, b, c) = (
        bid("x", 100, 0),
        bid("a", 200, 100),
        bid("b", 200, 100),
        bid("c", 110, 57),
    );
    let reversal = |bids| {
        let e = bidscore::evaluate_str(&tender(bids)).unwrap();
        let w = e.warnings.into_iter().find(|w| w.code == "rank-reversal");
        w.map(|w| {
            let ahead = w.params().get("ahead").map(str::to_string);
            (ahead, w.message().into_owned())
        })
        .expect("removing x lets c overtake a and b")
    };
    let one = reversal(json!([x, a, b, c]));
    let two = reversal(json!([x, b, a, c]));
    assert_eq!(one, two);
    assert_eq!(one.0.as_deref(), Some("a"), "{}", one.1);
}

#[test]
fn whole_decimals_written_as_3_0_were_read_as_2() {
    for decimals in [json!(3.0), json!("3.0"), json!(3)] {
        let tender = json!({
            "format": "bidscore/1",
            "rounding": { "decimals": decimals },
            "criteria": [ { "id": "price", "kind": "price", "name": "Price", "weight": 100, "formula": "lowest-ratio" } ],
            "bids": [ { "id": "a", "price": 3 }, { "id": "b", "price": 7 } ]
        });
        let e = bidscore::evaluate_str(&tender.to_string()).unwrap();
        assert_eq!(e.decimals, 3, "{decimals}");
        assert_eq!(e.bids[1].total, "42.857", "{decimals}");
    }
}

#[test]
fn null_scores_and_commitments_were_refused_instead_of_counting_as_absent() {
    let tender = json!({
        "format": "bidscore/1",
        "scales": { "s": { "from": 0, "to": 4, "step": 1 } },
        "measures": [ { "id": "m", "name": "Jobs", "unit": "job", "proxy": 10 } ],
        "criteria": [
            { "id": "q", "kind": "scored", "name": "Quality", "weight": 80, "scale": "s" },
            { "id": "sv", "kind": "measures", "name": "Social value", "weight": 20, "measures": ["m"] }
        ],
        "bids": [ {
            "id": "a",
            "scores": { "q": null, "gone": null },
            "commitments": { "m": 2, "gone": null }
        } ]
    });
    let e = bidscore::evaluate_str(&tender.to_string()).unwrap();
    let a = &e.bids[0];
    assert_eq!(a.status, bidscore::result::Status::Incomplete);
    let missing: Vec<&str> = a.missing.iter().map(|m| m.code).collect();
    assert_eq!(missing, ["missing-score"]);
}

/// The saturated figure `rust_decimal` gives as its maximum: never a published number.
const SATURATED: &str = "79228162514264337593543950335";

/// Evaluates `tender`, asserting the result never carries a saturated figure.
fn evaluate(tender: &serde_json::Value) -> bidscore::Evaluation {
    let e = bidscore::evaluate_str(&tender.to_string()).expect("valid tender");
    let text = serde_json::to_string(&e).unwrap();
    assert!(!text.contains(SATURATED), "saturated figure in {text}");
    e
}

fn reasons(b: &bidscore::result::BidResult) -> Vec<&str> {
    b.reasons.iter().map(|r| r.code).collect()
}

#[test]
fn uncapped_reference_ratio_printed_a_saturated_score() {
    let e = evaluate(&json!({
        "format": "bidscore/1",
        "criteria": [ { "id": "price", "kind": "price", "name": "Price", "weight": 1000000000000u64,
                        "formula": "reference-ratio", "reference": 1000000000000u64, "cap": false } ],
        "bids": [ { "id": "tiny", "price": "0.0000000001" }, { "id": "fair", "price": 500000000000u64 } ]
    }));
    let tiny = &e.bids[0];
    assert_eq!(tiny.status, bidscore::Status::Disqualified);
    assert_eq!(reasons(tiny), ["out-of-range"]);
    assert_eq!(tiny.criteria[0].score, None);
    assert_eq!(tiny.criteria[0].explain.code, "out-of-range");
    // The other bid is ranked on its own exact score: 10^12 × 10^12 ÷ (5 × 10^11).
    assert_eq!(e.ranking, ["fair"]);
    assert_eq!(e.bids[1].total, "2000000000000.00");
}

#[test]
fn uncapped_reference_ratio_just_inside_the_limit_is_scored_exactly() {
    // A price a million times below the reference: the largest ratio scored.
    let e = evaluate(&json!({
        "format": "bidscore/1",
        "criteria": [ { "id": "price", "kind": "price", "name": "Price", "weight": 10,
                        "formula": "reference-ratio", "reference": 1000000, "cap": false } ],
        "bids": [ { "id": "a", "price": 1 }, { "id": "b", "price": "0.999999" } ]
    }));
    assert_eq!(e.bids[0].total, "10000000.00");
    assert_eq!(reasons(&e.bids[1]), ["out-of-range"]);
    assert_eq!(e.ranking, ["a"]);
}

#[test]
fn social_value_as_a_share_of_a_tiny_price_saturated() {
    let e = evaluate(&json!({
        "format": "bidscore/1",
        "measures": [ { "id": "m", "name": "Jobs", "unit": "job", "proxy": 1000000000000u64 } ],
        "criteria": [
            { "id": "price", "kind": "price", "name": "Price", "weight": 50 },
            { "id": "sv", "kind": "measures", "name": "Social value", "weight": 50, "measures": ["m"],
              "svScoring": "relative-to-highest-percent" }
        ],
        "bids": [
            { "id": "tiny", "price": "0.0000000001", "commitments": { "m": 1000000000000u64 } },
            { "id": "fair", "price": 1000, "commitments": { "m": 1 } }
        ]
    }));
    let tiny = &e.bids[0];
    assert_eq!(reasons(tiny), ["out-of-range"]);
    assert_eq!(tiny.social_value.as_ref().unwrap().percent_of_price, None);
    // Without the out-of-range bid, the fair bid holds the highest share and the lowest price.
    assert_eq!(e.ranking, ["fair"]);
    assert_eq!(e.bids[1].total, "100.00");
}

#[test]
fn award_values_beyond_a_decimal_stopped_the_engine() {
    // Price per quality point on 10^-20 points, and a quality-price ratio of 10^12 points over a
    // price of 10^-10 scaled by 10^12: both divided or multiplied out of range and panicked.
    let model = |award: serde_json::Value, weight: &str, score: &str| {
        json!({
            "format": "bidscore/1",
            "award": award,
            "rounding": { "stage": "none" },
            "scales": { "s": { "points": [
                { "value": 0, "label": "None" },
                { "value": "0.0000000001", "label": "Least" },
                { "value": 1, "label": "Full" }
            ] } },
            "criteria": [
                { "id": "price", "kind": "price", "name": "Price" },
                { "id": "q", "kind": "scored", "name": "Quality", "weight": weight, "scale": "s" }
            ],
            "bids": [
                { "id": "odd", "price": "1000000000000", "scores": { "q": { "moderated": score } } },
                { "id": "fair", "price": "0.0000000001", "scores": { "q": { "moderated": 1 } } }
            ]
        })
    };
    let ppqp = evaluate(&model(
        json!({ "method": "price-per-quality-point" }),
        "0.0000000001",
        "0.0000000001",
    ));
    assert_eq!(reasons(&ppqp.bids[0]), ["out-of-range"]);
    assert_eq!(ppqp.bids[0].value, None);
    assert_eq!(ppqp.ranking, ["fair"]);
    let qpr = evaluate(&model(
        json!({ "method": "quality-price-ratio", "scale": 1000000000000u64 }),
        "1000000000000",
        "1",
    ));
    assert_eq!(reasons(&qpr.bids[1]), ["out-of-range"]);
    assert_eq!(qpr.ranking, ["odd"]);
}

#[test]
fn what_it_takes_listed_every_point_of_a_huge_scale() {
    // 10^12 points: listing them ran out of memory. Such a scale is now refused by the reader
    // (at most 1,001 points), and what it takes finds the needed point by halving, not listing.
    let model = |to: u64, a: u64| {
        json!({
            "format": "bidscore/1",
            "scales": { "huge": { "from": 0, "to": to, "step": 1 } },
            "criteria": [
                { "id": "price", "kind": "price", "name": "Price", "weight": 50 },
                { "id": "q", "kind": "scored", "name": "Quality", "weight": 50, "scale": "huge" }
            ],
            "bids": [
                { "id": "a", "price": 100, "scores": { "q": { "moderated": a } } },
                { "id": "b", "price": 100, "scores": { "q": { "moderated": 123 } } }
            ]
        })
        .to_string()
    };
    let refused = bidscore::read(&model(1_000_000_000_000, 600_000_000_000)).unwrap_err();
    assert_eq!(refused.errors[0].code(), "too-large");
    assert_eq!(refused.errors[0].path, "scales.huge.step");
    let t = bidscore::read(&model(1000, 600)).unwrap();
    let a = bidscore::analysis::analyse(
        &t,
        &bidscore::analysis::Options {
            smaa: None,
            ..Default::default()
        },
    );
    let b = a.what_it_takes.iter().find(|w| w.bid == "b").unwrap();
    let q = b.options.iter().find(|o| o.criterion == "q").unwrap();
    // Equal prices: b needs more than a's 30.00 quality marks after rounding to 2 places:
    // 50 × v ÷ 1000 is 30.00 at v = 600 and 30.05 at 601.
    assert_eq!(q.to.as_deref(), Some("601"));
}

#[test]
fn deep_groups_were_searched_leaf_by_leaf() {
    // Groups nested to the reader's limit of 10 over 900 gates (60 over 2,000 before the limit) and two scored leaves: each group's leaves were found by
    // searching every leaf of the tender for every leaf of the group (20,000 gates took 16 s).
    // Each group's sub-total is the scores of the leaves under it, however deep.
    let mut inner: Vec<serde_json::Value> = (0..900)
        .map(|i| json!({ "id": format!("g{i}"), "kind": "pass-fail", "name": format!("Gate {i}") }))
        .collect();
    inner.push(
        json!({ "id": "deep", "kind": "scored", "name": "Deep", "weight": 60, "scale": "s" }),
    );
    let mut node = json!({ "id": "grp9", "name": "Group 9", "children": inner });
    for d in (0..9).rev() {
        let mut children = vec![node];
        if d == 5 {
            children.push(
                json!({ "id": "mid", "kind": "scored", "name": "Mid", "weight": 40, "scale": "s" }),
            );
        }
        node =
            json!({ "id": format!("grp{d}"), "name": format!("Group {d}"), "children": children });
    }
    let gates: serde_json::Map<String, serde_json::Value> =
        (0..900).map(|i| (format!("g{i}"), json!(true))).collect();
    let e = evaluate(&json!({
        "format": "bidscore/1",
        "scales": { "s": { "from": 0, "to": 4, "step": 1 } },
        "criteria": [node],
        "bids": [ { "id": "a", "gates": gates, "scores": { "deep": { "moderated": 2 }, "mid": { "moderated": 4 } } } ]
    }));
    let groups = &e.bids[0].groups;
    assert_eq!(groups.len(), 10);
    for (d, g) in groups.iter().enumerate() {
        assert_eq!(g.id, format!("grp{d}"));
        // deep scores 60 × 2 ÷ 4 = 30; mid, under groups 0..=5, scores 40.
        let want = if d <= 5 { "70.00" } else { "30.00" };
        assert_eq!(g.score, want, "{}", g.id);
    }
    assert_eq!(e.bids[0].total, "70.00");
}
