//! `bidscore`: the scoring engine on the command line.
//!
//! ```text
//! bidscore evaluate FILE [--table]     result JSON (or a ranking table); exit 1 if invalid
//! bidscore check FILE                  validate only; exit 1 if invalid
//! bidscore analyse FILE [--samples N] [--seed S] [--weights simplex|ranking|tolerance:F]
//! bidscore debrief FILE [--text]       assessment summaries, one per assessed bid
//! bidscore ocds FILE                   the award criteria in Open Contracting form
//! bidscore describe FILE               the evaluation model as suppliers read it
//! bidscore generate BIDS CRITERIA [EVALUATORS] [SEED]   a generated tender (benchmarks)
//! bidscore --help, bidscore COMMAND --help, bidscore --version
//! ```
//!
//! A FILE of `-` is standard input. The words, their help and their checks are in `args`; what
//! goes where and how a failed write ends the run, in `output`.
//!
//! Exit codes: 0 done (and for `--help` and `--version`, printed on standard output), 1 invalid
//! tender, 2 bad usage (what is wrong, and the usage or where to find it, on standard error), an
//! unreadable file or output that could not be written. Text from the file printed as text
//! (`--table`, `debrief --text`, the error list) has terminal control characters removed; JSON
//! output escapes them.

mod args;
mod output;

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use bidscore::terminal::printable;
use clap::Parser;

use args::{Cli, Command};
use output::{emit, emit_raw, note};

// A result is tens of thousands of small allocations made and freed together, which this
// allocator serves in about two thirds of the time the system's takes (see bench/README.md).
// (The wasm build of the command line, which the wasm tests build, keeps the standard one.)
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    output::finish(run())
}

fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(refused) => return usage(&refused),
    };
    match cli.command {
        Command::Evaluate { input, table } => evaluate(&input.file, table),
        Command::Check { input } => check(&input.file),
        Command::Analyse { input, sampling } => analyse(&input.file, &sampling.options()),
        Command::Debrief { input, text: false } => with_tender(&input.file, |t| {
            let e = bidscore::evaluate(t);
            let d = bidscore::debrief::debriefs(t, &e);
            emit!("{}", serde_json::to_string_pretty(&d).unwrap_or_default());
        }),
        Command::Debrief { input, text: true } => with_tender(&input.file, |t| {
            let e = bidscore::evaluate(t);
            for d in bidscore::debrief::debriefs(t, &e) {
                emit!("{}", printable(&d.text));
            }
        }),
        Command::Describe { input } => with_tender(&input.file, |t| {
            let v = bidscore::publish::describe(t);
            emit!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }),
        Command::Ocds { input } => with_tender(&input.file, |t| {
            let v = bidscore::ocds::award_criteria(t);
            emit!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }),
        Command::Generate {
            bids,
            criteria,
            evaluators,
            seed,
        } => {
            let t = bidscore::synth::tender(
                bids as usize,
                criteria as usize,
                evaluators as usize,
                seed,
            );
            emit!("{t}");
            ExitCode::SUCCESS
        }
    }
}

/// What the parser has to say instead of a command: help or the version on standard output
/// (exit 0), or what is wrong with the words and the usage on standard error (exit 2). The words
/// are the user's own, but may have come from a script: shown printable like any other text.
fn usage(said: &clap::Error) -> ExitCode {
    let text = printable(&said.render().to_string());
    if said.use_stderr() {
        note!("{}", text.trim_end());
    } else {
        emit_raw(&text);
    }
    ExitCode::from(u8::try_from(said.exit_code()).unwrap_or(2))
}

/// Reads a tender file, or standard input for `-`, as text. Reading stops past the size limit (the
/// rest of the input is counted, not kept); a file over it, or not UTF-8, is an invalid tender
/// (exit 1) like any other, whichever way it came. A byte order mark is left for the reader to skip.
fn load(file: &Path) -> Result<String, ExitCode> {
    use bidscore::validate::{file_too_large, text_of, MAX_FILE_BYTES};
    let limit = MAX_FILE_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let read = if file == Path::new("-") {
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
        note!(
            "bidscore: cannot read {}: {e}",
            printable(&file.to_string_lossy())
        );
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

fn evaluate(file: &Path, table: bool) -> ExitCode {
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

fn check(file: &Path) -> ExitCode {
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

fn analyse(file: &Path, options: &bidscore::analysis::Options) -> ExitCode {
    with_tender(file, |tender| {
        let a = bidscore::analysis::analyse(tender, options);
        emit!("{}", serde_json::to_string_pretty(&a).unwrap_or_default());
    })
}

/// Reads and validates a tender, then hands it to `then`; exit 1 with the errors if invalid.
fn with_tender(file: &Path, then: impl FnOnce(&bidscore::Tender)) -> ExitCode {
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
