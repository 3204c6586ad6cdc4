//! The published award criteria in Open Contracting Data Standard form: `tender.awardCriteria`
//! (codelist: ratedCriteria, priceOnly, qualityOnly), `awardCriteriaDetails`, and the award
//! criteria breakdown extension's `awardCriteriaBreakdown` (criteria typed price, cost or quality
//! with their weights), ready to paste into a notice. A tender divided into lots also gets
//! `lots` (the lots extension: `id`, `title`, `description`), each with the award criteria
//! breakdown extension's `awardCriteria.criteria`: the same criteria for every lot, as the model
//! is the same (spec §18).

use crate::debrief::share_percent;
use crate::model::*;
use crate::text::Number;
use serde::Serialize;

/// The `tender` object fragment describing how bids are evaluated: `awardCriteria`,
/// `awardCriteriaDetails` and `awardCriteriaBreakdown`, in that order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AwardCriteria {
    /// `priceOnly`, `qualityOnly` or `ratedCriteria`.
    pub award_criteria: &'static str,
    pub award_criteria_details: String,
    /// One breakdown, holding every criterion that carries marks.
    pub award_criteria_breakdown: [Breakdown; 1],
    /// The lots extension's `lots`, each with the same criteria (spec §18); absent without lots.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lots: Vec<Lot>,
}

/// A lot as the lots extension writes it, with the award criteria breakdown extension's
/// `awardCriteria.criteria` (there named `criteria`, not `awardCriteria`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lot {
    pub id: String,
    pub title: String,
    /// Left out rather than null: in OCDS a null would clear a description given before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub award_criteria: LotCriteria,
}

/// A lot's `awardCriteria`: its criteria.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LotCriteria {
    pub criteria: Vec<Criterion>,
}

/// The award criteria breakdown extension's one entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Breakdown {
    pub award_criteria: Vec<Criterion>,
}

/// One award criterion: `price` or `quality`, its name, and its weight as an exact percentage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Criterion {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Absent for price under an award method that does not weight it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numbers: Option<[Weight; 1]>,
}

/// A criterion's weight: `{ "number": 40, "weight": "percentageExact" }`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Weight {
    pub number: Number,
    pub weight: &'static str,
}

/// The `tender` object fragment describing how bids are evaluated.
pub fn award_criteria(t: &Tender) -> AwardCriteria {
    let total = t.max_total();
    let weighted = t.award == AwardMethod::WeightedSum;
    // Built again for each lot rather than cloned: the same few criteria, and no cloning code
    // for them in the engine.
    let criteria = || -> Vec<Criterion> {
        t.leaves()
            .into_iter()
            .filter(|c| c.kind != Kind::PassFail)
            .map(|c| {
                let is_price = matches!(c.kind, Kind::Price { .. });
                let kind = match &c.kind {
                    // A whole-life cost (spec §11) is the notice's "cost": price and the costs of
                    // use over the life cycle.
                    Kind::Price {
                        schedule: Some(s), ..
                    } if s.life_cycle.is_some() => "cost",
                    Kind::Price { .. } => "price",
                    _ => "quality",
                };
                let mut description = c.description.clone();
                let mut numbers = None;
                if t.award == AwardMethod::FictitiousDiscount && !is_price {
                    description = Some(format!(
                        "worth up to {} off the price for full marks{}",
                        crate::money::money(c.marks, &t.info.currency),
                        c.description
                            .as_deref()
                            .map(|d| format!(": {d}"))
                            .unwrap_or_default()
                    ));
                } else if weighted || !is_price {
                    // Every criterion has its share, but price under an award method other than
                    // the weighted sum, which sets price against quality another way.
                    let share =
                        crate::money::parse(&share_percent(c.marks, total)).unwrap_or_default();
                    numbers = Some([Weight {
                        number: Number(crate::money::Plain(share).to_string()),
                        weight: "percentageExact",
                    }]);
                }
                Criterion {
                    kind,
                    name: c.name.clone(),
                    description,
                    numbers,
                }
            })
            .collect()
    };
    let lots = t
        .lots
        .iter()
        .map(|lot| Lot {
            id: lot.id.clone(),
            title: lot.name.clone(),
            description: lot.description.clone(),
            award_criteria: LotCriteria {
                criteria: criteria(),
            },
        })
        .collect();
    let criteria = criteria();
    let has_price = criteria
        .iter()
        .any(|c| c.kind == "price" || c.kind == "cost");
    let has_quality = criteria.iter().any(|c| c.kind == "quality");
    let code = match (has_price, has_quality) {
        (true, false) => "priceOnly",
        (false, true) => "qualityOnly",
        _ => "ratedCriteria",
    };
    AwardCriteria {
        award_criteria: code,
        award_criteria_details: format!(
            "{} ({})",
            crate::award::describe(t.award),
            t.award.as_str()
        ),
        award_criteria_breakdown: [Breakdown {
            award_criteria: criteria,
        }],
        lots,
    }
}

crate::json::json_object!(AwardCriteria {
    "awardCriteria": award_criteria,
    "awardCriteriaDetails": award_criteria_details,
    "awardCriteriaBreakdown": award_criteria_breakdown,
    "lots": lots if empty,
});

crate::json::json_object!(Lot {
    "id": id,
    "title": title,
    "description": description if none,
    "awardCriteria": award_criteria,
});

crate::json::json_object!(LotCriteria { "criteria": criteria });

crate::json::json_object!(Breakdown {
    "awardCriteria": award_criteria,
});

crate::json::json_object!(Criterion {
    "type": kind,
    "name": name,
    "description": description if none,
    "numbers": numbers if none,
});

crate::json::json_object!(Weight {
    "number": number,
    "weight": weight,
});

#[cfg(test)]
mod tests {
    #[test]
    fn weights_are_shares_of_the_marks() {
        let t = crate::read(
            r#"{"format":"bidscore/1","scales":{"s":{"from":0,"to":4,"step":1}},
            "criteria":[{"id":"gate","kind":"pass-fail","name":"Insurance"},
              {"id":"price","kind":"price","name":"Price","weight":30},
              {"id":"q","kind":"scored","name":"Quality","weight":45,"scale":"s"},
              {"id":"sv","kind":"scored","name":"Social value","weight":25,"scale":"s"}]}"#,
        )
        .unwrap();
        let v = serde_json::to_value(super::award_criteria(&t)).unwrap();
        assert_eq!(v["awardCriteria"], "ratedCriteria");
        let c = &v["awardCriteriaBreakdown"][0]["awardCriteria"];
        assert_eq!(c.as_array().unwrap().len(), 3); // the gate is not an award criterion
        assert_eq!(c[0]["type"], "price");
        assert_eq!(c[0]["numbers"][0]["number"].to_string(), "30");
        assert_eq!(c[1]["numbers"][0]["weight"], "percentageExact");
        assert_eq!(c[2]["numbers"][0]["number"].to_string(), "25");
        assert!(v.get("lots").is_none(), "no lots without lots");
    }

    #[test]
    fn each_lot_carries_the_award_criteria() {
        let t = crate::read(
            r#"{"format":"bidscore/1",
            "criteria":[{"id":"price","kind":"price","name":"Price","weight":100}],
            "lots":[{"id":"n","name":"Lot 1: North","description":"North of the river"},
                    {"id":"s","name":"Lot 2: South"}]}"#,
        )
        .unwrap();
        let v = serde_json::to_value(super::award_criteria(&t)).unwrap();
        assert_eq!(v["awardCriteria"], "priceOnly");
        let lots = v["lots"].as_array().unwrap();
        assert_eq!(lots.len(), 2);
        assert_eq!(lots[0]["id"], "n");
        assert_eq!(lots[0]["title"], "Lot 1: North");
        assert_eq!(lots[0]["description"], "North of the river");
        assert!(lots[1].get("description").is_none());
        let c = &lots[1]["awardCriteria"]["criteria"];
        assert_eq!(c[0]["type"], "price");
        assert_eq!(c[0]["numbers"][0]["number"].to_string(), "100");
    }

    #[test]
    fn a_whole_life_cost_is_published_as_cost() {
        let t = crate::read(
            r#"{"format":"bidscore/1","criteria":[{"id":"price","kind":"price","name":"Whole-life cost",
              "weight":100,"lifeCycle":{"years":10,"discountRate":"0.035"},
              "schedule":[{"id":"buy","name":"Purchase"},{"id":"run","name":"Running","perYear":true}]}]}"#,
        )
        .unwrap();
        let v = serde_json::to_value(super::award_criteria(&t)).unwrap();
        assert_eq!(v["awardCriteria"], "priceOnly");
        assert_eq!(
            v["awardCriteriaBreakdown"][0]["awardCriteria"][0]["type"],
            "cost"
        );
    }
}
