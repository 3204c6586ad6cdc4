//! The published award criteria in Open Contracting Data Standard form: `tender.awardCriteria`
//! (codelist: ratedCriteria, priceOnly, qualityOnly), `awardCriteriaDetails`, and the award
//! criteria breakdown extension's `awardCriteriaBreakdown` (criteria typed price, cost or quality
//! with their weights), ready to paste into a notice. A tender divided into lots also gets
//! `lots` (the lots extension: `id`, `title`, `description`), each with the award criteria
//! breakdown extension's `awardCriteria.criteria`: the same criteria for every lot, as the model
//! is the same (spec §18).

use crate::debrief::share_percent;
use crate::model::*;
use serde_json::{json, Value};

/// The `tender` object fragment describing how bids are evaluated.
pub fn award_criteria(t: &Tender) -> Value {
    let total = t.max_total();
    let weighted = t.award == AwardMethod::WeightedSum;
    let criteria: Vec<Value> = t
        .leaves()
        .into_iter()
        .filter(|c| c.kind != Kind::PassFail)
        .map(|c| {
            let kind = match c.kind {
                Kind::Price { .. } => "price",
                _ => "quality",
            };
            let mut v = json!({ "type": kind, "name": c.name });
            if let Some(d) = &c.description {
                v["description"] = json!(d);
            }
            let priced_out = matches!(c.kind, Kind::Price { .. }) && !weighted;
            if t.award == AwardMethod::FictitiousDiscount && !matches!(c.kind, Kind::Price { .. }) {
                v["description"] = json!(format!(
                    "worth up to {} off the price for full marks{}",
                    crate::money::money(c.marks, &t.info.currency),
                    c.description
                        .as_deref()
                        .map(|d| format!(": {d}"))
                        .unwrap_or_default()
                ));
            } else if !priced_out {
                // A JSON number written from the decimal digits (no float on the way).
                let number: serde_json::Number =
                    crate::money::Plain(share_percent(c.marks, total).parse().unwrap_or_default())
                        .to_string()
                        .parse()
                        .unwrap_or_else(|_| serde_json::Number::from(0));
                v["numbers"] = json!([{ "number": number, "weight": "percentageExact" }]);
            }
            v
        })
        .collect();
    let has_price = criteria.iter().any(|c| c["type"] == "price");
    let has_quality = criteria.iter().any(|c| c["type"] == "quality");
    let code = match (has_price, has_quality) {
        (true, false) => "priceOnly",
        (false, true) => "qualityOnly",
        _ => "ratedCriteria",
    };
    let lots: Vec<Value> = t
        .lots
        .iter()
        .map(|lot| {
            let mut v = json!({ "id": lot.id, "title": lot.name,
                                "awardCriteria": { "criteria": criteria } });
            // Left out rather than null: in OCDS a null would clear a description given before.
            if let Some(d) = &lot.description {
                v["description"] = json!(d);
            }
            v
        })
        .collect();
    let mut out = json!({
        "awardCriteria": code,
        "awardCriteriaDetails": format!("{} ({})", crate::award::describe(t.award), t.award.as_str()),
        "awardCriteriaBreakdown": [ { "awardCriteria": criteria } ]
    });
    if !lots.is_empty() {
        out["lots"] = Value::Array(lots);
    }
    out
}

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
        let v = super::award_criteria(&t);
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
        let v = super::award_criteria(&t);
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
}
