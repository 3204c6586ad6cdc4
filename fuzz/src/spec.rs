//! The fuzzer's description of a tender: numbers drawn towards the extremes the reader accepts,
//! and the shapes of criteria, scales, measures, award methods and bids.

use crate::render::J;
use arbitrary::Arbitrary;
use rust_decimal::Decimal;

/// A number as the file writes it, drawn towards the edges of what the reader accepts (at most
/// 10^12 in magnitude, at most 10 decimal places), with the odd one just outside.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Num {
    Zero,
    One,
    /// 0.0000000001, the smallest positive number a file may hold.
    Tiny,
    Small(u8),
    Int(u32),
    /// `mantissa` (up to 22 digits) with `scale` decimal places (0..=10).
    Dec {
        mantissa: u64,
        extra: u8,
        scale: u8,
    },
    /// 10^12, the largest magnitude a file may hold.
    Max,
    /// 10^12 minus a little.
    NearMax(u16),
    /// 999999999999.9999999999: every digit the reader allows.
    AllDigits,
    /// Scientific notation: `m`e`exp`.
    Sci(u8, i8),
    /// 28 significant digits: more than the reader accepts.
    Digits28,
    Negative(u16),
}

impl Num {
    pub fn text(self) -> String {
        match self {
            Num::Zero => "0".into(),
            Num::One => "1".into(),
            Num::Tiny => "0.0000000001".into(),
            Num::Small(n) => (n % 20).to_string(),
            Num::Int(n) => n.to_string(),
            Num::Dec {
                mantissa,
                extra,
                scale,
            } => {
                let digits = format!(
                    "{}{:02}",
                    mantissa % 10_000_000_000_000_000_000,
                    extra % 100
                );
                let digits = digits.trim_start_matches('0');
                let digits = if digits.is_empty() { "0" } else { digits };
                let scale = usize::from(scale % 11);
                if scale == 0 {
                    digits.to_string()
                } else if digits.len() > scale {
                    format!(
                        "{}.{}",
                        &digits[..digits.len() - scale],
                        &digits[digits.len() - scale..]
                    )
                } else {
                    format!("0.{}{}", "0".repeat(scale - digits.len()), digits)
                }
            }
            Num::Max => "1000000000000".into(),
            Num::NearMax(k) => (1_000_000_000_000u64 - u64::from(k)).to_string(),
            Num::AllDigits => "999999999999.9999999999".into(),
            Num::Sci(m, e) => format!("{}e{}", m % 10, e % 16),
            Num::Digits28 => "1234567890.123456789012345678".into(),
            Num::Negative(n) => format!("-{n}"),
        }
    }

    /// The value the reader will see, when it accepts the text.
    pub fn value(self) -> Option<Decimal> {
        let t = self.text();
        let d = if t.contains('e') {
            Decimal::from_scientific(&t).ok()?
        } else {
            t.parse::<Decimal>().ok()?
        };
        Some(d)
    }
}

/// A number written as a JSON number or as a decimal string (the format takes both).
#[derive(Arbitrary, Debug, Clone, Copy)]
pub struct Written {
    pub num: Num,
    pub as_string: bool,
}

impl Written {
    pub(crate) fn json(self) -> J {
        if self.as_string {
            J::Str(self.num.text())
        } else {
            J::Raw(self.num.text())
        }
    }
}

// ---- the tender ----

#[derive(Arbitrary, Debug)]
pub struct Spec {
    pub award: AwardSpec,
    pub rounding: Option<(u8, Stage)>,
    pub moderation: Option<(bool, Option<Written>)>,
    pub abnormally_low: Option<Written>,
    pub contract_value: Option<Written>,
    pub scales: Vec<ScaleSpec>,
    pub measures: Vec<MeasureSpec>,
    pub criteria: Vec<LeafSpec>,
    /// Which groups carry a stated weight (the sum of their children) and a category.
    pub group_flags: [(bool, bool); 4],
    pub tie_break: Vec<TieSpec>,
    pub bids: Vec<BidSpec>,
    /// Every bid a copy of the first (with its own id): all-equal bids.
    pub all_equal: bool,
    pub rules: Rules,
    /// A price schedule on the price criterion (spec §11): bids then give rates, not a price.
    /// Last, so that the corpus written before it still reads as it did.
    pub schedule: Option<ScheduleSpec>,
    // Spec §15–17
    /// The proximity test of the abnormally low rule: its percentage, smallest and largest margin.
    pub proximity: Option<(Written, Option<Written>, Option<Written>)>,
    /// A recorded draw after the other tie-break rules, or a seed with no draw.
    pub draw: Option<DrawSpec>,
    /// Where the tender is run (an index into a few codes, some not valid) and whether it is
    /// priced in euros rather than pounds.
    pub place: Option<(u8, bool)>,
}

/// Spec §13–14: thresholds on groups, relative thresholds on groups, a required consensus
/// (relative thresholds on criteria and limits on stated values sit with their criteria).
#[derive(Arbitrary, Debug)]
pub struct Rules {
    pub consensus: bool,
    /// Group 1 to 4's minimum sub-total.
    pub group_thresholds: [Option<GroupThreshold>; 4],
    /// Group 1 to 4's share of the best qualified sub-total, written as a percentage.
    pub group_relative: [Option<Written>; 4],
}

/// A group's threshold: marks, or a share of the group's marks written as a percentage.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum GroupThreshold {
    Marks(Written),
    Share(Written),
}

impl Written {
    /// The number as a percentage in quotes (`"70%"`), whatever its size: the reader refuses
    /// what is outside 0% to 100%.
    pub(crate) fn percent(self) -> J {
        J::Str(format!("{}%", self.num.text()))
    }
}

/// A price schedule: its lines, a whole-life cost when a line is paid per year, and each bid's
/// rates (by bid, then by line).
#[derive(Arbitrary, Debug)]
pub struct ScheduleSpec {
    pub lines: Vec<LineSpec>,
    pub years: u8,
    pub discount_rate: Written,
    pub rates: Vec<Vec<Option<Written>>>,
}

#[derive(Arbitrary, Debug)]
pub struct LineSpec {
    pub quantity: Option<Written>,
    pub income: bool,
    pub max: Option<Written>,
    pub optional: bool,
    pub per_year: bool,
}

/// The last tie-break rule (spec §16).
#[derive(Arbitrary, Debug)]
pub enum DrawSpec {
    /// `"draw"` last, with a seed (or, now and then, none: an invalid file).
    Draw { seed: Option<u16> },
    /// A seed recorded without a draw (a warning).
    SeedOnly(u16),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Stage {
    Criterion,
    Total,
    None,
}

#[derive(Arbitrary, Debug)]
pub enum AwardSpec {
    WeightedSum,
    PricePerQualityPoint,
    QualityPriceRatio {
        scale: Option<Written>,
        band: Option<Written>,
        decider_price: bool,
    },
    FictitiousDiscount,
}

#[derive(Arbitrary, Debug)]
pub enum ScaleSpec {
    Points(Vec<Written>),
    Range {
        from: Written,
        to: Written,
        step: Written,
    },
    FivePoint,
    /// 0 to 10^12 in steps of 1: a trillion points.
    Huge,
    /// 0 to 1 in steps of 0.0000000001.
    FineSteps,
    /// 0 to 10^12 in steps of 0.0000000001.
    HugeAndFine,
    /// Every point worth nothing.
    ZeroTop,
    /// 0 to 1000 in steps of 1: as many points as a scale may have.
    Widest,
    /// 1001 points 0.0000000001 apart, at the top of the range.
    WidestFine,
}

#[derive(Arbitrary, Debug)]
pub struct MeasureSpec {
    pub proxy: Written,
}

#[derive(Arbitrary, Debug)]
pub struct LeafSpec {
    /// 0: at the top level; 1..=3: in a top-level group; 4: in a group inside group 1.
    pub group: u8,
    pub weight: Written,
    /// The money value of a non-price criterion under the fictitious discount.
    pub value: Written,
    pub kind: LeafKind,
}

#[derive(Arbitrary, Debug)]
pub enum LeafKind {
    Price {
        formula: PriceFormula,
        ceiling: Option<(Written, bool)>,
    },
    Scored {
        scale: u8,
        threshold: Option<Pick>,
        /// A share of the best qualified score, written as a percentage.
        relative: Option<Written>,
    },
    Numeric {
        higher: bool,
        formula: NumericFormula,
        /// Limits on the stated value.
        minimum: Option<Written>,
        maximum: Option<Written>,
    },
    Measures {
        measures: Vec<u8>,
        scoring: SvScoring,
    },
    PassFail,
}

#[derive(Arbitrary, Debug)]
pub enum PriceFormula {
    LowestRatio,
    LinearMinMax,
    DeviationFromLowest(Option<Written>),
    SetBounds(Written, Written),
    ReferenceRatio(Written, Option<bool>),
}

#[derive(Arbitrary, Debug)]
pub enum NumericFormula {
    RelativeToBest,
    SetBounds(Written, Written),
    Price(PriceFormula),
}

#[derive(Arbitrary, Debug)]
pub enum SvScoring {
    RelativeToHighest,
    RelativeToHighestPercent,
    Target(Written),
}

#[derive(Arbitrary, Debug)]
pub enum TieSpec {
    Price,
    Group(u8),
    Criterion(u8),
}

/// A point of a scale, chosen by position so that it is on the scale; now and then a number
/// that may be off it.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Pick {
    Bottom,
    Top,
    Second,
    Middle,
    Index(u16),
    Any(Written),
}

#[derive(Arbitrary, Debug)]
pub struct BidSpec {
    pub price: Option<Written>,
    pub gates: Vec<Option<bool>>,
    pub scores: Vec<Option<MarkSpec>>,
    pub values: Vec<Option<Written>>,
    pub commitments: Vec<Option<Written>>,
    pub hypothetical: bool,
    /// Give every input the spec leaves out (a bottom score, a value of 1, a price, a passed gate),
    /// so the bid is complete and ranked: the analysis only looks at ranked bids.
    pub complete: bool,
}

#[derive(Arbitrary, Debug)]
pub struct MarkSpec {
    pub evaluators: Vec<Pick>,
    pub moderated: Option<Pick>,
    pub rationale: bool,
    /// A moderated score alone written bare (`"c1": 4`), as the format allows.
    pub bare: bool,
}
