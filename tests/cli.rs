//! The `bidscore` command line: what it prints where, its help, and its exit codes (0 done, 1
//! invalid tender, 2 bad usage or unreadable file).
#![cfg(not(target_arch = "wasm32"))] // reads files (and runs the binary); native only

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const EXAMPLE: &str = "www/examples/council-wellbeing.json";

fn bidscore(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bidscore"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the bidscore binary runs");
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout_json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}",
            String::from_utf8_lossy(&o.stdout)
        )
    })
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const INVALID: &str = r#"{
  "criteria": [ { "id": "price", "kind": "price", "name": "Price", "weight": 100 } ],
  "bids": [ { "id": "b1", "suplier": "Northside Community CIC", "price": "abc" } ]
}"#;

#[test]
fn evaluate_prints_the_result_and_exits_0() {
    let o = bidscore(&["evaluate", EXAMPLE], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = stdout_json(&o);
    assert_eq!(r["format"], "bidscore-result/1");
    // Worked out in tests/fixtures/council-wellbeing.json.
    assert_eq!(r["ranking"], serde_json::json!(["b3", "b1", "b2"]));
    assert_eq!(r["bids"][0]["total"], "80.09");
}

#[test]
fn a_dash_reads_the_tender_from_stdin() {
    let text =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE))
            .unwrap();
    let from_stdin = bidscore(&["evaluate", "-"], Some(&text));
    let from_file = bidscore(&["evaluate", EXAMPLE], None);
    assert_eq!(from_stdin.status.code(), Some(0), "{}", stderr(&from_stdin));
    assert_eq!(from_stdin.stdout, from_file.stdout);
}

#[test]
fn an_invalid_tender_gives_json_errors_a_summary_and_exit_1() {
    let o = bidscore(&["evaluate", "-"], Some(INVALID));
    assert_eq!(o.status.code(), Some(1));
    let errors = stdout_json(&o);
    let listed: Vec<(&str, &str)> = errors["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["code"].as_str().unwrap(), e["path"].as_str().unwrap()))
        .collect();
    assert_eq!(
        listed,
        [
            ("unsupported-format", "format"),
            ("unknown-field", "bids[0].suplier"),
            ("invalid-number", "bids[0].price"),
        ]
    );
    assert_eq!(errors["errors"][1]["params"]["suggestion"], "supplier");
    let summary = stderr(&o);
    assert!(summary.contains("3 errors"), "{summary}");
    assert!(
        summary.contains("bids[0].suplier: unknown field \"suplier\"; did you mean \"supplier\"? [unknown-field]"),
        "{summary}"
    );
}

#[test]
fn check_validates_without_evaluating() {
    let ok = bidscore(&["check", EXAMPLE], None);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let v = stdout_json(&ok);
    assert_eq!(v["errors"], serde_json::json!([]));
    let codes: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["averaged-off-scale", "relative-price-formula"]);
    assert!(stderr(&ok).contains("valid"));

    let bad = bidscore(&["check", "-"], Some(INVALID));
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(stdout_json(&bad)["errors"].as_array().unwrap().len(), 3);
}

#[test]
fn table_prints_the_ranking_for_people() {
    let o = bidscore(&["evaluate", EXAMPLE, "--table"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    let line = |who: &str| {
        text.lines()
            .position(|l| l.contains(who))
            .unwrap_or_else(|| panic!("{who} not in the table:\n{text}"))
    };
    assert!(line("Wellbeing Together") < line("Northside Community CIC"));
    assert!(line("Northside Community CIC") < line("Riverside Care Partnership"));
    let winner = &text.lines().nth(line("Wellbeing Together")).unwrap();
    assert!(
        winner.trim_start().starts_with('1') && winner.contains("90.09"),
        "{winner}"
    );
    assert!(text.contains("disqualified"));
    let flag_first = bidscore(&["evaluate", "--table", EXAMPLE], None);
    assert_eq!(flag_first.stdout, text.as_bytes());
}

#[test]
fn bad_usage_exits_2() {
    let cases: &[&[&str]] = &[
        &[],
        &["evaluate"],
        &["score", EXAMPLE],
        &["evaluate", EXAMPLE, "--tabel"],
        &["check"],
        &["generate", "many", "criteria"],
    ];
    for args in cases {
        let o = bidscore(args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        // The usage, or where to find it.
        let err = stderr(&o);
        assert!(
            err.contains("Usage: bidscore") || err.contains("try '--help'"),
            "{args:?}: {err}"
        );
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    let missing = bidscore(&["evaluate", "no/such/tender.json"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("cannot read no/such/tender.json"));
}

#[test]
fn version_and_generate() {
    let v = bidscore(&["--version"], None);
    assert_eq!(v.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&v.stdout).trim(),
        format!("bidscore {}", env!("CARGO_PKG_VERSION"))
    );
    // A generated tender is itself a valid tender file.
    let g = bidscore(&["generate", "5", "6", "3", "7"], None);
    assert_eq!(g.status.code(), Some(0));
    let text = String::from_utf8(g.stdout).unwrap();
    let r = bidscore::evaluate_str(&text).expect("a generated tender is valid");
    assert_eq!(r.bids.len(), 5);
}

#[test]
fn a_reader_that_stops_early_is_not_a_crash() {
    // `bidscore evaluate big.json | head`: the pipe closes while the result is being written.
    let tender = Command::new(env!("CARGO_BIN_EXE_bidscore"))
        .args(["generate", "300", "30"])
        .output()
        .expect("generate runs");
    let mut child = Command::new(env!("CARGO_BIN_EXE_bidscore"))
        .args(["evaluate", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("bidscore runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&tender.stdout)
        .expect("tender written");
    let mut out = child.stdout.take().expect("stdout");
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut out, &mut first).expect("some output");
    drop(out);
    let done = child.wait_with_output().expect("finishes");
    let err = String::from_utf8_lossy(&done.stderr);
    assert!(!err.contains("panicked"), "stderr: {err}");
    // Quiet, but the output was not all written: not a success.
    assert!(err.is_empty(), "stderr: {err}");
    assert_eq!(done.status.code(), Some(2));
}

/// The example tender with a supplier name and a score key carrying terminal control sequences.
fn hostile_tender() -> String {
    let text =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE))
            .unwrap();
    let mut t: Value = serde_json::from_str(&text).unwrap();
    t["bids"][0]["supplier"] =
        Value::from("Evil\u{1b}[2J\u{1b}]0;pwned\u{7} Ltd\u{7}\u{9b}\u{7f}\u{0}");
    t.to_string()
}

const CONTROL: [char; 5] = ['\u{1b}', '\u{7}', '\u{9b}', '\u{7f}', '\u{0}'];

fn assert_printable(what: &str, text: &str) {
    for c in CONTROL {
        assert!(!text.contains(c), "{what} holds {c:?}: {text:?}");
    }
    assert!(
        !text.contains("pwned"),
        "{what} keeps an escape sequence's text: {text:?}"
    );
}

#[test]
fn text_output_drops_terminal_control_characters_from_the_file() {
    let tender = hostile_tender();
    let table = bidscore(&["evaluate", "-", "--table"], Some(&tender));
    assert_eq!(table.status.code(), Some(0), "{}", stderr(&table));
    let out = String::from_utf8(table.stdout).unwrap();
    assert_printable("--table", &out);
    assert!(out.contains("Evil Ltd"), "{out}");
    assert!(out.contains('\n'), "lines stay");
    // Columns are measured on what is shown: the Price column starts at the same place on the
    // header, the rule and every ranked row.
    let rows: Vec<&str> = out.lines().skip(1).take_while(|l| !l.is_empty()).collect();
    let rule = rows[1];
    let starts: Vec<usize> = rule.match_indices("  -").map(|(i, _)| i + 2).collect();
    let ranked = |r: &&&str| {
        let rank = r.trim_start().split("  ").next().unwrap_or("");
        rank == "-" || rank.parse::<u32>().is_ok()
    };
    for row in rows.iter().skip(2).filter(ranked) {
        let shown: Vec<char> = row.chars().collect();
        for &s in &starts {
            assert_eq!(
                shown.get(s - 1),
                Some(&' '),
                "a column start moved in {row:?}\n{out}"
            );
        }
    }

    let debrief = bidscore(&["debrief", "-", "--text"], Some(&tender));
    assert_eq!(debrief.status.code(), Some(0), "{}", stderr(&debrief));
    let out = String::from_utf8(debrief.stdout).unwrap();
    assert_printable("debrief --text", &out);
    assert!(out.contains("Evil Ltd"), "{out}");

    // JSON keeps the name exactly (escaped), as it always did.
    let json = bidscore(&["evaluate", "-"], Some(&tender));
    let r = stdout_json(&json);
    let names: Vec<&str> = r["bids"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| b["supplier"].as_str())
        .collect();
    assert!(names.iter().any(|n| n.contains("\u{1b}[2J")), "{names:?}");
}

#[test]
fn the_error_list_drops_terminal_control_characters_from_the_file() {
    let mut t: Value = serde_json::from_str(&hostile_tender()).unwrap();
    t["bids"][0]["price"] = Value::from("\u{1b}[2Jabc\u{7}");
    t["bids"][0]["scores"]["no-such\u{1b}]0;pwned\u{7}-criterion"] =
        serde_json::json!({ "moderated": 3 });
    let o = bidscore(&["check", "-"], Some(&t.to_string()));
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("error"), "{err}");
    // The unknown key's path quotes it with JSON escapes (`\u001b`), which print as plain text;
    // the message names the key with its control characters dropped.
    assert_printable("the error list", &err.replace("\\u001b]0;pwned\\u0007", ""));
    assert!(err.contains("no criterion \"no-such-criterion\""), "{err}");
}

#[test]
fn output_that_cannot_be_written_exits_2_with_a_message() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // no /dev/full on this system
    };
    for args in [
        &["evaluate", EXAMPLE][..],
        &["evaluate", EXAMPLE, "--table"],
        &["debrief", EXAMPLE, "--text"],
        &["--version"],
        &["--help"],
        &["analyse", "--help"],
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_bidscore"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(full.try_clone().unwrap())
            .stderr(Stdio::piped())
            .output()
            .expect("bidscore runs");
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("bidscore: cannot write the output"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn a_standard_error_that_cannot_be_written_changes_nothing_but_the_message() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // no /dev/full on this system
    };
    let path = std::env::temp_dir().join(format!("bidscore-invalid-{}.json", std::process::id()));
    std::fs::write(&path, INVALID).unwrap();
    let invalid = path.to_str().unwrap();
    // Each writes to standard error: the error list, the usage, an unreadable file, a valid check.
    for (args, code) in [
        (&["check", invalid][..], 1),
        (&["evaluate", invalid], 1),
        (&["frobnicate"], 2),
        (&[], 2),
        (&["analyse", EXAMPLE, "--samples", "many"], 2),
        (&["evaluate", "/no/such/file.json"], 2),
        (&["check", EXAMPLE], 0),
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_bidscore"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(full.try_clone().unwrap())
            .output()
            .expect("bidscore runs");
        // A panic would exit 101.
        assert_eq!(o.status.code(), Some(code), "{args:?}");
    }
    std::fs::remove_file(&path).ok();
}

/// Runs the command line with `input` as raw bytes on standard input.
fn bidscore_bytes(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bidscore"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the bidscore binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let writer = {
        let input = input.to_vec();
        std::thread::spawn(move || {
            // The command line may stop reading early; a closed pipe is not this test's concern.
            let _ = stdin.write_all(&input);
        })
    };
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// A file of its own for one test, removed when dropped.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> Self {
        let path = std::env::temp_dir().join(format!("bidscore-cli-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }
    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn example_bytes() -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)).unwrap()
}

/// The codes of the errors printed on standard output.
fn error_codes(o: &Output) -> Vec<String> {
    stdout_json(o)["errors"]
        .as_array()
        .expect("an errors list")
        .iter()
        .map(|e| e["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_byte_order_mark_is_accepted_from_a_file_and_from_stdin() {
    let plain = bidscore(&["evaluate", EXAMPLE], None);
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend(example_bytes());
    let file = TempFile::new("bom.json", &with_bom);
    for o in [
        bidscore_bytes(&["evaluate", file.path()], b""),
        bidscore_bytes(&["evaluate", "-"], &with_bom),
    ] {
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(o.stdout, plain.stdout);
    }
}

#[test]
fn bytes_that_are_not_utf8_are_the_same_error_from_a_file_and_from_stdin() {
    // "Café" saved as Latin-1: the é is the single byte E9.
    let mut latin1 = example_bytes();
    let at = latin1.len() - 2;
    latin1.splice(at..at, *b", \"note\": \"Caf\xE9\"");
    let file = TempFile::new("latin1.json", &latin1);
    let from_file = bidscore_bytes(&["check", file.path()], b"");
    let from_stdin = bidscore_bytes(&["check", "-"], &latin1);
    for o in [&from_file, &from_stdin] {
        assert_eq!(o.status.code(), Some(1), "{}", stderr(o));
        assert_eq!(error_codes(o), ["invalid-utf8"]);
        assert!(stderr(o).contains("not UTF-8"), "{}", stderr(o));
    }
    assert_eq!(from_file.stdout, from_stdin.stdout);
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_its_size() {
    let limit = bidscore::validate::MAX_FILE_BYTES;
    // Valid JSON all through, so only its size can be the reason.
    let mut big = b"{\"format\": \"bidscore/1\", \"tender\": {\"title\": \"".to_vec();
    big.resize(limit + 10, b'x');
    big.extend(b"\"}}");
    let size = big.len().to_string();
    let file = TempFile::new("big.json", &big);
    for o in [
        bidscore_bytes(&["evaluate", file.path()], b""),
        bidscore_bytes(&["check", "-"], &big),
    ] {
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let e = &stdout_json(&o)["errors"][0];
        assert_eq!(e["code"], "too-large");
        assert_eq!(e["params"]["limit"], limit.to_string());
        assert_eq!(e["params"]["found"], size);
    }
    // A file of exactly the limit is read, and judged on its content: a title too long and no
    // criteria.
    big.truncate(limit - 3);
    big.extend(b"\"}}");
    let o = bidscore_bytes(&["check", "-"], &big);
    assert_eq!(
        error_codes(&o),
        ["too-large", "missing-field"],
        "{}",
        stderr(&o)
    );
    assert_eq!(stdout_json(&o)["errors"][0]["path"], "tender.title");
}

#[test]
fn the_widget_refuses_files_over_the_engines_size_limit() {
    let io = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/src/storage/io.js"),
    )
    .unwrap();
    let line = io
        .lines()
        .find(|l| l.starts_with("export const MAX_FILE_BYTES = "))
        .expect("www/src/storage/io.js exports MAX_FILE_BYTES");
    let value: usize = line
        .trim_start_matches("export const MAX_FILE_BYTES = ")
        .trim_end_matches(';')
        .split('*')
        .map(|f| {
            f.trim()
                .parse::<usize>()
                .expect("a product of whole numbers")
        })
        .product();
    assert_eq!(value, bidscore::validate::MAX_FILE_BYTES);
}

/// Each command's help: asked for, the command and the names each line must hold.
const HELP: &[(&[&str], &str, &[&str])] = &[
    (
        &["--help"],
        "bidscore <COMMAND>",
        &[
            "evaluate",
            "check",
            "analyse",
            "debrief",
            "ocds",
            "describe",
            "generate",
            "--version",
        ],
    ),
    (&["-h"], "bidscore <COMMAND>", &["evaluate", "analyse"]),
    (
        &["evaluate", "--help"],
        "bidscore evaluate",
        &["<FILE>", "--table"],
    ),
    (&["check", "--help"], "bidscore check", &["<FILE>"]),
    (
        &["analyse", "--help"],
        "bidscore analyse",
        &["<FILE>", "--samples <N>", "--seed <S>", "--weights <MODEL>"],
    ),
    (
        &["analyze", "--help"],
        "bidscore analyse",
        &["--samples <N>"],
    ),
    (
        &["debrief", "--help"],
        "bidscore debrief",
        &["<FILE>", "--text"],
    ),
    (&["ocds", "--help"], "bidscore ocds", &["<FILE>"]),
    (&["describe", "--help"], "bidscore describe", &["<FILE>"]),
    (
        &["generate", "--help"],
        "bidscore generate",
        &["<BIDS>", "<CRITERIA>", "[EVALUATORS]", "[SEED]"],
    ),
    // With a file named too, and the other way round: help, not a run.
    (
        &["analyse", EXAMPLE, "--help"],
        "bidscore analyse",
        &["--weights <MODEL>"],
    ),
    (&["help", "analyse"], "bidscore analyse", &["--seed <S>"]),
];

#[test]
fn help_names_every_argument_with_a_description_and_exits_0() {
    for (args, usage, names) in HELP {
        let o = bidscore(args, None);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(o.stderr.is_empty(), "{args:?}: {}", stderr(&o));
        let help = String::from_utf8(o.stdout).unwrap();
        assert!(
            help.contains(&format!("Usage: {usage}")),
            "{args:?}:\n{help}"
        );
        for name in *names {
            // The argument's own line says what it is, in words after the name.
            let line = help
                .lines()
                .filter(|l| !l.starts_with("Usage:"))
                .find(|l| l.trim_start().starts_with(name) || l.contains(&format!(" {name} ")))
                .unwrap_or_else(|| panic!("{args:?}: no line for {name}:\n{help}"));
            let words = line.split_once(name).map_or("", |(_, after)| after);
            assert!(
                words.split_whitespace().count() >= 2,
                "{args:?}: {name} has no description:\n{help}"
            );
        }
    }
}

#[test]
fn help_after_a_command_is_not_read_as_a_file() {
    for command in [
        "evaluate", "check", "analyse", "analyze", "debrief", "ocds", "describe",
    ] {
        let o = bidscore(&[command, "--help"], None);
        assert_eq!(o.status.code(), Some(0), "{command}: {}", stderr(&o));
        assert!(
            !stderr(&o).contains("cannot read"),
            "{command}: {}",
            stderr(&o)
        );
        assert!(
            String::from_utf8_lossy(&o.stdout).contains("<FILE>"),
            "{command}"
        );
    }
}

#[test]
fn bad_usage_names_the_argument_at_fault_and_exits_2() {
    let cases: &[(&[&str], &str)] = &[
        (&["frobnicate", EXAMPLE], "'frobnicate'"),
        (&["evaluate"], "<FILE>"),
        (&["analyse"], "<FILE>"),
        (&["evaluate", EXAMPLE, EXAMPLE], "unexpected argument"),
        (&["debrief", EXAMPLE, "--txt"], "'--txt'"),
        (&["analyse", EXAMPLE, "--colour"], "'--colour'"),
        (&["analyse", EXAMPLE, "--samples"], "--samples <N>"),
        (&["analyse", EXAMPLE, "--samples", "many"], "--samples <N>"),
        (&["analyse", EXAMPLE, "--samples", "-1"], "--samples <N>"),
        (&["analyse", EXAMPLE, "--samples", "1e3"], "--samples <N>"),
        (
            &["analyse", EXAMPLE, "--samples", "99999999999"],
            "--samples <N>",
        ),
        (&["analyse", EXAMPLE, "--seed", "1.5"], "--seed <S>"),
        (
            &["analyse", EXAMPLE, "--weights", "uniform"],
            "--weights <MODEL>",
        ),
        (
            &["analyse", EXAMPLE, "--weights", "tolerance:"],
            "--weights <MODEL>",
        ),
        (
            &["analyse", EXAMPLE, "--weights", "tolerance:x"],
            "--weights <MODEL>",
        ),
        (
            &["analyse", EXAMPLE, "--weights", "Ranking"],
            "--weights <MODEL>",
        ),
        (&["analyse", EXAMPLE, "--weights", ""], "--weights <MODEL>"),
        (&["generate", "5"], "<CRITERIA>"),
        (&["generate", "five", "6"], "<BIDS>"),
        (&["generate", "5", "-6"], "<CRITERIA>"),
        (&["generate", "5", "6", "three"], "[EVALUATORS]"),
        (&["generate", "5", "6", "3", "0x7"], "[SEED]"),
        (&["generate", "5", "6", "3", "7", "8"], "'8'"),
    ];
    for (args, named) in cases {
        let o = bidscore(args, None);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert!(err.contains(named), "{args:?} does not name {named}: {err}");
        assert!(!err.contains("cannot read"), "{args:?}: {err}");
    }
    // A bad weight model says what would do.
    let o = bidscore(&["analyse", EXAMPLE, "--weights", "uniform"], None);
    assert!(stderr(&o).contains("tolerance:0.2"), "{}", stderr(&o));
}

#[test]
fn analysis_options_read_as_before() {
    let run = |args: &[&str]| {
        let o = bidscore(args, None);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        o.stdout
    };
    // `--samples 0` leaves the sampling out.
    let none = stdout_json(&bidscore(&["analyse", EXAMPLE, "--samples", "0"], None));
    assert_eq!(none["rankAcceptability"], Value::Null);
    let some = run(&["analyse", EXAMPLE, "--samples", "40", "--seed", "7"]);
    assert_ne!(
        serde_json::from_slice::<Value>(&some).unwrap()["rankAcceptability"],
        Value::Null
    );
    // The spelling, the order of the options, a repeated option (the last counts): all the same.
    for args in [
        &["analyze", EXAMPLE, "--samples", "40", "--seed", "7"][..],
        &["analyse", "--seed", "7", "--samples", "40", EXAMPLE],
        &[
            "analyse",
            EXAMPLE,
            "--samples",
            "3",
            "--seed",
            "7",
            "--samples",
            "40",
        ],
        &[
            "analyse",
            EXAMPLE,
            "--samples",
            "40",
            "--seed",
            "7",
            "--weights",
            "simplex",
        ],
    ] {
        assert_eq!(run(args), some, "{args:?}");
    }
    // Each weight model is read, and each asks for different weightings.
    let ranking = run(&[
        "analyse",
        EXAMPLE,
        "--samples",
        "40",
        "--weights",
        "ranking",
    ]);
    let tolerance = run(&[
        "analyse",
        EXAMPLE,
        "--samples",
        "40",
        "--weights",
        "tolerance:0.2",
    ]);
    let simplex = run(&["analyse", EXAMPLE, "--samples", "40"]);
    assert_ne!(ranking, simplex);
    assert_ne!(tolerance, simplex);
    assert_ne!(tolerance, ranking);
}

#[test]
fn words_from_a_script_cannot_drive_the_terminal() {
    let o = bidscore(&["\u{1b}]0;pwned\u{7}\u{1b}[2J"], None);
    assert_eq!(o.status.code(), Some(2));
    assert_printable("the usage error", &stderr(&o));
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read_not_a_crash() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = std::env::temp_dir().join(format!("bidscore-cli-{}-names", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // "café.json" with the é saved as Latin-1.
    let name = dir.join(OsStr::from_bytes(b"caf\xE9.json"));
    std::fs::write(&name, example_bytes()).unwrap();
    let run = |args: &[&OsStr]| {
        Command::new(env!("CARGO_BIN_EXE_bidscore"))
            .args(args)
            .output()
            .expect("bidscore runs")
    };
    let o = run(&[OsStr::new("evaluate"), name.as_os_str()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(o.stdout, bidscore(&["evaluate", EXAMPLE], None).stdout);
    // Missing, it is named as well as it can be.
    std::fs::remove_file(&name).unwrap();
    let o = run(&[OsStr::new("check"), name.as_os_str()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("cannot read"), "{}", stderr(&o));
    // Where a word is expected, it is bad usage.
    let o = run(&[
        OsStr::new("analyse"),
        OsStr::new(EXAMPLE),
        OsStr::new("--weights"),
        OsStr::from_bytes(b"tol\xE9rance:0.2"),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--weights <MODEL>"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).ok();
}
