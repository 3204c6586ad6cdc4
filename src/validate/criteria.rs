//! The criteria tree: groups and their children, each criterion by kind, price and numeric
//! formulas with their parameters, and the marks each carries under the award method.

use super::json::Value;
use super::limits::*;
use super::reader::{index, Obj, Reader};
use crate::error::ErrorKind;
use crate::model::*;
use rust_decimal::Decimal;

impl Reader {
    pub(super) fn node(&mut self, v: &Value, path: &str, ctx: &mut TreeCtx) -> Option<Node> {
        let is_group = matches!(v, Value::Object(m) if m.contains_key("children"));
        if is_group {
            self.group(v, path, ctx).map(Node::Group)
        } else {
            let leaf = self.leaf(v, path, ctx);
            if leaf.is_none() {
                if let Some(id) = v.get("id").and_then(Value::as_str) {
                    self.broken_criteria.add(id.to_string());
                }
            }
            leaf.map(Node::Leaf)
        }
    }

    pub(super) fn check_unique(&mut self, id: &str, o: &Obj, ctx: &mut TreeCtx) -> bool {
        if !ctx.seen.add(id.to_string()) {
            self.err(ErrorKind::DuplicateId { id: id.into() }, o.at("id"));
            return false;
        }
        true
    }

    pub(super) fn group(&mut self, v: &Value, path: &str, ctx: &mut TreeCtx) -> Option<Group> {
        let o = self.obj(
            v,
            path,
            &[
                "id",
                "name",
                "weight",
                "category",
                "children",
                "description",
                "threshold",
                "thresholdRelative",
            ],
        )?;
        let id = self.id(&o);
        if let Some(id) = &id {
            self.check_unique(id, &o, ctx);
        }
        if ctx.depth == MAX_GROUP_DEPTH {
            let found = ctx.depth + group_depth(v);
            self.errors.push(too_large(
                "levels of groups",
                MAX_GROUP_DEPTH,
                found.to_string(),
                path.into(),
            ));
        }
        let name = self.text(&o, "name");
        let category = self.string(&o, "category");
        let stated = self.non_negative(&o, "weight");
        let threshold = self.group_threshold(&o);
        let threshold_relative = self.percent(&o, "thresholdRelative");
        let mut children = Vec::new();
        let mut complete = true;
        if let Some(list) = o
            .get("children")
            .and_then(|c| self.array(c, &o.at("children")))
        {
            if list.is_empty() {
                self.err(ErrorKind::EmptyCriteria, o.at("children"));
            }
            ctx.depth += 1;
            for (i, c) in list.iter().enumerate() {
                match self.node(c, &index(&o.at("children"), i), ctx) {
                    Some(n) => children.push(n),
                    None => complete = false,
                }
            }
            ctx.depth -= 1;
        }
        let marks = crate::money::sum(children.iter().map(|n| match n {
            Node::Group(g) => g.marks,
            Node::Leaf(c) => c.marks,
        }));
        if let (Some(stated), Some(gid), true) = (stated, &id, complete) {
            if stated != marks {
                self.err(
                    ErrorKind::GroupWeightMismatch {
                        id: gid.clone(),
                        stated: crate::money::plain(stated),
                        children: crate::money::plain(marks),
                    },
                    o.at("weight"),
                );
            }
        }
        let threshold =
            threshold.and_then(|th| self.in_marks(th, marks, complete, &o, id.as_deref()));
        let id = id?;
        Some(Group {
            name: name.unwrap_or_else(|| id.clone()),
            id,
            category,
            marks,
            children,
            threshold,
            threshold_relative,
        })
    }

    /// A group's threshold in marks, once its children's marks are known: a share of them
    /// (exact: at most 1,000 criteria of 10^12 marks each, times 100), or marks that must not be
    /// more than the group holds (not checked while a child is in error).
    #[inline(never)]
    fn in_marks(
        &mut self,
        th: GroupThreshold,
        marks: Decimal,
        complete: bool,
        o: &Obj,
        id: Option<&str>,
    ) -> Option<GroupThreshold> {
        if let Some(p) = th.percent {
            return crate::money::mul_div(marks, p, Decimal::ONE_HUNDRED).map(|m| GroupThreshold {
                marks: m,
                percent: Some(p),
            });
        }
        if complete && th.marks > marks {
            self.err(
                ErrorKind::ThresholdAboveMarks {
                    id: id.unwrap_or_default().to_string(),
                    threshold: crate::money::plain(th.marks),
                    marks: crate::money::plain(marks),
                },
                o.at("threshold"),
            );
            return None;
        }
        Some(th)
    }

    /// A group's `threshold` (spec §13): marks (`28` or `"28"`), or a share of the group's marks
    /// (`"70%"`, turned into marks by [`Self::in_marks`] once the children's marks are known).
    #[inline(never)]
    fn group_threshold(&mut self, o: &Obj) -> Option<GroupThreshold> {
        match o.get("threshold")? {
            Value::String(s) if crate::text::find_byte(s, b'%').is_some() => {
                let percent = self.percent(o, "threshold")?;
                Some(GroupThreshold {
                    marks: Decimal::ZERO,
                    percent: Some(percent),
                })
            }
            _ => Some(GroupThreshold {
                marks: self.non_negative(o, "threshold")?,
                percent: None,
            }),
        }
    }

    pub(super) fn leaf(&mut self, v: &Value, path: &str, ctx: &mut TreeCtx) -> Option<Criterion> {
        const COMMON: &[&str] = &[
            "id",
            "name",
            "kind",
            "weight",
            "description",
            "question",
            "value",
        ];
        let kind_name = match v {
            Value::Object(m) => m.get("kind").and_then(|k| k.as_str()).unwrap_or(""),
            _ => "",
        };
        const PRICE: &[&str] = &[
            "formula",
            "zeroAt",
            "best",
            "worst",
            "reference",
            "cap",
            "ceiling",
            "aboveCeiling",
            "schedule",
            "lifeCycle",
        ];
        const SCORED: &[&str] = &["scale", "threshold", "thresholdRelative"];
        const NUMERIC: &[&str] = &["unit", "direction", "minimum", "maximum"];
        const MEASURES: &[&str] = &["measures", "svScoring", "target"];
        let extra: Vec<&str> = match kind_name {
            "price" => PRICE.to_vec(),
            "scored" => SCORED.to_vec(),
            // A numeric criterion takes the price formulas' parameters, but no ceiling.
            "numeric" => NUMERIC.iter().chain(&PRICE[..6]).copied().collect(),
            "measures" => MEASURES.to_vec(),
            "pass-fail" => Vec::new(),
            // Without a known kind the reader cannot tell which fields belong; the missing or
            // unknown kind is the error to report, not every field that comes with it.
            _ => [PRICE, SCORED, NUMERIC, MEASURES].concat(),
        };
        let known: Vec<&str> = COMMON.iter().chain(extra.iter()).copied().collect();
        let o = self.obj(v, path, &known)?;
        let id = self.id(&o);
        if let Some(id) = &id {
            self.check_unique(id, &o, ctx);
        }
        let name = self.text(&o, "name");
        let description = self
            .text(&o, "description")
            .or_else(|| self.text(&o, "question"));
        let weight = self.non_negative(&o, "weight");
        let weight = self.method_weight(&o, kind_name, weight, id.as_deref(), ctx.method);
        let kind_name = if o.get("kind").is_none() {
            self.err(
                ErrorKind::MissingField {
                    field: "kind".into(),
                },
                o.at("kind"),
            );
            None
        } else {
            self.choice(
                &o,
                "kind",
                &["price", "scored", "numeric", "measures", "pass-fail"],
            )
        };
        let Some(kind_name) = kind_name else {
            self.probe(&o);
            return None;
        };
        let kind = match kind_name {
            "price" => {
                if ctx.price_seen.is_some() {
                    self.err(
                        ErrorKind::SecondPriceCriterion {
                            id: id.clone().unwrap_or_default(),
                        },
                        o.at("kind"),
                    );
                } else {
                    *ctx.price_seen = id.clone();
                }
                let formula = self.formula(&o, Some(Direction::Lower));
                return self.finish_price(o, id, name, weight, description, formula);
            }
            "scored" => {
                let scale = match self.required_string(&o, "scale") {
                    Some(n) => match ctx.scales.get(&n) {
                        Some(s) => Some(s.clone()),
                        None => {
                            if !self.broken_scales.contains_key(&n) {
                                self.err(ErrorKind::UnknownScale { scale: n }, o.at("scale"));
                            }
                            None
                        }
                    },
                    None => None,
                };
                let threshold = self.decimal(&o, "threshold");
                let threshold_relative = self.percent(&o, "thresholdRelative");
                let scale = scale?;
                if let Some(t) = threshold {
                    if t > scale.top() || t < Decimal::ZERO {
                        self.err(
                            ErrorKind::ThresholdOffScale {
                                threshold: crate::money::plain(t),
                                top: crate::money::plain(scale.top()),
                            },
                            o.at("threshold"),
                        );
                    }
                }
                Kind::Scored {
                    scale,
                    threshold,
                    threshold_relative,
                }
            }
            "numeric" => {
                let direction = match self.choice(&o, "direction", &["higher", "lower"]) {
                    Some("lower") => Some(Direction::Lower),
                    Some(_) => Some(Direction::Higher),
                    None => {
                        if o.get("direction").is_none() {
                            self.err(
                                ErrorKind::MissingField {
                                    field: "direction".into(),
                                },
                                o.at("direction"),
                            );
                        }
                        None
                    }
                };
                // Read even when the direction is in error: the formula may be wrong as well.
                let formula = match o.get("formula").map(|f| f.as_str()) {
                    None | Some(Some("relative-to-best")) => Some(NumericFormula::RelativeToBest),
                    Some(Some("set-bounds")) => self
                        .bounds(&o, direction)
                        .map(|(best, worst)| NumericFormula::SetBounds { best, worst }),
                    _ => self.formula(&o, direction).map(NumericFormula::Price),
                };
                let unit = self.text(&o, "unit");
                let limits = self.limits(&o);
                Kind::Numeric {
                    unit,
                    direction: direction?,
                    formula: formula?,
                    limits: limits?,
                }
            }
            "measures" => {
                let mut list = Vec::new();
                match o.get("measures") {
                    None => self.err(
                        ErrorKind::NoMeasures {
                            id: id.clone().unwrap_or_default(),
                        },
                        o.at("measures"),
                    ),
                    Some(m) => {
                        if let Some(items) = self.array(m, &o.at("measures")) {
                            if items.is_empty() {
                                self.err(
                                    ErrorKind::NoMeasures {
                                        id: id.clone().unwrap_or_default(),
                                    },
                                    o.at("measures"),
                                );
                            }
                            for (i, item) in items.iter().enumerate() {
                                let p = index(&o.at("measures"), i);
                                match item.as_str() {
                                    Some(mid) if ctx.measures.contains(mid) => {
                                        list.push(mid.to_string())
                                    }
                                    Some(mid) => {
                                        self.err(ErrorKind::UnknownMeasure { id: mid.into() }, p)
                                    }
                                    None => self.err(ErrorKind::WrongType { expected: "text" }, p),
                                }
                            }
                        }
                    }
                }
                let scoring = self.choice(
                    &o,
                    "svScoring",
                    &[
                        "relative-to-highest",
                        "relative-to-highest-percent",
                        "target",
                    ],
                );
                if scoring.is_none() && o.get("svScoring").is_some() {
                    // Unknown scoring: its target is still checked.
                    self.positive(&o, "target");
                    return None;
                }
                let scoring = match scoring {
                    Some("relative-to-highest-percent") => SvScoring::RelativeToHighestPercent,
                    Some("target") => {
                        if o.get("target").is_none() {
                            self.err(
                                ErrorKind::MissingTarget {
                                    id: id.clone().unwrap_or_default(),
                                },
                                o.at("target"),
                            );
                            return None;
                        }
                        SvScoring::Target(self.positive(&o, "target")?)
                    }
                    _ => SvScoring::RelativeToHighest,
                };
                Kind::Measures {
                    measures: list,
                    scoring,
                }
            }
            _ => {
                if let Some(w) = weight {
                    if !w.is_zero() {
                        self.err(
                            ErrorKind::GateHasWeight {
                                id: id.clone().unwrap_or_default(),
                            },
                            o.at("weight"),
                        );
                    }
                }
                let id = id?;
                return Some(Criterion {
                    name: name.unwrap_or_else(|| id.clone()),
                    id,
                    marks: Decimal::ZERO,
                    description,
                    kind: Kind::PassFail,
                });
            }
        };
        self.finish_leaf(&o, id, name, weight, description, kind)
    }

    /// Without a known kind, each field a kind may have is still checked on its own terms: the
    /// kind's error should not hide a ceiling that is not a number.
    pub(super) fn probe(&mut self, o: &Obj) {
        self.string(o, "scale");
        self.decimal(o, "threshold");
        self.percent(o, "thresholdRelative");
        self.limits(o);
        self.text(o, "unit");
        self.choice(o, "direction", &["higher", "lower"]);
        self.formula(o, None);
        self.positive(o, "ceiling");
        self.choice(o, "aboveCeiling", &["disqualify", "zero"]);
        if let Some(m) = o.get("measures") {
            self.array(m, &o.at("measures"));
        }
        self.choice(
            o,
            "svScoring",
            &[
                "relative-to-highest",
                "relative-to-highest-percent",
                "target",
            ],
        );
        self.positive(o, "target");
        let id = o.map.get("id").and_then(Value::as_str).unwrap_or_default();
        self.schedule(o, id, AboveCeiling::Disqualify);
    }

    pub(super) fn finish_price(
        &mut self,
        o: Obj,
        id: Option<String>,
        name: Option<String>,
        weight: Option<Decimal>,
        description: Option<String>,
        formula: Option<Formula>,
    ) -> Option<Criterion> {
        let ceiling = self.positive(&o, "ceiling");
        self.at_least_one(ceiling, &o, "ceiling");
        match formula {
            Some(Formula::ReferenceRatio { reference, .. }) => {
                self.at_least_one(Some(reference), &o, "reference")
            }
            Some(Formula::SetBounds { worst, .. }) => self.at_least_one(Some(worst), &o, "worst"),
            _ => {}
        }
        let above = match self.choice(&o, "aboveCeiling", &["disqualify", "zero"]) {
            Some("zero") => AboveCeiling::Zero,
            _ => AboveCeiling::Disqualify,
        };
        let ceiling = ceiling.map(|amount| Ceiling { amount, above });
        let schedule = self.schedule(&o, id.as_deref().unwrap_or_default(), above);
        let broken = schedule.is_none();
        let criterion = match formula {
            Some(formula) => self.finish_leaf(
                &o,
                id,
                name,
                weight,
                description,
                Kind::Price {
                    formula,
                    ceiling,
                    schedule: schedule.flatten(),
                },
            ),
            None => None,
        };
        // Bids pricing the lines of a schedule that could not be read are not told again what
        // the schedule's own errors already say.
        if criterion.is_none() || broken {
            self.broken_schedule |= o.get("schedule").is_some();
            return None;
        }
        criterion
    }

    /// The marks a leaf carries under the award method: the price has none outside the weighted
    /// sum, and under the fictitious discount every other criterion carries its money `value`.
    pub(super) fn method_weight(
        &mut self,
        o: &Obj,
        kind: &str,
        weight: Option<Decimal>,
        id: Option<&str>,
        method: AwardMethod,
    ) -> Option<Decimal> {
        match (kind, method) {
            (_, AwardMethod::WeightedSum) | ("pass-fail", _) => weight,
            ("price", _) => {
                if weight.is_some_and(|w| !w.is_zero()) {
                    self.err(
                        ErrorKind::PriceHasWeight {
                            method: method.as_str(),
                        },
                        o.at("weight"),
                    );
                }
                Some(Decimal::ZERO)
            }
            (_, AwardMethod::FictitiousDiscount) => {
                if o.get("value").is_none() {
                    self.err(
                        ErrorKind::MissingMoneyValue {
                            id: id.unwrap_or_default().to_string(),
                        },
                        o.at("value"),
                    );
                    return None;
                }
                self.non_negative(o, "value")
            }
            _ => weight,
        }
    }

    pub(super) fn finish_leaf(
        &mut self,
        o: &Obj,
        id: Option<String>,
        name: Option<String>,
        weight: Option<Decimal>,
        description: Option<String>,
        kind: Kind,
    ) -> Option<Criterion> {
        let id = id?;
        let marks = match weight {
            Some(w) => w,
            None => {
                if o.get("weight").is_none() {
                    self.err(ErrorKind::MissingWeight { id: id.clone() }, o.at("weight"));
                }
                return None;
            }
        };
        Some(Criterion {
            name: name.unwrap_or_else(|| id.clone()),
            id,
            marks,
            description,
            kind,
        })
    }

    /// A numeric criterion's `minimum` and `maximum` on the stated value (spec §13): values are
    /// zero or more, so a negative limit could only be a mistake; `None` when either is in error.
    pub(super) fn limits(&mut self, o: &Obj) -> Option<Limits> {
        let read = |r: &mut Self, f: &str| match o.get(f) {
            None => Some(None),
            Some(_) => r.non_negative(o, f).map(Some),
        };
        let minimum = read(self, "minimum");
        let maximum = read(self, "maximum");
        let limits = Limits {
            minimum: minimum?,
            maximum: maximum?,
        };
        if let Limits {
            minimum: Some(min),
            maximum: Some(max),
        } = limits
        {
            if min > max {
                self.err(
                    ErrorKind::MinimumAboveMaximum {
                        minimum: crate::money::plain(min),
                        maximum: crate::money::plain(max),
                    },
                    o.at("minimum"),
                );
                return None;
            }
        }
        Some(limits)
    }

    /// Reads `best` and `worst` for `set-bounds`; best must be the better end for the direction
    /// (not checked when the direction is itself in error).
    pub(super) fn bounds(
        &mut self,
        o: &Obj,
        direction: Option<Direction>,
    ) -> Option<(Decimal, Decimal)> {
        let read = |r: &mut Self, f: &str| {
            if o.get(f).is_none() {
                r.err(ErrorKind::MissingField { field: f.into() }, o.at(f));
                return None;
            }
            r.non_negative(o, f)
        };
        let best = read(self, "best");
        let worst = read(self, "worst");
        let (best, worst) = (best?, worst?);
        let right_way = match direction? {
            Direction::Lower => best < worst,
            Direction::Higher => best > worst,
        };
        if !right_way {
            self.err(
                ErrorKind::InvalidBounds {
                    best: crate::money::plain(best),
                    worst: crate::money::plain(worst),
                },
                o.at("best"),
            );
            return None;
        }
        Some((best, worst))
    }

    /// Reads a lower-is-better formula and its parameters (spec §3). `direction` is `None` when
    /// it is itself in error; a formula that is unknown has every parameter given checked on its
    /// own terms, so that one mistake does not hide the next.
    pub(super) fn formula(&mut self, o: &Obj, direction: Option<Direction>) -> Option<Formula> {
        let name = if o.get("formula").is_none() {
            Some("lowest-ratio")
        } else {
            self.choice(
                o,
                "formula",
                if o.map.get("kind").and_then(|k| k.as_str()) == Some("price") {
                    &[
                        "lowest-ratio",
                        "linear-min-max",
                        "deviation-from-lowest",
                        "set-bounds",
                        "reference-ratio",
                    ]
                } else {
                    &[
                        "relative-to-best",
                        "set-bounds",
                        "lowest-ratio",
                        "linear-min-max",
                        "deviation-from-lowest",
                        "reference-ratio",
                    ]
                },
            )
        };
        let mut usable = name.is_some();
        if let (Some(Direction::Higher), Some(name)) = (direction, name) {
            self.err(
                ErrorKind::FormulaNotAllowed {
                    formula: name.into(),
                    direction: Direction::Higher.as_str(),
                },
                o.at("formula"),
            );
            usable = false;
        }
        let uses = |f: &str| name.is_none_or(|n| n == f);
        let zero_at = match o.get("zeroAt") {
            Some(_) if uses("deviation-from-lowest") => match self.decimal(o, "zeroAt") {
                Some(k) if k <= Decimal::ONE => {
                    self.err(
                        ErrorKind::ZeroAtTooLow {
                            found: crate::money::plain(k),
                        },
                        o.at("zeroAt"),
                    );
                    None
                }
                k => k,
            },
            _ => Some(Decimal::TWO),
        };
        let bounds = if name == Some("set-bounds") {
            self.bounds(o, direction)
        } else {
            if name.is_none() {
                self.non_negative(o, "best");
                self.non_negative(o, "worst");
            }
            None
        };
        let reference = if name == Some("reference-ratio") {
            self.required_positive(o, "reference")
        } else {
            if name.is_none() {
                self.positive(o, "reference");
            }
            None
        };
        let cap = match o.get("cap") {
            Some(v) if uses("reference-ratio") => self.boolean(v, &o.at("cap")),
            _ => Some(true),
        };
        if !usable {
            return None;
        }
        Some(match name? {
            "linear-min-max" => Formula::LinearMinMax,
            "deviation-from-lowest" => Formula::DeviationFromLowest { zero_at: zero_at? },
            "set-bounds" => {
                let (best, worst) = bounds?;
                Formula::SetBounds { best, worst }
            }
            "reference-ratio" => Formula::ReferenceRatio {
                reference: reference?,
                cap: cap?,
            },
            _ => Formula::LowestRatio,
        })
    }
}

/// The number of criteria and groups in a node of the criteria tree, itself included.
pub(super) fn tree_size(v: &Value) -> usize {
    let children = v.get("children").and_then(Value::as_array);
    1 + children.map_or(0, |c| c.iter().map(tree_size).sum())
}

/// How many levels of groups a node holds, itself included: 0 for a criterion.
fn group_depth(v: &Value) -> usize {
    match v.get("children").and_then(Value::as_array) {
        Some(c) => 1 + c.iter().map(group_depth).max().unwrap_or(0),
        None => 0,
    }
}

/// What reading the criteria tree carries from node to node: the depth, what criteria may name,
/// and the ids seen so far.
pub(super) struct TreeCtx<'a> {
    /// How many groups hold the node being read.
    pub(super) depth: usize,
    pub(super) method: AwardMethod,
    pub(super) scales: &'a IdMap<Scale>,
    pub(super) measures: &'a crate::sorting::Keyed<'a, ()>,
    pub(super) seen: &'a mut IdSet,
    pub(super) price_seen: &'a mut Option<String>,
}
