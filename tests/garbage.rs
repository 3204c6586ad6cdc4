//! Broken input gives errors, never a panic: every prefix of every example tender (a file cut off
//! while saving), byte-flipped variants, random bytes, and extreme numbers in every numeric field.
//! Inputs come from a seeded generator, so a failure is reproducible.
#![cfg(not(target_arch = "wasm32"))] // reads files (and runs the binary); native only

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

/// The crate's seeded test-data generator, picking indexes.
struct Rng(bidscore::synth::Rng);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0.next_u64()
    }

    fn below(&mut self, n: usize) -> usize {
        self.0.below(n as u64) as usize
    }
}

fn examples() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect()
}

/// Feeds one input to every entry point; returns a description of the failure, if any.
fn feed(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let evaluated = bidscore::evaluate_str(&text);
        if let Err(e) = &evaluated {
            if e.errors.is_empty() {
                return Some("an empty list of errors".to_string());
            }
        }
        if let Ok(r) = &evaluated {
            // The result must also serialise: that is what the command line and the widget do.
            if serde_json::to_string(r).is_err() {
                return Some("the result does not serialise".to_string());
            }
        }
        // (Text that is not JSON at all is not worth reading twice.)
        if evaluated
            .as_ref()
            .is_err_and(|e| e.errors[0].code() == "json-syntax")
        {
            return None;
        }
        let v = bidscore::validate_str(&text);
        if v.errors.is_empty() != evaluated.is_ok() {
            return Some("validate_str and evaluate_str disagree".to_string());
        }
        None
    }));
    match outcome {
        Ok(problem) => problem,
        Err(panic) => Some(format!(
            "panicked: {}",
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default()
        )),
    }
}

/// Runs every input, keeping quiet panics out of the output, and reports the failures.
fn run_all(label: &str, inputs: impl Iterator<Item = Vec<u8>>) -> usize {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut count = 0;
    let mut failures = Vec::new();
    for input in inputs {
        count += 1;
        if let Some(problem) = feed(&input) {
            failures.push(format!(
                "{problem}\n  input: {}",
                String::from_utf8_lossy(&input)
                    .chars()
                    .take(400)
                    .collect::<String>()
            ));
        }
    }
    std::panic::set_hook(hook);
    assert!(
        failures.is_empty(),
        "{label}: {} of {count} inputs failed; the first:\n{}",
        failures.len(),
        failures
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    count
}

#[test]
fn every_prefix_of_every_example_is_an_error_not_a_panic() {
    let mut inputs = Vec::new();
    for (_, bytes) in examples() {
        for end in 0..bytes.len() {
            inputs.push(bytes[..end].to_vec());
        }
    }
    let n = run_all("prefixes", inputs.into_iter());
    assert!(n > 10_000, "only {n} prefixes");
}

#[test]
fn byte_flipped_examples_never_panic() {
    // JSON's own punctuation is the most likely to turn a file into another valid file.
    const INTERESTING: &[u8] = b"{}[]\":,0123456789.-+eE \\nulltruefalse\x00\xff";
    let mut rng = Rng(bidscore::synth::Rng(0x5EED_0001));
    let mut inputs = Vec::new();
    for (_, bytes) in examples() {
        for _ in 0..300 {
            let mut b = bytes.clone();
            for _ in 0..1 + rng.below(3) {
                let at = rng.below(b.len());
                b[at] = if rng.below(2) == 0 {
                    INTERESTING[rng.below(INTERESTING.len())]
                } else {
                    rng.next() as u8
                };
            }
            inputs.push(b);
        }
    }
    run_all("byte flips", inputs.into_iter());
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(bidscore::synth::Rng(0x5EED_0002));
    let inputs = (0..2_000).map(move |_| {
        let len = rng.below(200);
        (0..len).map(|_| rng.next() as u8).collect::<Vec<u8>>()
    });
    run_all("random bytes", inputs);
}

/// Spans of the example's text that are numbers: a JSON number, or a quoted decimal.
fn number_spans(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts =
            b[i].is_ascii_digit() || (b[i] == b'-' && b.get(i + 1).is_some_and(u8::is_ascii_digit));
        let after_value_sign = i > 0 && matches!(b[i - 1], b':' | b' ' | b'[' | b'"');
        if starts && after_value_sign {
            let mut j = i + 1;
            while j < b.len()
                && (b[j].is_ascii_digit() || matches!(b[j], b'.' | b'e' | b'E' | b'+' | b'-'))
            {
                j += 1;
            }
            if matches!(b.get(j), Some(b',' | b' ' | b'}' | b']' | b'"' | b'\n')) {
                spans.push((i, j));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    spans
}

#[test]
fn extreme_numbers_in_every_numeric_field_never_panic() {
    let n = run_all("extreme numbers", extreme_variants().into_iter());
    assert!(n > 1_000, "only {n} variants");
}

/// Every example with each number replaced, three times, by an extreme chosen by a seeded generator.
fn extreme_variants() -> Vec<Vec<u8>> {
    const EXTREMES: &[&str] = &[
        "0",
        "-0",
        "-1",
        "0.0000000000000000000000000001",
        "1e-28",
        "79228162514264337593543950335",
        "7.9e28",
        "1e27",
        "123456789012.123456789",
        "999999999999.9999999999",
        "0.0000000001",
        "1e400",
    ];
    let mut rng = Rng(bidscore::synth::Rng(0x5EED_0003));
    let mut inputs = Vec::new();
    for (_, bytes) in examples() {
        let text = String::from_utf8(bytes).unwrap();
        for (start, end) in number_spans(&text) {
            // Three extremes per number keep the run short.
            for x in (0..3).map(|_| EXTREMES[rng.below(EXTREMES.len())]) {
                inputs.push(format!("{}{x}{}", &text[..start], &text[end..]).into_bytes());
            }
        }
    }
    inputs
}

#[test]
fn extreme_numbers_never_panic_the_analysis_or_the_summaries() {
    // Every 5th variant: the analysis re-scores each bid many times, so all of them would
    // take minutes in a debug build.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut checked = 0;
    let mut failures = Vec::new();
    for input in extreme_variants().into_iter().step_by(5) {
        let text = String::from_utf8_lossy(&input).into_owned();
        let Ok(t) = bidscore::read(&text) else {
            continue;
        };
        checked += 1;
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let options = bidscore::analysis::Options {
                smaa: Some(bidscore::analysis::SmaaOptions {
                    samples: 50,
                    ..Default::default()
                }),
                ..Default::default()
            };
            serde_json::to_string(&bidscore::analysis::analyse(&t, &options)).unwrap();
            serde_json::to_string(&bidscore::publish::describe(&t)).unwrap();
            let e = bidscore::evaluate(&t);
            serde_json::to_string(&bidscore::debrief::debriefs(&t, &e)).unwrap();
            bidscore::ocds::award_criteria(&t);
        }));
        if outcome.is_err() {
            failures.push(text.chars().take(300).collect::<String>());
        }
    }
    std::panic::set_hook(hook);
    assert!(checked > 20, "only {checked} valid variants");
    assert!(
        failures.is_empty(),
        "{} panicked; the first:\n{}",
        failures.len(),
        failures[0]
    );
}
