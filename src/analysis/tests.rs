//! The fast tries against the reference (every try re-scoring the whole pool, as the analysis
//! was first written): the same price to win and what it takes, to the byte, on many small
//! generated tenders with ties, price schedules, thresholds, lots, recorded draws, award methods
//! and social value scored every way.

use super::*;
use crate::synth::Rng;
use serde_json::{json, Value};

/// The analysis with every try re-scoring the whole pool.
fn reference(t: &Tender, options: &Options) -> Analysis {
    fn whole(t: &Tender, options: &Options) -> Analysis {
        let official = evaluate::evaluate(t);
        let mut s = Setup::new(t, &official);
        s.reference = true;
        of(&s, options)
    }
    if t.lots.is_empty() {
        whole(t, options)
    } else {
        by_lot(t, options, whole)
    }
}

/// One of `items`, drawn.
fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.below(items.len() as u64) as usize]
}

/// A small tender drawn from `rng`: 2 to 6 bids on few distinct figures, so that ties are
/// common, and every shape the analysis treats apart drawn now and then.
pub(super) fn tender(rng: &mut Rng) -> Value {
    let award = *pick(
        rng,
        &[
            "weighted-sum",
            "weighted-sum",
            "weighted-sum",
            "weighted-sum",
            "quality-price-ratio",
            "quality-price-ratio-band",
            "price-per-quality-point",
            "fictitious-discount",
        ],
    );
    let weighted = award == "weighted-sum";
    let fictitious = award == "fictitious-discount";
    // Marks on the weighted sum and the quality-based methods; money under a fictitious discount.
    let marks = |rng: &mut Rng, w: u64| -> (&'static str, Value) {
        if fictitious {
            ("value", json!((1 + rng.below(4)) * 10_000))
        } else {
            ("weight", json!(w))
        }
    };
    let schedule = rng.below(5) == 0;
    let mut price = json!({ "id": "price", "kind": "price", "name": "Price" });
    if weighted {
        price["weight"] = json!(*pick(rng, &[20, 40, 60]));
        let formula = pick(
            rng,
            &[
                json!({ "formula": "lowest-ratio" }),
                json!({ "formula": "lowest-ratio" }),
                json!({ "formula": "linear-min-max" }),
                json!({ "formula": "deviation-from-lowest", "zeroAt": "1.5" }),
                json!({ "formula": "set-bounds", "best": "800", "worst": "1600" }),
                json!({ "formula": "reference-ratio", "reference": "1000" }),
                json!({ "formula": "reference-ratio", "reference": "1000", "cap": false }),
            ],
        )
        .clone();
        for (k, v) in formula.as_object().unwrap() {
            price[k] = v.clone();
        }
    }
    match rng.below(6) {
        0 => {
            price["ceiling"] = json!("1500");
            price["aboveCeiling"] = json!("disqualify");
        }
        1 => {
            price["ceiling"] = json!("1500");
            price["aboveCeiling"] = json!("zero");
        }
        _ => {}
    }
    if schedule {
        let mut lines = vec![
            json!({ "id": "l0", "name": "Service", "quantity": 10 }),
            json!({ "id": "l1", "name": "Fee paid to the buyer", "quantity": 2, "income": true }),
        ];
        if rng.below(2) == 0 {
            lines[0]["max"] = json!("150");
        }
        price["schedule"] = json!(lines);
    }
    let (qk, qv) = marks(rng, 20);
    let mut q1 = json!({ "id": "q1", "kind": "scored", "name": "Approach", "scale": "five" });
    q1[qk] = qv;
    let (qk, qv) = marks(rng, 10);
    let mut q2 = json!({ "id": "q2", "kind": "scored", "name": "Team", "scale": "points" });
    q2[qk] = qv;
    if rng.below(4) == 0 {
        q2["threshold"] = json!(1);
    }
    if rng.below(5) == 0 {
        q1["thresholdRelative"] = json!("60%");
    }
    let mut quality = json!({ "id": "quality", "name": "Quality", "children": [q1, q2] });
    match rng.below(6) {
        0 => quality["threshold"] = json!("40%"),
        1 => quality["thresholdRelative"] = json!("70%"),
        2 => quality["threshold"] = json!(if fictitious { 10_000 } else { 12 }),
        _ => {}
    }
    let (sk, sv_marks) = marks(rng, 10);
    let mut sv = json!({ "id": "sv", "kind": "measures", "name": "Commitments", "measures": ["jobs", "hours"] });
    sv[sk] = sv_marks;
    match rng.below(4) {
        0 => sv["svScoring"] = json!("relative-to-highest-percent"),
        1 => {
            sv["svScoring"] = json!("target");
            sv["target"] = json!("300");
        }
        _ => {}
    }
    let mut social = vec![sv];
    if rng.below(3) == 0 {
        let (k, v) = marks(rng, 5);
        let mut sv2 =
            json!({ "id": "sv2", "kind": "measures", "name": "Jobs", "measures": ["jobs"] });
        sv2[k] = v;
        if rng.below(2) == 0 {
            sv2["svScoring"] = json!("relative-to-highest-percent");
        }
        social.push(sv2);
    }
    let mut social = json!({ "id": "social-value", "name": "Social value", "category": "social-value", "children": social });
    if rng.below(6) == 0 {
        social["thresholdRelative"] = json!("50%");
    }
    let lots = rng.below(5) == 0;
    let n = 2 + rng.below(5);
    let bids: Vec<Value> = (0..n)
        .map(|b| {
            let mut bid = json!({
                "id": format!("b{b}"),
                "supplier": format!("Supplier {b}"),
                "gates": { "gate": rng.below(12) != 0 },
                "scores": {
                    "q1": { "moderated": rng.below(6) },
                    "q2": { "evaluators": { "A": *pick(rng, &[0, 2, 5]), "B": *pick(rng, &[0, 2, 5]) } }
                },
                "commitments": { "jobs": *pick(rng, &["0", "1", "2", "2.5", "4"]), "hours": *pick(rng, &[0, 10, 20]) }
            });
            if schedule {
                bid["prices"] = json!({
                    "l0": *pick(rng, &[80, 100, 120, 160]),
                    "l1": *pick(rng, &[0, 50, 200, 700])
                });
            } else {
                bid["price"] = json!(*pick(rng, &["900", "1000", "1000.00", "1200", "1450.50", "1600", "2000"]));
            }
            if lots {
                bid["lot"] = json!(format!("lot{}", rng.below(2)));
            }
            bid
        })
        .collect();
    let mut t = json!({
        "format": "bidscore/1",
        "tender": { "title": "Generated", "currency": "GBP" },
        "rounding": { "decimals": *pick(rng, &[0, 2, 4]), "stage": *pick(rng, &["criterion", "total", "none"]) },
        "scales": {
            "five": { "from": 0, "to": 5, "step": 1 },
            "points": { "points": [ { "value": 0, "label": "None" }, { "value": 2, "label": "Some" }, { "value": 5, "label": "Full" } ] }
        },
        "measures": [
            { "id": "jobs", "name": "Local jobs", "unit": "FTE year", "proxy": "100" },
            { "id": "hours", "name": "Volunteering", "unit": "hour", "proxy": "2.50" }
        ],
        "criteria": [
            { "id": "gate", "kind": "pass-fail", "name": "Insurance" },
            price,
            quality,
            social
        ],
        "bids": bids
    });
    if rng.below(3) == 0 {
        t["tender"]["contractValue"] = json!("1000");
    }
    t["award"] = match award {
        "quality-price-ratio-band" => {
            json!({ "method": "quality-price-ratio", "band": "0.1", "bandDecider": *pick(rng, &["price", "quality"]) })
        }
        "weighted-sum" => json!({ "method": "weighted-sum" }),
        m => json!({ "method": m }),
    };
    let rules = pick(
        rng,
        &[
            json!([]),
            json!(["price"]),
            json!(["group:quality", "price"]),
            json!(["criterion:q1", "draw"]),
            json!(["draw"]),
            json!(["group:social-value", "price", "draw"]),
        ],
    )
    .clone();
    if rules.as_array().unwrap().iter().any(|r| r == "draw") {
        t["tieDrawSeed"] = json!(format!("seed {}", rng.below(1000)));
    }
    t["tieBreak"] = rules;
    if lots {
        t["lots"] = json!([ { "id": "lot0", "name": "Lot 1" }, { "id": "lot1", "name": "Lot 2" } ]);
    }
    t
}

#[test]
fn the_fast_tries_answer_as_the_reference_does() {
    let options = Options {
        smaa: None,
        ..Options::default()
    };
    let mut rng = Rng(20_261_201);
    let (mut valid, mut with_rivals) = (0, 0);
    for k in 0..700 {
        let text = tender(&mut rng).to_string();
        let Ok(t) = crate::read(&text) else {
            continue;
        };
        valid += 1;
        let fast = analyse(&t, &options);
        with_rivals += usize::from(
            !fast.price_to_win.is_empty()
                || fast
                    .lots
                    .iter()
                    .flatten()
                    .any(|l| !l.analysis.price_to_win.is_empty()),
        );
        assert_eq!(fast, reference(&t, &options), "tender {k}: {text}");
    }
    // The generator must give mostly valid tenders with something to analyse.
    assert!(valid >= 500, "only {valid} valid tenders");
    assert!(
        with_rivals >= 400,
        "only {with_rivals} tenders with prices to win"
    );
}

#[test]
fn every_fixture_is_analysed_as_the_reference_does() {
    let options = Options {
        smaa: None,
        ..Options::default()
    };
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(root.join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for path in files {
        let fixture: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let text = match &fixture["tender"] {
            Value::String(file) => std::fs::read_to_string(root.join(file)).unwrap(),
            tender => tender.to_string(),
        };
        let t = crate::read(&text).unwrap();
        assert_eq!(analyse(&t, &options), reference(&t, &options), "{path:?}");
    }
}
