//! The catalogue of invalid tender files: every `tests/invalid/*.json` is one broken file and the
//! complete list of errors the engine must report for it, in order, each with its code and path
//! (and, where given, its message parameters, such as the "did you mean" suggestion).
//!
//! A case is `{ "description", "patch": [operations on base.json] | "input": {tender object} |
//! "raw text", "expected": [{code, path, params?}, ..] }` (or `"inputHex"` for bytes that are not
//! text; see [`expand`] for the shorthands of cases over a size limit). Most cases are a patch of
//! `tests/invalid/base.json`, a valid tender, so each shows only what makes it invalid (the
//! operations are described in `tests/common/mod.rs`); a case shaped quite differently gives its
//! whole input. A new case is a new file.
#![cfg(not(target_arch = "wasm32"))] // reads files (and runs the binary); native only

mod common;

use common::root;
use serde_json::{json, Value};
use std::collections::BTreeSet;

fn cases() -> Vec<(String, Value)> {
    common::cases("invalid")
}

/// Expands the shorthands that keep cases over a size limit small: `{"$repeat": TEXT, "times":
/// N}` is TEXT N times over; `{"$list": ITEM, "times": N}` a list of N copies of ITEM and `{"$map":
/// ITEM, "key": KEY, "times": N}` an object of N, with `$i` in their text replaced by 0, 1, 2...
fn expand(v: &Value) -> Value {
    let times = |o: &serde_json::Map<String, Value>| o["times"].as_u64().expect("times") as usize;
    let nth = |item: &Value, i: usize| -> Value {
        let text = serde_json::to_string(&expand(item)).unwrap();
        serde_json::from_str(&text.replace("$i", &i.to_string())).unwrap()
    };
    match v {
        Value::Object(o) if o.contains_key("$repeat") => Value::String(
            o["$repeat"]
                .as_str()
                .expect("$repeat text")
                .repeat(times(o)),
        ),
        Value::Object(o) if o.contains_key("$list") => {
            Value::Array((0..times(o)).map(|i| nth(&o["$list"], i)).collect())
        }
        Value::Object(o) if o.contains_key("$map") => {
            let key = o["key"].as_str().expect("key");
            Value::Object(
                (0..times(o))
                    .map(|i| (key.replace("$i", &i.to_string()), nth(&o["$map"], i)))
                    .collect(),
            )
        }
        Value::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), expand(v))).collect()),
        Value::Array(a) => Value::Array(a.iter().map(expand).collect()),
        other => other.clone(),
    }
}

/// The bytes of the file: `"input"` as raw text or a tender object, or `"inputHex"` for bytes
/// that are not text at all.
fn input_bytes(case: &Value) -> Vec<u8> {
    if let Some(hex) = case["inputHex"].as_str() {
        let hex: Vec<u8> = hex.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
        return hex
            .chunks(2)
            .map(|d| u8::from_str_radix(std::str::from_utf8(d).unwrap(), 16).expect("hex"))
            .collect();
    }
    match &case["input"] {
        Value::String(raw) => raw.clone().into_bytes(),
        other => expand(other).to_string().into_bytes(),
    }
}

/// The errors as `code @ path`, one a line, for a readable diff.
fn listing(errors: &[(String, String)]) -> String {
    errors
        .iter()
        .map(|(c, p)| format!("    {c} @ {p:?}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn check(name: &str, case: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if case["description"].as_str().is_none_or(str::is_empty) {
        out.push(format!("{name}: the case needs a description"));
    }
    let bytes = input_bytes(case);
    let errors = match bidscore::read_bytes(&bytes) {
        Ok(_) => return vec![format!("{name}: the file was accepted, but it is invalid")],
        Err(e) => e.errors,
    };
    let got: Vec<(String, String)> = errors
        .iter()
        .map(|e| (e.code().to_string(), e.path.clone()))
        .collect();
    let want: Vec<(String, String)> = case["expected"]
        .as_array()
        .expect("expected is a list")
        .iter()
        .map(|e| {
            (
                e["code"].as_str().expect("code").to_string(),
                e["path"].as_str().expect("path").to_string(),
            )
        })
        .collect();
    if got != want {
        out.push(format!(
            "{name}: errors differ\n  expected:\n{}\n  got:\n{}",
            listing(&want),
            listing(&got)
        ));
        return out;
    }
    let serialized = serde_json::to_value(&errors).unwrap();
    for (i, e) in case["expected"].as_array().unwrap().iter().enumerate() {
        let Some(params) = e.get("params").and_then(Value::as_object) else {
            continue;
        };
        for (k, v) in params {
            let g = &serialized[i]["params"][k];
            if g != v {
                out.push(format!(
                    "{name}: error {i} ({}) param {k}: expected {v}, got {g}",
                    want[i].0
                ));
            }
        }
    }
    // Every message says what to change, in the house style: lowercase start, no full stop.
    for e in &errors {
        let m = e.kind.message();
        if m.is_empty() || m.ends_with('.') || m.chars().next().is_some_and(char::is_uppercase) {
            out.push(format!("{name}: badly formed message {m:?}"));
        }
    }
    // `read` and `validate_str` report the same errors from the same text.
    if let Ok(text) = std::str::from_utf8(&bytes) {
        if bidscore::read(text).err().map(|e| e.errors).as_ref() != Some(&errors) {
            out.push(format!("{name}: read reports different errors"));
        }
        if bidscore::validate_str(text).errors != errors {
            out.push(format!("{name}: validate_str reports different errors"));
        }
    }
    out
}

#[test]
fn every_invalid_file_gives_exactly_its_errors() {
    let cases = cases();
    assert!(
        cases.len() >= 40,
        "the catalogue has only {} cases",
        cases.len()
    );
    let failures: Vec<String> = cases.iter().flat_map(|(n, c)| check(n, c)).collect();
    assert!(
        failures.is_empty(),
        "{} problem(s) in {} invalid files:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// The tender the patches change is itself valid, so a patched case's errors are its patch's.
#[test]
fn the_base_of_the_patches_is_a_valid_tender() {
    let text = std::fs::read_to_string(root().join("tests/invalid/base.json")).unwrap();
    if let Err(e) = bidscore::read(&text) {
        panic!("tests/invalid/base.json is invalid: {:?}", e.errors);
    }
}

#[test]
fn a_patch_adds_last_removes_and_replaces_in_place() {
    let base = json!({"a": 1, "b/c": {"x": [1, 2, 3]}, "d": 4});
    let ops = |v: Value| v.as_array().unwrap().clone();
    let got = common::patched(
        &base,
        &ops(json!([
            {"op": "remove", "path": "/a"},
            {"op": "add", "path": "/a", "value": 5},
            {"op": "replace", "path": "/b~1c/x/1", "value": "two"},
            {"op": "add", "path": "/b~1c/x/0", "value": 0},
            {"op": "add", "path": "/b~1c/x/-", "value": 4},
            {"op": "remove", "path": "/b~1c/x/3"},
        ])),
    )
    .unwrap();
    // Compared as text: key order counts.
    assert_eq!(
        got.to_string(),
        r#"{"b/c":{"x":[0,1,"two",4]},"d":4,"a":5}"#
    );
    for wrong in [
        json!([{"op": "remove", "path": "/e"}]),
        json!([{"op": "replace", "path": "/b~1c/x/3", "value": 0}]),
        json!([{"op": "add", "path": "/b~1c/x/4", "value": 0}]),
        json!([{"op": "add", "path": "/d/e", "value": 0}]),
        json!([{"op": "move", "path": "/d"}]),
        json!([{"op": "add", "path": "/e"}]),
    ] {
        assert!(
            common::patched(&base, &ops(wrong.clone())).is_err(),
            "{wrong}"
        );
    }
}

/// Every code of `ErrorKind::code` in src/error.rs, read from the source so that a new code
/// without a case fails here.
fn error_codes() -> BTreeSet<String> {
    let src = std::fs::read_to_string(root().join("src/error.rs")).unwrap();
    let body = src
        .split("pub fn code(&self)")
        .nth(1)
        .and_then(|s| s.split("pub fn params").next())
        .expect("ErrorKind::code in src/error.rs");
    body.lines()
        .filter_map(|l| l.split("=> \"").nth(1))
        .filter_map(|l| l.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_error_code_has_an_invalid_file() {
    let codes = error_codes();
    assert!(codes.len() > 20, "could not read the codes: {codes:?}");
    let used: BTreeSet<String> = cases()
        .iter()
        .flat_map(|(_, c)| c["expected"].as_array().cloned().unwrap_or_default())
        .filter_map(|e| e["code"].as_str().map(str::to_string))
        .collect();
    let missing: Vec<&String> = codes.difference(&used).collect();
    assert!(
        missing.is_empty(),
        "error codes without an invalid file: {missing:?}"
    );
    let unknown: Vec<&String> = used.difference(&codes).collect();
    assert!(
        unknown.is_empty(),
        "invalid files expect codes the engine does not have: {unknown:?}"
    );
}

/// Every warning code in src/evaluate/warning.rs: the first argument of each `warn(` call.
fn warning_codes() -> BTreeSet<String> {
    let src = std::fs::read_to_string(root().join("src/evaluate/warning.rs")).unwrap();
    let lines: Vec<&str> = src.lines().map(str::trim).collect();
    lines
        .windows(2)
        .filter(|w| w[0].ends_with("warn("))
        .filter_map(|w| w[1].strip_prefix('"')?.strip_suffix("\","))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_error_and_warning_code_is_documented() {
    let doc = std::fs::read_to_string(root().join("docs/errors.md")).expect("docs/errors.md");
    let warnings = warning_codes();
    assert!(
        warnings.len() >= 8,
        "could not read the warning codes: {warnings:?}"
    );
    let missing: Vec<String> = error_codes()
        .into_iter()
        .chain(warnings)
        .filter(|c| !doc.contains(&format!("### `{c}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/errors.md has no section for: {missing:?}"
    );
}
