//! Scales and social value measures: the named vocabularies that criteria and bids refer to, read
//! before the criteria so every reference can be checked.

use super::json::Value;
use super::limits::*;
use super::reader::{index, join, Reader};
use crate::error::ErrorKind;
use crate::model::*;
use crate::money::{minus, plus, Plain};
use rust_decimal::Decimal;

impl Reader {
    pub(super) fn scales(&mut self, v: Option<&Value>) -> IdMap<Scale> {
        let mut out = IdMap::new();
        let Some(v) = v else { return out };
        let Some(map) = self.map(v, "scales") else {
            return out;
        };
        for (name, s) in map {
            let path = join("scales", name);
            self.key_name(name, &|| path.clone());
            match self.scale(name, s, &path) {
                Some(scale) => {
                    out.insert(name.to_string(), scale);
                }
                None => {
                    self.broken_scales.add(name.to_string());
                }
            }
        }
        out
    }

    pub(super) fn scale(&mut self, name: &str, v: &Value, path: &str) -> Option<Scale> {
        let o = self.obj(v, path, &["points", "from", "to", "step", "description"])?;
        if let Some(points) = o.get("points") {
            let list = self.array(points, &o.at("points"))?;
            if list.len() > MAX_SCALE_POINTS {
                self.count(list.len(), MAX_SCALE_POINTS, "points", &o.at("points"));
                return None;
            }
            let mut out: Vec<ScalePoint> = Vec::new();
            let errors_before = self.errors.len();
            for (i, p) in list.iter().enumerate() {
                let pp = index(&o.at("points"), i);
                let Some(po) = self.obj(p, &pp, &["value", "label", "descriptor"]) else {
                    continue;
                };
                if po.get("value").is_none() {
                    self.err(
                        ErrorKind::MissingField {
                            field: "value".into(),
                        },
                        po.at("value"),
                    );
                    continue;
                }
                let Some(value) = self.non_negative(&po, "value") else {
                    continue;
                };
                if out.iter().any(|q| q.value == value) {
                    self.err(
                        ErrorKind::InvalidScale {
                            reason: "two points have the same value",
                        },
                        po.at("value"),
                    );
                    continue;
                }
                out.push(ScalePoint {
                    value,
                    label: self.text(&po, "label"),
                    descriptor: self.text(&po, "descriptor"),
                });
            }
            if self.errors.len() > errors_before {
                return None;
            }
            crate::sorting::sort(&mut out, &|a, b| a.value.cmp(&b.value));
            if out.len() < 2 {
                self.err(
                    ErrorKind::InvalidScale {
                        reason: "a scale needs at least two points",
                    },
                    o.at("points"),
                );
                return None;
            }
            if out.last().map(|p| p.value) == Some(Decimal::ZERO) {
                self.err(
                    ErrorKind::InvalidScale {
                        reason: "the top point must be worth more than zero",
                    },
                    o.at("points"),
                );
                return None;
            }
            return Some(Scale {
                name: name.into(),
                points: ScalePoints::Points(out),
            });
        }
        let (Some(_), Some(_), Some(_)) = (o.get("from"), o.get("to"), o.get("step")) else {
            self.err(
                ErrorKind::InvalidScale {
                    reason: "give either \"points\" or all of \"from\", \"to\" and \"step\"",
                },
                path,
            );
            return None;
        };
        let from = self.non_negative(&o, "from");
        let to = self.decimal(&o, "to");
        let step = self.positive(&o, "step");
        let (from, to, step) = (from?, to?, step?);
        if to <= from {
            self.err(
                ErrorKind::InvalidScale {
                    reason: "\"to\" must be more than \"from\"",
                },
                o.at("to"),
            );
            return None;
        }
        if !range_has_two_points(from, to, step) {
            self.err(
                ErrorKind::InvalidScale {
                    reason: "a scale needs at least two points",
                },
                o.at("step"),
            );
            return None;
        }
        // At most 10^12 / 10^-10 = 10^22 steps: an exact decimal holds that.
        let points = minus(to, from)
            .checked_div(step)
            .map(|n| plus(crate::money::floor(n), Decimal::ONE));
        if points.is_none_or(|n| n > Decimal::from(MAX_SCALE_POINTS)) {
            let found = points.map(|n| Plain(n).to_string()).unwrap_or_default();
            self.errors
                .push(too_large("points", MAX_SCALE_POINTS, found, o.at("step")));
            return None;
        }
        Some(Scale {
            name: name.into(),
            points: ScalePoints::Range { from, to, step },
        })
    }

    pub(super) fn measures(&mut self, v: Option<&Value>) -> Vec<Measure> {
        let mut out: Vec<Measure> = Vec::new();
        let Some(v) = v else { return out };
        let Some(list) = self.array(v, "measures") else {
            return out;
        };
        self.count(list.len(), MAX_MEASURES, "measures", "measures");
        let mut ids = IdSet::new();
        for (i, m) in list.iter().enumerate() {
            let path = index("measures", i);
            let Some(o) = self.obj(
                m,
                &path,
                &["id", "name", "unit", "proxy", "source", "licence"],
            ) else {
                continue;
            };
            let id = self.id(&o);
            let name = self.required_text(&o, "name");
            let unit = self.required_text(&o, "unit");
            let proxy = if o.get("proxy").is_none() {
                self.err(
                    ErrorKind::MissingField {
                        field: "proxy".into(),
                    },
                    o.at("proxy"),
                );
                None
            } else {
                self.non_negative(&o, "proxy")
            };
            let source = self.text(&o, "source");
            let licence = self.string(&o, "licence");
            if let Some(id) = &id {
                if !ids.add(id.clone()) {
                    self.err(ErrorKind::DuplicateId { id: id.clone() }, o.at("id"));
                    continue;
                }
            }
            match (id, name, unit, proxy) {
                (Some(id), Some(name), Some(unit), Some(proxy)) => out.push(Measure {
                    id,
                    name,
                    unit,
                    proxy,
                    source,
                    licence,
                }),
                (Some(id), ..) => {
                    self.broken_measures.add(id);
                }
                _ => {}
            }
        }
        out
    }
}

/// Whether the range `from`, `from + step`, … up to `to` has a second point: `{"from": 0, "to": 4,
/// "step": 5}` holds only 0, so its top is worth nothing and scores on it divide by zero. `to` and
/// `from` are at most 10^12 and `step` at least 10^-10, so the sum fits.
fn range_has_two_points(from: Decimal, to: Decimal, step: Decimal) -> bool {
    plus(from, step) <= to
}
