//! "What if" and robustness (spec §10): price to win, what it takes, weight stability and rank
//! acceptability (SMAA-2). None of it changes the official result.
//!
//! Price to win and what it takes re-score exactly (decimals, the tender's rounding and tie rules),
//! changing one input of one bid at a time. Weight stability is exact too: totals are linear in the
//! marks, so the share at which the winner changes is the root of a linear equation. Only rank
//! acceptability samples, with `f64` and a seed.
//!
//! Each analysis has its own file, beside what they all stand on. `setup` takes the official
//! evaluation apart once and answers whether a "what if" copy of a bid would rank first;
//! `price_to_win`, `what_it_takes` and `weights` (weight stability) are exact and ask it
//! questions; `smaa` (rank acceptability) samples with the seeded generator in `rng`. Each file
//! also holds the result types of its analysis, re-exported here. A tender divided into lots is
//! analysed lot by lot, each lot as a tender holding only its own bids (spec §18).
//!
//! A search tries one bid's input many times, and a try changes that bid only: the others'
//! standings are worked out once per analysis, the comparison inputs of the pool around the bid
//! once per search, and a try scores the changed bid, joins its amount into those inputs and
//! compares it with the others best first, scoring again only those it does not already beat
//! (see `setup`). The first implementation, which re-scored the whole pool on every try, is kept
//! for tests only (`reference`); `tests` holds the fast analysis to it, to the byte.

mod price_to_win;
#[cfg(test)]
mod reference;
mod rng;
mod setup;
mod smaa;

crate::json::json_object!(Analysis {
    "format": format,
    "winner": winner,
    "priceToWin": price_to_win,
    "whatItTakes": what_it_takes,
    "weightStability": weight_stability,
    "rankAcceptability": rank_acceptability,
    "lots": lots if none,
});

crate::json::json_object!(LotAnalysis {
    "id": id,
    "name": name,
    "ranking": ranking,
    "analysis": analysis,
});

#[cfg(test)]
mod tests;
mod weights;
mod what_it_takes;

pub use price_to_win::{PriceOutcome, PriceToWin};
pub use smaa::{Acceptability, BidAcceptability, SmaaOptions, SmaaRun, WeightModel};
pub use weights::WeightInterval;
pub use what_it_takes::{Improvement, WhatItTakes};

use crate::evaluate;
use crate::model::*;
use serde::Serialize;
use setup::Setup;

/// The analysis format written by this engine.
pub const ANALYSIS_FORMAT: &str = "bidscore-analysis/1";

/// What to analyse.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Rank acceptability settings; `None` skips the sampling.
    pub smaa: Option<SmaaOptions>,
    /// Whose "what it takes" to search for.
    pub what_it_takes: Takers,
}

/// The bids "what it takes" is searched for: a page that shows one bid's, or none, asks for no
/// more (for hundreds of bids the searches are most of the analysis, and most of its text).
#[derive(Debug, Clone, PartialEq)]
pub enum Takers {
    /// Every ranked bid but the winner (the default).
    Every,
    /// The bid with this id, if it is one of those.
    Bid(String),
    /// None: `whatItTakes` is empty.
    NoBid,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            smaa: Some(SmaaOptions::default()),
            what_it_takes: Takers::Every,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    pub format: &'static str,
    /// The official winner, if any bid is ranked.
    pub winner: Option<String>,
    pub price_to_win: Vec<PriceToWin>,
    pub what_it_takes: Vec<WhatItTakes>,
    pub weight_stability: Vec<WeightInterval>,
    pub rank_acceptability: Option<Acceptability>,
    /// Each lot's analysis, in file order (spec §18); absent when the tender is not divided into
    /// lots. With lots the fields above are empty: every figure is within a lot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lots: Option<Vec<LotAnalysis>>,
}

/// One lot's analysis: the lot analysed as a tender holding only its own bids.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LotAnalysis {
    pub id: String,
    pub name: String,
    /// The lot's official ranking, best first.
    pub ranking: Vec<String>,
    pub analysis: Analysis,
}

/// Analyses a validated tender.
pub fn analyse(t: &Tender, options: &Options) -> Analysis {
    if t.lots.is_empty() {
        whole(t, options)
    } else {
        by_lot(t, options, whole)
    }
}

/// Analyses a tender as one competition: one without lots, or one lot as a tender of its own.
fn whole(t: &Tender, options: &Options) -> Analysis {
    let official = evaluate::evaluate(t);
    of(&Setup::new(t, &official), options)
}

/// The analysis of the competition `s` took apart.
fn of(s: &Setup, options: &Options) -> Analysis {
    let (t, official) = (s.t, s.official);
    let winner = official.ranking.first().cloned();
    let linear = t.award == AwardMethod::WeightedSum;
    Analysis {
        format: ANALYSIS_FORMAT,
        winner,
        price_to_win: s.price_to_win(),
        what_it_takes: s.what_it_takes(&options.what_it_takes),
        // Both rest on totals that are linear in the weights: the weighted sum only.
        weight_stability: if linear { s.weight_stability() } else { vec![] },
        rank_acceptability: options
            .smaa
            .as_ref()
            .filter(|_| linear)
            .and_then(|o| s.acceptability(o)),
        lots: None,
    }
}

/// Analyses each lot of `t` (which has lots) as a tender of its own, each with `whole` (the tests
/// pass the reference analysis).
fn by_lot(t: &Tender, options: &Options, whole: fn(&Tender, &Options) -> Analysis) -> Analysis {
    let mut split = crate::lots::Split::new(t);
    // The model alone, without bids, gives an analysis with nothing in it: the frame for the lots.
    let mut out = whole(split.model(), options);
    let lots = t
        .lots
        .iter()
        .enumerate()
        .map(|(k, lot)| {
            let part = split.lot(k);
            LotAnalysis {
                id: lot.id.clone(),
                name: lot.name.clone(),
                ranking: evaluate::evaluate(part).ranking,
                analysis: whole(part, options),
            }
        })
        .collect();
    out.lots = Some(lots);
    out
}
