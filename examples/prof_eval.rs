#[global_allocator]
static A: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::hint::black_box;
fn main() {
    let a: Vec<usize> = std::env::args()
        .skip(1)
        .map(|x| x.parse().unwrap())
        .collect();
    let text = bidscore::synth::tender(a[0], a[1], a[2], 1).to_string();
    let tender = bidscore::read(&text).unwrap();
    let t = std::time::Instant::now();
    for _ in 0..a[3] {
        black_box(bidscore::evaluate::evaluate(black_box(&tender)));
    }
    eprintln!("{:.3} ms", t.elapsed().as_secs_f64() * 1000.0 / a[3] as f64);
}
