//! # bidscore
//!
//! Scores public tenders the way UK buyers award them: price, quality and social value, weighted
//! as published, with exact decimal arithmetic and the working behind every number.
//!
//! The crate is a pure core (no IO, clock or global state) with two thin fronts: the `bidscore`
//! command line (`src/bin`) and a WebAssembly binding (`src/wasm/`). Both call the same three
//! functions: [`evaluate_str`], [`validate_str`] and [`read`].
//!
//! ```
//! let file = r#"{
//!   "format": "bidscore/1",
//!   "criteria": [
//!     { "id": "price", "kind": "price", "name": "Price", "weight": 60, "formula": "lowest-ratio" },
//!     { "id": "quality", "name": "Quality", "weight": 40, "children": [
//!       { "id": "q1", "kind": "scored", "name": "Approach", "weight": 40, "scale": "0-4" } ] }
//!   ],
//!   "scales": { "0-4": { "from": 0, "to": 4, "step": 1 } },
//!   "bids": [
//!     { "id": "a", "supplier": "Alpha Ltd", "price": "90000", "scores": { "q1": { "moderated": 3 } } },
//!     { "id": "b", "supplier": "Beta CIC", "price": "100000", "scores": { "q1": { "moderated": 4 } } }
//!   ]
//! }"#;
//! let result = bidscore::evaluate_str(file).unwrap();
//! let beta = &result.bids[1];
//! assert_eq!(beta.total, "94.00"); // 60 × 90,000 ÷ 100,000 = 54.00, plus 40 × 4 ÷ 4 = 40.00
//! assert_eq!(beta.rank, Some(1));
//! assert_eq!(beta.criteria[0].working, "60 × £90,000.00 ÷ £100,000.00 = 54.00");
//! ```

pub mod analysis;
pub mod award;
mod context;
pub mod debrief;
pub mod draw;
pub mod error;
pub mod evaluate;
pub mod json;
mod lots;
pub mod model;
pub mod moderation;
pub mod money;
pub mod ocds;
mod parallel;
pub mod price;
pub mod publish;
pub mod ranking;
pub mod result;
pub mod schedule;
mod sorting;
pub mod synth;
pub mod table;
pub mod terminal;
pub mod text;
pub mod validate;
pub mod working;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::{Error, ErrorKind, Errors};
pub use evaluate::evaluate;
pub use model::Tender;
pub use result::{Evaluation, Status, Warning};
pub use validate::{read, read_bytes};

use serde::Serialize;

/// The engine's version, as in Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Reads, validates and evaluates a tender file.
pub fn evaluate_str(text: &str) -> Result<Evaluation, Errors> {
    read(text).map(|t| evaluate(&t))
}

/// What [`validate_str`] finds: every error, and the warnings about the model when there are none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Validation {
    pub errors: Vec<Error>,
    pub warnings: Vec<Warning>,
}

json::json_object!(Validation {
    "errors": errors,
    "warnings": warnings,
});

/// Checks a tender file without failing: all errors, or the evaluation's warnings when valid.
pub fn validate_str(text: &str) -> Validation {
    match evaluate_str(text) {
        Ok(e) => Validation {
            errors: vec![],
            warnings: e.warnings,
        },
        Err(e) => Validation {
            errors: e.errors,
            warnings: vec![],
        },
    }
}
