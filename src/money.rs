//! Exact decimal arithmetic for money and official scores, and the one rounding policy.
//!
//! Spec §7: rounding is half away from zero on the exact decimal value, as a spreadsheet's `ROUND`
//! does (2.675 → 2.68, 38.5 → 39). `Decimal::round_dp` alone rounds half to even (banker's rounding),
//! which would publish different scores from the buyer's spreadsheet, so every rounding of an
//! official figure goes through [`round`].

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds half away from zero to `dp` decimal places.
///
/// ```
/// use bidscore::money::round;
/// use rust_decimal::Decimal;
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// assert_eq!(round(d("2.675"), 2), d("2.68"));
/// assert_eq!(round(d("38.095"), 0), d("38"));
/// assert_eq!(round(d("-2.5"), 0), d("-3"));
/// ```
pub fn round(value: Decimal, dp: u32) -> Decimal {
    value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// Writes `value` with exactly `dp` decimals after rounding half away from zero ("36.30").
pub fn fixed(value: Decimal, dp: u32) -> String {
    let mut r = round(value, dp);
    r.rescale(dp);
    r.to_string()
}

/// Writes `value` without trailing zeros ("40", "12.5"), for marks and inputs as the buyer wrote them.
pub fn plain(value: Decimal) -> String {
    value.normalize().to_string()
}

/// Writes a quantity for reading in a working: at most `dp` decimals, trailing zeros dropped, and
/// "≈" in front when that display is not the exact value (a mean of 3, 4 and 4 is "≈3.67").
pub fn approx(value: Decimal, dp: u32) -> String {
    let r = round(value, dp);
    if r == value {
        plain(value)
    } else {
        format!("≈{}", plain(r))
    }
}

/// Groups the integer digits in threes: "1080000.00" → "1,080,000.00".
pub fn grouped(text: &str) -> String {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (int, frac) = match digits.find('.') {
        Some(i) => (&digits[..i], &digits[i..]),
        None => (digits, ""),
    };
    let mut out = String::with_capacity(text.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    format!("{sign}{out}{frac}")
}

/// Money as a reader sees it in a working: "£1,080,000.00". Known symbols for GBP, EUR and USD;
/// other currencies are written with their ISO code ("CHF 1,000.00").
pub fn money(value: Decimal, currency: &str) -> String {
    let amount = grouped(&fixed(value, 2));
    match currency {
        "GBP" => format!("£{amount}"),
        "EUR" => format!("€{amount}"),
        "USD" => format!("${amount}"),
        other => format!("{other} {amount}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        let cases = [
            ("2.675", 2, "2.68"),
            ("2.665", 2, "2.67"),
            ("38.095", 0, "38"),
            ("38.5", 0, "39"),
            ("37.5", 0, "38"),
            ("0.125", 2, "0.13"),
            ("-0.125", 2, "-0.13"),
            ("36.296296296", 2, "36.30"),
            ("1.005", 2, "1.01"),
        ];
        for (input, dp, want) in cases {
            assert_eq!(fixed(d(input), dp), want, "{input} at {dp}");
        }
    }

    #[test]
    fn money_is_grouped_with_symbol() {
        let cases = [
            ("1080000", "GBP", "£1,080,000.00"),
            ("980000.5", "GBP", "£980,000.50"),
            ("999.999", "EUR", "€1,000.00"),
            ("12", "USD", "$12.00"),
            ("1234567.891", "CHF", "CHF 1,234,567.89"),
            ("-1500", "GBP", "£-1,500.00"),
        ];
        for (input, cur, want) in cases {
            assert_eq!(money(d(input), cur), want);
        }
    }

    #[test]
    fn approx_marks_inexact_displays() {
        assert_eq!(approx(d("3.5"), 2), "3.5");
        assert_eq!(approx(d("11") / d("3"), 2), "≈3.67");
    }
}
