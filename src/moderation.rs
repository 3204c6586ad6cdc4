//! Scored criteria: from several evaluators' marks to the one score a bid gets (spec §5).
//!
//! A moderated (consensus) score always wins; without one the evaluators' scores are combined by the
//! tender's method. A mean may fall between scale points; that is allowed and kept exact.

use crate::model::{Marking, ModerationMethod, Scale, ScalePoints};
use crate::money::{minus, plus, Approx, Plain};
use rust_decimal::Decimal;
use std::fmt;

/// Where an aggregated score came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Moderated,
    /// The only evaluator's score.
    Single,
    Mean,
    Median,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Moderated => "moderated",
            Source::Single => "evaluator",
            Source::Mean => "mean",
            Source::Median => "median",
        }
    }
}

/// The score a bid gets on one scored criterion.
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregate<'m> {
    /// Exact (a mean of 3, 4 and 4 is 11/3 to 28 digits).
    pub value: Decimal,
    /// `value` as an exact fraction, `numerator ÷ denominator` (for a mean: the sum of the scores
    /// ÷ their number), so a score can be computed as marks × numerator ÷ (denominator × top) in
    /// one expression: 11/3 to 28 digits, multiplied and divided again, can land just below a
    /// rounding midpoint that the exact value sits on.
    pub numerator: Decimal,
    pub denominator: Decimal,
    pub source: Source,
    /// The marks it was reached from.
    pub marking: &'m Marking,
    /// The lowest and the highest evaluator's mark, or the one score that settles it: found while
    /// the marks are at hand, for the spread warning, which reads them for every bid and criterion
    /// (reading them again from a thousand bids' markings was most of its time, waiting on memory).
    pub low: Decimal,
    pub high: Decimal,
}

impl Aggregate<'_> {
    /// How it was reached, in words ("mean of 3 and 4 is 3.5"), written only into the working
    /// that shows it.
    pub fn how(&self) -> String {
        let mut out = String::new();
        self.write_how(&mut out);
        out
    }

    /// [`Aggregate::how`] appended to `out`. Written piece by piece, without the formatting
    /// machinery: a large evaluation writes this for every scored criterion of every bid.
    pub fn write_how(&self, out: &mut String) {
        let evaluators = &self.marking.evaluators;
        let word = match self.source {
            Source::Moderated => "moderated score ",
            Source::Single => {
                out.push_str(&evaluators[0].0);
                "'s score "
            }
            Source::Mean => "mean of ",
            Source::Median => "median of ",
        };
        out.push_str(word);
        if matches!(self.source, Source::Mean | Source::Median) {
            // "3, 4 and 4", in the evaluators' order.
            for (i, (_, s)) in evaluators.iter().enumerate() {
                out.push_str(match i {
                    0 => "",
                    _ if i == evaluators.len() - 1 => " and ",
                    _ => ", ",
                });
                Plain(*s).push_to(out);
            }
            out.push_str(" is ");
        }
        Approx(self.value, 2).push_to(out);
    }
}

impl<'m> Aggregate<'m> {
    /// The evaluators' scores in their order, comma-separated ("3, 4, 4"): a parameter of the
    /// working, for a catalogue to join in its own words.
    pub fn scores(&self) -> Scores<'_> {
        Scores(self.marking, ", ")
    }
}

/// See [`Aggregate::scores`]: the scores, the last joined by `.1` (", ", or " and " in a working).
pub struct Scores<'m>(&'m Marking, &'static str);

impl fmt::Display for Scores<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let evaluators = &self.0.evaluators;
        for (i, (_, s)) in evaluators.iter().enumerate() {
            let sep = match i {
                0 => "",
                _ if i == evaluators.len() - 1 => self.1,
                _ => ", ",
            };
            f.write_str(sep)?;
            fmt::Display::fmt(&Plain(*s), f)?;
        }
        Ok(())
    }
}

/// Combines the marks; `None` when nobody has scored yet.
///
/// ```
/// use bidscore::model::{Marking, ModerationMethod};
/// use bidscore::moderation::{aggregate, Source};
/// use rust_decimal::Decimal;
/// let m = Marking { evaluators: vec![("A".into(), Decimal::from(3)), ("B".into(), Decimal::from(4))],
///                   ..Marking::default() };
/// let a = aggregate(&m, ModerationMethod::Mean).unwrap();
/// assert_eq!((a.value.to_string().as_str(), a.source), ("3.5", Source::Mean));
/// ```
pub fn aggregate(m: &Marking, method: ModerationMethod) -> Option<Aggregate<'_>> {
    let whole = |v: Decimal, source: Source| Aggregate {
        value: v,
        numerator: v,
        denominator: Decimal::ONE,
        source,
        marking: m,
        low: v,
        high: v,
    };
    if let Some(v) = m.moderated {
        return Some(whole(v, Source::Moderated));
    }
    let n = m.evaluators.len();
    // Scores are points of the scale, at most 10^12 (validation): a sum over even millions of
    // evaluators stays far below the 7.9 × 10^28 a decimal holds.
    let scores = m.evaluators.iter().map(|(_, s)| *s);
    let (numerator, denominator, source) = match (n, method) {
        (0, _) => return None,
        (1, _) => return Some(whole(m.evaluators[0].1, Source::Single)),
        (_, ModerationMethod::Mean) => (
            crate::money::sum(scores),
            Decimal::from(n as u64),
            Source::Mean,
        ),
        (_, ModerationMethod::Median) => {
            let mut scores: Vec<Decimal> = scores.collect();
            crate::sorting::sort(&mut scores, &|a, b| a.cmp(b));
            let mid = n / 2;
            if n % 2 == 1 {
                (scores[mid], Decimal::ONE, Source::Median)
            } else {
                (
                    plus(scores[mid - 1], scores[mid]),
                    Decimal::TWO,
                    Source::Median,
                )
            }
        }
    };
    let (low, high) = extremes(m)?;
    Some(Aggregate {
        value: (numerator / denominator).normalize(),
        numerator,
        denominator,
        source,
        marking: m,
        low,
        high,
    })
}

/// The first lowest and the last highest of the evaluators' marks (as `min` and `max` give).
fn extremes(m: &Marking) -> Option<(Decimal, Decimal)> {
    let mut scores = m.evaluators.iter().map(|(_, s)| *s);
    let first = scores.next()?;
    Some(scores.fold((first, first), |(lo, hi), s| {
        (if s < lo { s } else { lo }, if s >= hi { s } else { hi })
    }))
}

/// The lowest and highest evaluator's scores and how many steps of the scale separate them, when
/// that is more than `beyond` steps and no moderated score settles it; `None` otherwise (also with
/// fewer than two evaluators).
pub fn spread(m: &Marking, scale: &Scale, beyond: Decimal) -> Option<(Decimal, Decimal, Decimal)> {
    aggregate(m, ModerationMethod::Mean)?.spread(scale, beyond)
}

impl Aggregate<'_> {
    /// [`spread`] of the marks this was reached from, read from its own `low` and `high`.
    pub fn spread(&self, scale: &Scale, beyond: Decimal) -> Option<(Decimal, Decimal, Decimal)> {
        match self.source {
            Source::Mean | Source::Median => apart(self.low, self.high, scale, beyond),
            // A moderated score settles it; a single evaluator has no one to differ from.
            Source::Moderated | Source::Single => None,
        }
    }
}

/// `lo`, `hi` and the steps of `scale` between them, when more than `beyond`.
fn apart(
    lo: Decimal,
    hi: Decimal,
    scale: &Scale,
    beyond: Decimal,
) -> Option<(Decimal, Decimal, Decimal)> {
    // On a range (the usual scale) the steps are a division, taken only for a spread wider than
    // `beyond` steps of it: most markings are closer (an evaluation checks every one).
    if let ScalePoints::Range { step, .. } = &scale.points {
        if crate::money::mul(beyond, *step).is_none_or(|width| minus(hi, lo) <= width) {
            return None;
        }
    }
    let steps = scale.steps_between(lo, hi);
    (steps > beyond).then_some((lo, hi, steps))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn marking(scores: &[&str], moderated: Option<&str>) -> Marking {
        Marking {
            evaluators: scores
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("E{}", i + 1), d(s)))
                .collect(),
            moderated: moderated.map(d),
            rationale: None,
        }
    }

    /// The spread read from a combined score is that of the marks it was combined from, whichever
    /// way they were combined: the first lowest and the last highest mark as the evaluators wrote
    /// them, and the steps between.
    #[test]
    fn a_combined_score_spreads_as_its_marks_do() {
        let scale = Scale {
            name: "halves".into(),
            points: ScalePoints::Range {
                from: d("0"),
                to: d("5"),
                step: d("0.5"),
            },
        };
        type Case<'a> = (&'a [&'a str], Option<&'a str>, Option<[&'a str; 3]>);
        let cases: &[Case] = &[
            (&["1", "4", "2"], None, Some(["1", "4", "6"])),
            (&["4", "1"], None, Some(["1", "4", "6"])),
            (&["4.0", "1", "4", "1.00"], None, Some(["1", "4", "6"])),
            (&["5", "0", "2.5", "0", "5"], None, Some(["0", "5", "10"])),
            (&["3", "3.5"], None, Some(["3", "3.5", "1"])),
            (&["3", "3"], None, None),
            (&["0", "5"], Some("2"), None),
            (&["4"], None, None),
            (&[], Some("3"), None),
        ];
        let written = |s: Option<(Decimal, Decimal, Decimal)>| {
            s.map(|(lo, hi, n)| [lo, hi, n.normalize()].map(|x| x.to_string()))
        };
        for &(scores, moderated, expected) in cases {
            let m = marking(scores, moderated);
            let expected = expected.map(|e| e.map(|x| d(x).to_string()));
            assert_eq!(
                written(spread(&m, &scale, Decimal::ZERO)),
                expected,
                "{scores:?}"
            );
            for method in [ModerationMethod::Mean, ModerationMethod::Median] {
                let a = aggregate(&m, method).expect("marked");
                let found = written(a.spread(&scale, Decimal::ZERO));
                assert_eq!(found, expected, "{scores:?} {moderated:?} {method:?}");
            }
        }
    }

    #[test]
    fn aggregation_follows_moderation_rules() {
        use ModerationMethod::*;
        type Case<'a> = (
            &'a [&'a str],
            Option<&'a str>,
            ModerationMethod,
            Option<(&'a str, Source, &'a str)>,
        );
        let cases: &[Case] = &[
            (&[], None, Mean, None),
            (
                &["3"],
                None,
                Mean,
                Some(("3", Source::Single, "E1's score 3")),
            ),
            (
                &["3", "4"],
                None,
                Mean,
                Some(("3.5", Source::Mean, "mean of 3 and 4 is 3.5")),
            ),
            (
                &["3", "4"],
                Some("4"),
                Mean,
                Some(("4", Source::Moderated, "moderated score 4")),
            ),
            (
                &["2", "3", "5"],
                None,
                Median,
                Some(("3", Source::Median, "median of 2, 3 and 5 is 3")),
            ),
            (
                &["5", "2", "3", "4"],
                None,
                Median,
                Some(("3.5", Source::Median, "median of 5, 2, 3 and 4 is 3.5")),
            ),
            (
                &["3", "4", "4"],
                None,
                Mean,
                Some((
                    "3.6666666666666666666666666667",
                    Source::Mean,
                    "mean of 3, 4 and 4 is ≈3.67",
                )),
            ),
        ];
        for (scores, moderated, method, want) in cases {
            let m = marking(scores, *moderated);
            let got = aggregate(&m, *method);
            match (got, want) {
                (None, None) => {}
                (Some(a), Some((v, s, how))) => {
                    assert_eq!(a.value.to_string(), *v, "{scores:?}");
                    assert_eq!(a.source, *s);
                    assert_eq!(a.how().to_string(), *how);
                }
                (g, w) => panic!("{scores:?}: got {g:?}, want {w:?}"),
            }
        }
    }

    #[test]
    fn spread_counts_scale_steps_not_values() {
        let scale = crate::model::listed(&["0", "2", "5", "8", "10"]);
        let zero = Decimal::ZERO;
        assert_eq!(
            spread(&marking(&["5", "8"], None), &scale, zero).unwrap().2,
            d("1")
        );
        assert_eq!(
            spread(&marking(&["2", "10"], None), &scale, zero)
                .unwrap()
                .2,
            d("3")
        );
        // A mark written otherwise than its point ("5.0" for 5) is that point all the same.
        assert_eq!(
            spread(&marking(&["5.0", "8"], None), &scale, zero)
                .unwrap()
                .2,
            d("1")
        );
        assert_eq!(
            spread(&marking(&["2.00", "10.0"], None), &scale, zero)
                .unwrap()
                .2,
            d("3")
        );
        // Three steps are not more than three.
        assert!(spread(&marking(&["2", "10"], None), &scale, d("3")).is_none());
        assert!(spread(&marking(&["2", "10"], Some("5")), &scale, zero).is_none());
        assert!(spread(&marking(&["2"], None), &scale, zero).is_none());
        // On a range: 1 to 4 in steps of 0.5 is six steps.
        let range = Scale {
            name: "halves".into(),
            points: ScalePoints::Range {
                from: d("0"),
                to: d("5"),
                step: d("0.5"),
            },
        };
        let wide = marking(&["1", "4", "2"], None);
        assert_eq!(
            spread(&wide, &range, d("5")).unwrap(),
            (d("1"), d("4"), d("6"))
        );
        assert!(spread(&wide, &range, d("6")).is_none());
        // Limits as large as a decimal holds are never exceeded, whether or not the limit times
        // the step still fits.
        assert!(spread(&wide, &range, Decimal::MAX).is_none());
        let coarse = Scale {
            name: "tens".into(),
            points: ScalePoints::Range {
                from: d("0"),
                to: d("100"),
                step: d("10"),
            },
        };
        let far = marking(&["0", "100"], None);
        assert!(spread(&far, &coarse, Decimal::MAX).is_none());
        assert_eq!(spread(&far, &coarse, d("9")).unwrap().2, d("10"));
    }
}
