//! Analysis against hand-worked cases (spec §10). Every expected figure is worked out in the
//! comment above it, not taken from the engine.

// Only its file listing is used here; the catalogues' case reader is not.
#[allow(dead_code)]
mod common;

use bidscore::analysis::{
    analyse, Analysis, Options, PriceOutcome, SmaaOptions, Takers, WeightModel,
};
use serde_json::{json, Value};

/// A tender with price (lowest-ratio) and one scored quality question on a 0–4 scale, 50/50 marks.
fn price_quality(bids: &[(&str, &str, u32)]) -> bidscore::Tender {
    let bids: Vec<Value> = bids
        .iter()
        .map(|(id, price, q)| {
            json!({ "id": id, "supplier": format!("Supplier {id}"), "price": price,
                                      "scores": { "q": { "moderated": q } } })
        })
        .collect();
    let file = json!({
        "format": "bidscore/1",
        "scales": { "0-4": { "from": 0, "to": 4, "step": 1 } },
        "criteria": [
            { "id": "price", "kind": "price", "name": "Price", "weight": 50, "formula": "lowest-ratio" },
            { "id": "quality", "name": "Quality", "weight": 50, "children": [
                { "id": "q", "kind": "scored", "name": "Approach", "weight": 50, "scale": "0-4" } ] }
        ],
        "bids": bids
    });
    bidscore::read(&file.to_string()).expect("valid tender")
}

fn no_sampling() -> Options {
    Options {
        smaa: None,
        ..Options::default()
    }
}

fn price_to_win(t: &bidscore::Tender, bid: &str) -> (PriceOutcome, Option<String>) {
    let a = analyse(t, &no_sampling());
    let p = a
        .price_to_win
        .iter()
        .find(|p| p.bid == bid)
        .expect("bid analysed");
    (p.outcome, p.price_to_win.clone())
}

#[test]
fn weight_stability_two_bids_matches_the_hand_worked_crossing() {
    // A: price 100 (fraction 1), quality 2/4 (0.5). B: price 125 (100/125 = 0.8), quality 4/4 (1).
    // With price share x: T_A = 100(x + 0.5(1 − x)) = 50 + 50x; T_B = 100(0.8x + 1 − x) = 100 − 20x.
    // At x = 0.5, B leads (90 to 75). They cross at 50 + 50x = 100 − 20x, x = 5/7 = 71.43%.
    let t = price_quality(&[("a", "100", 2), ("b", "125", 4)]);
    let a = analyse(&t, &no_sampling());
    assert_eq!(a.winner.as_deref(), Some("b"));
    let price = a.weight_stability.iter().find(|w| w.id == "price").unwrap();
    assert_eq!(
        (
            price.share.as_str(),
            price.low.as_str(),
            price.high.as_str()
        ),
        ("50.00", "0.00", "71.43")
    );
    assert_eq!(price.rival_above.as_deref(), Some("a"));
    assert_eq!(price.rival_below, None);
    // The quality group is the mirror image: stable from 100% − 71.43% = 28.57% up to 100%.
    let quality = a
        .weight_stability
        .iter()
        .find(|w| w.id == "quality")
        .unwrap();
    assert_eq!(
        (quality.kind, quality.low.as_str(), quality.high.as_str()),
        ("group", "28.57", "100.00")
    );
    assert_eq!(quality.rival_below.as_deref(), Some("a"));
}

#[test]
fn price_to_win_gives_the_leader_its_headroom_to_the_penny() {
    // Same tender: B leads. At price p ≥ 100, B = 50 + round(50 × 100 / p, 2) and A = 50 + 25 = 75.
    // B stays first alone while round(5000 / p, 2) ≥ 25.01, i.e. 5000 / p ≥ 25.005, p ≤ 199.9600…
    // At 199.96: 5000 / 199.96 = 25.00500… → 25.01 (first); at 199.97: 25.00375 → 25.00 (a tie).
    let t = price_quality(&[("a", "100", 2), ("b", "125", 4)]);
    assert_eq!(
        price_to_win(&t, "b"),
        (PriceOutcome::Headroom, Some("199.96".into()))
    );
}

#[test]
fn price_to_win_when_already_lowest_lowers_the_others_scores() {
    // A: 100, quality 4/4 → 50 × 80/100 + 50 = 90. B: 80 (lowest), quality 1/4 → 50 + 12.5 = 62.5.
    // B's price score stays 50 below 80, but A's falls: A = 50 + round(0.5 p, 2). B wins alone
    // when round(0.5 p, 2) ≤ 12.49, i.e. 0.5 p < 12.495, p < 24.99: the highest penny is 24.98.
    let t = price_quality(&[("a", "100", 4), ("b", "80", 1)]);
    assert_eq!(
        price_to_win(&t, "b"),
        (PriceOutcome::Undercut, Some("24.98".into()))
    );
}

#[test]
fn price_to_win_can_require_undercutting_the_current_lowest() {
    // A: 100, quality 4/4 → 45 + 50 = 95. C: 90 (lowest), quality 0 → 50. B: 120, quality 3/4 →
    // 37.5 + 37.5 = 75. Above 90, B gets at most 37.5 + 50 = 87.5 < 95, so B must undercut C:
    // then B = 50 + 37.5 = 87.5 and A = 50 + round(0.5 p, 2); B wins alone when p < 74.99 → 74.98.
    let t = price_quality(&[("a", "100", 4), ("b", "120", 3), ("c", "90", 0)]);
    assert_eq!(
        price_to_win(&t, "b"),
        (PriceOutcome::Undercut, Some("74.98".into()))
    );
    // C has no quality marks: even at 1p it gets 50 + 0 while A gets 50 × 0.01/100 + 50 > 50.
    assert_eq!(price_to_win(&t, "c"), (PriceOutcome::CannotWin, None));
}

#[test]
fn what_it_takes_finds_the_smallest_winning_score() {
    // A: 100, quality 4/4 → 90. B: 80, quality 1/4 → 62.5. B needs more than 90 − 50 = 40 quality
    // marks: 50 × s/4 > 40 means s > 3.2, so the next scale point that wins is 4.
    let t = price_quality(&[("a", "100", 4), ("b", "80", 1)]);
    let a = analyse(&t, &no_sampling());
    let b = a.what_it_takes.iter().find(|w| w.bid == "b").unwrap();
    let q = b.options.iter().find(|o| o.criterion == "q").unwrap();
    assert_eq!((q.from.as_str(), q.to.as_deref()), ("1", Some("4")));
    // The leader needs nothing.
    assert!(a.what_it_takes.iter().all(|w| w.bid != "a"));
}

fn smaa(
    t: &bidscore::Tender,
    seed: u64,
    weights: WeightModel,
) -> bidscore::analysis::Acceptability {
    let o = Options {
        smaa: Some(SmaaOptions {
            samples: 10_000,
            seed,
            weights,
            score_uncertainty: true,
        }),
        ..Default::default()
    };
    analyse(t, &o).rank_acceptability.expect("sampled")
}

#[test]
fn a_dominating_bid_ranks_first_in_every_sample() {
    // D is cheaper and better: it is first whatever the weights.
    let t = price_quality(&[("d", "90", 4), ("e", "100", 3)]);
    for model in [
        WeightModel::Simplex,
        WeightModel::Ranking,
        WeightModel::Tolerance(0.3),
    ] {
        let r = smaa(&t, 7, model);
        let d = r.bids.iter().find(|b| b.bid == "d").unwrap();
        assert_eq!(d.ranks[0], 1.0, "{model:?}");
        assert_eq!(d.confidence, Some(1.0));
        let e = r.bids.iter().find(|b| b.bid == "e").unwrap();
        assert_eq!(e.ranks, vec![0.0, 1.0]);
        assert_eq!(e.central_weights, None);
    }
}

#[test]
fn symmetric_bids_split_about_half_and_half() {
    // With set-bounds price, X scores 1 on price and 0 on quality, Y the reverse: X wins exactly
    // when the price weight exceeds the quality weight, which uniform weights do half the time.
    let file = json!({
        "format": "bidscore/1",
        "scales": { "0-4": { "from": 0, "to": 4, "step": 1 } },
        "criteria": [
            { "id": "price", "kind": "price", "name": "Price", "weight": 50, "formula": "set-bounds", "best": "100", "worst": "200" },
            { "id": "q", "kind": "scored", "name": "Approach", "weight": 50, "scale": "0-4" }
        ],
        "bids": [
            { "id": "x", "price": "100", "scores": { "q": { "moderated": 0 } } },
            { "id": "y", "price": "200", "scores": { "q": { "moderated": 4 } } }
        ]
    });
    let t = bidscore::read(&file.to_string()).unwrap();
    let r = smaa(&t, 11, WeightModel::Simplex);
    let x = r.bids.iter().find(|b| b.bid == "x").unwrap().ranks[0];
    // 10,000 samples: standard error 0.5 percentage points; allow four of them.
    assert!((x - 0.5).abs() < 0.02, "x first in {x}");
    // Central weights: X wins when price weighs more, so its central price weight is about 3/4.
    let cw = r
        .bids
        .iter()
        .find(|b| b.bid == "x")
        .unwrap()
        .central_weights
        .clone()
        .unwrap();
    assert!((cw[0] - 0.75).abs() < 0.02, "{cw:?}");
}

#[test]
fn the_same_seed_gives_the_same_result() {
    let t = price_quality(&[("a", "100", 2), ("b", "125", 4), ("c", "110", 3)]);
    let one = smaa(&t, 42, WeightModel::Simplex);
    assert_eq!(one, smaa(&t, 42, WeightModel::Simplex));
    assert_ne!(one, smaa(&t, 43, WeightModel::Simplex));
}

#[test]
fn evaluator_disagreement_moves_rank_acceptability() {
    // Equal prices; on quality A has 4 and 0 from two evaluators (mean 2), B a certain 2 from one.
    // With score uncertainty each sample draws A's score from {4, 0}: A is first when it draws 4
    // (about half the samples) and last otherwise.
    let file = json!({
        "format": "bidscore/1",
        "scales": { "0-4": { "from": 0, "to": 4, "step": 1 } },
        "criteria": [
            { "id": "price", "kind": "price", "name": "Price", "weight": 50 },
            { "id": "q", "kind": "scored", "name": "Approach", "weight": 50, "scale": "0-4" }
        ],
        "bids": [
            { "id": "a", "price": "100", "scores": { "q": { "evaluators": { "E1": 4, "E2": 0 } } } },
            { "id": "b", "price": "100", "scores": { "q": { "evaluators": { "E1": 2 } } } }
        ]
    });
    let t = bidscore::read(&file.to_string()).unwrap();
    let r = smaa(&t, 3, WeightModel::Simplex);
    let a = r.bids.iter().find(|b| b.bid == "a").unwrap().ranks[0];
    assert!((a - 0.5).abs() < 0.02, "a first in {a}");
}

#[test]
fn price_to_win_follows_the_award_method() {
    // Price per quality point: A 100 ÷ 50 points = 2.00, B 120 ÷ 80 points = 1.50, so B wins.
    // A wins alone when p ÷ 50 < 1.5, i.e. p < 75: the highest penny is 74.99 (at 75 they tie).
    let file = json!({
        "format": "bidscore/1",
        "award": { "method": "price-per-quality-point" },
        "scales": { "0-100": { "from": 0, "to": 100, "step": 1 } },
        "criteria": [
            { "id": "price", "kind": "price", "name": "Price" },
            { "id": "q", "kind": "scored", "name": "Approach", "weight": 100, "scale": "0-100" }
        ],
        "bids": [
            { "id": "a", "price": "100", "scores": { "q": { "moderated": 50 } } },
            { "id": "b", "price": "120", "scores": { "q": { "moderated": 80 } } }
        ]
    });
    let t = bidscore::read(&file.to_string()).unwrap();
    assert_eq!(
        price_to_win(&t, "a"),
        (PriceOutcome::Undercut, Some("74.99".into()))
    );
    // B keeps first place while p ÷ 80 < 2.00 (A's value), p < 160: the highest penny is 159.99.
    assert_eq!(
        price_to_win(&t, "b"),
        (PriceOutcome::Headroom, Some("159.99".into()))
    );
    let a = analyse(&t, &Options::default());
    assert!(a.weight_stability.is_empty() && a.rank_acceptability.is_none());
}

// §11 price schedules

/// The tender of a fixture in tests/fixtures/.
fn fixture_tender(name: &str) -> bidscore::Tender {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    bidscore::read(&fixture["tender"].to_string()).expect("valid tender")
}

#[test]
fn price_to_win_under_a_schedule_is_an_evaluated_price_and_a_change_of_every_rate() {
    // schedule-hand-check: A 43,000 (price 60, total 84.00), B 43,400 (59.45, total 91.45). A
    // lowered to P stays lowest: B = 32 + round(60 × P ÷ 43,400, 2), first for A while that is
    // at most 51.99, 60 P ÷ 43,400 < 51.995, P < 37,609.7166…: 37,609.71. Every rate changed by
    // (37,609.71 − 43,000) ÷ 43,000 = −12.5355…%, rounded down −12.54% (43,000 × 0.8746 =
    // 37,607.78, at or below the price to win).
    let t = fixture_tender("schedule-hand-check");
    let a = analyse(&t, &no_sampling());
    let p = |id: &str| a.price_to_win.iter().find(|p| p.bid == id).unwrap();
    assert_eq!(p("a").outcome, PriceOutcome::Undercut);
    assert_eq!(p("a").price, "43000.00");
    assert_eq!(p("a").price_to_win.as_deref(), Some("37609.71"));
    assert_eq!(p("a").rate_change.as_deref(), Some("-12.54"));
    assert!(
        p("a").message.contains("every rate cut by 12.54%"),
        "{}",
        p("a").message
    );
    // B leads: above 43,000 its price scores 60 × 43,000 ÷ P = 2,580,000 ÷ P, first alone while
    // that rounds to 52.01 or more (A has 84.00): P ≤ 2,580,000 ÷ 52.005 = 49,610.6143…:
    // 49,610.61, every rate raised by (49,610.61 − 43,400) ÷ 43,400 = 14.3101…% → 14.31%.
    assert_eq!(p("b").outcome, PriceOutcome::Headroom);
    assert_eq!(p("b").price_to_win.as_deref(), Some("49610.61"));
    assert_eq!(p("b").rate_change.as_deref(), Some("14.31"));
}

#[test]
fn price_to_win_searches_below_zero_for_a_negative_evaluated_price() {
    // schedule-negative-price-linear-min-max: A −8,000 (total 76.00) leads B −5,800 (73.90) and
    // C 200 (40.00). A at P ≤ −5,800 keeps 60; B's price scores 60 × (200 + 5,800) ÷ (200 − P) =
    // 360,000 ÷ (200 − P), and A stays first alone while B's total 30 + that is below 76, i.e.
    // it rounds to 45.99 or less: 360,000 ÷ (200 − P) < 45.995, 200 − P > 7,826.938…,
    // P < −7,626.938…: the highest penny is −7,626.94 (373.06 more). No change of every rate by
    // one share moves a price below zero towards it, so there is no rate change.
    let t = fixture_tender("schedule-negative-price-linear-min-max");
    let a = analyse(&t, &no_sampling());
    let p = a.price_to_win.iter().find(|p| p.bid == "a").unwrap();
    assert_eq!(p.outcome, PriceOutcome::Headroom);
    assert_eq!(p.price_to_win.as_deref(), Some("-7626.94"));
    assert_eq!(p.change.as_deref(), Some("373.06"));
    assert_eq!(p.rate_change, None);
}

/// `price_quality` divided into lots: each bid is `(id, lot, price, quality)`.
fn price_quality_lots(lots: &[&str], bids: &[(&str, &str, &str, u32)]) -> bidscore::Tender {
    let mut file = json!({
        "format": "bidscore/1",
        "scales": { "0-4": { "from": 0, "to": 4, "step": 1 } },
        "criteria": [
            { "id": "price", "kind": "price", "name": "Price", "weight": 50, "formula": "lowest-ratio" },
            { "id": "quality", "name": "Quality", "weight": 50, "children": [
                { "id": "q", "kind": "scored", "name": "Approach", "weight": 50, "scale": "0-4" } ] }
        ]
    });
    file["lots"] = lots
        .iter()
        .map(|id| json!({ "id": id, "name": format!("Lot {id}") }))
        .collect();
    file["bids"] = bids
        .iter()
        .map(|(id, lot, price, q)| {
            json!({ "id": id, "supplier": format!("Supplier {id}"), "lot": lot, "price": price,
                    "scores": { "q": { "moderated": q } } })
        })
        .collect();
    bidscore::read(&file.to_string()).expect("valid tender")
}

#[test]
fn each_lot_is_analysed_against_its_own_bids_only() {
    // Lot "x" holds the two bids of the headroom case above: B leads A and stays first alone up to
    // 199.96, and the price share can rise to 71.43% before A takes over. Lot "y" holds a bid at 50,
    // which, pooled, would be the lowest price for A and B too: B = 50 × 50 / p + 50 would then beat
    // A's 25 + 25 = 50 at any price. Within the lot it does not count.
    let t = price_quality_lots(
        &["x", "y", "empty"],
        &[
            ("a", "x", "100", 2),
            ("c", "y", "50", 1),
            ("b", "x", "125", 4),
        ],
    );
    let a = analyse(&t, &no_sampling());
    // Nothing is pooled across lots: the top level is empty.
    assert_eq!(a.winner, None);
    assert!(a.price_to_win.is_empty() && a.weight_stability.is_empty());
    let lots = a.lots.as_ref().expect("one analysis per lot");
    assert_eq!(
        lots.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(),
        ["x", "y", "empty"]
    );
    let x = &lots[0];
    assert_eq!(x.ranking, ["b", "a"]);
    assert_eq!(x.analysis.winner.as_deref(), Some("b"));
    let b = x
        .analysis
        .price_to_win
        .iter()
        .find(|p| p.bid == "b")
        .unwrap();
    assert_eq!(
        (b.outcome, b.price_to_win.as_deref()),
        (PriceOutcome::Headroom, Some("199.96"))
    );
    let price = x
        .analysis
        .weight_stability
        .iter()
        .find(|w| w.id == "price")
        .unwrap();
    assert_eq!(price.high, "71.43");
    // The lot's analysis is exactly that of a tender holding only its bids.
    let alone = price_quality(&[("a", "100", 2), ("b", "125", 4)]);
    assert_eq!(x.analysis, analyse(&alone, &no_sampling()));
    // A lot with one bid: it leads alone; a lot with none: nothing to analyse.
    assert_eq!(lots[1].ranking, ["c"]);
    assert_eq!(lots[1].analysis.winner.as_deref(), Some("c"));
    assert!(lots[2].ranking.is_empty() && lots[2].analysis.winner.is_none());
    assert!(lots[2].analysis.price_to_win.is_empty());
}

#[test]
fn rank_acceptability_samples_one_lot_at_a_time() {
    use bidscore::analysis::SmaaRun;
    // D dominates E within lot "x": first in every sample. F, alone in "y", is first in every one.
    let t = price_quality_lots(
        &["x", "y"],
        &[
            ("d", "x", "90", 4),
            ("e", "x", "100", 3),
            ("f", "y", "10", 4),
        ],
    );
    let o = SmaaOptions {
        samples: 500,
        seed: 3,
        weights: WeightModel::Simplex,
        score_uncertainty: true,
    };
    assert!(
        SmaaRun::new(&t, &o).is_none(),
        "bids of different lots are never sampled together"
    );
    assert!(SmaaRun::for_lot(&t, "z", &o).is_none(), "no such lot");
    let mut run = SmaaRun::for_lot(&t, "x", &o).expect("lot x has ranked bids");
    run.step(500);
    let r = run.result();
    let d = r.bids.iter().find(|b| b.bid == "d").unwrap();
    assert_eq!(d.ranks, [1.0, 0.0]);
    assert_eq!(r.bids.len(), 2, "only the lot's bids");
    let full = analyse(
        &t,
        &Options {
            smaa: Some(o.clone()),
            ..Default::default()
        },
    );
    let y = full.lots.unwrap()[1]
        .analysis
        .rank_acceptability
        .clone()
        .unwrap();
    assert_eq!(y.bids.len(), 1);
    assert_eq!(y.bids[0].ranks, [1.0]);
}

// What it takes for some bids only

/// `a` with each competition's "what it takes" kept only for the bids `keep` says.
fn takers_kept(mut a: Analysis, keep: &dyn Fn(&str) -> bool) -> Analysis {
    a.what_it_takes.retain(|w| keep(&w.bid));
    for lot in a.lots.iter_mut().flatten() {
        lot.analysis.what_it_takes.retain(|w| keep(&w.bid));
    }
    a
}

#[test]
fn what_it_takes_for_one_bid_or_none_is_the_whole_analysis_with_the_others_left_out() {
    let mut checked = 0;
    for path in common::json_files("tests/fixtures")
        .into_iter()
        .chain(common::json_files("www/examples"))
    {
        let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let text = file.get("tender").unwrap_or(&file).to_string();
        let Ok(t) = bidscore::read(&text) else {
            continue;
        };
        let every = analyse(&t, &no_sampling());
        let with = |what_it_takes| {
            analyse(
                &t,
                &Options {
                    what_it_takes,
                    ..no_sampling()
                },
            )
        };
        let name = path.display();
        assert_eq!(
            with(Takers::NoBid),
            takers_kept(every.clone(), &|_| false),
            "{name}: none"
        );
        for bid in &t.bids {
            let one = with(Takers::Bid(bid.id.clone()));
            assert_eq!(
                one,
                takers_kept(every.clone(), &|id| id == bid.id),
                "{name}: {}",
                bid.id
            );
            checked += usize::from(one.what_it_takes.len() == 1);
        }
    }
    // Enough bids had a "what it takes" of their own for the comparison to mean something.
    assert!(checked > 40, "only {checked} bids had one");
}
