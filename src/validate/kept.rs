//! A valid tender kept with its text, so that the next text of it, when it differs from this one
//! inside one bid only (an evaluator's score typed, say), is read by reading that bid alone. A
//! widget evaluating after each edit of one bid of hundreds would otherwise parse and check the
//! whole file every time, about a third of the work of an edit.
//!
//! The reading is the same: the text outside the bid is the text already read and found valid,
//! the bid's text is parsed as it sits in the file (at its depth), and the bid is read by the same
//! code against the same model. Anything else (a change outside one bid, the bid's id changed, an
//! error of any kind) reads the whole text again, so errors are always those of [`super::read`].

use super::bids::BidCtx;
use super::json::parse_inside;
use super::reader::Reader;
use super::{read_with, MAX_FILE_BYTES};
use crate::error::Errors;
use crate::model::{IdSet, Tender};

pub struct Kept {
    /// The text read, without a byte order mark.
    text: String,
    tender: Tender,
    /// Where each bid's object starts and ends in `text`.
    spans: Vec<(usize, usize)>,
    /// The reader, holding what it learnt of the model, errors none.
    reader: Reader,
    /// The bid the last text was read by (its index), when it was.
    edited: Option<usize>,
}

impl Kept {
    /// Reads `text`, by one bid when `kept` (from the last text) allows. Err with every error, as
    /// [`super::read`] finds them.
    pub fn read(text: &str, kept: Option<Kept>) -> Result<Kept, Errors> {
        let bare = text.strip_prefix('\u{feff}').unwrap_or(text);
        if let Some(mut k) = kept.filter(|_| text.len() <= MAX_FILE_BYTES) {
            if k.again(bare).is_some() {
                return Ok(k);
            }
        }
        let mut reader = Reader::default();
        let tender = read_with(text, &mut reader)?;
        let text = bare;
        let spans = bid_spans(text.as_bytes());
        Ok(Kept {
            text: text.into(),
            // Without a span for each bid (keys written with escapes), every text is read whole.
            spans: if spans.len() == tender.bids.len() {
                spans
            } else {
                Vec::new()
            },
            tender,
            reader,
            edited: None,
        })
    }

    pub fn tender(&self) -> &Tender {
        &self.tender
    }

    /// The index of the bid this text was read by, the rest being the last text's; `None` when
    /// it was read whole (the model, or which bids there are, may have changed).
    pub fn edited(&self) -> Option<usize> {
        self.edited
    }

    /// Takes in `text` where it differs from the kept one inside one bid; `None` otherwise (with
    /// the reader's errors left in it, so this is not to be kept).
    fn again(&mut self, text: &str) -> Option<()> {
        let (old, new) = (self.text.as_bytes(), text.as_bytes());
        let head = old.iter().zip(new).take_while(|(a, b)| a == b).count();
        // The bid the change starts in, which must hold all of it: from its end on, the new text
        // is the old one, shifted.
        let k = self.spans.partition_point(|s| s.0 <= head).checked_sub(1)?;
        let (start, end) = self.spans[k];
        let new_end = (end + new.len()).checked_sub(old.len())?;
        if new_end < start || old[end..] != new[new_end..] {
            return None;
        }
        // The bid's object sits in the file's object and its list of bids.
        let (v, duplicates) = parse_inside(&text[start..new_end], 2).ok()?;
        let t = &self.tender;
        let bid = self.reader.bid(k, &v, &BidCtx::of(t), &mut IdSet::new())?;
        if !self.reader.errors.is_empty() || duplicates || bid.id != t.bids[k].id {
            return None;
        }
        self.tender.bids[k] = bid;
        self.edited = Some(k);
        for s in &mut self.spans[k..] {
            if s.0 > start {
                s.0 = s.0 + new.len() - old.len();
            }
            s.1 = s.1 + new.len() - old.len();
        }
        self.text.clear();
        self.text.push_str(text);
        Some(())
    }
}

/// Where each object in the top-level list `bids` of `text` (valid JSON) starts and ends.
fn bid_spans(b: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let (mut depth, mut i, mut key, mut in_bids, mut start) = (0, 0, 0..0, false, 0);
    while i < b.len() {
        match b[i] {
            b'"' => {
                let from = i + 1;
                i += 1;
                while b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if depth == 1 {
                    key = from..i;
                }
            }
            c @ (b'{' | b'[') => {
                depth += 1;
                if depth == 2 {
                    // The last text at the top level is this value's key.
                    in_bids = c == b'[' && &b[key.clone()] == b"bids";
                }
                if depth == 3 {
                    start = i;
                }
            }
            b'}' | b']' => {
                if depth == 3 && in_bids {
                    spans.push((start, i + 1));
                }
                depth -= 1;
            }
            _ => {}
        }
        i += 1;
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tender(bids: &str) -> String {
        format!(
            r#"{{"format":"bidscore/1","scales":{{"s":{{"points":[{{"value":0,"label":"No"}},{{"value":3,"label":"Some"}},{{"value":5,"label":"Yes"}}]}}}},"criteria":[{{"id":"q","kind":"scored","name":"Q","weight":60,"scale":"s"}},{{"id":"price","kind":"price","name":"Price","weight":40,"formula":"lowest-ratio"}}],"bids":[{bids}],"tieBreak":["price"]}}"#
        )
    }

    fn bid(id: &str, price: &str, score: &str) -> String {
        format!(
            r#"{{"id":"{id}","price":{price},"scores":{{"q":{{"evaluators":{{"A":{score},"B":5}}}}}}}}"#
        )
    }

    /// Reads `texts` one after another, kept, and each whole: the same tender or the same errors.
    /// For each, whether it was read by one bid (`None` when invalid).
    fn same_as_whole(texts: &[String]) -> Vec<Option<bool>> {
        let mut kept: Option<Kept> = None;
        let mut by_one = Vec::new();
        for t in texts {
            let whole = super::super::read(t);
            let one = kept.as_mut().is_some_and(|k| k.again(t).is_some());
            let read = Kept::read(t, kept.take().filter(|_| one));
            match (&read, &whole) {
                (Ok(k), Ok(w)) => assert_eq!(k.tender(), w, "{t}"),
                (Err(a), Err(b)) => assert_eq!(a, b, "{t}"),
                _ => panic!("kept and whole differ on {t}"),
            }
            if let Ok(k) = &read {
                assert_eq!(k.text, *t);
                assert_eq!(k.spans, bid_spans(t.as_bytes()));
            }
            by_one.push(read.is_ok().then_some(one));
            kept = read.ok();
        }
        by_one
    }

    #[test]
    fn an_edit_inside_one_bid_reads_as_the_whole_text() {
        let three = |a: &str, b: &str| {
            tender(&[bid("a", "100", a), bid("b", b, "3"), bid("c", "90", "0")].join(","))
        };
        let by_one = same_as_whole(&[
            three("5", "120"),
            three("0", "120"),     // a score in the first bid
            three("0", "1200.50"), // longer, in the second
            three("0", "12"),      // shorter
            three("0", "12"),      // unchanged
            three("0", "-1"),      // an error in the bid
            three("0", "\"x\""),   // another
            three("0", "13"),      // and valid again
            three("7", "13"),      // off the scale
            three("5", "13"),
        ]);
        let (t, f) = (Some(true), Some(false));
        assert_eq!(by_one, [f, t, t, t, t, None, None, f, None, f]);
    }

    #[test]
    fn what_one_bid_cannot_say_is_read_whole() {
        let a = bid("a", "100", "5");
        let texts = [
            tender(&[a.clone(), bid("b", "90", "0")].join(",")),
            // The second bid takes the first's id.
            tender(&[a.clone(), bid("a", "90", "0")].join(",")),
            tender(&[a.clone(), bid("b", "90", "0")].join(",")),
            // A key given twice inside a bid.
            tender(&[a.clone(), r#"{"id":"b","price":90,"price":91}"#.into()].join(",")),
            tender(&[a.clone(), bid("b", "90", "0")].join(",")),
            // A bid added, one removed, a change across two bids, outside the bids.
            tender(&[a.clone(), bid("b", "90", "0"), bid("c", "80", "5")].join(",")),
            tender(&[a.clone(), bid("c", "80", "5")].join(",")),
            tender(&[bid("a", "101", "5"), bid("c", "80", "0")].join(",")),
            tender(&[bid("a", "101", "5"), bid("c", "80", "0")].join(",")).replace("60", "70"),
            // Text that is not JSON where the bid was, then a bid that is not an object.
            tender(&[a.clone(), r#"{"id":"c","price":80"#.into()].join(",")),
            tender(&[a.clone(), bid("c", "80", "0")].join(",")),
            tender(&[a.clone(), "5".into()].join(",")),
            tender(&[a.clone(), bid("c", "80", "0")].join(",")),
            // A key written with an escape: no spans, read whole.
            tender(&a).replace("\"bids\"", "\"bi\\u0064s\""),
            tender(&a)
                .replace("\"bids\"", "\"bi\\u0064s\"")
                .replace("100", "99"),
        ];
        let f = Some(false);
        assert_eq!(
            same_as_whole(&texts),
            [f, None, f, None, f, f, f, f, f, None, f, None, f, f, f]
        );
    }

    #[test]
    fn nesting_is_counted_from_the_file() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        for n in [124, 125, 126] {
            let inside = format!(r#"{{"id":"b","price":90,"note":{}}}"#, deep(n));
            same_as_whole(&[
                tender(&[bid("a", "1", "5"), bid("b", "90", "0")].join(",")),
                tender(&[bid("a", "1", "5"), inside].join(",")),
            ]);
        }
    }

    #[test]
    fn spans_are_found_past_text_that_looks_like_json() {
        let text = r#"{"a":"[\"{","bids":[{"id":"x]}\\"},{"id":"y"}],"c":[{}]}"#;
        let spans = bid_spans(text.as_bytes());
        let parts: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(parts, [r#"{"id":"x]}\\"}"#, r#"{"id":"y"}"#]);
    }
}
