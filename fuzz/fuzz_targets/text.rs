//! The text outputs of a generated tender: the ranking table (`evaluate --table`) and the
//! assessment summaries as text (`debrief --text`).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((text, _)) = bidscore_fuzz::tender_text(data) else {
        return;
    };
    if let Some((t, e)) = bidscore_fuzz::read_and_evaluate(&text) {
        let table = bidscore::table::ranking_table(&t, &e);
        for b in e
            .bids
            .iter()
            .filter(|b| b.status == bidscore::Status::Ranked)
        {
            assert!(
                table.contains(&b.supplier),
                "the table leaves out {}",
                b.supplier
            );
        }
        for d in bidscore::debrief::debriefs(&t, &e) {
            assert!(!d.text.is_empty(), "an empty summary for {}", d.bid);
        }
    }
});
