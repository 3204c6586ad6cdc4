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

/// What an evaluation leaves for the next one: for the tender, or for each of its lots (spec
/// §18: each is evaluated as a tender of its own), the fields of its final scoring pass.
pub struct Memo(pub(super) Vec<Vec<Option<Field>>>);

impl Memo {
    pub const NONE: Memo = Memo(Vec::new());
}

/// A last result; once the next evaluation has taken it over, where it stood (rank, in the band);
/// `Err(None)` once a later scoring pass of that evaluation has scored the bid again instead
/// (see [`Reuse::take`]). Only a result taken by the final pass is in the evaluation: the
/// page is told that such a bid, in the same place, reads as before (`wasm::evaluate_since`).
pub type Slot = Result<BidResult, Option<(Option<u32>, bool)>>;

/// The last evaluation, for the next after an edit inside bid `edited` (its index in the file):
/// the results of its bids, of which those reused are taken, and its [`Memo`]. Evaluating lot
/// `part` of a tender, `at` gives each of the lot's bids' index in the file.
pub struct Reuse<'a> {
    pub last: &'a mut [Slot],
    pub memo: &'a Memo,
    pub edited: usize,
    pub part: usize,
    pub at: &'a [usize],
}

impl Reuse<'_> {
    /// Bid `i`'s last result, if this pass, with `fields`, would give it again: the bid was not
    /// edited and stands as it stood. Its rank is cleared for the ranking to set again. Asked
    /// for every bid of every scoring pass (`score_pool`).
    pub(super) fn take(
        &mut self,
        i: usize,
        fields: &[Option<Field>],
        p: &crate::context::Prepared,
    ) -> Option<BidResult> {
        let i = self.at.get(i).copied().unwrap_or(i);
        let fits = i != self.edited
            && self
                .memo
                .0
                .get(self.part)
                .is_some_and(|last| same_fields(last, fields));
        let slot = self.last.get_mut(i)?;
        let b = match slot {
            // Taken by an earlier pass of this evaluation, which this pass replaces: every pass
            // scores every bid again (after a group threshold has set a bid aside, against
            // fields that may differ from the last evaluation's).
            Err(place) => {
                *place = None;
                return None;
            }
            Ok(b) => b,
        };
        // A result out of range was set aside after its pass (see `whole`): never its pass's.
        let fits = fits
            && !b.out_of_range
            && b.status == p.status
            && b.reasons == p.reasons
            && b.missing == p.missing;
        if !fits {
            return None;
        }
        let place = (b.rank, b.in_band);
        let mut b = std::mem::replace(slot, Err(Some(place))).ok()?;
        b.rank = None;
        b.in_band = false;
        Some(b)
    }
}

/// Whether result `b` is the one `slot` held, in the place it had: taken over by the final pass,
/// its rank and band unchanged. Such a bid reads as before, and the page is told it may keep its
/// last one (`wasm::evaluate_since`).
#[inline(always)]
pub fn reads_as_before(slot: &Slot, b: &BidResult) -> bool {
    matches!(slot, Err(Some(place)) if (b.rank, b.in_band) == *place)
}

/// Equal fields, each the same to the bit (see [`same_bits`]).
fn same_fields(a: &[Option<Field>], b: &[Option<Field>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_bits(x, y))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::validate::Kept;
    use serde_json::Value;

    /// Each edit a person could make inside bid `k`: every figure (a number, or a string of
    /// one) set to 0, raised by 1, doubled and halved; every yes/no turned over; every score
    /// removed; the bid moved to each other lot.
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
        // Moved to each other lot.
        for lot in tender["lots"].as_array().into_iter().flatten() {
            if lot["id"] != tender["bids"][k]["lot"] {
                found.push((vec![Value::from("lot")], Some(lot["id"].clone())));
            }
        }
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

    /// The tenders of the fixtures, the hostile tenders (figures at the limits) and the examples,
    /// with lots or without.
    pub(in crate::evaluate) fn tenders() -> Vec<(String, Value)> {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut out = Vec::new();
        for dir in ["tests/fixtures", "tests/hostile", "www/examples"] {
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
                if t["bids"].as_array().is_some_and(|b| !b.is_empty()) {
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
        let before: Vec<String> = last
            .iter()
            .map(|b| b.as_ref().map(|b| serde_json::to_string(b).unwrap()))
            .map(Result::unwrap_or_default)
            .collect();
        let k = Kept::read(text, kept).ok()?;
        let reuse = k.edited().map(|edited| Reuse {
            last: &mut last,
            memo: &memo,
            edited,
            part: 0,
            at: &[],
        });
        let (e, memo) = super::super::evaluate_again(k.tender(), reuse);
        // What the page is told (`wasm::evaluate_since`): a bid whose result the final pass took
        // over, in the place it had, reads as it did.
        for (i, slot) in last.iter().enumerate() {
            if reads_as_before(slot, &e.bids[i]) {
                assert_eq!(
                    serde_json::to_string(&e.bids[i]).unwrap(),
                    before[i],
                    "bid {i}"
                );
            }
        }
        let taken = last.iter().filter(|b| matches!(b, Err(Some(_)))).count();
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
    fn a_result_set_aside_after_its_pass_is_never_taken_over() {
        let text = include_str!("../../www/examples/council-wellbeing.json");
        let t = crate::read(text).expect("a valid tender");
        assert!(t.bids.len() >= 3);
        let (e, memo) = super::super::evaluate_again(&t, None);
        let mut last: Vec<Slot> = e.bids.into_iter().map(Ok).collect();
        // As the last evaluation leaves a bid pushed out of range by its second pass.
        if let Ok(b) = &mut last[0] {
            b.out_of_range = true;
        }
        let reuse = Reuse {
            last: &mut last,
            memo: &memo,
            edited: 1,
            part: 0,
            at: &[],
        };
        super::super::evaluate_again(&t, Some(reuse));
        assert!(last[0].is_ok(), "the result set aside is worked out again");
        assert!(last[1].is_ok(), "so is the edited bid's");
        assert!(last[2].is_err(), "another is taken over");
    }

    /// How many of the last results an evaluation of `tender` after `edit` takes over, checked
    /// to give the whole evaluation's result.
    fn taken_after(tender: &mut Value, edit: impl FnOnce(&mut Value)) -> usize {
        let (_, state, _) = again(&tender.to_string(), None).unwrap();
        edit(tender);
        let (got, _, taken) = again(&tender.to_string(), Some(state)).unwrap();
        let whole = super::super::evaluate(&crate::read(&tender.to_string()).unwrap());
        assert_eq!(
            serde_json::to_string(&got).unwrap(),
            serde_json::to_string(&whole).unwrap()
        );
        taken
    }

    #[test]
    fn a_result_taken_by_a_pass_that_a_group_threshold_replaces_is_not_taken_over() {
        // Bids b and c tie on the lowest price; b is below the quality threshold. Once c falls
        // below it too, the first pass finds the last fields (b's price is c's) and takes a's
        // result, but the pass after the threshold compares a with no one: a's price now scores
        // full marks, in the first place it already held.
        let mut tender = serde_json::json!({
            "format": "bidscore/1",
            "scales": { "s": { "from": 0, "to": 5, "step": 1 } },
            "criteria": [
                { "id": "price", "kind": "price", "name": "Price", "weight": 50,
                  "formula": "lowest-ratio" },
                { "id": "quality", "name": "Quality", "weight": 50, "threshold": 30, "children": [
                    { "id": "q", "kind": "scored", "name": "Plan", "weight": 50, "scale": "s" }
                ] }
            ],
            "bids": [
                { "id": "a", "supplier": "A", "price": "120000", "scores": { "q": 5 } },
                { "id": "b", "supplier": "B", "price": "100000", "scores": { "q": 1 } },
                { "id": "c", "supplier": "C", "price": "100000", "scores": { "q": 3 } }
            ]
        });
        let (before, state, _) = again(&tender.to_string(), None).unwrap();
        assert_eq!(before.bids[0].rank, Some(1));
        tender["bids"][2]["scores"]["q"] = Value::from(1);
        // `again` checks that a bid counted as taken over reads as it did.
        let (after, ..) = again(&tender.to_string(), Some(state)).unwrap();
        assert_eq!(after.bids[0].rank, Some(1));
        assert_ne!(after.bids[0].total, before.bids[0].total);
    }

    #[test]
    fn a_score_typed_in_one_bid_of_two_hundred_reuses_every_other_bids_result() {
        let mut tender = crate::synth::tender(200, 30, 3, 1);
        let type_score = |t: &mut Value| {
            let score = &mut t["bids"][7]["scores"]["q0"]["evaluators"]["Evaluator 1"];
            *score = Value::from(if score.as_u64() == Some(1) { 2 } else { 1 });
        };
        assert_eq!(taken_after(&mut tender, type_score), 199);
        // Divided into lots, each lot's bids but the edited one are taken over too.
        tender["lots"] =
            serde_json::json!([{ "id": "n", "name": "North" }, { "id": "s", "name": "South" }]);
        for (i, b) in tender["bids"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .enumerate()
        {
            b["lot"] = Value::from(if i % 2 == 0 { "n" } else { "s" });
        }
        assert_eq!(taken_after(&mut tender, type_score), 199);
        // A change outside the bids is read whole, and nothing is reused.
        let rename = |t: &mut Value| t["tender"]["title"] = Value::from("Renamed");
        assert_eq!(taken_after(&mut tender, rename), 0);
    }
}
