//! A plain-text ranking table for people reading a terminal (`bidscore evaluate --table`). A
//! tender divided into lots gets one ranking per lot, each under the lot's name and winner, with
//! the columns lined up across lots.

use crate::model::Tender;
use crate::result::{Evaluation, Status};
use crate::terminal::{cell, printable};

/// The ranking, one bid a line, then each bid's reasons, missing inputs and the warnings; with
/// lots, that for each lot in turn, then the warnings.
pub fn ranking_table(t: &Tender, e: &Evaluation) -> String {
    let mut out = String::new();
    // Text from the file is made printable here, before any column is measured.
    let title = t.info.title.as_deref().unwrap_or("Tender");
    out.push_str(&cell(title));
    if let Some(r) = &t.info.reference {
        out.push_str(&format!(" ({})", cell(r)));
    }
    out.push('\n');
    let groups = t.groups();
    let top: Vec<&crate::model::Group> = groups
        .iter()
        .copied()
        .filter(|g| {
            t.criteria
                .iter()
                .any(|n| matches!(n, crate::model::Node::Group(x) if x.id == g.id))
        })
        .collect();
    let mut header = vec![
        "Rank".to_string(),
        "Supplier".to_string(),
        "Price".to_string(),
    ];
    header.extend(
        top.iter()
            .map(|g| format!("{} /{}", cell(&g.name), crate::money::plain(g.marks))),
    );
    header.push(format!("Total /{}", e.max_total));
    // The other award methods rank by a value, not the total: show it beside the total.
    let value_heading = match t.award {
        crate::model::AwardMethod::WeightedSum => None,
        crate::model::AwardMethod::PricePerQualityPoint => Some("Price per point"),
        crate::model::AwardMethod::QualityPriceRatio { .. } => Some("Ratio"),
        crate::model::AwardMethod::FictitiousDiscount => Some("Fictitious price"),
    };
    if let Some(h) = value_heading {
        header.push(h.to_string());
    }
    header.push("Status".to_string());

    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut order: Vec<&crate::result::BidResult> = e.bids.iter().collect();
    // With lots, the bids of each lot together, lots in file order (none without lots).
    let lot_of = |b: &crate::result::BidResult| {
        b.lot
            .as_ref()
            .and_then(|id| t.lots.iter().position(|l| &l.id == id))
    };
    crate::sorting::sort(&mut order, &|a, b| {
        (lot_of(a), a.rank.unwrap_or(u32::MAX), &a.id).cmp(&(
            lot_of(b),
            b.rank.unwrap_or(u32::MAX),
            &b.id,
        ))
    });
    for b in &order {
        let mut row = vec![
            b.rank.map(|r| r.to_string()).unwrap_or_else(|| "-".into()),
            cell(&b.supplier),
            b.price
                .as_deref()
                .and_then(crate::money::parse)
                .map(|p| crate::money::money(p, &e.currency))
                .unwrap_or_else(|| "-".into()),
        ];
        for g in &top {
            row.push(
                b.groups
                    .iter()
                    .find(|x| x.id == g.id)
                    .map(|x| x.score.clone())
                    .unwrap_or_default(),
            );
        }
        row.push(b.total.clone());
        if value_heading.is_some() {
            row.push(b.value.clone().unwrap_or_else(|| "-".into()));
        }
        row.push(
            match b.status {
                Status::Ranked => "ranked",
                Status::Disqualified => "disqualified",
                Status::Incomplete => "incomplete",
            }
            .to_string(),
        );
        rows.push(row);
    }
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([header[i].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| -> String {
        let parts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let pad = widths[i] - c.chars().count();
                // Numbers read best right-aligned; names left-aligned.
                if i == 1 || i == cells.len() - 1 {
                    format!("{c}{}", " ".repeat(pad))
                } else {
                    format!("{}{c}", " ".repeat(pad))
                }
            })
            .collect();
        format!("{}\n", parts.join("  ").trim_end())
    };
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    // Each lot's bids are a run of `order`; a tender without lots is one run with no heading.
    let mut runs: Vec<(Option<&crate::model::Lot>, std::ops::Range<usize>)> = Vec::new();
    if t.lots.is_empty() {
        runs.push((None, 0..order.len()));
    }
    let mut start = 0;
    for (k, lot) in t.lots.iter().enumerate() {
        let end = start
            + order[start..]
                .iter()
                .take_while(|b| lot_of(b) == Some(k))
                .count();
        runs.push((Some(lot), start..end));
        start = end;
    }
    for (lot, run) in runs {
        if let Some(lot) = lot {
            out.push_str(&lot_heading(lot, e, &order[run.clone()]));
            if run.is_empty() {
                continue;
            }
        }
        out.push_str(&line(&header));
        out.push_str(&line(&rule));
        for r in &rows[run.clone()] {
            out.push_str(&line(r));
        }
        for b in &order[run] {
            for m in b.reasons.iter().chain(&b.missing) {
                out.push_str(&format!(
                    "  {}: {}\n",
                    cell(&b.supplier),
                    printable(&m.message)
                ));
            }
        }
    }
    if !e.warnings.is_empty() {
        out.push_str("\nWarnings\n");
        for w in &e.warnings {
            out.push_str(&format!("  [{}] {}\n", w.code, printable(&w.message())));
        }
    }
    out
}

/// A lot's heading: a blank line, its name and id, and its winner (or why it has none).
fn lot_heading(
    lot: &crate::model::Lot,
    e: &Evaluation,
    bids: &[&crate::result::BidResult],
) -> String {
    let winner = e
        .lots
        .iter()
        .flatten()
        .find(|l| l.id == lot.id)
        .and_then(|l| l.winner.as_ref())
        .and_then(|w| bids.iter().find(|b| &b.id == w));
    let outcome = match winner {
        Some(w) => format!("winner {}", cell(&w.supplier)),
        None if bids.is_empty() => "no bids".to_string(),
        None if bids.iter().any(|b| b.rank == Some(1)) => {
            "first place shared, no winner".to_string()
        }
        None => "no bid ranked, no winner".to_string(),
    };
    format!("\n{} (lot {}): {outcome}\n", cell(&lot.name), cell(&lot.id))
}
