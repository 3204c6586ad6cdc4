//! What every bid's evaluation shares, worked out once per tender ([`Ctx`]), how the tender
//! writes its figures ([`Fmt`]), and a bid's own inputs before any comparison ([`Prepared`]).
//!
//! These types stand below everything that scores: the evaluation builds them, the award methods
//! write money through [`Fmt`], the warnings and the analysis read all three. Keeping them apart
//! from the evaluation lets each of those depend on them without depending on one another.

use crate::model::*;
use crate::moderation::Aggregate;
use crate::money::{self, fixed, plain, Fixed, Money, Plain};
use crate::parallel::Shared;
use crate::result::Status;
use crate::sorting::Keyed;
use crate::text::{Compact, Message};
use rust_decimal::Decimal;

/// How amounts are written in workings.
pub(crate) struct Fmt {
    pub currency: String,
    pub decimals: u32,
    pub stage: RoundingStage,
}

impl Fmt {
    pub(crate) fn of(t: &Tender) -> Fmt {
        Fmt {
            currency: t.info.currency.clone(),
            decimals: t.rounding.decimals,
            stage: t.rounding.stage,
        }
    }

    /// Money as a working shows it, written straight into the working.
    pub fn money(&self, d: Decimal) -> Money<'_> {
        Money(d, &self.currency)
    }

    /// A score as published: rounded at the criterion stage, else exact to 10 places.
    pub fn score(&self, d: Decimal) -> Compact {
        match self.stage {
            RoundingStage::Criterion => Fixed(d, self.decimals).compact(),
            _ => Plain(money::round(d, 10)).compact(),
        }
    }

    /// A total or sub-total as published.
    pub fn total(&self, d: Decimal) -> String {
        match self.stage {
            RoundingStage::None => unrounded(d),
            _ => fixed(d, self.decimals),
        }
    }
}

/// What every bid's evaluation shares, worked out once per tender.
pub(crate) struct Ctx<'t> {
    pub t: &'t Tender,
    pub fmt: Fmt,
    /// Every leaf, depth first in file order.
    pub leaves: Vec<&'t Criterion>,
    /// Each leaf's marks as written (same index as `leaves`).
    pub marks: Vec<Shared<str>>,
    /// Each leaf's id and name, shared by every bid's result.
    pub ids: Vec<Shared<str>>,
    pub names: Vec<Shared<str>>,
    /// Each group, with the indexes into `leaves` of the leaves under it.
    pub groups: Vec<(&'t Group, Vec<usize>)>,
    /// The leaves that get a criterion score, in order: not gates, and not the price outside the
    /// weighted sum (the other award methods put the price in the award value).
    pub scored: Vec<usize>,
    /// The index of the price criterion in `leaves`, if there is one (spec §11: its schedule
    /// makes each bid's evaluated price).
    pub price_leaf: Option<usize>,
    /// The indexes into `leaves` in order of id: a bid's scores, kept in order of id, are matched
    /// to the leaves in one walk of both (see [`Ctx::markings`]).
    by_id: Vec<usize>,
}

impl<'t> Ctx<'t> {
    pub fn new(t: &'t Tender) -> Ctx<'t> {
        let leaves = t.leaves();
        let mut groups = Vec::new();
        group_leaves(&t.criteria, &mut 0, &mut groups);
        let scored = (0..leaves.len())
            .filter(|&li| match leaves[li].kind {
                Kind::PassFail => false,
                Kind::Price { .. } => t.award.scores_price(),
                _ => true,
            })
            .collect();
        let price_leaf = leaves
            .iter()
            .position(|c| matches!(c.kind, Kind::Price { .. }));
        let mut by_id: Vec<usize> = (0..leaves.len()).collect();
        crate::sorting::sort(&mut by_id, &|&a, &b| leaves[a].id.cmp(&leaves[b].id));
        Ctx {
            t,
            scored,
            price_leaf,
            by_id,
            fmt: Fmt::of(t),
            marks: leaves
                .iter()
                .map(|c| Shared::from(plain(c.marks)))
                .collect(),
            ids: leaves.iter().map(|c| Shared::from(c.id.as_str())).collect(),
            names: leaves
                .iter()
                .map(|c| Shared::from(c.name.as_str()))
                .collect(),
            leaves,
            groups,
        }
    }
}

impl<'t> Ctx<'t> {
    /// How many scores an evaluation of the tender works out: what decides whether it is worth
    /// splitting across threads (see `crate::parallel`).
    pub fn work(&self) -> usize {
        self.t.bids.len().saturating_mul(self.leaves.len())
    }

    /// `b`'s marking of each leaf. Both lists are in order of id, so one walk matches them: a
    /// search per leaf, with a thousand bids on forty criteria, was a tenth of an evaluation, most
    /// of it waiting on memory.
    pub fn markings(&self, b: &'t Bid) -> Markings<'t> {
        let scores = b.scores.entries();
        // Past the end: no marking.
        let mut at = vec![usize::MAX; self.leaves.len()];
        let mut next = 0;
        for &li in &self.by_id {
            let id = self.leaves[li].id.as_str();
            // Scores under ids no leaf has are passed over (validation reports them).
            while next < scores.len() && scores[next].0.as_str() < id {
                next += 1;
            }
            if next < scores.len() && scores[next].0 == id {
                at[li] = next;
                next += 1;
            }
        }
        Markings { scores, at }
    }
}

/// A bid's marking of each leaf, found by [`Ctx::markings`]: where each leaf's is among the bid's
/// scores (a list of positions rather than of references: the WebAssembly build has code for
/// lists of numbers already).
#[derive(Clone)]
pub(crate) struct Markings<'t> {
    scores: &'t [(String, Marking)],
    at: Vec<usize>,
}

impl<'t> Markings<'t> {
    /// The marking of the leaf at `li` (an index into [`Ctx::leaves`]), if the bid has one.
    pub fn of(&self, li: usize) -> Option<&'t Marking> {
        self.scores.get(self.at[li]).map(|(_, m)| m)
    }
}

/// Each group (depth first, parents before children) with the indexes of its leaves. Leaves are
/// numbered depth first, so a group's leaves are the run counted while walking its children: one
/// walk of the tree, however deep, instead of a search of every leaf per group.
fn group_leaves<'t>(nodes: &'t [Node], next: &mut usize, out: &mut Vec<(&'t Group, Vec<usize>)>) {
    for n in nodes {
        match n {
            Node::Leaf(_) => *next += 1,
            Node::Group(g) => {
                let at = out.len();
                let start = *next;
                out.push((g, Vec::new()));
                group_leaves(&g.children, next, out);
                out[at].1 = (start..*next).collect();
            }
        }
    }
}

/// A figure the rounding policy leaves unrounded, written to at most 10 decimals.
fn unrounded(d: Decimal) -> String {
    plain(money::round(d, 10))
}

/// A bid's own inputs, before any comparison with other bids.
#[derive(Clone)]
pub(crate) struct Prepared<'t> {
    pub bid: &'t Bid,
    pub status: Status,
    /// Each scored leaf's combined score (same index as [`Ctx::leaves`]).
    pub aggregates: Vec<Option<Aggregate<'t>>>,
    /// Where each leaf's marking is among the bid's scores: found once, for the combined scores
    /// and the spread warnings both (in WebAssembly, a tenth of an evaluation after a score
    /// change was finding them again for the warnings).
    pub markings: Markings<'t>,
    /// Social value in money per measures criterion.
    pub sv: Keyed<'t, Decimal>,
    /// Price above a ceiling that scores zero: kept out of the price comparison.
    pub above_ceiling_zero: bool,
    pub reasons: Vec<Message>,
    pub missing: Vec<Message>,
    // §11 price schedules
    /// The price every stage reads: the bid's `price`, or its evaluated price under a schedule
    /// (`None` while a rate is missing, or when it is beyond what an exact figure holds).
    pub price: Option<Decimal>,
    /// How the evaluated price was formed; `None` without a schedule (no allocation then).
    pub price_working: Option<String>,
    /// A rate above its line's `max` under `"aboveCeiling": "zero"`: the line and the rate.
    pub above_line_max: Option<(&'t PriceLine, Decimal)>,
}
