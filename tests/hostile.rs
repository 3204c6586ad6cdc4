//! Hostile tenders: files that once made the engine panic, divide by zero, overflow or run without
//! end. Each `tests/hostile/*.json` is `{ "description", "input": {tender}, "expected": "ok" |
//! "<error code>" }`; the engine must read it to that outcome and, when it reads, evaluate it,
//! analyse it (200 rank-acceptability samples), describe it, summarise every bid (as data and as
//! text), export its award criteria and print its ranking table, all without panicking and in
//! well under the time limit. A new case is a new file.
#![cfg(not(target_arch = "wasm32"))] // reads files; native only

mod common;

use bidscore::analysis::{Options, SmaaOptions};
use rust_decimal::Decimal;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

/// Every view of one tender together; far more than any of these files needs.
const TIME_LIMIT: Duration = Duration::from_secs(30);

/// What one tender gives: "ok" or its first error code; or why it failed.
fn outcome(text: &str) -> Result<String, String> {
    let t = match bidscore::read(text) {
        Ok(t) => t,
        Err(e) => {
            let first = e.errors.first().ok_or("an invalid file with no errors")?;
            return Ok(first.code().to_string());
        }
    };
    let e = bidscore::evaluate(&t);
    for b in &e.bids {
        for c in &b.criteria {
            let (Some(v), Ok(max)) = (c.value, c.max.parse::<Decimal>()) else {
                continue;
            };
            // A score is at most its marks, give or take the rounding of the last decimal, except
            // under an uncapped reference ratio, which rewards a price below the reference.
            let slack = Decimal::new(1, e.decimals);
            if v < Decimal::ZERO
                || (v > max + slack
                    && !t
                        .leaves()
                        .iter()
                        .any(|l| *l.id == *c.id && l.may_exceed_marks()))
            {
                return Err(format!("{} scored {v} for {} out of {max}", b.id, c.id));
            }
        }
    }
    serde_json::to_string(&e).map_err(|e| format!("the result does not serialise: {e}"))?;
    let options = Options {
        smaa: Some(SmaaOptions {
            samples: 200,
            ..SmaaOptions::default()
        }),
        ..Default::default()
    };
    let a = bidscore::analysis::analyse(&t, &options);
    serde_json::to_string(&a).map_err(|e| format!("the analysis does not serialise: {e}"))?;
    let p = bidscore::publish::describe(&t);
    serde_json::to_string(&p).map_err(|e| format!("the model does not serialise: {e}"))?;
    let d = bidscore::debrief::debriefs(&t, &e);
    serde_json::to_string(&d).map_err(|e| format!("the summaries do not serialise: {e}"))?;
    if d.iter().any(|d| d.text.is_empty()) {
        return Err("an empty summary".into());
    }
    serde_json::to_string(&bidscore::ocds::award_criteria(&t))
        .map_err(|e| format!("the award criteria do not serialise: {e}"))?;
    let table = bidscore::table::ranking_table(&t, &e);
    if table.is_empty() {
        return Err("an empty ranking table".into());
    }
    Ok("ok".into())
}

#[test]
fn hostile_tenders_are_read_scored_and_explained_without_panicking() {
    let cases = common::cases("hostile");
    assert!(!cases.is_empty(), "no cases in tests/hostile");
    let mut failures = Vec::new();
    for (name, case) in &cases {
        let expected = case["expected"]
            .as_str()
            .expect("expected: \"ok\" or a code");
        assert!(
            case["description"].as_str().is_some_and(|d| !d.is_empty()),
            "{name}: say what the case is"
        );
        let text = serde_json::to_string(&case["input"]).unwrap();
        let started = Instant::now();
        let got = catch_unwind(AssertUnwindSafe(|| outcome(&text)));
        let took = started.elapsed();
        match got {
            Err(panic) => {
                let msg = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(format!("{name}: panicked: {msg}"));
            }
            Ok(Err(why)) => failures.push(format!("{name}: {why}")),
            Ok(Ok(got)) if got != expected => {
                failures.push(format!("{name}: expected {expected}, got {got}"))
            }
            Ok(Ok(_)) if took > TIME_LIMIT => {
                failures.push(format!("{name}: took {took:?}, over {TIME_LIMIT:?}"))
            }
            Ok(Ok(_)) => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
