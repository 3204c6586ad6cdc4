//! What the parsed tree does not tell the reader: the same key twice in one object (most JSON
//! readers keep the last value silently, and a hidden first value can change a score) and where a
//! lone surrogate escape (`"\ud800"`) sits. One pass over the bytes of text the parser
//! has accepted (or, for surrogates, the valid text before its error); the path of a finding is
//! built only when there is one.

use super::reader::{index, join};
use crate::error::{Error, ErrorKind};
use std::borrow::Cow;

enum Frame<'a> {
    /// An object: where its keys start in `Scan::keys`, whether the next string is a key, and
    /// the key being read (the path segment of what follows it).
    Obj {
        keys_from: usize,
        expect_key: bool,
        key: Cow<'a, str>,
    },
    Arr {
        index: usize,
    },
}

struct Scan<'a> {
    text: &'a str,
    stack: Vec<Frame<'a>>,
    /// The keys of every open object, each with its offset in the text.
    keys: Vec<(Cow<'a, str>, usize)>,
    found: Vec<(usize, Error)>,
}

impl<'a> Scan<'a> {
    /// The path of the value being read, written as the reader writes paths.
    fn path(&self) -> String {
        let mut p = String::new();
        for f in &self.stack {
            p = match f {
                Frame::Obj { key, .. } => join(&p, key),
                Frame::Arr { index: i } => index(&p, *i),
            };
        }
        p
    }

    /// Reports every key given twice among `keys[from..]`, the object just closed.
    fn close_object(&mut self, from: usize) {
        let keys = &mut self.keys[from..];
        let mut twice: Vec<(usize, String)> = Vec::new();
        if keys.len() <= 16 {
            for (i, (k, at)) in keys.iter().enumerate() {
                if keys[..i].iter().any(|(e, _)| e == k) {
                    twice.push((*at, k.to_string()));
                }
            }
        } else {
            crate::sorting::sort(keys, &|a, b| a.cmp(b));
            for w in keys.windows(2) {
                if w[0].0 == w[1].0 {
                    twice.push((w[1].1, w[1].0.to_string()));
                }
            }
        }
        self.keys.truncate(from);
        if !twice.is_empty() {
            let base = self.path();
            for (at, key) in twice {
                let path = join(&base, &key);
                self.found
                    .push((at, Error::new(ErrorKind::DuplicateKey { key }, path)));
            }
        }
    }

    /// Reads the string starting at the quote at `start`; returns the offset after its closing
    /// quote. With `surrogates`, reports a lone surrogate escape in it.
    fn string(&mut self, start: usize, surrogates: bool) -> usize {
        let b = self.text.as_bytes();
        let mut i = start + 1;
        let mut escaped = false;
        let mut lone = false;
        // The surrogate an escape has just opened, waiting for its second half.
        let mut open_high = false;
        while i < b.len() && b[i] != b'"' {
            if b[i] == b'\\' {
                escaped = true;
                let unit = (b.get(i + 1) == Some(&b'u'))
                    .then(|| self.text.get(i + 2..i + 6))
                    .flatten()
                    .and_then(|h| u16::from_str_radix(h, 16).ok());
                match unit {
                    Some(0xD800..=0xDBFF) => {
                        lone |= open_high;
                        open_high = true;
                    }
                    Some(0xDC00..=0xDFFF) => {
                        lone |= !open_high;
                        open_high = false;
                    }
                    _ => {
                        lone |= open_high;
                        open_high = false;
                    }
                }
                i += if unit.is_some() { 6 } else { 2 };
            } else {
                lone |= open_high;
                open_high = false;
                i += 1;
            }
        }
        lone |= open_high;
        let end = (i + 1).min(b.len());
        let is_key = matches!(
            self.stack.last(),
            Some(Frame::Obj {
                expect_key: true,
                ..
            })
        );
        if surrogates && lone {
            let path = self.path();
            self.found
                .push((start, Error::new(ErrorKind::LoneSurrogate, path)));
        }
        if is_key {
            let raw = &self.text[start + 1..i.min(b.len())];
            let key: Cow<'a, str> = if escaped {
                // Only escaped keys are decoded, by the same parser that read the file.
                let quoted = &self.text[start..end];
                match super::json::parse(quoted) {
                    Ok(super::json::Value::String(k)) => Cow::Owned(k.into_owned()),
                    _ => Cow::Borrowed(raw),
                }
            } else {
                Cow::Borrowed(raw)
            };
            self.keys.push((key.clone(), start));
            if let Some(Frame::Obj {
                expect_key,
                key: current,
                ..
            }) = self.stack.last_mut()
            {
                *expect_key = false;
                *current = key;
            }
        }
        end
    }

    fn run(&mut self, surrogates: bool, until: usize) {
        let b = self.text.as_bytes();
        let mut i = 0;
        while i < b.len().min(until) {
            match b[i] {
                b'"' => {
                    i = self.string(i, surrogates);
                    continue;
                }
                b'{' => self.stack.push(Frame::Obj {
                    keys_from: self.keys.len(),
                    expect_key: true,
                    key: Cow::Borrowed(""),
                }),
                b'[' => self.stack.push(Frame::Arr { index: 0 }),
                b'}' => {
                    if let Some(Frame::Obj { keys_from, .. }) = self.stack.pop() {
                        self.close_object(keys_from);
                    }
                }
                b']' => {
                    self.stack.pop();
                }
                b',' => match self.stack.last_mut() {
                    Some(Frame::Obj { expect_key, .. }) => *expect_key = true,
                    Some(Frame::Arr { index }) => *index += 1,
                    None => {}
                },
                _ => {}
            }
            i += 1;
        }
    }
}

fn scan(text: &str, surrogates: bool, until: usize) -> Vec<Error> {
    let mut s = Scan {
        text,
        stack: Vec::new(),
        keys: Vec::new(),
        found: Vec::new(),
    };
    s.run(surrogates, until);
    crate::sorting::sort(&mut s.found, &|a, b| a.0.cmp(&b.0));
    s.found.into_iter().map(|(_, e)| e).collect()
}

/// Every key given twice in one object of `text`, which must be valid JSON, in file order.
pub(crate) fn duplicate_keys(text: &str) -> Vec<Error> {
    scan(text, false, usize::MAX)
}

/// The first lone surrogate escape at or before byte `until`, where the parser stopped.
pub(crate) fn lone_surrogate(text: &str, until: usize) -> Option<Error> {
    scan(text, true, until.saturating_add(1))
        .into_iter()
        .find(|e| e.kind == ErrorKind::LoneSurrogate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_are_found_with_their_paths() {
        let cases: &[(&str, &[&str])] = &[
            (r#"{"a":1,"b":2}"#, &[]),
            (r#"{"a":1,"a":2}"#, &["a"]),
            (r#"{"a":{"x":1},"b":[{"y":1,"y":2}]}"#, &["b[0].y"]),
            (r#"{"a":"{\"a\":1,\"a\":2}"}"#, &[]),
            (r#"{"a":1,"\u0061":2}"#, &["a"]),
            (r#"{"s":{"a.b":1,"a.b":2}}"#, &["s[\"a.b\"]"]),
            (
                r#"{"k1":1,"k2":1,"k3":1,"k4":1,"k5":1,"k6":1,"k7":1,"k8":1,"k9":1,"k10":1,"k11":1,"k12":1,"k13":1,"k14":1,"k15":1,"k16":1,"k3":1,"k17":1}"#,
                &["k3"],
            ),
            (r#"[{"a":1},{"a":2}]"#, &[]),
        ];
        for (text, want) in cases {
            let got: Vec<String> = duplicate_keys(text).into_iter().map(|e| e.path).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    /// The parser notes a duplicate key exactly when the scan finds one: a file it passes as
    /// free of them is not scanned.
    #[test]
    fn the_parser_notices_every_duplicate_the_scan_finds() {
        let many: String = (0..40).map(|i| format!("\"k{i}\":{i},")).collect();
        let cases = [
            r#"{"a":1,"b":2}"#.to_string(),
            r#"{"a":1,"a":2}"#.to_string(),
            r#"{"a":{"x":1},"b":[{"y":1,"y":2}]}"#.to_string(),
            r#"{"a":"{\"a\":1,\"a\":2}"}"#.to_string(),
            r#"{"a":1,"\u0061":2}"#.to_string(),
            r#"{"\u0061":1,"\u0062":2}"#.to_string(),
            r#"{"__proto__":1,"__proto__":2}"#.to_string(),
            r#"{"__proto__":{"a":1},"constructor":{"a":1}}"#.to_string(),
            r#"[{"a":1},{"a":2}]"#.to_string(),
            r#"{"":1,"":2}"#.to_string(),
            r#"{"a":1,"A":2}"#.to_string(),
            r#"[[[[{"d":{"d":{"d":1}}}]]]]"#.to_string(),
            r#"[[[[{"d":{"d":{"d":1,"d":2}}}]]]]"#.to_string(),
            format!("{{{many}\"last\":0}}"),
            format!("{{{many}\"k39\":0}}"),
            format!("{{\"x\":{{{many}\"k0\":0}}}}"),
        ];
        for text in &cases {
            let (_, noted) = super::super::json::parse_noting_duplicates(text).expect("json");
            assert_eq!(noted, !duplicate_keys(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn lone_surrogates_are_told_from_pairs() {
        let cases: &[(&str, Option<&str>)] = &[
            (r#"{"a":"\ud83d\ude00"}"#, None),
            (r#"{"a":"\ud800"}"#, Some("a")),
            (r#"{"a":["x","\udc00"]}"#, Some("a[1]")),
            (r#"{"a":"\ud800\u0041"}"#, Some("a")),
            (r#"{"a":"\\ud800"}"#, None),
        ];
        for (text, want) in cases {
            let got = lone_surrogate(text, text.len()).map(|e| e.path);
            assert_eq!(got.as_deref(), *want, "{text}");
        }
    }
}
