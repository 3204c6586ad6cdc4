//! The open-data award criteria of a generated tender.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((text, _)) = bidscore_fuzz::tender_text(data) else {
        return;
    };
    if let Ok(t) = bidscore::read(&text) {
        let v = bidscore::ocds::award_criteria(&t);
        serde_json::to_string(&v).expect("the award criteria serialise");
    }
});
