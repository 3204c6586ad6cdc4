//! The reading kit: typed fields of a JSON object read one at a time, every problem recorded with
//! its path rather than returned, so one pass finds every error. Nothing here knows the tender
//! format; the schema modules beside this one name the fields.

use super::json::{Map, Value};
use super::limits::{too_large, MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::error::{Error, ErrorKind};
use crate::model::IdSet;
use crate::money::Plain;
use rust_decimal::Decimal;
use std::borrow::Cow;

/// Fields holding prose rather than a name: they may be up to [`MAX_TEXT_CHARS`] long.
pub(super) const LONG_TEXT: &[&str] =
    &["description", "question", "rationale", "descriptor", "note"];

/// Names that become keys of JavaScript objects in the widget and cannot be used there.
const RESERVED: [&str; 3] = ["__proto__", "constructor", "prototype"];

/// A file being read: the errors found so far, kept in the order they were found.
#[derive(Default)]
pub(super) struct Reader {
    pub(super) errors: Vec<Error>,
    /// Ids of criteria and measures that are declared but invalid. Their own errors are already
    /// reported, so references to them are not reported again as unknown ("there is no measure
    /// local-jobs" for a measure whose proxy is negative would send the buyer the wrong way).
    pub(super) broken_criteria: IdSet,
    pub(super) broken_measures: IdSet,
    /// Names of scales that are declared but invalid, for the same reason.
    pub(super) broken_scales: IdSet,
    /// A price schedule is declared but invalid: bids' rates are not checked against it.
    pub(super) broken_schedule: bool,
    /// The ids under `lots`, valid or not (spec §18): what a bid's `lot` must name.
    pub(super) lots: super::lots::LotIds,
    // bilingual text
    /// `tender.locale` as written: which language is read of a text given in several
    /// (`languages`).
    pub(super) locale: Option<String>,
}

/// The path of `key` inside the object at `path`: `scores.q1`, or `scores["a.b"]` when the key
/// could be misread as part of a path (it is empty, or holds `.`, `[`, `]`, `"`, `\\` or a control
/// character). The quoted form is the key as a JSON string, so every path reads one way back.
pub fn join(path: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && !key
            .chars()
            .any(|c| matches!(c, '.' | '[' | ']' | '"' | '\\') || c.is_control());
    // Put together by hand, not with `format!`: a large tender reads a path for every field of
    // every bid, and the formatting machinery cost more than the copying.
    match (plain, path.is_empty()) {
        (true, true) => key.to_string(),
        (true, false) => {
            let mut out = String::with_capacity(path.len() + 1 + key.len());
            out.push_str(path);
            out.push('.');
            out.push_str(key);
            out
        }
        (false, _) => format!("{path}[{}]", crate::json::to_string(&key)),
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

/// Reads a decimal from a JSON number or string, exactly.
/// Whether `t` is written as a number (`-12.5`, `1e400`, `.5`), whatever its size: the difference
/// between "not a number" and "a number too large to hold". Checked by hand so the WebAssembly
/// build carries no floating-point parser.
fn well_formed(t: &str) -> bool {
    // A sign, and `e` or `E`, found byte by byte: searching for either of two characters would
    // bring the standard library's searcher for sets of characters into the WebAssembly build.
    fn unsigned(s: &str) -> &str {
        s.strip_prefix('-')
            .or_else(|| s.strip_prefix('+'))
            .unwrap_or(s)
    }
    let t = unsigned(t);
    let (mantissa, exponent) = match t.bytes().position(|b| b | 0x20 == b'e') {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t, None),
    };
    let (int, frac) = crate::text::split_once_byte(mantissa, b'.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = digits(int) && digits(frac) && !(int.is_empty() && frac.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = unsigned(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

/// Whether a well-formed number written without an exponent has at most 12 digits before its
/// decimal point, leading zeros aside: less than 10^12 whatever its decimals.
fn small_whole_part(t: &str) -> bool {
    let (mut digits, mut point) = (0, false);
    for b in t.bytes() {
        match b {
            b'.' => point = true,
            b'e' | b'E' => return false,
            b'1'..=b'9' if !point => digits += 1,
            b'0' if !point && digits > 0 => digits += 1,
            _ => {}
        }
    }
    digits <= 12
}

pub(crate) fn parse_decimal(text: &str) -> Result<Decimal, ErrorKind> {
    let t = text.trim();
    // Text that is not a number fails to parse and is not well formed: an invalid number below.
    let parsed = crate::money::parse(t).ok_or(());
    let too_precise = || ErrorKind::TooManyDecimals {
        found: text.to_string(),
        limit: MAX_DECIMAL_PLACES as usize,
    };
    match parsed {
        Ok(d) if d.abs() > max_magnitude() => Err(ErrorKind::NumberOutOfRange {
            found: text.to_string(),
        }),
        Ok(d) if d.normalize().scale() > MAX_DECIMAL_PLACES => Err(too_precise()),
        Ok(d) => Ok(d),
        // Too many digits for an exact decimal: too precise when the whole part is below 10^12
        // (at most 12 digits), else too large.
        Err(_) if well_formed(t) && small_whole_part(t) => Err(too_precise()),
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
pub(super) struct Obj<'a> {
    pub(super) map: &'a Map<'a>,
    /// Its path, or, with `key`, the path of the object holding it under `key`: joined only
    /// when a field's path is wanted (an error), as a bid's every score is such an object.
    path: Cow<'a, str>,
    key: Option<&'a str>,
}

impl<'a> Obj<'a> {
    pub(super) fn at(&self, field: &str) -> String {
        join(&self.own_path(), field)
    }

    fn own_path(&self) -> Cow<'_, str> {
        match self.key {
            None => Cow::Borrowed(&self.path),
            Some(key) => Cow::Owned(join(&self.path, key)),
        }
    }

    /// The value of a field; JSON `null` counts as absent.
    pub(super) fn get(&self, field: &str) -> Option<&'a Value<'a>> {
        self.map.get(field).filter(|v| !v.is_null())
    }
}

impl Reader {
    pub(super) fn err(&mut self, kind: ErrorKind, path: impl Into<String>) {
        self.errors.push(Error::new(kind, path));
    }

    /// Opens an object, reporting every field not in `known`.
    pub(super) fn obj<'a>(
        &mut self,
        v: &'a Value<'a>,
        path: &str,
        known: &[&str],
    ) -> Option<Obj<'a>> {
        self.obj_at(v, Cow::Owned(path.to_string()), None, known)
    }

    /// [`Self::obj`] for the object at `path`, or with `key` for the one under `key` in the
    /// object at `path`.
    pub(super) fn obj_at<'a>(
        &mut self,
        v: &'a Value<'a>,
        path: Cow<'a, str>,
        key: Option<&'a str>,
        known: &[&str],
    ) -> Option<Obj<'a>> {
        let o = match v {
            Value::Object(map) => Obj { map, path, key },
            _ => {
                let at = match key {
                    None => path.into_owned(),
                    Some(key) => join(&path, key),
                };
                self.err(
                    ErrorKind::WrongType {
                        expected: "an object",
                    },
                    at,
                );
                return None;
            }
        };
        let map = o.map;
        for key in map.keys() {
            if !known.contains(&key) {
                self.err(
                    ErrorKind::UnknownField {
                        field: key.to_string(),
                        suggestion: suggest(key, known),
                    },
                    o.at(key),
                );
            }
        }
        Some(o)
    }

    pub(super) fn string(&mut self, o: &Obj, field: &str) -> Option<String> {
        match o.get(field)? {
            Value::String(s) => {
                let limit = if LONG_TEXT.contains(&field) {
                    MAX_TEXT_CHARS
                } else {
                    MAX_NAME_CHARS
                };
                self.length(s, limit, &|| o.at(field));
                Some(s.to_string())
            }
            _ => {
                self.err(ErrorKind::WrongType { expected: "text" }, o.at(field));
                None
            }
        }
    }

    pub(super) fn required_string(&mut self, o: &Obj, field: &str) -> Option<String> {
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

    pub(super) fn id(&mut self, o: &Obj) -> Option<String> {
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
    pub(super) fn length(&mut self, s: &str, limit: usize, path: &dyn Fn() -> String) {
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
    pub(super) fn reserved(&mut self, name: &str, path: &dyn Fn() -> String) {
        if RESERVED.contains(&name) {
            self.err(ErrorKind::ReservedId { id: name.into() }, path());
        }
    }

    /// Checks a key that names something (a scale, an evaluator): its length, and that it is
    /// not reserved.
    pub(super) fn key_name(&mut self, name: &str, path: &dyn Fn() -> String) {
        self.length(name, MAX_NAME_CHARS, path);
        self.reserved(name, path);
    }

    /// Reports a list or map with more than `limit` entries.
    pub(super) fn count(&mut self, n: usize, limit: usize, what: &'static str, path: &str) {
        if n > limit {
            self.errors
                .push(too_large(what, limit, n.to_string(), path.into()));
        }
    }

    pub(super) fn boolean(&mut self, v: &Value, path: &str) -> Option<bool> {
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

    pub(super) fn decimal_value(&mut self, v: &Value, path: &str) -> Option<Decimal> {
        self.decimal_at(v, || path.to_string())
    }

    /// [`Self::decimal_value`] with the path built only for an error: a large tender holds
    /// hundreds of thousands of scores, nearly all of them fine.
    pub(super) fn decimal_at(
        &mut self,
        v: &Value,
        path: impl FnOnce() -> String,
    ) -> Option<Decimal> {
        let text = match v {
            Value::Number(n) => n.as_str(),
            Value::String(s) => s,
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

    pub(super) fn decimal(&mut self, o: &Obj, field: &str) -> Option<Decimal> {
        let v = o.get(field)?;
        self.decimal_value(v, &o.at(field))
    }

    /// A decimal that must be zero or more.
    pub(super) fn non_negative(&mut self, o: &Obj, field: &str) -> Option<Decimal> {
        let d = self.decimal(o, field)?;
        if d.is_sign_negative() && !d.is_zero() {
            self.err(
                ErrorKind::Negative {
                    found: crate::money::Exact(d).to_string(),
                },
                o.at(field),
            );
            return None;
        }
        Some(d)
    }

    /// A decimal that must be more than zero.
    pub(super) fn positive(&mut self, o: &Obj, field: &str) -> Option<Decimal> {
        let d = self.decimal(o, field)?;
        if d <= Decimal::ZERO {
            self.err(
                ErrorKind::NotPositive {
                    found: crate::money::Exact(d).to_string(),
                },
                o.at(field),
            );
            return None;
        }
        Some(d)
    }

    pub(super) fn required_positive(&mut self, o: &Obj, field: &str) -> Option<Decimal> {
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

    /// A share written as a percentage, `"80%"`: a number from 0 to 100 followed by `%`. A bare
    /// number is refused rather than guessed at: 0.8 and 80 would both be plausible.
    pub(super) fn percent(&mut self, o: &Obj, field: &str) -> Option<Decimal> {
        let found = match o.get(field)? {
            Value::String(s) => s,
            Value::Number(n) => n.as_str(),
            _ => {
                self.err(
                    ErrorKind::WrongType {
                        expected: "a percentage in quotes, such as \"80%\"",
                    },
                    o.at(field),
                );
                return None;
            }
        };
        let number = found.trim();
        let share = number
            .len()
            .checked_sub(1)
            .filter(|&end| number.as_bytes()[end] == b'%')
            .and_then(|end| parse_decimal(&number[..end]).ok())
            .filter(|p| *p >= Decimal::ZERO && *p <= Decimal::ONE_HUNDRED);
        if share.is_none() {
            self.err(
                ErrorKind::InvalidPercent {
                    found: found.to_string(),
                },
                o.at(field),
            );
        }
        share
    }

    /// A string field that must be one of `allowed`, or absent (then `None`).
    pub(super) fn choice(
        &mut self,
        o: &Obj,
        field: &str,
        allowed: &[&'static str],
    ) -> Option<&'static str> {
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

    pub(super) fn array<'a>(&mut self, v: &'a Value<'a>, path: &str) -> Option<&'a Vec<Value<'a>>> {
        match v {
            Value::Array(a) => Some(a),
            _ => {
                self.err(ErrorKind::WrongType { expected: "a list" }, path);
                None
            }
        }
    }

    pub(super) fn map<'a>(&mut self, v: &'a Value<'a>, path: &str) -> Option<&'a Map<'a>> {
        self.map_at(v, &|| path.to_string())
    }

    /// [`Self::map`] with the path built only for an error.
    pub(super) fn map_at<'a>(
        &mut self,
        v: &'a Value<'a>,
        path: &dyn Fn() -> String,
    ) -> Option<&'a Map<'a>> {
        match v {
            Value::Object(m) => Some(m),
            _ => {
                self.err(
                    ErrorKind::WrongType {
                        expected: "an object",
                    },
                    path(),
                );
                None
            }
        }
    }

    /// Refuses an amount a worked example or a score would divide by after rounding it to whole
    /// units: the published example prices three made-up bids at 80%, 90% and 100% of the
    /// contract value, ceiling or reference, rounded to whole units, and 80% of less than 1 rounds
    /// to nothing.
    pub(super) fn at_least_one(&mut self, amount: Option<Decimal>, o: &Obj, field: &str) {
        if let Some(a) = amount.filter(|a| *a < Decimal::ONE) {
            self.err(
                ErrorKind::AmountBelowOne {
                    found: Plain(a).to_string(),
                },
                o.at(field),
            );
        }
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
            (
                "0.000000000000000000000000000001",
                Err("number-out-of-range"),
            ),
            ("1e-11", Err("number-out-of-range")),
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
