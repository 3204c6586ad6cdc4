//! Weight stability: for each criterion and group, the range of its share of the marks over which
//! the winner stays the same, exact because totals are linear in the marks.

use super::setup::Setup;
use crate::model::*;
use crate::money::{self, fixed};
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WeightInterval {
    pub id: String,
    pub name: String,
    /// `group` (top level) or `criterion`.
    pub kind: &'static str,
    /// Current share of the marks, in percent.
    pub share: String,
    /// The winner stays the same for shares strictly between `low` and `high` (percent).
    pub low: String,
    pub high: String,
    /// The rival that takes over below `low` / above `high` (`null` at 0% / 100%).
    pub rival_below: Option<String>,
    pub rival_above: Option<String>,
}

impl Setup<'_> {
    pub(super) fn weight_stability(&self) -> Vec<WeightInterval> {
        let Some(winner) = self.official.ranking.first() else {
            return vec![];
        };
        if self.pool.len() < 2 {
            return vec![];
        }
        let w = self
            .pool
            .iter()
            .position(|&j| &self.t.bids[j].id == winner)
            .unwrap_or(0);
        let fractions = self.fractions();
        let total = self.t.max_total();
        let marks: Vec<Decimal> = self.cx.leaves.iter().map(|c| c.marks).collect();
        // Items: each top-level group, then each leaf with marks.
        let mut items: Vec<(String, String, &'static str, Vec<usize>)> = Vec::new();
        for n in self.t.criteria.iter() {
            if let Node::Group(g) = n {
                let idx = self
                    .cx
                    .groups
                    .iter()
                    .find(|(x, _)| x.id == g.id)
                    .map(|(_, idx)| idx.clone())
                    .unwrap_or_default();
                items.push((g.id.clone(), g.name.clone(), "group", idx));
            }
        }
        for (li, c) in self.cx.leaves.iter().enumerate() {
            if c.kind != Kind::PassFail && !c.marks.is_zero() {
                items.push((c.id.clone(), c.name.clone(), "criterion", vec![li]));
            }
        }
        let pct = |x: Decimal| fixed(money::times(x, Decimal::ONE_HUNDRED), 2);
        items
            .into_iter()
            .filter_map(|(id, name, kind, idx)| {
                let mk = crate::money::sum(idx.iter().map(|&li| marks[li]));
                if mk.is_zero() || mk >= total {
                    return None;
                }
                // T_b(x) ∝ x·F_b + (1 − x)·R_b, with F the item's fraction and R the rest's.
                let part = |b: usize, inside: bool| -> Decimal {
                    crate::money::sum(
                        (0..marks.len())
                            .filter(|li| idx.contains(li) == inside)
                            .map(|li| money::times(marks[li], fractions[b][li])),
                    )
                };
                // Fractions of at most `price::RATIO_LIMIT`, but marks as small as 10^-10 can
                // still divide them out of range: such an item has no interval to show.
                let fr = |b: usize| {
                    Some((
                        money::div(part(b, true), mk)?,
                        money::div(part(b, false), money::minus(total, mk))?,
                    ))
                };
                let (fw, rw) = fr(w)?;
                let (mut low, mut high) = (Decimal::ZERO, Decimal::ONE);
                let (mut below, mut above) = (None, None);
                for b in 0..self.pool.len() {
                    if b == w {
                        continue;
                    }
                    let (fb, rb) = fr(b)?;
                    let a = money::sub(rw, rb)?;
                    let slope = money::sub(money::sub(fw, fb)?, a)?;
                    if slope.is_zero() {
                        continue;
                    }
                    // A root too large to hold lies far outside 0..1: it moves neither end.
                    let Some(root) = money::div(-a, slope) else {
                        continue;
                    };
                    let rival = Some(self.t.bids[self.pool[b]].id.clone());
                    if slope > Decimal::ZERO && root > low {
                        low = root.min(Decimal::ONE);
                        below = rival;
                    } else if slope < Decimal::ZERO && root < high {
                        high = root.max(Decimal::ZERO);
                        above = rival;
                    }
                }
                Some(WeightInterval {
                    id,
                    name,
                    kind,
                    share: pct(mk / total),
                    low: pct(low),
                    high: pct(high),
                    rival_below: below,
                    rival_above: above,
                })
            })
            .collect()
    }
}

crate::json::json_object!(WeightInterval {
    "id": id,
    "name": name,
    "kind": kind,
    "share": share,
    "low": low,
    "high": high,
    "rivalBelow": rival_below,
    "rivalAbove": rival_above,
});
