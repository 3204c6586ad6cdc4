//! Values across the boundary: a tender given as a JS object or text becomes JSON text for the
//! reader, refused at its path where JSON would not carry it faithfully; the engine's results
//! become JS objects, and its errors one `BidScoreError`.

use crate::json::ToJson;
use crate::{Error, ErrorKind, Errors};
use js_sys::{Array, Reflect, JSON};
use std::fmt::Write;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub(super) fn one_error(expected: &'static str, path: String) -> Errors {
    Errors {
        errors: vec![Error {
            kind: ErrorKind::WrongType { expected },
            path,
        }],
    }
}

/// About the nesting the JSON reader accepts (it refuses a 128th level of lists and objects).
const MAX_DEPTH: usize = 128;

const PLAIN_DATA: &str = "plain JSON data (objects, lists, text, numbers, true/false, null)";

/// `Object.keys` and `Array.isArray`, which a hostile object (a Proxy's traps, a revoked Proxy) can
/// make throw, called through `Function.prototype.call` so that the exception comes back here as an
/// `Err`. One that unwound through the engine instead would leave the engine's stack pointer where
/// its frames were, and a few hundred of them would overwrite its memory. With the property names
/// the walk reads, made once.
struct Builtins {
    keys: js_sys::Function,
    is_array: js_sys::Function,
    to_json: JsValue,
    length: JsValue,
}

impl Builtins {
    fn new() -> Builtins {
        let get = |constructor: js_sys::Function, name: &str| {
            Reflect::get(&constructor, &JsValue::from_str(name))
                .unwrap_or(JsValue::UNDEFINED)
                .unchecked_into()
        };
        Builtins {
            keys: get(js_sys::Object::new().constructor(), "keys"),
            is_array: get(Array::new().constructor(), "isArray"),
            to_json: JsValue::from_str("toJSON"),
            length: JsValue::from_str("length"),
        }
    }
}

/// The JSON text of a tender given as text or as a plain object.
pub(super) fn text_of(tender: &JsValue) -> Result<String, Errors> {
    if let Some(s) = tender.as_string() {
        return Ok(s);
    }
    if !tender.is_object() || tender.is_function() {
        return Err(one_error("a tender object or JSON text", String::new()));
    }
    let text = JSON::stringify(tender).ok().and_then(|s| s.as_string());
    // `JSON.stringify` drops functions and Symbols without a word and writes NaN, ±Infinity and
    // `undefined` in a list as `null`, so the object is read once more for what it left out.
    if let Some((path, expected)) = unfaithful(tender) {
        return Err(one_error(expected, path));
    }
    text.ok_or_else(|| one_error(PLAIN_DATA, String::new()))
}

/// Where a value sits in its parent: a property name or a list index.
#[derive(Clone, Copy)]
enum Key<'a> {
    Name(&'a JsValue),
    Index(u32),
}

/// The first value that JSON would not carry as given (a BigInt, NaN, ±Infinity, a function, a
/// Symbol, a Map or Set, `undefined` in a list, a cycle, a property that cannot be read), with its
/// path written the way the reader writes paths. It reads what `JSON.stringify` reads: own
/// enumerable string keys (Symbol keys are not data), and for a value with a `toJSON` method (a
/// Date) what that returns; an `undefined` property is absent, as in JSON.
fn unfaithful(root: &JsValue) -> Option<(String, &'static str)> {
    let found = walk(
        &Builtins::new(),
        root,
        Key::Name(&JsValue::from_str("")),
        &mut Vec::new(),
    )?;
    // The keys were gathered on the way out, innermost first.
    let mut path = String::new();
    for key in found.at.iter().rev() {
        match key {
            // Keys are quoted by the reader's rule, so the path names the same field.
            Ok(name) => path = crate::validate::join(&path, name),
            Err(i) => {
                let _ = write!(path, "[{i}]");
            }
        }
    }
    Some((path, found.expected))
}

/// What is wrong, and where: property names (`Ok`) and list indices (`Err`), innermost first. The
/// names are read only when something is wrong, since each costs a copy of the text.
struct Found {
    expected: &'static str,
    at: Vec<Result<String, u32>>,
}

impl Found {
    fn new(expected: &'static str) -> Option<Found> {
        Some(Found {
            expected,
            at: Vec::new(),
        })
    }
}

fn walk(js: &Builtins, v: &JsValue, key: Key, open: &mut Vec<JsValue>) -> Option<Found> {
    // The usual values first, with the fewest questions asked.
    if v.is_string() {
        return None;
    }
    if let Some(n) = v.as_f64() {
        return if n.is_finite() {
            None
        } else {
            Found::new("a finite number")
        };
    }
    if !v.is_object() {
        return Found::new(plain(v, key)?);
    }
    let Ok(to_json) = Reflect::get(v, &js.to_json) else {
        return Found::new(PLAIN_DATA);
    };
    if !to_json.is_function() {
        return inside(js, v, open);
    }
    let name = match key {
        Key::Name(name) => name.clone(),
        Key::Index(i) => JsValue::from_str(&i.to_string()),
    };
    let Ok(v) = to_json.unchecked_ref::<js_sys::Function>().call1(v, &name) else {
        return Found::new(PLAIN_DATA);
    };
    // What toJSON returns is written as it is (its own toJSON is not called).
    if v.as_f64().is_some_and(|n| !n.is_finite()) {
        return Found::new("a finite number");
    }
    if v.is_object() {
        inside(js, &v, open)
    } else {
        Found::new(plain(&v, key)?)
    }
}

/// A value that is not an object: undefined, a function, a Symbol, a BigInt or what JSON carries.
fn plain(v: &JsValue, key: Key) -> Option<&'static str> {
    if v.is_undefined() {
        // Dropped from an object (absent, as in JSON), but `null` in a list.
        return matches!(key, Key::Index(_)).then_some("a value, not undefined (use null)");
    }
    if v.is_function() {
        return Some("data, not a function");
    }
    if v.is_symbol() {
        return Some("data, not a Symbol");
    }
    if v.is_bigint() {
        return Some("a number or a decimal in quotes, not a BigInt");
    }
    None
}

/// An object or list: each of its values, in the order JSON writes them.
fn inside(js: &Builtins, v: &JsValue, open: &mut Vec<JsValue>) -> Option<Found> {
    // Deeper than the JSON reader accepts anyway; stopping here keeps the walk off the stack
    // limit of the JS engine.
    if open.len() > MAX_DEPTH {
        return Found::new("data nested at most 128 levels deep");
    }
    if v.is_instance_of::<js_sys::Map>() || v.is_instance_of::<js_sys::Set>() {
        return Found::new("a plain object or list, not a Map or Set");
    }
    if open.iter().any(|o| o == v) {
        return Found::new("plain JSON data without cycles (an object inside itself)");
    }
    let Ok(list) = js.is_array.call1(&JsValue::NULL, v) else {
        return Found::new(PLAIN_DATA);
    };
    open.push(v.clone());
    if list.is_truthy() {
        let Ok(n) = Reflect::get(v, &js.length) else {
            return Found::new(PLAIN_DATA);
        };
        for i in 0..n.as_f64().unwrap_or(0.0) as u32 {
            let found = match Reflect::get_u32(v, i) {
                Ok(item) => walk(js, &item, Key::Index(i), open),
                Err(_) => Found::new(PLAIN_DATA),
            };
            if let Some(mut found) = found {
                found.at.push(Err(i));
                return Some(found);
            }
        }
    } else {
        let Ok(keys) = js.keys.call1(&JsValue::NULL, v) else {
            return Found::new(PLAIN_DATA);
        };
        for key in keys.unchecked_into::<Array>().iter() {
            let found = match Reflect::get(v, &key) {
                Ok(item) => walk(js, &item, Key::Name(&key), open),
                Err(_) => Found::new(PLAIN_DATA),
            };
            if let Some(mut found) = found {
                found.at.push(Ok(key.as_string().unwrap_or_default()));
                return Some(found);
            }
        }
    }
    open.pop();
    None
}

/// An engine value as a plain JS object, through its JSON (so decimals stay strings and absent
/// values are `null`, exactly as the command line prints them), written in ASCII for speed.
pub(super) fn to_js(value: &dyn ToJson) -> JsValue {
    JSON::parse(&crate::json::to_ascii(value)).unwrap_or(JsValue::NULL)
}

/// A real JS `Error` named `BidScoreError`, with `code` and `path` of the first error and the
/// whole list in `errors`.
pub(super) fn bidscore_error(errors: &Errors) -> JsValue {
    let first = errors.errors.first();
    let message = match errors.errors.len() {
        0 | 1 => errors.to_string(),
        n => format!(
            "{} (and {} more error{})",
            first.map(Error::to_string).unwrap_or_default(),
            n - 1,
            if n == 2 { "" } else { "s" }
        ),
    };
    let e = js_sys::Error::new(&message);
    e.set_name("BidScoreError");
    let list = match to_js(&errors.errors) {
        v if v.is_null() => Array::new().into(),
        v => v,
    };
    for (key, value) in [
        (
            "code",
            JsValue::from_str(first.map(Error::code).unwrap_or("")),
        ),
        (
            "path",
            JsValue::from_str(first.map(|e| e.path.as_str()).unwrap_or("")),
        ),
        ("errors", list),
    ] {
        // Defining a property on a fresh, extensible Error cannot fail.
        let _ = Reflect::set(&e, &JsValue::from_str(key), &value);
    }
    e.into()
}
