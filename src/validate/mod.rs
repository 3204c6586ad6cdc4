//! Reading a tender file: JSON text in, a validated [`Tender`] out, or every error at once.
//!
//! The file is parsed into a tree of JSON values by the reader's own parser (`json`) and then read
//! by hand rather than with `#[derive(Deserialize)]`: serde stops at the first problem, and a buyer
//! fixing a file wants all of them, each with its path ("did you mean" hints included). Numbers
//! keep their literal text, so `1080000.50` and `"1080000.50"` are the same exact decimal and no
//! amount ever passes through `f64`.
//!
//! The folder is split where the knowledge changes. The reading kit knows JSON and nothing of
//! tenders: `json` (text to a tree of values, and the syntax errors), `limits` (every size a file
//! may reach), `reader` (paths, typed field readers, exact decimals, "did you mean") and
//! `jsontext` (what a parsed value no longer shows: duplicate keys, lone surrogates). The schema
//! knows the format and reads through the kit, one part of the file per module: `tender` (the top
//! level, award, rounding, moderation, tie-break), `scales` (scales and social value measures,
//! which criteria name), `criteria` (the tree of groups and criteria, formulas), `schedule` (the
//! lines of a price schedule and the rates bids give for them, spec §11), `lots` (the lots a
//! tender is divided into, and the lot a bid names, spec §18) and `bids` (each bid's price,
//! scores, values and commitments). `languages` reads a text the buyer may give in several
//! languages, keeping the one the tender's locale chooses. This file holds the entry points.

mod bids;
mod criteria;
pub(crate) mod json;
mod jsontext;
mod kept;
mod languages;
mod limits;
mod lots;
mod reader;
mod scales;
mod schedule;
mod tender;

use crate::error::{Error, ErrorKind, Errors};
use crate::model::Tender;
use json::Value;
use limits::too_large;
use reader::Reader;
use std::str::FromStr;

pub use kept::Kept;
pub use limits::*;
pub use reader::join;
pub use tender::FORMAT;

fn one(e: Error) -> Errors {
    Errors { errors: vec![e] }
}

/// The error for a file of `size` bytes, over [`MAX_FILE_BYTES`]: for a reader that stops
/// reading at the limit.
pub fn file_too_large(size: u64) -> Errors {
    one(too_large(
        "bytes",
        MAX_FILE_BYTES,
        size.to_string(),
        String::new(),
    ))
}

/// A file's bytes as text: refused if over [`MAX_FILE_BYTES`] or not UTF-8.
pub fn text_of(bytes: &[u8]) -> Result<&str, Errors> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(file_too_large(bytes.len() as u64));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        one(Error::new(
            ErrorKind::InvalidUtf8 {
                offset: e.valid_up_to(),
            },
            "",
        ))
    })
}

/// Parses and validates a tender file given as bytes (see [`text_of`] and [`read`]).
pub fn read_bytes(bytes: &[u8]) -> Result<Tender, Errors> {
    read(text_of(bytes)?)
}

/// Parses and validates a tender file. A leading byte order mark is skipped; text over
/// [`MAX_FILE_BYTES`] is refused before it is parsed.
pub fn read(text: &str) -> Result<Tender, Errors> {
    read_with(text, &mut Reader::default())
}

/// [`read`] by `r`, which keeps what it learnt of the model (for [`Kept`]).
fn read_with(text: &str, r: &mut Reader) -> Result<Tender, Errors> {
    if text.len() > MAX_FILE_BYTES {
        return Err(file_too_large(text.len() as u64));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match json::parse_noting_duplicates(text) {
        Ok((v, false)) => read_value(&v, r),
        // The scan finds every duplicate with its path; a file without one is not scanned.
        Ok((_, true)) => Err(Errors {
            errors: jsontext::duplicate_keys(text),
        }),
        Err(e) => {
            let error = jsontext::lone_surrogate(text, e.at).unwrap_or_else(|| {
                Error::new(
                    ErrorKind::JsonSyntax {
                        detail: e.place(text),
                    },
                    "",
                )
            });
            Err(one(error))
        }
    }
}

/// Validates a parsed JSON document.
fn read_value(v: &Value, r: &mut Reader) -> Result<Tender, Errors> {
    let tender = r.tender(v);
    match tender {
        Some(t) if r.errors.is_empty() => Ok(t),
        _ => {
            if r.errors.is_empty() {
                // Defensive: a `None` always comes with an error, but never return an empty list.
                r.errors.push(Error::new(
                    ErrorKind::WrongType {
                        expected: "an object",
                    },
                    "",
                ));
            }
            if r.errors.len() > MAX_ERRORS {
                let found = r.errors.len();
                r.errors.truncate(MAX_ERRORS);
                r.errors.push(too_large(
                    "errors",
                    MAX_ERRORS,
                    found.to_string(),
                    String::new(),
                ));
            }
            Err(Errors {
                errors: std::mem::take(&mut r.errors),
            })
        }
    }
}

impl FromStr for Tender {
    type Err = Errors;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        read(s)
    }
}
