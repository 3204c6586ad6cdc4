//! The evaluated price (spec §11): most service and works tenders ask for rates (per hour, per
//! visit, per month) rather than one total, and multiply them by the buyer's published estimated
//! quantities. The sum, less the income lines (money the supplier pays the buyer), is the price
//! that the price formula scores, the ceiling caps and every analysis reads.
//!
//! A whole-life cost counts each `perYear` line at its present value: the rate is paid in each of
//! years 1 to `years`, and each year's payment is discounted by the published factor
//! 1 ÷ (1 + r)^t (rounded to 6 decimals). Every other line is paid at once.
//!
//! Exact decimals throughout; the working shows every product and the sum, so a supplier can
//! repeat it with a calculator.

use crate::model::{IdMap, PriceLine, Schedule};
use crate::money::{self, Money, Plain, Shown};
use rust_decimal::Decimal;
use std::fmt::Write;

/// The largest evaluated price, either way from zero: 10^12, the largest amount a file may state.
/// Past it, a bid's price is not worked with (its figures would not stay exact through the
/// formulas and warnings), and the bid is disqualified as out of range.
pub const LIMIT: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);

/// What a bid's rates come to.
#[derive(Debug, Clone, PartialEq)]
pub enum Evaluated {
    /// The evaluated price and how it was formed.
    Price { amount: Decimal, working: String },
    /// An evaluated line has no rate: the bid is incomplete.
    Missing,
    /// The sum is beyond [`LIMIT`] (or beyond an exact decimal).
    OutOfRange,
}

/// The evaluated price of `rates` (line id → rate) under `schedule`, money written in `currency`.
///
/// ```
/// use bidscore::schedule::{evaluated_price, Evaluated};
/// let t = bidscore::read(r#"{"format": "bidscore/1",
///   "criteria": [{"id": "price", "kind": "price", "weight": 100, "schedule": [
///     {"id": "visit", "name": "Home visit", "quantity": 1200},
///     {"id": "call-out", "name": "Emergency call-out", "quantity": 50},
///     {"id": "set-up", "name": "Set-up"}]}]}"#).unwrap();
/// let rates = [("visit", "30"), ("call-out", "90"), ("set-up", "2500")]
///     .map(|(l, r)| (l.to_string(), r.parse().unwrap())).into_iter().collect();
/// let Evaluated::Price { amount, working } = evaluated_price(t.schedule().unwrap(), &rates, "GBP")
/// else { panic!() };
/// assert_eq!(amount.to_string(), "43000");
/// assert_eq!(working, "1,200 × £30.00 + 50 × £90.00 + £2,500.00 = £43,000.00");
/// ```
pub fn evaluated_price(schedule: &Schedule, rates: &IdMap<Decimal>, currency: &str) -> Evaluated {
    evaluate(schedule, rates, Some(currency))
}

/// [`evaluated_price`], writing the working only when given the currency: the analysis prepares
/// a bid many times over and needs only the figure.
pub(crate) fn evaluate(
    schedule: &Schedule,
    rates: &IdMap<Decimal>,
    currency: Option<&str>,
) -> Evaluated {
    let counted = || schedule.lines.iter().filter(|l| l.evaluated());
    if counted().any(|l| !rates.contains_key(&l.id)) {
        return Evaluated::Missing;
    }
    let life = schedule
        .life_cycle
        .as_ref()
        .filter(|_| counted().any(|l| l.per_year));
    let mut working = String::new();
    if let (Some(life), Some(_)) = (life, currency) {
        // The factors once, then each yearly line times their sum.
        let _ = write!(
            working,
            "present value of a yearly payment over {} years at {}%: ",
            life.years,
            Plain(money::times(life.discount_rate, Decimal::ONE_HUNDRED))
        );
        for (i, f) in life.factors.iter().enumerate() {
            if i > 0 {
                working.push_str(" + ");
            }
            let _ = write!(working, "{}", Plain(*f));
        }
        let _ = write!(working, " = {}; ", Plain(life.factor_sum));
    }
    let mut total = Decimal::ZERO;
    for (i, line) in counted().enumerate() {
        let rate = rates.get(&line.id).copied().unwrap_or_default();
        let years = life.filter(|_| line.per_year).map(|l| l.factor_sum);
        let Some(amount) = line_amount(line, rate, years) else {
            return Evaluated::OutOfRange;
        };
        let sum = if line.income {
            money::sub(total, amount)
        } else {
            money::add(total, amount)
        };
        let Some(sum) = sum else {
            return Evaluated::OutOfRange;
        };
        total = sum;
        let Some(currency) = currency else { continue };
        match (i, line.income) {
            (0, false) => {}
            (0, true) => working.push('−'),
            (_, false) => working.push_str(" + "),
            (_, true) => working.push_str(" − "),
        }
        write_term(&mut working, line, rate, years, currency);
    }
    if total.abs() > LIMIT {
        return Evaluated::OutOfRange;
    }
    if let Some(currency) = currency {
        let _ = write!(working, " = {}", Money(total, currency));
    }
    Evaluated::Price {
        amount: total,
        working,
    }
}

/// quantity × rate (× the sum of the present value factors for a yearly line); `None` beyond what
/// an exact decimal holds.
fn line_amount(line: &PriceLine, rate: Decimal, years: Option<Decimal>) -> Option<Decimal> {
    let amount = money::mul(line.quantity, rate)?;
    match years {
        Some(factor) => money::mul(amount, factor),
        None => Some(amount),
    }
}

/// One product as the working shows it: `£2,500.00`, `1,200 × £30.00`, `720 × £52.00 × 2.801638`.
fn write_term(
    out: &mut String,
    line: &PriceLine,
    rate: Decimal,
    years: Option<Decimal>,
    cur: &str,
) {
    if line.quantity != Decimal::ONE {
        let _ = write!(out, "{} × ", Shown::Quantity(None).of(line.quantity));
    }
    let _ = write!(out, "{}", Money(rate, cur));
    if let Some(factor) = years {
        let _ = write!(out, " × {}", Plain(factor));
    }
}

/// The lines of `schedule` whose rate in `rates` is above their `max`, with the rate.
pub fn above_max<'s>(
    schedule: &'s Schedule,
    rates: &'s IdMap<Decimal>,
) -> impl Iterator<Item = (&'s PriceLine, Decimal)> + 's {
    schedule.lines.iter().filter_map(move |l| {
        let rate = *rates.get(&l.id)?;
        (rate > l.max?).then_some((l, rate))
    })
}

/// How the evaluated price is formed, in words, for the published model and the assessment
/// summaries: "the evaluated price is the sum of each rate × its published quantity over 3
/// lines, less 1 income line; …".
pub fn describe(schedule: &Schedule) -> String {
    let count = |f: &dyn Fn(&PriceLine) -> bool| schedule.lines.iter().filter(|l| f(l)).count();
    let plural = |n: usize, one: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    let cost = count(&|l| l.evaluated() && !l.income);
    let income = count(&|l| l.evaluated() && l.income);
    let optional = count(&|l| l.optional);
    let mut s = format!(
        "the evaluated price is the sum of each rate × its published quantity over {}",
        plural(cost, "cost line")
    );
    if income > 0 {
        let _ = write!(
            s,
            ", less the same over {} (money the supplier pays the buyer)",
            plural(income, "income line")
        );
    }
    if let Some(life) = &schedule.life_cycle {
        let _ = write!(
            s,
            "; a line paid per year counts at its present value over {} years at {}% (each year's factor 1 ÷ (1 + {})^year, rounded to 6 decimals; together {})",
            life.years,
            Plain(money::times(life.discount_rate, Decimal::ONE_HUNDRED)),
            Plain(life.discount_rate),
            Plain(life.factor_sum)
        );
    }
    if optional > 0 {
        let _ = write!(
            s,
            "; {} priced but not evaluated",
            if optional == 1 {
                "1 optional line is".to_string()
            } else {
                format!("{optional} optional lines are")
            }
        );
    }
    if schedule.lines.iter().any(|l| l.max.is_some()) {
        s.push_str(match schedule.above_max {
            crate::model::AboveCeiling::Disqualify => {
                "; a rate above its line's maximum disqualifies the bid"
            }
            crate::model::AboveCeiling::Zero => {
                "; a rate above its line's maximum scores 0 for price"
            }
        });
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_is_ten_to_the_twelfth() {
        assert_eq!(LIMIT, Decimal::from(1_000_000_000_000u64));
    }
}
