//! The workings: each score written as its formula with the bid's own numbers ("60 × £90,000.00 ÷
//! £100,000.00 = 54.00"), so anyone can check the figure by hand. Scoring (`score`, `totals`)
//! decides every number; this file decides only how the sums read. Price formulas, which
//! numeric criteria share, write theirs in [`crate::price`] beside each equation.
//!
//! Each working but the percentage (used twice) is marked `#[inline]`, to be compiled where it
//! is called: as calls of their own they made the WebAssembly build larger.

use crate::context::Fmt;
use crate::money::{write_grouped, write_money, Approx};
use crate::text::say;
use rust_decimal::Decimal;
use std::fmt::Display;

/// What a criterion shows when a score is too large to work out exactly.
pub(super) const TOO_LARGE: &str = "not scored: the score is too large to work out exactly";
/// What a criterion shows while its input is missing.
pub(super) const MISSING: &str = "not scored yet: the input is missing";
/// What a scored criterion shows while the consensus the tender requires is not recorded.
pub(super) const NEEDS_CONSENSUS: &str =
    "not scored yet: the evaluators' scores need a moderated score, as the tender requires a consensus";

/// `marks × amount ÷ best`: the marks in proportion to the best in the field, or to a target.
#[inline]
pub(super) fn proportion(words: bool, m: &str, amount: impl Display, best: impl Display) -> String {
    say(words, format_args!("{m} × {amount} ÷ {best}"))
}

/// A price above a ceiling that scores zero.
#[inline]
pub(super) fn above_ceiling(words: bool, fmt: &Fmt, m: &str, price: Decimal) -> String {
    say(
        words,
        format_args!(
            "{} is above the ceiling, so no marks: {m} × 0",
            fmt.money(price)
        ),
    )
}

/// A rate above its line's maximum under `"aboveCeiling": "zero"` (spec §11).
#[inline]
pub(super) fn above_line_max(
    words: bool,
    fmt: &Fmt,
    m: &str,
    line: &str,
    rate: Decimal,
    max: Option<Decimal>,
) -> String {
    say(
        words,
        format_args!(
            "the rate {} for \"{line}\" is above its maximum of {}, so no marks: {m} × 0",
            fmt.money(rate),
            fmt.money(max.unwrap_or_default())
        ),
    )
}

/// A price the formula cannot score (spec §12); the bid is disqualified for it.
#[inline]
pub(super) fn not_scorable(
    words: bool,
    fmt: &Fmt,
    m: &str,
    price: Decimal,
    formula: &str,
) -> String {
    say(
        words,
        format_args!(
            "{} cannot be scored by \"{formula}\", so no marks: {m} × 0",
            fmt.money(price)
        ),
    )
}

/// A higher-is-better value when no bid offers more than zero.
#[inline]
pub(super) fn nothing_offered(words: bool, m: &str) -> String {
    say(
        words,
        format_args!("no bid offers more than 0, so no marks: {m} × 0"),
    )
}

/// Social value that meets its target.
#[inline]
pub(super) fn target_met(words: bool, fmt: &Fmt, m: &str, sv: Decimal, target: Decimal) -> String {
    say(
        words,
        format_args!(
            "{} meets the target of {}, so full marks: {m} × 1",
            fmt.money(sv),
            fmt.money(target)
        ),
    )
}

/// Social value as a percentage of the price, as the working shows it.
pub(super) fn percent(words: bool, d: Decimal) -> String {
    say(words, format_args!("{}%", Approx(d, 2)))
}

/// Social value when no bid commits any.
#[inline]
pub(super) fn no_social_value(words: bool, m: &str) -> String {
    say(
        words,
        format_args!("no bid commits any social value, so no marks: {m} × 0"),
    )
}

/// The working completed with the official score it comes to.
#[inline]
pub(super) fn equals(mut working: String, shown: &str) -> String {
    working.push_str(" = ");
    working.push_str(shown);
    working
}

/// One social value commitment: quantity × proxy value = money ("4.2 FTE year × £28,000.00 =
/// £117,600.00"), from the figures the result gives it as (a quantity as [`plain`] writes it, the
/// proxy value and the money as [`fixed`] does, to the penny): each converted once, and the working
/// put together from them with no formatting machinery (every bid has a line per measure).
///
/// [`plain`]: crate::money::plain
/// [`fixed`]: crate::money::fixed
#[inline]
pub(super) fn commitment(
    currency: &str,
    unit: &str,
    quantity: &str,
    proxy: &str,
    money: &str,
) -> String {
    let mut out =
        String::with_capacity(quantity.len() + unit.len() + proxy.len() + money.len() + 24);
    let written = write_grouped(quantity, &mut out).and_then(|()| {
        out.push(' ');
        out.push_str(unit);
        out.push_str(" × ");
        write_money(proxy, currency, &mut out)?;
        out.push_str(" = ");
        write_money(money, currency, &mut out)
    });
    written.expect("writing to a String cannot fail");
    out
}

#[cfg(test)]
mod tests {
    use super::commitment;
    use crate::money::{fixed, plain};

    /// A social value line reads as the quantity, proxy value and money it is given as: grouped in
    /// threes, money with its currency's symbol (or code), the unit as the buyer wrote it.
    #[test]
    fn a_commitment_reads_from_its_figures() {
        let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
        let cases = [
            ("GBP", "hour", "1200", "17.5", "1,200 hour × £17.50 = £21,000.00"),
            ("EUR", "FTE year", "4.20", "28000", "4.2 FTE year × €28,000.00 = €117,600.00"),
            ("CHF", "tonne", "0", "12.345", "0 tonne × CHF 12.35 = CHF 0.00"),
            ("USD", "<b>visit</b>", "0.001", "999.999", "0.001 <b>visit</b> × $1,000.00 = $1.00"),
            (
                "GBP",
                "week",
                "999999999999.999",
                "999999999999.99",
                "999,999,999,999.999 week × £999,999,999,999.99 = £999,999,999,999,989,000,000,000.00",
            ),
        ];
        for (currency, unit, q, proxy, want) in cases {
            let value = d(q) * d(proxy);
            let got = commitment(
                currency,
                unit,
                &plain(d(q)),
                &fixed(d(proxy), 2),
                &fixed(value, 2),
            );
            assert_eq!(got, want);
        }
    }
}
