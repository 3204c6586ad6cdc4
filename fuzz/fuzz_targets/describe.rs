//! The published model of a generated tender (what suppliers read) serialises without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((text, _)) = bidscore_fuzz::tender_text(data) else {
        return;
    };
    if let Ok(t) = bidscore::read(&text) {
        let p = bidscore::publish::describe(&t);
        serde_json::to_string(&p).expect("the published model serialises");
    }
});
