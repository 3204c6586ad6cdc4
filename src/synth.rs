//! Generated tenders of any size, for benchmarks and property tests. Seeded and deterministic:
//! the same arguments always give the same file.

use serde_json::{json, Value};

/// A small deterministic generator (SplitMix64); good enough for test data, never for analysis.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform enough in `0..n` for test data.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// A tender with `bids` bids and `criteria` leaf criteria (one price, one social value measures
/// criterion, the rest scored 0–5 by `evaluators` evaluators), marks 40 / 50 / 10.
pub fn tender(bids: usize, criteria: usize, evaluators: usize, seed: u64) -> Value {
    let mut rng = Rng(seed);
    let scored = criteria.saturating_sub(2).max(2);
    let quality_n = scored - 1;
    // Quality's 50 marks in hundredths, shared as evenly as whole hundredths allow.
    let share = |total: u64, n: usize, i: usize| -> String {
        let base = total / n as u64;
        let extra = u64::from((i as u64) < total % n as u64);
        let h = base + extra;
        format!("{}.{:02}", h / 100, h % 100)
    };
    let quality: Vec<Value> = (0..quality_n)
        .map(|i| {
            json!({ "id": format!("q{i}"), "kind": "scored", "name": format!("Quality question {}", i + 1),
                    "weight": share(5000, quality_n, i), "scale": "five-point", "threshold": if i == 0 { json!(1) } else { Value::Null } })
        })
        .map(|mut v| {
            if v["threshold"].is_null() {
                v.as_object_mut().map(|o| o.remove("threshold"));
            }
            v
        })
        .collect();
    let points: Vec<Value> = (0..=5)
        .map(|v| json!({ "value": v, "label": format!("Level {v}"), "descriptor": "Meets the descriptor for this level." }))
        .collect();
    let bid_list: Vec<Value> = (0..bids)
        .map(|b| {
            let mut scores = serde_json::Map::new();
            for q in (0..quality_n).map(|i| format!("q{i}")).chain(["sv-plan".to_string()]) {
                let centre = 1 + rng.below(4);
                let ev: serde_json::Map<String, Value> = (0..evaluators)
                    .map(|e| {
                        let s = (centre + rng.below(3)).saturating_sub(1).min(5);
                        (format!("Evaluator {}", e + 1), json!(s))
                    })
                    .collect();
                scores.insert(q, json!({ "evaluators": ev }));
            }
            let price = 800_000 + rng.below(400_000);
            let pence = rng.below(100);
            json!({
                "id": format!("b{b}"),
                "supplier": format!("Supplier {b}"),
                "price": format!("{price}.{pence:02}"),
                "gates": { "gate": true },
                "scores": scores,
                "commitments": { "jobs": format!("{}.{}", rng.below(10), rng.below(10)), "hours": rng.below(2000) }
            })
        })
        .collect();
    json!({
        "format": "bidscore/1",
        "tender": { "title": format!("Generated tender {bids} × {criteria}"), "reference": format!("GEN-{bids}-{criteria}-{seed}") },
        "tieBreak": ["group:quality", "price"],
        "scales": { "five-point": { "points": points } },
        "measures": [
            { "id": "jobs", "name": "Local jobs", "unit": "FTE year", "proxy": "28000" },
            { "id": "hours", "name": "Volunteering", "unit": "hour", "proxy": "17.50" }
        ],
        "criteria": [
            { "id": "gate", "kind": "pass-fail", "name": "Insurance" },
            { "id": "price", "kind": "price", "name": "Price", "weight": 40, "formula": "lowest-ratio" },
            { "id": "quality", "name": "Quality", "weight": 50, "children": quality },
            { "id": "social-value", "name": "Social value", "category": "social-value", "weight": 10, "children": [
                { "id": "sv-plan", "kind": "scored", "name": "Delivery plan", "weight": 5, "scale": "five-point" },
                { "id": "sv", "kind": "measures", "name": "Commitments", "weight": 5, "measures": ["jobs", "hours"] }
            ]}
        ],
        "bids": bid_list
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn generated_tenders_are_valid_and_deterministic() {
        for (bids, criteria) in [(3, 4), (20, 30), (50, 7)] {
            let a = super::tender(bids, criteria, 3, 7).to_string();
            assert_eq!(a, super::tender(bids, criteria, 3, 7).to_string());
            let t = crate::read(&a).expect("generated tender is valid");
            assert_eq!(t.bids.len(), bids);
            assert_eq!(t.leaves().len(), criteria.max(4) + 1); // + the gate
            assert_eq!(t.max_total(), rust_decimal::Decimal::ONE_HUNDRED);
        }
    }
}
