//! Data-driven scoring tests: every `tests/fixtures/*.json` is one tender with the figures a person
//! worked out by hand (the `arithmetic` list says how), and this harness checks that the engine gives
//! exactly those figures. A new case is a new file, not new code.
//!
//! A fixture is `{ "description", "tender": "www/examples/x.json" | {inline tender}, "arithmetic": [..],
//! "expected": { "bids": { ID: { status, rank, total, price, priceWorking, criteria, groups,
//! socialValue, reasons, missing, working, inputs, lot } }, "ranking": [..], "lots": [..],
//! "warnings": [{code, bids, params?}] } }`.
//! Only what `expected` lists is compared, except `warnings`, which must be the complete set.
#![cfg(not(target_arch = "wasm32"))] // reads files (and runs the binary); native only

// Only its file listing is used here; the catalogues' case reader is not.
#[allow(dead_code)]
mod common;

use common::{json_files, root};
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::path::Path;

/// Collects differences between what a fixture expects and what the engine returned.
struct Diff {
    lines: Vec<String>,
}

impl Diff {
    fn check(&mut self, at: &str, want: &Value, got: Option<&Value>) {
        let got = got.unwrap_or(&Value::Null);
        if want != got {
            self.lines
                .push(format!("  {at}: expected {want}, got {got}"));
        }
    }
}

fn find<'a>(list: &'a Value, id: &str) -> Option<&'a Value> {
    list.as_array()?.iter().find(|x| x["id"] == id)
}

fn codes(list: &Value) -> Value {
    Value::Array(
        list.as_array()
            .map(|l| l.iter().map(|m| m["code"].clone()).collect())
            .unwrap_or_default(),
    )
}

fn tender_text(fixture: &Value, name: &str) -> String {
    match &fixture["tender"] {
        Value::String(path) => std::fs::read_to_string(root().join(path))
            .unwrap_or_else(|e| panic!("{name}: cannot read tender {path}: {e}")),
        t @ Value::Object(_) => t.to_string(),
        other => panic!("{name}: \"tender\" must be a path or an object, not {other}"),
    }
}

fn compare_bid(d: &mut Diff, id: &str, want: &Map<String, Value>, got: &Value) {
    let at = |f: &str| format!("bids.{id}.{f}");
    for (field, w) in want {
        match field.as_str() {
            "status" | "rank" | "total" | "price" | "value" | "valueWorking" | "lot" => {
                d.check(&at(field), w, got.get(field))
            }
            // §11: how the evaluated price was formed.
            "priceWorking" => d.check(&at(field), w, got.get(field)),
            "reasons" | "missing" => d.check(&at(field), w, Some(&codes(&got[field]))),
            "criteria" | "working" | "inputs" | "inputFrom" | "fractions" => {
                let key = match field.as_str() {
                    "criteria" => "score",
                    "working" => "working",
                    "inputs" => "input",
                    "fractions" => "fraction",
                    _ => "inputFrom",
                };
                for (cid, w) in w.as_object().expect("an object of criterion ids") {
                    let c = find(&got["criteria"], cid);
                    if c.is_none() {
                        d.lines.push(format!("  {}: no such criterion", at(field)));
                    }
                    d.check(
                        &format!("{}.{cid}", at(field)),
                        w,
                        c.and_then(|c| c.get(key)),
                    );
                }
            }
            "groups" => {
                for (gid, w) in w.as_object().expect("an object of group ids") {
                    let g = find(&got["groups"], gid).and_then(|g| g.get("score"));
                    d.check(&format!("{}.{gid}", at(field)), w, g);
                }
            }
            "socialValue" => {
                for (k, w) in w.as_object().expect("an object") {
                    let g = got["socialValue"].get(k);
                    d.check(&format!("{}.{k}", at(field)), w, g);
                }
            }
            other => d
                .lines
                .push(format!("  {}: unknown expectation", at(other))),
        }
    }
}

fn compare_warnings(d: &mut Diff, want: &Value, got: &Value) {
    let key = |w: &Value| (w["code"].to_string(), w["bids"].to_string());
    let wanted: BTreeSet<(String, String)> = want
        .as_array()
        .expect("warnings is a list")
        .iter()
        .map(key)
        .collect();
    let found: BTreeSet<(String, String)> = got
        .as_array()
        .map(|l| l.iter().map(key).collect())
        .unwrap_or_default();
    for (code, bids) in wanted.difference(&found) {
        d.lines
            .push(format!("  warnings: expected {code} on {bids}, not given"));
    }
    for (code, bids) in found.difference(&wanted) {
        d.lines
            .push(format!("  warnings: unexpected {code} on {bids}"));
    }
    for w in want.as_array().into_iter().flatten() {
        let Some(params) = w.get("params").and_then(Value::as_object) else {
            continue;
        };
        let g = got
            .as_array()
            .and_then(|l| l.iter().find(|x| key(x) == key(w)));
        for (k, v) in params {
            let at = format!("warnings.{}.params.{k}", w["code"]);
            d.check(&at, v, g.and_then(|g| g["params"].get(k)));
        }
    }
}

fn run(path: &Path) -> Vec<String> {
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    let text = std::fs::read_to_string(path).unwrap();
    let fixture: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
    let mut d = Diff { lines: Vec::new() };
    for field in ["description", "arithmetic", "expected"] {
        if fixture.get(field).is_none() {
            d.lines.push(format!("  the fixture has no \"{field}\""));
        }
    }
    if fixture["arithmetic"].as_array().is_none_or(Vec::is_empty) {
        d.lines
            .push("  \"arithmetic\" must show how the figures were worked out".into());
    }
    let result = match bidscore::evaluate_str(&tender_text(&fixture, &name)) {
        Ok(r) => serde_json::to_value(&r).unwrap(),
        Err(e) => {
            d.lines.push(format!("  the tender is invalid: {e}"));
            return prefixed(&name, d.lines);
        }
    };
    let want = &fixture["expected"];
    if let Some(bids) = want.get("bids").and_then(Value::as_object) {
        for (id, w) in bids {
            match find(&result["bids"], id) {
                Some(got) => compare_bid(&mut d, id, w.as_object().expect("a bid object"), got),
                None => d
                    .lines
                    .push(format!("  bids.{id}: no such bid in the result")),
            }
        }
    }
    for field in ["ranking", "maxTotal", "lots"] {
        if let Some(w) = want.get(field) {
            d.check(field, w, result.get(field));
        }
    }
    match want.get("warnings") {
        Some(w) => compare_warnings(&mut d, w, &result["warnings"]),
        None => d
            .lines
            .push("  \"expected\" must list every warning (an empty list if none)".into()),
    }
    prefixed(&name, d.lines)
}

fn prefixed(name: &str, lines: Vec<String>) -> Vec<String> {
    if lines.is_empty() {
        return lines;
    }
    let mut out = vec![format!("fixture {name}:")];
    out.extend(lines);
    out
}

#[test]
fn every_fixture_matches_its_hand_worked_figures() {
    let files = json_files("tests/fixtures");
    assert!(!files.is_empty(), "no fixtures found");
    let failures: Vec<String> = files.iter().flat_map(|f| run(f)).collect();
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ from the engine:\n{}",
        failures.iter().filter(|l| l.starts_with("fixture")).count(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn every_example_tender_has_a_fixture() {
    let covered: BTreeSet<String> = json_files("tests/fixtures")
        .iter()
        .filter_map(|f| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(f).ok()?).ok()?;
            v["tender"].as_str().map(str::to_string)
        })
        .collect();
    let missing: Vec<String> = json_files("www/examples")
        .iter()
        .map(|p| format!("www/examples/{}", p.file_name().unwrap().to_string_lossy()))
        .filter(|p| !covered.contains(p))
        .collect();
    assert!(
        missing.is_empty(),
        "example tenders without a fixture: {missing:?}"
    );
}
