//! A `Spec` written out as tender JSON text (numbers keep their exact text).

use crate::spec::*;
use arbitrary::{Arbitrary, Unstructured};
use rust_decimal::Decimal;
use std::fmt::Write;

pub enum J {
    Obj(Vec<(String, J)>),
    Arr(Vec<J>),
    Str(String),
    Raw(String),
    Bool(bool),
}

impl J {
    fn write(&self, out: &mut String) {
        match self {
            J::Obj(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    let _ = write!(out, "{k:?}:");
                    v.write(out);
                }
                out.push('}');
            }
            J::Arr(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write(out);
                }
                out.push(']');
            }
            J::Str(s) => {
                let _ = write!(out, "{s:?}");
            }
            J::Raw(s) => out.push_str(s),
            J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        }
    }
}

fn obj(fields: Vec<(&str, J)>) -> J {
    J::Obj(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn s(text: &str) -> J {
    J::Str(text.to_string())
}

const MAX_LEAVES: usize = 12;
static DEFAULT_LEAF: LeafKind = LeafKind::Scored {
    scale: 0,
    threshold: None,
    relative: None,
};
const MAX_BIDS: usize = 8;
const MAX_EVALUATORS: usize = 4;

/// A scale as rendered, with the points a bid can pick from.
struct RenderedScale {
    pub json: J,
    /// Bottom, second, middle and top, when they can be worked out.
    pub points: Vec<Decimal>,
    /// For a range: from and step, to pick the n-th point.
    pub range: Option<(Decimal, Decimal, Decimal)>,
}

fn render_scale(spec: &ScaleSpec) -> RenderedScale {
    let range = |from: &str, to: &str, step: &str| {
        let f: Decimal = from.parse().unwrap_or_default();
        let t: Decimal = to.parse().unwrap_or_default();
        let st: Decimal = step.parse().unwrap_or(Decimal::ONE);
        RenderedScale {
            json: obj(vec![
                ("from", J::Raw(from.into())),
                ("to", J::Raw(to.into())),
                ("step", J::Raw(step.into())),
            ]),
            points: Vec::new(),
            range: Some((f, t, st)),
        }
        .with_points()
    };
    match spec {
        ScaleSpec::FivePoint => {
            let pts = (0..=5)
                .map(|v| {
                    obj(vec![
                        ("value", J::Raw(v.to_string())),
                        ("label", s(&format!("Point {v}"))),
                    ])
                })
                .collect();
            RenderedScale {
                json: obj(vec![("points", J::Arr(pts))]),
                points: (0..=5).map(Decimal::from).collect(),
                range: None,
            }
        }
        ScaleSpec::Points(values) => {
            let values: Vec<Written> = values.iter().take(8).copied().collect();
            let pts = values
                .iter()
                .map(|w| obj(vec![("value", w.json())]))
                .collect();
            let mut points: Vec<Decimal> = values.iter().filter_map(|w| w.num.value()).collect();
            points.sort();
            points.dedup();
            RenderedScale {
                json: obj(vec![("points", J::Arr(pts))]),
                points,
                range: None,
            }
        }
        ScaleSpec::Range { from, to, step } => {
            let json = obj(vec![
                ("from", from.json()),
                ("to", to.json()),
                ("step", step.json()),
            ]);
            let r = match (from.num.value(), to.num.value(), step.num.value()) {
                (Some(f), Some(t), Some(st)) if !st.is_zero() => Some((f, t, st)),
                _ => None,
            };
            RenderedScale {
                json,
                points: Vec::new(),
                range: r,
            }
            .with_points()
        }
        ScaleSpec::Huge => range("0", "1000000000000", "1"),
        ScaleSpec::FineSteps => range("0", "1", "0.0000000001"),
        ScaleSpec::HugeAndFine => range("0", "1000000000000", "0.0000000001"),
        ScaleSpec::Widest => range("0", "1000", "1"),
        ScaleSpec::WidestFine => range(
            "999999999999.9999998999",
            "999999999999.9999999999",
            "0.0000000001",
        ),
        ScaleSpec::ZeroTop => RenderedScale {
            json: obj(vec![(
                "points",
                J::Arr(vec![
                    obj(vec![("value", J::Raw("0".into()))]),
                    obj(vec![("value", J::Raw("0.0".into()))]),
                ]),
            )]),
            points: vec![Decimal::ZERO],
            range: None,
        },
    }
}

impl RenderedScale {
    fn with_points(mut self) -> Self {
        if let Some((f, t, st)) = self.range {
            let top = t
                .checked_sub(f)
                .and_then(|d| d.checked_div(st))
                .map(|n| n.floor())
                .and_then(|n| n.checked_mul(st))
                .and_then(|n| n.checked_add(f));
            self.points.push(f);
            if let Some(second) = f.checked_add(st) {
                self.points.push(second);
            }
            if let Some(top) = top {
                let mid = top
                    .checked_sub(f)
                    .and_then(|d| d.checked_div(st))
                    .map(|n| (n / Decimal::TWO).floor())
                    .and_then(|n| n.checked_mul(st))
                    .and_then(|n| n.checked_add(f));
                if let Some(mid) = mid {
                    self.points.push(mid);
                }
                self.points.push(top);
            }
        }
        self
    }

    fn pick(&self, p: Pick) -> J {
        let at = |i: usize| {
            self.points
                .get(i.min(self.points.len().saturating_sub(1)))
                .map(|d| J::Raw(d.normalize().to_string()))
                .unwrap_or_else(|| J::Raw("0".into()))
        };
        match p {
            Pick::Bottom => at(0),
            Pick::Second => at(1),
            Pick::Middle => at(self.points.len() / 2),
            Pick::Top => at(usize::MAX),
            Pick::Index(i) => match self.range {
                Some((f, _, st)) => {
                    let v = Decimal::from(i)
                        .checked_mul(st)
                        .and_then(|v| v.checked_add(f))
                        .unwrap_or(f);
                    J::Raw(v.normalize().to_string())
                }
                None => at(usize::from(i) % self.points.len().max(1)),
            },
            Pick::Any(w) => w.json(),
        }
    }
}

fn render_price_formula(f: &PriceFormula, out: &mut Vec<(&'static str, J)>) {
    match f {
        PriceFormula::LowestRatio => out.push(("formula", s("lowest-ratio"))),
        PriceFormula::LinearMinMax => out.push(("formula", s("linear-min-max"))),
        PriceFormula::DeviationFromLowest(k) => {
            out.push(("formula", s("deviation-from-lowest")));
            if let Some(k) = k {
                out.push(("zeroAt", k.json()));
            }
        }
        PriceFormula::SetBounds(best, worst) => {
            out.push(("formula", s("set-bounds")));
            out.push(("best", best.json()));
            out.push(("worst", worst.json()));
        }
        PriceFormula::ReferenceRatio(r, cap) => {
            out.push(("formula", s("reference-ratio")));
            out.push(("reference", r.json()));
            if let Some(cap) = cap {
                out.push(("cap", J::Bool(*cap)));
            }
        }
    }
}

impl Spec {
    /// The tender file this spec describes.
    pub fn render(&self) -> String {
        let mut root: Vec<(&str, J)> = vec![("format", s("bidscore/1"))];
        let mut info = vec![("title", s("Fuzzed tender")), ("reference", s("F-1"))];
        if let Some(cv) = self.contract_value {
            info.push(("contractValue", cv.json()));
        }
        if let Some((code, euros)) = self.place {
            // Most are codes; "UK", lower case and an empty one are not.
            const CODES: [&str; 11] = [
                "GB", "GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR", "FR", "IE", "DE-BY", "UK", "gb", "",
            ];
            if let Some(c) = CODES.get(usize::from(code) % (CODES.len() + 1)) {
                info.push(("jurisdiction", s(c)));
            }
            if euros {
                info.push(("currency", s("EUR")));
            }
        }
        root.push(("tender", obj(info)));
        let scores_price = matches!(self.award, AwardSpec::WeightedSum);
        let fictitious = matches!(self.award, AwardSpec::FictitiousDiscount);
        root.push((
            "award",
            match &self.award {
                AwardSpec::WeightedSum => obj(vec![("method", s("weighted-sum"))]),
                AwardSpec::PricePerQualityPoint => {
                    obj(vec![("method", s("price-per-quality-point"))])
                }
                AwardSpec::FictitiousDiscount => obj(vec![("method", s("fictitious-discount"))]),
                AwardSpec::QualityPriceRatio {
                    scale,
                    band,
                    decider_price,
                } => {
                    let mut f = vec![("method", s("quality-price-ratio"))];
                    if let Some(sc) = scale {
                        f.push(("scale", sc.json()));
                    }
                    if let Some(b) = band {
                        f.push(("band", b.json()));
                    }
                    f.push((
                        "bandDecider",
                        s(if *decider_price { "price" } else { "quality" }),
                    ));
                    obj(f)
                }
            },
        ));
        if let Some((decimals, stage)) = self.rounding {
            root.push((
                "rounding",
                obj(vec![
                    ("decimals", J::Raw((decimals % 11).to_string())),
                    (
                        "stage",
                        s(match stage {
                            Stage::Criterion => "criterion",
                            Stage::Total => "total",
                            Stage::None => "none",
                        }),
                    ),
                ]),
            ));
        }
        if self.moderation.is_some() || self.rules.consensus {
            let mut f = Vec::new();
            if let Some((median, spread)) = self.moderation {
                f.push(("method", s(if median { "median" } else { "mean" })));
                if let Some(sp) = spread {
                    f.push(("flagSpread", sp.json()));
                }
            }
            if self.rules.consensus {
                f.push(("require", s("consensus")));
            }
            root.push(("moderation", obj(f)));
        }
        let mut low = Vec::new();
        if let Some(p) = self.abnormally_low {
            low.push(("percent", p.json()));
        }
        if let Some((pct, min, max)) = self.proximity {
            low.push(("proximityPercent", pct.json()));
            if let Some(m) = min {
                low.push(("proximityMin", m.json()));
            }
            if let Some(m) = max {
                low.push(("proximityMax", m.json()));
            }
        }
        if !low.is_empty() {
            root.push(("abnormallyLow", obj(low)));
        }

        // Scales: at least one.
        let default_scale = [ScaleSpec::FivePoint];
        let scale_specs: &[ScaleSpec] = if self.scales.is_empty() {
            &default_scale
        } else {
            &self.scales[..self.scales.len().min(4)]
        };
        let scales: Vec<RenderedScale> = scale_specs.iter().map(render_scale).collect();
        root.push((
            "scales",
            J::Obj(
                scales
                    .iter()
                    .enumerate()
                    .map(|(i, sc)| (format!("s{i}"), clone_j(&sc.json)))
                    .collect(),
            ),
        ));

        // Measures.
        let n_measures = self.measures.len().min(4);
        if n_measures > 0 {
            root.push((
                "measures",
                J::Arr(
                    self.measures[..n_measures]
                        .iter()
                        .enumerate()
                        .map(|(i, m)| {
                            obj(vec![
                                ("id", s(&format!("m{i}"))),
                                ("name", s(&format!("Measure {i}"))),
                                ("unit", s("unit")),
                                ("proxy", m.proxy.json()),
                            ])
                        })
                        .collect(),
                ),
            ));
        }

        // Criteria: leaves c0.. at the top level or in groups g1..g4 (g4 inside g1).
        let mut leaves: Vec<(u8, J)> = Vec::new();
        let mut kinds: Vec<&LeafKind> = Vec::new();
        let mut leaf_marks: Vec<Option<Decimal>> = Vec::new();
        let mut price_seen = false;
        for (i, leaf) in self.criteria.iter().take(MAX_LEAVES).enumerate() {
            let id = format!("c{i}");
            let mut f: Vec<(&str, J)> =
                vec![("id", s(&id)), ("name", s(&format!("Criterion {i}")))];
            let mut marks = leaf.weight.num.value();
            match &leaf.kind {
                LeafKind::Price { formula, ceiling } => {
                    if price_seen {
                        continue;
                    }
                    price_seen = true;
                    f.push(("kind", s("price")));
                    if scores_price {
                        f.push(("weight", leaf.weight.json()));
                    } else {
                        marks = Some(Decimal::ZERO);
                    }
                    render_price_formula(formula, &mut f);
                    if let Some((c, zero)) = ceiling {
                        f.push(("ceiling", c.json()));
                        f.push(("aboveCeiling", s(if *zero { "zero" } else { "disqualify" })));
                    }
                    if let Some(sc) = self.schedule() {
                        sc.render(&mut f);
                    }
                }
                LeafKind::PassFail => {
                    f.push(("kind", s("pass-fail")));
                    marks = Some(Decimal::ZERO);
                }
                other => {
                    if fictitious {
                        f.push(("value", leaf.value.json()));
                        marks = leaf.value.num.value();
                    } else {
                        f.push(("weight", leaf.weight.json()));
                    }
                    match other {
                        LeafKind::Scored {
                            scale,
                            threshold,
                            relative,
                        } => {
                            let k = usize::from(*scale) % scales.len();
                            f.push(("kind", s("scored")));
                            f.push(("scale", s(&format!("s{k}"))));
                            if let Some(t) = threshold {
                                f.push(("threshold", scales[k].pick(*t)));
                            }
                            if let Some(r) = relative {
                                f.push(("thresholdRelative", r.percent()));
                            }
                        }
                        LeafKind::Numeric {
                            higher,
                            formula,
                            minimum,
                            maximum,
                        } => {
                            if let Some(m) = minimum {
                                f.push(("minimum", m.json()));
                            }
                            if let Some(m) = maximum {
                                f.push(("maximum", m.json()));
                            }
                            f.push(("kind", s("numeric")));
                            f.push(("unit", s("days")));
                            f.push(("direction", s(if *higher { "higher" } else { "lower" })));
                            match formula {
                                NumericFormula::RelativeToBest => {
                                    f.push(("formula", s("relative-to-best")))
                                }
                                NumericFormula::SetBounds(best, worst) => {
                                    f.push(("formula", s("set-bounds")));
                                    f.push(("best", best.json()));
                                    f.push(("worst", worst.json()));
                                }
                                NumericFormula::Price(p) => render_price_formula(p, &mut f),
                            }
                        }
                        LeafKind::Measures { measures, scoring } => {
                            f.push(("kind", s("measures")));
                            let list: Vec<J> = if n_measures == 0 {
                                vec![s("m0")]
                            } else {
                                measures
                                    .iter()
                                    .take(4)
                                    .map(|m| s(&format!("m{}", usize::from(*m) % n_measures)))
                                    .collect()
                            };
                            f.push(("measures", J::Arr(list)));
                            match scoring {
                                SvScoring::RelativeToHighest => {
                                    f.push(("svScoring", s("relative-to-highest")))
                                }
                                SvScoring::RelativeToHighestPercent => {
                                    f.push(("svScoring", s("relative-to-highest-percent")))
                                }
                                SvScoring::Target(t) => {
                                    f.push(("svScoring", s("target")));
                                    f.push(("target", t.json()));
                                }
                            }
                        }
                        _ => unreachable!(),
                    }
                }
            }
            leaves.push((leaf.group % 5, obj(f)));
            kinds.push(&leaf.kind);
            leaf_marks.push(marks);
        }
        // A file needs a criterion: a scored one on the first scale when none was drawn.
        if leaves.is_empty() {
            let mut f = vec![("id", s("c0")), ("name", s("Criterion 0"))];
            f.push(if fictitious {
                ("value", J::Raw("100".into()))
            } else {
                ("weight", J::Raw("100".into()))
            });
            f.push(("kind", s("scored")));
            f.push(("scale", s("s0")));
            leaves.push((0, obj(f)));
            kinds.push(&DEFAULT_LEAF);
            leaf_marks.push(Some(Decimal::ONE_HUNDRED));
        }
        // The ratio methods and the fictitious discount need a price criterion.
        if !scores_price && !price_seen {
            leaves.push((
                0,
                obj(vec![
                    ("id", s("price")),
                    ("kind", s("price")),
                    ("name", s("Price")),
                ]),
            ));
            leaf_marks.push(Some(Decimal::ZERO));
        }
        root.push(("criteria", J::Arr(self.tree(leaves, &leaf_marks))));

        // Tie-break rules, a recorded draw last.
        let n = kinds.len().max(1);
        let mut list: Vec<J> = self
            .tie_break
            .iter()
            .take(4)
            .map(|t| match t {
                TieSpec::Price => s("price"),
                TieSpec::Group(g) => s(&format!("group:g{}", g % 4 + 1)),
                TieSpec::Criterion(c) => s(&format!("criterion:c{}", usize::from(*c) % n)),
            })
            .collect();
        let seed = match self.draw {
            Some(DrawSpec::Draw { seed }) => {
                list.push(s("draw"));
                seed
            }
            Some(DrawSpec::SeedOnly(seed)) => Some(seed),
            None => None,
        };
        if !list.is_empty() {
            root.push(("tieBreak", J::Arr(list)));
        }
        if let Some(seed) = seed {
            root.push(("tieDrawSeed", s(&format!("draw {seed}"))));
        }

        // Bids.
        let bid_specs: Vec<&BidSpec> = self.bids.iter().take(MAX_BIDS).collect();
        if !bid_specs.is_empty() {
            let mut bids = Vec::new();
            for (bi, _) in bid_specs.iter().enumerate() {
                let b = if self.all_equal {
                    bid_specs[0]
                } else {
                    bid_specs[bi]
                };
                bids.push(self.bid(bi, b, &kinds, &scales));
            }
            root.push(("bids", J::Arr(bids)));
        }
        let mut out = String::new();
        J::Obj(root.into_iter().map(|(k, v)| (k.to_string(), v)).collect()).write(&mut out);
        out
    }

    /// Nests the leaves in their groups; a group states its weight when its flag says so.
    fn tree(&self, leaves: Vec<(u8, J)>, marks: &[Option<Decimal>]) -> Vec<J> {
        let mut top: Vec<J> = Vec::new();
        let mut groups: [Vec<J>; 5] = Default::default();
        let mut sums: [Option<Decimal>; 5] = [Some(Decimal::ZERO); 5];
        // Where each group sits among the top-level nodes: before its first leaf.
        let mut order: Vec<u8> = Vec::new();
        for ((g, j), m) in leaves.into_iter().zip(marks) {
            let g = usize::from(g);
            sums[g] = match (sums[g], m) {
                (Some(a), Some(b)) => a.checked_add(*b),
                _ => None,
            };
            if g == 0 {
                top.push(j);
                order.push(0);
            } else {
                let outer = if g == 4 { 1 } else { g as u8 };
                if !order.contains(&outer) {
                    order.push(outer);
                }
                groups[g].push(j);
            }
        }
        let group = |g: usize, children: Vec<J>, sum: Option<Decimal>| {
            let (stated, category) = self.group_flags[g - 1];
            let mut f = vec![
                ("id", s(&format!("g{g}"))),
                ("name", s(&format!("Group {g}"))),
            ];
            if category {
                f.push(("category", s("social-value")));
            }
            if let (true, Some(sum)) = (stated, sum) {
                f.push(("weight", J::Raw(sum.normalize().to_string())));
            }
            match self.rules.group_thresholds[g - 1] {
                Some(GroupThreshold::Marks(m)) => f.push(("threshold", m.json())),
                Some(GroupThreshold::Share(p)) => f.push(("threshold", p.percent())),
                None => {}
            }
            if let Some(p) = self.rules.group_relative[g - 1] {
                f.push(("thresholdRelative", p.percent()));
            }
            f.push(("children", J::Arr(children)));
            obj(f)
        };
        // Group 4 sits inside group 1.
        let inner = std::mem::take(&mut groups[4]);
        if !inner.is_empty() {
            let sum4 = sums[4];
            groups[1].push(group(4, inner, sum4));
            sums[1] = match (sums[1], sum4) {
                (Some(a), Some(b)) => a.checked_add(b),
                _ => None,
            };
        }
        let mut out = Vec::new();
        let mut top = top.into_iter();
        for g in order {
            if g == 0 {
                if let Some(j) = top.next() {
                    out.push(j);
                }
            } else {
                let children = std::mem::take(&mut groups[usize::from(g)]);
                if !children.is_empty() {
                    out.push(group(usize::from(g), children, sums[usize::from(g)]));
                }
            }
        }
        out
    }

    fn bid(&self, bi: usize, b: &BidSpec, kinds: &[&LeafKind], scales: &[RenderedScale]) -> J {
        let mut f: Vec<(&str, J)> = vec![
            ("id", s(&format!("b{bi}"))),
            ("supplier", s(&format!("Supplier {bi}"))),
        ];
        let priced = kinds.iter().any(|k| matches!(k, LeafKind::Price { .. }));
        match (b.price, self.schedule().filter(|_| priced)) {
            (_, Some(sc)) => f.push(("prices", sc.rates(bi, b.complete))),
            (Some(p), None) => f.push(("price", p.json())),
            (None, None) if b.complete => f.push(("price", J::Raw(format!("{}", 1000 + bi)))),
            (None, None) => {}
        }
        if b.hypothetical {
            f.push(("hypothetical", J::Bool(true)));
        }
        let (mut gates, mut scores, mut values) = (Vec::new(), Vec::new(), Vec::new());
        for (i, k) in kinds.iter().enumerate() {
            let id = format!("c{i}");
            match k {
                LeafKind::PassFail => match nth(&b.gates, i) {
                    Some(Some(g)) => gates.push((id, J::Bool(*g))),
                    _ if b.complete => gates.push((id, J::Bool(true))),
                    _ => {}
                },
                LeafKind::Scored { scale, .. } => {
                    let sc = &scales[usize::from(*scale) % scales.len()];
                    if let Some(Some(MarkSpec {
                        moderated: Some(p),
                        bare: true,
                        ..
                    })) = nth(&b.scores, i)
                    {
                        scores.push((id, sc.pick(*p)));
                    } else if let Some(Some(m)) = nth(&b.scores, i) {
                        let mut mf = Vec::new();
                        if !m.evaluators.is_empty() {
                            mf.push((
                                "evaluators".to_string(),
                                J::Obj(
                                    m.evaluators
                                        .iter()
                                        .take(MAX_EVALUATORS)
                                        .enumerate()
                                        .map(|(e, p)| (format!("Evaluator {e}"), sc.pick(*p)))
                                        .collect(),
                                ),
                            ));
                        }
                        if let Some(p) = m.moderated {
                            mf.push(("moderated".to_string(), sc.pick(p)));
                        }
                        if m.rationale {
                            mf.push(("rationale".to_string(), s("Because.")));
                        }
                        scores.push((id, J::Obj(mf)));
                    } else if b.complete {
                        let p = if bi.is_multiple_of(2) {
                            Pick::Second
                        } else {
                            Pick::Bottom
                        };
                        scores.push((id, obj(vec![("moderated", sc.pick(p))])));
                    }
                }
                LeafKind::Numeric { .. } => match nth(&b.values, i) {
                    Some(Some(v)) => values.push((id, v.json())),
                    _ if b.complete => values.push((id, J::Raw(format!("{}", bi + 1)))),
                    _ => {}
                },
                _ => {}
            }
        }
        let commitments: Vec<(String, J)> = b
            .commitments
            .iter()
            .take(self.measures.len().min(4))
            .enumerate()
            .filter_map(|(i, c)| c.map(|c| (format!("m{i}"), c.json())))
            .collect();
        for (name, list) in [("gates", gates), ("scores", scores), ("values", values)] {
            if !list.is_empty() {
                f.push((name, J::Obj(list)));
            }
        }
        if !commitments.is_empty() {
            f.push(("commitments", J::Obj(commitments)));
        }
        obj(f)
    }
}

impl Spec {
    /// The price schedule, when it has a line.
    fn schedule(&self) -> Option<&ScheduleSpec> {
        self.schedule.as_ref().filter(|s| !s.lines.is_empty())
    }
}

const MAX_LINES: usize = 6;

impl ScheduleSpec {
    /// `schedule` (and `lifeCycle` when a line is paid per year) on the price criterion.
    fn render(&self, f: &mut Vec<(&'static str, J)>) {
        let lines = self.lines.iter().take(MAX_LINES).enumerate().map(|(i, l)| {
            let mut lf = vec![
                ("id", s(&format!("l{i}"))),
                ("name", s(&format!("Line {i}"))),
            ];
            if let Some(q) = l.quantity {
                lf.push(("quantity", q.json()));
            }
            for (field, on) in [
                ("income", l.income),
                ("optional", l.optional),
                ("perYear", l.per_year),
            ] {
                if on {
                    lf.push((field, J::Bool(true)));
                }
            }
            if let Some(m) = l.max {
                lf.push(("max", m.json()));
            }
            obj(lf)
        });
        f.push(("schedule", J::Arr(lines.collect())));
        if self.lines.iter().take(MAX_LINES).any(|l| l.per_year) {
            f.push((
                "lifeCycle",
                obj(vec![
                    ("years", J::Raw((self.years % 100 + 1).to_string())),
                    ("discountRate", self.discount_rate.json()),
                ]),
            ));
        }
    }

    /// Bid `bi`'s rates: as drawn, and for a complete bid a rate for every line left out.
    fn rates(&self, bi: usize, complete: bool) -> J {
        let drawn = nth(&self.rates, bi).map(Vec::as_slice).unwrap_or_default();
        let mut out = Vec::new();
        for i in 0..self.lines.len().min(MAX_LINES) {
            match nth(drawn, i) {
                Some(Some(r)) => out.push((format!("l{i}"), r.json())),
                _ if complete => out.push((format!("l{i}"), J::Raw(format!("{}", 10 + bi + i)))),
                _ => {}
            }
        }
        J::Obj(out)
    }
}

fn nth<T>(v: &[T], i: usize) -> Option<&T> {
    if v.is_empty() {
        None
    } else {
        v.get(i % v.len())
    }
}

fn clone_j(j: &J) -> J {
    match j {
        J::Obj(f) => J::Obj(f.iter().map(|(k, v)| (k.clone(), clone_j(v))).collect()),
        J::Arr(a) => J::Arr(a.iter().map(clone_j).collect()),
        J::Str(s) => J::Str(s.clone()),
        J::Raw(s) => J::Raw(s.clone()),
        J::Bool(b) => J::Bool(*b),
    }
}

/// A spec from the fuzzer's bytes, rendered; `None` when the bytes run out too early.
/// With `BIDSCORE_FUZZ_SHOW` set, prints the tender text (to turn a crash file into a tender).
pub fn tender_text(data: &[u8]) -> Option<(String, Unstructured<'_>)> {
    let mut u = Unstructured::new(data);
    let spec = Spec::arbitrary(&mut u).ok()?;
    let text = spec.render();
    if std::env::var_os("BIDSCORE_FUZZ_SHOW").is_some() {
        eprintln!("{text}");
        if let Err(e) = bidscore::read(&text) {
            let codes: Vec<&str> = e.errors.iter().map(|e| e.code()).collect();
            eprintln!("invalid: {codes:?}");
        }
    }
    Some((text, u))
}
