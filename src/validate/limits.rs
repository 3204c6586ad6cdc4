//! Every size a tender file may reach. Each limit is checked before the work it bounds, and
//! each is reported the same way: `too-large`, with the limit, what was found and the path.

use crate::error::{Error, ErrorKind};

/// The largest tender file read, in bytes (16 MiB): some 5,000 bids of 40 criteria marked by
/// three evaluators each. Checked before the text is parsed; a file four times this size once
/// froze a browser tab.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
/// The most bids in one file.
pub const MAX_BIDS: usize = 10_000;
/// The most criteria in one model, groups and pass/fail gates included.
pub const MAX_CRITERIA: usize = 1_000;
/// The most social value measures.
pub const MAX_MEASURES: usize = 1_000;
/// The deepest nesting of groups: a criterion inside this many groups, and no more.
pub const MAX_GROUP_DEPTH: usize = 10;
/// The most evaluators marking one criterion of one bid.
pub const MAX_EVALUATORS: usize = 100;
/// The most points a scale has, listed or from a range (0 to 100 in steps of 0.1 is 1,001).
pub const MAX_SCALE_POINTS: usize = 1_001;
/// The most lots a tender is divided into (spec §18); each is evaluated on its own.
pub const MAX_LOTS: usize = 1_000;
/// The longest id, name, label, unit or other short text, in characters.
pub const MAX_NAME_CHARS: usize = 1_000;
/// The longest description, question, rationale, descriptor or note, in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// The most errors reported for one file; past them, the list ends with one more saying how many
/// there were. A list of thousands helps nobody and would freeze the page showing it.
pub const MAX_ERRORS: usize = 1_000;

/// One function for every limit, so the WebAssembly build carries one copy.
pub(super) fn too_large(what: &'static str, limit: usize, found: String, path: String) -> Error {
    Error::new(ErrorKind::TooLarge { what, limit, found }, path)
}

// §11 price schedules
/// The most lines in a price schedule.
pub const MAX_PRICE_LINES: usize = 1_000;

// bilingual text
/// The most languages one text may be given in: a text of a public tender is published in one
/// language or a few (English and Welsh, the EU's 24 at most).
pub const MAX_LANGUAGES: usize = 100;
/// The longest language tag, in characters: the length RFC 5646 (section 4.4.1) asks every
/// implementation to hold; `cy-GB` is five.
pub const MAX_LANGUAGE_TAG_CHARS: usize = 35;
