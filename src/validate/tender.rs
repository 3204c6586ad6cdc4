//! The top level of a tender file: its format, details, award method, rounding, moderation,
//! abnormally low threshold and tie-break rules. It reads the other parts through `scales`,
//! `criteria` and `bids`.

use super::criteria::{tree_size, TreeCtx};
use super::limits::*;
use super::reader::{index, Reader};
use crate::error::ErrorKind;
use crate::model::*;
use crate::money::Plain;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::BTreeSet;

/// The format this engine reads.
pub const FORMAT: &str = "bidscore/1";

impl Reader {
    pub(super) fn tender(&mut self, v: &Value) -> Option<Tender> {
        let root = self.obj(
            v,
            "",
            &[
                "format",
                "tender",
                "award",
                "rounding",
                "moderation",
                "tieBreak",
                "abnormallyLow",
                "scales",
                "measures",
                "criteria",
                "bids",
            ],
        )?;
        match root.get("format") {
            None => self.err(
                ErrorKind::UnsupportedFormat {
                    found: String::new(),
                },
                "format",
            ),
            Some(Value::String(f)) if f == FORMAT => {}
            Some(Value::String(f)) => {
                self.err(ErrorKind::UnsupportedFormat { found: f.clone() }, "format")
            }
            Some(_) => self.err(ErrorKind::WrongType { expected: "text" }, "format"),
        }
        let info = match root.get("tender") {
            Some(t) => self.info(t),
            None => TenderInfo {
                currency: "GBP".into(),
                ..TenderInfo::default()
            },
        };
        let award = self.award(root.get("award"));
        let rounding = self.rounding(root.get("rounding"));
        let moderation = self.moderation(root.get("moderation"));
        let abnormally_low_percent = self.abnormally_low(root.get("abnormallyLow"));
        let scales = self.scales(root.get("scales"));
        let measures = self.measures(root.get("measures"));
        let declared: BTreeSet<String> = crate::sorting::set_of(
            measures
                .iter()
                .map(|m| m.id.clone())
                .chain(self.broken_measures.iter().cloned()),
        );
        let measure_ids: BTreeSet<&str> =
            crate::sorting::set_of(declared.iter().map(String::as_str));

        let mut criteria = Vec::new();
        let mut seen = BTreeSet::new();
        let mut price_seen = None;
        match root.get("criteria") {
            None => self.err(
                ErrorKind::MissingField {
                    field: "criteria".into(),
                },
                "criteria",
            ),
            Some(c) => {
                if let Some(list) = self.array(c, "criteria") {
                    if list.is_empty() {
                        self.err(ErrorKind::EmptyCriteria, "criteria");
                    }
                    let n: usize = list.iter().map(tree_size).sum();
                    self.count(n, MAX_CRITERIA, "criteria", "criteria");
                    let mut ctx = TreeCtx {
                        depth: 0,
                        method: award,
                        scales: &scales,
                        measures: &measure_ids,
                        seen: &mut seen,
                        price_seen: &mut price_seen,
                    };
                    for (i, n) in list.iter().enumerate() {
                        if let Some(node) = self.node(n, &index("criteria", i), &mut ctx) {
                            criteria.push(node);
                        }
                    }
                }
            }
        }

        if award != AwardMethod::WeightedSum && price_seen.is_none() && !criteria.is_empty() {
            self.err(
                ErrorKind::PriceCriterionRequired {
                    method: award.as_str(),
                },
                "criteria",
            );
        }
        let mut tender = Tender {
            info,
            award,
            rounding,
            moderation,
            tie_break: Vec::new(),
            abnormally_low_percent,
            measures,
            criteria,
            bids: Vec::new(),
        };
        tender.tie_break = self.tie_break(root.get("tieBreak"), &tender);
        if let Some(b) = root.get("bids") {
            tender.bids = self.bids(b, &tender);
        }
        Some(tender)
    }

    pub(super) fn info(&mut self, v: &Value) -> TenderInfo {
        let Some(o) = self.obj(
            v,
            "tender",
            &[
                "title",
                "buyer",
                "reference",
                "currency",
                "contractValue",
                "locale",
            ],
        ) else {
            return TenderInfo {
                currency: "GBP".into(),
                ..TenderInfo::default()
            };
        };
        let currency = match self.string(&o, "currency") {
            Some(c) if c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase()) => c,
            Some(_) => {
                self.err(
                    ErrorKind::WrongType {
                        expected: "a three-letter currency code such as GBP",
                    },
                    "tender.currency",
                );
                "GBP".into()
            }
            None => "GBP".into(),
        };
        TenderInfo {
            title: self.string(&o, "title"),
            buyer: self.string(&o, "buyer"),
            reference: self.string(&o, "reference"),
            currency,
            contract_value: {
                let v = self.positive(&o, "contractValue");
                self.at_least_one(v, &o, "contractValue");
                v
            },
            locale: self.string(&o, "locale"),
        }
    }

    pub(super) fn award(&mut self, v: Option<&Value>) -> AwardMethod {
        let Some(o) =
            v.and_then(|v| self.obj(v, "award", &["method", "scale", "band", "bandDecider"]))
        else {
            return AwardMethod::WeightedSum;
        };
        let method = self.choice(
            &o,
            "method",
            &[
                "weighted-sum",
                "price-per-quality-point",
                "quality-price-ratio",
                "fictitious-discount",
            ],
        );
        // An unknown method still has its parameters checked: they may be wrong too.
        let unknown = method.is_none() && o.get("method").is_some();
        match method {
            Some("price-per-quality-point") => AwardMethod::PricePerQualityPoint,
            Some("fictitious-discount") => AwardMethod::FictitiousDiscount,
            Some("quality-price-ratio") | None if unknown || method.is_some() => {
                let scale = self
                    .positive(&o, "scale")
                    .unwrap_or(Decimal::from(1_000_000));
                let band = self.decimal(&o, "band");
                let band = match band {
                    Some(b) if b <= Decimal::ZERO || b >= Decimal::ONE => {
                        self.err(
                            ErrorKind::InvalidBand {
                                found: Plain(b).to_string(),
                            },
                            o.at("band"),
                        );
                        None
                    }
                    b => b,
                };
                let decider = match self.choice(&o, "bandDecider", &["quality", "price"]) {
                    Some("price") => BandDecider::Price,
                    _ => BandDecider::Quality,
                };
                if unknown {
                    return AwardMethod::WeightedSum;
                }
                AwardMethod::QualityPriceRatio {
                    scale,
                    band,
                    decider,
                }
            }
            _ => AwardMethod::WeightedSum,
        }
    }

    pub(super) fn rounding(&mut self, v: Option<&Value>) -> Rounding {
        let mut r = Rounding {
            decimals: 2,
            stage: RoundingStage::Criterion,
        };
        let Some(o) = v.and_then(|v| self.obj(v, "rounding", &["decimals", "stage"])) else {
            return r;
        };
        if let Some(d) = self.decimal(&o, "decimals") {
            // "3.0" is the whole number 3: read the value, not its text.
            let whole = (d.fract().is_zero() && d >= Decimal::ZERO && d <= Decimal::TEN)
                .then(|| rust_decimal::prelude::ToPrimitive::to_u32(&d))
                .flatten();
            if let Some(n) = whole {
                r.decimals = n;
            } else {
                self.err(
                    ErrorKind::InvalidDecimals {
                        found: d.to_string(),
                    },
                    "rounding.decimals",
                );
            }
        }
        r.stage = match self.choice(&o, "stage", &["criterion", "total", "none"]) {
            Some("total") => RoundingStage::Total,
            Some("none") => RoundingStage::None,
            _ => RoundingStage::Criterion,
        };
        r
    }

    pub(super) fn moderation(&mut self, v: Option<&Value>) -> Moderation {
        let mut m = Moderation {
            method: ModerationMethod::Mean,
            flag_spread: Decimal::ONE,
            require: Require::Nothing,
        };
        let Some(o) =
            v.and_then(|v| self.obj(v, "moderation", &["method", "flagSpread", "require"]))
        else {
            return m;
        };
        if self.choice(&o, "require", &["consensus"]).is_some() {
            m.require = Require::Consensus;
        }
        if self.choice(&o, "method", &["mean", "median"]) == Some("median") {
            m.method = ModerationMethod::Median;
        }
        if let Some(s) = self.non_negative(&o, "flagSpread") {
            m.flag_spread = s;
        }
        m
    }

    pub(super) fn abnormally_low(&mut self, v: Option<&Value>) -> Decimal {
        let default = Decimal::from(15);
        let Some(o) = v.and_then(|v| self.obj(v, "abnormallyLow", &["percent"])) else {
            return default;
        };
        self.positive(&o, "percent").unwrap_or(default)
    }

    pub(super) fn tie_break(&mut self, v: Option<&Value>, t: &Tender) -> Vec<TieBreak> {
        let mut out = Vec::new();
        let Some(v) = v else { return out };
        let Some(list) = self.array(v, "tieBreak") else {
            return out;
        };
        let groups: BTreeSet<&str> =
            crate::sorting::set_of(t.groups().iter().map(|g| g.id.as_str()));
        let leaves: BTreeSet<&str> = crate::sorting::set_of(
            t.leaves()
                .iter()
                .filter(|c| c.kind != Kind::PassFail)
                .map(|c| c.id.as_str()),
        );
        for (i, e) in list.iter().enumerate() {
            let path = index("tieBreak", i);
            let Some(s) = e.as_str() else {
                self.err(ErrorKind::WrongType { expected: "text" }, path);
                continue;
            };
            let rule = if s == "price" {
                Some(TieBreak::Price)
            } else if let Some(g) = s.strip_prefix("group:").filter(|g| groups.contains(g)) {
                Some(TieBreak::Score(g.into()))
            } else {
                s.strip_prefix("criterion:")
                    .filter(|c| leaves.contains(c))
                    .map(|c| TieBreak::Score(c.into()))
            };
            let broken = s
                .split_once(':')
                .is_some_and(|(_, id)| self.broken_criteria.contains(id));
            match rule {
                Some(r) => out.push(r),
                None if broken => {}
                None => self.err(ErrorKind::UnknownTieBreak { entry: s.into() }, path),
            }
        }
        out
    }
}
