//! The bids: each bid's supplier, price, gates, evaluators' scores, numeric values and social
//! value commitments, checked against the criteria they name.

use super::json::Value;
use super::limits::*;
use super::reader::{index, join, Reader};
use crate::error::ErrorKind;
use crate::model::*;
use crate::sorting::{names, Keyed};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// What reading a bid needs of the model: the leaf criteria by id, the measures, and the price
/// schedule with its lines.
pub(super) struct BidCtx<'t> {
    leaves: Keyed<'t, &'t Criterion>,
    measures: Keyed<'t, ()>,
    schedule: Option<(&'t str, &'t Schedule)>,
    lines: Keyed<'t, ()>,
}

impl<'t> BidCtx<'t> {
    pub(super) fn of(t: &'t Tender) -> BidCtx<'t> {
        let leaves = Keyed::of(t.leaves().into_iter().map(|c| (c.id.as_str(), c)));
        let measures = names(t.measures.iter().map(|m| m.id.as_str()));
        let schedule = t.leaves().into_iter().find_map(|c| match &c.kind {
            Kind::Price {
                schedule: Some(s), ..
            } => Some((c.id.as_str(), &**s)),
            _ => None,
        });
        let lines = names(
            schedule
                .iter()
                .flat_map(|(_, s)| s.lines.iter().map(|l| l.id.as_str())),
        );
        BidCtx {
            leaves,
            measures,
            schedule,
            lines,
        }
    }
}

impl Reader {
    pub(super) fn bids(&mut self, v: &Value, t: &Tender) -> Vec<Bid> {
        let mut out: Vec<Bid> = Vec::new();
        let Some(list) = self.array(v, "bids") else {
            return out;
        };
        let ctx = BidCtx::of(t);
        self.count(list.len(), MAX_BIDS, "bids", "bids");
        let mut bid_ids = IdSet::new();
        for (i, b) in list.iter().enumerate() {
            out.extend(self.bid(i, b, &ctx, &mut bid_ids));
        }
        out
    }

    /// Bid `i` of the list, or `None` when it has no id (each error reported); `bid_ids` holds
    /// the ids of the bids before it, and gets its own.
    pub(super) fn bid(
        &mut self,
        i: usize,
        b: &Value,
        ctx: &BidCtx,
        bid_ids: &mut IdSet,
    ) -> Option<Bid> {
        let BidCtx {
            leaves,
            measures,
            schedule,
            lines,
        } = ctx;
        let schedule = *schedule;
        let path = index("bids", i);
        let o = self.obj(
            b,
            &path,
            &[
                "id",
                "supplier",
                "price",
                "prices",
                "gates",
                "scores",
                "values",
                "commitments",
                "note",
                "hypothetical",
                "lot",
            ],
        )?;
        let id = self.id(&o);
        if let Some(id) = &id {
            // A set, not a scan of the bids read so far: that made reading quadratic.
            if !bid_ids.add(id.clone()) {
                self.err(ErrorKind::DuplicateId { id: id.clone() }, o.at("id"));
            }
        }
        let supplier = self.string(&o, "supplier");
        let prices = self.bid_prices(&o, schedule, lines);
        let price = match schedule {
            Some(_) => None,
            None => self.positive(&o, "price"),
        };
        let hypothetical = match o.get("hypothetical") {
            Some(h) => self.boolean(h, &o.at("hypothetical")).unwrap_or(false),
            None => false,
        };
        let note = self.string(&o, "note");
        let lot = self.bid_lot(&o);

        let mut gates = Vec::new();
        let gates_at = o.at("gates");
        if let Some(m) = o.get("gates").and_then(|g| self.map(g, &gates_at)) {
            for (cid, val) in m {
                let p = || join(&gates_at, cid);
                if val.is_null() || self.expect_kind(leaves, cid, "pass-fail", &p).is_none() {
                    continue;
                }
                match val.as_bool() {
                    Some(b) => {
                        gates.push((cid.to_string(), b));
                    }
                    None => {
                        self.boolean(val, &p());
                    }
                }
            }
        }

        let mut scores = Vec::new();
        let scores_at = o.at("scores");
        if let Some(m) = o.get("scores").and_then(|s| self.map(s, &scores_at)) {
            for (cid, val) in m {
                // Paths are put together only for an error: a large tender holds hundreds
                // of thousands of scores, nearly all of them fine.
                let p = || join(&scores_at, cid);
                // `null` is absent (as for gates, values and commitments): not scored yet.
                if val.is_null() {
                    continue;
                }
                let Some(Criterion {
                    kind: Kind::Scored { scale, .. },
                    ..
                }) = self.expect_kind(leaves, cid, "scored", &p)
                else {
                    continue;
                };
                if let Some(marking) = self.marking(val, &scores_at, cid, scale) {
                    scores.push((cid.to_string(), marking));
                }
            }
        }

        let mut values = Vec::new();
        let values_at = o.at("values");
        if let Some(m) = o.get("values").and_then(|s| self.map(s, &values_at)) {
            for (cid, val) in m {
                let p = || join(&values_at, cid);
                if val.is_null() || self.expect_kind(leaves, cid, "numeric", &p).is_none() {
                    continue;
                }
                let Some(d) = self.decimal_at(val, p) else {
                    continue;
                };
                let needs_positive = matches!(
                    leaves.get(cid).map(|c| &c.kind),
                    Some(Kind::Numeric {
                        direction: Direction::Lower,
                        formula: NumericFormula::RelativeToBest
                            | NumericFormula::Price(
                                Formula::LowestRatio | Formula::ReferenceRatio { .. }
                            ),
                        ..
                    })
                );
                if needs_positive && d <= Decimal::ZERO {
                    self.err(
                        ErrorKind::NotPositive {
                            found: crate::money::Exact(d).to_string(),
                        },
                        p(),
                    );
                } else if d < Decimal::ZERO {
                    self.err(
                        ErrorKind::Negative {
                            found: crate::money::Exact(d).to_string(),
                        },
                        p(),
                    );
                } else {
                    values.push((cid.to_string(), d));
                }
            }
        }

        let mut commitments = Vec::new();
        let commitments_at = o.at("commitments");
        if let Some(m) = o
            .get("commitments")
            .and_then(|s| self.map(s, &commitments_at))
        {
            for (mid, val) in m {
                let p = || join(&commitments_at, mid);
                if val.is_null() {
                    continue;
                }
                if !measures.contains(mid) {
                    if !self.broken_measures.contains_key(mid) {
                        self.err(
                            ErrorKind::UnknownMeasure {
                                id: mid.to_string(),
                            },
                            p(),
                        );
                    }
                    continue;
                }
                let Some(d) = self.decimal_at(val, p) else {
                    continue;
                };
                if d < Decimal::ZERO {
                    self.err(
                        ErrorKind::Negative {
                            found: crate::money::Exact(d).to_string(),
                        },
                        p(),
                    );
                } else {
                    commitments.push((mid.to_string(), d));
                }
            }
        }

        let id = id?;
        Some(Bid {
            supplier: supplier.unwrap_or_else(|| id.clone()),
            id,
            price,
            prices,
            // Sorted once each (IdMap's collect), whatever order the file gives.
            gates: gates.into_iter().collect(),
            scores: scores.into_iter().collect(),
            values: values.into_iter().collect(),
            commitments: commitments.into_iter().collect(),
            note,
            hypothetical,
            lot,
        })
    }

    /// Checks that a bid's input names a criterion of the right kind: that criterion, or `None`
    /// with the error reported.
    pub(super) fn expect_kind<'c>(
        &mut self,
        leaves: &Keyed<&'c Criterion>,
        id: &str,
        kind: &'static str,
        path: &dyn Fn() -> String,
    ) -> Option<&'c Criterion> {
        match leaves.get(id).copied() {
            None => {
                if !self.broken_criteria.contains_key(id) {
                    self.err(ErrorKind::UnknownCriterion { id: id.into() }, path());
                }
                None
            }
            Some(c) if c.kind.as_str() != kind => {
                self.err(
                    ErrorKind::WrongInputKind {
                        id: id.into(),
                        kind: c.kind.as_str(),
                    },
                    path(),
                );
                None
            }
            c => c,
        }
    }

    /// A bid's marking of the scored criterion `id`, found under `id` in the object at `scores`.
    /// Its path is put together only for an error.
    pub(super) fn marking(
        &mut self,
        v: &Value,
        scores: &str,
        id: &str,
        scale: &Scale,
    ) -> Option<Marking> {
        // A bare score (`"q-delivery": 4`) is the panel's moderated score: what a buyer entering
        // only the agreed scores writes.
        if let Value::Number(_) | Value::String(_) = v {
            return Some(Marking {
                moderated: Some(self.on_scale(v, || join(scores, id), scale)?),
                ..Marking::default()
            });
        }
        let o = self.obj_at(
            v,
            Cow::Borrowed(scores),
            Some(id),
            &["evaluators", "moderated", "rationale"],
        )?;
        let mut m = Marking {
            rationale: self.string(&o, "rationale"),
            ..Marking::default()
        };
        if let Some(ev) = o.get("evaluators") {
            let at = || o.at("evaluators");
            if let Some(ev) = self.map_at(ev, &at) {
                if ev.len() > MAX_EVALUATORS {
                    self.count(ev.len(), MAX_EVALUATORS, "evaluators", &at());
                }
                for (name, val) in ev {
                    self.key_name(name, &|| join(&at(), name));
                    if val.is_null() {
                        continue;
                    }
                    if let Some(s) = self.on_scale(val, || join(&at(), name), scale) {
                        m.evaluators.push((name.to_string(), s));
                    }
                }
            }
        }
        if let Some(val) = o.get("moderated") {
            m.moderated = self.on_scale(val, || o.at("moderated"), scale);
        }
        Some(m)
    }

    pub(super) fn on_scale(
        &mut self,
        v: &Value,
        path: impl Fn() -> String,
        scale: &Scale,
    ) -> Option<Decimal> {
        let d = self.decimal_at(v, &path)?;
        if !scale.contains(d) {
            self.err(
                ErrorKind::ScoreOffScale {
                    score: crate::money::plain(d),
                    scale: scale.name.clone(),
                },
                path(),
            );
            return None;
        }
        Some(d)
    }
}
