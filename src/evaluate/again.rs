//! Evaluating a tender again after an edit inside one bid, reusing the other bids' results.
//!
//! A bid's result ([`super::totals::bid_result`]) depends on the model, the bid's own inputs, its
//! standing (status, reasons, what is missing) and the comparison fields of the pass that scored
//! it. After an edit inside one bid (a score typed, read by `validate::Kept` as that bid alone)
//! the model and every other bid are as they were; so wherever a pass finds the same fields as
//! the last evaluation's final pass, and a bid standing as its last result stood, that result is
//! the one the bid would get, and is taken over rather than worked out again: after a score
//! changed in one bid of hundreds, all but that bid. Ranks are then set afresh, and every warning
//! is found again, as in a first evaluation.
//!
//! Invariant: the result is the whole evaluation's, byte for byte (the tests below compare them
//! after edits of every kind on every fixture).

use crate::price::{same_bits, Field};
use crate::result::BidResult;

/// What an evaluation leaves for the next one: the fields of its final scoring pass, when every
/// bid's result is that pass's as scored (none when one was set aside after it, which is rare).
pub struct Memo(pub(super) Option<Vec<Option<Field>>>);

impl Memo {
    pub const NONE: Memo = Memo(None);
}

/// A last result, or where it stood (rank, in the band) once taken by the next evaluation.
pub type Slot = Result<BidResult, (Option<u32>, bool)>;

/// The last evaluation, for the next after an edit inside bid `edited` (its index): the results
/// of its bids, of which those reused are taken, and its [`Memo`].
pub struct Reuse<'a> {
    pub last: &'a mut [Slot],
    pub memo: &'a Memo,
    pub edited: usize,
}

impl Reuse<'_> {
    /// Bid `i`'s last result, if this pass, with `fields`, would give it again: the bid was not
    /// edited and stands as it stood. Its rank is cleared for the ranking to set again.
    pub(super) fn take(
        &mut self,
        i: usize,
        fields: &[Option<Field>],
        p: &crate::context::Prepared,
    ) -> Option<BidResult> {
        let fits = i != self.edited
            && self
                .memo
                .0
                .as_ref()
                .is_some_and(|last| same_fields(last, fields));
        let slot = self.last.get_mut(i).filter(|_| fits)?;
        let b = slot
            .as_ref()
            .ok()
            .filter(|b| b.status == p.status && b.reasons == p.reasons && b.missing == p.missing)?;
        let place = (b.rank, b.in_band);
        let mut b = std::mem::replace(slot, Err(place)).ok()?;
        b.rank = None;
        b.in_band = false;
        Some(b)
    }
}

/// Equal fields, each the same to the bit (see [`same_bits`]).
fn same_fields(a: &[Option<Field>], b: &[Option<Field>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_bits(x, y))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::Kept;
    use serde_json::Value;

    /// Each edit a person could make inside bid `k`: every figure (a number, or a string of
    /// one) set to 0, raised by 1, doubled and halved; every yes/no turned over; every score
    /// removed.
    fn edits(tender: &Value, k: usize) -> Vec<Value> {
        fn walk(v: &Value, path: &mut Vec<Value>, out: &mut Vec<(Vec<Value>, Option<Value>)>) {
            let figure = match v {
                Value::Number(n) => n.as_f64(),
                Value::String(s) => s.parse::<f64>().ok(),
                _ => None,
            };
            if let Some(x) = figure {
                for y in [0.0, x + 1.0, x * 2.0, x / 2.0] {
                    let y = serde_json::Number::from_f64(y).map(Value::Number);
                    let y = match (v, y) {
                        (Value::String(_), Some(y)) => Value::String(y.to_string()),
                        (_, Some(y)) => y,
                        _ => continue,
                    };
                    out.push((path.clone(), Some(y)));
                }
            }
            if let Value::Bool(b) = v {
                out.push((path.clone(), Some(Value::Bool(!b))));
            }
            let under_scores = path.last() == Some(&Value::from("scores"));
            match v {
                Value::Object(m) => {
                    for (key, x) in m {
                        path.push(key.as_str().into());
                        if under_scores {
                            out.push((path.clone(), None));
                        }
                        walk(x, path, out);
                        path.pop();
                    }
                }
                Value::Array(a) => {
                    for (i, x) in a.iter().enumerate() {
                        path.push(i.into());
                        walk(x, path, out);
                        path.pop();
                    }
                }
                _ => {}
            }
        }
        let mut found = Vec::new();
        walk(&tender["bids"][k], &mut Vec::new(), &mut found);
        found
            .into_iter()
            .map(|(path, to)| {
                let mut t = tender.clone();
                let mut at = &mut t["bids"][k];
                for step in &path[..path.len() - 1] {
                    at = match step {
                        Value::String(s) => &mut at[s.as_str()],
                        _ => &mut at[step.as_u64().unwrap() as usize],
                    };
                }
                match (path.last().unwrap(), to) {
                    (Value::String(key), None) => {
                        at.as_object_mut().unwrap().shift_remove(key);
                    }
                    (Value::String(key), Some(to)) => at[key.as_str()] = to,
                    (i, Some(to)) => at[i.as_u64().unwrap() as usize] = to,
                    _ => unreachable!(),
                }
                t
            })
            .collect()
    }

    /// The tenders of the fixtures and examples, without lots (a tender with lots is evaluated
    /// whole).
    fn tenders() -> Vec<(String, Value)> {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut out = Vec::new();
        for dir in ["tests/fixtures", "www/examples"] {
            let mut files: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect();
            files.sort();
            for path in files {
                let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let t = match &v["tender"] {
                    Value::Object(_) => v["tender"].clone(),
                    Value::String(_) => continue, // an example, read from its own file
                    _ => v,
                };
                if t["bids"].as_array().is_some_and(|b| !b.is_empty()) && t.get("lots").is_none() {
                    out.push((path.display().to_string(), t));
                }
            }
        }
        out
    }

    /// What the page's engine keeps between evaluations.
    type State = (Kept, Vec<Slot>, Memo);

    /// One evaluation of `text` after the last (`state`), reusing what it may: the result, the
    /// state after it and how many of the last results it took.
    fn again(text: &str, state: Option<State>) -> Option<(crate::Evaluation, State, usize)> {
        let (kept, mut last, memo) = match state {
            Some((k, l, m)) => (Some(k), l, m),
            None => (None, Vec::new(), Memo::NONE),
        };
        let k = Kept::read(text, kept).ok()?;
        let reuse = k.edited().map(|edited| Reuse {
            last: &mut last,
            memo: &memo,
            edited,
        });
        let (e, memo) = super::super::evaluate_again(k.tender(), reuse);
        let taken = last.iter().filter(|b| b.is_err()).count();
        let bids = e.bids.clone().into_iter().map(Ok).collect();
        Some((e, (k, bids, memo), taken))
    }

    #[test]
    fn an_evaluation_reusing_the_last_gives_the_whole_evaluation_after_every_edit_in_a_bid() {
        let (mut edits_tried, mut reused) = (0, 0);
        for (name, tender) in tenders() {
            let text = tender.to_string();
            let Some((_, mut state, _)) = again(&text, None) else {
                panic!("{name}: not a valid tender");
            };
            for k in 0..tender["bids"].as_array().unwrap().len() {
                // Edits one after another, each from the last evaluation (an invalid one from
                // the tender as given), as a person typing.
                for edited in edits(&tender, k) {
                    let text = edited.to_string();
                    let Ok(whole) = crate::read(&text) else {
                        continue;
                    };
                    let want = serde_json::to_string(&super::super::evaluate(&whole)).unwrap();
                    let (got, next, taken) = again(&text, Some(state)).expect("valid");
                    assert_eq!(
                        serde_json::to_string(&got).unwrap(),
                        want,
                        "{name}: bid {k} edited to {}",
                        edited["bids"][k]
                    );
                    edits_tried += 1;
                    reused += taken;
                    state = next;
                }
                state = again(&text, Some(state)).expect("valid").1;
            }
        }
        assert!(edits_tried > 1000, "{edits_tried} edits tried");
        assert!(
            reused > edits_tried,
            "{reused} results reused in {edits_tried} edits"
        );
    }

    #[test]
    fn a_score_typed_in_one_bid_of_two_hundred_reuses_every_other_bids_result() {
        let mut tender = crate::synth::tender(200, 30, 3, 1);
        let (_, state, _) = again(&tender.to_string(), None).unwrap();
        let score = &mut tender["bids"][7]["scores"]["q0"]["evaluators"]["Evaluator 1"];
        *score = Value::from(if score.as_u64() == Some(1) { 2 } else { 1 });
        let (got, _, taken) = again(&tender.to_string(), Some(state)).unwrap();
        assert_eq!(taken, 199);
        let whole = super::super::evaluate(&crate::read(&tender.to_string()).unwrap());
        assert_eq!(
            serde_json::to_string(&got).unwrap(),
            serde_json::to_string(&whole).unwrap()
        );
        // A change outside the bids is read whole, and nothing is reused.
        let (_, state, _) = again(&tender.to_string(), None).unwrap();
        tender["tender"]["title"] = Value::from("Renamed");
        let (_, _, taken) = again(&tender.to_string(), Some(state)).unwrap();
        assert_eq!(taken, 0);
    }
}
