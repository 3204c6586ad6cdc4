//! A tender divided into lots (spec §18): each lot evaluated as a tender of its own, with the same
//! model and only its own bids, then put together. Relative formulas, thresholds, ranking, ties and
//! warnings are therefore all within the lot.

use crate::lots::Split;
use crate::model::{Lot, Tender};
use crate::result::{BidResult, Evaluation, LotResult, Warning};

/// Evaluates every lot of `t` (which has lots) and puts the results together: bids in file order,
/// each with its lot; the top-level ranking is each lot's ranking in turn.
pub(super) fn evaluate(t: &Tender) -> Evaluation {
    let mut split = Split::new(t);
    // The model alone gives the heading of the result and the warnings about the model, which
    // every lot would otherwise repeat.
    let mut out = super::evaluate(split.model());
    let model_warnings = std::mem::take(&mut out.warnings);
    let mut warnings = model_warnings.clone();
    let mut bids: Vec<Option<BidResult>> = (0..t.bids.len()).map(|_| None).collect();
    let mut lots = Vec::with_capacity(t.lots.len());
    for (k, lot) in t.lots.iter().enumerate() {
        let e = super::evaluate(split.lot(k));
        let first = e.bids.iter().filter(|b| b.rank == Some(1)).count();
        let winner = e.ranking.first().filter(|_| first == 1).cloned();
        out.ranking.extend(e.ranking.iter().cloned());
        lots.push(LotResult {
            id: lot.id.clone(),
            name: lot.name.clone(),
            ranking: e.ranking,
            winner,
        });
        warnings.extend(
            e.warnings
                .into_iter()
                .filter(|w| !model_warnings.contains(w))
                .map(|w| in_lot(w, lot)),
        );
        for (r, &i) in e.bids.into_iter().zip(&split.bids[k]) {
            bids[i] = Some(r);
        }
    }
    crate::sorting::sort(&mut warnings, &|a, b| a.cmp(b));
    out.bids = bids.into_iter().flatten().collect();
    out.warnings = warnings;
    out.lots = Some(lots);
    out
}

/// A warning about one lot's bids, saying which lot: the lot's id in `params.lot` and its name
/// before the message.
fn in_lot(mut w: Warning, lot: &Lot) -> Warning {
    w.params = w.params.with("lot", &lot.id);
    w.message = format!("lot \"{}\": {}", lot.name, w.message);
    w
}
