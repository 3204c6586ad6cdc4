//! Edits inside one bid of a generated tender, one after another as a person types them: each
//! evaluation that takes over the other bids' last results (`evaluate_again`) gives the whole
//! evaluation's result, and every bid whose result the final pass took over, in the place it had,
//! reads as before (what the page is told it may keep).
#![no_main]
use arbitrary::{Arbitrary, Unstructured};
use bidscore::evaluate::{evaluate_again, reads_as_before, Reuse, Slot};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// Figures an edit sets: the scale's usual points, zero, tiny, huge and negative.
const FIGURES: [&str; 10] = [
    "0",
    "1",
    "2",
    "3",
    "4",
    "5",
    "2.5",
    "0.0000000001",
    "1000000000000",
    "-1",
];

/// One edit inside bid `k` of `tender`, drawn from `u`.
fn edit(tender: &mut Value, k: usize, u: &mut Unstructured) -> arbitrary::Result<()> {
    let lots: Vec<Value> = tender["lots"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| l["id"].clone())
        .collect();
    // Another bid's figures, for ties: an extreme two bids share, one of them set aside after
    // scoring, is where a pass can find the last evaluation's fields and the next pass not.
    let other =
        tender["bids"][u.choose_index(tender["bids"].as_array().map_or(1, Vec::len))?].clone();
    let bid = &mut tender["bids"][k];
    let figure = Value::from(*u.choose(&FIGURES)?);
    match u8::arbitrary(u)? % 8 {
        6 => {
            for field in ["price", "prices"] {
                if !other[field].is_null() {
                    bid[field] = other[field].clone();
                }
            }
        }
        7 => {
            if !other["scores"].is_null() {
                bid["scores"] = other["scores"].clone();
            }
        }
        0 | 1 => {
            // A score: a figure, or removed.
            let Some(scores) = bid["scores"].as_object_mut() else {
                return Ok(());
            };
            let keys: Vec<String> = scores.keys().cloned().collect();
            let Ok(key) = u.choose(&keys) else {
                return Ok(());
            };
            if bool::arbitrary(u)? {
                scores.remove(key);
            } else {
                scores[key.as_str()] = figure;
            }
        }
        2 => {
            // The price, or a rate of the schedule.
            match bid["prices"].as_object_mut() {
                Some(rates) if !rates.is_empty() => {
                    let keys: Vec<String> = rates.keys().cloned().collect();
                    rates[u.choose(&keys)?.as_str()] = figure;
                }
                _ => bid["price"] = figure,
            }
        }
        3 => {
            let Some(gates) = bid["gates"].as_object_mut() else {
                return Ok(());
            };
            for g in gates.values_mut() {
                if bool::arbitrary(u)? {
                    *g = Value::Bool(!g.as_bool().unwrap_or(false));
                }
            }
        }
        4 => {
            // A numeric criterion's value or a social value commitment.
            for field in ["values", "socialValue"] {
                if let Some(m) = bid[field].as_object_mut() {
                    for v in m.values_mut() {
                        if bool::arbitrary(u)? {
                            *v = Value::from(*u.choose(&FIGURES)?);
                        }
                    }
                }
            }
        }
        _ => {
            // Moved to another lot.
            if !lots.is_empty() {
                bid["lot"] = u.choose(&lots)?.clone();
            }
        }
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let Some((text, mut u)) = bidscore_fuzz::tender_text(data) else {
        return;
    };
    let Ok(t) = bidscore::read(&text) else { return };
    if t.bids.is_empty() {
        return;
    }
    let mut tender: Value = serde_json::from_str(&text).expect("the rendered text is JSON");
    let (e, mut memo) = evaluate_again(&t, None);
    let mut last: Vec<Slot> = e.bids.into_iter().map(Ok).collect();
    for _ in 0..u8::arbitrary(&mut u).unwrap_or(1) % 6 {
        let Ok(k) = u.choose_index(t.bids.len()) else {
            return;
        };
        if edit(&mut tender, k, &mut u).is_err() {
            return;
        }
        let Ok(t) = bidscore::read(&tender.to_string()) else {
            return;
        };
        let before: Vec<String> = last
            .iter()
            .map(|b| {
                b.as_ref()
                    .map(|b| serde_json::to_string(b).unwrap())
                    .unwrap_or_default()
            })
            .collect();
        let reuse = Reuse {
            last: &mut last,
            memo: &memo,
            edited: k,
            part: 0,
            at: &[],
        };
        let (e, next) = evaluate_again(&t, Some(reuse));
        let whole = bidscore::evaluate(&t);
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            serde_json::to_string(&whole).unwrap(),
            "bid {k} edited: the result taking over others' differs from the whole evaluation"
        );
        for (i, slot) in last.iter().enumerate() {
            if reads_as_before(slot, &e.bids[i]) {
                assert_eq!(
                    serde_json::to_string(&e.bids[i]).unwrap(),
                    before[i],
                    "bid {i}, said to read as before, reads otherwise"
                );
            }
        }
        last = e.bids.into_iter().map(Ok).collect();
        memo = next;
    }
});
