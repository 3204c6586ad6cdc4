//! Any text at all: the reader returns a tender or a non-empty list of coded errors, never panics,
//! and `validate_str` agrees with `evaluate_str`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let evaluated = bidscore_fuzz::read_and_evaluate(&text);
    let v = bidscore::validate_str(&text);
    assert_eq!(
        v.errors.is_empty(),
        evaluated.is_some(),
        "validate_str and read disagree"
    );
});
