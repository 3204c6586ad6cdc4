//! Award methods other than the weighted sum (spec §4): how a bid's quality points (or money
//! discount) and its price become the one value that decides the ranking.
//!
//! Quality points Q are the sum of the bid's non-price criterion scores, rounded as the tender says.
//! Ratio values are exact; only their display is rounded (spec §7).

use crate::context::Fmt;
use crate::model::{AwardMethod, Tender};
use crate::money::{Fixed, Plain};
use crate::text::{say, Params};
use rust_decimal::Decimal;

/// A bid's award value with its working.
#[derive(Debug, Clone, PartialEq)]
pub struct AwardValue {
    /// Exact.
    pub value: Decimal,
    /// As published (rounded for display only).
    pub shown: String,
    pub working: String,
    pub code: &'static str,
    pub params: Params,
}

/// The award value of a bid with quality points (or discount) `q` and `price`; `None` under the
/// weighted sum, without a price, with no quality points for a price-per-point method, or when the
/// value is beyond what an exact decimal holds (see [`out_of_range`]). Without `words` only the
/// exact value is worked out: what it shows as, its working and parameters are left empty.
///
/// ```
/// use bidscore::award::value_of;
/// use bidscore::model::AwardMethod;
/// use rust_decimal::Decimal;
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// // Cabinet Office price per quality point: £1,080,000 ÷ 43.79 points.
/// let v = value_of(AwardMethod::PricePerQualityPoint, d("43.79"), Some(d("1080000")), 2, "GBP", true).unwrap();
/// assert_eq!(v.shown, "24663.17");
/// assert_eq!(v.working, "£1,080,000.00 ÷ 43.79 quality points = £24,663.17 per quality point");
/// ```
pub fn value_of(
    method: AwardMethod,
    q: Decimal,
    price: Option<Decimal>,
    decimals: u32,
    currency: &str,
    words: bool,
) -> Option<AwardValue> {
    let price = price?;
    let money = |d: Decimal| crate::money::money(d, currency);
    let params = Params::when(words)
        .with("quality", Plain(q))
        .with("price", Plain(price));
    match method {
        AwardMethod::WeightedSum => None,
        AwardMethod::PricePerQualityPoint => {
            if q <= Decimal::ZERO {
                return None;
            }
            let value = crate::money::div(price, q)?;
            Some(AwardValue {
                value,
                shown: say(words, format_args!("{}", Fixed(value, 2))),
                working: say(
                    words,
                    format_args!(
                        "{} ÷ {} quality points = {} per quality point",
                        money(price),
                        Plain(q),
                        money(value)
                    ),
                ),
                code: "price-per-quality-point",
                params,
            })
        }
        AwardMethod::QualityPriceRatio { scale, .. } => {
            let value = crate::money::mul(crate::money::div(q, price)?, scale)?;
            let shown = say(words, format_args!("{}", Fixed(value, decimals)));
            Some(AwardValue {
                value,
                working: say(
                    words,
                    format_args!(
                        "{} quality points ÷ {} × {} = {shown}",
                        Plain(q),
                        money(price),
                        crate::money::Shown::Quantity(None).of(scale)
                    ),
                ),
                shown,
                code: "quality-price-ratio",
                params: params.with("scale", Plain(scale)),
            })
        }
        AwardMethod::FictitiousDiscount => {
            let value = crate::money::sub(price, q)?;
            Some(AwardValue {
                value,
                shown: say(words, format_args!("{}", Fixed(value, 2))),
                working: say(
                    words,
                    format_args!(
                        "{} − {} quality discount = {} fictitious price",
                        money(price),
                        money(q),
                        money(value)
                    ),
                ),
                code: "fictitious-discount",
                params,
            })
        }
    }
}

/// Whether a bid with a price and quality points `q` still has no award value: its value was beyond
/// what an exact decimal holds (a price of 10^12 over 10^-20 quality points), so it cannot be
/// ranked, rather than ranked on a saturated figure.
pub(crate) fn out_of_range(
    method: AwardMethod,
    q: Decimal,
    price: Option<Decimal>,
    value: Option<&AwardValue>,
) -> bool {
    let priced_method = match method {
        AwardMethod::WeightedSum => false,
        AwardMethod::PricePerQualityPoint => q > Decimal::ZERO,
        // A ratio to an evaluated price of zero or less (spec §12) has no value, and the bid is
        // already disqualified as not scorable.
        AwardMethod::QualityPriceRatio { .. } => price.is_some_and(|p| p > Decimal::ZERO),
        AwardMethod::FictitiousDiscount => true,
    };
    priced_method && price.is_some() && value.is_none()
}

/// The ranking key: higher is better. The weighted sum ranks by total; the price-per-point and
/// fictitious-price methods by the lowest value; the ratio by the highest.
pub fn key(method: AwardMethod, total: Decimal, value: Option<Decimal>) -> Option<Decimal> {
    match method {
        AwardMethod::WeightedSum => Some(total),
        AwardMethod::QualityPriceRatio { .. } => value,
        AwardMethod::PricePerQualityPoint | AwardMethod::FictitiousDiscount => value.map(|v| -v),
    }
}

/// The award value for a bid of `t`, formatted as the tender says (with `words`, see
/// [`value_of`]).
pub(crate) fn value_for(
    t: &Tender,
    fmt: &Fmt,
    q: Decimal,
    price: Option<Decimal>,
    words: bool,
) -> Option<AwardValue> {
    value_of(t.award, q, price, fmt.decimals, &fmt.currency, words)
}

/// How each method is explained to suppliers, in words.
pub fn describe(method: AwardMethod) -> &'static str {
    match method {
        AwardMethod::WeightedSum => "the bid with the highest total score wins",
        AwardMethod::PricePerQualityPoint => {
            "price ÷ quality points: the bid paying least for each quality point wins"
        }
        AwardMethod::QualityPriceRatio { .. } => {
            "quality points ÷ price: the bid giving most quality for its price wins"
        }
        AwardMethod::FictitiousDiscount => {
            "each quality criterion is worth money; price minus the quality earned gives a fictitious price, and the lowest wins"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BandDecider;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// (method, quality points, price, shown value, ranking key sign)
    #[test]
    fn values_follow_each_method() {
        let qpr = AwardMethod::QualityPriceRatio {
            scale: d("1000000"),
            band: None,
            decider: BandDecider::Quality,
        };
        let cases = [
            // 1,000,000 ÷ 40 = 25,000 per point.
            (
                AwardMethod::PricePerQualityPoint,
                "40",
                "1000000",
                Some("25000.00"),
            ),
            // No quality points: no value (the bid is disqualified).
            (AwardMethod::PricePerQualityPoint, "0", "1000000", None),
            // 45 ÷ 900,000 × 1,000,000 = 50.
            (qpr, "45", "900000", Some("50.00")),
            // 60 ÷ 700,000 × 1,000,000 = 85.714… → 85.71.
            (qpr, "60", "700000", Some("85.71")),
            // 1,000,000 − 180,000 = 820,000.
            (
                AwardMethod::FictitiousDiscount,
                "180000",
                "1000000",
                Some("820000.00"),
            ),
            (AwardMethod::WeightedSum, "80", "1000000", None),
        ];
        for (method, q, price, want) in cases {
            let got = value_of(method, d(q), Some(d(price)), 2, "GBP", true).map(|v| v.shown);
            assert_eq!(got.as_deref(), want, "{} {q} {price}", method.as_str());
        }
    }

    #[test]
    fn keys_put_the_best_value_highest() {
        let lower_wins = key(AwardMethod::PricePerQualityPoint, d("0"), Some(d("10")));
        let higher = key(AwardMethod::PricePerQualityPoint, d("0"), Some(d("20")));
        assert!(lower_wins > higher);
        assert_eq!(key(AwardMethod::WeightedSum, d("80"), None), Some(d("80")));
    }
}
