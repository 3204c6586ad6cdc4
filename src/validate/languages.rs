//! Text in more than one language. A field of text the buyer writes (the tender's title, a
//! criterion's name or question, a scale point's descriptor, a measure's unit...) is either one
//! text, `"Price"`, or the same text keyed by language tag, `{"en": "Price", "cy": "Pris"}`, so a
//! buyer in Wales publishes one model in English and Welsh.
//!
//! The language is chosen here, once, as the file is read: the tender holds the chosen text
//! alone, as if the file had given it plainly, so results, the published model, assessment
//! summaries, OCDS and warnings carry it without knowing that other languages exist, and a file
//! that gives every text plainly is read exactly as before. A caller wanting another language
//! sets `tender.locale`, which nothing else in the engine reads.
//!
//! Ids, codes, the currency, the locale, the reference, the draw's seed and a measure's licence
//! stay plain text: they are matched or quoted, not read. So does what one party types into a
//! bid (`supplier`, `rationale`, `note`): it is written once, in the language it was written in.

use super::json::{Map, Value};
use super::limits::{MAX_LANGUAGES, MAX_LANGUAGE_TAG_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS};
use super::reader::{join, Obj, Reader, LONG_TEXT};
use crate::error::ErrorKind;

/// Whether `tag` is written as a language tag (RFC 5646, its common shape): a primary language
/// subtag of two or three letters, then any subtags of one to eight letters or digits, joined by
/// hyphens (`en`, `cy`, `cy-GB`, `zh-Hant-TW`, `es-419`), at most
/// [`MAX_LANGUAGE_TAG_CHARS`] long. Case does not matter (`EN` is `en`), as in RFC 5646. The
/// names JavaScript treats specially (`__proto__`, `constructor`, `prototype`) are not tags, so a
/// key the widget would trip over never gets through.
pub(crate) fn is_language_tag(tag: &str) -> bool {
    // One pass over the bytes, by hand: the WebAssembly build is near its size budget.
    let (mut run, mut primary) = (0, true);
    for b in tag.bytes() {
        if b == b'-' {
            if run < if primary { 2 } else { 1 } {
                return false;
            }
            (run, primary) = (0, false);
        } else if b.is_ascii_alphabetic() || (b.is_ascii_digit() && !primary) {
            run += 1;
            if run > if primary { 3 } else { 8 } {
                return false;
            }
        } else {
            return false;
        }
    }
    tag.len() <= MAX_LANGUAGE_TAG_CHARS && run >= if primary { 2 } else { 1 }
}

/// The language of a tag: its primary subtag (`cy` of `cy-GB`).
fn language(tag: &str) -> &str {
    crate::text::split_once_byte(tag, b'-').map_or(tag, |(language, _)| language)
}

/// The tag of `tags` that best matches `want`: the same tag, else the bare language of `want`
/// (`cy` for `cy-GB`), else the first tag of the same language (`cy-GB` for `cy`); all
/// regardless of case.
fn best(tags: &[&str], want: &str) -> Option<usize> {
    let lang = language(want);
    // Three passes over a few tags, written as loops: the WebAssembly build is near its budget.
    for pass in 0..3 {
        for (i, tag) in tags.iter().enumerate() {
            let (tag, want) = match pass {
                0 => (*tag, want),
                1 => (*tag, lang),
                _ => (language(tag), lang),
            };
            if tag.eq_ignore_ascii_case(want) {
                return Some(i);
            }
        }
    }
    None
}

/// Which of a text's languages, `tags` in file order, is read for the tender's `locale`: the
/// best match of the locale, else of `en`, else the first. With `locale` `cy-GB`, `{"en", "cy"}`
/// gives `cy`; with `fr`, or none, `en`; `{"cy", "ga"}` with `fr` gives `cy`.
pub(crate) fn chosen(tags: &[&str], locale: Option<&str>) -> usize {
    locale
        .filter(|l| !l.is_empty())
        .and_then(|l| best(tags, l))
        .or_else(|| best(tags, "en"))
        .unwrap_or(0)
}

impl Reader {
    /// A field of text the buyer writes: plain text, or text by language read in the tender's
    /// locale (see the module's docs). Each text is held to the field's length limit at its own
    /// path (`name.cy`).
    pub(super) fn text(&mut self, o: &Obj, field: &str) -> Option<String> {
        match o.get(field)? {
            Value::Object(map) => self.by_language(map, field, &o.at(field)),
            _ => self.string(o, field),
        }
    }

    /// [`Self::text`] for a field that must be given.
    pub(super) fn required_text(&mut self, o: &Obj, field: &str) -> Option<String> {
        if o.get(field).is_none() {
            // Reported there.
            return self.required_string(o, field);
        }
        self.text(o, field)
    }

    /// Checks every language of a text and returns the one the locale chooses; `None`, with the
    /// errors reported, if any is wrong.
    fn by_language(&mut self, map: &Map, field: &str, path: &str) -> Option<String> {
        let before = self.errors.len();
        self.count(map.len(), MAX_LANGUAGES, "languages", path);
        if map.is_empty() {
            self.err(ErrorKind::EmptyText, path);
        }
        if self.errors.len() > before {
            return None;
        }
        let limit = match LONG_TEXT.contains(&field) {
            true => MAX_TEXT_CHARS,
            false => MAX_NAME_CHARS,
        };
        let mut tags: Vec<&str> = Vec::new();
        let mut texts: Vec<&str> = Vec::new();
        for (tag, value) in map {
            let at = || join(path, tag);
            let wrong = match is_language_tag(tag) {
                false => Some(ErrorKind::InvalidLanguage {
                    found: tag.to_string(),
                }),
                true => tags
                    .iter()
                    .find(|t| t.eq_ignore_ascii_case(tag))
                    .map(|first| ErrorKind::DuplicateLanguage {
                        found: tag.to_string(),
                        first: first.to_string(),
                    }),
            };
            if let Some(kind) = wrong {
                self.err(kind, at());
            }
            match value {
                Value::String(s) => {
                    self.length(s, limit, &at);
                    texts.push(s);
                }
                _ => self.err(ErrorKind::WrongType { expected: "text" }, at()),
            }
            tags.push(tag);
        }
        if self.errors.len() > before {
            return None;
        }
        // No error: every language has its text, so `texts` lines up with `tags`.
        let chosen = chosen(&tags, self.locale.as_deref());
        texts.get(chosen).map(|s| s.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_recognised() {
        for ok in [
            "en",
            "cy",
            "CY",
            "cy-GB",
            "en-gb",
            "zh-Hant-TW",
            "es-419",
            "gsw",
            "ast-ES",
        ] {
            assert!(is_language_tag(ok), "{ok}");
        }
        let long = "en-".to_string() + &"abcdefgh-".repeat(4) + "x";
        for bad in [
            "",
            "e",
            "english",
            "welsh",
            "cy_GB",
            "cy-",
            "-cy",
            "cy--GB",
            "c1",
            "12",
            "cy-GB!",
            "__proto__",
            "constructor",
            "prototype",
            "x-private",
            "i-klingon",
            "cy-abcdefghi",
            "ëë",
            long.as_str(),
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn the_locale_chooses_the_language() {
        // Each case: the languages in file order, the locale, the one chosen (from 0).
        let cases: &[(&str, Option<&str>, usize)] = &[
            ("en cy", Some("cy"), 1),
            ("en cy", Some("cy-GB"), 1),
            ("en cy", Some("CY-gb"), 1),
            ("en cy", Some("en"), 0),
            ("en cy", Some("en-GB"), 0),
            ("en cy", Some("fr"), 0),
            ("en cy", Some(""), 0),
            ("en cy", None, 0),
            ("cy en", None, 1),
            ("cy ga", Some("fr"), 0),
            ("ga cy", None, 0),
            // The exact tag before the bare language, the bare language before another region.
            ("cy cy-GB", Some("cy-GB"), 1),
            ("en-US en cy", Some("en-GB"), 1),
            ("en-US cy", Some("en-GB"), 0),
            ("en cy-GB", Some("cy"), 1),
            ("cy-GB en-GB", None, 1),
            ("EN cy", Some("fr"), 0),
        ];
        for (tags, locale, want) in cases {
            let tags: Vec<&str> = tags.split(' ').collect();
            assert_eq!(chosen(&tags, *locale), *want, "{tags:?} {locale:?}");
        }
    }
}
