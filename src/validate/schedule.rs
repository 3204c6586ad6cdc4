//! Price schedules (spec §11): the lines of a price criterion's schedule, its whole-life cost
//! settings, and each bid's rates checked against the lines.

use super::json::Value;
use super::limits::*;
use super::reader::{index, join, Obj, Reader};
use crate::error::ErrorKind;
use crate::model::*;
use rust_decimal::Decimal;

/// The most years a whole-life cost may run: longer than any asset a public buyer appraises.
const MAX_YEARS: u32 = 100;

impl Reader {
    /// The schedule of the price criterion `o` (with id `id`), if it has one: `Some(None)` for
    /// none, `None` when the schedule or its life cycle is in error. `above` is the criterion's
    /// `aboveCeiling`, which also says what a rate above its line's `max` does.
    pub(super) fn schedule(
        &mut self,
        o: &Obj,
        id: &str,
        above: AboveCeiling,
    ) -> Option<Option<Box<Schedule>>> {
        let before = self.errors.len();
        let life_cycle = |r: &mut Self| {
            o.get("lifeCycle")
                .and_then(|v| r.life_cycle(v, &o.at("lifeCycle")))
        };
        let Some(v) = o.get("schedule") else {
            if o.get("lifeCycle").is_some() {
                life_cycle(self);
                self.err(
                    ErrorKind::LifeCycleUnused { id: id.into() },
                    o.at("lifeCycle"),
                );
            }
            return (self.errors.len() == before).then_some(None);
        };
        let at = o.at("schedule");
        let Some(list) = self.array(v, &at) else {
            life_cycle(self);
            return None;
        };
        self.count(list.len(), MAX_PRICE_LINES, "price lines", &at);
        if list.is_empty() {
            self.err(ErrorKind::EmptySchedule { id: id.into() }, &at);
        }
        let mut lines = Vec::with_capacity(list.len());
        // Where each line read is in the list (a line in error is left out).
        let mut places = Vec::with_capacity(list.len());
        let mut ids = IdSet::new();
        let mut complete = true;
        for (i, item) in list.iter().enumerate() {
            match self.price_line(item, &index(&at, i), &mut ids) {
                Some(line) => {
                    lines.push(line);
                    places.push(i);
                }
                None => complete = false,
            }
        }
        if complete && !lines.is_empty() && lines.iter().all(|l| l.optional) {
            self.err(ErrorKind::EmptySchedule { id: id.into() }, &at);
        }
        let life_cycle = life_cycle(self);
        let per_year = lines.iter().any(|l| l.per_year);
        if o.get("lifeCycle").is_some() && !per_year && complete {
            self.err(
                ErrorKind::LifeCycleUnused { id: id.into() },
                o.at("lifeCycle"),
            );
        }
        if o.get("lifeCycle").is_none() {
            for (line, &place) in lines.iter().zip(&places).filter(|(l, _)| l.per_year) {
                self.err(
                    ErrorKind::MissingLifeCycle {
                        line: line.id.clone(),
                    },
                    join(&index(&at, place), "perYear"),
                );
            }
        }
        if self.errors.len() > before {
            return None;
        }
        Some(Some(Box::new(Schedule {
            lines,
            life_cycle: life_cycle.filter(|_| per_year),
            above_max: above,
        })))
    }

    /// One line of a schedule; `None` when it is in error (its errors recorded).
    fn price_line(&mut self, v: &Value, path: &str, ids: &mut IdSet) -> Option<PriceLine> {
        let before = self.errors.len();
        let o = self.obj(
            v,
            path,
            &[
                "id", "name", "quantity", "unit", "income", "max", "optional", "perYear",
            ],
        )?;
        let id = self.id(&o);
        if let Some(id) = &id {
            if !ids.add(id.clone()) {
                self.err(ErrorKind::DuplicateId { id: id.clone() }, o.at("id"));
            }
        }
        let name = self.required_text(&o, "name");
        let quantity = self.positive(&o, "quantity");
        let unit = self.text(&o, "unit");
        let flag = |r: &mut Self, field: &str| match o.get(field) {
            Some(v) => r.boolean(v, &o.at(field)).unwrap_or(false),
            None => false,
        };
        let income = flag(self, "income");
        let optional = flag(self, "optional");
        let per_year = flag(self, "perYear");
        let max = self.non_negative(&o, "max");
        if self.errors.len() > before {
            return None;
        }
        Some(PriceLine {
            id: id?,
            name: name?,
            quantity: quantity.unwrap_or(Decimal::ONE),
            unit,
            income,
            max,
            optional,
            per_year,
        })
    }

    /// `lifeCycle`: `years` (a whole number from 1 to 100) and `discountRate` (0 up to 1).
    fn life_cycle(&mut self, v: &Value, path: &str) -> Option<LifeCycle> {
        let o = self.obj(v, path, &["years", "discountRate"])?;
        let required = |r: &mut Self, field: &str| {
            if o.get(field).is_none() {
                r.err(
                    ErrorKind::MissingField {
                        field: field.into(),
                    },
                    o.at(field),
                );
                return None;
            }
            r.decimal(&o, field)
        };
        let years = required(self, "years").and_then(|y| {
            let whole = (crate::money::is_whole(y) && y >= Decimal::ONE)
                .then(|| rust_decimal::prelude::ToPrimitive::to_u32(&y))
                .flatten()
                .filter(|n| *n <= MAX_YEARS);
            if whole.is_none() {
                self.err(
                    ErrorKind::InvalidYears {
                        found: crate::money::plain(y),
                    },
                    o.at("years"),
                );
            }
            whole
        });
        let rate = required(self, "discountRate").and_then(|r| {
            if r < Decimal::ZERO || r >= Decimal::ONE {
                self.err(
                    ErrorKind::InvalidDiscountRate {
                        found: crate::money::plain(r),
                    },
                    o.at("discountRate"),
                );
                return None;
            }
            Some(r)
        });
        LifeCycle::new(years?, rate?)
    }

    /// A bid's `prices` (line id → rate, zero or more) under the price criterion's schedule
    /// (`schedule`: its criterion id and the schedule), and whether the bid's `price` fits.
    pub(super) fn bid_prices(
        &mut self,
        o: &Obj,
        schedule: Option<(&str, &Schedule)>,
        lines: &crate::sorting::Keyed<()>,
    ) -> IdMap<Decimal> {
        let mut out = Vec::new();
        if let (Some((id, _)), Some(_)) = (schedule, o.get("price")) {
            self.err(
                ErrorKind::PriceWithSchedule { id: id.into() },
                o.at("price"),
            );
        }
        let Some(v) = o.get("prices") else {
            return IdMap::new();
        };
        let at = o.at("prices");
        if schedule.is_none() {
            if !self.broken_schedule {
                self.err(
                    ErrorKind::UnknownField {
                        field: "prices".into(),
                        suggestion: Some("price".into()),
                    },
                    at,
                );
            }
            return IdMap::new();
        }
        let Some(m) = self.map(v, &at) else {
            return IdMap::new();
        };
        for (line, val) in m {
            if val.is_null() {
                continue;
            }
            let p = || join(&at, line);
            if !lines.contains(line) {
                self.err(
                    ErrorKind::UnknownPriceLine {
                        id: line.to_string(),
                    },
                    p(),
                );
                continue;
            }
            let Some(rate) = self.decimal_at(val, p) else {
                continue;
            };
            if rate < Decimal::ZERO {
                self.err(
                    ErrorKind::Negative {
                        found: crate::money::Exact(rate).to_string(),
                    },
                    p(),
                );
            } else {
                out.push((line.to_string(), rate));
            }
        }
        out.into_iter().collect()
    }
}
