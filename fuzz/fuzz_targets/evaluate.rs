//! A generated tender: read, evaluated, every score within its marks, the result serialises.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((text, _)) = bidscore_fuzz::tender_text(data) else {
        return;
    };
    if let Some((t, e)) = bidscore_fuzz::read_and_evaluate(&text) {
        // Evaluation is deterministic: the same file gives the same result.
        assert_eq!(bidscore::evaluate(&t), e, "a second evaluation differs");
    }
});
