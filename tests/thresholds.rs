//! Thresholds on groups, relative thresholds, limits on stated values and consensus (spec §13–14)
//! beyond what the fixtures compare: the numbers each reason and published rule carries, the
//! analysis respecting a threshold, and the edges (zero marks, a best score of zero, no bid to set
//! a bar, the whole of a group, huge and tiny numbers).
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};

fn fixture_tender(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    fixture["tender"].to_string()
}

fn evaluate(text: &str) -> Value {
    let e = bidscore::evaluate_str(text).unwrap_or_else(|e| panic!("invalid: {e}\n{text}"));
    serde_json::to_value(&e).unwrap()
}

fn bid<'a>(result: &'a Value, id: &str) -> &'a Value {
    result["bids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == id)
        .unwrap_or_else(|| panic!("no bid {id}"))
}

#[test]
fn each_reason_carries_its_numbers_and_says_them() {
    let cases: &[(&str, &str, Value, &str)] = &[
        (
            "group-threshold",
            "g2",
            json!({ "group": "quality", "name": "Quality", "score": "27.99", "threshold": "28" }),
            "scored 27.99 on \"Quality\"; the minimum is 28",
        ),
        (
            "group-threshold",
            "g4",
            json!({ "group": "social-value", "score": "6.00", "threshold": "7", "percent": "70", "marks": "10" }),
            "scored 6.00 on \"Social value\"; the minimum is 7 (70% of 10)",
        ),
        (
            "relative-threshold",
            "r2",
            json!({ "kind": "group", "group": "quality", "score": "40.00", "best": "52.00", "percent": "80", "threshold": "41.6" }),
            "scored 40.00 on \"Quality\"; the minimum is 41.6 (80% of the best qualified score, 52.00)",
        ),
        (
            "relative-threshold",
            "r4",
            json!({ "kind": "criterion", "criterion": "q-method", "score": "28.00", "best": "40.00", "percent": "75", "threshold": "30" }),
            "scored 28.00 on \"Method statement\"; the minimum is 30 (75% of the best qualified score, 40.00)",
        ),
        (
            "numeric-limits",
            "n2",
            json!({ "criterion": "delivery", "value": "10.5", "limit": "10", "bound": "maximum" }),
            "stated 10.5 days for \"Delivery time\"; the most allowed is 10 days",
        ),
        (
            "numeric-limits",
            "n3",
            json!({ "criterion": "warranty", "value": "11", "limit": "12", "bound": "minimum" }),
            "stated 11 months for \"Warranty\"; the least allowed is 12 months",
        ),
    ];
    for (fixture, id, params, message) in cases {
        let r = evaluate(&fixture_tender(fixture));
        let reason = &bid(&r, id)["reasons"][0];
        for (k, v) in params.as_object().unwrap() {
            assert_eq!(&reason["params"][k], v, "{fixture} {id}: param {k}");
        }
        assert_eq!(reason["message"], *message, "{fixture} {id}");
    }
}

#[test]
fn the_published_model_and_the_summaries_name_every_threshold_and_limit() {
    let rules = |fixture: &str| -> Vec<(String, String)> {
        let t = bidscore::read(&fixture_tender(fixture)).unwrap();
        bidscore::publish::describe(&t)
            .threshold_rules
            .iter()
            .map(|m| (m.code.to_string(), m.message.clone()))
            .collect()
    };
    let owned = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(c, m)| (c.to_string(), m.to_string()))
            .collect()
    };
    assert_eq!(
        rules("group-threshold"),
        owned(&[
            (
                "group-threshold",
                "a sub-total below 28 on \"Quality\" (of its 40 marks)"
            ),
            (
                "group-threshold",
                "a sub-total below 7 on \"Social value\" (70% of its 10 marks)"
            ),
        ])
    );
    assert_eq!(
        rules("relative-threshold"),
        owned(&[
            (
                "relative-threshold",
                "a score on \"Quality\" below 80% of the best qualified score on it"
            ),
            (
                "relative-threshold",
                "a score on \"Method statement\" below 75% of the best qualified score on it"
            ),
        ])
    );
    assert_eq!(
        rules("numeric-limits"),
        owned(&[
            (
                "limit-minimum",
                "a value for \"Delivery time\" below 2 days"
            ),
            (
                "limit-maximum",
                "a value for \"Delivery time\" above 10 days"
            ),
            ("limit-minimum", "a value for \"Warranty\" below 12 months"),
        ])
    );

    let t = bidscore::read(&fixture_tender("group-threshold")).unwrap();
    let d = bidscore::debrief::debriefs(&t, &bidscore::evaluate(&t));
    let g2 = d.iter().find(|d| d.bid == "g2").unwrap();
    assert_eq!(
        g2.groups[1].threshold.as_deref(),
        Some("a sub-total below 7 on \"Social value\" (70% of its 10 marks) disqualifies")
    );
    assert!(
        g2.text.contains(
            "Your tender was not ranked: scored 27.99 on \"Quality\"; the minimum is 28."
        ),
        "{}",
        g2.text
    );
    let t = bidscore::read(&fixture_tender("numeric-limits")).unwrap();
    let d = bidscore::debrief::debriefs(&t, &bidscore::evaluate(&t));
    let delivery = d[0].criteria.iter().find(|c| c.id == "delivery").unwrap();
    assert!(
        delivery
            .assessed
            .ends_with("; a value for \"Delivery time\" below 2 days disqualifies; a value for \"Delivery time\" above 10 days disqualifies"),
        "{}",
        delivery.assessed
    );
}

/// A tender whose price sits in a group with a threshold: a price so high that the group's
/// sub-total falls below it disqualifies the bid, so the price to win stops there.
#[test]
fn the_price_to_win_stops_at_a_group_threshold() {
    let tender = json!({
        "format": "bidscore/1",
        "scales": { "five": { "from": 0, "to": 5, "step": 1 } },
        "criteria": [
            { "id": "commercial", "name": "Commercial", "threshold": 30, "children": [
                { "id": "price", "kind": "price", "name": "Price", "weight": 40 } ] },
            { "id": "q", "kind": "scored", "name": "Quality", "weight": 60, "scale": "five" }
        ],
        "bids": [
            { "id": "a", "price": "100", "scores": { "q": 5 } },
            { "id": "b", "price": "90", "scores": { "q": 3 } }
        ]
    })
    .to_string();
    let t = bidscore::read(&tender).unwrap();
    let options = bidscore::analysis::Options {
        smaa: None,
        ..Default::default()
    };
    let a = bidscore::analysis::analyse(&t, &options);
    let leader = a.price_to_win.iter().find(|p| p.bid == "a").unwrap();
    // a leads 96.00 to 76.00 and keeps the lead up to a price of 224.99 on totals alone, but its
    // price score 40 × 90 ÷ price must round to at least 30.00: 3600 ÷ 120.02 = 29.99500… → 30.00,
    // 3600 ÷ 120.03 = 29.99250… → 29.99.
    assert_eq!(leader.price_to_win.as_deref(), Some("120.02"), "{leader:?}");
}

#[test]
fn thresholds_at_their_edges() {
    let five = json!({ "five": { "from": 0, "to": 5, "step": 1 } });
    // (what, criteria, bids, expected status per bid in order)
    type Case = (&'static str, Value, Value, &'static [&'static str]);
    let cases: Vec<Case> = vec![
        (
            "a group worth nothing, with a threshold of 0, disqualifies nobody",
            json!([
                { "id": "g", "name": "G", "threshold": 0, "children": [
                    { "id": "q", "kind": "scored", "name": "Q", "weight": 0, "scale": "five" } ] },
                { "id": "p", "kind": "scored", "name": "P", "weight": 100, "scale": "five" }
            ]),
            json!([ { "id": "a", "scores": { "q": 0, "p": 0 } } ]),
            &["ranked"],
        ),
        (
            "a share of a group worth nothing is 0",
            json!([
                { "id": "g", "name": "G", "threshold": "100%", "children": [
                    { "id": "q", "kind": "scored", "name": "Q", "weight": 0, "scale": "five" } ] },
                { "id": "p", "kind": "scored", "name": "P", "weight": 100, "scale": "five" }
            ]),
            json!([ { "id": "a", "scores": { "q": 0, "p": 1 } } ]),
            &["ranked"],
        ),
        (
            "100% of a group asks for full marks on it",
            json!([
                { "id": "g", "name": "G", "threshold": "100%", "children": [
                    { "id": "q", "kind": "scored", "name": "Q", "weight": 100, "scale": "five" } ] }
            ]),
            json!([ { "id": "a", "scores": { "q": 5 } }, { "id": "b", "scores": { "q": 4 } } ]),
            &["ranked", "disqualified"],
        ),
        (
            "a partly scored group is not checked: the bid is incomplete, not disqualified",
            json!([
                { "id": "g", "name": "G", "threshold": 50, "children": [
                    { "id": "q1", "kind": "scored", "name": "Q1", "weight": 50, "scale": "five" },
                    { "id": "q2", "kind": "scored", "name": "Q2", "weight": 50, "scale": "five" } ] }
            ]),
            json!([ { "id": "a", "scores": { "q1": 1 } } ]),
            &["incomplete"],
        ),
        (
            "a complete group below its threshold disqualifies a bid incomplete elsewhere",
            json!([
                { "id": "g", "name": "G", "threshold": 50, "children": [
                    { "id": "q1", "kind": "scored", "name": "Q1", "weight": 50, "scale": "five" } ] },
                { "id": "q2", "kind": "scored", "name": "Q2", "weight": 50, "scale": "five" }
            ]),
            json!([ { "id": "a", "scores": { "q1": 1 } } ]),
            &["disqualified"],
        ),
        (
            "a best score of 0 sets a bar of 0",
            json!([
                { "id": "q", "kind": "scored", "name": "Q", "weight": 100, "scale": "five", "thresholdRelative": "100%" }
            ]),
            json!([ { "id": "a", "scores": { "q": 0 } }, { "id": "b", "scores": { "q": 0 } } ]),
            &["ranked", "ranked"],
        ),
        (
            "no ranked bid, no bar: incomplete bids stay incomplete",
            json!([
                { "id": "q", "kind": "scored", "name": "Q", "weight": 50, "scale": "five", "thresholdRelative": "90%" },
                { "id": "r", "kind": "scored", "name": "R", "weight": 50, "scale": "five" }
            ]),
            json!([ { "id": "a", "scores": { "q": 5 } }, { "id": "b", "scores": { "q": 1 } } ]),
            &["incomplete", "incomplete"],
        ),
        (
            "an incomplete bid below a bar set by the ranked bids is disqualified",
            json!([
                { "id": "q", "kind": "scored", "name": "Q", "weight": 50, "scale": "five", "thresholdRelative": "90%" },
                { "id": "r", "kind": "scored", "name": "R", "weight": 50, "scale": "five" }
            ]),
            json!([ { "id": "a", "scores": { "q": 5, "r": 1 } }, { "id": "b", "scores": { "q": 4 } } ]),
            &["ranked", "disqualified"],
        ),
        (
            "a relative threshold of 100% keeps only the best, ties included",
            json!([
                { "id": "q", "kind": "scored", "name": "Q", "weight": 100, "scale": "five", "thresholdRelative": "100%" }
            ]),
            json!([ { "id": "a", "scores": { "q": 4 } }, { "id": "b", "scores": { "q": 4 } }, { "id": "c", "scores": { "q": 3 } } ]),
            &["ranked", "ranked", "disqualified"],
        ),
        (
            "limits at the largest and finest numbers a file holds",
            json!([
                { "id": "v", "kind": "numeric", "name": "V", "weight": 100, "direction": "higher",
                  "minimum": "0.0000000001", "maximum": "1000000000000" }
            ]),
            json!([ { "id": "a", "values": { "v": "1000000000000" } }, { "id": "b", "values": { "v": "0.0000000001" } },
                    { "id": "c", "values": { "v": 0 } } ]),
            &["ranked", "ranked", "disqualified"],
        ),
        (
            "a group threshold on huge marks written as a fine share",
            json!([
                { "id": "g", "name": "G", "threshold": "33.3333333333%", "children": [
                    { "id": "q", "kind": "scored", "name": "Q", "weight": "999999999999.9999999999", "scale": "five" } ] }
            ]),
            json!([ { "id": "a", "scores": { "q": 2 } }, { "id": "b", "scores": { "q": 1 } } ]),
            &["ranked", "disqualified"],
        ),
        (
            "unrounded, a sub-total is compared as shown, to 10 decimals: 10 × 2999.9999999999 ÷ 3000 = 9.99999999996… shows as 10",
            json!([
                { "id": "g", "name": "G", "threshold": 10, "children": [
                    { "id": "v", "kind": "numeric", "name": "V", "weight": 10, "direction": "higher",
                      "formula": "set-bounds", "best": 3000, "worst": 0 } ] }
            ]),
            json!([ { "id": "a", "values": { "v": "2999.9999999999" } } ]),
            &["ranked"],
        ),
    ];
    for (what, criteria, bids, want) in cases {
        let mut tender =
            json!({ "format": "bidscore/1", "scales": five, "criteria": criteria, "bids": bids });
        if what.starts_with("unrounded") {
            tender["rounding"] = json!({ "stage": "none" });
        }
        let text = tender.to_string();
        let r = evaluate(&text);
        let got: Vec<&str> = r["bids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["status"].as_str().unwrap())
            .collect();
        assert_eq!(got, want, "{what}");
        // A disqualified bid never lists inputs as missing.
        for b in r["bids"].as_array().unwrap() {
            if b["status"] == "disqualified" {
                assert_eq!(b["missing"], json!([]), "{what}: {}", b["id"]);
            }
        }
        let t = bidscore::read(&text).unwrap();
        bidscore::analysis::analyse(&t, &bidscore::analysis::Options::default());
        bidscore::publish::describe(&t);
    }
}

#[test]
fn too_many_decimals_is_said_as_such() {
    let e = bidscore::read(r#"{"format":"bidscore/1","criteria":[{"id":"p","kind":"price","weight":"1.00000000001"}]}"#)
        .unwrap_err();
    let m = e.errors[0].kind.message();
    assert_eq!(e.errors[0].code(), "number-out-of-range");
    assert_eq!(
        m,
        "1.00000000001 has more than 10 decimal places; round it to at most 10"
    );
    let e = bidscore::read(r#"{"format":"bidscore/1","criteria":[{"id":"p","kind":"price","weight":"1000000000001"}]}"#)
        .unwrap_err();
    assert!(
        e.errors[0].kind.message().contains("1,000,000,000,000"),
        "{}",
        e.errors[0]
    );
}
