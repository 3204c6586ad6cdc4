//! Reading a tender file: JSON text in, a validated [`Tender`] out, or every error at once.
//!
//! The file is read by hand from a `serde_json::Value` rather than with `#[derive(Deserialize)]`:
//! serde stops at the first problem, and a buyer fixing a file wants all of them, each with its path
//! ("did you mean" hints included). Numbers keep their literal text (serde_json's
//! `arbitrary_precision`), so `1080000.50` and `"1080000.50"` are the same exact decimal and no
//! amount ever passes through `f64`.

use crate::error::{Error, ErrorKind, Errors};
use crate::model::*;
use crate::money::Plain;
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

/// The format this engine reads.
pub const FORMAT: &str = "bidscore/1";

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
/// The longest id, name, label, unit or other short text, in characters.
pub const MAX_NAME_CHARS: usize = 1_000;
/// The longest description, question, rationale, descriptor or note, in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// The most errors reported for one file; past them, the list ends with one more saying how many
/// there were. A list of thousands helps nobody and would freeze the page showing it.
pub const MAX_ERRORS: usize = 1_000;

/// Fields holding prose rather than a name: they may be up to [`MAX_TEXT_CHARS`] long.
const LONG_TEXT: &[&str] = &["description", "question", "rationale", "descriptor", "note"];

/// Names that become keys of JavaScript objects in the widget and cannot be used there.
const RESERVED: [&str; 3] = ["__proto__", "constructor", "prototype"];

/// One function for every limit, so the WebAssembly build carries one copy.
fn too_large(what: &'static str, limit: usize, found: String, path: String) -> Error {
    Error::new(ErrorKind::TooLarge { what, limit, found }, path)
}

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
    if text.len() > MAX_FILE_BYTES {
        return Err(file_too_large(text.len() as u64));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match serde_json::from_str::<Value>(text) {
        Ok(v) => {
            let duplicates = crate::jsontext::duplicate_keys(text);
            if duplicates.is_empty() {
                read_value(&v)
            } else {
                Err(Errors { errors: duplicates })
            }
        }
        Err(e) => {
            // Where the parser stopped, as a byte offset (its column counts bytes from 1).
            let line_start: usize = text
                .split_inclusive('\n')
                .take(e.line().saturating_sub(1))
                .map(str::len)
                .sum();
            let at = line_start + e.column();
            let error = crate::jsontext::lone_surrogate(text, at).unwrap_or_else(|| {
                Error::new(
                    ErrorKind::JsonSyntax {
                        detail: e.to_string(),
                    },
                    "",
                )
            });
            Err(one(error))
        }
    }
}

/// Validates an already parsed JSON document.
pub fn read_value(v: &Value) -> Result<Tender, Errors> {
    let mut r = Reader::default();
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
            Err(Errors { errors: r.errors })
        }
    }
}

#[derive(Default)]
struct Reader {
    errors: Vec<Error>,
    /// Ids of criteria and measures that are declared but invalid. Their own errors are already
    /// reported, so references to them are not reported again as unknown ("there is no measure
    /// local-jobs" for a measure whose proxy is negative would send the buyer the wrong way).
    broken_criteria: BTreeSet<String>,
    broken_measures: BTreeSet<String>,
    /// Names of scales that are declared but invalid, for the same reason.
    broken_scales: BTreeSet<String>,
}

/// The path of `key` inside the object at `path`: `scores.q1`, or `scores["a.b"]` when the key
/// could be misread as part of a path (it is empty, or holds `.`, `[`, `]`, `"`, `\\` or a control
/// character). The quoted form is the key as a JSON string, so every path reads one way back.
pub fn join(path: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && !key
            .chars()
            .any(|c| matches!(c, '.' | '[' | ']' | '"' | '\\') || c.is_control());
    match (plain, path.is_empty()) {
        (true, true) => key.to_string(),
        (true, false) => format!("{path}.{key}"),
        (false, _) => format!("{path}[{}]", serde_json::to_string(key).unwrap_or_default()),
    }
}

pub(crate) fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// The most decimal places a number in a file may have.
const MAX_DECIMAL_PLACES: u32 = 10;

/// The largest magnitude a number in a file may have: 10^12, more than any contract in pounds.
/// Evaluation multiplies and divides these numbers (quantity × proxy, marks × price ÷ price), and
/// exact decimals hold 28 digits: without a bound a file with a price of 10^27 made the engine
/// overflow and stop instead of reporting the number.
fn max_magnitude() -> Decimal {
    Decimal::from(1_000_000_000_000u64)
}

/// Whether the range `from`, `from + step`, … up to `to` has a second point: `{"from": 0, "to": 4,
/// "step": 5}` holds only 0, so its top is worth nothing and scores on it divide by zero. `to` and
/// `from` are at most 10^12 and `step` at least 10^-10, so the sum fits.
fn range_has_two_points(from: Decimal, to: Decimal, step: Decimal) -> bool {
    from + step <= to
}

/// Reads a decimal from a JSON number or string, exactly.
/// Whether `t` is written as a number (`-12.5`, `1e400`, `.5`), whatever its size: the difference
/// between "not a number" and "a number too large to hold". Checked by hand so the WebAssembly
/// build carries no floating-point parser.
fn well_formed(t: &str) -> bool {
    let t = t.strip_prefix(['-', '+']).unwrap_or(t);
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = digits(int) && digits(frac) && !(int.is_empty() && frac.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

pub(crate) fn parse_decimal(text: &str) -> Result<Decimal, ErrorKind> {
    let t = text.trim();
    let looks_numeric = !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
        && t.chars().any(|c| c.is_ascii_digit());
    if !looks_numeric {
        return Err(ErrorKind::InvalidNumber {
            found: text.to_string(),
        });
    }
    let parsed = if t.contains(['e', 'E']) {
        Decimal::from_scientific(t)
    } else {
        Decimal::from_str_exact(t)
    };
    match parsed {
        Ok(d) if d.abs() > max_magnitude() || d.normalize().scale() > MAX_DECIMAL_PLACES => {
            Err(ErrorKind::NumberOutOfRange {
                found: text.to_string(),
            })
        }
        Ok(d) => Ok(d),
        Err(_) if well_formed(t) => Err(ErrorKind::NumberOutOfRange {
            found: text.to_string(),
        }),
        Err(_) => Err(ErrorKind::InvalidNumber {
            found: text.to_string(),
        }),
    }
}

/// The closest known name to a misspelt field, if any is close enough to be a likely typo.
fn suggest(field: &str, known: &[&str]) -> Option<String> {
    // No field name is this long: a typo of one is not, and the distance would cost its length.
    if field.len() > 64 {
        return None;
    }
    let lower = field.to_ascii_lowercase();
    known
        .iter()
        .map(|k| (distance(&lower, &k.to_ascii_lowercase()), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.to_string())
}

/// Levenshtein distance, on characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// An object being read: knows its path and which fields it may hold.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    fn at(&self, field: &str) -> String {
        join(&self.path, field)
    }

    /// The value of a field; JSON `null` counts as absent.
    fn get(&self, field: &str) -> Option<&'a Value> {
        self.map.get(field).filter(|v| !v.is_null())
    }
}

impl Reader {
    fn err(&mut self, kind: ErrorKind, path: impl Into<String>) {
        self.errors.push(Error::new(kind, path));
    }

    /// Opens an object, reporting every field not in `known`.
    fn obj<'a>(&mut self, v: &'a Value, path: &str, known: &[&str]) -> Option<Obj<'a>> {
        let Value::Object(map) = v else {
            self.err(
                ErrorKind::WrongType {
                    expected: "an object",
                },
                path,
            );
            return None;
        };
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                self.err(
                    ErrorKind::UnknownField {
                        field: key.clone(),
                        suggestion: suggest(key, known),
                    },
                    join(path, key),
                );
            }
        }
        Some(Obj {
            map,
            path: path.to_string(),
        })
    }

    fn string(&mut self, o: &Obj, field: &str) -> Option<String> {
        match o.get(field)? {
            Value::String(s) => {
                let limit = if LONG_TEXT.contains(&field) {
                    MAX_TEXT_CHARS
                } else {
                    MAX_NAME_CHARS
                };
                self.length(s, limit, &|| o.at(field));
                Some(s.clone())
            }
            _ => {
                self.err(ErrorKind::WrongType { expected: "text" }, o.at(field));
                None
            }
        }
    }

    fn required_string(&mut self, o: &Obj, field: &str) -> Option<String> {
        if o.get(field).is_none() {
            self.err(
                ErrorKind::MissingField {
                    field: field.into(),
                },
                o.at(field),
            );
            return None;
        }
        self.string(o, field)
    }

    fn id(&mut self, o: &Obj) -> Option<String> {
        let id = self.required_string(o, "id")?;
        if id.trim().is_empty() {
            self.err(ErrorKind::EmptyId, o.at("id"));
            return None;
        }
        // Reported, but the id is still read: references to it are not errors of their own.
        self.reserved(&id, &|| o.at("id"));
        Some(id)
    }

    /// Reports text longer than `limit` characters.
    fn length(&mut self, s: &str, limit: usize, path: &dyn Fn() -> String) {
        // A character is at least one byte: most texts are cleared without counting.
        if s.len() > limit {
            let n = s.chars().count();
            if n > limit {
                self.errors
                    .push(too_large("characters", limit, n.to_string(), path()));
            }
        }
    }

    /// Reports a name that becomes a JavaScript object key and cannot be one.
    fn reserved(&mut self, name: &str, path: &dyn Fn() -> String) {
        if RESERVED.contains(&name) {
            self.err(ErrorKind::ReservedId { id: name.into() }, path());
        }
    }

    /// Checks a key that names something (a scale, an evaluator): its length, and that it is
    /// not reserved.
    fn key_name(&mut self, name: &str, path: &dyn Fn() -> String) {
        self.length(name, MAX_NAME_CHARS, path);
        self.reserved(name, path);
    }

    /// Reports a list or map with more than `limit` entries.
    fn count(&mut self, n: usize, limit: usize, what: &'static str, path: &str) {
        if n > limit {
            self.errors
                .push(too_large(what, limit, n.to_string(), path.into()));
        }
    }

    fn boolean(&mut self, v: &Value, path: &str) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(*b),
            _ => {
                self.err(
                    ErrorKind::WrongType {
                        expected: "true or false",
                    },
                    path,
                );
                None
            }
        }
    }

    fn decimal_value(&mut self, v: &Value, path: &str) -> Option<Decimal> {
        self.decimal_at(v, || path.to_string())
    }

    /// [`Self::decimal_value`] with the path built only for an error: a large tender holds
    /// hundreds of thousands of scores, nearly all of them fine.
    fn decimal_at(&mut self, v: &Value, path: impl FnOnce() -> String) -> Option<Decimal> {
        let text = match v {
            Value::Number(n) => n.as_str(),
            Value::String(s) => s.as_str(),
            _ => {
                self.err(
                    ErrorKind::WrongType {
                        expected: "a number (or a decimal in quotes)",
                    },
                    path(),
                );
                return None;
            }
        };
        match parse_decimal(text) {
            Ok(d) => Some(d),
            Err(kind) => {
                self.err(kind, path());
                None
            }
        }
    }

    fn decimal(&mut self, o: &Obj, field: &str) -> Option<Decimal> {
        let v = o.get(field)?;
        self.decimal_value(v, &o.at(field))
    }

    /// A decimal that must be zero or more.
    fn non_negative(&mut self, o: &Obj, field: &str) -> Option<Decimal> {
        let d = self.decimal(o, field)?;
        if d.is_sign_negative() && !d.is_zero() {
            self.err(
                ErrorKind::Negative {
                    found: d.to_string(),
                },
                o.at(field),
            );
            return None;
        }
        Some(d)
    }

    /// A decimal that must be more than zero.
    fn positive(&mut self, o: &Obj, field: &str) -> Option<Decimal> {
        let d = self.decimal(o, field)?;
        if d <= Decimal::ZERO {
            self.err(
                ErrorKind::NotPositive {
                    found: d.to_string(),
                },
                o.at(field),
            );
            return None;
        }
        Some(d)
    }

    fn required_positive(&mut self, o: &Obj, field: &str) -> Option<Decimal> {
        if o.get(field).is_none() {
            self.err(
                ErrorKind::MissingField {
                    field: field.into(),
                },
                o.at(field),
            );
            return None;
        }
        self.positive(o, field)
    }

    /// A string field that must be one of `allowed`, or absent (then `None`).
    fn choice(&mut self, o: &Obj, field: &str, allowed: &[&'static str]) -> Option<&'static str> {
        let s = self.string(o, field)?;
        match allowed.iter().find(|a| **a == s) {
            Some(a) => Some(a),
            None => {
                self.err(
                    ErrorKind::InvalidChoice {
                        found: s,
                        allowed: allowed.to_vec(),
                    },
                    o.at(field),
                );
                None
            }
        }
    }

    fn array<'a>(&mut self, v: &'a Value, path: &str) -> Option<&'a Vec<Value>> {
        match v {
            Value::Array(a) => Some(a),
            _ => {
                self.err(ErrorKind::WrongType { expected: "a list" }, path);
                None
            }
        }
    }

    fn map<'a>(&mut self, v: &'a Value, path: &str) -> Option<&'a Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            _ => {
                self.err(
                    ErrorKind::WrongType {
                        expected: "an object",
                    },
                    path,
                );
                None
            }
        }
    }

    // ---- the tender ----

    fn tender(&mut self, v: &Value) -> Option<Tender> {
        let root = self.obj(
            v,
            "",
            &[
                "format",
                "tender",
                "award",
                "rounding",
                "moderation",
                "tieBreak",
                "abnormallyLow",
                "scales",
                "measures",
                "criteria",
                "bids",
            ],
        )?;
        match root.get("format") {
            None => self.err(
                ErrorKind::UnsupportedFormat {
                    found: String::new(),
                },
                "format",
            ),
            Some(Value::String(f)) if f == FORMAT => {}
            Some(Value::String(f)) => {
                self.err(ErrorKind::UnsupportedFormat { found: f.clone() }, "format")
            }
            Some(_) => self.err(ErrorKind::WrongType { expected: "text" }, "format"),
        }
        let info = match root.get("tender") {
            Some(t) => self.info(t),
            None => TenderInfo {
                currency: "GBP".into(),
                ..TenderInfo::default()
            },
        };
        let award = self.award(root.get("award"));
        let rounding = self.rounding(root.get("rounding"));
        let moderation = self.moderation(root.get("moderation"));
        let abnormally_low_percent = self.abnormally_low(root.get("abnormallyLow"));
        let scales = self.scales(root.get("scales"));
        let measures = self.measures(root.get("measures"));
        let declared: BTreeSet<String> = crate::sorting::set_of(
            measures
                .iter()
                .map(|m| m.id.clone())
                .chain(self.broken_measures.iter().cloned()),
        );
        let measure_ids: BTreeSet<&str> =
            crate::sorting::set_of(declared.iter().map(String::as_str));

        let mut criteria = Vec::new();
        let mut seen = BTreeSet::new();
        let mut price_seen = None;
        match root.get("criteria") {
            None => self.err(
                ErrorKind::MissingField {
                    field: "criteria".into(),
                },
                "criteria",
            ),
            Some(c) => {
                if let Some(list) = self.array(c, "criteria") {
                    if list.is_empty() {
                        self.err(ErrorKind::EmptyCriteria, "criteria");
                    }
                    let n: usize = list.iter().map(tree_size).sum();
                    self.count(n, MAX_CRITERIA, "criteria", "criteria");
                    let mut ctx = TreeCtx {
                        depth: 0,
                        method: award,
                        scales: &scales,
                        measures: &measure_ids,
                        seen: &mut seen,
                        price_seen: &mut price_seen,
                    };
                    for (i, n) in list.iter().enumerate() {
                        if let Some(node) = self.node(n, &index("criteria", i), &mut ctx) {
                            criteria.push(node);
                        }
                    }
                }
            }
        }

        if award != AwardMethod::WeightedSum && price_seen.is_none() && !criteria.is_empty() {
            self.err(
                ErrorKind::PriceCriterionRequired {
                    method: award.as_str(),
                },
                "criteria",
            );
        }
        let mut tender = Tender {
            info,
            award,
            rounding,
            moderation,
            tie_break: Vec::new(),
            abnormally_low_percent,
            measures,
            criteria,
            bids: Vec::new(),
        };
        tender.tie_break = self.tie_break(root.get("tieBreak"), &tender);
        if let Some(b) = root.get("bids") {
            tender.bids = self.bids(b, &tender);
        }
        Some(tender)
    }

    fn info(&mut self, v: &Value) -> TenderInfo {
        let Some(o) = self.obj(
            v,
            "tender",
            &[
                "title",
                "buyer",
                "reference",
                "currency",
                "contractValue",
                "locale",
            ],
        ) else {
            return TenderInfo {
                currency: "GBP".into(),
                ..TenderInfo::default()
            };
        };
        let currency = match self.string(&o, "currency") {
            Some(c) if c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase()) => c,
            Some(_) => {
                self.err(
                    ErrorKind::WrongType {
                        expected: "a three-letter currency code such as GBP",
                    },
                    "tender.currency",
                );
                "GBP".into()
            }
            None => "GBP".into(),
        };
        TenderInfo {
            title: self.string(&o, "title"),
            buyer: self.string(&o, "buyer"),
            reference: self.string(&o, "reference"),
            currency,
            contract_value: {
                let v = self.positive(&o, "contractValue");
                self.at_least_one(v, &o, "contractValue");
                v
            },
            locale: self.string(&o, "locale"),
        }
    }

    fn award(&mut self, v: Option<&Value>) -> AwardMethod {
        let Some(o) =
            v.and_then(|v| self.obj(v, "award", &["method", "scale", "band", "bandDecider"]))
        else {
            return AwardMethod::WeightedSum;
        };
        let method = self.choice(
            &o,
            "method",
            &[
                "weighted-sum",
                "price-per-quality-point",
                "quality-price-ratio",
                "fictitious-discount",
            ],
        );
        // An unknown method still has its parameters checked: they may be wrong too.
        let unknown = method.is_none() && o.get("method").is_some();
        match method {
            Some("price-per-quality-point") => AwardMethod::PricePerQualityPoint,
            Some("fictitious-discount") => AwardMethod::FictitiousDiscount,
            Some("quality-price-ratio") | None if unknown || method.is_some() => {
                let scale = self
                    .positive(&o, "scale")
                    .unwrap_or(Decimal::from(1_000_000));
                let band = self.decimal(&o, "band");
                let band = match band {
                    Some(b) if b <= Decimal::ZERO || b >= Decimal::ONE => {
                        self.err(
                            ErrorKind::InvalidBand {
                                found: Plain(b).to_string(),
                            },
                            o.at("band"),
                        );
                        None
                    }
                    b => b,
                };
                let decider = match self.choice(&o, "bandDecider", &["quality", "price"]) {
                    Some("price") => BandDecider::Price,
                    _ => BandDecider::Quality,
                };
                if unknown {
                    return AwardMethod::WeightedSum;
                }
                AwardMethod::QualityPriceRatio {
                    scale,
                    band,
                    decider,
                }
            }
            _ => AwardMethod::WeightedSum,
        }
    }

    fn rounding(&mut self, v: Option<&Value>) -> Rounding {
        let mut r = Rounding {
            decimals: 2,
            stage: RoundingStage::Criterion,
        };
        let Some(o) = v.and_then(|v| self.obj(v, "rounding", &["decimals", "stage"])) else {
            return r;
        };
        if let Some(d) = self.decimal(&o, "decimals") {
            // "3.0" is the whole number 3: read the value, not its text.
            let whole = (d.fract().is_zero() && d >= Decimal::ZERO && d <= Decimal::TEN)
                .then(|| rust_decimal::prelude::ToPrimitive::to_u32(&d))
                .flatten();
            if let Some(n) = whole {
                r.decimals = n;
            } else {
                self.err(
                    ErrorKind::InvalidDecimals {
                        found: d.to_string(),
                    },
                    "rounding.decimals",
                );
            }
        }
        r.stage = match self.choice(&o, "stage", &["criterion", "total", "none"]) {
            Some("total") => RoundingStage::Total,
            Some("none") => RoundingStage::None,
            _ => RoundingStage::Criterion,
        };
        r
    }

    fn moderation(&mut self, v: Option<&Value>) -> Moderation {
        let mut m = Moderation {
            method: ModerationMethod::Mean,
            flag_spread: Decimal::ONE,
        };
        let Some(o) = v.and_then(|v| self.obj(v, "moderation", &["method", "flagSpread"])) else {
            return m;
        };
        if self.choice(&o, "method", &["mean", "median"]) == Some("median") {
            m.method = ModerationMethod::Median;
        }
        if let Some(s) = self.non_negative(&o, "flagSpread") {
            m.flag_spread = s;
        }
        m
    }

    fn abnormally_low(&mut self, v: Option<&Value>) -> Decimal {
        let default = Decimal::from(15);
        let Some(o) = v.and_then(|v| self.obj(v, "abnormallyLow", &["percent"])) else {
            return default;
        };
        self.positive(&o, "percent").unwrap_or(default)
    }

    fn scales(&mut self, v: Option<&Value>) -> BTreeMap<String, Scale> {
        let mut out = BTreeMap::new();
        let Some(v) = v else { return out };
        let Some(map) = self.map(v, "scales") else {
            return out;
        };
        for (name, s) in map {
            let path = join("scales", name);
            self.key_name(name, &|| path.clone());
            match self.scale(name, s, &path) {
                Some(scale) => {
                    out.insert(name.clone(), scale);
                }
                None => {
                    self.broken_scales.insert(name.clone());
                }
            }
        }
        out
    }

    fn scale(&mut self, name: &str, v: &Value, path: &str) -> Option<Scale> {
        let o = self.obj(v, path, &["points", "from", "to", "step", "description"])?;
        if let Some(points) = o.get("points") {
            let list = self.array(points, &o.at("points"))?;
            if list.len() > MAX_SCALE_POINTS {
                self.count(list.len(), MAX_SCALE_POINTS, "points", &o.at("points"));
                return None;
            }
            let mut out: Vec<ScalePoint> = Vec::new();
            let errors_before = self.errors.len();
            for (i, p) in list.iter().enumerate() {
                let pp = index(&o.at("points"), i);
                let Some(po) = self.obj(p, &pp, &["value", "label", "descriptor"]) else {
                    continue;
                };
                if po.get("value").is_none() {
                    self.err(
                        ErrorKind::MissingField {
                            field: "value".into(),
                        },
                        po.at("value"),
                    );
                    continue;
                }
                let Some(value) = self.non_negative(&po, "value") else {
                    continue;
                };
                if out.iter().any(|q| q.value == value) {
                    self.err(
                        ErrorKind::InvalidScale {
                            reason: "two points have the same value",
                        },
                        po.at("value"),
                    );
                    continue;
                }
                out.push(ScalePoint {
                    value,
                    label: self.string(&po, "label"),
                    descriptor: self.string(&po, "descriptor"),
                });
            }
            if self.errors.len() > errors_before {
                return None;
            }
            crate::sorting::sort(&mut out, &|a, b| a.value.cmp(&b.value));
            if out.len() < 2 {
                self.err(
                    ErrorKind::InvalidScale {
                        reason: "a scale needs at least two points",
                    },
                    o.at("points"),
                );
                return None;
            }
            if out.last().map(|p| p.value) == Some(Decimal::ZERO) {
                self.err(
                    ErrorKind::InvalidScale {
                        reason: "the top point must be worth more than zero",
                    },
                    o.at("points"),
                );
                return None;
            }
            return Some(Scale {
                name: name.into(),
                points: ScalePoints::Points(out),
            });
        }
        let (Some(_), Some(_), Some(_)) = (o.get("from"), o.get("to"), o.get("step")) else {
            self.err(
                ErrorKind::InvalidScale {
                    reason: "give either \"points\" or all of \"from\", \"to\" and \"step\"",
                },
                path,
            );
            return None;
        };
        let from = self.non_negative(&o, "from");
        let to = self.decimal(&o, "to");
        let step = self.positive(&o, "step");
        let (from, to, step) = (from?, to?, step?);
        if to <= from {
            self.err(
                ErrorKind::InvalidScale {
                    reason: "\"to\" must be more than \"from\"",
                },
                o.at("to"),
            );
            return None;
        }
        if !range_has_two_points(from, to, step) {
            self.err(
                ErrorKind::InvalidScale {
                    reason: "a scale needs at least two points",
                },
                o.at("step"),
            );
            return None;
        }
        // At most 10^12 / 10^-10 = 10^22 steps: an exact decimal holds that.
        let points = (to - from)
            .checked_div(step)
            .map(|n| n.floor() + Decimal::ONE);
        if points.is_none_or(|n| n > Decimal::from(MAX_SCALE_POINTS)) {
            let found = points.map(|n| Plain(n).to_string()).unwrap_or_default();
            self.errors
                .push(too_large("points", MAX_SCALE_POINTS, found, o.at("step")));
            return None;
        }
        Some(Scale {
            name: name.into(),
            points: ScalePoints::Range { from, to, step },
        })
    }

    /// Refuses an amount a worked example or a score would divide by after rounding it to whole
    /// units: the published example prices three made-up bids at 80%, 90% and 100% of the
    /// contract value, ceiling or reference, rounded to whole units, and 80% of less than 1 rounds
    /// to nothing.
    fn at_least_one(&mut self, amount: Option<Decimal>, o: &Obj, field: &str) {
        if let Some(a) = amount.filter(|a| *a < Decimal::ONE) {
            self.err(
                ErrorKind::AmountBelowOne {
                    found: Plain(a).to_string(),
                },
                o.at(field),
            );
        }
    }

    fn measures(&mut self, v: Option<&Value>) -> Vec<Measure> {
        let mut out: Vec<Measure> = Vec::new();
        let Some(v) = v else { return out };
        let Some(list) = self.array(v, "measures") else {
            return out;
        };
        self.count(list.len(), MAX_MEASURES, "measures", "measures");
        let mut ids = BTreeSet::new();
        for (i, m) in list.iter().enumerate() {
            let path = index("measures", i);
            let Some(o) = self.obj(
                m,
                &path,
                &["id", "name", "unit", "proxy", "source", "licence"],
            ) else {
                continue;
            };
            let id = self.id(&o);
            let name = self.required_string(&o, "name");
            let unit = self.required_string(&o, "unit");
            let proxy = if o.get("proxy").is_none() {
                self.err(
                    ErrorKind::MissingField {
                        field: "proxy".into(),
                    },
                    o.at("proxy"),
                );
                None
            } else {
                self.non_negative(&o, "proxy")
            };
            let source = self.string(&o, "source");
            let licence = self.string(&o, "licence");
            if let Some(id) = &id {
                if !ids.insert(id.clone()) {
                    self.err(ErrorKind::DuplicateId { id: id.clone() }, o.at("id"));
                    continue;
                }
            }
            match (id, name, unit, proxy) {
                (Some(id), Some(name), Some(unit), Some(proxy)) => out.push(Measure {
                    id,
                    name,
                    unit,
                    proxy,
                    source,
                    licence,
                }),
                (Some(id), ..) => {
                    self.broken_measures.insert(id);
                }
                _ => {}
            }
        }
        out
    }

    fn node(&mut self, v: &Value, path: &str, ctx: &mut TreeCtx) -> Option<Node> {
        let is_group = matches!(v, Value::Object(m) if m.contains_key("children"));
        if is_group {
            self.group(v, path, ctx).map(Node::Group)
        } else {
            let leaf = self.leaf(v, path, ctx);
            if leaf.is_none() {
                if let Some(id) = v.get("id").and_then(Value::as_str) {
                    self.broken_criteria.insert(id.to_string());
                }
            }
            leaf.map(Node::Leaf)
        }
    }

    fn check_unique(&mut self, id: &str, o: &Obj, ctx: &mut TreeCtx) -> bool {
        if !ctx.seen.insert(id.to_string()) {
            self.err(ErrorKind::DuplicateId { id: id.into() }, o.at("id"));
            return false;
        }
        true
    }

    fn group(&mut self, v: &Value, path: &str, ctx: &mut TreeCtx) -> Option<Group> {
        let o = self.obj(
            v,
            path,
            &[
                "id",
                "name",
                "weight",
                "category",
                "children",
                "description",
            ],
        )?;
        let id = self.id(&o);
        if let Some(id) = &id {
            self.check_unique(id, &o, ctx);
        }
        if ctx.depth == MAX_GROUP_DEPTH {
            let found = ctx.depth + group_depth(v);
            self.errors.push(too_large(
                "levels of groups",
                MAX_GROUP_DEPTH,
                found.to_string(),
                path.into(),
            ));
        }
        let name = self.string(&o, "name");
        let category = self.string(&o, "category");
        let stated = self.non_negative(&o, "weight");
        let mut children = Vec::new();
        let mut complete = true;
        if let Some(list) = o
            .get("children")
            .and_then(|c| self.array(c, &o.at("children")))
        {
            if list.is_empty() {
                self.err(ErrorKind::EmptyCriteria, o.at("children"));
            }
            ctx.depth += 1;
            for (i, c) in list.iter().enumerate() {
                match self.node(c, &index(&o.at("children"), i), ctx) {
                    Some(n) => children.push(n),
                    None => complete = false,
                }
            }
            ctx.depth -= 1;
        }
        let marks: Decimal = children
            .iter()
            .map(|n| match n {
                Node::Group(g) => g.marks,
                Node::Leaf(c) => c.marks,
            })
            .sum();
        if let (Some(stated), Some(gid), true) = (stated, &id, complete) {
            if stated != marks {
                self.err(
                    ErrorKind::GroupWeightMismatch {
                        id: gid.clone(),
                        stated: crate::money::plain(stated),
                        children: crate::money::plain(marks),
                    },
                    o.at("weight"),
                );
            }
        }
        let id = id?;
        Some(Group {
            name: name.unwrap_or_else(|| id.clone()),
            id,
            category,
            marks,
            children,
        })
    }

    fn leaf(&mut self, v: &Value, path: &str, ctx: &mut TreeCtx) -> Option<Criterion> {
        const COMMON: &[&str] = &[
            "id",
            "name",
            "kind",
            "weight",
            "description",
            "question",
            "value",
        ];
        let kind_name = match v {
            Value::Object(m) => m.get("kind").and_then(|k| k.as_str()).unwrap_or(""),
            _ => "",
        };
        const PRICE: &[&str] = &[
            "formula",
            "zeroAt",
            "best",
            "worst",
            "reference",
            "cap",
            "ceiling",
            "aboveCeiling",
        ];
        const SCORED: &[&str] = &["scale", "threshold"];
        const NUMERIC: &[&str] = &["unit", "direction"];
        const MEASURES: &[&str] = &["measures", "svScoring", "target"];
        let extra: Vec<&str> = match kind_name {
            "price" => PRICE.to_vec(),
            "scored" => SCORED.to_vec(),
            // A numeric criterion takes the price formulas' parameters, but no ceiling.
            "numeric" => NUMERIC.iter().chain(&PRICE[..6]).copied().collect(),
            "measures" => MEASURES.to_vec(),
            "pass-fail" => Vec::new(),
            // Without a known kind the reader cannot tell which fields belong; the missing or
            // unknown kind is the error to report, not every field that comes with it.
            _ => [PRICE, SCORED, NUMERIC, MEASURES].concat(),
        };
        let known: Vec<&str> = COMMON.iter().chain(extra.iter()).copied().collect();
        let o = self.obj(v, path, &known)?;
        let id = self.id(&o);
        if let Some(id) = &id {
            self.check_unique(id, &o, ctx);
        }
        let name = self.string(&o, "name");
        let description = self
            .string(&o, "description")
            .or_else(|| self.string(&o, "question"));
        let weight = self.non_negative(&o, "weight");
        let weight = self.method_weight(&o, kind_name, weight, id.as_deref(), ctx.method);
        let kind_name = if o.get("kind").is_none() {
            self.err(
                ErrorKind::MissingField {
                    field: "kind".into(),
                },
                o.at("kind"),
            );
            None
        } else {
            self.choice(
                &o,
                "kind",
                &["price", "scored", "numeric", "measures", "pass-fail"],
            )
        };
        let Some(kind_name) = kind_name else {
            self.probe(&o);
            return None;
        };
        let kind = match kind_name {
            "price" => {
                if ctx.price_seen.is_some() {
                    self.err(
                        ErrorKind::SecondPriceCriterion {
                            id: id.clone().unwrap_or_default(),
                        },
                        o.at("kind"),
                    );
                } else {
                    *ctx.price_seen = id.clone();
                }
                let formula = self.formula(&o, Some(Direction::Lower));
                return self.finish_price(o, id, name, weight, description, formula);
            }
            "scored" => {
                let scale = match self.required_string(&o, "scale") {
                    Some(n) => match ctx.scales.get(&n) {
                        Some(s) => Some(s.clone()),
                        None => {
                            if !self.broken_scales.contains(&n) {
                                self.err(ErrorKind::UnknownScale { scale: n }, o.at("scale"));
                            }
                            None
                        }
                    },
                    None => None,
                };
                let threshold = self.decimal(&o, "threshold");
                let scale = scale?;
                if let Some(t) = threshold {
                    if t > scale.top() || t < Decimal::ZERO {
                        self.err(
                            ErrorKind::ThresholdOffScale {
                                threshold: crate::money::plain(t),
                                top: crate::money::plain(scale.top()),
                            },
                            o.at("threshold"),
                        );
                    }
                }
                Kind::Scored { scale, threshold }
            }
            "numeric" => {
                let direction = match self.choice(&o, "direction", &["higher", "lower"]) {
                    Some("lower") => Some(Direction::Lower),
                    Some(_) => Some(Direction::Higher),
                    None => {
                        if o.get("direction").is_none() {
                            self.err(
                                ErrorKind::MissingField {
                                    field: "direction".into(),
                                },
                                o.at("direction"),
                            );
                        }
                        None
                    }
                };
                // Read even when the direction is in error: the formula may be wrong as well.
                let formula = match o.get("formula").map(|f| f.as_str()) {
                    None | Some(Some("relative-to-best")) => Some(NumericFormula::RelativeToBest),
                    Some(Some("set-bounds")) => self
                        .bounds(&o, direction)
                        .map(|(best, worst)| NumericFormula::SetBounds { best, worst }),
                    _ => self.formula(&o, direction).map(NumericFormula::Price),
                };
                let unit = self.string(&o, "unit");
                Kind::Numeric {
                    unit,
                    direction: direction?,
                    formula: formula?,
                }
            }
            "measures" => {
                let mut list = Vec::new();
                match o.get("measures") {
                    None => self.err(
                        ErrorKind::NoMeasures {
                            id: id.clone().unwrap_or_default(),
                        },
                        o.at("measures"),
                    ),
                    Some(m) => {
                        if let Some(items) = self.array(m, &o.at("measures")) {
                            if items.is_empty() {
                                self.err(
                                    ErrorKind::NoMeasures {
                                        id: id.clone().unwrap_or_default(),
                                    },
                                    o.at("measures"),
                                );
                            }
                            for (i, item) in items.iter().enumerate() {
                                let p = index(&o.at("measures"), i);
                                match item.as_str() {
                                    Some(mid) if ctx.measures.contains(mid) => {
                                        list.push(mid.to_string())
                                    }
                                    Some(mid) => {
                                        self.err(ErrorKind::UnknownMeasure { id: mid.into() }, p)
                                    }
                                    None => self.err(ErrorKind::WrongType { expected: "text" }, p),
                                }
                            }
                        }
                    }
                }
                let scoring = self.choice(
                    &o,
                    "svScoring",
                    &[
                        "relative-to-highest",
                        "relative-to-highest-percent",
                        "target",
                    ],
                );
                if scoring.is_none() && o.get("svScoring").is_some() {
                    // Unknown scoring: its target is still checked.
                    self.positive(&o, "target");
                    return None;
                }
                let scoring = match scoring {
                    Some("relative-to-highest-percent") => SvScoring::RelativeToHighestPercent,
                    Some("target") => {
                        if o.get("target").is_none() {
                            self.err(
                                ErrorKind::MissingTarget {
                                    id: id.clone().unwrap_or_default(),
                                },
                                o.at("target"),
                            );
                            return None;
                        }
                        SvScoring::Target(self.positive(&o, "target")?)
                    }
                    _ => SvScoring::RelativeToHighest,
                };
                Kind::Measures {
                    measures: list,
                    scoring,
                }
            }
            _ => {
                if let Some(w) = weight {
                    if !w.is_zero() {
                        self.err(
                            ErrorKind::GateHasWeight {
                                id: id.clone().unwrap_or_default(),
                            },
                            o.at("weight"),
                        );
                    }
                }
                let id = id?;
                return Some(Criterion {
                    name: name.unwrap_or_else(|| id.clone()),
                    id,
                    marks: Decimal::ZERO,
                    description,
                    kind: Kind::PassFail,
                });
            }
        };
        self.finish_leaf(&o, id, name, weight, description, kind)
    }

    /// Without a known kind, each field a kind may have is still checked on its own terms: the
    /// kind's error should not hide a ceiling that is not a number.
    fn probe(&mut self, o: &Obj) {
        self.string(o, "scale");
        self.decimal(o, "threshold");
        self.string(o, "unit");
        self.choice(o, "direction", &["higher", "lower"]);
        self.formula(o, None);
        self.positive(o, "ceiling");
        self.choice(o, "aboveCeiling", &["disqualify", "zero"]);
        if let Some(m) = o.get("measures") {
            self.array(m, &o.at("measures"));
        }
        self.choice(
            o,
            "svScoring",
            &[
                "relative-to-highest",
                "relative-to-highest-percent",
                "target",
            ],
        );
        self.positive(o, "target");
    }

    fn finish_price(
        &mut self,
        o: Obj,
        id: Option<String>,
        name: Option<String>,
        weight: Option<Decimal>,
        description: Option<String>,
        formula: Option<Formula>,
    ) -> Option<Criterion> {
        let ceiling = self.positive(&o, "ceiling");
        self.at_least_one(ceiling, &o, "ceiling");
        match formula {
            Some(Formula::ReferenceRatio { reference, .. }) => {
                self.at_least_one(Some(reference), &o, "reference")
            }
            Some(Formula::SetBounds { worst, .. }) => self.at_least_one(Some(worst), &o, "worst"),
            _ => {}
        }
        let ceiling = match ceiling {
            Some(amount) => Some(Ceiling {
                amount,
                above: match self.choice(&o, "aboveCeiling", &["disqualify", "zero"]) {
                    Some("zero") => AboveCeiling::Zero,
                    _ => AboveCeiling::Disqualify,
                },
            }),
            None => {
                self.choice(&o, "aboveCeiling", &["disqualify", "zero"]);
                None
            }
        };
        self.finish_leaf(
            &o,
            id,
            name,
            weight,
            description,
            Kind::Price {
                formula: formula?,
                ceiling,
            },
        )
    }

    /// The marks a leaf carries under the award method: the price has none outside the weighted
    /// sum, and under the fictitious discount every other criterion carries its money `value`.
    fn method_weight(
        &mut self,
        o: &Obj,
        kind: &str,
        weight: Option<Decimal>,
        id: Option<&str>,
        method: AwardMethod,
    ) -> Option<Decimal> {
        match (kind, method) {
            (_, AwardMethod::WeightedSum) | ("pass-fail", _) => weight,
            ("price", _) => {
                if weight.is_some_and(|w| !w.is_zero()) {
                    self.err(
                        ErrorKind::PriceHasWeight {
                            method: method.as_str(),
                        },
                        o.at("weight"),
                    );
                }
                Some(Decimal::ZERO)
            }
            (_, AwardMethod::FictitiousDiscount) => {
                if o.get("value").is_none() {
                    self.err(
                        ErrorKind::MissingMoneyValue {
                            id: id.unwrap_or_default().to_string(),
                        },
                        o.at("value"),
                    );
                    return None;
                }
                self.non_negative(o, "value")
            }
            _ => weight,
        }
    }

    fn finish_leaf(
        &mut self,
        o: &Obj,
        id: Option<String>,
        name: Option<String>,
        weight: Option<Decimal>,
        description: Option<String>,
        kind: Kind,
    ) -> Option<Criterion> {
        let id = id?;
        let marks = match weight {
            Some(w) => w,
            None => {
                if o.get("weight").is_none() {
                    self.err(ErrorKind::MissingWeight { id: id.clone() }, o.at("weight"));
                }
                return None;
            }
        };
        Some(Criterion {
            name: name.unwrap_or_else(|| id.clone()),
            id,
            marks,
            description,
            kind,
        })
    }

    /// Reads `best` and `worst` for `set-bounds`; best must be the better end for the direction
    /// (not checked when the direction is itself in error).
    fn bounds(&mut self, o: &Obj, direction: Option<Direction>) -> Option<(Decimal, Decimal)> {
        let read = |r: &mut Self, f: &str| {
            if o.get(f).is_none() {
                r.err(ErrorKind::MissingField { field: f.into() }, o.at(f));
                return None;
            }
            r.non_negative(o, f)
        };
        let best = read(self, "best");
        let worst = read(self, "worst");
        let (best, worst) = (best?, worst?);
        let right_way = match direction? {
            Direction::Lower => best < worst,
            Direction::Higher => best > worst,
        };
        if !right_way {
            self.err(
                ErrorKind::InvalidBounds {
                    best: crate::money::plain(best),
                    worst: crate::money::plain(worst),
                },
                o.at("best"),
            );
            return None;
        }
        Some((best, worst))
    }

    /// Reads a lower-is-better formula and its parameters (spec §3). `direction` is `None` when
    /// it is itself in error; a formula that is unknown has every parameter given checked on its
    /// own terms, so that one mistake does not hide the next.
    fn formula(&mut self, o: &Obj, direction: Option<Direction>) -> Option<Formula> {
        let name = if o.get("formula").is_none() {
            Some("lowest-ratio")
        } else {
            self.choice(
                o,
                "formula",
                if o.map.get("kind").and_then(|k| k.as_str()) == Some("price") {
                    &[
                        "lowest-ratio",
                        "linear-min-max",
                        "deviation-from-lowest",
                        "set-bounds",
                        "reference-ratio",
                    ]
                } else {
                    &[
                        "relative-to-best",
                        "set-bounds",
                        "lowest-ratio",
                        "linear-min-max",
                        "deviation-from-lowest",
                        "reference-ratio",
                    ]
                },
            )
        };
        let mut usable = name.is_some();
        if let (Some(Direction::Higher), Some(name)) = (direction, name) {
            self.err(
                ErrorKind::FormulaNotAllowed {
                    formula: name.into(),
                    direction: Direction::Higher.as_str(),
                },
                o.at("formula"),
            );
            usable = false;
        }
        let uses = |f: &str| name.is_none_or(|n| n == f);
        let zero_at = match o.get("zeroAt") {
            Some(_) if uses("deviation-from-lowest") => match self.decimal(o, "zeroAt") {
                Some(k) if k <= Decimal::ONE => {
                    self.err(
                        ErrorKind::ZeroAtTooLow {
                            found: crate::money::plain(k),
                        },
                        o.at("zeroAt"),
                    );
                    None
                }
                k => k,
            },
            _ => Some(Decimal::TWO),
        };
        let bounds = if name == Some("set-bounds") {
            self.bounds(o, direction)
        } else {
            if name.is_none() {
                self.non_negative(o, "best");
                self.non_negative(o, "worst");
            }
            None
        };
        let reference = if name == Some("reference-ratio") {
            self.required_positive(o, "reference")
        } else {
            if name.is_none() {
                self.positive(o, "reference");
            }
            None
        };
        let cap = match o.get("cap") {
            Some(v) if uses("reference-ratio") => self.boolean(v, &o.at("cap")),
            _ => Some(true),
        };
        if !usable {
            return None;
        }
        Some(match name? {
            "linear-min-max" => Formula::LinearMinMax,
            "deviation-from-lowest" => Formula::DeviationFromLowest { zero_at: zero_at? },
            "set-bounds" => {
                let (best, worst) = bounds?;
                Formula::SetBounds { best, worst }
            }
            "reference-ratio" => Formula::ReferenceRatio {
                reference: reference?,
                cap: cap?,
            },
            _ => Formula::LowestRatio,
        })
    }

    fn tie_break(&mut self, v: Option<&Value>, t: &Tender) -> Vec<TieBreak> {
        let mut out = Vec::new();
        let Some(v) = v else { return out };
        let Some(list) = self.array(v, "tieBreak") else {
            return out;
        };
        let groups: BTreeSet<&str> =
            crate::sorting::set_of(t.groups().iter().map(|g| g.id.as_str()));
        let leaves: BTreeSet<&str> = crate::sorting::set_of(
            t.leaves()
                .iter()
                .filter(|c| c.kind != Kind::PassFail)
                .map(|c| c.id.as_str()),
        );
        for (i, e) in list.iter().enumerate() {
            let path = index("tieBreak", i);
            let Some(s) = e.as_str() else {
                self.err(ErrorKind::WrongType { expected: "text" }, path);
                continue;
            };
            let rule = if s == "price" {
                Some(TieBreak::Price)
            } else if let Some(g) = s.strip_prefix("group:").filter(|g| groups.contains(g)) {
                Some(TieBreak::Score(g.into()))
            } else {
                s.strip_prefix("criterion:")
                    .filter(|c| leaves.contains(c))
                    .map(|c| TieBreak::Score(c.into()))
            };
            let broken = s
                .split_once(':')
                .is_some_and(|(_, id)| self.broken_criteria.contains(id));
            match rule {
                Some(r) => out.push(r),
                None if broken => {}
                None => self.err(ErrorKind::UnknownTieBreak { entry: s.into() }, path),
            }
        }
        out
    }

    fn bids(&mut self, v: &Value, t: &Tender) -> Vec<Bid> {
        let mut out: Vec<Bid> = Vec::new();
        let Some(list) = self.array(v, "bids") else {
            return out;
        };
        let leaves: BTreeMap<&str, &Criterion> =
            crate::sorting::map_of(t.leaves().into_iter().map(|c| (c.id.as_str(), c)));
        let measures: BTreeSet<&str> =
            crate::sorting::set_of(t.measures.iter().map(|m| m.id.as_str()));
        self.count(list.len(), MAX_BIDS, "bids", "bids");
        let mut bid_ids = BTreeSet::new();
        for (i, b) in list.iter().enumerate() {
            let path = index("bids", i);
            let Some(o) = self.obj(
                b,
                &path,
                &[
                    "id",
                    "supplier",
                    "price",
                    "gates",
                    "scores",
                    "values",
                    "commitments",
                    "note",
                    "hypothetical",
                ],
            ) else {
                continue;
            };
            let id = self.id(&o);
            if let Some(id) = &id {
                // A set, not a scan of the bids read so far: that made reading quadratic.
                if !bid_ids.insert(id.clone()) {
                    self.err(ErrorKind::DuplicateId { id: id.clone() }, o.at("id"));
                }
            }
            let supplier = self.string(&o, "supplier");
            let price = self.positive(&o, "price");
            let hypothetical = match o.get("hypothetical") {
                Some(h) => self.boolean(h, &o.at("hypothetical")).unwrap_or(false),
                None => false,
            };
            let note = self.string(&o, "note");

            let mut gates = BTreeMap::new();
            let gates_at = o.at("gates");
            if let Some(m) = o.get("gates").and_then(|g| self.map(g, &gates_at)) {
                for (cid, val) in m {
                    let p = join(&gates_at, cid);
                    if val.is_null() || !self.expect_kind(&leaves, cid, "pass-fail", &p) {
                        continue;
                    }
                    if let Some(b) = self.boolean(val, &p) {
                        gates.insert(cid.clone(), b);
                    }
                }
            }

            let mut scores = BTreeMap::new();
            let scores_at = o.at("scores");
            if let Some(m) = o.get("scores").and_then(|s| self.map(s, &scores_at)) {
                for (cid, val) in m {
                    let p = join(&scores_at, cid);
                    // `null` is absent (as for gates, values and commitments): not scored yet.
                    if val.is_null() || !self.expect_kind(&leaves, cid, "scored", &p) {
                        continue;
                    }
                    let Some(Kind::Scored { scale, .. }) =
                        leaves.get(cid.as_str()).map(|c| &c.kind)
                    else {
                        continue;
                    };
                    if let Some(marking) = self.marking(val, &p, scale) {
                        scores.insert(cid.clone(), marking);
                    }
                }
            }

            let mut values = BTreeMap::new();
            let values_at = o.at("values");
            if let Some(m) = o.get("values").and_then(|s| self.map(s, &values_at)) {
                for (cid, val) in m {
                    let p = join(&values_at, cid);
                    if val.is_null() || !self.expect_kind(&leaves, cid, "numeric", &p) {
                        continue;
                    }
                    let Some(d) = self.decimal_value(val, &p) else {
                        continue;
                    };
                    let needs_positive = matches!(
                        leaves.get(cid.as_str()).map(|c| &c.kind),
                        Some(Kind::Numeric {
                            direction: Direction::Lower,
                            formula: NumericFormula::RelativeToBest
                                | NumericFormula::Price(
                                    Formula::LowestRatio | Formula::ReferenceRatio { .. }
                                ),
                            ..
                        })
                    );
                    if needs_positive && d <= Decimal::ZERO {
                        self.err(
                            ErrorKind::NotPositive {
                                found: d.to_string(),
                            },
                            p,
                        );
                    } else if d < Decimal::ZERO {
                        self.err(
                            ErrorKind::Negative {
                                found: d.to_string(),
                            },
                            p,
                        );
                    } else {
                        values.insert(cid.clone(), d);
                    }
                }
            }

            let mut commitments = BTreeMap::new();
            let commitments_at = o.at("commitments");
            if let Some(m) = o
                .get("commitments")
                .and_then(|s| self.map(s, &commitments_at))
            {
                for (mid, val) in m {
                    let p = join(&commitments_at, mid);
                    if val.is_null() {
                        continue;
                    }
                    if !measures.contains(mid.as_str()) {
                        if !self.broken_measures.contains(mid) {
                            self.err(ErrorKind::UnknownMeasure { id: mid.clone() }, p);
                        }
                        continue;
                    }
                    let Some(d) = self.decimal_value(val, &p) else {
                        continue;
                    };
                    if d < Decimal::ZERO {
                        self.err(
                            ErrorKind::Negative {
                                found: d.to_string(),
                            },
                            p,
                        );
                    } else {
                        commitments.insert(mid.clone(), d);
                    }
                }
            }

            if let Some(id) = id {
                out.push(Bid {
                    supplier: supplier.unwrap_or_else(|| id.clone()),
                    id,
                    price,
                    gates,
                    scores,
                    values,
                    commitments,
                    note,
                    hypothetical,
                });
            }
        }
        out
    }

    /// Checks that a bid's input names a criterion of the right kind.
    fn expect_kind(
        &mut self,
        leaves: &BTreeMap<&str, &Criterion>,
        id: &str,
        kind: &'static str,
        path: &str,
    ) -> bool {
        match leaves.get(id) {
            None => {
                if !self.broken_criteria.contains(id) {
                    self.err(ErrorKind::UnknownCriterion { id: id.into() }, path);
                }
                false
            }
            Some(c) if c.kind.as_str() != kind => {
                self.err(
                    ErrorKind::WrongInputKind {
                        id: id.into(),
                        kind: c.kind.as_str(),
                    },
                    path,
                );
                false
            }
            Some(_) => true,
        }
    }

    fn marking(&mut self, v: &Value, path: &str, scale: &Scale) -> Option<Marking> {
        let o = self.obj(v, path, &["evaluators", "moderated", "rationale"])?;
        let mut m = Marking {
            rationale: self.string(&o, "rationale"),
            ..Marking::default()
        };
        if let Some(ev) = o.get("evaluators") {
            let at = o.at("evaluators");
            if let Some(ev) = self.map(ev, &at) {
                self.count(ev.len(), MAX_EVALUATORS, "evaluators", &at);
                for (name, val) in ev {
                    self.key_name(name, &|| join(&at, name));
                    if val.is_null() {
                        continue;
                    }
                    if let Some(s) = self.on_scale(val, || join(&at, name), scale) {
                        m.evaluators.push((name.clone(), s));
                    }
                }
            }
        }
        if let Some(val) = o.get("moderated") {
            m.moderated = self.on_scale(val, || o.at("moderated"), scale);
        }
        Some(m)
    }

    fn on_scale(&mut self, v: &Value, path: impl Fn() -> String, scale: &Scale) -> Option<Decimal> {
        let d = self.decimal_at(v, &path)?;
        if !scale.contains(d) {
            self.err(
                ErrorKind::ScoreOffScale {
                    score: crate::money::plain(d),
                    scale: scale.name.clone(),
                },
                path(),
            );
            return None;
        }
        Some(d)
    }
}

/// The number of criteria and groups in a node of the criteria tree, itself included.
fn tree_size(v: &Value) -> usize {
    let children = v.get("children").and_then(Value::as_array);
    1 + children.map_or(0, |c| c.iter().map(tree_size).sum())
}

/// How many levels of groups a node holds, itself included: 0 for a criterion.
fn group_depth(v: &Value) -> usize {
    match v.get("children").and_then(Value::as_array) {
        Some(c) => 1 + c.iter().map(group_depth).max().unwrap_or(0),
        None => 0,
    }
}

struct TreeCtx<'a> {
    /// How many groups hold the node being read.
    depth: usize,
    method: AwardMethod,
    scales: &'a BTreeMap<String, Scale>,
    measures: &'a BTreeSet<&'a str>,
    seen: &'a mut BTreeSet<String>,
    price_seen: &'a mut Option<String>,
}

impl FromStr for Tender {
    type Err = Errors;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        read(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_read_exactly_or_refused() {
        let cases: &[(&str, Result<&str, &str>)] = &[
            ("1080000.50", Ok("1080000.50")),
            ("0.1", Ok("0.1")),
            ("1e3", Ok("1000")),
            ("-5", Ok("-5")),
            ("abc", Err("invalid-number")),
            ("", Err("invalid-number")),
            ("£1,000", Err("invalid-number")),
            ("1e400", Err("number-out-of-range")),
            ("-1E+400", Err("number-out-of-range")),
            ("1e", Err("invalid-number")),
            ("1.2.3", Err("invalid-number")),
            ("--1", Err("invalid-number")),
            ("1e12", Ok("1000000000000")),
            ("1000000000000.5", Err("number-out-of-range")),
            ("-79228162514264337593543950335", Err("number-out-of-range")),
            ("0.0000000001", Ok("0.0000000001")),
            ("0.00000000001", Err("number-out-of-range")),
            ("1.50000000000000", Ok("1.50000000000000")),
            (
                "123456789012345678901234567890123",
                Err("number-out-of-range"),
            ),
        ];
        for (input, want) in cases {
            let got = parse_decimal(input);
            match (got, want) {
                (Ok(d), Ok(w)) => assert_eq!(d.to_string(), *w, "{input}"),
                (Err(k), Err(code)) => assert_eq!(k.code(), *code, "{input}"),
                (g, w) => panic!("{input}: got {g:?}, want {w:?}"),
            }
        }
    }

    #[test]
    fn typos_get_a_suggestion() {
        let known = ["supplier", "price", "commitments", "weight"];
        let cases = [
            ("suplier", Some("supplier")),
            ("Price", Some("price")),
            ("commitment", Some("commitments")),
            ("wieght", Some("weight")),
            ("colour", None),
        ];
        for (typo, want) in cases {
            assert_eq!(suggest(typo, &known).as_deref(), want, "{typo}");
        }
    }
}
