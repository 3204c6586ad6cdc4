//! The JSON the WebAssembly binding writes (`bidscore::json`) is the command line's, byte for byte:
//! every result, error list, published model, debrief, OCDS fragment and analysis, written both
//! ways, for every fixture, example, case catalogue entry and a few generated tenders; and its
//! all-ASCII text (`to_ascii`, what the page parses) reads back as the same values.
#![cfg(not(target_arch = "wasm32"))] // reads files; native only

mod common;

use bidscore::analysis::{Options, SmaaOptions, WeightModel};
use bidscore::json::{to_ascii, to_string, ToJson};
use serde::Serialize;
use serde_json::Value;

fn same<T: Serialize + ToJson>(name: &str, what: &str, value: &T) {
    let want = serde_json::to_string(value).unwrap();
    let got = to_string(value);
    assert!(
        got == want,
        "{name}: {what} differs\n  serde_json: {want}\n  json:       {got}"
    );
    let ascii = to_ascii(value);
    assert!(ascii.is_ascii(), "{name}: {what} in ASCII is not: {ascii}");
    assert_eq!(
        serde_json::from_str::<Value>(&ascii).unwrap(),
        serde_json::from_str::<Value>(&want).unwrap(),
        "{name}: {what} in ASCII reads differently"
    );
}

/// Every output of one tender text, both ways.
fn check(name: &str, text: &str) {
    same(name, "validation", &bidscore::validate_str(text));
    let t = match bidscore::read(text) {
        Ok(t) => t,
        Err(errors) => return same(name, "errors", &errors),
    };
    let e = bidscore::evaluate(&t);
    same(name, "evaluation", &e);
    same(name, "published model", &bidscore::publish::describe(&t));
    same(name, "debriefs", &bidscore::debrief::debriefs(&t, &e));
    same(
        name,
        "OCDS award criteria",
        &bidscore::ocds::award_criteria(&t),
    );
    for (weights, score_uncertainty) in [
        (WeightModel::Simplex, false),
        (WeightModel::Tolerance(0.2), true),
        (WeightModel::Ranking, false),
    ] {
        let options = Options {
            smaa: Some(SmaaOptions {
                samples: 300,
                weights,
                score_uncertainty,
                ..SmaaOptions::default()
            }),
            ..Default::default()
        };
        same(name, "analysis", &bidscore::analysis::analyse(&t, &options));
    }
}

fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        v => serde_json::to_string(v).unwrap(),
    }
}

#[test]
fn examples_are_written_as_serde_json_writes_them() {
    let files = common::json_files("www/examples");
    assert!(!files.is_empty());
    for path in files {
        check(
            &path.display().to_string(),
            &std::fs::read_to_string(&path).unwrap(),
        );
    }
}

#[test]
fn fixtures_are_written_as_serde_json_writes_them() {
    for path in common::json_files("tests/fixtures") {
        let fixture: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let text = match &fixture["tender"] {
            Value::String(file) => std::fs::read_to_string(common::root().join(file)).unwrap(),
            tender => text_of(tender),
        };
        check(&path.display().to_string(), &text);
    }
}

#[test]
fn invalid_and_hostile_cases_are_written_as_serde_json_writes_them() {
    for dir in ["invalid", "hostile"] {
        let cases = common::cases(dir);
        assert!(!cases.is_empty());
        for (name, case) in cases {
            check(&format!("{dir}/{name}"), &text_of(&case["input"]));
        }
    }
}

#[test]
fn generated_tenders_are_written_as_serde_json_writes_them() {
    for (bids, criteria, evaluators, seed) in [(1, 2, 1, 1), (12, 6, 3, 7), (60, 15, 5, 42)] {
        let text = bidscore::synth::tender(bids, criteria, evaluators, seed).to_string();
        check(&format!("generated {bids}x{criteria}x{evaluators}"), &text);
    }
}

#[test]
fn text_that_needs_escaping_is_written_as_serde_json_writes_it() {
    let example =
        std::fs::read_to_string(common::root().join("www/examples/council-wellbeing.json"))
            .unwrap();
    let mut tender: Value = serde_json::from_str(&example).unwrap();
    let awkward = "Quote \" backslash \\ tab\t newline\n bell\u{7} del\u{7f} – “Cymraeg” ✓";
    tender["tender"]["title"] = Value::String(awkward.into());
    tender["bids"][0]["supplier"] = Value::String(awkward.into());
    let text = tender.to_string();
    // A valid tender, so that its evaluation, model and summaries are compared, not an error.
    assert!(bidscore::read(&text).is_ok());
    check("escapes", &text);
    // And the same text where a path names it in an error.
    tender["bids"][0][awkward] = Value::Bool(true);
    check("escapes in an error", &tender.to_string());
}
