//! Price to win: for each ranked bid that is not first, the price at which it would win, found
//! exactly by re-scoring every criterion the price moves.

use super::setup::Setup;
use crate::evaluate::prepare_at;
use crate::model::*;
use crate::money::{fixed, minus, plus, times, Plain};
use crate::text::Params;
use rust_decimal::Decimal;
use serde::Serialize;

/// How a bid's price relates to winning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PriceOutcome {
    /// The leader: it would still win up to `priceToWin`.
    Headroom,
    /// It wins if it cuts its price to `priceToWin` or less.
    Undercut,
    /// It wins at every price up to the search limit (`limit`).
    AnyPrice,
    /// No positive price makes it first.
    CannotWin,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PriceToWin {
    pub bid: String,
    pub supplier: String,
    pub price: String,
    pub outcome: PriceOutcome,
    /// The highest price (to the penny) at which the bid ranks first.
    pub price_to_win: Option<String>,
    /// price to win − price.
    pub change: Option<String>,
    /// Under a price schedule (spec §11): the change of every rate, in percent to 2 decimals,
    /// that brings the evaluated price to the price to win or just past it (rounded down, so
    /// the changed rates still win); left out without a schedule, when the evaluated price is
    /// zero or less, or when the price to win is below zero (no change of every rate by one
    /// share reaches it with rates of zero or more).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_change: Option<String>,
    /// The highest price searched.
    pub limit: String,
    pub message: String,
    pub params: Params,
}

impl Setup<'_> {
    pub(super) fn price_to_win(&self) -> Vec<PriceToWin> {
        let Some(price_leaf) = self
            .cx
            .leaves
            .iter()
            .position(|c| matches!(c.kind, Kind::Price { .. }))
        else {
            return vec![];
        };
        let base = self.baseline(self.price_dependent());
        let highest = self
            .pool
            .iter()
            .filter_map(|&j| self.prepared[j].price)
            .max()
            .unwrap_or(Decimal::ONE);
        let schedule = self.t.schedule().is_some();
        let cent = Decimal::new(1, 2);
        let (limit, limit_is_ceiling) = match &self.cx.leaves[price_leaf].kind {
            Kind::Price {
                ceiling:
                    Some(Ceiling {
                        amount,
                        above: AboveCeiling::Disqualify,
                    }),
                ..
            } => (*amount, true),
            // Evaluated prices (spec §11) may all be zero or less: then up to a penny.
            _ if highest <= Decimal::ZERO => (cent, false),
            _ => (times(highest, Decimal::TEN), false),
        };
        // The lowest price tried, in pence: 1p for one price (it is more than zero), and under a
        // schedule the lowest evaluated price the formula or award method can score (spec §12).
        let bottom = match &self.cx.leaves[price_leaf].kind {
            Kind::Price { formula, .. } if schedule => {
                // Social value as a percentage of the price needs a price above zero, unless
                // the tender's contract value stands in for it.
                let percent_of_price = self.cx.leaves.iter().any(|c| {
                    matches!(
                        c.kind,
                        Kind::Measures {
                            scoring: SvScoring::RelativeToHighestPercent,
                            ..
                        }
                    )
                }) && self.t.info.contract_value.is_none();
                let lowest = lowest_scorable(self.t.award, formula);
                let lowest = if percent_of_price {
                    lowest.max(cent)
                } else {
                    lowest
                };
                lowest / cent
            }
            _ => Decimal::ONE,
        };
        let fmt = &self.cx.fmt;
        self.pool
            .iter()
            .filter_map(|&i| {
                let bid = &self.t.bids[i];
                // The evaluated price under a schedule: the search moves it as one figure.
                let price = self.prepared[i].price?;
                let frame = self.frame(i, &base);
                let wins = |p: Decimal| -> bool {
                    self.wins(i, &prepare_at(&self.cx, bid, Some(p)), &base, &frame)
                };
                // Whole pence from the bottom to the limit; winning is monotone in the price (a
                // lower price never lowers a bid's own score nor raises a rival's). Without a
                // schedule at least one penny: the search never tries a price of zero.
                let top = crate::money::floor(limit / cent).max(Decimal::ONE);
                let (outcome, best) = if !wins(times(bottom, cent)) {
                    (PriceOutcome::CannotWin, None)
                } else if wins(times(top, cent)) {
                    (PriceOutcome::AnyPrice, None)
                } else {
                    let (mut lo, mut hi) = (bottom, top);
                    while minus(hi, lo) > Decimal::ONE {
                        let mid = crate::money::floor(plus(lo, hi) / Decimal::TWO);
                        if wins(times(mid, cent)) {
                            lo = mid;
                        } else {
                            hi = mid;
                        }
                    }
                    let best = times(lo, cent);
                    let outcome = if best >= price {
                        PriceOutcome::Headroom
                    } else {
                        PriceOutcome::Undercut
                    };
                    (outcome, Some(best))
                };
                let params = Params::new()
                    .with("bid", &bid.id)
                    .with("price", Plain(price))
                    .with("limit", Plain(limit));
                let params = match best {
                    Some(b) => params.with("priceToWin", Plain(b)),
                    None => params,
                };
                let rate_change = best.and_then(|b| rate_change(price, b)).filter(|_| schedule);
                let params = match rate_change {
                    Some(c) => params.with("rateChange", Plain(c)),
                    None => params,
                };
                // Under a schedule the price is the evaluated price, reached by changing every
                // rate by the same share.
                let rates = |c: Option<Decimal>| match c {
                    Some(c) => {
                        let (how, by) = if c < Decimal::ZERO {
                            ("cut", -c)
                        } else {
                            ("raised", c)
                        };
                        format!(", every rate {how} by {}%", Plain(by))
                    }
                    None => String::new(),
                };
                let message = match (outcome, best) {
                    (PriceOutcome::Headroom, Some(b)) => format!(
                        "{} ranks first and would still rank first at any {}price up to {} ({} more{})",
                        bid.supplier,
                        if schedule { "evaluated " } else { "" },
                        fmt.money(b),
                        fmt.money(minus(b, price)),
                        rates(rate_change)
                    ),
                    (PriceOutcome::Undercut, Some(b)) => format!(
                        "{} would rank first at {}price of {} or less ({} lower{})",
                        bid.supplier,
                        if schedule { "an evaluated " } else { "a " },
                        fmt.money(b),
                        fmt.money(minus(price, b)),
                        rates(rate_change)
                    ),
                    (PriceOutcome::AnyPrice, _) => format!(
                        "{} ranks first at any price up to {}{}{}",
                        bid.supplier,
                        if limit_is_ceiling { "the ceiling of " } else { "" },
                        fmt.money(limit),
                        if !limit_is_ceiling && highest > Decimal::ZERO {
                            " (ten times the highest bid)"
                        } else {
                            ""
                        }
                    ),
                    _ if bottom < Decimal::ONE => format!(
                        "{} cannot rank first on price alone: even at an evaluated price of {} the others stay ahead",
                        bid.supplier,
                        fmt.money(times(bottom, cent))
                    ),
                    _ => format!(
                        "{} cannot rank first on price alone: even at 1p the others stay ahead",
                        bid.supplier
                    ),
                };
                Some(PriceToWin {
                    bid: bid.id.clone(),
                    supplier: bid.supplier.clone(),
                    price: fixed(price, 2),
                    outcome,
                    price_to_win: best.map(|b| fixed(b, 2)),
                    change: best.map(|b| fixed(minus(b, price), 2)),
                    rate_change: rate_change.map(|c| fixed(c, 2)),
                    limit: fixed(limit, 2),
                    message,
                    params,
                })
            })
            .collect()
    }
}

/// The change of every rate, in percent, that takes an evaluated price of `price` to `target`
/// or just below it: the evaluated price is a sum of rates × fixed quantities, so changing every
/// rate by one share changes it by that share. Rounded down to 2 decimals (never past the target
/// in the losing direction); `None` for a price of zero or less, which no such change moves
/// towards the target, and for a target below zero, which only rates below zero would reach.
fn rate_change(price: Decimal, target: Decimal) -> Option<Decimal> {
    // Below zero only by a cut of more than 100%: rates below zero, which no bid may give.
    if price <= Decimal::ZERO || target < Decimal::ZERO {
        return None;
    }
    let percent = crate::money::percent(minus(target, price), price)?;
    // Hundredths of a percent, rounded towards minus infinity.
    let hundredths = crate::money::floor(crate::money::mul(percent, Decimal::ONE_HUNDRED)?);
    crate::money::div(hundredths, Decimal::ONE_HUNDRED)
}

/// The lowest evaluated price that `formula` (or the award method, where the price has no
/// marks) can score (spec §12): zero for a ratio to the lowest price or a capped reference, a
/// penny where a price of zero cannot be divided by, and otherwise the largest amount below zero
/// an evaluated price may reach.
fn lowest_scorable(award: AwardMethod, formula: &Formula) -> Decimal {
    let cent = Decimal::new(1, 2);
    let floor = -crate::schedule::LIMIT;
    match award {
        AwardMethod::WeightedSum => match formula {
            Formula::LinearMinMax | Formula::SetBounds { .. } => floor,
            Formula::ReferenceRatio { cap: false, .. } => cent,
            _ => Decimal::ZERO,
        },
        AwardMethod::QualityPriceRatio { .. } => cent,
        AwardMethod::PricePerQualityPoint | AwardMethod::FictitiousDiscount => floor,
    }
}

crate::json::json_name!(PriceOutcome {
    Headroom => "headroom",
    Undercut => "undercut",
    AnyPrice => "any-price",
    CannotWin => "cannot-win",
});

crate::json::json_object!(PriceToWin {
    "bid": bid,
    "supplier": supplier,
    "price": price,
    "outcome": outcome,
    "priceToWin": price_to_win,
    "change": change,
    "rateChange": rate_change if none,
    "limit": limit,
    "message": message,
    "params": params,
});
