//! `bidscore`: the scoring engine on the command line.
//!
//! ```text
//! bidscore evaluate FILE|- [--table]   result JSON (or a ranking table); exit 1 if invalid
//! bidscore check FILE|-                validate only; exit 1 if invalid
//! bidscore analyse FILE|- [--samples N] [--seed S] [--weights simplex|ranking|tolerance:F]
//! bidscore debrief FILE|- [--text]  assessment summaries, one per assessed bid
//! bidscore ocds FILE|-               the award criteria in Open Contracting form
//! bidscore describe FILE|-           the evaluation model as suppliers read it
//! bidscore generate BIDS CRITERIA [EVALUATORS] [SEED]   a generated tender (benchmarks)
//! ```
//!
//! Exit codes: 0 done, 1 invalid tender, 2 bad usage, an unreadable file or output that could not
//! be written. Text from the file printed as text (`--table`, `debrief --text`, the error list) has
//! terminal control characters removed; JSON output escapes them.

use std::io::{ErrorKind, Read, Write};
use std::process::ExitCode;
use std::sync::Mutex;

use bidscore::terminal::printable;

/// Writes a line to standard output. A failed write is remembered, and `main` exits 2 for it
/// once the command is done (quietly for a closed pipe, `bidscore evaluate x | head`: the reader
/// has what it wanted).
macro_rules! emit {
    ($($arg:tt)*) => {{
        let result = writeln!(std::io::stdout().lock(), $($arg)*);
        remember(result);
    }};
}

/// Writes a line to standard error. Unlike `eprintln!`, a standard error that cannot be written
/// (closed, or a full disk) is ignored: the exit code still tells what happened.
macro_rules! note {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

/// The first error writing standard output, if any.
static WRITE_ERROR: Mutex<Option<std::io::Error>> = Mutex::new(None);

fn remember(result: std::io::Result<()>) {
    if let Err(e) = result {
        let mut first = WRITE_ERROR.lock().unwrap_or_else(|p| p.into_inner());
        first.get_or_insert(e);
    }
}

const USAGE: &str = "usage: bidscore evaluate FILE|- [--table]
       bidscore check FILE|-
       bidscore analyse FILE|- [--samples N] [--seed S] [--weights simplex|ranking|tolerance:F]
       bidscore debrief FILE|- [--text]
       bidscore ocds FILE|-
       bidscore describe FILE|-
       bidscore generate BIDS CRITERIA [EVALUATORS] [SEED]
       bidscore --version";

fn main() -> ExitCode {
    let code = run();
    remember(std::io::stdout().lock().flush());
    let failed = WRITE_ERROR.lock().unwrap_or_else(|p| p.into_inner()).take();
    match failed {
        None => code,
        Some(e) => {
            if e.kind() != ErrorKind::BrokenPipe {
                note!("bidscore: cannot write the output: {e}");
            }
            ExitCode::from(2)
        }
    }
}

fn run() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    match words.as_slice() {
        ["--version"] => {
            emit!("bidscore {}", bidscore::VERSION);
            ExitCode::SUCCESS
        }
        ["--help" | "-h"] => {
            emit!("{USAGE}");
            ExitCode::SUCCESS
        }
        ["evaluate", file] => evaluate(file, false),
        ["evaluate", file, "--table"] | ["evaluate", "--table", file] => evaluate(file, true),
        ["check", file] => check(file),
        ["debrief", file] => with_tender(file, |t| {
            let e = bidscore::evaluate(t);
            let d = bidscore::debrief::debriefs(t, &e);
            emit!("{}", serde_json::to_string_pretty(&d).unwrap_or_default());
        }),
        ["debrief", file, "--text"] => with_tender(file, |t| {
            let e = bidscore::evaluate(t);
            for d in bidscore::debrief::debriefs(t, &e) {
                emit!("{}", printable(&d.text));
            }
        }),
        ["describe", file] => with_tender(file, |t| {
            let v = bidscore::publish::describe(t);
            emit!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }),
        ["ocds", file] => with_tender(file, |t| {
            let v = bidscore::ocds::award_criteria(t);
            emit!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }),
        ["analyse" | "analyze", file, rest @ ..] => match analysis_options(rest) {
            Some(o) => analyse(file, &o),
            None => usage(),
        },
        ["generate", rest @ ..] if (2..=4).contains(&rest.len()) => generate(rest),
        _ => usage(),
    }
}

fn emit_raw(text: &str) {
    remember(std::io::stdout().lock().write_all(text.as_bytes()));
}

fn usage() -> ExitCode {
    note!("{USAGE}");
    ExitCode::from(2)
}

/// Reads a tender file, or standard input for `-`, as text. Reading stops past the size limit (the
/// rest of the input is counted, not kept); a file over it, or not UTF-8, is an invalid tender
/// (exit 1) like any other, whichever way it came. A byte order mark is left for the reader to skip.
fn load(file: &str) -> Result<String, ExitCode> {
    use bidscore::validate::{file_too_large, text_of, MAX_FILE_BYTES};
    let limit = MAX_FILE_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let read = if file == "-" {
        let mut stdin = std::io::stdin().lock();
        (&mut stdin)
            .take(limit)
            .read_to_end(&mut bytes)
            .and_then(|n| match n as u64 == limit {
                true => std::io::copy(&mut stdin, &mut std::io::sink()).map(|rest| n as u64 + rest),
                false => Ok(n as u64),
            })
    } else {
        std::fs::File::open(file).and_then(|f| {
            let size = f.metadata().map(|m| m.len()).unwrap_or(0);
            match size >= limit {
                true => Ok(size),
                false => f.take(limit).read_to_end(&mut bytes).map(|n| n as u64),
            }
        })
    };
    let size = read.map_err(|e| {
        note!("bidscore: cannot read {}: {e}", printable(file));
        ExitCode::from(2)
    })?;
    if size > MAX_FILE_BYTES as u64 {
        return Err(invalid(&file_too_large(size)));
    }
    match text_of(&bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(errors) => Err(invalid(&errors)),
    }
}

fn invalid(errors: &bidscore::Errors) -> ExitCode {
    emit!(
        "{}",
        serde_json::to_string_pretty(errors).unwrap_or_default()
    );
    note!(
        "bidscore: the tender file has {} error{}:",
        errors.errors.len(),
        if errors.errors.len() == 1 { "" } else { "s" }
    );
    for e in &errors.errors {
        note!("  {} [{}]", printable(&e.to_string()), e.code());
    }
    ExitCode::from(1)
}

fn evaluate(file: &str, table: bool) -> ExitCode {
    with_tender(file, |tender| {
        let result = bidscore::evaluate(tender);
        if table {
            emit_raw(&bidscore::table::ranking_table(tender, &result));
        } else {
            emit!(
                "{}",
                serde_json::to_string_pretty(&result).unwrap_or_default()
            );
        }
    })
}

fn check(file: &str) -> ExitCode {
    let text = match load(file) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let v = bidscore::validate_str(&text);
    if v.errors.is_empty() {
        emit!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        note!(
            "bidscore: the tender file is valid ({} warnings)",
            v.warnings.len()
        );
        ExitCode::SUCCESS
    } else {
        invalid(&bidscore::Errors { errors: v.errors })
    }
}

fn generate(args: &[&str]) -> ExitCode {
    let n: Vec<Option<u64>> = args.iter().map(|a| a.parse().ok()).collect();
    match n.as_slice() {
        [Some(b), Some(c), rest @ ..] if rest.iter().all(Option::is_some) => {
            let evaluators = rest.first().copied().flatten().unwrap_or(3);
            let seed = rest.get(1).copied().flatten().unwrap_or(1);
            let t = bidscore::synth::tender(*b as usize, *c as usize, evaluators as usize, seed);
            emit!("{t}");
            ExitCode::SUCCESS
        }
        _ => usage(),
    }
}

/// Reads `--samples N`, `--seed S` and `--weights simplex|ranking|tolerance:F`.
fn analysis_options(args: &[&str]) -> Option<bidscore::analysis::Options> {
    use bidscore::analysis::{SmaaOptions, WeightModel};
    let mut smaa = SmaaOptions::default();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next()?;
        match *flag {
            "--samples" => smaa.samples = value.parse().ok()?,
            "--seed" => smaa.seed = value.parse().ok()?,
            "--weights" => {
                smaa.weights = match *value {
                    "simplex" => WeightModel::Simplex,
                    "ranking" => WeightModel::Ranking,
                    v => WeightModel::Tolerance(v.strip_prefix("tolerance:")?.parse().ok()?),
                }
            }
            _ => return None,
        }
    }
    // `--samples 0` skips the sampling, as it does in the JS API.
    Some(bidscore::analysis::Options {
        smaa: (smaa.samples > 0).then_some(smaa),
    })
}

fn analyse(file: &str, options: &bidscore::analysis::Options) -> ExitCode {
    with_tender(file, |tender| {
        let a = bidscore::analysis::analyse(tender, options);
        emit!("{}", serde_json::to_string_pretty(&a).unwrap_or_default());
    })
}

/// Reads and validates a tender, then hands it to `then`; exit 1 with the errors if invalid.
fn with_tender(file: &str, then: impl FnOnce(&bidscore::Tender)) -> ExitCode {
    let text = match load(file) {
        Ok(t) => t,
        Err(code) => return code,
    };
    match bidscore::read(&text) {
        Err(errors) => invalid(&errors),
        Ok(tender) => {
            then(&tender);
            ExitCode::SUCCESS
        }
    }
}
