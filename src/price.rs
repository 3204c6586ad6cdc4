//! Price formulas (spec §3): how a lower-is-better amount becomes a fraction of the marks.
//!
//! Each formula returns its exact fraction and the working a supplier can check with a calculator.
//! The same formulas score lower-is-better numeric criteria (delivery days), so amounts are written
//! through a caller-supplied formatter (money, or a quantity with its unit).
//!
//! The score is computed as `marks × numerator ÷ denominator` in one exact expression, never from a
//! rounded fraction, so rounding happens once, at the stage the tender chooses.

use crate::model::Formula;
use crate::money::{minus, mul_div, plus, Plain, Shown};
use crate::text::{say, Params};
use rust_decimal::Decimal;

/// Whether two comparison inputs are the same to the bit, scale included ("100.0" and "100.00"
/// are equal numbers, but a working may write them apart): the same inputs give the same scores.
pub(crate) fn same_bits(a: &Option<Field>, b: &Option<Field>) -> bool {
    let d = |x: Decimal, y: Decimal| x.serialize() == y.serialize();
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            d(a.lowest, b.lowest)
                && d(a.highest, b.highest)
                && match (a.highest_parts, b.highest_parts) {
                    (None, None) => true,
                    (Some((w, x)), Some((y, z))) => d(w, y) && d(x, z),
                    _ => false,
                }
        }
        _ => false,
    }
}

/// The lowest and highest amounts among the bids that a relative formula compares against.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Field {
    pub lowest: Decimal,
    pub highest: Decimal,
    /// For an amount that is itself a ratio (social value as a percentage of price): the numerator
    /// and denominator of the highest, so a score can be computed in one exact expression instead
    /// of from two already-divided percentages.
    pub highest_parts: Option<(Decimal, Decimal)>,
}

impl Field {
    /// The field of a set of amounts; `None` when the set is empty.
    pub fn of(amounts: impl IntoIterator<Item = Decimal>) -> Option<Field> {
        amounts.into_iter().fold(None, |f, a| {
            Some(match f {
                None => Field::point(a),
                Some(f) => f.with(a),
            })
        })
    }

    /// The field as it would be with one more amount in it (for a bid outside the comparison,
    /// scored "as if" it had been compared).
    pub fn with(self, a: Decimal) -> Field {
        Field {
            lowest: self.lowest.min(a),
            highest: self.highest.max(a),
            highest_parts: if a > self.highest {
                None
            } else {
                self.highest_parts
            },
        }
    }

    /// The field of one amount.
    pub fn point(a: Decimal) -> Field {
        Field {
            lowest: a,
            highest: a,
            highest_parts: None,
        }
    }
}

/// A scored amount: the unrounded score, the fraction of the marks, and the working.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// marks × fraction, exact.
    pub score: Decimal,
    pub fraction: Decimal,
    /// The formula with the numbers substituted, without the final "= score" (added by the caller
    /// once the score is rounded).
    pub working: String,
    /// The working's code and parameters, for rendering it in another language.
    pub code: &'static str,
    pub params: Params,
}

/// The largest multiple of the marks an uncapped reference ratio may give: a price a million times
/// below the reference is a typing error, not a bid, and beyond it a score (and the total of many
/// such scores) could exceed what an exact decimal holds. Every other formula gives at most the
/// marks.
pub const RATIO_LIMIT: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// Scores `amount` (> 0) with `formula` on `marks`, showing amounts in the working as `shown`.
/// `field` must contain `amount` when the formula is relative. `None` when the score is out of
/// range: an uncapped reference ratio above [`RATIO_LIMIT`]. Without `words` the working and its
/// parameters are left empty: the figures are the same, worked out by the same lines.
///
/// ```
/// use bidscore::model::Formula;
/// use bidscore::money::Shown;
/// use bidscore::price::{score, Field};
/// use rust_decimal::Decimal;
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// let field = Field { lowest: d("980000"), highest: d("1200000"), highest_parts: None };
/// let s = score(&Formula::LowestRatio, d("40"), d("1080000"), field, Shown::Money("GBP"), true).unwrap();
/// assert_eq!(bidscore::money::fixed(s.score, 2), "36.30"); // 40 × 980,000 ÷ 1,080,000
/// assert_eq!(s.working, "40 × £980,000.00 ÷ £1,080,000.00");
/// ```
pub fn score(
    formula: &Formula,
    marks: Decimal,
    amount: Decimal,
    field: Field,
    shown: Shown,
    words: bool,
) -> Option<Scored> {
    let m = Plain(marks);
    let p = unit(
        Params::when(words)
            .with("marks", m)
            .with("amount", Plain(amount))
            .with("formula", formula.as_str()),
        shown,
    );
    let full = |code: &'static str, why: &dyn std::fmt::Display, params: Params| {
        Some(Scored {
            score: marks,
            fraction: Decimal::ONE,
            working: say(words, format_args!("{why}, so full marks: {m} × 1")),
            code,
            params,
        })
    };
    let nothing = |code: &'static str, why: &dyn std::fmt::Display, params: Params| {
        Some(Scored {
            score: Decimal::ZERO,
            fraction: Decimal::ZERO,
            working: say(words, format_args!("{why}, so no marks: {m} × 0")),
            code,
            params,
        })
    };
    // Amounts are positive and the field holds `amount`, so the relative fractions lie in 0..=1 and
    // `mul_div` returns their scores; `?` only ever stops the unbounded reference ratio.
    Some(match *formula {
        Formula::LowestRatio => {
            let fraction = mul_div(Decimal::ONE, field.lowest, amount)?;
            Scored {
                score: mul_div(marks, field.lowest, amount)?,
                fraction,
                working: say(
                    words,
                    format_args!(
                        "{m} × {} ÷ {}",
                        term(shown, field.lowest),
                        term(shown, amount)
                    ),
                ),
                code: "lowest-ratio",
                params: p.with("lowest", Plain(field.lowest)),
            }
        }
        Formula::LinearMinMax => {
            let p = p
                .with("lowest", Plain(field.lowest))
                .with("highest", Plain(field.highest));
            if field.highest == field.lowest {
                return full(
                    "linear-min-max-all-equal",
                    &format_args!("every amount is {}", shown.of(amount)),
                    p,
                );
            }
            let span = minus(field.highest, field.lowest);
            Scored {
                score: mul_div(marks, minus(field.highest, amount), span)?,
                fraction: mul_div(Decimal::ONE, minus(field.highest, amount), span)?,
                working: say(
                    words,
                    format_args!(
                        "{m} × ({} − {}) ÷ ({} − {})",
                        term(shown, field.highest),
                        term(shown, amount),
                        term(shown, field.highest),
                        term(shown, field.lowest)
                    ),
                ),
                code: "linear-min-max",
                params: p,
            }
        }
        Formula::DeviationFromLowest { zero_at } => {
            let p = p
                .with("lowest", Plain(field.lowest))
                .with("zeroAt", Plain(zero_at));
            let k = Plain(zero_at);
            // zeroAt and the lowest are at most 10^12 (validation), so this is at most 10^24.
            let zero_point = crate::money::mul(zero_at, field.lowest)?;
            if amount >= zero_point {
                return nothing(
                    "deviation-from-lowest-zero",
                    &format_args!(
                        "{} is at least {k} × the lowest {} = {}",
                        shown.of(amount),
                        shown.of(field.lowest),
                        shown.of(zero_point)
                    ),
                    p.with("zeroPoint", Plain(zero_point)),
                );
            }
            let denom = crate::money::mul(minus(zero_at, Decimal::ONE), field.lowest)?;
            // amount < zeroAt × lowest, so (amount − lowest) ÷ denom is below 1.
            let fraction = minus(
                Decimal::ONE,
                mul_div(Decimal::ONE, minus(amount, field.lowest), denom)?,
            );
            Scored {
                // marks × (1 − (P − Pmin) ÷ ((k − 1) × Pmin)) = marks × (denom − P + Pmin) ÷ denom
                score: mul_div(marks, plus(minus(denom, amount), field.lowest), denom)?,
                fraction,
                working: say(
                    words,
                    format_args!(
                        "{m} × (1 − ({} − {}) ÷ (({k} − 1) × {}))",
                        term(shown, amount),
                        term(shown, field.lowest),
                        term(shown, field.lowest)
                    ),
                ),
                code: "deviation-from-lowest",
                params: p,
            }
        }
        Formula::SetBounds { best, worst } => {
            let p = p.with("best", Plain(best)).with("worst", Plain(worst));
            // Works for either direction: best < worst (lower is better) or best > worst.
            let at_or_beyond_best = if best < worst {
                amount <= best
            } else {
                amount >= best
            };
            let at_or_beyond_worst = if best < worst {
                amount >= worst
            } else {
                amount <= worst
            };
            // Beyond a bound the amount is clamped to it (spec §12), and the working says so.
            let at = |bound: Decimal, which: &str| {
                if amount == bound {
                    say(
                        words,
                        format_args!(
                            "{} reaches the {which} of {}",
                            shown.of(amount),
                            shown.of(bound)
                        ),
                    )
                } else {
                    say(
                        words,
                        format_args!(
                            "{} is beyond the {which} of {} and is clamped to it",
                            shown.of(amount),
                            shown.of(bound)
                        ),
                    )
                }
            };
            if at_or_beyond_best || at_or_beyond_worst {
                let bound = if at_or_beyond_best { best } else { worst };
                // `clampedTo` tells the working's two wordings apart: given only when clamped.
                let p = match amount == bound {
                    true => p,
                    false => p.with("clampedTo", Plain(bound)),
                };
                return match at_or_beyond_best {
                    true => full("set-bounds-best", &at(best, "best"), p),
                    false => nothing("set-bounds-worst", &at(worst, "worst"), p),
                };
            }
            Scored {
                score: mul_div(marks, minus(worst, amount), minus(worst, best))?,
                fraction: mul_div(Decimal::ONE, minus(worst, amount), minus(worst, best))?,
                working: say(
                    words,
                    format_args!(
                        "{m} × ({} − {}) ÷ ({} − {})",
                        term(shown, worst),
                        term(shown, amount),
                        term(shown, worst),
                        term(shown, best)
                    ),
                ),
                code: "set-bounds",
                params: p,
            }
        }
        Formula::ReferenceRatio { reference, cap } => {
            let p = p.with("reference", Plain(reference));
            if cap && amount <= reference {
                return full(
                    "reference-ratio-capped",
                    &format_args!(
                        "{} is at or below the reference {}",
                        shown.of(amount),
                        shown.of(reference)
                    ),
                    p,
                );
            }
            let fraction = mul_div(Decimal::ONE, reference, amount)?;
            if fraction > RATIO_LIMIT {
                return None;
            }
            Scored {
                score: mul_div(marks, reference, amount)?,
                fraction,
                working: say(
                    words,
                    format_args!("{m} × {} ÷ {}", term(shown, reference), term(shown, amount)),
                ),
                code: "reference-ratio",
                params: p,
            }
        }
    })
}

// §12 zero and negative prices

/// Why `formula` cannot score `price` (spec §12): what it needs, and the formulas that could
/// score it; `None` when it can. A ratio to the lowest price or to a reference cannot score a
/// price below zero, and an uncapped reference ratio cannot score a price of zero (a capped one
/// gives it full marks); `linear-min-max` and `set-bounds` score any price.
pub fn unscorable(formula: &Formula, price: Decimal) -> Option<(&'static str, &'static str)> {
    let negative = price < Decimal::ZERO;
    match formula {
        Formula::LowestRatio
        | Formula::DeviationFromLowest { .. }
        | Formula::ReferenceRatio { cap: true, .. }
            if negative =>
        {
            Some(("a price of zero or more", "linear-min-max, set-bounds"))
        }
        Formula::ReferenceRatio { cap: false, .. } if price <= Decimal::ZERO => Some((
            "a price above zero",
            if negative {
                "linear-min-max, set-bounds"
            } else {
                "reference-ratio with a cap, lowest-ratio, linear-min-max, deviation-from-lowest, set-bounds"
            },
        )),
        _ => None,
    }
}

/// A price scored against a lowest qualified price of zero (spec §12): under `lowest-ratio` and
/// `deviation-from-lowest`, a price of zero gets full marks and any other none. `None` for other
/// formulas and for a lowest price above zero.
pub fn against_zero(
    formula: &Formula,
    marks: Decimal,
    amount: Decimal,
    field: Field,
    shown: Shown,
    words: bool,
) -> Option<Scored> {
    if !matches!(
        formula,
        Formula::LowestRatio | Formula::DeviationFromLowest { .. }
    ) || !field.lowest.is_zero()
    {
        return None;
    }
    let m = Plain(marks);
    let params = Params::when(words)
        .with("marks", m)
        .with("amount", Plain(amount))
        .with("formula", formula.as_str());
    Some(if amount.is_zero() {
        Scored {
            score: marks,
            fraction: Decimal::ONE,
            working: say(
                words,
                format_args!(
                    "{} is the lowest price and it is zero, so full marks: {m} × 1",
                    shown.of(amount)
                ),
            ),
            code: "zero-price-lowest",
            params,
        }
    } else {
        Scored {
            score: Decimal::ZERO,
            fraction: Decimal::ZERO,
            working: say(
                words,
                format_args!(
                "the lowest price is {}, and against zero any higher price scores nothing: {m} × 0",
                shown.of(Decimal::ZERO)
            ),
            ),
            code: "zero-price-above",
            params,
        }
    })
}

/// The parameters of a working with `unit` added when its amounts are quantities, not money:
/// the quantity's unit, or nothing (an empty text) when it has none.
pub fn unit(params: Params, shown: Shown) -> Params {
    match shown {
        Shown::Money(_) => params,
        Shown::Quantity(u) => params.with("unit", u.unwrap_or_default()),
    }
}

/// An amount as a term of a working: a negative one (an evaluated price, spec §12) in brackets,
/// so that "£200.00 − (−£8,000.00)" reads one way.
fn term(shown: Shown<'_>, v: Decimal) -> Term<'_> {
    Term(shown.of(v), v.is_sign_negative() && !v.is_zero())
}

struct Term<'a>(crate::money::ShownAmount<'a>, bool);

impl std::fmt::Display for Term<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.1 {
            write!(f, "({})", self.0)
        } else {
            std::fmt::Display::fmt(&self.0, f)
        }
    }
}

/// The formula in words, for the published model and for the UI.
pub fn describe(formula: &Formula) -> &'static str {
    match formula {
        Formula::LowestRatio => {
            "lowest price ÷ your price × marks (UK default; depends on the other bids)"
        }
        Formula::LinearMinMax => {
            "(highest price − your price) ÷ (highest price − lowest price) × marks; the highest price scores 0"
        }
        Formula::DeviationFromLowest { .. } => {
            "marks fall in a straight line from the lowest price (full marks) to zeroAt × the lowest price (0)"
        }
        Formula::SetBounds { .. } => {
            "marks fall in a straight line from the best price set by the buyer (full marks) to the worst (0); other bids do not matter"
        }
        Formula::ReferenceRatio { .. } => {
            "reference price ÷ your price × marks; other bids do not matter"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// (formula, marks, amount, lowest, highest, expected score at 2 dp, expected code)
    #[test]
    fn formulas_score_as_the_spec_says() {
        let ratio = Formula::LowestRatio;
        let linear = Formula::LinearMinMax;
        let dev = Formula::DeviationFromLowest { zero_at: d("2") };
        let dev3 = Formula::DeviationFromLowest { zero_at: d("3") };
        let bounds = Formula::SetBounds {
            best: d("800"),
            worst: d("1200"),
        };
        let reference = Formula::ReferenceRatio {
            reference: d("1000"),
            cap: true,
        };
        let uncapped = Formula::ReferenceRatio {
            reference: d("1000"),
            cap: false,
        };
        let cases = [
            (
                ratio,
                "40",
                "1080000",
                "980000",
                "1200000",
                "36.30",
                "lowest-ratio",
            ),
            (
                ratio,
                "40",
                "980000",
                "980000",
                "1200000",
                "40.00",
                "lowest-ratio",
            ),
            (
                linear,
                "40",
                "1080000",
                "980000",
                "1200000",
                "21.82",
                "linear-min-max",
            ),
            (
                linear,
                "40",
                "1200000",
                "980000",
                "1200000",
                "0.00",
                "linear-min-max",
            ),
            (
                linear,
                "40",
                "500",
                "500",
                "500",
                "40.00",
                "linear-min-max-all-equal",
            ),
            (
                dev,
                "40",
                "1080000",
                "980000",
                "1200000",
                "35.92",
                "deviation-from-lowest",
            ),
            (
                dev,
                "40",
                "1960000",
                "980000",
                "1960000",
                "0.00",
                "deviation-from-lowest-zero",
            ),
            (
                dev3,
                "30",
                "1500",
                "1000",
                "1500",
                "22.50",
                "deviation-from-lowest",
            ),
            (bounds, "20", "1000", "1000", "1000", "10.00", "set-bounds"),
            (
                bounds,
                "20",
                "700",
                "700",
                "700",
                "20.00",
                "set-bounds-best",
            ),
            (
                bounds,
                "20",
                "1300",
                "1300",
                "1300",
                "0.00",
                "set-bounds-worst",
            ),
            (
                reference,
                "10",
                "1250",
                "1250",
                "1250",
                "8.00",
                "reference-ratio",
            ),
            (
                reference,
                "10",
                "900",
                "900",
                "900",
                "10.00",
                "reference-ratio-capped",
            ),
            (
                uncapped,
                "10",
                "800",
                "800",
                "800",
                "12.50",
                "reference-ratio",
            ),
        ];
        for (f, marks, amount, lo, hi, want, code) in cases {
            let field = Field {
                lowest: d(lo),
                highest: d(hi),
                highest_parts: None,
            };
            let s = score(&f, d(marks), d(amount), field, Shown::Quantity(None), true).unwrap();
            assert_eq!(
                crate::money::fixed(s.score, 2),
                want,
                "{} {amount}",
                f.as_str()
            );
            assert_eq!(s.code, code, "{} {amount}", f.as_str());
            // Without words: the same figures, and nothing written.
            let bare = score(&f, d(marks), d(amount), field, Shown::Quantity(None), false).unwrap();
            assert_eq!(
                (bare.score, bare.fraction, bare.code),
                (s.score, s.fraction, s.code)
            );
            assert!(bare.working.is_empty() && bare.params.get("marks").is_none());
        }
    }

    #[test]
    fn field_with_adds_an_amount() {
        let f = Field::of([d("5"), d("3"), d("9")]).unwrap();
        assert_eq!((f.lowest, f.highest), (d("3"), d("9")));
        let g = f.with(d("1"));
        assert_eq!((g.lowest, g.highest), (d("1"), d("9")));
        assert!(Field::of([]).is_none());
    }
}
