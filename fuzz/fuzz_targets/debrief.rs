//! Assessment summaries of a generated tender: one per assessed bid, each serialises.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((text, _)) = bidscore_fuzz::tender_text(data) else {
        return;
    };
    if let Some((t, e)) = bidscore_fuzz::read_and_evaluate(&text) {
        let d = bidscore::debrief::debriefs(&t, &e);
        let assessed = t.bids.iter().filter(|b| !b.hypothetical).count();
        assert_eq!(d.len(), assessed, "one summary per assessed bid");
        serde_json::to_string(&d).expect("the summaries serialise");
    }
});
