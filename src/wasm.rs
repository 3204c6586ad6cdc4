//! The WebAssembly binding: the only file that names wasm-bindgen or js-sys.
//!
//! Objects cross the boundary as JSON text: JS objects are stringified on the way in and the
//! engine's JSON is parsed on the way out. That keeps one reader (with exact decimals and every
//! error) for the command line and the browser, and makes the browser's result byte-for-byte the
//! native one.

use js_sys::{Array, Error as JsError, Reflect, JSON};
use wasm_bindgen::prelude::*;

/// Text of a tender given as a JSON string or as a plain object.
fn text_of(tender: &JsValue) -> Result<String, JsValue> {
    if let Some(s) = tender.as_string() {
        return Ok(s);
    }
    match JSON::stringify(tender) {
        Ok(s) => Ok(s.as_string().unwrap_or_default()),
        Err(_) => Err(bidscore_error(&crate::Errors {
            errors: vec![crate::Error::new(
                crate::ErrorKind::WrongType {
                    expected: "a tender object or JSON text",
                },
                "",
            )],
        })),
    }
}

fn parse(json: &str) -> JsValue {
    JSON::parse(json).unwrap_or(JsValue::NULL)
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    // Setting a property on a fresh object cannot fail.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// A real JS `Error` named `BidScoreError`, with `code` and `path` of the first error and the
/// whole list in `errors`.
fn bidscore_error(errors: &crate::Errors) -> JsValue {
    let first = errors.errors.first();
    let message = match errors.errors.len() {
        0 | 1 => errors.to_string(),
        n => format!(
            "{} (and {} more errors)",
            first.map(|e| e.to_string()).unwrap_or_default(),
            n - 1
        ),
    };
    let e: JsValue = JsError::new(&message).into();
    set(&e, "name", &JsValue::from_str("BidScoreError"));
    set(
        &e,
        "code",
        &JsValue::from_str(first.map(|e| e.code()).unwrap_or("")),
    );
    set(
        &e,
        "path",
        &JsValue::from_str(first.map(|e| e.path.as_str()).unwrap_or("")),
    );
    let list = serde_json::to_string(&errors.errors).unwrap_or_else(|_| "[]".into());
    let arr = parse(&list);
    let arr = if arr.is_null() {
        Array::new().into()
    } else {
        arr
    };
    set(&e, "errors", &arr);
    e
}

/// Evaluates a tender (object or JSON text); returns the result object.
/// Throws a `BidScoreError` when the tender is invalid.
#[wasm_bindgen]
pub fn evaluate(tender: JsValue) -> Result<JsValue, JsValue> {
    let text = text_of(&tender)?;
    match crate::evaluate_str(&text) {
        Ok(result) => Ok(parse(&serde_json::to_string(&result).unwrap_or_default())),
        Err(errors) => Err(bidscore_error(&errors)),
    }
}

/// Checks a tender without throwing: `{ errors, warnings }`.
#[wasm_bindgen]
pub fn validate(tender: JsValue) -> Result<JsValue, JsValue> {
    let text = text_of(&tender)?;
    let v = crate::validate_str(&text);
    Ok(parse(&serde_json::to_string(&v).unwrap_or_default()))
}

/// The engine's version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
