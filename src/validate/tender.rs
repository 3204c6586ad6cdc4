//! The top level of a tender file: its format, details, award method, rounding, moderation,
//! abnormally low threshold and tie-break rules. It reads the other parts through `scales`,
//! `criteria` and `bids`.

use super::criteria::{tree_size, TreeCtx};
use super::json::Value;
use super::limits::*;
use super::reader::{index, Reader};
use crate::error::ErrorKind;
use crate::model::*;
use crate::money::Plain;
use rust_decimal::Decimal;

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
                // §16 the recorded draw
                "tieDrawSeed",
                "lots",
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
            Some(Value::String(f)) => self.err(
                ErrorKind::UnsupportedFormat {
                    found: f.to_string(),
                },
                "format",
            ),
            Some(_) => self.err(ErrorKind::WrongType { expected: "text" }, "format"),
        }
        let info = match root.get("tender") {
            Some(t) => self.info(t),
            None => TenderInfo {
                currency: "GBP".into(),
                jurisdiction: Some("GB".into()),
                ..TenderInfo::default()
            },
        };
        let award = self.award(root.get("award"));
        let rounding = self.rounding(root.get("rounding"));
        let moderation = self.moderation(root.get("moderation"));
        let (abnormally_low_percent, abnormally_low_proximity) =
            self.abnormally_low(root.get("abnormallyLow"));
        let scales = self.scales(root.get("scales"));
        let measures = self.measures(root.get("measures"));
        let mut declared = IdSet::new();
        for id in measures
            .iter()
            .map(|m| m.id.clone())
            .chain(self.broken_measures.keys().cloned())
        {
            declared.add(id);
        }
        let measure_ids = crate::sorting::names(declared.keys().map(String::as_str));

        let mut criteria = Vec::new();
        let mut seen = IdSet::new();
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
            criteria: criteria.into(),
            bids: Vec::new(),
            abnormally_low_proximity,
            tie_draw_seed: None,
            lots: Vec::new(),
        };
        tender.tie_break = self.tie_break(root.get("tieBreak"), &tender);
        tender.tie_draw_seed = self.tie_draw_seed(&root, &tender.tie_break);
        // Before the bids, which name them.
        tender.lots = self.lots(root.get("lots"));
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
                // §17 jurisdiction
                "jurisdiction",
            ],
        ) else {
            return TenderInfo {
                currency: "GBP".into(),
                jurisdiction: Some("GB".into()),
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
        let jurisdiction = self.jurisdiction(&o, &currency);
        // Taken before any text is read: it chooses the language of each given in several. Its
        // own errors are reported below, in their place; one over the length limit (an error)
        // chooses nothing, or each text would be compared with megabytes of it.
        if let Some(Value::String(l)) = o.get("locale") {
            self.locale = (l.len() <= MAX_NAME_CHARS).then(|| l.to_string());
        }
        TenderInfo {
            title: self.text(&o, "title"),
            buyer: self.text(&o, "buyer"),
            reference: self.string(&o, "reference"),
            currency,
            contract_value: {
                let v = self.positive(&o, "contractValue");
                self.at_least_one(v, &o, "contractValue");
                v
            },
            locale: self.string(&o, "locale"),
            jurisdiction,
        }
    }

    /// `tender.jurisdiction` (spec §17): an ISO 3166-1 country code, optionally with an ISO 3166-2
    /// subdivision (`GB`, `GB-SCT`, `FR`); absent, `GB` when the currency is GBP, else none.
    /// `UK` is refused rather than read as some other country: the United Kingdom's code is `GB`,
    /// and reading `UK` as "not the UK" would silently drop the UK policy warnings.
    fn jurisdiction(&mut self, o: &super::reader::Obj, currency: &str) -> Option<String> {
        let Some(code) = self.string(o, "jurisdiction") else {
            return (currency == "GBP" && o.get("jurisdiction").is_none()).then(|| "GB".into());
        };
        // Two capitals, then optionally "-" and one to three capitals or digits (ISO 3166-2).
        let b = code.as_bytes();
        let capitals = |x: &[u8]| {
            x.iter()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        };
        let shaped = b.len() >= 2
            && b[..2].iter().all(u8::is_ascii_uppercase)
            && !b.starts_with(b"UK")
            && (b.len() == 2 || (b[2] == b'-' && b.len() <= 6 && b.len() > 3 && capitals(&b[3..])));
        if !shaped {
            self.err(
                ErrorKind::WrongType {
                    expected: "an ISO 3166 code such as GB, GB-WLS or FR (GB for the UK)",
                },
                o.at("jurisdiction"),
            );
            return None;
        }
        Some(code)
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
            let whole = (crate::money::is_whole(d) && d >= Decimal::ZERO && d <= Decimal::TEN)
                .then(|| rust_decimal::prelude::ToPrimitive::to_u32(&d))
                .flatten();
            if let Some(n) = whole {
                r.decimals = n;
            } else {
                self.err(
                    ErrorKind::InvalidDecimals {
                        found: crate::money::Exact(d).to_string(),
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

    pub(super) fn abnormally_low(&mut self, v: Option<&Value>) -> (Decimal, Option<Proximity>) {
        let default = Decimal::from(15);
        let Some(o) = v.and_then(|v| {
            self.obj(
                v,
                "abnormallyLow",
                &[
                    "percent",
                    // §15 the proximity test
                    "proximityPercent",
                    "proximityMin",
                    "proximityMax",
                ],
            )
        }) else {
            return (default, None);
        };
        let percent = self.positive(&o, "percent").unwrap_or(default);
        (percent, self.proximity(&o))
    }

    /// The proximity test of the abnormally low rule (spec §15). A smallest or largest margin
    /// without the percentage would be silently unused, so the percentage is then required.
    fn proximity(&mut self, o: &super::reader::Obj) -> Option<Proximity> {
        let min = self.non_negative(o, "proximityMin");
        let max = self.non_negative(o, "proximityMax");
        if let (Some(lo), Some(hi)) = (min, max) {
            if lo > hi {
                self.err(
                    ErrorKind::ProximityMinAboveMax {
                        min: Plain(lo).to_string(),
                        max: Plain(hi).to_string(),
                    },
                    o.at("proximityMin"),
                );
            }
        }
        let stated = |f: &str| o.get(f).is_some();
        if !stated("proximityPercent") && (stated("proximityMin") || stated("proximityMax")) {
            self.err(
                ErrorKind::MissingField {
                    field: "proximityPercent".into(),
                },
                o.at("proximityPercent"),
            );
        }
        Some(Proximity {
            percent: self.positive(o, "proximityPercent")?,
            min,
            max,
        })
    }

    /// `tieDrawSeed` (spec §16): required, and not blank, when the tie-break rules hold a draw
    /// (last, or reported as misplaced). Without a draw it is kept but unused (the model warns
    /// `tie-draw-seed-unused`).
    fn tie_draw_seed(&mut self, root: &super::reader::Obj, rules: &[TieBreak]) -> Option<String> {
        let seed = self.string(root, "tieDrawSeed");
        let blank = seed.as_deref().is_none_or(|s| s.trim().is_empty());
        // A seed of the wrong type is already reported; only a missing or blank one is reported here.
        if rules.contains(&TieBreak::Draw)
            && blank
            && !matches!(root.get("tieDrawSeed"), Some(v) if v.as_str().is_none())
        {
            self.err(ErrorKind::MissingTieDrawSeed, "tieDrawSeed");
        }
        seed.filter(|s| !s.trim().is_empty())
    }

    pub(super) fn tie_break(&mut self, v: Option<&Value>, t: &Tender) -> Vec<TieBreak> {
        let mut out = Vec::new();
        let Some(v) = v else { return out };
        let Some(list) = self.array(v, "tieBreak") else {
            return out;
        };
        let groups = crate::sorting::names(t.groups().iter().map(|g| g.id.as_str()));
        let leaves = crate::sorting::names(
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
            } else if s == "draw" {
                // §16: a draw leaves no bids equal, so nothing may follow it.
                if i + 1 < list.len() {
                    self.err(ErrorKind::TieDrawNotLast, path.clone());
                }
                Some(TieBreak::Draw)
            } else if let Some(g) = s.strip_prefix("group:").filter(|g| groups.contains(g)) {
                Some(TieBreak::Score(g.into()))
            } else {
                s.strip_prefix("criterion:")
                    .filter(|c| leaves.contains(c))
                    .map(|c| TieBreak::Score(c.into()))
            };
            let broken = crate::text::split_once_byte(s, b':')
                .is_some_and(|(_, id)| self.broken_criteria.contains_key(id));
            match rule {
                Some(r) => out.push(r),
                None if broken => {}
                None => self.err(ErrorKind::UnknownTieBreak { entry: s.into() }, path),
            }
        }
        out
    }
}
