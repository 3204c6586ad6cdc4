//! A criterion score's working: its formula with the bid's own numbers ("mean of 3, 4 and 4 is
//! ≈3.67; 40 × ≈3.6667 ÷ 5 = 29.33"). A scored criterion, most of every large tender, keeps its
//! working as the figures it is written from, and the text (with the working's parameters) is
//! written only when asked for or when the result is serialised: an evaluation of a thousand bids
//! then allocates and formats nothing per score that nobody reads. Every other working is held as
//! its text.

use crate::moderation::{Aggregate, Source};
use crate::money::{Approx, Plain};
use crate::parallel::Shared;
use crate::text::{Compact, Params};
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

/// The formula of a criterion score with the bid's own numbers; [`Working::text`] writes it.
#[derive(Clone)]
pub struct Working(Repr);

#[derive(Clone)]
enum Repr {
    Text(String),
    Scored(Scored),
}

/// A scored criterion's working, as figures: how the evaluators' marks became one score, and
/// the share of the marks it earns.
#[derive(Clone)]
struct Scored {
    how: Pending,
    /// The criterion's marks as written.
    marks: Shared<str>,
    /// The official score as published.
    score: Compact,
}

/// Evaluators' scores held without an allocation up to this many (most panels).
const FEW: usize = 4;

/// Whose marks a scored working names.
#[derive(Clone)]
enum Evaluators {
    /// A moderated score names none.
    Moderated,
    /// The only evaluator, by name.
    Single(Compact),
    /// A mean or median: every evaluator's score, in their order.
    Few(u8, [Decimal; FEW]),
    Many(Box<[Decimal]>),
}

/// A scored criterion's working before its official score is known.
#[derive(Clone)]
pub(crate) struct Pending {
    source: Source,
    /// The aggregate, exact.
    value: Decimal,
    /// The top of the scale.
    top: Decimal,
    evaluators: Evaluators,
}

impl Pending {
    /// The figures of the working of `a` on a scale topped by `top`.
    pub(crate) fn of(a: &Aggregate, top: Decimal) -> Pending {
        let marks = &a.marking.evaluators;
        let evaluators = match a.source {
            Source::Moderated => Evaluators::Moderated,
            Source::Single => Evaluators::Single(Compact::text(&marks[0].0)),
            _ if marks.len() <= FEW => {
                let mut few = [Decimal::ZERO; FEW];
                for (slot, (_, s)) in few.iter_mut().zip(marks) {
                    *slot = *s;
                }
                Evaluators::Few(marks.len() as u8, few)
            }
            _ => Evaluators::Many(marks.iter().map(|(_, s)| *s).collect()),
        };
        Pending {
            source: a.source,
            value: a.value,
            top,
            evaluators,
        }
    }

    /// The working completed with the criterion's marks and the official score it comes to.
    pub(crate) fn finish(self, marks: Shared<str>, score: Compact) -> Working {
        Working(Repr::Scored(Scored {
            how: self,
            marks,
            score,
        }))
    }

    fn scores(&self) -> &[Decimal] {
        match &self.evaluators {
            Evaluators::Few(n, few) => &few[..usize::from(*n)],
            Evaluators::Many(all) => all,
            _ => &[],
        }
    }

    /// The scores, the last joined by `last` (" and " in the working, ", " as a parameter).
    fn push_scores(&self, out: &mut String, last: &str) {
        let scores = self.scores();
        for (i, s) in scores.iter().enumerate() {
            out.push_str(match i {
                0 => "",
                _ if i == scores.len() - 1 => last,
                _ => ", ",
            });
            Plain(*s).push_to(out);
        }
    }
}

impl Working {
    /// A working already written.
    pub(crate) fn written(text: String) -> Working {
        Working(Repr::Text(text))
    }

    /// The working's text. Compiled once, not at each of its callers (the WebAssembly build is
    /// near its size budget).
    #[inline(never)]
    pub fn text(&self) -> Cow<'_, str> {
        match &self.0 {
            Repr::Text(t) => Cow::Borrowed(t),
            Repr::Scored(s) => {
                // Room for the whole working, so it is never grown.
                let mut out = String::with_capacity(96);
                s.push_to(&mut out);
                Cow::Owned(out)
            }
        }
    }

    /// The working's parameters when it is held as figures (a scored criterion's): the result
    /// writes them as its `explain.params`. `None` for a working held as text, whose parameters
    /// the criterion's `explain` holds.
    pub fn params(&self) -> Option<Params> {
        match &self.0 {
            Repr::Text(_) => None,
            Repr::Scored(s) => Some(s.params()),
        }
    }
}

impl Scored {
    /// The same figures, bit for bit (a decimal's scale too: 3.5 and 3.50 are written apart).
    fn same_figures(&self, other: &Scored) -> bool {
        let bits = |a: &Decimal, b: &Decimal| a.serialize() == b.serialize();
        let (a, b) = (&self.how, &other.how);
        let evaluators = match (&a.evaluators, &b.evaluators) {
            (Evaluators::Moderated, Evaluators::Moderated) => true,
            (Evaluators::Single(x), Evaluators::Single(y)) => x == y,
            (
                Evaluators::Few(..) | Evaluators::Many(_),
                Evaluators::Few(..) | Evaluators::Many(_),
            ) => {
                let (x, y) = (a.scores(), b.scores());
                x.len() == y.len() && x.iter().zip(y).all(|(x, y)| bits(x, y))
            }
            _ => false,
        };
        evaluators
            && a.source == b.source
            && bits(&a.value, &b.value)
            && bits(&a.top, &b.top)
            && self.marks == other.marks
            && self.score == other.score
    }

    /// How the evaluators' marks became one score ("mean of 3 and 4 is 3.5"), then its share of
    /// the marks and the score. Written piece by piece, without the formatting machinery.
    #[inline(never)]
    fn push_to(&self, out: &mut String) {
        let h = &self.how;
        match (&h.source, &h.evaluators) {
            (_, Evaluators::Single(name)) => {
                out.push_str(name);
                out.push_str("'s score ");
            }
            (Source::Moderated, _) => out.push_str("moderated score "),
            (source, _) => {
                out.push_str(match source {
                    Source::Median => "median of ",
                    _ => "mean of ",
                });
                h.push_scores(out, " and ");
                out.push_str(" is ");
            }
        }
        Approx(h.value, 2).push_to(out);
        out.push_str("; ");
        out.push_str(&self.marks);
        out.push_str(" × ");
        Approx(h.value, 4).push_to(out);
        out.push_str(" ÷ ");
        Plain(h.top).push_to(out);
        out.push_str(" = ");
        out.push_str(&self.score);
    }

    /// The parameters: the marks, the aggregate exact (`score`) and as the working rounds it
    /// (`aggregate` to 2 places, `aggregate4` to 4), the top of the scale, where the aggregate
    /// came from, and the one evaluator's name (`evaluator`) or every evaluator's score
    /// (`scores`, "3, 4, 4").
    #[inline(never)]
    fn params(&self) -> Params {
        let h = &self.how;
        // Each rounded figure written once into `text`, then copied inline.
        let mut text = String::with_capacity(32);
        Approx(h.value, 2).push_to(&mut text);
        let aggregate = Compact::text(&text);
        text.clear();
        Approx(h.value, 4).push_to(&mut text);
        let aggregate4 = Compact::text(&text);
        let score = Plain(h.value).compact();
        let top = Plain(h.top).compact();
        let params = Params::new()
            .put("marks", &self.marks)
            .put("score", &score)
            .put("top", &top)
            .put("from", h.source.as_str())
            .put("aggregate", &aggregate)
            .put("aggregate4", &aggregate4);
        match &h.evaluators {
            Evaluators::Moderated => params,
            Evaluators::Single(name) => params.put("evaluator", name),
            _ => {
                text.clear();
                h.push_scores(&mut text, ", ");
                params.put("scores", &text)
            }
        }
    }
}

impl Serialize for Working {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text())
    }
}

impl crate::json::ToJson for Working {
    fn write(&self, out: &mut crate::json::Json) {
        out.string(&self.text());
    }
}

impl fmt::Debug for Working {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.text(), f)
    }
}

impl fmt::Display for Working {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// Two workings are equal when the result writes them the same, text and parameters: two held as
/// text that read the same, or two scored ones of the very same figures (compared without writing
/// either: after each edit the widget compares every bid with its last result).
impl PartialEq for Working {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Repr::Text(a), Repr::Text(b)) => a == b,
            (Repr::Scored(a), Repr::Scored(b)) => a.same_figures(b),
            _ => false,
        }
    }
}

impl PartialEq<&str> for Working {
    fn eq(&self, other: &&str) -> bool {
        self.text() == *other
    }
}

impl PartialEq<Working> for String {
    fn eq(&self, other: &Working) -> bool {
        *self == other.text()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Marking, ModerationMethod};
    use crate::moderation::aggregate;

    /// The working and parameters as they were written up front, from the aggregate itself.
    fn up_front(a: &Aggregate, marks: &str, top: Decimal, score: &str) -> (String, Params) {
        let text = format!(
            "{}; {marks} × {} ÷ {} = {score}",
            a.how(),
            Approx(a.value, 4),
            Plain(top)
        );
        let params = Params::new()
            .with("marks", marks)
            .with("score", Plain(a.value))
            .with("top", Plain(top))
            .with("from", a.source.as_str())
            .with("aggregate", Approx(a.value, 2))
            .with("aggregate4", Approx(a.value, 4));
        let params = match a.source {
            Source::Moderated => params,
            Source::Single => params.with("evaluator", &a.marking.evaluators[0].0),
            Source::Mean | Source::Median => params.with("scores", a.scores()),
        };
        (text, params)
    }

    #[test]
    fn a_scored_working_reads_as_written_up_front_for_every_source_and_panel_size() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let long = "an evaluator whose name is longer than thirty bytes";
        // Each evaluator's name and score, and the moderated score.
        type Panel<'a> = (Vec<(&'a str, &'a str)>, Option<&'a str>);
        let panels: Vec<Panel> = vec![
            (vec![("A", "3")], None),
            (vec![(long, "2.5")], None),
            (vec![("A", "3"), ("B", "4")], Some("4")),
            (vec![("A", "3"), ("B", "4"), ("C", "4")], None),
            (vec![("A", "0"), ("B", "1"), ("C", "5"), ("D", "2")], None),
            (
                vec![
                    ("A", "1"),
                    ("B", "2"),
                    ("C", "2"),
                    ("D", "5"),
                    ("E", "4"),
                    ("F", "3"),
                ],
                None,
            ),
            (vec![("A", "1000000000000"), ("B", "999999999999.5")], None),
        ];
        for (evaluators, moderated) in panels {
            let m = Marking {
                evaluators: evaluators
                    .iter()
                    .map(|(n, s)| (n.to_string(), d(s)))
                    .collect(),
                moderated: moderated.map(d),
                rationale: None,
            };
            for method in [ModerationMethod::Mean, ModerationMethod::Median] {
                let a = aggregate(&m, method).unwrap();
                let top = d("5");
                let w = Pending::of(&a, top).finish(Shared::from("12.5"), Compact::text("7.33"));
                let (text, params) = up_front(&a, "12.5", top, "7.33");
                assert_eq!(w.text(), text);
                assert_eq!(w.params(), Some(params));
                assert_eq!(w, text.as_str());
            }
        }
        let text = Working::written("60 × 1 = 60".into());
        assert_eq!(text.params(), None);
        assert_eq!(text.text(), "60 × 1 = 60");
    }

    #[test]
    fn workings_are_equal_only_when_written_the_same() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let scored = |scores: &[&str], moderated: Option<&str>, top: &str, score: &str| {
            let m = Marking {
                evaluators: scores
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (format!("E{i}"), d(s)))
                    .collect(),
                moderated: moderated.map(d),
                rationale: None,
            };
            let a = aggregate(&m, ModerationMethod::Mean).unwrap();
            Pending::of(&a, d(top)).finish(Shared::from("40"), Compact::text(score))
        };
        let ws = [
            scored(&["3", "4"], None, "5", "28.00"),
            scored(&["3", "4"], None, "5", "28.01"),
            // The same mean, of the same scores written apart (read the same, held apart).
            scored(&["3.0", "4"], None, "5", "28.00"),
            scored(&["4", "3"], None, "5", "28.00"),
            scored(&["3", "4", "3.5"], None, "5", "28.00"),
            scored(&["3", "4"], None, "5.0", "28.00"),
            scored(&["3"], None, "5", "24.00"),
            // Moderated scores a little apart read the same (rounded) but their parameters differ.
            scored(&["3", "4"], Some("3.33331"), "5", "26.67"),
            scored(&["3", "4"], Some("3.33332"), "5", "26.67"),
            scored(&["3", "4"], Some("3.3333"), "5", "26.67"),
            Working::written("60 × 1 = 60".into()),
            Working::written("60 × 1 = 60.00".into()),
        ];
        for (i, a) in ws.iter().enumerate() {
            for (j, b) in ws.iter().enumerate() {
                // Equal only when written the same (the same mean of scores written apart may
                // be unequal: the bid is then sent again, never shown stale).
                let written = a.text() == b.text() && a.params() == b.params();
                assert!(a != b || written, "{i} {j}: {} / {}", a.text(), b.text());
                assert_eq!(a == b, i == j, "{i} {j}");
            }
            assert!(*a == a.clone());
        }
    }
}
