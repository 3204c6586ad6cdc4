//! A tender divided into lots (spec §18): each lot evaluated as a tender of its own, with the same
//! model and only its own bids, then put together. Relative formulas, thresholds, ranking, ties and
//! warnings are therefore all within the lot.

use super::{Memo, Reuse};
use crate::lots::Split;
use crate::model::{Lot, Tender};
use crate::result::{BidResult, Evaluation, LotResult, Warning};

/// Evaluates every lot of `t` (which has lots), reusing the last evaluation's results where
/// `reuse` allows, and puts the results together: bids in file order, each with its lot; the
/// top-level ranking is each lot's ranking in turn. Returns what the next can reuse, lot by lot.
pub(super) fn evaluate(t: &Tender, mut reuse: Option<Reuse>) -> (Evaluation, Memo) {
    let mut split = Split::new(t);
    // The model alone gives the heading of the result and the warnings about the model, which
    // every lot would otherwise repeat.
    let mut out = super::whole(split.model(), None).0;
    let model_warnings = out.warnings.len();
    // The lots' results one after another; `from[i]` is where bid `i` of the file is among them.
    let mut bids: Vec<BidResult> = Vec::with_capacity(t.bids.len());
    let mut from = vec![0; t.bids.len()];
    let mut lots = Vec::with_capacity(t.lots.len());
    let mut memo = Memo(Vec::with_capacity(t.lots.len()));
    for (k, lot) in t.lots.iter().enumerate() {
        let mut result = LotResult {
            id: lot.id.clone(),
            name: lot.name.clone(),
            ranking: Vec::new(),
            winner: None,
        };
        // A lot without bids has nothing to rank, and nothing to warn of but the model.
        let mut fields = Vec::new();
        if !split.bids[k].is_empty() {
            let at = split.bids[k].clone();
            let lot_reuse = reuse.as_mut().map(|r| Reuse {
                last: &mut *r.last,
                memo: r.memo,
                edited: r.edited,
                part: k,
                at: &at,
            });
            let e;
            (e, fields) = super::whole(split.lot(k), lot_reuse);
            let first = e.bids.iter().filter(|b| b.rank == Some(1)).count();
            result.winner = e.ranking.first().filter(|_| first == 1).cloned();
            out.ranking.extend(e.ranking.iter().cloned());
            result.ranking = e.ranking;
            for w in e.warnings {
                if !out.warnings[..model_warnings].contains(&w) {
                    out.warnings.push(in_lot(w, lot));
                }
            }
            for (j, &i) in at.iter().enumerate() {
                from[i] = bids.len() + j;
            }
            bids.extend(e.bids);
        }
        memo.0.push(fields);
        lots.push(result);
    }
    crate::sorting::sort(&mut out.warnings, &|a, b| a.cmp(b));
    // Back in file order.
    crate::sorting::permute(&mut bids, &mut from);
    out.bids = bids;
    out.lots = Some(lots);
    (out, memo)
}

/// A warning about one lot's bids, saying which lot: the lot's id in `params.lot` and its name
/// before the message.
fn in_lot(w: Warning, lot: &Lot) -> Warning {
    w.reworded(&format!("lot \"{}\": ", lot.name), "lot", &lot.id)
}
