//! What the fuzz targets share: a structure-aware description of a tender (`Spec`, built by the
//! `arbitrary` crate from the fuzzer's bytes) rendered to tender JSON text, and the invariants every
//! target checks on what the engine returns.
//!
//! Byte-level mutation of JSON text rarely gets past the reader, let alone to the arithmetic. A
//! `Spec` always renders to a file of the right shape (criteria trees with groups, gates, each
//! price formula, scales, measures, award methods, bids that score on the scales), so nearly every
//! input reaches evaluation, and its numbers are drawn towards the extremes the reader still
//! accepts: zero, 0.0000000001, 10^12, many significant digits, huge and degenerate scales.

mod invariants;
mod render;
mod spec;

pub use invariants::{check_evaluation, read_and_evaluate};
pub use render::{tender_text, J};
pub use spec::*;
