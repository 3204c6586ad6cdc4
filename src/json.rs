//! The engine's results written as compact JSON text, for the WebAssembly binding.
//!
//! The text is exactly what `serde_json::to_string` writes for the same values (the tests compare
//! the two on every fixture and example), or with [`to_ascii`] the same values in ASCII alone, for
//! the page to decode faster; it is written by one plain writer: each type lists its
//! fields once, and a field is written through `&dyn ToJson` rather than a serializer generic over
//! every type, which keeps the .wasm several kilobytes smaller.

use crate::parallel::Shared;
use std::fmt::Write;

/// JSON text being written. Commas are placed by looking back: a field or item follows a comma
/// unless it opens its object or list. With `.1` set ([`Json::ascii`]), every character past
/// ASCII in a string is written as a `\u` escape.
#[derive(Debug, Default)]
pub struct Json(String, bool);

impl Json {
    pub fn new() -> Json {
        Json::default()
    }

    /// A writer whose text is all ASCII, for text the page decodes and parses at once
    /// (`JSON.parse`): the same values, and browsers decode ASCII several times faster than
    /// other UTF-8 (the workings' "≈", "×" and "£" would otherwise put every result on the slow
    /// path, about a tenth of an evaluation's time in the page).
    pub fn ascii() -> Json {
        Json(String::new(), true)
    }

    pub fn into_string(self) -> String {
        self.0
    }

    /// Text written as it is (already JSON: punctuation, a number's digits).
    pub fn raw(&mut self, text: &str) {
        self.0.push_str(text);
    }

    pub fn open(&mut self) {
        self.0.push('{');
    }

    pub fn close(&mut self) {
        self.0.push('}');
    }

    pub fn open_list(&mut self) {
        self.0.push('[');
    }

    pub fn close_list(&mut self) {
        self.0.push(']');
    }

    fn comma(&mut self) {
        if !matches!(self.0.as_bytes().last(), None | Some(b'{' | b'[')) {
            self.0.push(',');
        }
    }

    /// One field of the open object. Its name is one the engine spells (a field's, a
    /// parameter's), which needs no escaping.
    #[inline(never)]
    pub fn field(&mut self, key: &str, value: &dyn ToJson) {
        self.comma();
        self.0.push('"');
        self.0.push_str(key);
        self.0.push_str("\":");
        value.write(self);
    }

    /// One item of the open list.
    #[inline(never)]
    pub fn item(&mut self, value: &dyn ToJson) {
        self.comma();
        value.write(self);
    }

    pub fn null(&mut self) {
        self.0.push_str("null");
    }

    /// A string, escaped as serde_json escapes it: quote, backslash and the control characters,
    /// the common ones by letter and the others as `\u00xx`; with [`Json::ascii`], characters past
    /// ASCII too, as `\uxxxx` (two of them past U+FFFF, as JSON spells a UTF-16 surrogate pair).
    #[inline(never)]
    pub fn string(&mut self, text: &str) {
        let ascii = self.1;
        let out = &mut self.0;
        out.reserve(text.len() + 2);
        out.push('"');
        let bytes = text.as_bytes();
        let mut start = 0;
        // An index loop: the wasm is built for size, where an iterator's `next` is a call per byte.
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            i += 1;
            let escape = match b {
                0x80.. if ascii => "",
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..0x20 => "",
                _ => continue,
            };
            out.push_str(&text[start..i - 1]);
            if escape.is_empty() {
                // A control character, or (ASCII only) a character past ASCII, as UTF-16 units.
                let c = text[i - 1..].chars().next().unwrap_or_default();
                i += c.len_utf8() - 1;
                for unit in c.encode_utf16(&mut [0; 2]) {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.push_str("\\u");
                    for shift in [12, 8, 4, 0] {
                        out.push(char::from(HEX[usize::from(*unit >> shift & 15)]));
                    }
                }
            } else {
                out.push_str(escape);
            }
            start = i;
        }
        out.push_str(&text[start..]);
        out.push('"');
    }

    #[inline(never)]
    fn unsigned(&mut self, n: u64) {
        // Writing to memory cannot fail.
        let _ = write!(self.0, "{n}");
    }
}

/// A value the engine writes as JSON.
pub trait ToJson {
    fn write(&self, out: &mut Json);
}

/// The JSON text of a value.
pub fn to_string(value: &dyn ToJson) -> String {
    let mut out = Json::new();
    value.write(&mut out);
    out.into_string()
}

/// The same, all in ASCII (see [`Json::ascii`]).
pub fn to_ascii(value: &dyn ToJson) -> String {
    let mut out = Json::ascii();
    value.write(&mut out);
    out.into_string()
}

impl ToJson for str {
    fn write(&self, out: &mut Json) {
        out.string(self);
    }
}

impl ToJson for String {
    fn write(&self, out: &mut Json) {
        out.string(self);
    }
}

impl ToJson for Shared<str> {
    fn write(&self, out: &mut Json) {
        out.string(self);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write(&self, out: &mut Json) {
        (**self).write(out);
    }
}

impl ToJson for bool {
    fn write(&self, out: &mut Json) {
        out.raw(if *self { "true" } else { "false" });
    }
}

impl ToJson for u32 {
    fn write(&self, out: &mut Json) {
        out.unsigned(u64::from(*self));
    }
}

impl ToJson for u64 {
    fn write(&self, out: &mut Json) {
        out.unsigned(*self);
    }
}

impl ToJson for usize {
    fn write(&self, out: &mut Json) {
        out.unsigned(*self as u64);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write(&self, out: &mut Json) {
        match self {
            Some(v) => v.write(out),
            None => out.null(),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write(&self, out: &mut Json) {
        out.open_list();
        for v in self {
            out.item(v);
        }
        out.close_list();
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write(&self, out: &mut Json) {
        self.as_slice().write(out);
    }
}

impl<T: ToJson, const N: usize> ToJson for [T; N] {
    fn write(&self, out: &mut Json) {
        self.as_slice().write(out);
    }
}

/// For a field left out when absent (`"lot": lot if none`).
pub fn none<T>(v: &Option<T>) -> bool {
    v.is_none()
}

/// For a field left out when empty (`"lots": lots if empty`).
pub fn empty<T>(v: &[T]) -> bool {
    v.is_empty()
}

/// `ToJson` for a struct written as an object of some of its fields, in the order given, each
/// under its JSON name; `if none` / `if empty` leaves a field out when it is `None` / empty.
macro_rules! json_object {
    ($ty:ty { $($key:literal : $field:ident $(if $absent:ident)?),* $(,)? }) => {
        impl $crate::json::ToJson for $ty {
            fn write(&self, out: &mut $crate::json::Json) {
                out.open();
                $(
                    if !(false $(|| $crate::json::$absent(&self.$field))?) {
                        out.field($key, &self.$field);
                    }
                )*
                out.close();
            }
        }
    };
}

pub(crate) use json_object;

/// `ToJson` for an enum without data, written as one of its names.
macro_rules! json_name {
    ($ty:ty { $($variant:ident => $name:literal),* $(,)? }) => {
        impl $crate::json::ToJson for $ty {
            fn write(&self, out: &mut $crate::json::Json) {
                out.string(match self {
                    $(<$ty>::$variant => $name,)*
                });
            }
        }
    };
}

pub(crate) use json_name;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all = String::new();
        for c in (0u32..0x80).chain([0xe9, 0x2028, 0x1f600]) {
            all.push(char::from_u32(c).unwrap());
        }
        for s in ["", "plain", "a\"b\\c", "£1,080,000.50 – “quoted” ✓", &all] {
            assert_eq!(to_string(&s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn ascii_text_reads_back_as_the_same_strings() {
        for s in [
            "",
            "plain",
            "a\"b\\c\u{1f}",
            "£1,080,000.50 – “quoted” ✓ ≈ × ÷",
            "é\u{2028}😀",
        ] {
            let ascii = to_ascii(&s);
            assert!(ascii.is_ascii(), "{ascii}");
            assert_eq!(serde_json::from_str::<String>(&ascii).unwrap(), s);
        }
        // Past U+FFFF, a surrogate pair, as JSON spells it.
        assert_eq!(to_ascii(&"😀"), r#""\ud83d\ude00""#);
        // Without it, only what serde_json escapes is escaped.
        assert_eq!(to_string(&"é😀"), "\"é😀\"");
    }

    #[test]
    fn numbers_lists_and_absent_values_are_written_as_serde_json_writes_them() {
        let v: Vec<Option<u64>> = vec![Some(0), None, Some(u64::MAX)];
        assert_eq!(to_string(&v), serde_json::to_string(&v).unwrap());
        let nested: Vec<Vec<u32>> = vec![vec![], vec![1, 2], vec![]];
        assert_eq!(to_string(&nested), serde_json::to_string(&nested).unwrap());
        assert_eq!(to_string(&[true, false]), "[true,false]");
        assert_eq!(to_string(&usize::MAX), usize::MAX.to_string());
    }
}
