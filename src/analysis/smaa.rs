//! Rank acceptability (SMAA-2): how often each bid ranks first, second, … when the weights, and
//! the evaluators' scores where they differ, are drawn at random around the published ones.
//! The only part of the engine that computes in `f64`, and only for sampling.

use super::rng::Rng;
use super::setup::{fractions, read_bids, Setup};
use crate::context::Ctx;
use crate::evaluate;
use crate::model::*;
use crate::money::Plain;
use crate::result::Status;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;
use std::cmp::Ordering;

/// Settings of the rank acceptability analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct SmaaOptions {
    /// Number of samples (10,000 gives a 95% margin of about ±1 percentage point).
    pub samples: u32,
    pub seed: u64,
    pub weights: WeightModel,
    /// Draw each scored criterion's score from the individual evaluators' scores.
    pub score_uncertainty: bool,
}

impl Default for SmaaOptions {
    fn default() -> Self {
        SmaaOptions {
            samples: 10_000,
            seed: 1,
            weights: WeightModel::Simplex,
            score_uncertainty: true,
        }
    }
}

/// Which weights the sampling considers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WeightModel {
    /// Any weights at all: uniform on the simplex (no preference information).
    Simplex,
    /// Each published weight moved by up to ± this fraction of itself (0.2 = ±20%), then rescaled
    /// to the same total.
    Tolerance(f64),
    /// Any weights that keep the published order of importance (by marks; equal marks in file
    /// order): uniform on the simplex, sorted, assigned in that order.
    Ranking,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Acceptability {
    pub samples: u32,
    pub seed: u64,
    pub weights: &'static str,
    /// Criterion ids, in the order of every `centralWeights` vector.
    pub criteria: Vec<String>,
    pub bids: Vec<BidAcceptability>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BidAcceptability {
    pub bid: String,
    pub supplier: String,
    /// Share of samples (0–1) in which the bid takes rank 1, 2, …
    #[serde(serialize_with = "shares")]
    pub ranks: Vec<f64>,
    /// Mean weights (shares summing to 1) of the samples in which the bid ranks first; `null` if never.
    #[serde(serialize_with = "optional_shares")]
    pub central_weights: Option<Vec<f64>>,
    /// Share of score draws in which the bid ranks first under its central weights.
    #[serde(serialize_with = "optional_share")]
    pub confidence: Option<f64>,
}

/// A share (already rounded to 4 places) as a JSON number, written from its decimal digits: the
/// WebAssembly build then carries no floating-point formatter.
fn share_number(x: f64) -> crate::text::Number {
    // In ten-thousandths: a share lies in 0..=1, so this fits easily, and the float-to-decimal
    // conversion (about a kilobyte of wasm) is not needed.
    let d = Decimal::new((x * 10_000.0).round() as i64, 4).normalize();
    crate::text::Number(Plain(d).to_string())
}

crate::json::json_object!(Acceptability {
    "samples": samples,
    "seed": seed,
    "weights": weights,
    "criteria": criteria,
    "bids": bids,
});

impl crate::json::ToJson for BidAcceptability {
    fn write(&self, out: &mut crate::json::Json) {
        out.open();
        out.field("bid", &self.bid);
        out.field("supplier", &self.supplier);
        out.field("ranks", &Shares(&self.ranks));
        out.field(
            "centralWeights",
            &self.central_weights.as_deref().map(Shares),
        );
        out.field("confidence", &self.confidence.map(Share));
        out.close();
    }
}

/// A share as the JSON writer writes it: as [`share_number`] gives it.
struct Share(f64);

impl crate::json::ToJson for Share {
    fn write(&self, out: &mut crate::json::Json) {
        out.raw(&share_number(self.0).0);
    }
}

struct Shares<'a>(&'a [f64]);

impl crate::json::ToJson for Shares<'_> {
    fn write(&self, out: &mut crate::json::Json) {
        out.open_list();
        for &x in self.0 {
            out.item(&Share(x));
        }
        out.close_list();
    }
}

fn shares<S: serde::Serializer>(v: &[f64], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().map(|&x| share_number(x)))
}

fn optional_shares<S: serde::Serializer>(v: &Option<Vec<f64>>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => shares(v, s),
        None => s.serialize_none(),
    }
}

fn optional_share<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) => share_number(*x).serialize(s),
        None => s.serialize_none(),
    }
}

impl Setup<'_> {
    pub(super) fn acceptability(&self, o: &SmaaOptions) -> Option<Acceptability> {
        let mut run = self.smaa_run(o)?;
        run.step(o.samples);
        Some(run.result())
    }

    /// A rank acceptability run, ready to sample; `None` without ranked bids.
    pub(super) fn smaa_run(&self, o: &SmaaOptions) -> Option<SmaaRun> {
        smaa_run(self.t, &self.cx, &self.pool, &self.fractions(), o)
    }
}

/// The ranked bids (indexes into the tender's bids, in file order) and each one's exact fraction
/// on every leaf (as [`Setup::fractions`]), worked out without the evaluation when nothing but
/// the bids' own figures decides which bids are ranked: no threshold read after scoring (a
/// group's, or one relative to the best score), and no ranked bid with a score out of range.
/// Each bid is read, the comparison inputs taken over those it leaves ranked and every score
/// worked out as the evaluation does, by its own functions, without the words. `None` when the
/// evaluation must decide.
fn ranked_fractions(cx: &Ctx) -> Option<(Vec<usize>, Vec<Vec<Decimal>>)> {
    let after_scoring = cx
        .groups
        .iter()
        .any(|(g, _)| g.threshold.is_some() || g.threshold_relative.is_some())
        || cx.leaves.iter().any(|c| {
            matches!(
                c.kind,
                Kind::Scored {
                    threshold_relative: Some(_),
                    ..
                }
            )
        });
    if after_scoring {
        return None;
    }
    let (prepared, pool, fields) = read_bids(cx, &|_, p| p.status == Status::Ranked);
    // A score out of range disqualifies its bid, and the evaluation compares the others without it.
    let (fractions, out_of_range) = fractions(cx, &prepared, &pool, &fields);
    (!out_of_range).then_some((pool, fractions))
}

/// A rank acceptability run over the ranked bids `pool` of `t`, with their `fractions` on each
/// leaf; `None` without ranked bids.
fn smaa_run(
    t: &Tender,
    cx: &Ctx,
    pool: &[usize],
    fractions: &[Vec<Decimal>],
    o: &SmaaOptions,
) -> Option<SmaaRun> {
    if pool.is_empty() {
        return None;
    }
    let leaves: Vec<usize> = (0..cx.leaves.len())
        .filter(|&li| cx.leaves[li].kind != Kind::PassFail && !cx.leaves[li].marks.is_zero())
        .collect();
    let to_f = |d: Decimal| d.to_f64().unwrap_or(0.0);
    // Each pool bid's fraction on each leaf, a cell per bid and leaf, row by row; a cell whose
    // score is drawn from its evaluators' scores takes the next 16 random bits, in row order,
    // which is the order a sample draws them.
    let mut cells = Cells {
        cells: Vec::with_capacity(pool.len() * leaves.len()),
        values: Vec::new(),
        words: 0,
        pairs: Vec::new(),
        draws: Vec::new(),
    };
    let mut drawn = 0;
    for (b, &j) in pool.iter().enumerate() {
        for &li in &leaves {
            let c = cx.leaves[li];
            let marking = t.bids[j].scores.get(&c.id);
            let at = cells.values.len();
            match (&c.kind, marking, o.score_uncertainty) {
                (Kind::Scored { scale, .. }, Some(m), true) if m.evaluators.len() > 1 => {
                    let top = to_f(scale.top());
                    cells
                        .values
                        .extend(m.evaluators.iter().map(|(_, s)| to_f(*s) / top));
                    cells.cells.push(Cell {
                        at,
                        len: m.evaluators.len() as u64,
                        bit: drawn * 16,
                    });
                    drawn += 1;
                }
                _ => {
                    cells.values.push(to_f(fractions[b][li]));
                    cells.cells.push(Cell { at, len: 0, bit: 0 });
                }
            }
        }
    }
    cells.words = drawn.div_ceil(4);
    cells.pair_up(pool.len(), leaves.len());
    let published: Vec<f64> = leaves.iter().map(|&li| to_f(cx.leaves[li].marks)).collect();
    let sum_pub: f64 = published.iter().sum();
    let published: Vec<f64> = published.iter().map(|w| w / sum_pub).collect();
    // Order of importance for the ranking model: by marks, ties in file order.
    let mut order: Vec<usize> = (0..leaves.len()).collect();
    crate::sorting::sort(&mut order, &|&a, &b| {
        published[b]
            .partial_cmp(&published[a])
            .unwrap_or(Ordering::Equal)
            .then(a.cmp(&b))
    });
    let n = pool.len();
    let k = leaves.len();
    Some(SmaaRun {
        options: o.clone(),
        bids: pool
            .iter()
            .map(|&j| (t.bids[j].id.clone(), t.bids[j].supplier.clone()))
            .collect(),
        criteria: leaves.iter().map(|&li| cx.leaves[li].id.clone()).collect(),
        cells,
        published,
        order,
        done: 0,
        rank_counts: vec![0; n * n],
        central: vec![vec![0.0; k]; n],
    })
}

/// A rank acceptability analysis that can be run a slice at a time (a Web Worker reports progress
/// between slices and can stop). Sample `s` always draws from its own seed, so the result never
/// depends on how the samples were sliced.
#[derive(Debug, Clone)]
pub struct SmaaRun {
    options: SmaaOptions,
    /// (id, supplier) of each ranked bid.
    bids: Vec<(String, String)>,
    criteria: Vec<String>,
    cells: Cells,
    published: Vec<f64>,
    order: Vec<usize>,
    done: u32,
    /// How often each bid took each rank: bid b's count of rank r at `b * bids + r`.
    rank_counts: Vec<u32>,
    central: Vec<Vec<f64>>,
}

impl SmaaRun {
    /// A run over a validated tender's ranked bids; `None` when there are none, the award
    /// method is not a weighted sum, or the tender is divided into lots (see [`SmaaRun::for_lot`]:
    /// bids of different lots are never ranked together).
    pub fn new(t: &Tender, o: &SmaaOptions) -> Option<SmaaRun> {
        if t.award != AwardMethod::WeightedSum || !t.lots.is_empty() {
            return None;
        }
        let cx = Ctx::new(t);
        match ranked_fractions(&cx) {
            Some((pool, fractions)) => smaa_run(t, &cx, &pool, &fractions, o),
            None => {
                let official = evaluate::evaluate(t);
                Setup::new(t, &official).smaa_run(o)
            }
        }
    }

    /// A run over the ranked bids of lot `lot` (its id) of a tender divided into lots (spec §18);
    /// `None` when the tender has no such lot, or as for [`SmaaRun::new`].
    pub fn for_lot(t: &Tender, lot: &str, o: &SmaaOptions) -> Option<SmaaRun> {
        let k = t.lots.iter().position(|l| l.id == lot)?;
        SmaaRun::new(crate::lots::Split::new(t).lot(k), o)
    }

    /// Samples taken so far, and in all.
    pub fn progress(&self) -> (u32, u32) {
        (self.done, self.options.samples)
    }

    /// Takes up to `n` more samples; returns how many have been taken in all.
    pub fn step(&mut self, n: u32) -> u32 {
        let end = self.done.saturating_add(n).min(self.options.samples);
        let nb = self.bids.len();
        let k = self.criteria.len();
        let mut weights = vec![0f64; k];
        // A total for each bid, and for each empty place of the last block.
        let mut totals = vec![0f64; nb.div_ceil(8) * 8];
        let mut pairs = self.cells.pairs.clone();
        let mut sorted = Vec::new();
        for s in self.done..end {
            let mut rng = Rng::for_sample(self.options.seed, u64::from(s));
            sample_weights(
                &mut rng,
                self.options.weights,
                &self.published,
                &self.order,
                &mut weights,
            );
            self.cells.draw(rng, &mut pairs);
            totals_of(&pairs, &weights, &mut totals);
            ranks(&totals[..nb], &mut sorted, |b, rank| {
                if let Some(count) = self.rank_counts.get_mut(b * nb + rank) {
                    *count += 1;
                }
                if rank == 0 {
                    for (c, w) in self.central[b].iter_mut().zip(&weights) {
                        *c += w;
                    }
                }
            });
        }
        self.done = end;
        end
    }

    /// The acceptabilities over the samples taken so far, with each bid's confidence factor.
    pub fn result(&self) -> Acceptability {
        let round4 = |x: f64| (x * 10_000.0).round() / 10_000.0;
        let samples = f64::from(self.done.max(1));
        let uncertain = self.cells.words > 0;
        let nb = self.bids.len();
        let centrals: Vec<Option<Vec<f64>>> = (0..nb)
            .map(|b| {
                let wins = self.rank_counts[b * nb];
                (wins > 0).then(|| {
                    self.central[b]
                        .iter()
                        .map(|w| w / f64::from(wins))
                        .collect::<Vec<f64>>()
                })
            })
            .collect();
        let confidences = self.confidences(&centrals, uncertain);
        let bids = centrals
            .into_iter()
            .zip(confidences)
            .enumerate()
            .map(|(b, (central_weights, confidence))| BidAcceptability {
                bid: self.bids[b].0.clone(),
                supplier: self.bids[b].1.clone(),
                ranks: self.rank_counts[b * nb..(b + 1) * nb]
                    .iter()
                    .map(|&c| round4(f64::from(c) / samples))
                    .collect(),
                central_weights: central_weights.map(|v| v.into_iter().map(round4).collect()),
                confidence: confidence.map(round4),
            })
            .collect();
        Acceptability {
            samples: self.done,
            seed: self.options.seed,
            weights: match self.options.weights {
                WeightModel::Simplex => "simplex",
                WeightModel::Tolerance(_) => "tolerance",
                WeightModel::Ranking => "ranking",
            },
            criteria: self.criteria.clone(),
            bids,
        }
    }

    /// SMAA-2 confidence factors: for each bid with central weights, the share of score draws in
    /// which it ranks first under them; with no uncertain score one draw decides it. Each draw's
    /// scores are drawn once and shared by every bid.
    fn confidences(&self, centrals: &[Option<Vec<f64>>], uncertain: bool) -> Vec<Option<f64>> {
        let draws = if uncertain {
            self.options.samples.clamp(1, 1_000)
        } else {
            1
        };
        let n = self.bids.len();
        let block = 8 * self.criteria.len().max(1);
        // Blocks of rivals in order of their bids' first places: a bid that does not come first
        // is most often beaten by one of those, and stops there. The order changes no answer.
        let firsts = |q: usize| {
            (8 * q..(8 * q + 8).min(n))
                .map(|b| self.rank_counts[b * n])
                .max()
                .unwrap_or(0)
        };
        let mut order: Vec<usize> = (0..n.div_ceil(8)).collect();
        crate::sorting::sort(&mut order, &|&a, &b| {
            firsts(b).cmp(&firsts(a)).then(a.cmp(&b))
        });
        let mut pairs = self.cells.pairs.clone();
        let mut first = vec![0u32; n];
        for s in 0..draws {
            let rng = Rng::for_sample(self.options.seed ^ 0x5EED_C0F1_DE4C_E000, u64::from(s));
            self.cells.draw(rng, &mut pairs);
            for (b, central) in centrals.iter().enumerate() {
                let Some(cw) = central else { continue };
                // Bid b's total first (beside the others of its block), then the other blocks
                // only until a bid beats it.
                let at = |q: usize| pairs.get(q * block..(q + 1) * block).unwrap_or_default();
                let mine = block_totals(at(b / 8), cw);
                let own = mine[b % 8];
                // As `t <= own` fails (NaN included, though no total is one).
                let beats = |q: usize, totals: &[f64; 8]| {
                    totals.iter().enumerate().any(|(j, t)| {
                        let r = 8 * q + j;
                        r < n
                            && r != b
                            && !matches!(
                                t.partial_cmp(&own),
                                Some(Ordering::Less | Ordering::Equal)
                            )
                    })
                };
                let beaten = beats(b / 8, &mine)
                    || order
                        .iter()
                        .any(|&q| q != b / 8 && beats(q, &block_totals(at(q), cw)));
                if !beaten {
                    first[b] += 1;
                }
            }
        }
        centrals
            .iter()
            .zip(first)
            .map(|(c, f)| c.as_ref().map(|_| f64::from(f) / f64::from(draws)))
            .collect()
    }
}

/// Every ranked bid's fraction of each criterion's marks, a cell per bid and criterion in one
/// block, row by row: the sampling loop reads them in order, with no pointer to follow per bid or
/// per cell.
#[derive(Debug, Clone)]
struct Cells {
    /// Row-major, bids × criteria.
    cells: Vec<Cell>,
    /// Each fixed cell's fraction, and each drawn cell's evaluators' fractions, end to end.
    values: Vec<f64>,
    /// The random numbers a draw takes: one for every four drawn cells.
    words: usize,
    /// The cells as the sampling loop reads them, eight bids side by side: for each block of eight
    /// bids (the last filled out with places of value 0), criterion by criterion, the eight bids'
    /// values. Fixed cells hold theirs for good; each draw writes the drawn ones (see
    /// [`Cells::draws`]). The eight totals of a block are summed at once, each still in criterion
    /// order, so each comes out to the same bits as a sum of its own row.
    pairs: Vec<f64>,
    /// The drawn cells in the order they take their bits, four to a random number (the last
    /// four filled out with cells that draw nothing into a spare place at the end of `pairs`).
    draws: Vec<Four>,
}

/// Four drawn cells, the four that share a random number, as the sampling loop draws them: cell
/// `j` from `Cells::values[at[j]..at[j] + len[j]]` into `Cells::pairs[to[j]]`.
#[derive(Debug, Clone, Copy, Default)]
struct Four {
    at: [u32; 4],
    len: [u32; 4],
    to: [u32; 4],
}

/// A cell: its value, or the values it is drawn from, at `Cells::values[at..at + len.max(1)]`.
/// A drawn cell (`len` > 1) picks one with the 16 bits of the draw's random numbers from bit
/// `bit`: each cell takes 16 bits, four cells to a number. Drawing is most of a sample's work, and
/// the choice among n evaluators' scores is still uniform to within n parts in 65,536.
#[derive(Debug, Clone)]
struct Cell {
    at: usize,
    /// The number of values drawn from; 0 for a fixed cell, whose pick is then always 0.
    len: u64,
    bit: usize,
}

impl Cells {
    /// Lays out [`Cells::pairs`] and [`Cells::draws`] for `n` bids on `k` criteria, once the
    /// cells are in.
    fn pair_up(&mut self, n: usize, k: usize) {
        let spare = n.div_ceil(8) * 8 * k;
        self.pairs = vec![0.0; spare + 1];
        self.draws = vec![Four::default(); self.words];
        let mut drawn = 0;
        for (i, cell) in self.cells.iter().enumerate() {
            let (b, c) = (i / k.max(1), i % k.max(1));
            let to = (b / 8) * 8 * k + 8 * c + b % 8;
            if cell.len == 0 {
                self.pairs[to] = self.values[cell.at];
            } else if let Some(four) = self.draws.get_mut(cell.bit / 64) {
                let j = cell.bit / 16 % 4;
                four.at[j] = cell.at as u32;
                // Fewer than 65,536 evaluators, so that 16 bits times the count fit in 32.
                four.len[j] = cell.len.min(65_535) as u32;
                four.to[j] = to as u32;
                drawn += 1;
            }
        }
        // The last four filled out with cells that draw nothing into the spare place.
        if let Some(four) = self.draws.last_mut().filter(|_| drawn % 4 != 0) {
            for to in &mut four.to[drawn % 4..] {
                *to = spare as u32;
            }
        }
    }

    /// Draws every drawn cell into `pairs` (a copy of [`Cells::pairs`]) with the draw's next
    /// `self.words` random numbers, as each [`Cell`] picks. Each number is taken as its four cells
    /// need it: the generator's chain of shifts then runs beside the picking, not before it.
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    fn draw(&self, mut rng: Rng, pairs: &mut [f64]) {
        for four in &self.draws {
            let w = rng.next();
            for j in 0..4 {
                let bits = ((w >> (16 * j)) & 0xFFFF) as u32;
                self.put(pairs, four.to[j], four.at[j] + ((bits * four.len[j]) >> 16));
            }
        }
    }

    /// As above, the four cells of a random number picked in the four lanes of one vector (each
    /// lane written out: a loop over the lanes would not be unrolled in this build).
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    fn draw(&self, mut rng: Rng, pairs: &mut [f64]) {
        use core::arch::wasm32::*;
        let v = |x: &[u32; 4]| u32x4(x[0], x[1], x[2], x[3]);
        for four in &self.draws {
            let bits = u32x4_extend_low_u16x8(u64x2_splat(rng.next()));
            let i = i32x4_add(v(&four.at), u32x4_shr(i32x4_mul(bits, v(&four.len)), 16));
            self.put(pairs, four.to[0], u32x4_extract_lane::<0>(i));
            self.put(pairs, four.to[1], u32x4_extract_lane::<1>(i));
            self.put(pairs, four.to[2], u32x4_extract_lane::<2>(i));
            self.put(pairs, four.to[3], u32x4_extract_lane::<3>(i));
        }
    }

    /// Writes value `i` into place `to` of `pairs`.
    #[inline(always)]
    fn put(&self, pairs: &mut [f64], to: u32, i: u32) {
        let v = self.values.get(i as usize).copied();
        if let Some(p) = pairs.get_mut(to as usize) {
            *p = v.unwrap_or(0.0);
        }
    }
}

/// Calls `each(bid, rank)` for every bid, its rank being the number of bids with a higher total
/// (tied bids share a rank). With many bids, a sorted copy answers each in a binary search rather
/// than a comparison with every other bid. `each` is called from one place, where it is compiled
/// in rather than called.
#[inline(always)]
fn ranks(totals: &[f64], sorted: &mut Vec<f64>, mut each: impl FnMut(usize, usize)) {
    let few = totals.len() <= 32;
    if !few {
        sorted.clear();
        sorted.extend_from_slice(totals);
        crate::sorting::sort(sorted, &|a, b| b.partial_cmp(a).unwrap_or(Ordering::Equal));
    }
    for (b, &t) in totals.iter().enumerate() {
        each(
            b,
            if few {
                above(totals, t)
            } else {
                sorted.partition_point(|&x| x > t)
            },
        );
    }
}

/// Each bid's total under `weights` from `pairs` (laid out as [`Cells::pairs`]), into `totals`
/// (a total per bid, rounded up to a multiple of 8). A block at a time: each sum waits on its last
/// addition, and eight sums side by side take little longer than one.
fn totals_of(pairs: &[f64], weights: &[f64], totals: &mut [f64]) {
    let block = 8 * weights.len().max(1);
    for (out, block) in totals.chunks_exact_mut(8).zip(pairs.chunks_exact(block)) {
        out.copy_from_slice(&block_totals(block, weights));
    }
}

/// The totals of the eight bids of a block under `weights`, from its part of [`Cells::pairs`]:
/// each the sum of its products in criterion order, from -0.0 as `Iterator::sum` starts.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline(always)]
fn block_totals(block: &[f64], weights: &[f64]) -> [f64; 8] {
    let mut sum = [-0.0f64; 8];
    for (w, v) in weights.iter().zip(block.chunks_exact(8)) {
        for (s, v) in sum.iter_mut().zip(v) {
            *s += w * v;
        }
    }
    sum
}

/// As above, two bids to a vector: the same operations in the same order in each lane, so the
/// same bits.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
fn block_totals(block: &[f64], weights: &[f64]) -> [f64; 8] {
    use core::arch::wasm32::*;
    let z = f64x2_splat(-0.0);
    let (mut s0, mut s1, mut s2, mut s3) = (z, z, z, z);
    for (w, v) in weights.iter().zip(block.chunks_exact(8)) {
        let w = f64x2_splat(*w);
        s0 = f64x2_add(s0, f64x2_mul(w, f64x2(v[0], v[1])));
        s1 = f64x2_add(s1, f64x2_mul(w, f64x2(v[2], v[3])));
        s2 = f64x2_add(s2, f64x2_mul(w, f64x2(v[4], v[5])));
        s3 = f64x2_add(s3, f64x2_mul(w, f64x2(v[6], v[7])));
    }
    [
        f64x2_extract_lane::<0>(s0),
        f64x2_extract_lane::<1>(s0),
        f64x2_extract_lane::<0>(s1),
        f64x2_extract_lane::<1>(s1),
        f64x2_extract_lane::<0>(s2),
        f64x2_extract_lane::<1>(s2),
        f64x2_extract_lane::<0>(s3),
        f64x2_extract_lane::<1>(s3),
    ]
}

/// How many of `totals` are greater than `t`.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn above(totals: &[f64], t: f64) -> usize {
    totals.iter().filter(|&&x| x > t).count()
}

/// As above, two totals to a comparison.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn above(totals: &[f64], t: f64) -> usize {
    use core::arch::wasm32::*;
    let tv = f64x2_splat(t);
    // Each comparison gives -1 in a lane that is greater.
    let mut count = i64x2_splat(0);
    for p in totals.chunks_exact(2) {
        count = i64x2_sub(count, f64x2_gt(f64x2(p[0], p[1]), tv));
    }
    // The last total when they are odd in number.
    let rest = totals.len() % 2 == 1 && totals.last().is_some_and(|&x| x > t);
    (i64x2_extract_lane::<0>(count) + i64x2_extract_lane::<1>(count)) as usize + usize::from(rest)
}

/// Fills `out` with one weight vector (shares summing to 1).
fn sample_weights(
    rng: &mut Rng,
    model: WeightModel,
    published: &[f64],
    order: &[usize],
    out: &mut [f64],
) {
    match model {
        WeightModel::Tolerance(tol) => {
            for (w, p) in out.iter_mut().zip(published) {
                *w = p * (1.0 + tol * (2.0 * rng.unit() - 1.0));
            }
        }
        WeightModel::Simplex | WeightModel::Ranking => {
            // Normalised exponentials are uniform on the simplex.
            for w in out.iter_mut() {
                *w = 1.0 - rng.unit();
            }
            neg_ln(out);
            if model == WeightModel::Ranking {
                let mut sorted: Vec<f64> = out.to_vec();
                crate::sorting::sort(&mut sorted, &|a, b| {
                    b.partial_cmp(a).unwrap_or(Ordering::Equal)
                });
                for (pos, &c) in order.iter().enumerate() {
                    out[c] = sorted[pos];
                }
            }
        }
    }
    let sum: f64 = out.iter().sum();
    if sum > 0.0 {
        for w in out.iter_mut() {
            *w /= sum;
        }
    }
}

/// Replaces each `x` in `xs` (each in (0, 1]) with `-ln(x)`.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn neg_ln(xs: &mut [f64]) {
    for x in xs {
        *x = -x.ln();
    }
}

/// As above, two at a time: `f64::ln` on this target is the portable `log` the Rust runtime
/// carries, and [`ln_pair`] does its operations in its order, so the weights come out to the same
/// bits as one `ln` at a time.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn neg_ln(xs: &mut [f64]) {
    use core::arch::wasm32::*;
    let mut pairs = xs.chunks_exact_mut(2);
    for p in &mut pairs {
        let l = ln_pair(f64x2(p[0], p[1]));
        p[0] = -f64x2_extract_lane::<0>(l);
        p[1] = -f64x2_extract_lane::<1>(l);
    }
    for x in pairs.into_remainder() {
        *x = -x.ln();
    }
}

/// The natural logarithm of each lane, for positive normal numbers up to 1 (the weights' draws,
/// `1 - u` with `u` in [0, 1) in steps of 2^-53, are no other; at 1 the general path gives +0
/// like the special case it skips). `log`'s reduction to [sqrt(2)/2, sqrt(2)] and polynomial,
/// step for step: the algorithm and constants of fdlibm's `e_log.c` (Sun Microsystems, 1993), which
/// the libm this target's `f64::ln` calls follows.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn ln_pair(x: core::arch::wasm32::v128) -> core::arch::wasm32::v128 {
    use core::arch::wasm32::*;
    // Its constants, bit for bit.
    const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
    const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
    const LG: [u64; 7] = [
        0x3fe5_5555_5555_5593,
        0x3fd9_9999_9997_fa04,
        0x3fd2_4924_9422_9359,
        0x3fcc_71c5_1d8e_78af,
        0x3fc7_4664_96cb_03de,
        0x3fc3_9a09_d078_c69f,
        0x3fc2_f112_df3e_5244,
    ];
    let lg = |i: usize| f64x2_splat(f64::from_bits(LG[i]));
    let c = f64x2_splat;
    let (add, sub, mul) = (f64x2_add, f64x2_sub, f64x2_mul);
    // The high word of each lane (the sign bit is 0), moved so that the exponent k counts from
    // sqrt(2)/2 rather than 1; the mantissa is then put back under the exponent of [sqrt(2)/2, 2).
    let hx = i64x2_add(u64x2_shr(x, 32), i64x2_splat(0x3ff0_0000 - 0x3fe6_a09e));
    let k = i64x2_sub(u64x2_shr(hx, 20), i64x2_splat(0x3ff));
    let hx = i64x2_add(
        v128_and(hx, i64x2_splat(0x000f_ffff)),
        i64x2_splat(0x3fe6_a09e),
    );
    let x = v128_or(i64x2_shl(hx, 32), v128_and(x, i64x2_splat(0xffff_ffff)));
    let f = sub(x, c(1.0));
    let hfsq = mul(mul(c(0.5), f), f);
    let s = f64x2_div(f, add(c(2.0), f));
    let z = mul(s, s);
    let w = mul(z, z);
    let t1 = mul(w, add(lg(1), mul(w, add(lg(3), mul(w, lg(5))))));
    let t2 = mul(
        z,
        add(lg(0), mul(w, add(lg(2), mul(w, add(lg(4), mul(w, lg(6))))))),
    );
    let r = add(t2, t1);
    // k fits in the low half of each 64-bit lane.
    let dk = f64x2_convert_low_i32x4(i32x4_shuffle::<0, 2, 0, 2>(k, k));
    let a = add(mul(s, add(hfsq, r)), mul(dk, c(LN2_LO)));
    add(add(sub(a, hfsq), f), mul(dk, c(LN2_HI)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sampling as plainly as it can be written: every drawn cell into a row of fractions,
    /// four cells to a random number, then each total in criterion order, each bid's rank among
    /// all, and the confidences with every rival in bid order. The run must match it exactly:
    /// the same random numbers, the same sums in the same order.
    fn plainly(run: &SmaaRun) -> Plainly {
        let o = &run.options;
        let (nb, k) = (run.bids.len(), run.criteria.len());
        let draw = |rng: &mut Rng| -> Vec<f64> {
            let mut bits = 0u64;
            let mut drawn = 0;
            let mut out = Vec::new();
            for cell in &run.cells.cells {
                if cell.len == 0 {
                    out.push(run.cells.values[cell.at]);
                    continue;
                }
                if drawn % 4 == 0 {
                    bits = rng.next();
                }
                drawn += 1;
                let pick = ((bits & 0xFFFF) * cell.len) >> 16;
                bits >>= 16;
                out.push(run.cells.values[cell.at + pick as usize]);
            }
            out
        };
        let total = |w: &[f64], row: &[f64]| -> f64 { w.iter().zip(row).map(|(w, f)| w * f).sum() };
        let mut counts = vec![vec![0u32; nb]; nb];
        let mut central = vec![vec![0f64; k]; nb];
        let mut weights = vec![0f64; k];
        for s in 0..o.samples {
            let mut rng = Rng::for_sample(o.seed, u64::from(s));
            sample_weights(
                &mut rng,
                o.weights,
                &run.published,
                &run.order,
                &mut weights,
            );
            let fractions = draw(&mut rng);
            let totals: Vec<f64> = fractions.chunks(k).map(|r| total(&weights, r)).collect();
            for (b, t) in totals.iter().enumerate() {
                let rank = totals.iter().filter(|&x| x > t).count();
                counts[b][rank] += 1;
                if rank == 0 {
                    for (c, w) in central[b].iter_mut().zip(&weights) {
                        *c += w;
                    }
                }
            }
        }
        let draws = o.samples.clamp(1, 1_000);
        let mut first: Vec<Option<u32>> = counts.iter().map(|c| (c[0] > 0).then_some(0)).collect();
        for s in 0..draws {
            let mut rng = Rng::for_sample(o.seed ^ 0x5EED_C0F1_DE4C_E000, u64::from(s));
            let fractions = draw(&mut rng);
            for (b, f) in first.iter_mut().enumerate() {
                let Some(f) = f else { continue };
                let cw: Vec<f64> = central[b]
                    .iter()
                    .map(|c| c / f64::from(counts[b][0]))
                    .collect();
                let own = total(&cw, &fractions[b * k..(b + 1) * k]);
                if fractions.chunks(k).all(|r| total(&cw, r) <= own) {
                    *f += 1;
                }
            }
        }
        let bits = central
            .iter()
            .map(|c| c.iter().map(|x| x.to_bits()).collect())
            .collect();
        Plainly {
            counts,
            central: bits,
            first,
        }
    }

    /// What [`plainly`] finds: each bid's count of each rank, its sums of the weights it won with
    /// (as bits), and its first places in the confidence draws (`None` if it never won).
    struct Plainly {
        counts: Vec<Vec<u32>>,
        central: Vec<Vec<u64>>,
        first: Vec<Option<u32>>,
    }

    #[test]
    fn the_ranked_bids_read_without_the_evaluation_are_the_evaluations() {
        // Every fixture and generated tenders (thresholds, schedules, ties, lots, each lot as the
        // analysis takes it): where the bids' own figures decide, the same bids, the same
        // fractions to the last digit and scale, and so the same run.
        use crate::analysis::setup::tests::{as_analysed, fixtures};
        let mut tenders = fixtures();
        let mut rng = crate::synth::Rng(20_261_203);
        for i in 0..700 {
            let text = crate::analysis::tests::tender(&mut rng).to_string();
            if let Ok(t) = crate::read(&text) {
                tenders.extend(as_analysed(format!("generated {i}: {text}"), t));
            }
        }
        let (mut read, mut evaluated) = (0, 0);
        for (name, t) in &tenders {
            if t.award == AwardMethod::WeightedSum {
                let cx = Ctx::new(t);
                let Some((pool, fractions)) = ranked_fractions(&cx) else {
                    evaluated += 1;
                    continue;
                };
                let official = evaluate::evaluate(t);
                let setup = Setup::new(t, &official);
                let exact = |f: &[Vec<Decimal>]| -> Vec<Vec<[u8; 16]>> {
                    f.iter()
                        .map(|row| row.iter().map(|d| d.serialize()).collect())
                        .collect()
                };
                assert_eq!(pool, setup.pool, "{name}");
                assert_eq!(exact(&fractions), exact(&setup.fractions()), "{name}");
                let o = SmaaOptions::default();
                assert_eq!(
                    format!("{:?}", SmaaRun::new(t, &o)),
                    format!("{:?}", setup.smaa_run(&o)),
                    "{name}"
                );
                read += 1;
            }
        }
        assert!(
            read >= 150 && evaluated >= 50,
            "{read} read, {evaluated} evaluated"
        );
    }

    #[test]
    fn sampling_matches_the_plain_draw_bit_for_bit() {
        // Drawn and fixed cells side by side (price and the social value measures are fixed),
        // three and five evaluators, more bids than the quick rank count takes, every weight model.
        let cases = [(9, 8, 3, 5), (40, 6, 5, 2)];
        for (bids, criteria, evaluators, seed) in cases {
            let text = crate::synth::tender(bids, criteria, evaluators, seed).to_string();
            let t = crate::read(&text).expect("a generated tender is valid");
            for weights in [
                WeightModel::Simplex,
                WeightModel::Ranking,
                WeightModel::Tolerance(0.3),
            ] {
                let o = SmaaOptions {
                    samples: 1_500,
                    seed,
                    weights,
                    score_uncertainty: true,
                };
                let mut run = SmaaRun::new(&t, &o).expect("ranked bids");
                assert!(run.cells.words > 0 && run.cells.cells.iter().any(|c| c.len == 0));
                let Plainly {
                    counts,
                    central,
                    first,
                } = plainly(&run);
                // In uneven slices, as a worker takes them.
                for n in [1, 10, 300, 2_000] {
                    run.step(n);
                }
                assert_eq!(run.rank_counts, counts.concat(), "{bids} bids, {weights:?}");
                let got: Vec<Vec<u64>> = run
                    .central
                    .iter()
                    .map(|c| c.iter().map(|x| x.to_bits()).collect())
                    .collect();
                assert_eq!(got, central, "{bids} bids, {weights:?}");
                let draws = f64::from(o.samples.min(1_000));
                let confidence: Vec<Option<f64>> = first
                    .iter()
                    .map(|f| f.map(|f| (f64::from(f) / draws * 10_000.0).round() / 10_000.0))
                    .collect();
                let result: Vec<Option<f64>> =
                    run.result().bids.iter().map(|b| b.confidence).collect();
                assert_eq!(result, confidence, "{bids} bids, {weights:?}");
            }
        }
    }
}
