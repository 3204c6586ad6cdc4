//! Native benchmark of an evaluation, in its three parts: reading and validating the JSON text
//! into a tender, evaluating the tender, and writing the result's JSON (the command line and the
//! WebAssembly binding do all three).
//!
//! `cargo bench --bench evaluate -- [BIDSxCRITERIAxEVALUATORS ...]` prints one JSON line per size:
//! `{"case":"20x30x3","evaluate_ms":..,"read_ms":..,"with_json_ms":..,"runs":..}`: the medians of
//! `evaluate` on a read tender (with dropping its result), of reading the text alone, and of the
//! whole text-to-JSON round (large: a 1,000-bid result is about 18 MB of JSON). `make bench`
//! compares these with the wasm figures and the budgets. With the command line's allocator.

use std::hint::black_box;
use std::time::{Duration, Instant};

// The command line's allocator (src/bin/bidscore/main.rs), so that these are the figures of a
// native evaluation as the command line runs it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Median milliseconds of one call to `f`, timing batches long enough for a coarse clock.
pub fn median_ms(mut f: impl FnMut()) -> (f64, usize) {
    let start = Instant::now();
    f();
    let once = start.elapsed().max(Duration::from_micros(1));
    let batch = (Duration::from_millis(20).as_nanos() / once.as_nanos()).clamp(1, 10_000) as usize;
    let samples = if once > Duration::from_millis(200) {
        5
    } else {
        15
    };
    let mut times: Vec<f64> = (0..samples)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..batch {
                f();
            }
            t.elapsed().as_secs_f64() * 1000.0 / batch as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], samples * batch)
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let cases: Vec<String> = if args.is_empty() {
        vec!["20x30x3".into(), "1000x40x3".into()]
    } else {
        args
    };
    for case in cases {
        let n: Vec<usize> = case.split('x').filter_map(|x| x.parse().ok()).collect();
        let [bids, criteria, evaluators] = n[..] else {
            eprintln!("evaluate bench: sizes are BIDSxCRITERIAxEVALUATORS, not {case}");
            std::process::exit(2);
        };
        let text = bidscore::synth::tender(bids, criteria, evaluators, 1).to_string();
        let tender = bidscore::read(&text).expect("a generated tender is valid");
        let (evaluate_ms, _) = median_ms(|| {
            black_box(bidscore::evaluate::evaluate(black_box(&tender)));
        });
        let (read_ms, _) = median_ms(|| {
            black_box(bidscore::read(black_box(&text)).expect("a generated tender is valid"));
        });
        let (with_json_ms, runs) = median_ms(|| {
            let result =
                bidscore::evaluate_str(black_box(&text)).expect("a generated tender is valid");
            black_box(serde_json::to_string(&result).expect("a result serialises"));
        });
        println!(
            "{{\"case\":\"{case}\",\"evaluate_ms\":{evaluate_ms:.4},\"read_ms\":{read_ms:.4},\"with_json_ms\":{with_json_ms:.4},\"runs\":{runs}}}"
        );
    }
}
