//! The "what if" analysis of a generated tender, with at most 200 rank-acceptability samples so
//! that a slow input is a real hang, not a large sample.
#![no_main]
use arbitrary::Arbitrary;
use bidscore::analysis::{Options, SmaaOptions, WeightModel};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((text, mut u)) = bidscore_fuzz::tender_text(data) else {
        return;
    };
    let samples = u8::arbitrary(&mut u).unwrap_or(20);
    let weights = match u8::arbitrary(&mut u).unwrap_or(0) % 4 {
        0 => WeightModel::Simplex,
        1 => WeightModel::Ranking,
        2 => WeightModel::Tolerance(0.2),
        _ => WeightModel::Tolerance(f64::from(u8::arbitrary(&mut u).unwrap_or(0)) / 50.0),
    };
    let options = Options {
        smaa: (samples % 4 != 0).then(|| SmaaOptions {
            samples: u32::from(samples) % 201,
            seed: u64::arbitrary(&mut u).unwrap_or(1),
            weights,
            score_uncertainty: bool::arbitrary(&mut u).unwrap_or(true),
        }),
        ..Default::default()
    };
    if let Ok(t) = bidscore::read(&text) {
        let a = bidscore::analysis::analyse(&t, &options);
        serde_json::to_string(&a).expect("the analysis serialises");
    }
});
