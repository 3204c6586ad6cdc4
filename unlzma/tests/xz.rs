//! The decoder against xz, the compressor the single-file build packs its stream with.
use std::io::Write;
use std::process::{Command, Stdio};
use unlzma::{decode, Error, PROBS};

/// `input` compressed by `xz --format=lzma` with `options`: the size unknown in the header, and an
/// end marker after the data.
fn xz(input: &[u8], options: &str) -> Vec<u8> {
    let mut child = Command::new("xz")
        .args(["--format=lzma", "--stdout", options])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("xz runs (xz-utils)");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input).expect("xz reads"));
    let out = child.wait_with_output().expect("xz ends");
    writer.join().expect("written");
    assert!(out.status.success(), "xz {options} failed");
    out.stdout
}

/// The same stream with its size written into the header.
fn sized(packed: &[u8], size: usize) -> Vec<u8> {
    let mut packed = packed.to_vec();
    packed[5..13].copy_from_slice(&(size as u64).to_le_bytes());
    packed
}

fn unpack(packed: &[u8], size: usize) -> Result<Vec<u8>, Error> {
    let mut out = vec![0; size];
    // Whatever the working space held before is overwritten.
    let mut probs = vec![7; PROBS];
    decode(packed, &mut out, &mut probs).map(|()| out)
}

/// A small deterministic generator (xorshift), so every run tests the same bytes.
fn noise(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect()
}

/// Inputs of every kind the coder treats apart: nothing, one byte, text with repeats, a long run
/// (matches overlapping what they copy), noise (literals only), and noise with repeats at far
/// distances (the distances' direct bits and the repeated-distance matches).
fn inputs() -> Vec<(&'static str, Vec<u8>)> {
    let text =
        "Quality 60%, price 40%: the lowest price scores full marks, the others in proportion. "
            .repeat(300)
            .into_bytes();
    let mut far = noise(70_000, 3);
    let copy = far[1_000..21_000].to_vec();
    far.extend_from_slice(&copy);
    far.extend(noise(5_000, 4));
    far.extend_from_slice(&copy[..3_000]);
    vec![
        ("empty", Vec::new()),
        ("one byte", vec![42]),
        ("text", text),
        ("a run", vec![0; 100_000]),
        ("noise", noise(50_000, 1)),
        ("far repeats", far),
    ]
}

#[test]
fn gives_back_exactly_what_xz_compressed_for_every_kind_of_input_and_setting() {
    let settings = [
        "-9e",
        // The single-file build's own settings.
        "--lzma1=preset=9e,lc=4,lp=0,pb=0,nice=273,mf=bt3",
        "--lzma1=preset=1,lc=0,lp=2,pb=0",
        "--lzma1=preset=6,lc=1,lp=3,pb=4,dict=4KiB",
    ];
    for (name, input) in inputs() {
        for options in settings {
            let packed = xz(&input, options);
            assert_eq!(
                unpack(&packed, input.len()),
                Ok(input.clone()),
                "{name}, {options}"
            );
            // A known size in the header, the end marker still after the data.
            let known = sized(&packed, input.len());
            assert_eq!(
                unpack(&known, input.len()),
                Ok(input.clone()),
                "{name}, {options}, sized"
            );
        }
    }
}

#[test]
fn short_mis_sized_or_corrupt_streams_are_refused() {
    let input = inputs().swap_remove(2).1;
    let packed = xz(&input, "-9e");
    let with_first = |first: &[u8], rest: usize| [first, &packed[rest..]].concat();
    // A stream cut short reads zeros past its end, which may decode to an impossible distance
    // before the end is seen: either error says the data is bad.
    let cut: &[Error] = &[Error::Truncated, Error::Corrupt];
    let n = input.len();
    let last_byte_cut = packed[..packed.len() - 1].to_vec();
    // A table: one case a line.
    #[rustfmt::skip]
    let cases: Vec<(&str, Vec<u8>, usize, &[Error])> = vec![
        ("no header", packed[..12].to_vec(), n, &[Error::Header]),
        ("no coder start", packed[..15].to_vec(), n, &[Error::Corrupt]),
        ("cut short", packed[..packed.len() / 2].to_vec(), n, cut),
        // The coder's last bytes are read at its end; zeros in their place are not the same.
        ("the last byte cut", last_byte_cut, n, cut),
        ("an output too long", packed.clone(), n + 1, &[Error::Truncated]),
        ("an output too short", packed.clone(), n - 1, &[Error::TooLong]),
        ("a header of another size", sized(&packed, 10), n, &[Error::Size]),
        ("a properties byte out of range", with_first(&[225], 1), n, &[Error::Properties]),
        // lc=8: literal settings larger than the decoder's working space holds.
        ("lc + lp over 4", with_first(&[8], 1), n, &[Error::Properties]),
        ("a coder not starting with zero", [&packed[..13], &[1][..], &packed[14..]].concat(), n, &[Error::Corrupt]),
    ];
    for (name, packed, size, errors) in cases {
        let got = unpack(&packed, size);
        assert!(
            got.as_ref().is_err_and(|e| errors.contains(e)),
            "{name}: {got:?}"
        );
    }
}

#[test]
#[should_panic(expected = "out of range")]
fn a_working_space_too_small_is_the_callers_mistake() {
    let packed = xz(b"abc", "-9e");
    let _ = decode(&packed, &mut [0; 3], &mut vec![0; PROBS - 1]);
}

#[test]
fn more_data_than_the_header_says_is_refused() {
    // A header that gives the size still leaves the end marker after it; data that goes on past
    // it is refused, wherever the size falls: inside a match or, with noise (literals only),
    // between two symbols, where the coder would otherwise look finished.
    for (name, input) in [inputs().swap_remove(2), inputs().swap_remove(4)] {
        let packed = xz(&input, "-9e");
        for less in 1..=40 {
            let size = input.len() - less;
            let got = unpack(&sized(&packed, size), size);
            assert_eq!(got.err(), Some(Error::TooLong), "{name}, {less} bytes less");
        }
    }
}

#[test]
fn a_flipped_byte_is_never_passed_off_as_the_original() {
    let input = inputs().swap_remove(5).1;
    let packed = xz(&input, "--lzma1=preset=9e,lc=4,lp=0,pb=0,nice=273,mf=bt3");
    let mut caught = 0;
    let mut at = 13;
    while at < packed.len() {
        let mut bad = packed.clone();
        bad[at] ^= 0x20;
        match unpack(&bad, input.len()) {
            Ok(out) => assert_eq!(
                out, input,
                "a flip at {at} decoded to other bytes without an error"
            ),
            Err(_) => caught += 1,
        }
        at += 97;
    }
    assert!(
        caught > (packed.len() - 13) / 97 / 2,
        "only {caught} flips caught"
    );
}
