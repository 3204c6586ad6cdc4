//! Assessment summaries: the content the Procurement Act requires, taken from the evaluation and
//! the evaluators' rationale. Expected texts come from the example tender's own inputs.

use bidscore::debrief::debriefs;
use serde_json::Value;

fn example(name: &str) -> (bidscore::Tender, Value) {
    let path = format!("{}/www/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("example exists");
    let raw: Value = serde_json::from_str(&text).unwrap();
    (bidscore::read(&text).expect("valid example"), raw)
}

#[test]
fn every_assessed_supplier_gets_its_scores_explanations_and_the_winners() {
    let (t, raw) = example("council-wellbeing.json");
    let e = bidscore::evaluate(&t);
    let all = debriefs(&t, &e);
    assert_eq!(all.len(), 4, "one per bid");
    let b1 = all.iter().find(|d| d.bid == "b1").unwrap();
    // Scores and totals are the evaluation's, to the digit.
    let r1 = e.bids.iter().find(|b| b.id == "b1").unwrap();
    assert_eq!(b1.total, r1.total);
    assert_eq!(b1.rank, Some(2));
    for c in &b1.criteria {
        let official = r1.criteria.iter().find(|x| *x.id == c.id).unwrap();
        assert_eq!(c.score.as_deref(), official.score.as_deref(), "{}", c.id);
    }
    // The explanation of a judged score is the rationale recorded in the file.
    let rationale = raw["bids"][0]["scores"]["q-delivery"]["rationale"]
        .as_str()
        .unwrap();
    let q = b1.criteria.iter().find(|c| c.id == "q-delivery").unwrap();
    assert_eq!(q.explanation, rationale);
    assert_eq!((q.max.as_str(), q.weight_percent.as_str()), ("30", "30.00"));
    assert!(
        q.assessed.contains("a score below 2 disqualifies"),
        "{}",
        q.assessed
    );
    // The winner's score and rationale sit alongside.
    let winner_rationale = raw["bids"][2]["scores"]["q-delivery"]["rationale"]
        .as_str()
        .unwrap();
    assert_eq!(b1.winner.as_ref().map(|w| w.bid.as_str()), Some("b3"));
    assert_eq!(q.winner_explanation.as_deref(), Some(winner_rationale));
    let winner_official = e.bids.iter().find(|b| b.id == "b3").unwrap();
    assert_eq!(
        q.winner_score.as_deref(),
        winner_official.criteria[1].score.as_deref()
    );
    // Calculated criteria are explained by their working.
    let price = b1.criteria.iter().find(|c| c.id == "price").unwrap();
    assert_eq!(price.explanation, r1.criteria[0].working);
    // Sub-totals, with the winner's.
    let quality = b1.groups.iter().find(|g| g.id == "quality").unwrap();
    assert_eq!(
        quality.winner_score.as_deref(),
        Some(winner_official.groups[0].score.as_str())
    );
    // The plain text says all of it.
    for needle in [
        "Supplier: Northside Community CIC",
        "Your tender was ranked 2 of 3.",
        &format!("Your total score: {} out of 100", r1.total),
        rationale,
        winner_rationale,
        "Sub-totals",
    ] {
        assert!(
            b1.text.contains(needle),
            "missing {needle:?} in\n{}",
            b1.text
        );
    }
    // The winner's own summary names no other winner.
    let b3 = all.iter().find(|d| d.bid == "b3").unwrap();
    assert!(b3.winner.is_none());
    assert!(b3
        .text
        .contains("Your tender is the most advantageous tender."));
    // A disqualified bid is told why.
    let b4 = all.iter().find(|d| d.bid == "b4").unwrap();
    assert!(
        b4.text.contains(
            "Your tender was not ranked: scored 1 on \"Service delivery\"; the minimum is 2"
        ),
        "{}",
        b4.text
    );
    assert!(all.iter().all(|d| d.missing_rationales.is_empty()));
}

#[test]
fn a_missing_rationale_is_flagged() {
    let (_, mut raw) = example("council-wellbeing.json");
    raw["bids"][1]["scores"]["q-staffing"]
        .as_object_mut()
        .unwrap()
        .remove("rationale");
    let t = bidscore::read(&raw.to_string()).unwrap();
    let e = bidscore::evaluate(&t);
    let all = debriefs(&t, &e);
    let b2 = all.iter().find(|d| d.bid == "b2").unwrap();
    assert_eq!(b2.missing_rationales, vec!["q-staffing".to_string()]);
    let c = b2.criteria.iter().find(|c| c.id == "q-staffing").unwrap();
    assert_eq!(c.explanation, "no rationale was recorded for this score");
    assert!(all
        .iter()
        .filter(|d| d.bid != "b2")
        .all(|d| d.missing_rationales.is_empty()));
}

#[test]
fn hypothetical_bids_get_no_summary() {
    let (_, mut raw) = example("council-wellbeing.json");
    raw["bids"][3]["hypothetical"] = Value::Bool(true);
    let t = bidscore::read(&raw.to_string()).unwrap();
    let e = bidscore::evaluate(&t);
    assert!(debriefs(&t, &e).iter().all(|d| d.bid != "b4"));
}

// §11 price schedules

#[test]
fn a_summary_under_a_price_schedule_shows_how_each_evaluated_price_was_formed() {
    let path = format!(
        "{}/tests/fixtures/schedule-income-line.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let t = bidscore::read(&fixture["tender"].to_string()).unwrap();
    let e = bidscore::evaluate(&t);
    let all = debriefs(&t, &e);
    let a = all.iter().find(|d| d.bid == "a").unwrap();
    let price = a.criteria.iter().find(|c| c.id == "price").unwrap();
    // How the price was assessed names the schedule: 2 cost lines, less 1 income line.
    assert!(
        price.assessed.contains(
            "the evaluated price is the sum of each rate × its published quantity over 2 cost lines, less the same over 1 income line"
        ),
        "{}",
        price.assessed
    );
    // Its own evaluated price and the winner's (b), each with every product, then the score.
    assert_eq!(
        price.explanation,
        "evaluated price 48 × £400.00 + 12 × £250.00 − 200 × £5.00 = £21,200.00; 60 × £19,440.00 ÷ £21,200.00 = 55.02"
    );
    assert_eq!(
        price.winner_explanation.as_deref(),
        Some("evaluated price 48 × £380.00 + 12 × £300.00 − 200 × £12.00 = £19,440.00; 60 × £19,440.00 ÷ £19,440.00 = 60.00")
    );
    assert!(
        a.text.contains("Explanation: evaluated price 48 × £400.00"),
        "{}",
        a.text
    );
}

#[test]
fn a_fictitious_discount_summary_gives_the_price_its_working_and_money_with_its_currency() {
    // Youthlink (f1): price £900,000; quality discount £90,000 + £50,000 + £30,000 = £170,000
    // out of £300,000; fictitious price £900,000 − £170,000 = £730,000 (the fixture's figures).
    let (t, _) = example("award-fictitious-discount.json");
    let e = bidscore::evaluate(&t);
    let all = debriefs(&t, &e);
    let f1 = all.iter().find(|d| d.bid == "f1").unwrap();
    assert_eq!(f1.price.as_deref(), Some("900000.00"));
    assert_eq!(
        f1.value_working.as_deref(),
        Some("£900,000.00 − £170,000.00 quality discount = £730,000.00 fictitious price")
    );
    for needle in [
        "Your price: £900,000.00",
        "Your quality discount: £170,000.00 out of £300,000.00",
        "Your fictitious price: £730,000.00, worked out as £900,000.00 − £170,000.00 quality discount = £730,000.00 fictitious price",
        "Approach to engaging young people (Quality): worth up to £150,000.00, 50.00% of the total",
        "money value × score ÷ 10",
        "  Your discount: £90,000.00 (",
        "  Quality: £140,000.00 out of £250,000.00",
    ] {
        assert!(f1.text.contains(needle), "missing {needle:?} in\n{}", f1.text);
    }
    // Money is never called marks, and no figure of the summary's own is written bare.
    assert!(!f1.text.contains("marks"), "{}", f1.text);
    assert!(!f1.text.contains("out of 300000"), "{}", f1.text);
    // Another bidder sees the winner's price and fictitious price beside its own.
    let f2 = all.iter().find(|d| d.bid == "f2").unwrap();
    assert!(
        f2.text.contains(
            "Most advantageous tender (Youthlink Partnership): quality discount £170,000.00 out of £300,000.00, price £900,000.00, fictitious price £730,000.00"
        ),
        "{}",
        f2.text
    );
    assert!(f2
        .text
        .contains("Most advantageous tender's discount: £90,000.00."));
    let w = f2.winner.as_ref().unwrap();
    assert_eq!(
        (w.price.as_deref(), w.value_working.as_deref()),
        (Some("900000.00"), f1.value_working.as_deref())
    );
}

#[test]
fn the_weighted_sum_summary_keeps_its_marks() {
    let (t, _) = example("council-wellbeing.json");
    let e = bidscore::evaluate(&t);
    let b1 = debriefs(&t, &e)
        .into_iter()
        .find(|d| d.bid == "b1")
        .unwrap();
    // The price is a scored criterion with its own working, so no separate price line.
    assert!(b1
        .text
        .contains("Price: up to 40 marks, 40.00% of the total"));
    assert!(!b1.text.contains("Your price:"));
    assert_eq!(b1.price.as_deref(), Some("1080000.00"));
    assert_eq!(b1.value_working, None);
}
