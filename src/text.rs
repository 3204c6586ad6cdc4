//! Named parameters of messages and workings, so that every text the engine writes in English can
//! also be rendered from its code in another language (Welsh first) by the widget.

use serde::ser::SerializeMap;
use serde::Serialize;
use std::fmt::{self, Write};
use std::ops::Deref;

/// Where `byte` (an ASCII character) first is in `text`, as `str::find` with that `char` gives
/// it. Text is searched for one ASCII character in a handful of places; one loop over its bytes
/// for all of them costs the WebAssembly build less than the standard library's character
/// searcher with its `memchr`. An ASCII byte never occurs inside another character's UTF-8.
pub fn find_byte(text: &str, byte: u8) -> Option<usize> {
    text.bytes().position(|b| b == byte)
}

/// `text` split around the first `byte`, as `str::split_once` with that `char` splits it (see
/// [`find_byte`]).
pub fn split_once_byte(text: &str, byte: u8) -> Option<(&str, &str)> {
    let at = find_byte(text, byte)?;
    Some((&text[..at], &text[at + 1..]))
}

/// The parameters of one message: name → value, values already formatted as plain decimals.
/// Written as a JSON object in the order they were added (a few entries: a list beats a map).
/// `None` holds no parameters and takes none (see [`Params::when`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Params(Option<Vec<(&'static str, Compact)>>);

impl Default for Params {
    fn default() -> Self {
        Params::new()
    }
}

impl Params {
    pub fn new() -> Self {
        // Most messages and workings carry four parameters or fewer.
        Params(Some(Vec::with_capacity(4)))
    }

    /// [`Params::new`] when `words` is set; otherwise parameters that stay empty, nothing written
    /// and nothing allocated: a score worked out "what if" is read only for its figure.
    pub fn when(words: bool) -> Self {
        match words {
            true => Params::new(),
            false => Params(None),
        }
    }

    /// Adds one parameter (builder style).
    pub fn with(self, name: &'static str, value: impl fmt::Display) -> Self {
        self.add(name, &value)
    }

    /// [`Params::with`] compiled once, not once for each type of value: there are hundreds of
    /// parameters, and the WebAssembly build is near its size budget.
    #[inline(never)]
    fn add(mut self, name: &'static str, value: &dyn fmt::Display) -> Self {
        if let Some(list) = &mut self.0 {
            list.push((name, Compact::display(value)));
        }
        self
    }

    /// Adds one parameter already written (builder style): a text, or a figure's [`Compact`]
    /// read as one, copied as it is, without the formatting machinery of [`Params::with`].
    #[inline(never)]
    pub fn put(mut self, name: &'static str, value: &str) -> Self {
        if let Some(list) = &mut self.0 {
            list.push((name, Compact::text(value)));
        }
        self
    }

    /// Every parameter, in the order added.
    fn list(&self) -> &[(&'static str, Compact)] {
        self.0.as_deref().unwrap_or_default()
    }

    /// The value of a parameter, if set.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.list()
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| &**v)
    }
}

impl Serialize for Params {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let list = self.list();
        let mut m = s.serialize_map(Some(list.len()))?;
        for (k, v) in list {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// Parameters as a JSON object; their names are the engine's own (`&'static str`), so the
/// writer's unescaped field names hold.
impl crate::json::ToJson for Params {
    fn write(&self, out: &mut crate::json::Json) {
        out.open();
        for (k, v) in self.list() {
            out.field(k, v);
        }
        out.close();
    }
}

/// The text `args` writes when `words` is set, else nothing (and no allocation): a score worked
/// out "what if" is read only for its figure, never for its working.
#[inline(never)]
pub fn say(words: bool, args: fmt::Arguments<'_>) -> String {
    if !words {
        return String::new();
    }
    // Room for the working and the " = 36.30" the score adds to it, so that neither grows the
    // text again (`format` sizes it to the literal pieces alone).
    let mut s = String::with_capacity(96);
    // Writing to memory cannot fail (see `Compact::display`).
    let _ = s.write_fmt(args);
    s
}

/// A message with its stable code, its parameters and its English text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    pub code: &'static str,
    pub params: Params,
    pub message: String,
}

/// Bytes a [`Compact`] holds without a heap allocation: every amount, score and fraction the
/// engine writes, an exact mean to its 28 decimals included ("1.6666666666666666666666666667"
/// is 30), and most ids. With the length and the variant it makes 32 bytes.
const INLINE: usize = 30;

/// An immutable text kept inline when short. A large evaluation writes hundreds of thousands of
/// short parameters; holding them inline saves an allocation and a free for each.
#[derive(Clone)]
pub enum Compact {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl Compact {
    /// No text.
    pub const EMPTY: Compact = Compact::Inline {
        len: 0,
        bytes: [0; INLINE],
    };

    /// `text` as it is: copied, with no formatting machinery (a large evaluation writes hundreds
    /// of thousands of these).
    pub fn text(text: &str) -> Self {
        let n = text.len();
        if n > INLINE {
            return Compact::Heap(text.into());
        }
        let mut bytes = [0; INLINE];
        bytes[..n].copy_from_slice(text.as_bytes());
        Compact::Inline {
            len: n as u8,
            bytes,
        }
    }

    /// The text `value` displays as, written straight into the inline buffer when it fits.
    pub fn display(value: impl fmt::Display) -> Self {
        let mut w = CompactWriter::new();
        // Writing to memory cannot fail, and a Display that reports an error anyway leaves
        // whatever it wrote, as `to_string` would have panicked instead.
        let _ = write!(w, "{value}");
        w.finish()
    }
}

/// Fills the inline buffer, moving to a `String` at the first write that would overflow it.
struct CompactWriter {
    len: usize,
    bytes: [u8; INLINE],
    spill: Option<String>,
}

impl CompactWriter {
    fn new() -> Self {
        CompactWriter {
            len: 0,
            bytes: [0; INLINE],
            spill: None,
        }
    }

    fn finish(self) -> Compact {
        match self.spill {
            Some(s) => Compact::Heap(s.into_boxed_str()),
            None => Compact::Inline {
                len: self.len as u8,
                bytes: self.bytes,
            },
        }
    }
}

impl Write for CompactWriter {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if let Some(spill) = &mut self.spill {
            spill.push_str(s);
        } else if self.len + s.len() <= INLINE {
            self.bytes[self.len..self.len + s.len()].copy_from_slice(s.as_bytes());
            self.len += s.len();
        } else {
            let mut spill = String::with_capacity(self.len + s.len());
            spill.push_str(inline_str(&self.bytes[..self.len]));
            spill.push_str(s);
            self.spill = Some(spill);
        }
        Ok(())
    }
}

/// The inline bytes as text: only ever filled from whole `&str` pieces, so always valid UTF-8.
fn inline_str(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or_default()
}

impl Deref for Compact {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Compact::Inline { len, bytes } => inline_str(&bytes[..usize::from(*len)]),
            Compact::Heap(s) => s,
        }
    }
}

impl fmt::Debug for Compact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl PartialEq for Compact {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for Compact {}

impl PartialOrd for Compact {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Compact {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (**self).cmp(&**other)
    }
}

impl Serialize for Compact {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

impl crate::json::ToJson for Compact {
    fn write(&self, out: &mut crate::json::Json) {
        out.string(self);
    }
}

/// A decimal written as a JSON number from its digits (`33.33`, `40`), never through a float:
/// the WebAssembly build then carries neither a float formatter nor a number parser. The text
/// must be a JSON number, as `money::Plain` writes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number(pub String);

impl crate::json::ToJson for Number {
    fn write(&self, out: &mut crate::json::Json) {
        out.raw(&self.0);
    }
}

crate::json::json_object!(Message {
    "code": code,
    "params": params,
    "message": message,
});

impl Serialize for Number {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        // serde_json (with its exact numbers, which this crate asks for) writes a struct of this
        // name as the number its one field spells: how its own `Number` is written.
        const NUMBER: &str = "$serde_json::private::Number";
        let mut st = s.serialize_struct(NUMBER, 1)?;
        st.serialize_field(NUMBER, &self.0)?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finding_and_splitting_at_a_byte_is_the_standard_librarys_at_a_char() {
        for text in [
            "",
            ".",
            "a.b.c",
            "12.50",
            "cy-GB",
            "cy",
            "criterion:q-1",
            "é.ü:ñ-{x}",
            "%",
        ] {
            for c in ['.', ':', '-', '{', '%'] {
                let b = c as u8;
                assert_eq!(find_byte(text, b), text.find(c), "{text} {c}");
                assert_eq!(split_once_byte(text, b), text.split_once(c), "{text} {c}");
            }
        }
    }

    #[test]
    fn compact_text_reads_back_what_was_written_inline_or_not() {
        let cases = [
            "",
            "36.30",
            "3.6666666666666666666666666667",
            "exactly twenty-two byt",
            "twenty-three bytes long",
            "exactly thirty bytes of text..",
            "thirty-one bytes: one too many.",
            "a criterion name much longer than the inline buffer",
            "£1,080,000.50 – “quoted” ✓",
        ];
        for s in cases {
            let whole = Compact::display(s);
            assert_eq!(&*whole, s);
            assert_eq!(
                matches!(whole, Compact::Inline { .. }),
                s.len() <= INLINE,
                "{s}"
            );
            // Written in two pieces, the second crossing the inline limit for the long ones.
            let mid = s
                .char_indices()
                .nth(s.chars().count() / 2)
                .map_or(0, |(i, _)| i);
            let pieces = Compact::display(format_args!("{}{}", &s[..mid], &s[mid..]));
            assert_eq!(pieces, whole);
            let params = Params::new().with("x", s);
            assert_eq!(params.get("x"), Some(s));
            assert_eq!(
                serde_json::to_string(&params).unwrap(),
                serde_json::json!({ "x": s }).to_string()
            );
        }
    }
}
