#![cfg(target_arch = "wasm32")]
pub use bidscore::{evaluate_str, validate_str, Error, ErrorKind, Errors, Validation, VERSION};
#[path = "../src/wasm.rs"]
mod wasm;
use wasm_bindgen_test::*;
#[wasm_bindgen_test]
fn smoke() {
    assert_eq!(wasm::version(), VERSION);
}
