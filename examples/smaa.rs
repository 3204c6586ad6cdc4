//! Native timing of rank acceptability (SMAA-2): read the tender, set up the run, take the
//! samples and compute the result with each bid's confidence factor (what `new
//! RankAcceptability(tender, { samples })`, `step(samples)` and `result()` do through wasm).
//!
//! `cargo run --release --example smaa -- [BIDSxCRITERIAxEVALUATORS ...] [--samples N]` prints one
//! JSON line per size: `{"case":"20x30x3","samples":10000,"median_ms":..,"runs":..}`. `make bench`
//! compares it with the wasm figures. An example rather than a bench target: built with the release
//! profile like the command line, so the library is built once (`panic = "abort"`), not also with
//! unwinding for a bench into the same file.

use std::hint::black_box;
use std::time::Instant;

use bidscore::analysis::{SmaaOptions, SmaaRun};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut samples = 10_000u32;
    let mut cases = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--samples" {
            samples = it.next().and_then(|n| n.parse().ok()).unwrap_or(samples);
        } else if !a.starts_with('-') {
            cases.push(a.clone());
        }
    }
    if cases.is_empty() {
        cases.push("20x30x3".into());
    }
    for case in cases {
        let n: Vec<usize> = case.split('x').filter_map(|x| x.parse().ok()).collect();
        let [bids, criteria, evaluators] = n[..] else {
            eprintln!("smaa bench: sizes are BIDSxCRITERIAxEVALUATORS, not {case}");
            std::process::exit(2);
        };
        let text = bidscore::synth::tender(bids, criteria, evaluators, 1).to_string();
        let options = SmaaOptions {
            samples,
            ..SmaaOptions::default()
        };
        let run = || {
            let t = bidscore::read(black_box(&text)).expect("a generated tender is valid");
            let mut r = SmaaRun::new(&t, &options).expect("a generated tender has ranked bids");
            r.step(samples);
            black_box(r.result());
        };
        run();
        // Each run takes tens of milliseconds: the median of 15 is steady enough.
        let mut times: Vec<f64> = (0..15)
            .map(|_| {
                let t = Instant::now();
                run();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "{{\"case\":\"{case}\",\"samples\":{samples},\"median_ms\":{:.4},\"runs\":{}}}",
            times[times.len() / 2],
            times.len()
        );
    }
}
