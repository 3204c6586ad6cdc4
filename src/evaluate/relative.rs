//! Relative criteria: the field each bid is compared against (lowest price, highest value or
//! social value), taken over the pool of qualified bids (spec §2 step 6).

use crate::context::{Ctx, Prepared};
use crate::model::*;
use crate::money;
use crate::price::Field;
use rust_decimal::Decimal;

/// What a social value percentage is taken of: the price (the evaluated price under a
/// schedule) when it is above zero, else the contract value.
pub(super) fn sv_base(t: &Tender, price: Option<Decimal>) -> Option<Decimal> {
    price
        .filter(|p| *p > Decimal::ZERO)
        .or(t.info.contract_value)
}

/// The comparison inputs of relative criteria, taken over `pool` only (spec §2 step 6): one per
/// leaf (same index as `cx.leaves`), `None` for a leaf that is not relative or has no amounts.
pub(crate) fn fields(cx: &Ctx, prepared: &[Prepared], pool: &[usize]) -> Vec<Option<Field>> {
    cx.leaves
        .iter()
        .map(|c| field(cx.t, c, pool, &|i| &prepared[i]))
        .collect()
}

/// The comparison input of one criterion over `pool`, reading each bid through `bid` (the
/// analysis swaps one bid for a changed copy); `None` when it is not relative or has no amounts.
pub(crate) fn field<'p, 't: 'p>(
    t: &Tender,
    c: &Criterion,
    pool: &[usize],
    bid: &dyn Fn(usize) -> &'p Prepared<'t>,
) -> Option<Field> {
    if !is_relative(c) {
        return None;
    }
    let amounts: Vec<(usize, Decimal)> = pool
        .iter()
        .filter_map(|&i| input_amount(t, c, bid(i)).map(|a| (i, a)))
        .collect();
    let mut f = Field::of(amounts.iter().map(|(_, a)| *a))?;
    f.highest_parts = ratio_parts(t, c, bid, &amounts, f.highest);
    Some(f)
}

/// For social value as a percentage of price: the social value and price of the bid holding the
/// highest percentage.
fn ratio_parts<'p, 't: 'p>(
    t: &Tender,
    c: &Criterion,
    bid: &dyn Fn(usize) -> &'p Prepared<'t>,
    amounts: &[(usize, Decimal)],
    highest: Decimal,
) -> Option<(Decimal, Decimal)> {
    let Kind::Measures {
        scoring: SvScoring::RelativeToHighestPercent,
        ..
    } = &c.kind
    else {
        return None;
    };
    let &(i, _) = amounts.iter().find(|(_, a)| *a == highest)?;
    let p = bid(i);
    let sv = *p.sv.get(c.id.as_str())?;
    Some((sv, sv_base(t, p.price)?))
}

/// The amount a relative criterion compares: price, value, social value or SV %.
pub(crate) fn input_amount(t: &Tender, c: &Criterion, p: &Prepared) -> Option<Decimal> {
    match &c.kind {
        Kind::Price { .. } if p.above_ceiling_zero => None,
        Kind::Price { .. } => p.price,
        Kind::Numeric { .. } => p.bid.values.get(&c.id).copied(),
        Kind::Measures { scoring, .. } => {
            let sv = *p.sv.get(c.id.as_str())?;
            match scoring {
                SvScoring::RelativeToHighestPercent => money::percent(sv, sv_base(t, p.price)?),
                _ => Some(sv),
            }
        }
        _ => None,
    }
}

/// Whether a criterion's score depends on the other bids.
pub(crate) fn is_relative(c: &Criterion) -> bool {
    match &c.kind {
        Kind::Price { formula, .. } => formula.is_relative(),
        Kind::Numeric { formula, .. } => match formula {
            NumericFormula::RelativeToBest => true,
            NumericFormula::SetBounds { .. } => false,
            NumericFormula::Price(f) => f.is_relative(),
        },
        Kind::Measures { scoring, .. } => !matches!(scoring, SvScoring::Target(_)),
        _ => false,
    }
}
