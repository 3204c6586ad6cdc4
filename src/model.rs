//! The tender, as the engine holds it after reading and validating a file (format `bidscore/1`).
//!
//! These types are only ever built by [`crate::validate::read`], so their invariants hold for the
//! rest of the engine: ids are unique, every reference (scale, measure, criterion) resolves, every
//! score lies on its scale, marks are non-negative and group marks add up. Evaluation therefore
//! never re-checks input and never fails.

use crate::money::{floor, minus, plus, times};
use rust_decimal::Decimal;
use std::fmt;

/// A whole tender: the evaluation model and any bids.
#[derive(Debug, Clone, PartialEq)]
pub struct Tender {
    pub info: TenderInfo,
    pub award: AwardMethod,
    pub rounding: Rounding,
    pub moderation: Moderation,
    pub tie_break: Vec<TieBreak>,
    /// Percent below the average price at which a price is flagged as abnormally low.
    pub abnormally_low_percent: Decimal,
    /// Social value measures, in file order.
    pub measures: Vec<Measure>,
    /// The criteria tree, in file order. Shared: each lot of a tender divided into lots is
    /// evaluated as a tender of its own with this one tree (`lots::Split`), which copying would
    /// cost the WebAssembly build the whole tree's clone (about 2 KB) for nothing.
    pub criteria: std::sync::Arc<[Node]>,
    pub bids: Vec<Bid>,
    // §15 abnormally low, §16 the recorded draw
    /// The proximity test of the abnormally low rule (spec §15); `None`: the average test alone.
    pub abnormally_low_proximity: Option<Proximity>,
    /// The seed of the draw that orders bids still equal after every other tie-break rule (spec
    /// §16), as the buyer recorded it. Present whenever `tie_break` ends with [`TieBreak::Draw`].
    pub tie_draw_seed: Option<String>,
    /// The lots the tender is divided into, in file order (spec §18): each is evaluated on its
    /// own with this one model, over the bids that name it. Empty when the tender is not divided.
    pub lots: Vec<Lot>,
}

/// A lot of a tender divided into lots (spec §18). A lot needing its own model is its own tender.
/// The published model lists the lots as they are, so it is also written as it is.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Lot {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
}

crate::json::json_object!(Lot {
    "id": id,
    "name": name,
    "description": description,
});

/// Descriptive fields of the tender.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TenderInfo {
    pub title: Option<String>,
    pub buyer: Option<String>,
    pub reference: Option<String>,
    /// ISO 4217 code, GBP by default.
    pub currency: String,
    pub contract_value: Option<Decimal>,
    /// As written. Read for one thing: it chose, as the file was read, which language of each
    /// text given in several the tender holds (`validate::languages`).
    pub locale: Option<String>,
    // §17 jurisdiction
    /// ISO 3166 code of where the tender is run (`GB`, `GB-WLS`, `FR`): as stated, else `GB` when
    /// the currency is GBP, else `None` (spec §17).
    pub jurisdiction: Option<String>,
}

impl TenderInfo {
    /// Whether UK public procurement policy applies (the United Kingdom or one of its nations):
    /// only then are UK policy warnings such as `social-value-weight-low` given.
    pub fn in_uk(&self) -> bool {
        self.jurisdiction
            .as_deref()
            .is_some_and(|j| j == "GB" || j.starts_with("GB-"))
    }
}

/// How bids are compared (spec §4).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AwardMethod {
    /// Total of the criterion scores; highest wins.
    WeightedSum,
    /// Price ÷ quality points; lowest wins (UK Cabinet Office guidance).
    PricePerQualityPoint,
    /// Quality points ÷ price × `scale`; highest wins (German UfAB "Richtwertmethode"); with a
    /// `band`, every bid within that fraction of the best is decided by `decider`.
    QualityPriceRatio {
        scale: Decimal,
        band: Option<Decimal>,
        decider: BandDecider,
    },
    /// Price − Σ money value × fraction of each non-price criterion; lowest wins (Dutch "gunnen op
    /// waarde").
    FictitiousDiscount,
}

/// What settles the band of the extended quality-price ratio method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BandDecider {
    Quality,
    Price,
}

impl AwardMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            AwardMethod::WeightedSum => "weighted-sum",
            AwardMethod::PricePerQualityPoint => "price-per-quality-point",
            AwardMethod::QualityPriceRatio { .. } => "quality-price-ratio",
            AwardMethod::FictitiousDiscount => "fictitious-discount",
        }
    }

    /// Whether the price is scored as a criterion with marks (only in the weighted sum); the other
    /// methods put the price into the award value instead.
    pub fn scores_price(self) -> bool {
        self == AwardMethod::WeightedSum
    }
}

/// At which stage official scores are rounded (spec §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundingStage {
    /// Each criterion score is rounded; sub-totals and totals add rounded scores.
    Criterion,
    /// Only the total is rounded.
    Total,
    /// Nothing is rounded.
    None,
}

impl RoundingStage {
    /// The stage as the file and the result write it.
    pub fn as_str(self) -> &'static str {
        match self {
            RoundingStage::Criterion => "criterion",
            RoundingStage::Total => "total",
            RoundingStage::None => "none",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rounding {
    pub decimals: u32,
    pub stage: RoundingStage,
}

/// How several evaluators' scores become one when no moderated score is recorded (spec §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModerationMethod {
    Mean,
    Median,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moderation {
    pub method: ModerationMethod,
    /// Evaluators differing by more than this many steps of the scale are flagged.
    pub flag_spread: Decimal,
    /// Whether several evaluators' scores may be combined at all (spec §14).
    pub require: Require,
}

/// What the panel must record where several evaluators scored a criterion (spec §14).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Require {
    /// Their scores are combined by the moderation method when no moderated score is recorded.
    Nothing,
    /// A moderated (consensus) score: without one the bid is incomplete; nothing is averaged.
    Consensus,
}

/// One tie-break rule (spec §8).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TieBreak {
    /// The higher score on this group or criterion wins.
    Score(String),
    /// The lower price wins.
    Price,
    // §16 the recorded draw
    /// A draw from the tender's recorded seed: always the last rule (see [`crate::draw`]).
    Draw,
}

/// The proximity test of the abnormally low rule (spec §15, Scottish Construction Procurement
/// Handbook): a price flagged by the average test stays flagged only if it is more than a margin
/// below the next lowest qualified price; margin = that price × `percent` ÷ 100, kept within
/// [`min`, `max`] where given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Proximity {
    /// More than zero.
    pub percent: Decimal,
    /// Money, zero or more; at most `max` when both are given.
    pub min: Option<Decimal>,
    pub max: Option<Decimal>,
}

/// A social value measure with its proxy value (spec §6).
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub id: String,
    pub name: String,
    pub unit: String,
    /// Money per unit; zero or more.
    pub proxy: Decimal,
    pub source: Option<String>,
    pub licence: Option<String>,
}

/// A node of the criteria tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Group(Group),
    Leaf(Criterion),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub category: Option<String>,
    /// Sum of the children's marks (a stated weight is checked against it).
    pub marks: Decimal,
    pub children: Vec<Node>,
    /// The minimum sub-total; below it a bid is disqualified (spec §13).
    pub threshold: Option<GroupThreshold>,
    /// A percentage of the best qualified sub-total; below it a bid is disqualified (spec §13).
    pub threshold_relative: Option<Decimal>,
}

/// A group's minimum sub-total (spec §13), as written: marks (`28`) or a share of the group's
/// marks (`"70%"`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupThreshold {
    /// The minimum in marks (for a share: the share of the group's marks, exact).
    pub marks: Decimal,
    /// The percentage, when the file gave one.
    pub percent: Option<Decimal>,
}

/// A leaf criterion.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    pub id: String,
    pub name: String,
    /// Marks; zero for gates.
    pub marks: Decimal,
    pub description: Option<String>,
    pub kind: Kind,
}

/// What a leaf criterion measures and how it is scored.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Price {
        formula: Formula,
        ceiling: Option<Ceiling>,
        /// Rates × published quantities instead of one price (spec §11).
        schedule: Option<Box<Schedule>>,
    },
    Scored {
        scale: Scale,
        threshold: Option<Decimal>,
        /// A percentage of the best qualified score on the criterion (spec §13).
        threshold_relative: Option<Decimal>,
    },
    Numeric {
        unit: Option<String>,
        direction: Direction,
        formula: NumericFormula,
        /// The stated value's limits: outside them the bid is disqualified (spec §13).
        limits: Limits,
    },
    Measures {
        measures: Vec<String>,
        scoring: SvScoring,
    },
    PassFail,
}

impl Kind {
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Price { .. } => "price",
            Kind::Scored { .. } => "scored",
            Kind::Numeric { .. } => "numeric",
            Kind::Measures { .. } => "measures",
            Kind::PassFail => "pass-fail",
        }
    }
}

/// A formula for a lower-is-better amount: price, or a numeric criterion such as delivery days
/// (spec §3).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Formula {
    /// Pmin / P.
    LowestRatio,
    /// (Pmax − P) / (Pmax − Pmin); 1 when all are equal.
    LinearMinMax,
    /// max(0, 1 − (P − Pmin) / ((k − 1) × Pmin)), k > 1.
    DeviationFromLowest { zero_at: Decimal },
    /// clamp((worst − P) / (worst − best), 0, 1), best < worst.
    SetBounds { best: Decimal, worst: Decimal },
    /// reference / P, capped at 1 when `cap`.
    ReferenceRatio { reference: Decimal, cap: bool },
}

impl Criterion {
    /// Whether this criterion can score above its marks: only a price (or a lower-is-better
    /// numeric criterion) under an uncapped reference ratio, marks × reference ÷ price, which
    /// exceeds the marks for a price below the reference (spec §3).
    pub fn may_exceed_marks(&self) -> bool {
        let uncapped = |f: &Formula| matches!(f, Formula::ReferenceRatio { cap: false, .. });
        match &self.kind {
            Kind::Price { formula, .. } => uncapped(formula),
            Kind::Numeric {
                formula: NumericFormula::Price(formula),
                ..
            } => uncapped(formula),
            _ => false,
        }
    }
}

impl Formula {
    pub fn as_str(&self) -> &'static str {
        match self {
            Formula::LowestRatio => "lowest-ratio",
            Formula::LinearMinMax => "linear-min-max",
            Formula::DeviationFromLowest { .. } => "deviation-from-lowest",
            Formula::SetBounds { .. } => "set-bounds",
            Formula::ReferenceRatio { .. } => "reference-ratio",
        }
    }

    /// Whether the score depends on the other bids (and so can reverse ranks).
    pub fn is_relative(&self) -> bool {
        matches!(
            self,
            Formula::LowestRatio | Formula::LinearMinMax | Formula::DeviationFromLowest { .. }
        )
    }
}

/// What to do with a price above the ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AboveCeiling {
    Disqualify,
    Zero,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ceiling {
    pub amount: Decimal,
    pub above: AboveCeiling,
}

// §11 price schedules

/// A price schedule (spec §11): the lines a bid prices, whose rates × quantities make the
/// evaluated price that the price formula scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    /// In file order; ids unique; at least one line is evaluated (not optional).
    pub lines: Vec<PriceLine>,
    /// Whole-life cost: present value of the `per_year` lines; present exactly when some line is
    /// `per_year`.
    pub life_cycle: Option<LifeCycle>,
    /// What a rate above its line's `max` does: the criterion's `aboveCeiling`.
    pub above_max: AboveCeiling,
}

/// One line of a price schedule: a rate the bid gives, times the buyer's estimated quantity.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceLine {
    pub id: String,
    pub name: String,
    /// More than zero; 1 when the file gives none.
    pub quantity: Decimal,
    pub unit: Option<String>,
    /// Money the supplier pays the buyer: subtracted from the evaluated price.
    pub income: bool,
    /// The highest rate the buyer accepts.
    pub max: Option<Decimal>,
    /// Priced but not evaluated.
    pub optional: bool,
    /// Paid in each year of the life cycle and counted at its present value.
    pub per_year: bool,
}

impl PriceLine {
    /// Whether the line counts in the evaluated price.
    pub fn evaluated(&self) -> bool {
        !self.optional
    }
}

/// Whole-life cost over `years` at `discount_rate` (spec §11, the HM Treasury Green Book method).
#[derive(Debug, Clone, PartialEq)]
pub struct LifeCycle {
    /// 1 to 100.
    pub years: u32,
    /// A yearly rate from 0 up to (not including) 1: 0.035 is 3.5%.
    pub discount_rate: Decimal,
    /// factor_t = 1 ÷ (1 + r)^t for t = 1..=years, each rounded to 6 decimals (the published
    /// figures, so anyone can repeat the sum).
    pub factors: Vec<Decimal>,
    /// The sum of `factors`: what one yearly payment is worth today.
    pub factor_sum: Decimal,
}

impl LifeCycle {
    /// The life cycle of `years` at `discount_rate`, with its present value factors. Each
    /// factor_t = 1 ÷ (1 + r)^t is worked out from the one before (÷ (1 + r) again, exact to 28
    /// significant digits) and published rounded to 6 decimals, half away from zero; the sum adds
    /// the published factors. `None` only for a rate of −1 or less, which validation refuses.
    ///
    /// ```
    /// use bidscore::model::LifeCycle;
    /// let l = LifeCycle::new(3, "0.035".parse().unwrap()).unwrap();
    /// let f: Vec<String> = l.factors.iter().map(|f| f.to_string()).collect();
    /// assert_eq!(f, ["0.966184", "0.933511", "0.901943"]);
    /// assert_eq!(l.factor_sum.to_string(), "2.801638");
    /// ```
    pub fn new(years: u32, discount_rate: Decimal) -> Option<LifeCycle> {
        let step = crate::money::plus(Decimal::ONE, discount_rate);
        let mut exact = Decimal::ONE;
        let mut factors = Vec::with_capacity(years as usize);
        for _ in 0..years {
            exact = crate::money::div(exact, step)?;
            factors.push(crate::money::round(exact, 6));
        }
        let factor_sum = crate::money::sum(factors.iter().copied());
        Some(LifeCycle {
            years,
            discount_rate,
            factors,
            factor_sum,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Higher,
    Lower,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Higher => "higher",
            Direction::Lower => "lower",
        }
    }
}

/// The least and most a numeric criterion's stated value may be (spec §13); `minimum` ≤ `maximum`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Limits {
    pub minimum: Option<Decimal>,
    pub maximum: Option<Decimal>,
}

/// How a numeric criterion is scored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumericFormula {
    /// Higher is better: value / best value; lower is better: best value / value.
    RelativeToBest,
    /// clamp((worst − v) / (worst − best), 0, 1), either direction.
    SetBounds { best: Decimal, worst: Decimal },
    /// Any price formula, where lower is better.
    Price(Formula),
}

/// How a measures criterion turns social value into a fraction (spec §6).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SvScoring {
    RelativeToHighest,
    RelativeToHighestPercent,
    Target(Decimal),
}

/// A marking scale: its allowed values, highest last.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub name: String,
    pub points: ScalePoints,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ScalePoints {
    /// Listed points, sorted by value ascending.
    Points(Vec<ScalePoint>),
    /// `from`, `from + step`, … up to `to`.
    Range {
        from: Decimal,
        to: Decimal,
        step: Decimal,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScalePoint {
    pub value: Decimal,
    pub label: Option<String>,
    pub descriptor: Option<String>,
}

impl Scale {
    /// The value that earns full marks.
    pub fn top(&self) -> Decimal {
        match &self.points {
            ScalePoints::Points(p) => p.last().map(|p| p.value).unwrap_or_default(),
            ScalePoints::Range { from, to, step } => {
                plus(*from, times(floor(minus(*to, *from) / *step), *step))
            }
        }
    }

    /// The lowest value.
    pub fn bottom(&self) -> Decimal {
        match &self.points {
            ScalePoints::Points(p) => p.first().map(|p| p.value).unwrap_or_default(),
            ScalePoints::Range { from, .. } => *from,
        }
    }

    /// Whether `v` is a point of the scale.
    pub fn contains(&self, v: Decimal) -> bool {
        match &self.points {
            ScalePoints::Points(p) => point(p, v).is_some(),
            ScalePoints::Range { from, step, .. } => {
                // A whole number of steps from the bottom, checked by multiplying back rather
                // than with a remainder: the engine has no other use for decimal remainders,
                // and the quotient of at most 10^22 steps times a step fits exactly.
                v >= *from && v <= self.top() && {
                    let d = minus(v, *from);
                    times(floor(d / *step), *step) == d
                }
            }
        }
    }

    /// How many steps of the scale separate two of its points (`lo` ≤ `hi`): how far apart two
    /// evaluators are. On a list of points the difference of their positions, with no decimal
    /// arithmetic (an evaluation asks it of every bid's marks on every criterion).
    pub fn steps_between(&self, lo: Decimal, hi: Decimal) -> Decimal {
        match &self.points {
            ScalePoints::Points(p) => {
                let at = |v| point(p, v).unwrap_or(0) as i64;
                Decimal::from(at(hi) - at(lo))
            }
            // Both are points (validation), so the steps between them are a whole number.
            ScalePoints::Range { step, .. } => minus(hi, lo) / *step,
        }
    }
}

/// Where `v` is among `points`. A mark is most often written as its point is ("4" for the point
/// 4), and those are found by the bits they are held in (sign, scale and digits), before any
/// comparison of values ("4.0" for 4): an evaluation looks up every evaluator's marks of every bid,
/// and a comparison of two decimals costs several times a comparison of two integers.
fn point(points: &[ScalePoint], v: Decimal) -> Option<usize> {
    let bits = |d: Decimal| u128::from_le_bytes(d.serialize());
    let held = bits(v);
    (points.iter().position(|p| bits(p.value) == held))
        .or_else(|| points.iter().position(|p| p.value == v))
}

/// One bid, as submitted (or as a supplier imagines a competitor's).
#[derive(Debug, Clone, PartialEq)]
pub struct Bid {
    pub id: String,
    pub supplier: String,
    /// The one price, where the price criterion has no schedule.
    pub price: Option<Decimal>,
    /// Schedule line id → rate, where the price criterion has a schedule (spec §11).
    pub prices: IdMap<Decimal>,
    /// Gate id → passed.
    pub gates: IdMap<bool>,
    /// Scored criterion id → evaluators' marks.
    pub scores: IdMap<Marking>,
    /// Numeric criterion id → stated value.
    pub values: IdMap<Decimal>,
    /// Measure id → committed quantity.
    pub commitments: IdMap<Decimal>,
    pub note: Option<String>,
    pub hypothetical: bool,
    /// The id of the lot the bid is for: always one of the tender's lots when it has any, and
    /// `None` when it has none (spec §18).
    pub lot: Option<String>,
}

/// Values by id, in order of id: a bid's rates, gates, marks, values and commitments.
///
/// A list kept sorted and searched by halving rather than a `BTreeMap`: each B-tree value type
/// compiles its own insertion, search, cloning and freeing, kilobytes of WebAssembly for each of
/// a bid's three; the search here is compiled once for all of them. It reads like the B-tree map
/// it replaces: one value per id (a later one replaces an earlier), iterated in order of id.
#[derive(Clone, PartialEq)]
pub struct IdMap<V>(Vec<(String, V)>);

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        IdMap(Vec::new())
    }
}

/// Where `id` is among `len` ids in order, `id_at(i)` the `i`th: `Ok` with its position, or `Err`
/// with where it would go. Compiled once, whatever the values.
#[inline(never)]
fn search<'a>(len: usize, id_at: &dyn Fn(usize) -> &'a str, id: &str) -> Result<usize, usize> {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match id_at(mid).cmp(id) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Ok(mid),
        }
    }
    Err(lo)
}

impl<V> IdMap<V> {
    pub fn new() -> Self {
        Self::default()
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        search(self.0.len(), &|i| &self.0[i].0, id)
    }

    /// Sets `id`'s value, returning the one it replaces.
    pub fn insert(&mut self, id: String, value: V) -> Option<V> {
        // Files list ids in order more often than not: those go at the end without a search.
        if self.0.last().is_none_or(|(last, _)| *last < id) {
            self.0.push((id, value));
            return None;
        }
        match self.find(&id) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (id, value));
                None
            }
        }
    }

    // Taking any text, as the B-tree map's methods take any borrowed key: `&String`, `&str`.

    /// `id`'s value, if it has one.
    pub fn get<Q: AsRef<str> + ?Sized>(&self, id: &Q) -> Option<&V> {
        self.find(id.as_ref()).ok().map(|i| &self.0[i].1)
    }

    pub fn get_mut<Q: AsRef<str> + ?Sized>(&mut self, id: &Q) -> Option<&mut V> {
        self.find(id.as_ref()).ok().map(|i| &mut self.0[i].1)
    }

    pub fn contains_key<Q: AsRef<str> + ?Sized>(&self, id: &Q) -> bool {
        self.find(id.as_ref()).is_ok()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The ids and values in order of id, as a slice.
    pub fn entries(&self) -> &[(String, V)] {
        &self.0
    }

    /// The ids and values in order of id.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }
}

/// A set of ids, in order: an [`IdMap`] to nothing (a B-tree set compiles its own code too).
pub type IdSet = IdMap<()>;

impl IdSet {
    /// Adds `id`; whether it was not there yet.
    pub fn add(&mut self, id: String) -> bool {
        self.insert(id, ()).is_none()
    }
}

/// Sorted once, a later value for an id replacing an earlier one: how a bid's maps are built from
/// a file, whose ids can come in any order.
impl<V> FromIterator<(String, V)> for IdMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(items: I) -> Self {
        let mut v: Vec<(String, V)> = items.into_iter().collect();
        crate::sorting::last_by_key(&mut v);
        IdMap(v)
    }
}

impl<V: fmt::Debug> fmt::Debug for IdMap<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// The marks given to one bid on one scored criterion.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Marking {
    /// Evaluator name → score, in file order.
    pub evaluators: Vec<(String, Decimal)>,
    /// The consensus score, when the panel has moderated.
    pub moderated: Option<Decimal>,
    pub rationale: Option<String>,
}

impl Tender {
    /// Every leaf criterion, depth first in file order.
    pub fn leaves(&self) -> Vec<&Criterion> {
        fn walk<'a>(nodes: &'a [Node], out: &mut Vec<&'a Criterion>) {
            for n in nodes {
                match n {
                    Node::Leaf(c) => out.push(c),
                    Node::Group(g) => walk(&g.children, out),
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.criteria, &mut out);
        out
    }

    /// Every group, depth first in file order (parents before children).
    pub fn groups(&self) -> Vec<&Group> {
        fn walk<'a>(nodes: &'a [Node], out: &mut Vec<&'a Group>) {
            for n in nodes {
                if let Node::Group(g) = n {
                    out.push(g);
                    walk(&g.children, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.criteria, &mut out);
        out
    }

    /// The price criterion's schedule, if it has one.
    pub fn schedule(&self) -> Option<&Schedule> {
        self.leaves().into_iter().find_map(|c| match &c.kind {
            Kind::Price {
                schedule: Some(s), ..
            } => Some(&**s),
            _ => None,
        })
    }

    /// The sum of all leaf marks: the maximum total.
    pub fn max_total(&self) -> Decimal {
        crate::money::sum(self.leaves().iter().map(|c| c.marks))
    }
}

impl Group {
    /// Ids of the leaves under this group.
    pub fn leaf_ids(&self) -> Vec<&str> {
        fn walk<'a>(nodes: &'a [Node], out: &mut Vec<&'a str>) {
            for n in nodes {
                match n {
                    Node::Leaf(c) => out.push(&c.id),
                    Node::Group(g) => walk(&g.children, out),
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.children, &mut out);
        out
    }
}

/// A scale of the listed points, without labels (for tests).
#[cfg(test)]
pub(crate) fn listed(points: &[&str]) -> Scale {
    Scale {
        name: "listed".into(),
        points: ScalePoints::Points(
            (points.iter())
                .map(|v| ScalePoint {
                    value: v.parse().expect("a decimal"),
                    label: None,
                    descriptor: None,
                })
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A listed point is found however its value is written: as the point is ("5"), with trailing
    /// zeros ("5.00") or as a negative zero ("-0" for 0), and a value that is no point is not.
    #[test]
    fn points_are_found_by_value_however_written() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let scale = listed(&["0", "2", "2.5", "8"]);
        let cases = [
            ("0", true),
            ("0.0", true),
            ("-0", true),
            ("2.50", true),
            ("8.000", true),
            ("8", true),
            ("2.4", false),
            ("5", false),
            ("80", false),
        ];
        for (v, on) in cases {
            assert_eq!(scale.contains(d(v)), on, "{v}");
        }
        // Steps are counted between positions: 0 to 8 is three, 2.5 to 8.0 is one.
        let steps = |lo: &str, hi: &str| scale.steps_between(d(lo), d(hi));
        assert_eq!(steps("0", "8"), Decimal::from(3));
        assert_eq!(steps("2.50", "8.0"), Decimal::ONE);
        assert_eq!(steps("-0", "2"), Decimal::ONE);
        assert_eq!(steps("2", "2.0"), Decimal::ZERO);
    }

    #[test]
    fn id_maps_read_like_b_tree_maps() {
        // In order, out of order, repeated (the later value kept), empty and prefix ids.
        let items = [
            ("b", 1),
            ("a", 2),
            ("c", 3),
            ("a", 4),
            ("", 5),
            ("b", 6),
            ("aa", 7),
            ("d", 8),
        ];
        let mut map = std::collections::BTreeMap::new();
        let mut ours = IdMap::new();
        for (k, v) in items {
            assert_eq!(
                ours.insert(k.to_string(), v),
                map.insert(k.to_string(), v),
                "{k}"
            );
        }
        let collected: IdMap<i32> = items.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        assert!(collected == ours);
        // A thousand ids in reverse order, as a file may give them: in order of id once collected.
        let many: IdMap<usize> = (0..1000).rev().map(|i| (format!("q{i:04}"), i)).collect();
        assert!(many.values().copied().eq(0..1000));
        for k in ["a", "b", "c", "", "d", "aa", "ab", "e"] {
            assert_eq!(ours.get(k), map.get(k), "{k}");
            assert_eq!(ours.contains_key(k), map.contains_key(k), "{k}");
        }
        assert!(ours.iter().eq(map.iter()));
        assert!(ours.keys().eq(map.keys()));
        assert!(ours.values().eq(map.values()));
        assert_eq!(ours.len(), map.len());
        assert_eq!(format!("{ours:?}"), format!("{map:?}"));
        *ours.get_mut("c").unwrap() = 9;
        assert_eq!(ours.get("c"), Some(&9));
        assert_eq!(ours.get_mut("x"), None);
    }

    /// A range's points found by multiplying back are the points a decimal remainder finds: ranges
    /// with steps of 10^-10 to 10^11, values on and off the steps, means with 28 decimals, values
    /// outside the range.
    #[test]
    fn a_range_contains_exactly_the_whole_steps_from_its_bottom() {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        for _ in 0..20_000 {
            let step = Decimal::new(next(1_000) as i64 + 1, next(11) as u32);
            let from = Decimal::new(next(2_000) as i64 - 1_000, next(11) as u32);
            let steps = Decimal::from(next(1_000_000));
            let to = from + steps * step;
            let scale = Scale {
                name: String::new(),
                points: ScalePoints::Range { from, to, step },
            };
            let k = Decimal::from(next(1_200_000)) - Decimal::from(100_000);
            let on = from + k * step;
            let off = on + Decimal::new(next(1_000) as i64 + 1, 10 + next(19) as u32);
            let mean = on + step / Decimal::from(3);
            for v in [on, off, mean, from, to, to + step, from - step] {
                let reference = v >= from && v <= to && ((v - from) % step).is_zero();
                assert_eq!(
                    scale.contains(v),
                    reference,
                    "{v} on {from}..{to} by {step}"
                );
            }
        }
    }
}
