//! Lots (spec §18): a tender divided into lots is evaluated as one tender per lot, each with the
//! same model and only the bids for that lot, and the results are put together afterwards.
//!
//! This module only takes the tender apart. The evaluation, the analysis and the views run their
//! own whole-tender code on each part, so every rule they apply (relative formulas, thresholds,
//! ranking, ties, warnings, "what if") applies within a lot, and whatever rule they learn later
//! does too without a change here. A tender without lots never comes here: it is evaluated exactly
//! as it was before lots existed.

use crate::model::Tender;

/// A tender divided into lots, taken apart.
pub(crate) struct Split<'t> {
    t: &'t Tender,
    /// The tender without lots; its bids are those of the part asked for last.
    part: Tender,
    /// For each lot (in the order of `t.lots`), the indexes in `t.bids` of its bids, in file order.
    pub bids: Vec<Vec<usize>>,
}

impl<'t> Split<'t> {
    pub fn new(t: &'t Tender) -> Split<'t> {
        // Field by field rather than a clone of the whole with its bids then dropped: a tender
        // with lots may hold 10,000 bids, which a clone would copy for nothing.
        let part = Tender {
            info: t.info.clone(),
            award: t.award,
            rounding: t.rounding,
            moderation: t.moderation,
            tie_break: t.tie_break.clone(),
            abnormally_low_percent: t.abnormally_low_percent,
            measures: t.measures.clone(),
            criteria: t.criteria.clone(),
            bids: Vec::new(),
            abnormally_low_proximity: t.abnormally_low_proximity,
            tie_draw_seed: t.tie_draw_seed.clone(),
            lots: Vec::new(),
        };
        // The lots in order of id, to find each bid's lot by halving (a file may hold 1,000 lots
        // and 10,000 bids).
        let mut by_id: Vec<usize> = (0..t.lots.len()).collect();
        crate::sorting::sort(&mut by_id, &|&a, &b| t.lots[a].id.cmp(&t.lots[b].id));
        let mut bids = vec![Vec::new(); t.lots.len()];
        for (i, b) in t.bids.iter().enumerate() {
            // Validation makes every bid of a tender with lots name one of them.
            let Some(id) = b.lot.as_deref() else { continue };
            if let Ok(at) = by_id.binary_search_by(|&k| t.lots[k].id.as_str().cmp(id)) {
                bids[by_id[at]].push(i);
            }
        }
        Split { t, part, bids }
    }

    /// The model alone, without bids or lots: what every lot is evaluated with.
    pub fn model(&mut self) -> &Tender {
        self.part.bids.clear();
        &self.part
    }

    /// Lot `k` (an index into `t.lots`) as a tender of its own: the model and the lot's bids, in
    /// file order.
    pub fn lot(&mut self, k: usize) -> &Tender {
        let bids = self.bids[k]
            .iter()
            .map(|&i| self.t.bids[i].clone())
            .collect();
        self.part.bids = bids;
        &self.part
    }
}
