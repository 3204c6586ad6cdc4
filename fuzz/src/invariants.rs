//! What every evaluation the fuzzer reaches must satisfy.

use rust_decimal::Decimal;

/// Checks what every evaluation must satisfy: each criterion score within [0, marks] (allowing
/// for the rounding of a score to the tender's decimals; an uncapped reference ratio has no
/// upper bound), and the result serialises.
pub fn check_evaluation(t: &bidscore::Tender, e: &bidscore::Evaluation) {
    let slack = Decimal::new(1, e.decimals.min(28));
    for b in &e.bids {
        for c in &b.criteria {
            let Some(v) = c.value else { continue };
            if t.leaves()
                .iter()
                .any(|l| *l.id == *c.id && l.may_exceed_marks())
            {
                assert!(
                    v >= Decimal::ZERO,
                    "criterion {} of bid {} scored {v}",
                    c.id,
                    b.id
                );
                continue;
            }
            let max: Decimal = c.max.parse().unwrap_or_else(|_| {
                panic!(
                    "criterion {} of bid {} has a max that is not a number: {}",
                    c.id, b.id, c.max
                )
            });
            assert!(
                v >= Decimal::ZERO,
                "criterion {} of bid {} scored {v}, below zero",
                c.id,
                b.id
            );
            assert!(
                v <= max + slack,
                "criterion {} of bid {} scored {v}, above its {max} marks",
                c.id,
                b.id
            );
        }
        if b.status == bidscore::Status::Ranked {
            assert!(b.rank.is_some(), "ranked bid {} has no rank", b.id);
        }
        assert_eq!(b.lot.is_some(), !t.lots.is_empty(), "bid {}'s lot", b.id);
    }
    // With lots, the top-level ranking is the lots' rankings in turn, and each winner is ranked.
    if let Some(lots) = &e.lots {
        let joined: Vec<&String> = lots.iter().flat_map(|l| &l.ranking).collect();
        assert_eq!(
            joined,
            e.ranking.iter().collect::<Vec<_>>(),
            "lots' rankings"
        );
        for l in lots {
            if let Some(w) = &l.winner {
                assert_eq!(l.ranking.first(), Some(w), "lot {}'s winner", l.id);
            }
        }
    } else {
        assert!(
            t.lots.is_empty(),
            "a tender with lots has lots in its result"
        );
    }
    serde_json::to_string(e).expect("the result serialises");
}

/// Reads and evaluates tender text; returns the tender and result when the file is valid, and
/// checks an invalid file's errors are a non-empty list that serialises.
pub fn read_and_evaluate(text: &str) -> Option<(bidscore::Tender, bidscore::Evaluation)> {
    match bidscore::read(text) {
        Ok(t) => {
            let e = bidscore::evaluate(&t);
            check_evaluation(&t, &e);
            Some((t, e))
        }
        Err(errors) => {
            assert!(!errors.errors.is_empty(), "an invalid file with no errors");
            for err in &errors.errors {
                assert!(!err.code().is_empty());
                let _ = err.to_string();
            }
            None
        }
    }
}
