//! The command line's words: each command, its arguments and the one line of help for each, as
//! `bidscore --help` and `bidscore COMMAND --help` print them.

use std::ffi::OsString;
use std::path::PathBuf;

use bidscore::analysis::{SmaaOptions, WeightModel};
use clap::builder::{OsStringValueParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};

const EXIT_CODES: &str = "\
Exit codes: 0 done, 1 invalid tender, 2 bad usage, an unreadable file or output that could not be
written. Wherever a FILE is asked for, - reads the tender from standard input.";

/// Transparent tender evaluation: price, quality and social value, scored exactly and explained
#[derive(Parser)]
#[command(
    name = "bidscore",
    version = bidscore::VERSION,
    after_help = EXIT_CODES,
    arg_required_else_help = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Score and rank every bid: the result as JSON, or a table with --table
    Evaluate {
        #[command(flatten)]
        input: Input,
        /// Print a ranking table to read instead of the JSON result
        #[arg(long)]
        table: bool,
    },
    /// Check a tender file without scoring it: its errors, or its warnings if it is valid
    Check {
        #[command(flatten)]
        input: Input,
    },
    /// How safe the ranking is: price to win, weight stability, rank acceptability
    // A repeated option's last value counts; `--samples -1` is a bad number, not an unknown option.
    #[command(
        visible_alias = "analyze",
        args_override_self = true,
        allow_negative_numbers = true
    )]
    Analyse {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        sampling: Sampling,
    },
    /// One assessment summary per assessed bid: JSON, or plain text with --text
    Debrief {
        #[command(flatten)]
        input: Input,
        /// Print the summaries as plain text instead of JSON
        #[arg(long)]
        text: bool,
    },
    /// The award criteria in Open Contracting Data Standard (OCDS) form
    Ocds {
        #[command(flatten)]
        input: Input,
    },
    /// The evaluation model as suppliers read it: shares, formulas in words, a worked example
    Describe {
        #[command(flatten)]
        input: Input,
    },
    /// Write a made-up tender of a given size (for benchmarks and tests)
    #[command(allow_negative_numbers = true)]
    Generate {
        /// Number of bids
        #[arg(value_parser = words().try_map(whole_number::<u64>))]
        bids: u64,
        /// Number of criteria: one price, one social value, the rest scored for quality
        #[arg(value_parser = words().try_map(whole_number::<u64>))]
        criteria: u64,
        /// Number of evaluators scoring each quality criterion
        #[arg(default_value_t = 3, value_parser = words().try_map(whole_number::<u64>))]
        evaluators: u64,
        /// Starting point of the made-up figures: the same seed gives the same tender
        #[arg(default_value_t = 1, value_parser = words().try_map(whole_number::<u64>))]
        seed: u64,
    },
}

/// The tender file a command reads.
#[derive(Args)]
pub struct Input {
    /// The tender file (JSON); - reads it from standard input
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// The weightings `analyse` tries, to show how much the ranking depends on the published weights.
#[derive(Args)]
pub struct Sampling {
    /// Number of random weightings to try; 0 skips this part of the analysis
    #[arg(
        long,
        value_name = "N",
        default_value_t = SmaaOptions::default().samples,
        value_parser = words().try_map(whole_number::<u32>)
    )]
    samples: u32,
    /// Starting point of the random weightings: the same seed gives the same figures
    #[arg(
        long,
        value_name = "S",
        default_value_t = SmaaOptions::default().seed,
        value_parser = words().try_map(whole_number::<u64>)
    )]
    seed: u64,
    /// Weightings to try: simplex (any), ranking (same order of importance) or tolerance:F (each
    /// weight ±F of itself, e.g. tolerance:0.2)
    #[arg(
        long,
        value_name = "MODEL",
        default_value = "simplex",
        value_parser = words().try_map(weight_model)
    )]
    weights: WeightModel,
}

impl Sampling {
    /// The analysis options these ask for; `--samples 0` skips the sampling, as it does in the JS
    /// API.
    pub fn options(&self) -> bidscore::analysis::Options {
        let smaa = SmaaOptions {
            samples: self.samples,
            seed: self.seed,
            weights: self.weights,
            ..SmaaOptions::default()
        };
        bidscore::analysis::Options {
            smaa: (smaa.samples > 0).then_some(smaa),
            ..bidscore::analysis::Options::default()
        }
    }
}

/// An option's value as given: one that is not UTF-8 is then refused by the option's own reader,
/// which names the option, where clap's own refusal would not.
fn words() -> OsStringValueParser {
    OsStringValueParser::new()
}

/// Reads a count or a seed: digits, within the type's range.
fn whole_number<T: std::str::FromStr>(text: OsString) -> Result<T, String> {
    let text = text.to_str().unwrap_or("");
    text.parse().map_err(|_| {
        let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
        match digits {
            true => "too large".to_owned(),
            false => "expected a whole number, 0 or more".to_owned(),
        }
    })
}

/// Reads `simplex`, `ranking` or `tolerance:F`, F a number (0.2 for ±20%).
fn weight_model(text: OsString) -> Result<WeightModel, String> {
    let text = text.to_str().unwrap_or("");
    match text {
        "simplex" => Ok(WeightModel::Simplex),
        "ranking" => Ok(WeightModel::Ranking),
        _ => text
            .strip_prefix("tolerance:")
            .and_then(|f| f.parse().ok())
            .map(WeightModel::Tolerance)
            .ok_or_else(|| {
                "expected simplex, ranking or tolerance:F, F a fraction (tolerance:0.2 for ±20%)"
                    .to_owned()
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_definitions_hold_together() {
        Cli::command().debug_assert();
    }

    #[test]
    fn weight_models_read_as_before() {
        let cases = [
            ("simplex", Some(WeightModel::Simplex)),
            ("ranking", Some(WeightModel::Ranking)),
            ("tolerance:0.2", Some(WeightModel::Tolerance(0.2))),
            ("tolerance:1", Some(WeightModel::Tolerance(1.0))),
            ("tolerance:", None),
            ("tolerance:x", None),
            ("tolerance", None),
            ("0.2", None),
            ("Simplex", None),
            ("", None),
        ];
        for (text, model) in cases {
            assert_eq!(weight_model(text.into()).ok(), model, "{text:?}");
        }
    }
}
