//! Exact decimal arithmetic for money and official scores, and the one rounding policy.
//!
//! Spec §7: rounding is half away from zero on the exact decimal value, as a spreadsheet's `ROUND`
//! does (2.675 → 2.68, 38.5 → 39). `Decimal::round_dp` alone rounds half to even (banker's rounding),
//! which would publish different scores from the buyer's spreadsheet, so every rounding of an
//! official figure goes through [`round`].

use crate::text::Compact;
use rust_decimal::Decimal;
use std::fmt;

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
    rounded(value, dp).0
}

/// [`round`], and whether the rounding left the value as it was (a mean of 3 and 4 rounded to 2
/// places is 3.5 exactly; of 3, 4 and 4 it is not).
///
/// One 128-bit division of the mantissa, where the decimal crate's rounding divides and multiplies
/// back in steps of nine digits: an evaluation rounds every score it writes, several times over.
/// The result is the crate's `MidpointAwayFromZero` to the bit, the sign of a zero included
/// (checked against it in the tests below).
fn rounded(value: Decimal, dp: u32) -> (Decimal, bool) {
    let scale = value.scale();
    if scale <= dp {
        return (value, true);
    }
    // At most 28 places are dropped, and 10^28 fits in 128 bits.
    let divisor = 10u128.pow(scale - dp);
    let magnitude = value.mantissa().unsigned_abs();
    let (mut q, r) = (magnitude / divisor, magnitude % divisor);
    // Half away from zero: up when the dropped part is at least half the divisor.
    if r >= divisor - r {
        q += 1;
    }
    // `q` is at most a tenth of a 96-bit mantissa plus one: it fits, and `dp` < `scale` ≤ 28.
    let mut out = Decimal::from_i128_with_scale(q as i128, dp);
    // As the crate does: a value that rounds to zero is +0, and a zero keeps its sign.
    out.set_sign_negative(value.is_sign_negative() && (q != 0 || magnitude == 0));
    (out, r == 0)
}

/// Whether `value` is a whole number (3, 3.00), in at most one division of its mantissa: the test
/// runs on every score of every bid for the averaged-off-scale warning. With decimals, a whole
/// number's mantissa is a multiple of ten, so an odd one is not whole: most averages off a scale
/// (3.33…3, 2.5, 3.66…7) are told apart by their last bit, without the 128-bit division.
pub fn is_whole(value: Decimal) -> bool {
    value.scale() == 0 || (value.mantissa() & 1 == 0 && rounded(value, 0).1)
}

/// Displays a value with exactly `.1` decimals after rounding half away from zero ("36.30").
/// The wrappers below write straight into the output, so a working costs one allocation, not one
/// per number (evaluations of large tenders write hundreds of thousands of numbers).
#[derive(Debug, Clone, Copy)]
pub struct Fixed(pub Decimal, pub u32);

impl Fixed {
    fn digits(self) -> Digits {
        let mut r = round(self.0, self.1);
        r.rescale(self.1);
        Digits::of(r, false)
    }

    /// The text as a [`Compact`], written without the formatting machinery: an evaluation writes
    /// a score and a fraction this way for every criterion of every bid.
    pub fn compact(self) -> Compact {
        Compact::text(self.digits().as_str())
    }
}

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.digits().as_str())
    }
}

/// Displays a value without trailing zeros ("40", "12.5").
#[derive(Debug, Clone, Copy)]
pub struct Plain(pub Decimal);

impl Plain {
    /// The text appended to `out`, without the formatting machinery (see [`Fixed::compact`]).
    pub fn push_to(self, out: &mut String) {
        // A whole number below 10 (an evaluator's mark, mostly) needs no buffer of digits.
        if self.0.scale() == 0 {
            if let Ok(n @ 0..=9) = u8::try_from(self.0.mantissa()) {
                out.push(char::from(b'0' + n));
                return;
            }
        }
        out.push_str(Digits::of(self.0, true).as_str());
    }

    /// The text as a [`Compact`] (see [`Fixed::compact`]).
    pub fn compact(self) -> Compact {
        Compact::text(Digits::of(self.0, true).as_str())
    }
}

impl fmt::Display for Plain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(Digits::of(self.0, true).as_str())
    }
}

/// Displays a value as the decimal crate displays it: every place of its scale ("1.50"), and a
/// minus on a negative zero ("-0.0"). The crate's own display would bring its digit routine into
/// the WebAssembly build for the few places that show a value this way.
#[derive(Debug, Clone, Copy)]
pub struct Exact(pub Decimal);

impl fmt::Display for Exact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_zero() && self.0.is_sign_negative() {
            f.write_str("-")?;
        }
        f.write_str(Digits::of(self.0, false).as_str())
    }
}

/// A decimal's text ("-1080000.5") built on the stack from its integer mantissa: about twenty
/// times faster than the general routine, which matters when a large evaluation writes hundreds
/// of thousands of numbers. Digits come from 64-bit arithmetic once the rest fits in 64 bits
/// (every realistic price, mark and score does from the start; exact quotients carry up to 28
/// digits).
struct Digits {
    out: [u8; 40],
    /// Where the text starts: it is written from the end of `out` backwards.
    start: usize,
}

impl Digits {
    fn of(d: Decimal, strip_zeros: bool) -> Digits {
        const TEN_POW_19: u128 = 10_000_000_000_000_000_000;
        let mantissa = d.mantissa();
        let mut wide = mantissa.unsigned_abs();
        let mut scale = d.scale() as usize;
        // 128-bit division is slow: strip zeros in it only while the value needs it, then split
        // it once into 64-bit halves of up to 19 digits each.
        while strip_zeros && scale > 0 && wide > u128::from(u64::MAX) && wide % 10 == 0 {
            wide /= 10;
            scale -= 1;
        }
        let (high, mut low) = match u64::try_from(wide) {
            Ok(n) => (0, n),
            Err(_) => {
                let high = wide / TEN_POW_19;
                (high as u64, (wide - high * TEN_POW_19) as u64)
            }
        };
        while strip_zeros && high == 0 && scale > 0 && low % 10 == 0 {
            low /= 10;
            scale -= 1;
        }
        // The digits alone first, from the least significant, into a buffer of zeros (which pad
        // the low half to its 19 digits, and the decimals to the point); then the whole digits
        // move one place to the left to make room for the point. At most 29 digits (a 96-bit
        // mantissa), a point and a sign.
        let mut w = Digits {
            out: [b'0'; 40],
            start: 40,
        };
        // Two halves: the low one written to its full 19 digits when there is a high one.
        for (mut n, end) in [(low, 40), (high, 21)] {
            let mut at = end;
            while n > 0 {
                at -= 1;
                w.out[at] = b'0' + (n % 10) as u8;
                n /= 10;
            }
            if at < end {
                w.start = w.start.min(at);
            }
        }
        // At least one digit before the point ("0.5").
        w.start = w.start.min(40 - scale - 1);
        if scale > 0 {
            let whole = 40 - scale - w.start;
            for k in w.start..w.start + whole {
                w.out[k - 1] = w.out[k];
            }
            w.start -= 1;
            w.out[w.start + whole] = b'.';
        }
        if mantissa < 0 && (high != 0 || low != 0) {
            w.start -= 1;
            w.out[w.start] = b'-';
        }
        w
    }

    fn as_str(&self) -> &str {
        // Only ASCII digits, '-' and '.' were written.
        std::str::from_utf8(&self.out[self.start..]).unwrap_or("0")
    }
}

/// Displays a quantity with at most `.1` decimals, trailing zeros dropped, and "≈" in front when
/// that is not the exact value (a mean of 3, 4 and 4 is "≈3.67").
#[derive(Debug, Clone, Copy)]
pub struct Approx(pub Decimal, pub u32);

impl Approx {
    /// The text appended to `out`, without the formatting machinery (see [`Fixed::compact`]).
    pub fn push_to(self, out: &mut String) {
        let (r, exact) = rounded(self.0, self.1);
        if !exact {
            out.push('≈');
        }
        out.push_str(Digits::of(r, true).as_str());
    }
}

impl fmt::Display for Approx {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Through a text of its own, so the digits are written by one piece of code (the hot
        // paths call `push_to`; this serves messages).
        let mut text = String::new();
        self.push_to(&mut text);
        f.write_str(&text)
    }
}

/// `a × b ÷ c`, exactly when the product fits in a decimal; otherwise from the quotient first
/// (then exact to about 20 significant digits, far below any published digit). `None` when the
/// result itself is beyond what a decimal holds, or `c` is zero: the caller reports it, never a
/// saturated figure. Scores are `marks × numerator ÷ denominator`; when `|b| ≤ |c|` (a fraction of
/// at most 1) the result is at most `|a|` and always fits.
#[inline(never)]
pub fn mul_div(a: Decimal, b: Decimal, c: Decimal) -> Option<Decimal> {
    mul(a, b)
        .and_then(|x| div(x, c))
        .or_else(|| div(b, c).and_then(|q| mul(q, a)))
}

// Checked arithmetic, each compiled once: `rust_decimal`'s checked operations inline their whole
// algorithm wherever they are called, which cost kilobytes of WebAssembly per call site.

/// `a × b`; `None` beyond what a decimal holds.
#[inline(never)]
pub fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// `a ÷ b`; `None` when `b` is zero or the quotient is beyond what a decimal holds.
#[inline(never)]
pub fn div(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_div(b)
}

/// `a + b`; `None` beyond what a decimal holds.
#[inline(never)]
pub fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

/// `a − b`; `None` beyond what a decimal holds. Through [`add`] (negating is exact), so the
/// subtraction is not compiled a second time.
pub fn sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    add(a, -b)
}

// The operators, through the checked operations above: `a + b`, `a − b` and `a × b` of figures
// the caller knows to fit, which panic beyond a decimal as the decimal crate's operators do. Its
// operators compile each operation a second time beside its checked one (five kilobytes of
// WebAssembly for the three), so the crate writes these instead.

/// `a + b` (see above).
pub fn plus(a: Decimal, b: Decimal) -> Decimal {
    add(a, b).expect("a sum within what a decimal holds")
}

/// `a − b` (see above).
pub fn minus(a: Decimal, b: Decimal) -> Decimal {
    add(a, -b).expect("a difference within what a decimal holds")
}

/// `a × b` (see above).
pub fn times(a: Decimal, b: Decimal) -> Decimal {
    mul(a, b).expect("a product within what a decimal holds")
}

/// The sum of `values`, as `Iterator::sum` adds them (from zero, in order). Sums, floors and
/// ceilings written here use this crate's one compiled `+` and `−`: the decimal crate's own
/// `sum`, `+=`, `floor`, `ceil` and `fract` each bring a second copy of the whole addition into
/// the WebAssembly build.
pub fn sum(values: impl IntoIterator<Item = Decimal>) -> Decimal {
    values.into_iter().fold(Decimal::ZERO, plus)
}

/// The largest whole number at most `value`, digit for digit `Decimal::floor` (see [`sum`]).
pub fn floor(value: Decimal) -> Decimal {
    let whole = value.trunc();
    if value.is_sign_negative() && whole != value {
        minus(whole, Decimal::ONE)
    } else {
        whole
    }
}

/// The smallest whole number at least `value`, digit for digit `Decimal::ceil` (see [`sum`]).
pub fn ceil(value: Decimal) -> Decimal {
    let whole = value.trunc();
    if value.is_sign_positive() && whole != value {
        plus(whole, Decimal::ONE)
    } else {
        whole
    }
}

/// `part` as a percentage of `whole`; `None` when `whole` is zero or the percentage is beyond what
/// a decimal holds (social value of 10^24 on a price of 10^-10).
pub fn percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    mul_div(part, Decimal::ONE_HUNDRED, whole)
}

/// `text` as `str::parse::<u32>` reads it (an optional `+`, then one digit or more, at most
/// `u32::MAX`), in one loop of this module's own rather than the standard library's integer parser.
fn parse_u32(text: &str) -> Option<u32> {
    let digits = text.strip_prefix('+').unwrap_or(text);
    if digits.is_empty() {
        return None;
    }
    digits.bytes().try_fold(0u32, |n, b| {
        let digit = b.wrapping_sub(b'0');
        (digit < 10).then_some(())?;
        n.checked_mul(10)?.checked_add(u32::from(digit))
    })
}

/// A number written in a file (`-12.5`, `1.2e3`) as an exact decimal, with the scale it was
/// written with; `None` when it is not a number or no decimal holds it.
///
/// It reads exactly what `rust_decimal` reads (`Decimal::from_str_exact`, and
/// `Decimal::from_scientific` when there is an exponent, whose mantissa is rounded to the
/// decimal's precision), so a file reads the same; being one loop over the text it saves the
/// WebAssembly build that crate's parsers, several kilobytes each.
pub(crate) fn parse(text: &str) -> Option<Decimal> {
    // `e` or `E`.
    let Some(e) = text.bytes().position(|b| b | 0x20 == b'e') else {
        return digits(text.as_bytes(), false);
    };
    let mut d = digits(&text.as_bytes()[..e], true)?;
    let scale = d.scale();
    let exp = &text[e + 1..];
    match exp.strip_prefix('-') {
        Some(exp) => {
            let exp = parse_u32(exp)?;
            d.set_scale(scale.checked_add(exp)?).ok()?;
        }
        None => {
            let mut exp = parse_u32(exp)?;
            if exp <= scale {
                d.set_scale(scale - exp).ok()?;
            } else if exp <= 28 {
                // Scaled up at most 10^19 at a time, as `rust_decimal` does (a product beyond the
                // decimal's precision is rounded there the same way).
                while exp > 0 {
                    let step = exp.min(19);
                    d = mul(d, Decimal::from(10u64.pow(step)))?;
                    exp -= step;
                }
                d.normalize_assign();
            } else {
                return None;
            }
        }
    }
    Some(d)
}

/// `[+-]digits[.digits]` as an exact decimal. With `round`, digits beyond what a decimal holds
/// after the point are rounded (half up on the first one dropped), else they make it `None`.
fn digits(text: &[u8], round: bool) -> Option<Decimal> {
    let (negative, body) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    // Nearly every number: at most 18 digits, which nothing can overflow or round. Read in 64
    // bits, as fast as the decimal crate's own parser reads it.
    if body.len() <= 18 {
        let (mut data, mut scale, mut point, mut any) = (0u64, 0u32, false, false);
        for &b in body {
            match b {
                b'.' if !point => point = true,
                b'0'..=b'9' => {
                    any = true;
                    data = data * 10 + u64::from(b - b'0');
                    scale += u32::from(point);
                }
                _ => return None,
            }
        }
        return any
            .then(|| Decimal::from_parts(data as u32, (data >> 32) as u32, 0, negative, scale));
    }
    wide(negative, body, round)
}

/// [`digits`] for more than 18 of them, in 128 bits.
#[inline(never)]
fn wide(negative: bool, body: &[u8], round: bool) -> Option<Decimal> {
    const LIMIT: u128 = 1 << 96;
    let (mut data, mut scale, mut point, mut any) = (0u128, 0u32, false, false);
    let mut i = 0;
    // Where rounding starts, if it does: the index of the first digit dropped.
    let mut cut = None;
    while i < body.len() {
        match body[i] {
            b'.' if !point => point = true,
            b @ b'0'..=b'9' => {
                any = true;
                let next = data * 10 + u128::from(b - b'0');
                if next >= LIMIT || (point && scale == 28) {
                    if !point || !round {
                        return None;
                    }
                    cut = Some(i);
                    break;
                }
                data = next;
                scale += u32::from(point);
            }
            _ => return None,
        }
        i += 1;
    }
    if let Some(i) = cut {
        if body[i] >= b'5' {
            data += 1;
            if data >= LIMIT {
                if scale == 0 {
                    return None;
                }
                data = (data + 4) / 10;
                scale -= 1;
            }
        }
        if !body[i + 1..].iter().all(u8::is_ascii_digit) {
            return None;
        }
    }
    any.then(|| {
        Decimal::from_parts(
            data as u32,
            (data >> 32) as u32,
            (data >> 64) as u32,
            negative,
            scale,
        )
    })
}

/// Writes `value` with exactly `dp` decimals after rounding half away from zero ("36.30"). Copied
/// from its digits in one allocation of the right size: through the formatting machinery the text
/// grew twice or three times (a large evaluation writes every bid's price and social value so).
pub fn fixed(value: Decimal, dp: u32) -> String {
    Fixed(value, dp).digits().as_str().into()
}

/// Writes `value` without trailing zeros ("40", "12.5"), for marks and inputs as the buyer wrote them.
pub fn plain(value: Decimal) -> String {
    Plain(value).to_string()
}

/// Writes a quantity for reading in a working (see [`Approx`]).
pub fn approx(value: Decimal, dp: u32) -> String {
    Approx(value, dp).to_string()
}

/// Groups the integer digits in threes: "1080000.00" → "1,080,000.00".
pub fn grouped(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 3);
    write_grouped(text, &mut out).expect("writing to a String cannot fail");
    out
}

pub(crate) fn write_grouped(text: &str, f: &mut dyn fmt::Write) -> fmt::Result {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (int, frac) = match crate::text::find_byte(digits, b'.') {
        Some(i) => (&digits[..i], &digits[i..]),
        None => (digits, ""),
    };
    f.write_str(sign)?;
    // The first group is the remainder, then threes: "1" ",080" ",000".
    let first = match int.len() % 3 {
        0 if !int.is_empty() => 3,
        n => n,
    };
    f.write_str(&int[..first])?;
    let mut i = first;
    while i < int.len() {
        f.write_str(",")?;
        f.write_str(&int[i..i + 3])?;
        i += 3;
    }
    f.write_str(frac)
}

/// Money as a reader sees it in a working: "£1,080,000.00". Known symbols for GBP, EUR and USD;
/// other currencies are written with their ISO code ("CHF 1,000.00").
pub fn money(value: Decimal, currency: &str) -> String {
    Money(value, currency).to_string()
}

/// [`money`] written straight into the output, with no allocation.
#[derive(Debug, Clone, Copy)]
pub struct Money<'a>(pub Decimal, pub &'a str);

impl fmt::Display for Money<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_money(Fixed(self.0, 2).digits().as_str(), self.1, f)
    }
}

/// An official figure (a score, total or award value already rounded as the tender says) shown
/// as money, never rounded again: every decimal it has, and at least the 2 of pence ("90000.125"
/// → "£90,000.125", "300000" → "£300,000.00").
#[derive(Debug, Clone, Copy)]
pub struct MoneyExact<'a>(pub Decimal, pub &'a str);

impl fmt::Display for MoneyExact<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut r = self.0;
        if r.scale() < 2 {
            r.rescale(2);
        }
        write_money(Digits::of(r, false).as_str(), self.1, f)
    }
}

/// The currency's symbol (or code) and the grouped digits of `text`, an amount as [`fixed`] writes
/// it: from the digits already written, a working shows an amount it also gives as a figure
/// without converting it a second time.
pub(crate) fn write_money(text: &str, currency: &str, f: &mut dyn fmt::Write) -> fmt::Result {
    // A negative amount reads "−£1,500.00" (a minus sign before the symbol), never "£-1,500.00";
    // a zero is written without a sign.
    let digits = match text.strip_prefix('-') {
        Some(rest) => {
            f.write_str("−")?;
            rest
        }
        None => text,
    };
    match currency {
        "GBP" => f.write_str("£")?,
        "EUR" => f.write_str("€")?,
        "USD" => f.write_str("$")?,
        other => {
            f.write_str(other)?;
            f.write_str(" ")?;
        }
    }
    write_grouped(digits, f)
}

/// How a working shows an amount: money in a currency, or a quantity with its unit (if any).
#[derive(Debug, Clone, Copy)]
pub enum Shown<'a> {
    Money(&'a str),
    Quantity(Option<&'a str>),
}

impl<'a> Shown<'a> {
    /// `value` shown this way ("£1,080,000.00", "1,250 tonnes"), written with no allocation.
    pub fn of(self, value: Decimal) -> ShownAmount<'a> {
        ShownAmount(self, value)
    }
}

#[derive(Debug, Clone, Copy)]
pub struct ShownAmount<'a>(Shown<'a>, Decimal);

impl fmt::Display for ShownAmount<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Shown::Money(currency) => fmt::Display::fmt(&Money(self.1, currency), f),
            Shown::Quantity(unit) => {
                write_grouped(Digits::of(self.1, true).as_str(), f)?;
                match unit {
                    Some(u) => write!(f, " {u}"),
                    None => Ok(()),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn rounding_is_the_decimal_crates_half_away_from_zero_to_the_bit() {
        use rust_decimal::RoundingStrategy::MidpointAwayFromZero;
        // Mantissas at the edges (zero, one, halves, the largest) and a spread between, at every
        // scale, both signs, rounded to every number of places.
        let mut mantissas: Vec<i128> = vec![0, 1, 5, 15, 25, 49, 50, 51, 99, 995, 1005];
        let max = (1i128 << 96) - 1;
        mantissas.extend([max, max - 1, max / 2, max / 10, 5 * 10i128.pow(27)]);
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..400 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            mantissas.push((i128::from(x) % max) >> (x % 90));
        }
        for m in mantissas {
            for scale in 0..=28 {
                for sign in [1, -1] {
                    let v = Decimal::from_i128_with_scale(sign * m, scale);
                    for dp in 0..=28 {
                        let want = v.round_dp_with_strategy(dp, MidpointAwayFromZero);
                        let (got, exact) = rounded(v, dp);
                        assert_eq!(got.serialize(), want.serialize(), "{v} at {dp}");
                        assert_eq!(exact, got == v, "{v} at {dp}");
                    }
                }
            }
        }
    }

    #[test]
    fn sums_floors_and_ceilings_are_the_decimal_crates() {
        // Mantissas at the edges and a spread between, at every scale, both signs.
        let max = (1i128 << 96) - 1;
        let mut mantissas: Vec<i128> = vec![0, 1, 5, 9, 10, 15, 99, 100, 1005, max, max / 10];
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..200 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            mantissas.push((i128::from(x) % max) >> (x % 90));
        }
        let mut values = Vec::new();
        for m in mantissas {
            for scale in 0..=28 {
                for sign in [1, -1] {
                    values.push(Decimal::from_i128_with_scale(sign * m, scale));
                }
            }
        }
        for &v in &values {
            assert_eq!(floor(v).serialize(), v.floor().serialize(), "floor {v}");
            assert_eq!(ceil(v).serialize(), v.ceil().serialize(), "ceil {v}");
            assert_eq!(is_whole(v), v.fract().is_zero(), "{v}");
        }
        for three in values
            .chunks(3)
            .filter(|p| p.iter().all(|v| v.abs() < d("1e20")))
        {
            let want: Decimal = three.iter().sum();
            assert_eq!(sum(three.iter().copied()).serialize(), want.serialize());
        }
    }

    #[test]
    fn exact_text_is_the_decimal_crates() {
        let max = (1i128 << 96) - 1;
        for m in [0, 1, 5, 10, 100, 1005, 123_456_789, max, max / 10, max - 1] {
            for scale in 0..=28 {
                for negative in [false, true] {
                    let mut v = Decimal::from_i128_with_scale(m, scale);
                    v.set_sign_negative(negative);
                    assert_eq!(
                        Exact(v).to_string(),
                        v.to_string(),
                        "{m} {scale} {negative}"
                    );
                }
            }
        }
    }

    #[test]
    fn exponents_read_as_the_standard_library_reads_them() {
        for text in [
            "",
            "+",
            "-",
            "0",
            "+7",
            "-7",
            "007",
            "28",
            "4294967295",
            "4294967296",
            "1a",
            "٣",
            "++1",
        ] {
            assert_eq!(parse_u32(text), text.parse::<u32>().ok(), "{text:?}");
        }
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
            ("-1500", "GBP", "−£1,500.00"),
            ("-0.001", "GBP", "£0.00"),
            ("-0", "EUR", "€0.00"),
            ("-999.995", "GBP", "−£1,000.00"),
            ("0", "GBP", "£0.00"),
            ("100000", "GBP", "£100,000.00"),
            ("999", "GBP", "£999.00"),
        ];
        for (input, cur, want) in cases {
            assert_eq!(money(d(input), cur), want);
        }
        // An official figure keeps every digit it was published with.
        let exact = [
            ("90000.125", "£90,000.125"),
            ("300000", "£300,000.00"),
            ("170000.00", "£170,000.00"),
            ("-0.5", "−£0.50"),
            ("0", "£0.00"),
            ("-0.00", "£0.00"),
        ];
        for (input, want) in exact {
            assert_eq!(MoneyExact(d(input), "GBP").to_string(), want);
        }
        let groups = [
            ("1234", "1,234"),
            ("123", "123"),
            ("-1234567.5", "-1,234,567.5"),
            ("0.5", "0.5"),
            ("123456", "123,456"),
        ];
        for (input, want) in groups {
            assert_eq!(grouped(input), want);
        }
    }

    #[test]
    fn decimals_are_written_like_the_general_routine() {
        let cases = [
            "0",
            "1",
            "-1",
            "0.5",
            "-0.05",
            "12.50",
            "1080000.00",
            "0.0001",
            "100",
            "-0.00",
            "79228162514264337593543950335",
            "0.0000000000000000000000000001",
            "123456789.123456789",
            // Mantissas wider than 64 bits, as exact quotients have.
            "-79228162514264337593543950335",
            "18446744073709551616",
            "1844674407370955161.6",
            "3.6666666666666666666666666667",
            "-0.6666666666666666666666666667",
            "-0.0000000000000000000000000001",
            "10000000000000000000000000000",
            "0.1000000000000000000000000000",
            "-0.0000000000000000000000000000",
            "-18446744073709551616.000",
            "7922816251426433759354395033.5",
            "0.0000000000000000000000000010",
        ];
        let quotients = [
            d("11") / d("3"),
            d("-2") / d("3"),
            d("980000") / d("1080000"),
        ];
        for v in cases.into_iter().map(d).chain(quotients) {
            let c = v.to_string();
            assert_eq!(Plain(v).to_string(), v.normalize().to_string(), "plain {c}");
            for dp in [0, 2, 4] {
                let mut r = round(v, dp);
                r.rescale(dp);
                assert_eq!(Fixed(v, dp).to_string(), r.to_string(), "fixed {c} at {dp}");
            }
        }
    }

    #[test]
    fn every_width_and_scale_is_written_like_the_general_routine() {
        // Mantissas of every width up to 29 digits, with and without trailing zeros, at every
        // scale, both signs: across the 64-bit split and the point's every position.
        for width in 1..=29usize {
            for pattern in [
                "12345678901234567890123456789",
                "10000000000000000000000000000",
            ] {
                for last in [None, Some('0'), Some('7')] {
                    let mut digits = pattern[..width].to_string();
                    if let Some(c) = last {
                        digits.pop();
                        digits.push(c);
                    }
                    let m: i128 = digits.parse().unwrap();
                    if m >= 1 << 96 {
                        continue;
                    }
                    for scale in 0..=28 {
                        for v in [
                            Decimal::from_i128_with_scale(m, scale),
                            Decimal::from_i128_with_scale(-m, scale),
                        ] {
                            let c = v.to_string();
                            assert_eq!(
                                Plain(v).to_string(),
                                v.normalize().to_string(),
                                "plain {c}"
                            );
                            assert_eq!(
                                &*Plain(v).compact(),
                                v.normalize().to_string(),
                                "compact {c}"
                            );
                            let mut pushed = String::from("x");
                            Plain(v).push_to(&mut pushed);
                            assert_eq!(pushed, format!("x{}", v.normalize()), "push {c}");
                            assert_eq!(Fixed(v, scale).to_string(), c, "fixed {c}");
                            assert_eq!(&*Fixed(v, scale).compact(), c, "fixed compact {c}");
                        }
                    }
                }
            }
        }
    }

    /// What `rust_decimal` reads from `s`, as the validator read numbers before [`parse`].
    fn crate_reads(s: &str) -> Option<[u8; 16]> {
        let d = if s.contains(['e', 'E']) {
            Decimal::from_scientific(s)
        } else {
            Decimal::from_str_exact(s)
        };
        d.ok().map(|d| d.serialize())
    }

    #[test]
    fn numbers_read_as_rust_decimal_reads_them() {
        let mut cases: Vec<String> = [
            "",
            "-",
            "+",
            ".",
            "-.",
            "5.",
            ".5",
            "-.5",
            "+.5",
            "--1",
            "+-1",
            "1-",
            "1..2",
            "1.2.3",
            "-0",
            "-0.00",
            "007.50",
            "1e5",
            "1E-5",
            "1.5e3",
            "1.50e1",
            "1.50e2",
            "1e",
            "1e+",
            "1e-",
            "1e+5",
            "1e-+5",
            "1e--5",
            "1e5e3",
            "e5",
            "-e5",
            ".e1",
            "1.e1",
            "1e28",
            "1e29",
            "1e-28",
            "1e-29",
            "0.5e-28",
            "12e4294967296",
            "1e00000000000000000005",
            "79228162514264337593543950335",
            "79228162514264337593543950336",
            "-79228162514264337593543950336",
            "7922816251426433759354395033.5",
            "7922816251426433759354395033.5e1",
            "79228162514264337593543950335.5e0",
            "79228162514264337593543950335.4e-1",
            "79228162514264337593543950335.0",
            "0.0000000000000000000000000001",
            "0.00000000000000000000000000001",
            "0.00000000000000000000000000005e0",
            "0.00000000000000000000000000015e1",
            "0.12345678901234567890123456789e3",
            "0.99999999999999999999999999999e0",
            "9.99999999999999999999999999999e0",
            "1.0000000000000000000000000000001e5",
            "0.10000000000000000000000000000000001e1",
            "1.00000000000000000000000000005.e0",
            "1.000000000000000000000000000059x",
            "1.2345678901234567890123456789e28",
            "123456789012345678901234567.89e19",
            "1e19",
            "1.5e19",
            "3e20",
            "99e27",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Random texts over the characters a number is written with, long and short.
        let seed = std::cell::Cell::new(0x2545_f491_4f6c_dd1d_u64);
        let next = |n: u64| {
            let mut x = seed.get();
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            seed.set(x);
            x % n
        };
        for _ in 0..200_000 {
            let len = next(40);
            let s: String = (0..len)
                .map(|_| match next(30) {
                    0 => '.',
                    1 => '-',
                    2 => '+',
                    3 => 'e',
                    4 => 'E',
                    _ => char::from(b'0' + next(10) as u8),
                })
                .collect();
            cases.push(s);
            // And numbers shaped as numbers, at the edges of what a decimal holds.
            let mut s = String::new();
            for (c, p) in [('-', 4), ('+', 10)] {
                if next(p) == 0 {
                    s.push(c);
                }
            }
            let digits = |s: &mut String, n: u64| {
                for _ in 0..n {
                    s.push(char::from(
                        b'0' + [0, 9, 5, 4, next(10)][next(5) as usize] as u8,
                    ));
                }
            };
            digits(&mut s, next(32));
            if next(3) > 0 {
                s.push('.');
                digits(&mut s, next(36));
            }
            if next(2) == 0 {
                s.push(['e', 'E'][next(2) as usize]);
                if next(2) == 0 {
                    s.push(['-', '+'][next(2) as usize]);
                }
                digits(&mut s, next(3));
            }
            cases.push(s);
        }
        for s in &cases {
            assert_eq!(
                parse(s).map(|d| d.serialize()),
                crate_reads(s),
                "reading {s:?}"
            );
        }
    }

    #[test]
    fn approx_marks_inexact_displays() {
        assert_eq!(approx(d("3.5"), 2), "3.5");
        assert_eq!(approx(d("11") / d("3"), 2), "≈3.67");
    }
}
