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
            .map(|w| w.message.clone())
            .unwrap()
    };
    assert_eq!(tie(&one), tie(&two));
    assert!(
        tie(&one).starts_with("Alpha Ltd and Beta CIC"),
        "{}",
        tie(&one)
    );
}
