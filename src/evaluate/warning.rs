//! Warnings (spec §9): what the buyer should know or act on; none of them changes a score.

use super::relative::{fields, input_amount, is_relative};
use super::totals::pool_totals;
use crate::context::{Ctx, Fmt, Prepared};
use crate::model::*;
use crate::moderation::spread;
use crate::money::{fixed, minus, times, Approx, Plain};
use crate::parallel::Shared;
use crate::result::{BidResult, Status, Warning};
use crate::text::Params;
use rust_decimal::Decimal;
use std::fmt::Write;

/// Every warning for an evaluated tender, sorted by code, then bids.
pub(crate) fn warnings(
    cx: &Ctx,
    prepared: &[Prepared],
    bids: &[BidResult],
    pool: &[usize],
) -> Vec<Warning> {
    // The bids in id order, for the warnings that name bids by the score: so the order of bids
    // in the file never shows. Sorted once for both.
    let mut by_id: Vec<usize> = (0..prepared.len()).collect();
    crate::sorting::sort(&mut by_id, &|&a, &b| {
        prepared[a].bid.id.cmp(&prepared[b].bid.id)
    });
    // Natively, the two largest readings of a large evaluation, rank reversal (the pool totalled
    // again without each bid that sets a field) and the spread (every bid on every criterion),
    // are made on a thread beside the others (on 1,000 bids × 40 criteria, 2 + 2.5 ms beside 3.5).
    // Where the list has the reversals before it is sorted makes no difference: it is sorted by
    // all a warning says.
    #[cfg(not(target_arch = "wasm32"))]
    let (mut out, mut spread) = {
        let (mut out, (reversals, spread)) = crate::parallel::both(
            cx.work(),
            || {
                let mut out = Vec::new();
                others(cx, prepared, bids, pool, &by_id, &mut out);
                out
            },
            || {
                let (mut reversals, mut spread) = (Vec::new(), Vec::new());
                rank_reversal(cx, prepared, bids, pool, &mut reversals);
                evaluator_spread(cx, prepared, &by_id, &mut spread);
                (reversals, spread)
            },
        );
        out.extend(reversals);
        (out, spread)
    };
    // WebAssembly runs one thread, and keeps one list: the three lists and the copies joining
    // them made its .wasm larger.
    #[cfg(target_arch = "wasm32")]
    let mut out = {
        let mut out = Vec::new();
        others(cx, prepared, bids, pool, &by_id, &mut out);
        rank_reversal(cx, prepared, bids, pool, &mut out);
        out
    };
    crate::sorting::sort(&mut out, &|a, b| a.cmp(b));
    // The spread warnings come in order (see `evaluator_spread`), after every code before theirs.
    let at = out.partition_point(|w| w.code < Spread::CODE);
    let rest = out.split_off(at);
    #[cfg(not(target_arch = "wasm32"))]
    out.append(&mut spread);
    // Made in their place at the end of the list: a large evaluation has tens of thousands.
    #[cfg(target_arch = "wasm32")]
    evaluator_spread(cx, prepared, &by_id, &mut out);
    out.extend(rest);
    out
}

/// Every warning but rank reversal's and the spread's, appended to `out` unsorted.
fn others(
    cx: &Ctx,
    prepared: &[Prepared],
    bids: &[BidResult],
    pool: &[usize],
    by_id: &[usize],
    out: &mut Vec<Warning>,
) {
    let t = cx.t;
    model_warnings(t, out);
    abnormally_low(t, bids, pool, &cx.fmt, out);
    ties(bids, out);
    incomplete(bids, out);
    // §11 price schedules, §12 zero and negative prices
    zero_price(cx, prepared, bids, pool, out);
    abnormally_low_lines(cx, bids, pool, out);
    averaged_off_scale(cx, prepared, by_id, out);
    // §16 the recorded draw
    ties_drawn(t, bids, out);
}

fn warn(code: &'static str, mut bids: Vec<String>, params: Params, message: String) -> Warning {
    crate::sorting::sort(&mut bids, &|a, b| a.cmp(b));
    Warning::written(code, bids, params, message)
}

/// Warnings about the model itself, the same with or without bids.
pub(crate) fn model_warnings(t: &Tender, out: &mut Vec<Warning>) {
    let max = t.max_total();
    // Under the fictitious discount the "marks" are money values: neither the 100 convention nor
    // the social value share in marks applies.
    let marks_are_money = t.award == AwardMethod::FictitiousDiscount;
    if max != Decimal::ONE_HUNDRED && !marks_are_money {
        out.push(warn(
            "weights-not-100",
            vec![],
            Params::new().with("total", Plain(max)),
            format!(
                "the marks add up to {}, not 100; shares of the total are still shown correctly",
                Plain(max)
            ),
        ));
    }
    // §17: the social value minimum is UK policy (PPN 06/20, PPN 002), so it is checked only for
    // a tender run in the United Kingdom.
    if !max.is_zero() && !marks_are_money && t.info.in_uk() {
        let sv = crate::money::sum(
            t.groups()
                .iter()
                .filter(|g| g.category.as_deref() == Some("social-value"))
                .map(|g| g.marks),
        );
        // The social value groups' marks are part of the positive total: at most 100%.
        let share = crate::money::percent(sv, max).unwrap_or(Decimal::ZERO);
        if share < Decimal::TEN {
            let message = if sv.is_zero() {
                "no group has category \"social-value\"; central government must give social value at least 10% of the marks (PPN 06/20, PPN 002)".to_string()
            } else {
                format!(
                    "social value holds {}% of the marks; central government must give it at least 10% (PPN 06/20, PPN 002)",
                    Approx(share, 2)
                )
            };
            out.push(warn(
                "social-value-weight-low",
                vec![],
                Params::new().with("percent", fixed(share, 2)),
                message,
            ));
        }
    }
    for c in t.leaves().into_iter().filter(|_| t.award.scores_price()) {
        if let Kind::Price { formula, .. } = &c.kind {
            if formula.is_relative() {
                out.push(warn(
                    "relative-price-formula",
                    vec![],
                    Params::new()
                        .with("criterion", &c.id)
                        .with("formula", formula.as_str()),
                    format!(
                        "the price formula \"{}\" scores each price against the other bids, so removing or adding a bid can change the order of the others",
                        formula.as_str()
                    ),
                ));
            }
        }
    }
    // §16: a seed recorded for a draw the rules never make.
    if let Some(seed) = t
        .tie_draw_seed
        .as_deref()
        .filter(|_| t.tie_break.last() != Some(&TieBreak::Draw))
    {
        out.push(warn(
            "tie-draw-seed-unused",
            vec![],
            Params::new().with("seed", seed),
            "\"tieDrawSeed\" is recorded but \"tieBreak\" does not end with \"draw\", so tied bids share a rank; add \"draw\" last or remove the seed".into(),
        ));
    }
}

/// Bids that alone hold the extreme a relative criterion compares against: only removing one of
/// them can change any score, so only they need to be tried.
fn extreme_holders(cx: &Ctx, prepared: &[Prepared], pool: &[usize]) -> Vec<usize> {
    let t = cx.t;
    let f = fields(cx, prepared, pool);
    let mut holders = Vec::new();
    for (c, field) in cx
        .scored
        .iter()
        .map(|&li| (cx.leaves[li], &f[li]))
        .filter(|(c, _)| is_relative(c))
    {
        let Some(field) = field else {
            continue;
        };
        let (low, high) = match &c.kind {
            Kind::Price { formula, .. }
            | Kind::Numeric {
                formula: NumericFormula::Price(formula),
                ..
            } => (true, *formula == Formula::LinearMinMax),
            Kind::Numeric { direction, .. } => (
                *direction == Direction::Lower,
                *direction == Direction::Higher,
            ),
            _ => (false, true),
        };
        let amounts: Vec<(usize, Decimal)> = pool
            .iter()
            .filter_map(|&i| input_amount(t, c, &prepared[i]).map(|a| (i, a)))
            .collect();
        for (wanted, extreme) in [(low, field.lowest), (high, field.highest)] {
            if !wanted {
                continue;
            }
            let at: Vec<usize> = amounts
                .iter()
                .filter(|(_, a)| *a == extreme)
                .map(|(i, _)| *i)
                .collect();
            if let [only] = at[..] {
                holders.push(only);
            }
        }
    }
    crate::sorting::sort(&mut holders, &|a, b| a.cmp(b));
    holders.dedup();
    holders
}

/// `rank-reversal`: removing one qualified bid would swap two others (spec §9).
fn rank_reversal(
    cx: &Ctx,
    prepared: &[Prepared],
    bids: &[BidResult],
    pool: &[usize],
    out: &mut Vec<Warning>,
) {
    if pool.len() < 3 {
        return;
    }
    for r in extreme_holders(cx, prepared, pool) {
        let rest: Vec<usize> = pool.iter().copied().filter(|&i| i != r).collect();
        let after = pool_totals(cx, prepared, bids, &rest);
        // Rest in the official order (best first); find the best-placed bid that some bid now
        // strictly below it would overtake.
        let mut order: Vec<usize> = (0..rest.len()).collect();
        // Ties in id order, so which of two equal bids is named never depends on the file's order.
        crate::sorting::sort(&mut order, &|&a, &b| {
            let (x, y) = (&bids[rest[a]], &bids[rest[b]]);
            y.key_value.cmp(&x.key_value).then_with(|| x.id.cmp(&y.id))
        });
        // Scan from the bottom keeping the best "after" total among bids strictly lower before.
        let mut best_below: Option<(Option<Decimal>, usize)> = None;
        let mut found: Option<(usize, usize)> = None;
        let mut k = order.len();
        while k > 0 {
            // A run of equal official totals.
            let before = bids[rest[order[k - 1]]].key_value;
            let mut j = k;
            while j > 0 && bids[rest[order[j - 1]]].key_value == before {
                j -= 1;
            }
            // Of tied bids, the first in id order is the one named (the last found wins).
            for &pos in order[j..k].iter().rev() {
                if let Some((score, below)) = best_below {
                    if score > after[pos] {
                        found = Some((pos, below));
                    }
                }
            }
            for &pos in &order[j..k] {
                if best_below.is_none_or(|(s, _)| after[pos] > s) {
                    best_below = Some((after[pos], pos));
                }
            }
            k = j;
        }
        if let Some((ahead, behind)) = found {
            let (a, b, x) = (&bids[rest[ahead]], &bids[rest[behind]], &bids[r]);
            out.push(warn(
                "rank-reversal",
                vec![x.id.clone(), a.id.clone(), b.id.clone()],
                Params::new()
                    .with("removed", &x.id)
                    .with("ahead", &a.id)
                    .with("behind", &b.id)
                    .with("removedSupplier", &x.supplier)
                    .with("aheadSupplier", &a.supplier)
                    .with("behindSupplier", &b.supplier),
                format!(
                    "without {}'s bid, {} would score above {}: the relative formula lets one bid change the order of two others",
                    x.supplier, b.supplier, a.supplier
                ),
            ));
        }
    }
}

/// `abnormally-low`: more than the set percentage below the average of the qualified prices
/// excluding the highest (Scottish Construction Procurement Handbook test; needs 3 or more bids).
fn abnormally_low(
    t: &Tender,
    bids: &[BidResult],
    pool: &[usize],
    fmt: &Fmt,
    out: &mut Vec<Warning>,
) {
    let mut prices: Vec<(usize, Decimal)> = pool
        .iter()
        .filter_map(|&i| bids[i].price_value.map(|p| (i, p)))
        .collect();
    if prices.len() < 3 {
        return;
    }
    crate::sorting::sort(&mut prices, &|a, b| a.1.cmp(&b.1));
    // Prices and the percentage are at most 10^12 (validation): the sum of any number of prices a
    // file can hold, the average times (100 − percent) and the share below it all fit a decimal.
    let rest = &prices[..prices.len() - 1];
    let average: Decimal =
        crate::money::sum(rest.iter().map(|(_, p)| *p)) / Decimal::from(rest.len() as u64);
    // Evaluated prices (spec §11) may be zero or less: below an average of zero or less no price
    // is a share below it.
    if average <= Decimal::ZERO {
        return;
    }
    let pct = t.abnormally_low_percent;
    let limit = times(average, minus(Decimal::ONE_HUNDRED, pct)) / Decimal::ONE_HUNDRED;
    for (k, &(i, p)) in prices.iter().enumerate() {
        if p < limit {
            let below = times(minus(average, p) / average, Decimal::ONE_HUNDRED);
            let mut params = Params::new()
                .with("price", Plain(p))
                .with("average", fixed(average, 2))
                .with("percentBelow", fixed(below, 1))
                .with("percent", Plain(pct))
                .with("supplier", &bids[i].supplier);
            let mut message = format!(
                "{}'s price {} is {}% below the average of {} (the qualified prices without the highest), more than {}%",
                bids[i].supplier,
                fmt.money(p),
                fixed(below, 1),
                fmt.money(average),
                Plain(pct)
            );
            // §15: also more than the proximity margin below the next lowest price. Another bid
            // at the same price is the next lowest, with no gap at all.
            if let Some(rule) = t.abnormally_low_proximity {
                let next = match k.checked_sub(1).map(|j| prices[j].1) {
                    Some(q) if q == p => Some(p),
                    _ => prices.get(k + 1).map(|x| x.1),
                };
                let Some(found) = next.and_then(|next| proximity(rule, p, next)) else {
                    continue;
                };
                if found.gap <= found.margin {
                    continue;
                }
                params = params
                    .with("next", Plain(found.next))
                    .with("gap", fixed(found.gap, 2))
                    .with("margin", fixed(found.margin, 2))
                    .with("marginFrom", found.from)
                    .with("proximityPercent", Plain(rule.percent));
                let _ = write!(
                    message,
                    ", and {} below the next lowest price of {}, more than the margin of {}",
                    fmt.money(found.gap),
                    fmt.money(found.next),
                    fmt.money(found.margin)
                );
            }
            message.push_str(
                ": ask the supplier to explain it before deciding; do not reject it automatically",
            );
            out.push(warn(
                "abnormally-low",
                vec![bids[i].id.clone()],
                params,
                message,
            ));
        }
    }
}

/// The proximity test's figures for one price (spec §15).
struct Gap {
    next: Decimal,
    /// next − price.
    gap: Decimal,
    margin: Decimal,
    /// What set the margin: `percent` of the next price, or the `minimum` or `maximum` it is kept
    /// within.
    from: &'static str,
}

/// The margin = |next| × percent ÷ 100, kept within [min, max] (the size of the next price, should
/// it be negative), and the gap to the next lowest price. A margin too large for a decimal is the
/// maximum if one is set, else no price could be that far below: `None`, not flagged.
fn proximity(rule: Proximity, price: Decimal, next: Decimal) -> Option<Gap> {
    let share = crate::money::mul(next.abs(), rule.percent)
        .and_then(|x| crate::money::div(x, Decimal::ONE_HUNDRED));
    let (margin, from) = match (share, rule.min, rule.max) {
        (None, _, Some(hi)) => (hi, "maximum"),
        (None, _, None) => return None,
        (Some(m), Some(lo), _) if m < lo => (lo, "minimum"),
        (Some(m), _, Some(hi)) if m > hi => (hi, "maximum"),
        (Some(m), _, _) => (m, "percent"),
    };
    // Prices within the limits of a file: the difference of two fits.
    let gap = crate::money::sub(next, price)?;
    Some(Gap {
        next,
        gap,
        margin,
        from,
    })
}

/// `evaluator-spread`: evaluators more than `flagSpread` scale steps apart with no moderated score.
///
/// A large tender gives thousands (a thousand bids on forty criteria gave 16,880), so they are
/// made in the order of the final sort, which then leaves them out: by bid id, and a bid's own by
/// the text after the words they share ("evaluators scored X's \""), which begins with the
/// criterion's name and a quote. Appended to `out`.
fn evaluator_spread(cx: &Ctx, prepared: &[Prepared], order: &[usize], out: &mut Vec<Warning>) {
    let t = cx.t;
    // The scored leaves' indexes, in the order of their names.
    let mut scored = Vec::new();
    for (li, c) in cx.leaves.iter().enumerate() {
        if let Kind::Scored { .. } = c.kind {
            scored.push(li);
        }
    }
    let name = |li: usize| cx.leaves[li].name.as_str();
    crate::sorting::sort(&mut scored, &|&a, &b| quoted(name(a), name(b)));
    // When no name with its quote begins the next one's, two texts first differ where their
    // names do, in this order; otherwise (a name twice, or "Plan" and "Plan\" B") the texts are
    // compared. So are those of bids sharing an id, which validation refuses.
    let by_name = scored.windows(2).all(|w| {
        let (a, b) = (name(w[0]), name(w[1]));
        !(b.starts_with(a) && b.as_bytes().get(a.len()).is_none_or(|&c| c == b'"'))
    }) && order
        .windows(2)
        .all(|w| prepared[w[0]].bid.id != prepared[w[1]].bid.id);
    let start = out.len();
    for p in order.iter().map(|&i| &prepared[i]) {
        let (b, markings) = (p.bid, &p.markings);
        // The bid's id and supplier, shared by each of its warnings.
        let mut named: Option<Shared<[String; 2]>> = None;
        for &li in &scored {
            let Kind::Scored { scale, .. } = &cx.leaves[li].kind else {
                continue;
            };
            let flag = t.moderation.flag_spread;
            // Read from the bid's combined score where there is one (see `Aggregate::low`); the
            // marks waiting for a consensus score have none.
            let found = match &p.aggregates[li] {
                Some(a) => a.spread(scale, flag),
                None => markings.of(li).and_then(|m| spread(m, scale, flag)),
            };
            let Some((low, high, steps)) = found else {
                continue;
            };
            let bid = named.get_or_insert_with(|| Shared::new([b.id.clone(), b.supplier.clone()]));
            out.push(Warning::spread(Spread {
                bid: bid.clone(),
                criterion: cx.ids[li].clone(),
                name: cx.names[li].clone(),
                low,
                high,
                steps,
            }));
        }
    }
    if !by_name {
        crate::sorting::sort(&mut out[start..], &|a, b| a.cmp(b));
    }
}

/// The figures of an `evaluator-spread` warning: bid `[id, supplier]`'s evaluators scored
/// criterion `criterion` ("name") from `low` to `high`, `steps` steps of the scale apart. Its
/// message and parameters are written from them when read (see [`Warning`]). Its names are
/// shared (counted references) with the bid's other warnings and the criterion's results.
///
/// Equal when written the same: figures are written with their trailing zeros stripped (and zero
/// without a sign), so equal values are equal texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Spread {
    pub bid: Shared<[String; 2]>,
    pub criterion: Shared<str>,
    pub name: Shared<str>,
    pub low: Decimal,
    pub high: Decimal,
    pub steps: Decimal,
}

impl Spread {
    pub const CODE: &'static str = "evaluator-spread";

    pub fn message(&self) -> String {
        let (low, high, steps) = (Plain(self.low), Plain(self.high), Plain(self.steps));
        format!(
            "evaluators scored {}'s \"{}\" from {low} to {high} ({steps} steps of the scale apart); agree a moderated score",
            self.bid[1], self.name
        )
    }

    pub fn params(&self) -> Params {
        Params::new()
            .put("criterion", &self.criterion)
            .with("low", Plain(self.low))
            .with("high", Plain(self.high))
            .with("steps", Plain(self.steps))
            .put("supplier", &self.bid[1])
            .put("name", &self.name)
    }
}

/// `a` and `b` each followed by a quote, compared as bytes.
fn quoted(a: &str, b: &str) -> std::cmp::Ordering {
    let n = a.len().min(b.len());
    let at = |s: &str| s.as_bytes().get(n).copied().unwrap_or(b'"');
    a.as_bytes()[..n]
        .cmp(&b.as_bytes()[..n])
        .then(at(a).cmp(&at(b)))
        .then(a.len().cmp(&b.len()))
}

/// `tie`: bids still equal after every tie-break rule share a rank.
fn ties(bids: &[BidResult], out: &mut Vec<Warning>) {
    // The ranked bids in order of rank, and within a rank in id order, so the order of bids in the
    // file never shows: through the one sort rather than a B-tree map, which would compile one for
    // this alone into the WebAssembly build.
    let mut ranked: Vec<&BidResult> = bids.iter().filter(|b| b.rank.is_some()).collect();
    crate::sorting::sort(&mut ranked, &|a, b| {
        a.rank.cmp(&b.rank).then_with(|| a.id.cmp(&b.id))
    });
    for group in ranked
        .chunk_by(|a, b| a.rank == b.rank)
        .filter(|g| g.len() > 1)
    {
        let rank = group[0].rank.unwrap_or_default();
        let names: Vec<&str> = group.iter().map(|b| b.supplier.as_str()).collect();
        out.push(warn(
            "tie",
            group.iter().map(|b| b.id.clone()).collect(),
            Params::new()
                .with("rank", rank)
                .with("total", &group[0].total)
                .with("suppliers", names.join(", ")),
            format!(
                "{} share rank {rank} with {} each, after every tie-break rule",
                names.join(" and "),
                group[0].total
            ),
        ));
    }
}

/// `tie-drawn`: bids still equal after every other tie-break rule, put in order by the recorded
/// draw (spec §16). Named with the order and the seed, so anyone can repeat the draw.
fn ties_drawn(t: &Tender, bids: &[BidResult], out: &mut Vec<Warning>) {
    let Some(seed) = t.tie_draw_seed.as_deref() else {
        return;
    };
    // After a draw no two bids share a rank: rank r is held by one bid, at r − 1 here.
    let mut by_rank = vec![usize::MAX; bids.len()];
    for (i, b) in bids.iter().enumerate() {
        if let Some(slot) = b
            .rank
            .and_then(|r| by_rank.get_mut((r as usize).wrapping_sub(1)))
        {
            *slot = i;
        }
    }
    by_rank.retain(|&i| i != usize::MAX);
    let mut start = 0;
    for end in 1..=by_rank.len() {
        if end < by_rank.len()
            && crate::ranking::drawn_after(t, &bids[by_rank[end - 1]], &bids[by_rank[end]])
        {
            continue;
        }
        let run = &by_rank[start..end];
        start = end;
        if run.len() < 2 {
            continue;
        }
        let mut ids = Vec::with_capacity(run.len());
        let (mut order, mut names) = (String::new(), String::new());
        for (k, &i) in run.iter().enumerate() {
            if k > 0 {
                order.push_str(", ");
                names.push_str(", ");
            }
            order.push_str(&bids[i].id);
            names.push_str(&bids[i].supplier);
            ids.push(bids[i].id.clone());
        }
        let (first, last) = (bids[run[0]].rank, bids[run[run.len() - 1]].rank);
        let (first, last) = (first.unwrap_or_default(), last.unwrap_or_default());
        let message = format!(
            "{names} were still equal after every other tie-break rule; the draw from the recorded seed \"{seed}\" put them in this order, ranks {first} to {last}"
        );
        out.push(warn(
            "tie-drawn",
            ids,
            Params::new()
                .with("rank", first)
                .with("last", last)
                .with("order", order)
                .with("suppliers", names)
                .with("seed", seed),
            message,
        ));
    }
}

/// `incomplete`: a bid still missing inputs; it is shown but not ranked.
fn incomplete(bids: &[BidResult], out: &mut Vec<Warning>) {
    for b in bids.iter().filter(|b| b.status == Status::Incomplete) {
        let what: Vec<&str> = b.missing.iter().map(|m| m.message.as_str()).collect();
        out.push(warn(
            "incomplete",
            vec![b.id.clone()],
            Params::new()
                .with("count", b.missing.len())
                .with("supplier", &b.supplier),
            format!(
                "{} is not ranked until its evaluation is complete: {}",
                b.supplier,
                what.join("; ")
            ),
        ));
    }
}

/// `zero-price` (spec §12): the lowest qualified price is zero under a formula that divides by
/// it (`lowest-ratio`, `deviation-from-lowest`): the bids at zero get full marks for price and
/// every other bid none. Names the bids at zero.
fn zero_price(
    cx: &Ctx,
    prepared: &[Prepared],
    bids: &[BidResult],
    pool: &[usize],
    out: &mut Vec<Warning>,
) {
    let Some(c) = cx.price_leaf.map(|li| cx.leaves[li]) else {
        return;
    };
    let Kind::Price { formula, .. } = &c.kind else {
        return;
    };
    if !cx.t.award.scores_price()
        || !matches!(
            formula,
            Formula::LowestRatio | Formula::DeviationFromLowest { .. }
        )
    {
        return;
    }
    let mut at_zero = Vec::new();
    for &i in pool {
        if input_amount(cx.t, c, &prepared[i]).is_some_and(|p| p.is_zero()) {
            at_zero.push(bids[i].id.clone());
        }
    }
    if at_zero.is_empty() {
        return;
    }
    let count = at_zero.len();
    out.push(warn(
        "zero-price",
        at_zero,
        Params::new()
            .with("criterion", &c.id)
            .with("formula", formula.as_str())
            .with("count", count),
        format!(
            "the lowest qualified price is {zero}, so under \"{}\" a bid at {zero} gets full marks for price and every other bid none ({count} at {zero})",
            formula.as_str(),
            zero = cx.fmt.money(Decimal::ZERO),
        ),
    ));
}

/// `abnormally-low-line` (spec §15): under a schedule, a qualified bid's rate for a line more
/// than `abnormallyLow.percent` below the average of the other qualified bids' rates for it (a
/// rate of zero where the others average more is always so). Cost lines only: a low rate on an
/// income line is money the buyer does not get, not a price that may not cover the work. Like
/// the test on the whole price, it needs 3 or more qualified bids pricing the line.
fn abnormally_low_lines(cx: &Ctx, bids: &[BidResult], pool: &[usize], out: &mut Vec<Warning>) {
    let Some(schedule) = cx.t.schedule() else {
        return;
    };
    let pct = cx.t.abnormally_low_percent;
    for line in schedule.lines.iter().filter(|l| !l.income) {
        let mut rates = Vec::new();
        for &i in pool {
            if let Some(r) = cx.t.bids[i].prices.get(&line.id) {
                rates.push((i, *r));
            }
        }
        if rates.len() < 3 {
            continue;
        }
        // Rates are at most 10^12 each (validation) and bids at most 10^4: the sum fits.
        let sum = crate::money::sum(rates.iter().map(|(_, r)| *r));
        let others = Decimal::from(rates.len() as u64 - 1);
        for &(i, rate) in &rates {
            let average = minus(sum, rate) / others;
            if average <= Decimal::ZERO {
                continue;
            }
            let limit = times(average, minus(Decimal::ONE_HUNDRED, pct)) / Decimal::ONE_HUNDRED;
            if rate >= limit {
                continue;
            }
            let below = times(minus(average, rate) / average, Decimal::ONE_HUNDRED);
            out.push(warn(
                "abnormally-low-line",
                vec![bids[i].id.clone()],
                Params::new()
                    .with("supplier", &bids[i].supplier)
                    .with("line", &line.id)
                    .with("lineName", &line.name)
                    .with("rate", Plain(rate))
                    .with("average", fixed(average, 2))
                    .with("percentBelow", fixed(below, 1))
                    .with("percent", Plain(pct)),
                format!(
                    "{}'s rate {} for \"{}\" is {}% below the average of {} of the other qualified bids, more than {}%: ask the supplier to explain it before deciding; do not reject it automatically",
                    bids[i].supplier,
                    cx.fmt.money(rate),
                    line.name,
                    fixed(below, 1),
                    cx.fmt.money(average),
                    Plain(pct)
                ),
            ));
        }
    }
}

/// Whether every point of `scale` is a whole number.
fn whole_points(scale: &Scale) -> bool {
    match &scale.points {
        ScalePoints::Points(p) => p.iter().all(|p| crate::money::is_whole(p.value)),
        ScalePoints::Range { from, step, .. } => {
            crate::money::is_whole(*from) && crate::money::is_whole(*step)
        }
    }
}

/// `averaged-off-scale` (spec §14): on each scored criterion, the bids whose score is a mean or
/// median that is not a point of the scale (3 and 4 make 3.5 on a 0–5 scale). Averaging in place
/// of the consensus a method promised was found unlawful in Bromcom v United Learning Trust
/// [2022]; where the tender requires a consensus nothing is averaged, so this never arises.
/// A scored criterion, with the bids whose combined score is off its scale: their ids, "A's 3.5,
/// B's ≈3.67" for the message, and "A: 3.5; B: ≈3.67" as a parameter, for a template in any
/// language. On a scale of whole numbers (`whole`, the usual one) a score with a fraction is off
/// it with no comparison against each point: the test runs for every score of every bid.
struct OffScale<'t> {
    li: usize,
    c: &'t Criterion,
    scale: &'t Scale,
    whole: bool,
    ids: Vec<String>,
    named: String,
    listed: String,
}

fn averaged_off_scale(cx: &Ctx, prepared: &[Prepared], order: &[usize], out: &mut Vec<Warning>) {
    // Each scored criterion with what is found on it.
    let mut found: Vec<OffScale> = (cx.leaves.iter().enumerate())
        .filter_map(|(li, c)| match &c.kind {
            Kind::Scored { scale, .. } => Some(OffScale {
                li,
                c,
                scale,
                whole: whole_points(scale),
                ids: Vec::new(),
                named: String::new(),
                listed: String::new(),
            }),
            _ => None,
        })
        .collect();
    // Bid by bid, each bid's scores in the order they are held (criterion by criterion, every bid's
    // scores would be read from a thousand places in turn: most of this warning's time, waiting
    // on memory). Each score is written once and copied into both texts: with a thousand bids on
    // forty criteria this warning can name tens of thousands of scores.
    let mut score = String::new();
    for &i in order {
        let p = &prepared[i];
        for f in &mut found {
            let Some(a) = &p.aggregates[f.li] else {
                continue;
            };
            let off = (f.whole && !crate::money::is_whole(a.value)) || !f.scale.contains(a.value);
            if !off {
                continue;
            }
            if !f.ids.is_empty() {
                f.named.push_str(", ");
                f.listed.push_str("; ");
            }
            score.clear();
            Approx(a.value, 2).push_to(&mut score);
            for (text, between) in [(&mut f.named, "'s "), (&mut f.listed, ": ")] {
                text.push_str(&p.bid.supplier);
                text.push_str(between);
                text.push_str(&score);
            }
            f.ids.push(p.bid.id.clone());
        }
    }
    for OffScale {
        c,
        ids,
        named,
        listed,
        ..
    } in found
    {
        let verb = match ids.len() {
            0 => continue,
            1 => "is an average of the evaluators' scores, not a point",
            _ => "are averages of the evaluators' scores, not points",
        };
        let count = ids.len();
        out.push(warn(
            "averaged-off-scale",
            ids,
            Params::new()
                .with("criterion", &c.id)
                .with("name", &c.name)
                .with("count", count)
                .with("scores", listed),
            format!(
                "on \"{}\", {named} {verb} of the scale; if the evaluation method promised a consensus score, agree and record a moderated score (averaging in its place was found unlawful in Bromcom v United Learning Trust [2022])",
                c.name
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    /// The evaluation of bids scored 0 and 4 by two evaluators on criteria named `names` (each
    /// criterion's id sorts the other way from its position, and bid ids, suppliers and file
    /// order all differ).
    fn spread_over(names: &[&str]) -> crate::Evaluation {
        let n = names.len();
        let criteria: Vec<_> = names
            .iter()
            .enumerate()
            .map(|(i, name)| json!({ "id": format!("c{}", n - i), "kind": "scored", "name": name, "weight": 10, "scale": "s" }))
            .collect();
        let marks: serde_json::Map<_, _> = (1..=n)
            .map(|i| {
                (
                    format!("c{i}"),
                    json!({ "evaluators": { "E1": 0, "E2": 4 } }),
                )
            })
            .collect();
        let bids: Vec<_> = [("b10", "Zed"), ("b2", "Abel"), ("b1", "Mo")]
            .iter()
            .map(|(id, supplier)| json!({ "id": id, "supplier": supplier, "scores": marks }))
            .collect();
        let tender = json!({
            "format": "bidscore/1",
            "scales": { "s": { "from": 0, "to": 4, "step": 1 } },
            "criteria": criteria,
            "bids": bids
        });
        crate::evaluate::evaluate(&crate::read(&tender.to_string()).expect("a valid tender"))
    }

    #[test]
    fn evaluator_spread_warnings_are_in_the_order_of_their_texts() {
        let cases: &[&[&str]] = &[
            // Names none of which, with its closing quote, begins another: put in order by name.
            &[
                "Quality question 10",
                "Quality question 1",
                "Price",
                "Quality question 2",
            ],
            // One name beginning another (the quote sorts above a space), a name with a quote in
            // it, and a name twice: compared by their texts.
            &["Plan", "Plan B", "Plan\" and more", "Plan", "Pl", "A"],
        ];
        for names in cases {
            let e = spread_over(names);
            let spread = e.warnings.iter().filter(|w| w.code == "evaluator-spread");
            assert_eq!(spread.count(), 3 * names.len(), "{names:?}");
            let mut sorted = e.warnings.clone();
            sorted.sort();
            assert!(sorted == e.warnings, "{names:?}: {:#?}", e.warnings);
        }
    }

    /// Marks waiting for a consensus score have no combined score to read the spread from: the
    /// warning still names them, as it does where the tender asks for none.
    #[test]
    fn marks_waiting_for_a_consensus_score_are_warned_of_as_any_others() {
        let spread_of = |require: Option<&str>| {
            let mut tender = json!({
                "format": "bidscore/1",
                "scales": { "s": { "from": 0, "to": 4, "step": 1 } },
                "criteria": [{ "id": "q1", "kind": "scored", "name": "Plan", "weight": 10, "scale": "s" }],
                "bids": [
                    { "id": "b1", "supplier": "Abel", "scores": { "q1": { "evaluators": { "E1": 0, "E2": 4 } } } },
                    { "id": "b2", "supplier": "Mo", "scores": { "q1": { "evaluators": { "E1": 0, "E2": 4 }, "moderated": 2 } } },
                    { "id": "b3", "supplier": "Zed", "scores": { "q1": { "evaluators": { "E1": 1, "E2": "3.0", "E3": 2 } } } }
                ]
            });
            if let Some(r) = require {
                tender["moderation"] = json!({ "require": r });
            }
            let e = crate::evaluate::evaluate(
                &crate::read(&tender.to_string()).expect("a valid tender"),
            );
            let missing = e.bids.iter().filter(|b| !b.missing.is_empty()).count();
            let spread: Vec<_> = e
                .warnings
                .iter()
                .filter(|w| w.code == "evaluator-spread")
                .map(|w| w.message().to_string())
                .collect::<Vec<String>>();
            (missing, spread)
        };
        let (missing, asked) = spread_of(Some("consensus"));
        // Two bids wait for a consensus score; the moderated one does not.
        assert_eq!(missing, 2);
        assert_eq!(
            asked,
            [
                "evaluators scored Abel's \"Plan\" from 0 to 4 (4 steps of the scale apart); agree a moderated score",
                "evaluators scored Zed's \"Plan\" from 1 to 3 (2 steps of the scale apart); agree a moderated score",
            ]
        );
        let (missing, combined) = spread_of(None);
        assert_eq!((missing, combined), (0, asked));
    }

    #[test]
    fn a_spread_warning_in_a_lot_names_the_lot_in_its_text_and_params() {
        let tender = json!({
            "format": "bidscore/1",
            "scales": { "s": { "from": 0, "to": 4, "step": 1 } },
            "criteria": [{ "id": "q1", "kind": "scored", "name": "Plan", "weight": 10, "scale": "s" }],
            "lots": [{ "id": "north", "name": "North" }],
            "bids": [{ "id": "b1", "supplier": "Abel <b>&</b>", "lot": "north",
                       "scores": { "q1": { "evaluators": { "E1": 0, "E2": 4 } } } }]
        });
        let e =
            crate::evaluate::evaluate(&crate::read(&tender.to_string()).expect("a valid tender"));
        let w: Vec<_> = e
            .warnings
            .iter()
            .filter(|w| w.code == "evaluator-spread")
            .collect();
        assert_eq!(w.len(), 1, "{:#?}", e.warnings);
        assert_eq!(
            w[0].message(),
            "lot \"North\": evaluators scored Abel <b>&</b>'s \"Plan\" from 0 to 4 (4 steps of the scale apart); agree a moderated score"
        );
        let params = w[0].params();
        assert_eq!(
            ["criterion", "low", "high", "steps", "supplier", "lot"].map(|k| params.get(k)),
            ["q1", "0", "4", "4", "Abel <b>&</b>", "north"].map(Some)
        );
        assert_eq!(w[0].bids(), ["b1"]);
    }

    #[test]
    fn spread_warnings_are_equal_only_when_written_the_same() {
        use super::Spread;
        use crate::parallel::Shared;
        use crate::result::Warning;
        let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
        let spread = |bid: [&str; 2], c: [&str; 2], [low, high, steps]: [&str; 3]| {
            Warning::spread(Spread {
                bid: Shared::new(bid.map(String::from)),
                criterion: Shared::from(c[0]),
                name: Shared::from(c[1]),
                low: d(low),
                high: d(high),
                steps: d(steps),
            })
        };
        let (bid, c) = (["b1", "Abel"], ["c1", "Plan"]);
        let first = spread(bid, c, ["0", "4", "4"]);
        assert_eq!(
            first.message(),
            "evaluators scored Abel's \"Plan\" from 0 to 4 (4 steps of the scale apart); agree a moderated score"
        );
        let ws = [
            // Written the same: the same values with other trailing zeros, or a signed zero.
            spread(bid, c, ["0.0", "4.00", "4"]),
            spread(bid, c, ["-0", "4", "4.0"]),
            // Written apart.
            spread(["b2", "Abel"], c, ["0", "4", "4"]),
            spread(["b1", "Abe"], c, ["0", "4", "4"]),
            spread(bid, ["c2", "Plan"], ["0", "4", "4"]),
            spread(bid, ["c1", "Plan B"], ["0", "4", "4"]),
            spread(bid, c, ["1", "4", "3"]),
            spread(bid, c, ["0", "4.5", "4.5"]),
            // The same text, held as text.
            Warning::written(
                first.code,
                first.bids().to_vec(),
                first.params().into_owned(),
                first.message().into_owned(),
            ),
            first,
        ];
        for (i, a) in ws.iter().enumerate() {
            for (j, b) in ws.iter().enumerate() {
                let written = crate::json::to_string(a) == crate::json::to_string(b);
                // Equal only when written the same; two held as figures, whenever they are.
                assert!(a != b || written, "{i} {j}: {a:?} / {b:?}");
                if i != 8 && j != 8 {
                    assert_eq!(a == b, written, "{i} {j}: {a:?} / {b:?}");
                }
            }
        }
        assert!(ws[0] == ws[9] && ws[1] == ws[9] && ws[8] != ws[9]);
    }
}
