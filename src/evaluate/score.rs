//! One criterion scored for one bid: the exact score and fraction of the marks, the input it
//! came from, and its working; and the rounding that makes a score or total official.

use super::relative::sv_base;
use super::workings;
use crate::context::{Ctx, Prepared};
use crate::model::*;
use crate::moderation::Aggregate;
use crate::money::{self, Plain, Shown};
use crate::price::{self, Field};
use crate::text::{say, Compact, Params};
use crate::working::Pending;
use rust_decimal::Decimal;

/// An input as written for the result, without trailing zeros (see [`Compact`]); nothing without
/// `words`.
fn input(words: bool, d: Decimal) -> Compact {
    match words {
        true => Plain(d).compact(),
        false => Compact::EMPTY,
    }
}

/// A criterion score beyond what an exact decimal holds: no figure, only the input.
fn out_of_range(input: Compact) -> Raw {
    Raw {
        score: Decimal::ZERO,
        fraction: Decimal::ZERO,
        input,
        input_from: None,
        how: None,
        working: String::new(),
        code: OUT_OF_RANGE,
        params: Params::new(),
    }
}

/// The code of a figure beyond what an exact decimal holds, on a criterion and as a bid's reason.
pub(crate) const OUT_OF_RANGE: &str = "out-of-range";

/// One criterion scored, before rounding; `None` when the input is missing.
pub(crate) struct Raw {
    pub score: Decimal,
    pub fraction: Decimal,
    pub input: Compact,
    pub input_from: Option<&'static str>,
    pub working: String,
    pub code: &'static str,
    pub params: Params,
    /// A scored criterion's working as figures, with `words` (then `working` and `params` stay
    /// empty: the result writes them from these).
    pub how: Option<Pending>,
}

/// Scores one criterion for one bid. A bid outside the pool is scored as if it had been compared
/// (the field widened by its own amount), so the user sees what it would have got. `None` when the
/// input is missing or the score is out of range (see [`score_leaf`]).
pub(crate) fn score_criterion(
    cx: &Ctx,
    leaf: usize,
    p: &Prepared,
    fields: &[Option<Field>],
    in_pool: bool,
    words: bool,
) -> Option<Raw> {
    score_leaf(cx, leaf, p, fields, in_pool, words).filter(|r| r.code != OUT_OF_RANGE)
}

/// [`score_criterion`], telling an out-of-range score (code [`OUT_OF_RANGE`], no figure to use)
/// from a missing input (`None`). With `words` the score comes with its input, working and
/// parameters as the result shows them; without, those are left empty and only the figures are
/// worked out (the analyses try thousands of "what if" scores and read only their figures). The
/// figures come from the same lines either way.
pub(crate) fn score_leaf(
    cx: &Ctx,
    leaf: usize,
    p: &Prepared,
    fields: &[Option<Field>],
    in_pool: bool,
    words: bool,
) -> Option<Raw> {
    let input = |d: Decimal| input(words, d);
    let (t, fmt, c) = (cx.t, &cx.fmt, cx.leaves[leaf]);
    let marks = c.marks;
    let m: &str = &cx.marks[leaf];
    let field_for = |amount: Decimal| -> Field {
        match (&fields[leaf], in_pool) {
            (Some(f), true) => *f,
            (Some(f), false) => f.with(amount),
            (None, _) => Field::point(amount),
        }
    };
    let from_price = |s: Option<price::Scored>, input: Compact| {
        let Some(s) = s else {
            return out_of_range(input);
        };
        Raw {
            score: s.score,
            fraction: s.fraction,
            input,
            input_from: None,
            how: None,
            working: s.working,
            code: s.code,
            params: s.params,
        }
    };
    match &c.kind {
        Kind::PassFail => None,
        Kind::Price {
            formula, ceiling, ..
        } => {
            let price = p.price?;
            let nothing = |working: String, code: &'static str, params: Params| Raw {
                score: Decimal::ZERO,
                fraction: Decimal::ZERO,
                input: input(price),
                input_from: None,
                how: None,
                working,
                code,
                params: params.with("marks", m).with("amount", Plain(price)),
            };
            if p.above_ceiling_zero {
                let above_ceiling = ceiling.is_some_and(|c| price > c.amount);
                return Some(match p.above_line_max {
                    Some((line, rate)) if !above_ceiling => nothing(
                        workings::above_line_max(words, fmt, m, &line.name, rate, line.max),
                        "above-line-max-zero",
                        Params::when(words)
                            .with("line", &line.id)
                            .with("lineName", &line.name)
                            .with("rate", Plain(rate))
                            .with("max", Plain(line.max.unwrap_or_default())),
                    ),
                    _ => nothing(
                        workings::above_ceiling(words, fmt, m, price),
                        "above-ceiling-zero",
                        Params::when(words),
                    ),
                });
            }
            // A price the formula cannot score (spec §12): the bid is disqualified for it.
            if t.award.scores_price() && price::unscorable(formula, price).is_some() {
                return Some(nothing(
                    workings::not_scorable(words, fmt, m, price, formula.as_str()),
                    "price-not-scorable",
                    Params::when(words).with("formula", formula.as_str()),
                ));
            }
            let shown = Shown::Money(&fmt.currency);
            let field = field_for(price);
            let s = price::against_zero(formula, marks, price, field, shown, words)
                .or_else(|| price::score(formula, marks, price, field, shown, words));
            Some(from_price(s, input(price)))
        }
        Kind::Numeric {
            unit,
            direction,
            formula,
            ..
        } => {
            let v = *p.bid.values.get(&c.id)?;
            let q = Shown::Quantity(unit.as_deref());
            let field = field_for(v);
            let s = match (formula, direction) {
                (NumericFormula::Price(f), _) => price::score(f, marks, v, field, q, words),
                (NumericFormula::SetBounds { best, worst }, _) => price::score(
                    &Formula::SetBounds {
                        best: *best,
                        worst: *worst,
                    },
                    marks,
                    v,
                    field,
                    q,
                    words,
                ),
                (NumericFormula::RelativeToBest, Direction::Lower) => {
                    price::score(&Formula::LowestRatio, marks, v, field, q, words)
                }
                (NumericFormula::RelativeToBest, Direction::Higher) => {
                    let best = field.highest;
                    let params = price::unit(
                        Params::when(words)
                            .with("marks", m)
                            .with("amount", Plain(v))
                            .with("highest", Plain(best)),
                        q,
                    );
                    if best.is_zero() {
                        Some(price::Scored {
                            score: Decimal::ZERO,
                            fraction: Decimal::ZERO,
                            working: workings::nothing_offered(words, m),
                            code: "relative-to-best-all-zero",
                            params,
                        })
                    } else {
                        // v ≤ best (the field holds v): a fraction of at most 1.
                        (|| {
                            Some(price::Scored {
                                score: money::mul_div(marks, v, best)?,
                                fraction: money::mul_div(Decimal::ONE, v, best)?,
                                working: workings::proportion(words, m, q.of(v), q.of(best)),
                                code: "relative-to-best",
                                params,
                            })
                        })()
                    }
                }
            };
            Some(from_price(s, input(v)))
        }
        Kind::Scored { scale, .. } => {
            let a = p.aggregates[leaf].as_ref()?;
            let top = scale.top();
            // An exact mean can run to 28 digits; written once for the input and the parameter.
            let score = input(a.value);
            // One exact expression from the exact fraction of the aggregate (see `Aggregate`). The
            // aggregate lies on the scale, so the fraction is at most 1 and `mul_div` returns a
            // score of at most the marks even when marks × Σ scores (many evaluators) would not fit.
            // The denominator (evaluators or 2, times the top) is at most a few times 10^12.
            let den = money::times(a.denominator, top);
            let (Some(score_value), Some(fraction)) = (
                money::mul_div(marks, a.numerator, den),
                money::mul_div(Decimal::ONE, a.numerator, den),
            ) else {
                return Some(out_of_range(score));
            };
            Some(Raw {
                score: score_value,
                fraction,
                input: score,
                ..scored_raw(a, top, words)
            })
        }
        Kind::Measures { scoring, .. } => {
            let sv = *p.sv.get(c.id.as_str())?;
            let mut params = Params::when(words)
                .with("marks", m)
                .with("socialValue", crate::money::Exact(sv));
            let (num, den, num_text, den_text, code) = match scoring {
                SvScoring::Target(target) => {
                    if sv >= *target {
                        return Some(Raw {
                            score: marks,
                            fraction: Decimal::ONE,
                            input: input(sv),
                            input_from: None,
                            how: None,
                            working: workings::target_met(words, fmt, m, sv, *target),
                            code: "sv-target-met",
                            params: params.with("target", Plain(*target)),
                        });
                    }
                    (
                        sv,
                        *target,
                        say(words, format_args!("{}", fmt.money(sv))),
                        say(words, format_args!("{}", fmt.money(*target))),
                        "sv-target",
                    )
                }
                SvScoring::RelativeToHighest => {
                    let best = field_for(sv).highest;
                    (
                        sv,
                        best,
                        say(words, format_args!("{}", fmt.money(sv))),
                        say(words, format_args!("{}", fmt.money(best))),
                        "sv-relative",
                    )
                }
                SvScoring::RelativeToHighestPercent => {
                    let base = sv_base(t, p.price)?;
                    let Some(pct) = money::percent(sv, base) else {
                        return Some(out_of_range(input(sv)));
                    };
                    let field = field_for(pct);
                    let (text, best_text) = (
                        workings::percent(words, pct),
                        workings::percent(words, field.highest),
                    );
                    // The two percentages as the working shows them ("≈10.34%").
                    params = params
                        .with("percent", &text)
                        .with("bestPercent", &best_text);
                    // (sv ÷ base) ÷ (best sv ÷ best base) as one exact expression: dividing two
                    // rounded percentages would round twice.
                    match field.highest_parts {
                        Some((best_sv, best_base)) if pct < field.highest => {
                            // Social value (up to 10^24 for each measure) times a price can
                            // exceed a decimal: then the two percentages are divided instead.
                            match (money::mul(sv, best_base), money::mul(base, best_sv)) {
                                (Some(num), Some(den)) => {
                                    (num, den, text, best_text, "sv-relative-percent")
                                }
                                _ => (pct, field.highest, text, best_text, "sv-relative-percent"),
                            }
                        }
                        _ => (pct, field.highest, text, best_text, "sv-relative-percent"),
                    }
                }
            };
            if den.is_zero() {
                return Some(Raw {
                    score: Decimal::ZERO,
                    fraction: Decimal::ZERO,
                    input: input(sv),
                    input_from: None,
                    how: None,
                    working: workings::no_social_value(words, m),
                    code: "sv-all-zero",
                    params,
                });
            }
            // num ≤ den (the field or the target holds the bid's own amount): at most the marks.
            let (Some(score), Some(fraction)) = (
                money::mul_div(marks, num, den),
                money::mul_div(Decimal::ONE, num, den),
            ) else {
                return Some(out_of_range(input(sv)));
            };
            Some(Raw {
                score,
                fraction,
                input: input(sv),
                input_from: None,
                how: None,
                working: workings::proportion(words, m, &num_text, &den_text),
                code,
                params: params.with("best", Plain(den)).with("amount", Plain(num)),
            })
        }
    }
}

/// A scored criterion's score as it explains itself: where its input came from and, with `words`,
/// the figures its working is written from (when the result is: see `crate::working`). Its
/// figures are zero: [`score_leaf`] fills them in, and a bid's result takes those of an earlier
/// bid with the same marks instead (`totals::Repeats`).
pub(crate) fn scored_raw(a: &Aggregate, top: Decimal, words: bool) -> Raw {
    Raw {
        score: Decimal::ZERO,
        fraction: Decimal::ZERO,
        input: Compact::EMPTY,
        input_from: Some(a.source.as_str()),
        working: String::new(),
        code: "scored",
        params: Params::when(false),
        how: words.then(|| Pending::of(a, top)),
    }
}

/// The official value of a criterion score: rounded now if the tender rounds per criterion.
pub(crate) fn official(raw: Decimal, t: &Tender) -> Decimal {
    match t.rounding.stage {
        RoundingStage::Criterion => money::round(raw, t.rounding.decimals),
        _ => raw,
    }
}

/// The official total from official criterion scores.
pub(crate) fn total_of(sum: Decimal, t: &Tender) -> Decimal {
    match t.rounding.stage {
        RoundingStage::None => sum,
        _ => money::round(sum, t.rounding.decimals),
    }
}
