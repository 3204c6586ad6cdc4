//! The WebAssembly boundary, run inside a real JS engine (`make wasm-test`: Node, then headless
//! Chromium): objects in, objects out, and every failure a `BidScoreError`.
//!
//! The binding's source is included here so its functions can be called directly; the library's
//! exported wrappers around them are exercised end to end by `tests/node/`.
#![cfg(target_arch = "wasm32")]

pub use bidscore::{
    evaluate, evaluate_str, validate_str, Error, ErrorKind, Errors, Evaluation, Validation, VERSION,
};

/// What the binding names as `crate::json`: the writer of the results' JSON.
pub mod json {
    pub use bidscore::json::{to_ascii, to_string, Json, ToJson};
}

/// What the binding names as `crate::validate`: the path rule it shares with the reader, and the
/// tender kept to read the next text by one bid.
pub mod validate {
    pub use bidscore::validate::{join, Kept};
}

#[path = "../src/wasm/mod.rs"]
mod binding;

use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const EXAMPLE: &str = include_str!("../www/examples/council-wellbeing.json");

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).expect("readable property")
}

fn set(v: &JsValue, key: &str, value: &JsValue) {
    Reflect::set(v, &key.into(), value).expect("writable property");
}

fn stringify(v: &JsValue) -> String {
    JSON::stringify(v).unwrap().as_string().unwrap()
}

fn example_object() -> JsValue {
    JSON::parse(EXAMPLE).unwrap()
}

fn first_bid(tender: &JsValue) -> JsValue {
    Array::from(&get(tender, "bids")).get(0)
}

/// The thrown value, checked to be a real `Error` named `BidScoreError` whose `code` and `path`
/// are those of the first entry of `errors`.
fn thrown(result: Result<JsValue, JsValue>) -> JsValue {
    let e = result.expect_err("evaluate must throw");
    assert!(e.is_instance_of::<js_sys::Error>(), "a real Error");
    assert_eq!(
        get(&e, "name").as_string().as_deref(),
        Some("BidScoreError")
    );
    let errors = Array::from(&get(&e, "errors"));
    assert!(errors.length() >= 1);
    let first = errors.get(0);
    for key in ["code", "path"] {
        assert_eq!(get(&e, key).as_string(), get(&first, key).as_string());
    }
    let message = get(&e, "message").as_string().unwrap();
    assert!(message.contains(&get(&first, "message").as_string().unwrap()));
    e
}

fn code_and_path(e: &JsValue) -> (String, String) {
    (
        get(e, "code").as_string().unwrap(),
        get(e, "path").as_string().unwrap(),
    )
}

#[wasm_bindgen_test]
fn an_object_and_its_text_give_the_engines_own_result() {
    let native = serde_json::to_string(&evaluate_str(EXAMPLE).unwrap()).unwrap();
    let from_text = binding::evaluate(&JsValue::from_str(EXAMPLE)).unwrap();
    let from_object = binding::evaluate(&example_object()).unwrap();
    assert_eq!(stringify(&from_text), native);
    assert_eq!(stringify(&from_object), native);
}

#[wasm_bindgen_test]
fn results_are_plain_objects_with_decimal_strings_and_null_for_absent() {
    let result = binding::evaluate(&example_object()).unwrap();
    let bid = first_bid(&result);
    assert!(get(&bid, "total").is_string());
    let criteria = Array::from(&get(&bid, "criteria"));
    let price = criteria.get(0);
    // The price criterion has no `inputFrom`: it must be null, never undefined.
    assert!(Reflect::has(&price, &"inputFrom".into()).unwrap());
    assert!(get(&price, "inputFrom").is_null());
}

#[wasm_bindgen_test]
fn an_invalid_tender_throws_every_error() {
    let tender = example_object();
    set(&tender, "format", &"bidscore/9".into());
    set(&first_bid(&tender), "price", &"-5".into());
    set(
        &Array::from(&get(&tender, "bids")).get(1),
        "price",
        &"abc".into(),
    );
    let e = thrown(binding::evaluate(&tender));
    let expected = validate_str(&stringify(&tender)).errors;
    assert_eq!(expected.len(), 3);
    assert_eq!(
        Array::from(&get(&e, "errors")).length() as usize,
        expected.len()
    );
    assert_eq!(code_and_path(&e).0, expected[0].code());
    let message = get(&e, "message").as_string().unwrap();
    assert!(message.contains(&format!("and {} more errors", expected.len() - 1)));
}

#[wasm_bindgen_test]
fn a_bigint_is_reported_where_it_is() {
    let tender = example_object();
    set(
        &first_bid(&tender),
        "price",
        &js_sys::BigInt::from(1_000_000u64).into(),
    );
    let e = thrown(binding::evaluate(&tender));
    assert_eq!(
        code_and_path(&e),
        ("wrong-type".into(), "bids[0].price".into())
    );
}

#[wasm_bindgen_test]
fn nan_and_infinity_are_errors_not_nulls() {
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let tender = example_object();
        set(&first_bid(&tender), "price", &JsValue::from_f64(bad));
        let e = thrown(binding::evaluate(&tender));
        assert_eq!(
            code_and_path(&e),
            ("wrong-type".into(), "bids[0].price".into())
        );
    }
}

#[wasm_bindgen_test]
fn a_cycle_is_reported_where_it_closes() {
    let tender = example_object();
    let bid = first_bid(&tender);
    set(&bid, "note", &tender);
    let e = thrown(binding::evaluate(&tender));
    assert_eq!(
        code_and_path(&e),
        ("wrong-type".into(), "bids[0].note".into())
    );
}

#[wasm_bindgen_test]
fn undefined_and_other_non_tenders_are_rejected_whole() {
    for bad in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from_f64(3.0),
        JsValue::TRUE,
    ] {
        let e = thrown(binding::evaluate(&bad));
        assert_eq!(code_and_path(&e), ("wrong-type".into(), String::new()));
    }
}

#[wasm_bindgen_test]
fn an_undefined_field_is_absent_as_in_json() {
    let tender = example_object();
    set(&first_bid(&tender), "note", &JsValue::UNDEFINED);
    let with_undefined = binding::evaluate(&tender).unwrap();
    Reflect::delete_property(
        first_bid(&tender).unchecked_ref::<js_sys::Object>(),
        &"note".into(),
    )
    .unwrap();
    let without = binding::evaluate(&tender).unwrap();
    assert_eq!(stringify(&with_undefined), stringify(&without));
}

#[wasm_bindgen_test]
fn a_binary_fraction_is_read_exactly_as_written() {
    // 0.1 + 0.2 is 0.30000000000000004 in JS; the engine sees exactly that, as the CLI would.
    let tender = example_object();
    let price = 1_000_000.0 + 0.1 + 0.2;
    set(&first_bid(&tender), "price", &JsValue::from_f64(price));
    let text = stringify(&tender);
    let native = serde_json::to_string(&evaluate_str(&text).unwrap()).unwrap();
    assert_eq!(stringify(&binding::evaluate(&tender).unwrap()), native);
}

#[wasm_bindgen_test]
fn validate_never_throws() {
    let tender = example_object();
    set(
        &first_bid(&tender),
        "price",
        &js_sys::BigInt::from(1u8).into(),
    );
    let v = binding::validate(&tender);
    let errors = Array::from(&get(&v, "errors"));
    assert_eq!(errors.length(), 1);
    assert_eq!(
        get(&errors.get(0), "path").as_string().as_deref(),
        Some("bids[0].price")
    );
    let v = binding::validate(&JsValue::from_str("{ not json"));
    assert_eq!(
        get(&Array::from(&get(&v, "errors")).get(0), "code")
            .as_string()
            .as_deref(),
        Some("json-syntax")
    );
    let v = binding::validate(&JsValue::from_str(EXAMPLE));
    assert_eq!(Array::from(&get(&v, "errors")).length(), 0);
    let native = validate_str(EXAMPLE);
    assert_eq!(
        Array::from(&get(&v, "warnings")).length() as usize,
        native.warnings.len()
    );
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(binding::version(), VERSION);
}

/// A revoked `Proxy`: every operation on it throws.
fn revoked() -> JsValue {
    let r = js_sys::Proxy::revocable(&js_sys::Object::new(), &js_sys::Object::new());
    let revoke: js_sys::Function = get(&r, "revoke").unchecked_into();
    revoke.call0(&JsValue::NULL).unwrap();
    get(&r, "proxy")
}

#[wasm_bindgen_test]
fn an_object_that_throws_when_read_is_an_error_at_its_path_however_often() {
    // Each used to unwind through the engine and leave its stack pointer behind; some thousand of
    // them overwrote its memory.
    for _ in 0..3000 {
        let tender = example_object();
        set(&first_bid(&tender), "scores", &revoked());
        let e = thrown(binding::evaluate(&tender));
        assert_eq!(
            code_and_path(&e),
            ("wrong-type".into(), "bids[0].scores".into())
        );
        let e = thrown(binding::evaluate(&revoked()));
        assert_eq!(code_and_path(&e), ("wrong-type".into(), String::new()));
    }
    let native = serde_json::to_string(&evaluate_str(EXAMPLE).unwrap()).unwrap();
    assert_eq!(
        stringify(&binding::evaluate(&example_object()).unwrap()),
        native
    );
}

#[wasm_bindgen_test]
fn values_json_would_drop_or_null_are_errors_at_their_path() {
    let function = get(&js_sys::global(), "parseInt");
    let list = |items: &[JsValue]| -> JsValue { items.iter().collect::<Array>().into() };
    let cases: [(&str, JsValue, &str); 5] = [
        ("note", function.clone(), "bids[0].note"),
        (
            "supplier",
            js_sys::Symbol::for_("s").into(),
            "bids[0].supplier",
        ),
        ("scores", js_sys::Map::new().into(), "bids[0].scores"),
        (
            "scores",
            js_sys::Set::new(&JsValue::UNDEFINED).into(),
            "bids[0].scores",
        ),
        ("note", list(&["a".into(), function]), "bids[0].note[1]"),
    ];
    for (field, value, path) in cases {
        let tender = example_object();
        set(&first_bid(&tender), field, &value);
        let e = thrown(binding::evaluate(&tender));
        assert_eq!(code_and_path(&e), ("wrong-type".into(), path.into()));
    }
    let tender = example_object();
    set(
        &tender,
        "tieBreak",
        &list(&["price".into(), JsValue::UNDEFINED]),
    );
    let e = thrown(binding::evaluate(&tender));
    assert_eq!(
        code_and_path(&e),
        ("wrong-type".into(), "tieBreak[1]".into())
    );
}

#[wasm_bindgen_test]
fn a_date_is_read_as_its_json_text() {
    let date = js_sys::Date::new(&JsValue::from_f64(0.0));
    let tender = example_object();
    set(&first_bid(&tender), "note", &date.into());
    let as_text = stringify(&tender);
    assert!(as_text.contains("\"1970-01-01T00:00:00.000Z\""));
    let native = serde_json::to_string(&evaluate_str(&as_text).unwrap()).unwrap();
    assert_eq!(stringify(&binding::evaluate(&tender).unwrap()), native);
}
