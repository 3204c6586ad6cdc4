//! JSON text to a tree of values: the reader's own parser, so that the WebAssembly build carries
//! one small parser rather than a general-purpose library's.
//!
//! What it keeps is what the tender reader needs: objects as their entries in file order, and
//! numbers as their literal text (never through `f64`), so `1080000.50` reaches the reader as
//! exactly that. Exponents are written one way, `1E5` as `1e+5`, which is how a number is quoted
//! back in an error.
//!
//! Text that is not JSON gets the message and place a buyer has always been shown: the wording of
//! each [`Syntax`] error, and its line and column, are those of the `serde_json` crate this parser
//! replaced, down to which character a column points at (`tests/json_text.rs` pins them). Nesting
//! stops at 127 levels, as it did there. Keys given twice are all kept here: the reader refuses
//! them before it looks at the values (see `jsontext`).

use std::borrow::Cow;
use std::fmt;

/// A JSON value. Numbers keep their text; objects keep every entry in file order. Strings, keys
/// and numbers borrow the file's text wherever it already says them as they are (no escape, no
/// exponent to rewrite): a large tender holds hundreds of thousands of them, and copying each
/// into its own allocation, then freeing it, cost more than the parsing.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'t> {
    Null,
    Bool(bool),
    Number(Number<'t>),
    String(Cow<'t, str>),
    Array(Vec<Value<'t>>),
    Object(Map<'t>),
}

/// A JSON number as the file writes it (exponents as `e+N` or `e-N`).
#[derive(Debug, Clone, PartialEq)]
pub struct Number<'t>(Cow<'t, str>);

impl Number<'_> {
    /// The number's text, e.g. `-12.50` or `1e+400`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A JSON object: its entries in file order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map<'t>(Vec<(Cow<'t, str>, Value<'t>)>);

impl<'t> Map<'t> {
    /// The value of `key` (the first, should the key be given twice).
    pub fn get(&self, key: &str) -> Option<&Value<'t>> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The entries, in file order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value<'t>)> {
        self.0.iter().map(|(k, v)| (&**k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| &**k)
    }

    pub fn values(&self) -> impl Iterator<Item = &Value<'t>> {
        self.0.iter().map(|(_, v)| v)
    }
}

impl<'a, 't> IntoIterator for &'a Map<'t> {
    type Item = (&'a str, &'a Value<'t>);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Cow<'t, str>, Value<'t>)>,
        fn(&'a (Cow<'t, str>, Value<'t>)) -> (&'a str, &'a Value<'t>),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (&**k, v))
    }
}

impl<'t> Value<'t> {
    /// The value of `key` when this is an object.
    pub fn get(&self, key: &str) -> Option<&Value<'t>> {
        self.as_object()?.get(key)
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value<'t>>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map<'t>> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }
}

/// Why text is not JSON, in the words buyers have always been shown. Its number (`syntax`,
/// from 0 in this order) is the `syntax` param of `json-syntax`, so that the widget can word it
/// in any language: add new kinds at the end, never reorder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Syntax {
    EofWhileParsingList,
    EofWhileParsingObject,
    EofWhileParsingString,
    EofWhileParsingValue,
    ExpectedColon,
    ExpectedListCommaOrEnd,
    ExpectedObjectCommaOrEnd,
    ExpectedSomeIdent,
    ExpectedSomeValue,
    InvalidEscape,
    InvalidNumber,
    ControlCharacterWhileParsingString,
    KeyMustBeAString,
    LoneLeadingSurrogateInHexEscape,
    TrailingComma,
    TrailingCharacters,
    UnexpectedEndOfHexEscape,
    RecursionLimitExceeded,
}

impl Syntax {
    fn message(self) -> &'static str {
        use Syntax::*;
        match self {
            EofWhileParsingList => "EOF while parsing a list",
            EofWhileParsingObject => "EOF while parsing an object",
            EofWhileParsingString => "EOF while parsing a string",
            EofWhileParsingValue => "EOF while parsing a value",
            ExpectedColon => "expected `:`",
            ExpectedListCommaOrEnd => "expected `,` or `]`",
            ExpectedObjectCommaOrEnd => "expected `,` or `}`",
            ExpectedSomeIdent => "expected ident",
            ExpectedSomeValue => "expected value",
            InvalidEscape => "invalid escape",
            InvalidNumber => "invalid number",
            ControlCharacterWhileParsingString => {
                "control character (\\u0000-\\u001F) found while parsing a string"
            }
            KeyMustBeAString => "key must be a string",
            LoneLeadingSurrogateInHexEscape => "lone leading surrogate in hex escape",
            TrailingComma => "trailing comma",
            TrailingCharacters => "trailing characters",
            UnexpectedEndOfHexEscape => "unexpected end of hex escape",
            RecursionLimitExceeded => "recursion limit exceeded",
        }
    }
}

/// Text that is not JSON: why, and the byte offset the message points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error {
    pub code: Syntax,
    /// Bytes from the start of the text; the column of the message counts the bytes from the
    /// start of its line to here.
    pub at: usize,
}

impl Error {
    /// Why, with its place, which displays as `trailing comma at line 3 column 5`. Lines count
    /// from 1, columns in bytes from 0 at the start of a line.
    pub fn place(&self, text: &str) -> Place {
        let before = &text.as_bytes()[..self.at.min(text.len())];
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + before[..line_start].iter().filter(|b| **b == b'\n').count();
        Place {
            code: self.code,
            line,
            column: before.len() - line_start,
        }
    }
}

/// Why text is not JSON, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub code: Syntax,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.code.message(),
            self.line,
            self.column
        )
    }
}

type Result<T> = std::result::Result<T, Error>;

/// The deepest nesting of lists and objects read: one more is refused.
const MAX_DEPTH: u8 = 127;

/// Parses a whole text as one JSON value (whitespace around it allowed).
pub fn parse(text: &str) -> Result<Value<'_>> {
    parse_noting_duplicates(text).map(|(v, _)| v)
}

/// [`parse`], and whether some object gives a key twice. Noticed while parsing, so that the
/// slower scan that says where (`jsontext::duplicate_keys`) runs only on a file that has one.
pub fn parse_noting_duplicates(text: &str) -> Result<(Value<'_>, bool)> {
    parse_inside(text, 0)
}

/// [`parse_noting_duplicates`] of a value that a file holds `depth` lists and objects deep, so
/// that it is refused just where it would be in the file.
pub(super) fn parse_inside(text: &str, depth: u8) -> Result<(Value<'_>, bool)> {
    let mut p = Parser {
        text,
        b: text.as_bytes(),
        i: 0,
        depth,
        duplicates: false,
    };
    let v = p.value()?;
    match p.whitespace() {
        Some(_) => Err(p.at_next(Syntax::TrailingCharacters)),
        None => Ok((v, p.duplicates)),
    }
}

/// Whether some key is given twice among `entries`.
fn has_duplicate(entries: &[(Cow<'_, str>, Value<'_>)]) -> bool {
    if entries.len() <= 16 {
        return entries
            .iter()
            .enumerate()
            .any(|(i, (k, _))| entries[..i].iter().any(|(e, _)| e == k));
    }
    let mut keys: Vec<&str> = entries.iter().map(|(k, _)| &**k).collect();
    crate::sorting::sort(&mut keys, &|a, b| a.cmp(b));
    keys.windows(2).any(|w| w[0] == w[1])
}

struct Parser<'a> {
    text: &'a str,
    b: &'a [u8],
    /// The next byte to read.
    i: usize,
    /// Lists and objects open around the value being read.
    depth: u8,
    /// Some object read so far gives a key twice.
    duplicates: bool,
}

impl<'t> Parser<'t> {
    /// An error about the byte just read: the place is just after it.
    fn here(&self, code: Syntax) -> Error {
        Error { code, at: self.i }
    }

    /// An error about the next byte, not yet read: the place is just after it.
    fn at_next(&self, code: Syntax) -> Error {
        Error {
            code,
            at: (self.i + 1).min(self.b.len()),
        }
    }

    // Always inlined: the wasm is built for size, where it would otherwise be a call per byte read.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// Skips whitespace; the next byte, if any.
    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Result<Value<'t>> {
        let Some(c) = self.whitespace() else {
            return Err(self.at_next(Syntax::EofWhileParsingValue));
        };
        match c {
            b'n' => self.word(b"null").map(|()| Value::Null),
            b't' => self.word(b"true").map(|()| Value::Bool(true)),
            b'f' => self.word(b"false").map(|()| Value::Bool(false)),
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            b'"' => {
                self.i += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' => {
                if self.depth == MAX_DEPTH {
                    return Err(self.at_next(Syntax::RecursionLimitExceeded));
                }
                self.i += 1;
                self.depth += 1;
                let v = if c == b'[' {
                    self.array().map(Value::Array)
                } else {
                    self.object().map(Value::Object)
                };
                self.depth -= 1;
                v
            }
            _ => Err(self.at_next(Syntax::ExpectedSomeValue)),
        }
    }

    /// `null`, `true` or `false`, whose first letter is next.
    fn word(&mut self, word: &[u8]) -> Result<()> {
        self.i += 1;
        for expected in &word[1..] {
            let Some(c) = self.peek() else {
                return Err(self.here(Syntax::EofWhileParsingValue));
            };
            self.i += 1;
            if c != *expected {
                return Err(self.here(Syntax::ExpectedSomeIdent));
            }
        }
        Ok(())
    }

    fn digits(&mut self) -> usize {
        let from = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - from
    }

    /// A number: its text, with the exponent written `e+N` or `e-N`.
    fn number(&mut self) -> Result<Number<'t>> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let Some(first) = self.peek() else {
            return Err(self.here(Syntax::EofWhileParsingValue));
        };
        self.i += 1;
        match first {
            // One leading zero at most.
            b'0' if matches!(self.peek(), Some(b'0'..=b'9')) => {
                return Err(self.at_next(Syntax::InvalidNumber))
            }
            b'0' => {}
            b'1'..=b'9' => {
                self.digits();
            }
            _ => return Err(self.here(Syntax::InvalidNumber)),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err(self.at_next(match self.peek() {
                    Some(_) => Syntax::InvalidNumber,
                    None => Syntax::EofWhileParsingValue,
                }));
            }
        }
        if !matches!(self.peek(), Some(b'e' | b'E')) {
            return Ok(Number(Cow::Borrowed(&self.text[start..self.i])));
        }
        let mut text = String::with_capacity(self.i - start + 8);
        text.push_str(&self.text[start..self.i]);
        text.push('e');
        self.i += 1;
        match self.peek() {
            Some(c @ (b'+' | b'-')) => {
                self.i += 1;
                text.push(c as char);
            }
            _ => text.push('+'),
        }
        match self.peek() {
            None => return Err(self.here(Syntax::EofWhileParsingValue)),
            Some(b'0'..=b'9') => {}
            Some(_) => {
                self.i += 1;
                return Err(self.here(Syntax::InvalidNumber));
            }
        }
        let from = self.i;
        self.digits();
        text.push_str(&self.text[from..self.i]);
        Ok(Number(Cow::Owned(text)))
    }

    /// A string whose opening quote has been read.
    fn string(&mut self) -> Result<Cow<'t, str>> {
        let mut out: Option<Vec<u8>> = None;
        let mut run = self.i;
        loop {
            while let Some(c) = self.peek() {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            let Some(c) = self.peek() else {
                return Err(self.here(Syntax::EofWhileParsingString));
            };
            self.i += 1;
            match c {
                b'"' => {
                    let tail = &self.text[run..self.i - 1];
                    return Ok(match out {
                        None => Cow::Borrowed(tail),
                        Some(mut bytes) => {
                            bytes.extend_from_slice(tail.as_bytes());
                            // Escapes decode to whole characters (halves are refused), and the
                            // text between them is the input's, so the bytes are UTF-8.
                            Cow::Owned(String::from_utf8(bytes).unwrap_or_default())
                        }
                    });
                }
                b'\\' => {
                    let bytes = out.get_or_insert_with(Vec::new);
                    bytes.extend_from_slice(&self.b[run..self.i - 1]);
                    self.escape(bytes)?;
                    run = self.i;
                }
                _ => return Err(self.here(Syntax::ControlCharacterWhileParsingString)),
            }
        }
    }

    /// The escape after a backslash, decoded onto `out`.
    fn escape(&mut self, out: &mut Vec<u8>) -> Result<()> {
        let Some(c) = self.peek() else {
            return Err(self.here(Syntax::EofWhileParsingString));
        };
        self.i += 1;
        let byte = match c {
            b'"' | b'\\' | b'/' => c,
            b'b' => b'\x08',
            b'f' => b'\x0c',
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => return self.unicode(out),
            _ => return Err(self.here(Syntax::InvalidEscape)),
        };
        out.push(byte);
        Ok(())
    }

    /// The four hex digits of a `\u` escape.
    fn hex(&mut self) -> Result<u16> {
        let Some(digits) = self.b.get(self.i..self.i + 4) else {
            self.i = self.b.len();
            return Err(self.here(Syntax::EofWhileParsingString));
        };
        self.i += 4;
        let mut n: u16 = 0;
        for d in digits {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(self.here(Syntax::InvalidEscape)),
            };
            n = n << 4 | u16::from(v);
        }
        Ok(n)
    }

    /// A `\u` escape whose `\u` has been read: one character, or a surrogate pair.
    fn unicode(&mut self, out: &mut Vec<u8>) -> Result<()> {
        let n = self.hex()?;
        let c = match n {
            0xDC00..=0xDFFF => return Err(self.here(Syntax::LoneLeadingSurrogateInHexEscape)),
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    let Some(c) = self.peek() else {
                        return Err(self.here(Syntax::EofWhileParsingString));
                    };
                    self.i += 1;
                    if c != expected {
                        return Err(self.here(Syntax::UnexpectedEndOfHexEscape));
                    }
                }
                let low = self.hex()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.here(Syntax::LoneLeadingSurrogateInHexEscape));
                }
                0x1_0000 + ((u32::from(n) - 0xD800) << 10 | (u32::from(low) - 0xDC00))
            }
            _ => u32::from(n),
        };
        // Every value left is a whole character.
        let c = char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER);
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        Ok(())
    }

    /// A list whose `[` has been read.
    fn array(&mut self) -> Result<Vec<Value<'t>>> {
        let mut items = Vec::new();
        loop {
            match self.whitespace() {
                None => return Err(self.at_next(Syntax::EofWhileParsingList)),
                Some(b']') => break,
                Some(_) if items.is_empty() => {}
                Some(b',') => {
                    self.i += 1;
                    match self.whitespace() {
                        Some(b']') => return Err(self.at_next(Syntax::TrailingComma)),
                        Some(_) => {}
                        None => return Err(self.at_next(Syntax::EofWhileParsingValue)),
                    }
                }
                Some(_) => return Err(self.at_next(Syntax::ExpectedListCommaOrEnd)),
            }
            items.push(self.value()?);
        }
        self.i += 1;
        Ok(items)
    }

    /// An object whose `{` has been read.
    fn object(&mut self) -> Result<Map<'t>> {
        let mut entries = Vec::new();
        loop {
            match self.whitespace() {
                None => return Err(self.at_next(Syntax::EofWhileParsingObject)),
                Some(b'}') => break,
                Some(b'"') if entries.is_empty() => {}
                Some(_) if entries.is_empty() => return Err(self.at_next(Syntax::KeyMustBeAString)),
                Some(b',') => {
                    self.i += 1;
                    match self.whitespace() {
                        Some(b'"') => {}
                        Some(b'}') => return Err(self.at_next(Syntax::TrailingComma)),
                        Some(_) => return Err(self.at_next(Syntax::KeyMustBeAString)),
                        None => return Err(self.at_next(Syntax::EofWhileParsingValue)),
                    }
                }
                Some(_) => return Err(self.at_next(Syntax::ExpectedObjectCommaOrEnd)),
            }
            self.i += 1;
            let key = self.string()?;
            match self.whitespace() {
                Some(b':') => self.i += 1,
                Some(_) => return Err(self.at_next(Syntax::ExpectedColon)),
                None => return Err(self.at_next(Syntax::EofWhileParsingObject)),
            }
            let value = self.value()?;
            entries.push((key, value));
        }
        self.i += 1;
        if !self.duplicates && has_duplicate(&entries) {
            self.duplicates = true;
        }
        Ok(Map(entries))
    }
}
