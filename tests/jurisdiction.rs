//! Where a tender is run (spec §17) decides whether UK policy warnings apply: the fixtures
//! (`jurisdiction-*.json`) show one tender each; this runs the same model through every way of
//! stating, or not stating, the jurisdiction and the currency.

use serde_json::{json, Value};

/// Social value holds 5 of 100 marks: under the UK's 10% minimum.
fn model(tender: Option<Value>) -> Value {
    let mut file = json!({
        "format": "bidscore/1",
        "scales": { "five": { "from": 0, "to": 5, "step": 1 } },
        "criteria": [
            { "id": "price", "kind": "price", "name": "Price", "weight": 95, "formula": "set-bounds", "best": 1, "worst": 10 },
            { "id": "sv", "name": "Social value", "category": "social-value", "children": [
                { "id": "sv-plan", "kind": "scored", "name": "Plan", "weight": 5, "scale": "five" } ] }
        ]
    });
    if let Some(t) = tender {
        file["tender"] = t;
    }
    file
}

fn warned(tender: Option<Value>) -> bool {
    let t = bidscore::read(&model(tender).to_string()).expect("valid model");
    bidscore::evaluate(&t)
        .warnings
        .iter()
        .any(|w| w.code == "social-value-weight-low")
}

#[test]
fn the_social_value_minimum_is_checked_in_the_uk_only() {
    let cases = [
        // No tender details at all: GBP, so GB.
        (None, true),
        (Some(json!({})), true),
        (Some(json!({ "currency": "GBP" })), true),
        (Some(json!({ "jurisdiction": "GB" })), true),
        (Some(json!({ "jurisdiction": "GB-ENG" })), true),
        (Some(json!({ "jurisdiction": "GB-SCT" })), true),
        (Some(json!({ "jurisdiction": "GB-WLS" })), true),
        (Some(json!({ "jurisdiction": "GB-NIR" })), true),
        // A council area of ISO 3166-2:GB (Cardiff) is in the UK too.
        (Some(json!({ "jurisdiction": "GB-CRF" })), true),
        // A UK buyer paying in euros is still a UK buyer.
        (
            Some(json!({ "currency": "EUR", "jurisdiction": "GB-NIR" })),
            true,
        ),
        // Stated elsewhere: no UK policy, whatever the currency.
        (
            Some(json!({ "currency": "EUR", "jurisdiction": "FR" })),
            false,
        ),
        (
            Some(json!({ "currency": "GBP", "jurisdiction": "IE" })),
            false,
        ),
        (
            Some(json!({ "currency": "EUR", "jurisdiction": "FR-75" })),
            false,
        ),
        // Not stated, not GBP: no jurisdiction, so no UK policy.
        (Some(json!({ "currency": "EUR" })), false),
        (Some(json!({ "currency": "USD" })), false),
        // null counts as absent.
        (
            Some(json!({ "currency": "EUR", "jurisdiction": null })),
            false,
        ),
        (Some(json!({ "jurisdiction": null })), true),
    ];
    for (tender, want) in cases {
        assert_eq!(warned(tender.clone()), want, "{tender:?}");
    }
}

#[test]
fn the_jurisdiction_is_kept_as_stated_or_as_its_default() {
    let read = |t: Value| {
        bidscore::read(&model(Some(t)).to_string())
            .unwrap()
            .info
            .jurisdiction
    };
    assert_eq!(read(json!({})).as_deref(), Some("GB"));
    assert_eq!(read(json!({ "currency": "EUR" })), None);
    assert_eq!(
        read(json!({ "currency": "EUR", "jurisdiction": "GB-WLS" })).as_deref(),
        Some("GB-WLS")
    );
}

#[test]
fn other_warnings_apply_everywhere() {
    // Marks of 90 in a French tender: weights-not-100 is not UK policy.
    let mut file = model(Some(json!({ "currency": "EUR", "jurisdiction": "FR" })));
    file["criteria"][0]["weight"] = json!(85);
    let t = bidscore::read(&file.to_string()).unwrap();
    let codes: Vec<&str> = bidscore::evaluate(&t)
        .warnings
        .iter()
        .map(|w| w.code)
        .collect();
    assert_eq!(codes, ["weights-not-100"]);
}
