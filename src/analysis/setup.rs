//! What every analysis stands on: the official evaluation taken apart once, and whether a bid
//! would rank first with some of its inputs changed ("what if").
//!
//! A try changes one bid. Every other bid keeps its inputs, so its standing can change only
//! through the comparison inputs of the leaves the change moves (the lowest price, the highest
//! social value offered). [`Baseline`] holds every pool bid's standing with those leaves scored
//! against the official inputs, best first, worked out once per analysis; [`Setup::frame`] the
//! inputs over the pool bids before and after the changed one, once per search. A try joins the
//! changed bid's amount between them, scores that bid, and goes through the others best first.
//! When its inputs score no other bid higher than the official ones do (a lower lowest price, a
//! higher highest social value, or the same), the first bid it beats as that bid stood in the
//! baseline settles it: the ranking's order compares each bid's own figures in turn (key, then
//! each tie-break rule's score, price or drawn number), so it is a total preorder, and a bid ahead
//! of one is ahead of every bid after it. Every bid before that one is scored again against the
//! try's inputs, and the first the changed bid does not beat ends the try. The figures are those
//! of the evaluation: the same functions, sums in leaf order, the tender's rounding.

use crate::context::{Ctx, Prepared};
use crate::evaluate::{field, fields, official, score_leaf};
use crate::evaluate::{prepare_at, score_criterion, total_of, OUT_OF_RANGE};
use crate::model::*;
use crate::price::{same_bits, Field};
use crate::ranking::{compare, Standing};
use crate::result::{Evaluation, Status};
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// A bid's standing in a try: its official leaf scores, with the `dependent` leaves' scores
/// replaced by `scores` (same order).
pub(super) struct Tried<'s> {
    key: Option<Decimal>,
    total: Decimal,
    price: Option<Decimal>,
    /// Official score per leaf (same index as `Ctx::leaves`).
    leaves: &'s [Option<Decimal>],
    dependent: &'s [usize],
    scores: &'s [Option<Decimal>],
    /// Which bid this is (an index into the tender's bids).
    bid: usize,
    /// Where the groups, the leaves' ids and the bids' ids are found.
    setup: &'s Setup<'s>,
}

impl Tried<'_> {
    fn leaf(&self, l: usize) -> Option<Decimal> {
        match self.dependent.iter().position(|&d| d == l) {
            Some(k) => self.scores[k],
            None => self.leaves[l],
        }
    }

    /// The sub-total of group `g` (an index into `Ctx::groups`), summed as the evaluation sums
    /// it: only a tie-break on the group or its threshold asks for it.
    fn group(&self, g: usize) -> Decimal {
        self.sum(&self.setup.cx.groups[g].1)
    }

    /// The scores on these leaves added in turn, as the evaluation adds them.
    fn sum(&self, leaves: &[usize]) -> Decimal {
        crate::money::sum(leaves.iter().filter_map(|&l| self.leaf(l)))
    }
}

impl Standing for Tried<'_> {
    fn key(&self) -> Option<Decimal> {
        self.key
    }

    fn total(&self) -> Decimal {
        self.total
    }

    fn price(&self) -> Option<Decimal> {
        self.price
    }

    fn score_on(&self, id: &str) -> Decimal {
        let cx = &self.setup.cx;
        if let Some(g) = cx.groups.iter().position(|(g, _)| g.id == id) {
            return self.group(g);
        }
        cx.ids
            .iter()
            .position(|c| &**c == id)
            .and_then(|l| self.leaf(l))
            .unwrap_or_default()
    }

    fn id(&self) -> &str {
        &self.setup.t.bids[self.bid].id
    }
}

/// The comparison inputs of a search's dependent leaves over the pool bids before the changed
/// bid and after it (see [`Setup::frame`]).
pub(super) type Frame = Vec<(Option<Field>, Option<Field>)>;

/// Two runs of the pool joined in order, as the evaluation folds amounts into a field: the first
/// lowest and the last highest of equal amounts, and the parts (of a highest percentage) of the
/// first bid holding the highest.
fn join(a: Option<Field>, b: Option<Field>) -> Option<Field> {
    let (Some(x), Some(y)) = (a, b) else {
        return a.or(b);
    };
    // `with` keeps the first lowest and takes the last highest of equal amounts.
    let mut f = x.with(y.lowest).with(y.highest);
    f.highest_parts = if x.highest >= y.highest {
        x.highest_parts
    } else {
        y.highest_parts
    };
    Some(f)
}

/// The pool's standings in a try that leaves the comparison inputs of the `dependent` leaves as
/// the evaluation took them: each pool bid with those leaves scored against the official inputs,
/// as a try scores them. Worked out once per analysis (and measure or criterion searched).
pub(super) struct Baseline {
    dependent: Vec<usize>,
    /// Each pool bid's scores on the dependent leaves, pool position by pool position.
    scores: Vec<Option<Decimal>>,
    /// Each pool bid's key and total with those scores, pool position by pool position: worked
    /// out once, as the sort and every try compare against them.
    keys: Vec<Option<Decimal>>,
    totals: Vec<Decimal>,
    /// The pool positions, best first.
    order: Vec<usize>,
}

/// Everything the analyses share: the official evaluation, taken apart.
pub(super) struct Setup<'t> {
    pub(super) t: &'t Tender,
    pub(super) cx: Ctx<'t>,
    pub(super) prepared: Vec<Prepared<'t>>,
    /// Indexes of the ranked bids, in file order.
    pub(super) pool: Vec<usize>,
    /// Official per-leaf scores of every bid (same index as `cx.leaves`).
    pub(super) values: Vec<Vec<Option<Decimal>>>,
    pub(super) official: &'t Evaluation,
    /// The comparison inputs over the pool (same index as `cx.leaves`).
    fields: Vec<Option<Field>>,
    /// Every leaf's index, in order: a total adds them all.
    every: Vec<usize>,
    /// Every try re-scores the whole pool, as the analysis first did: the reference the fast
    /// tries are tested against.
    #[cfg(test)]
    pub(super) reference: bool,
}

impl<'t> Setup<'t> {
    pub(super) fn new(t: &'t Tender, official: &'t Evaluation) -> Setup<'t> {
        let cx = Ctx::new(t);
        let (prepared, pool, fields) =
            read_bids(&cx, &|i, _| official.bids[i].status == Status::Ranked);
        let values = official
            .bids
            .iter()
            .map(|b| {
                let mut v = vec![None; cx.leaves.len()];
                for c in &b.criteria {
                    if let Some(li) = cx.ids.iter().position(|id| *id == c.id) {
                        v[li] = c.value;
                    }
                }
                v
            })
            .collect();
        Setup {
            t,
            every: (0..cx.leaves.len()).collect(),
            cx,
            prepared,
            pool,
            values,
            official,
            fields,
            #[cfg(test)]
            reference: false,
        }
    }

    /// A leaf's official score for a bid read as `p`, against these comparison inputs.
    fn rescore(&self, li: usize, p: &Prepared, fields: &[Option<Field>]) -> Option<Decimal> {
        score_criterion(&self.cx, li, p, fields, true, false).map(|r| official(r.score, self.t))
    }

    /// Bid `bid`'s standing read as `p`, with these scores on the dependent leaves.
    fn tried<'s>(
        &'s self,
        bid: usize,
        p: &Prepared,
        dependent: &'s [usize],
        scores: &'s [Option<Decimal>],
    ) -> Tried<'s> {
        let mut s = Tried {
            key: None,
            total: Decimal::ZERO,
            price: p.price,
            leaves: &self.values[bid],
            dependent,
            scores,
            bid,
            setup: self,
        };
        // Summed in leaf order, as the evaluation sums its criteria.
        let sum = s.sum(&self.every);
        s.total = total_of(sum, self.t);
        let value = crate::award::value_for(self.t, &self.cx.fmt, s.total, s.price, false);
        s.key = crate::award::key(self.t.award, s.total, value.map(|v| v.value));
        s
    }

    /// The pool's standings for tries that change the `dependent` leaves.
    pub(super) fn baseline(&self, dependent: Vec<usize>) -> Baseline {
        let mut scores = Vec::with_capacity(self.pool.len() * dependent.len());
        for &j in &self.pool {
            for &li in &dependent {
                scores.push(self.rescore(li, &self.prepared[j], &self.fields));
            }
        }
        let mut base = Baseline {
            dependent,
            scores,
            keys: Vec::with_capacity(self.pool.len()),
            totals: Vec::with_capacity(self.pool.len()),
            order: Vec::new(),
        };
        let d = base.dependent.len();
        for (k, &j) in self.pool.iter().enumerate() {
            let s = self.tried(
                j,
                &self.prepared[j],
                &base.dependent,
                &base.scores[k * d..][..d],
            );
            let (key, total) = (s.key, s.total);
            base.keys.push(key);
            base.totals.push(total);
        }
        let mut order: Vec<usize> = (0..self.pool.len()).collect();
        crate::sorting::sort(&mut order, &|&a, &b| {
            compare(self.t, &self.standing(&base, a), &self.standing(&base, b)).then(a.cmp(&b))
        });
        base.order = order;
        base
    }

    /// The standing of the bid at pool position `k` in `base`.
    fn standing<'s>(&'s self, base: &'s Baseline, k: usize) -> Tried<'s> {
        let d = base.dependent.len();
        let j = self.pool[k];
        Tried {
            key: base.keys[k],
            total: base.totals[k],
            price: self.prepared[j].price,
            leaves: &self.values[j],
            dependent: &base.dependent,
            scores: &base.scores[k * d..][..d],
            bid: j,
            setup: self,
        }
    }

    /// The comparison inputs of `base`'s dependent leaves over the pool bids before pool bid
    /// `i` and over those after it: a search that changes bid `i` alone takes them once, and
    /// each try joins them with the changed bid's own amount.
    pub(super) fn frame(&self, i: usize, base: &Baseline) -> Frame {
        let at = self.pool.partition_point(|&j| j < i);
        let view = |j: usize| &self.prepared[j];
        let (before, after) = (
            &self.pool[..at],
            &self.pool[(at + 1).min(self.pool.len())..],
        );
        let mut frame = Vec::with_capacity(base.dependent.len());
        for &li in &base.dependent {
            let c = self.cx.leaves[li];
            frame.push((
                field(self.t, c, before, &view),
                field(self.t, c, after, &view),
            ));
        }
        frame
    }

    /// Whether pool bid `i`, read as `p` (a changed copy), ranks first, alone, with the
    /// dependent leaves of `base` scored again for it and, when its change moves their
    /// comparison inputs, for every other bid. False when the change leaves it unranked: not
    /// ranked as prepared, a score of its own out of range, or below a group threshold.
    pub(super) fn wins(&self, i: usize, p: &Prepared, base: &Baseline, frame: &Frame) -> bool {
        #[cfg(test)]
        if self.reference {
            return self
                .what_if_prepared(i, p.clone(), &base.dependent)
                .is_some_and(|s| self.first(i, &s));
        }
        if p.status != Status::Ranked {
            return false;
        }
        let dependent = &base.dependent[..];
        // The same comparison inputs as the evaluation, with the changed bid in its place.
        let view = |_: usize| p;
        let (mut no_better, mut same) = (true, true);
        let mut joined = Vec::with_capacity(dependent.len());
        for (&li, &(before, after)) in dependent.iter().zip(frame) {
            let mine = field(self.t, self.cx.leaves[li], &[i], &view);
            let f = join(join(before, mine), after);
            no_better &= self.no_better(li, &f, &self.fields[li]);
            same &= same_bits(&f, &self.fields[li]);
            joined.push(f);
        }
        // Inputs the same to the bit as the evaluation's score every other bid as the baseline
        // did: those are the only inputs copied then.
        let changed;
        let fields = if same {
            &self.fields[..]
        } else {
            let mut f = self.fields.clone();
            for (&li, &j) in dependent.iter().zip(&joined) {
                f[li] = j;
            }
            changed = f;
            &changed[..]
        };
        let mut mine = Vec::with_capacity(dependent.len());
        for &li in dependent {
            match score_leaf(&self.cx, li, p, fields, true, false) {
                // A change that puts one of the bid's own scores out of range leaves it unranked.
                Some(r) if r.code == OUT_OF_RANGE => return false,
                r => mine.push(r.map(|r| official(r.score, self.t))),
            }
        }
        let me = self.tried(i, p, dependent, &mine);
        if self.below_threshold(&me) {
            return false;
        }
        let mut scores = vec![None; dependent.len()];
        for &k in &base.order {
            let j = self.pool[k];
            if j == i {
                continue;
            }
            if no_better || same {
                let ahead = compare(self.t, &me, &self.standing(base, k)) == Ordering::Less;
                // Inputs no better for the others: a bid the changed one beats as it stands in
                // the baseline it beats still, and so every bid after it.
                if ahead && no_better {
                    return true;
                }
                // The same inputs: every bid stands as in the baseline.
                if same {
                    if ahead {
                        continue;
                    }
                    return false;
                }
            }
            for (s, &li) in scores.iter_mut().zip(dependent) {
                *s = self.rescore(li, &self.prepared[j], fields);
            }
            if compare(
                self.t,
                &me,
                &self.tried(j, &self.prepared[j], dependent, &scores),
            ) != Ordering::Less
            {
                return false;
            }
        }
        true
    }

    /// Whether the comparison input `new` of leaf `li` scores no bid higher than `old` does: none
    /// either way (a leaf scored on a bid's own figures), a lower (or equal) lowest and highest
    /// price, a higher (or equal) highest social value, a higher highest percentage (or the same
    /// from the same parts). Every formula scores a bid no higher against such an input.
    fn no_better(&self, li: usize, new: &Option<Field>, old: &Option<Field>) -> bool {
        let (Some(n), Some(o)) = (new, old) else {
            return new.is_none() && old.is_none();
        };
        match &self.cx.leaves[li].kind {
            Kind::Price { .. } => n.lowest <= o.lowest && n.highest <= o.highest,
            Kind::Measures { scoring, .. } => match scoring {
                SvScoring::RelativeToHighest => n.highest >= o.highest,
                SvScoring::RelativeToHighestPercent => {
                    n.highest > o.highest
                        || (n.highest == o.highest && n.highest_parts == o.highest_parts)
                }
                SvScoring::Target(_) => false,
            },
            _ => false,
        }
    }

    /// Group thresholds (spec §13) applied again to a changed bid, whose new price or score can
    /// move a sub-total, compared as shown. Relative thresholds are not applied again: the bids
    /// they disqualified stay out, the others in.
    fn below_threshold(&self, me: &Tried) -> bool {
        self.cx.groups.iter().enumerate().any(|(gi, (g, _))| {
            g.threshold.is_some_and(|th| {
                crate::money::round(total_of(me.group(gi), self.t), 10) < th.marks
            })
        })
    }

    /// Leaves whose score depends on the price: the price criterion and social value as % of price.
    pub(super) fn price_dependent(&self) -> Vec<usize> {
        (0..self.cx.leaves.len())
            .filter(|&li| match &self.cx.leaves[li].kind {
                Kind::Price { .. } => true,
                Kind::Measures { scoring, .. } => {
                    matches!(scoring, SvScoring::RelativeToHighestPercent)
                }
                _ => false,
            })
            .collect()
    }

    /// The pool bids' exact fractions on every scored leaf (same index as `cx.leaves`; 0 for gates).
    pub(super) fn fractions(&self) -> Vec<Vec<Decimal>> {
        fractions(&self.cx, &self.prepared, &self.pool, &self.fields).0
    }
}

/// Every bid read for the analysis, the ranked ones (those `ranked` takes, by index and as read)
/// and the comparison inputs over them (same index as `cx.leaves`).
pub(super) fn read_bids<'t>(
    cx: &Ctx<'t>,
    ranked: &dyn Fn(usize, &Prepared) -> bool,
) -> (Vec<Prepared<'t>>, Vec<usize>, Vec<Option<Field>>) {
    let prepared: Vec<Prepared> = cx.t.bids.iter().map(|b| prepare_at(cx, b, None)).collect();
    let pool: Vec<usize> = (0..prepared.len())
        .filter(|&i| ranked(i, &prepared[i]))
        .collect();
    let fields = fields(cx, &prepared, &pool);
    (prepared, pool, fields)
}

/// The exact fractions of the bids `pool` (read as `prepared`) on every leaf against the
/// comparison inputs `fields` (same index as `cx.leaves`; 0 for gates, and for a score out of
/// range), and whether any score was out of range.
pub(super) fn fractions(
    cx: &Ctx,
    prepared: &[Prepared],
    pool: &[usize],
    fields: &[Option<Field>],
) -> (Vec<Vec<Decimal>>, bool) {
    let mut out_of_range = false;
    let fractions = pool
        .iter()
        .map(|&j| {
            (0..cx.leaves.len())
                .map(
                    |li| match score_leaf(cx, li, &prepared[j], fields, true, false) {
                        Some(r) if r.code != OUT_OF_RANGE => r.fraction,
                        r => {
                            out_of_range |= r.is_some();
                            Decimal::ZERO
                        }
                    },
                )
                .collect()
        })
        .collect();
    (fractions, out_of_range)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::evaluate;

    /// Each tender as the analysis takes it: a tender in lots as each lot's tender (spec §18).
    pub(in crate::analysis) fn as_analysed(name: String, t: Tender) -> Vec<(String, Tender)> {
        if t.lots.is_empty() {
            return vec![(name, t)];
        }
        let mut split = crate::lots::Split::new(&t);
        (0..t.lots.len())
            .map(|k| (format!("{name}, lot {k}"), split.lot(k).clone()))
            .collect()
    }

    /// Every fixture's tender, read from its file (inline, or the example it names), as the
    /// analysis takes it.
    pub(in crate::analysis) fn fixtures() -> Vec<(String, Tender)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<_> = std::fs::read_dir(root.join("tests/fixtures"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        files
            .into_iter()
            .flat_map(|path| {
                let fixture: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                let text = match &fixture["tender"] {
                    serde_json::Value::String(file) => {
                        std::fs::read_to_string(root.join(file)).unwrap()
                    }
                    tender => tender.to_string(),
                };
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                let t = crate::read(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
                as_analysed(name, t)
            })
            .collect()
    }

    #[test]
    fn every_score_worked_out_without_words_is_the_score_with_them() {
        for (name, t) in fixtures() {
            let cx = Ctx::new(&t);
            let prepared: Vec<Prepared> = t.bids.iter().map(|b| prepare_at(&cx, b, None)).collect();
            let pool: Vec<usize> = (0..t.bids.len())
                .filter(|&i| prepared[i].status == Status::Ranked)
                .collect();
            let f = fields(&cx, &prepared, &pool);
            for (i, p) in prepared.iter().enumerate() {
                for li in 0..cx.leaves.len() {
                    let in_pool = pool.contains(&i);
                    let full = evaluate::score_leaf(&cx, li, p, &f, in_pool, true);
                    let bare = evaluate::score_leaf(&cx, li, p, &f, in_pool, false);
                    assert_eq!(
                        full.as_ref().map(|r| (r.score, r.fraction, r.code)),
                        bare.as_ref().map(|r| (r.score, r.fraction, r.code)),
                        "{name}: bid {i}, leaf {li}"
                    );
                    assert!(
                        bare.is_none_or(|r| r.working.is_empty() && r.input.is_empty()),
                        "{name}: bid {i}, leaf {li} wrote words"
                    );
                }
            }
        }
    }

    #[test]
    fn every_bid_tried_unchanged_scores_exactly_as_the_evaluation_did() {
        for (name, t) in fixtures() {
            let official = crate::evaluate::evaluate(&t);
            let setup = Setup::new(&t, &official);
            let every_leaf: Vec<usize> = (0..setup.cx.leaves.len()).collect();
            for &i in &setup.pool {
                let tried = setup
                    .what_if(i, &t.bids[i], &every_leaf)
                    .unwrap_or_else(|| panic!("{name}: bid {i} tried unchanged is out"));
                assert_eq!(tried.len(), setup.pool.len(), "{name}");
                for (j, w) in tried {
                    let b = &official.bids[j];
                    let at = format!("{name}: bid {j} with bid {i} tried");
                    assert_eq!(w.total, b.total_value, "{at}");
                    assert_eq!(w.key, b.key_value, "{at}");
                    assert_eq!(w.price, b.price_value, "{at}");
                    for c in &b.criteria {
                        assert_eq!(w.score_on(&c.id), c.value.unwrap_or_default(), "{at}");
                    }
                    for g in &b.groups {
                        assert_eq!(w.score_on(&g.id), g.value, "{at}: group {}", g.id);
                    }
                }
            }
        }
    }

    #[test]
    fn a_bid_tried_unchanged_scores_exactly_as_the_evaluation_did() {
        // Social value as a percentage of price: the best percentage must come from its parts, as
        // the evaluation takes it; from two rounded percentages bid a got 31.50, not 31.51.
        let fixture: serde_json::Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/regression-sv-percent-rounded-twice.json"
        ))
        .unwrap();
        let mut tender = fixture["tender"].clone();
        tender["bids"][0]["commitments"]["m"] = "6600".into();
        let t = crate::read(&tender.to_string()).unwrap();
        let official = crate::evaluate::evaluate(&t);
        let setup = Setup::new(&t, &official);
        let every_leaf: Vec<usize> = (0..setup.cx.leaves.len()).collect();
        for i in 0..t.bids.len() {
            let tried = setup.what_if(i, &t.bids[i], &every_leaf).unwrap();
            for (j, w) in tried {
                assert_eq!(
                    w.total, official.bids[j].total_value,
                    "bid {j} with bid {i} tried"
                );
            }
        }
    }

    #[test]
    fn a_try_joins_the_comparison_input_as_the_evaluation_takes_it() {
        // Bit for bit: the first lowest and the last highest of equal amounts written differently
        // ("1000" and "1000.00"), and the parts of the first bid holding the highest percentage.
        let bits = |f: Option<Field>| {
            let d = |d: Decimal| d.serialize();
            f.map(|f| {
                (
                    d(f.lowest),
                    d(f.highest),
                    f.highest_parts.map(|(x, y)| (d(x), d(y))),
                )
            })
        };
        let mut rng = crate::synth::Rng(11);
        let mut checked = 0;
        for _ in 0..300 {
            let text = crate::analysis::tests::tender(&mut rng).to_string();
            let Ok(t) = crate::read(&text) else {
                continue;
            };
            let mut split = crate::lots::Split::new(&t);
            let tenders: Vec<Tender> = match t.lots.len() {
                0 => vec![t.clone()],
                n => (0..n).map(|k| split.lot(k).clone()).collect(),
            };
            for t in &tenders {
                let official = evaluate::evaluate(t);
                let s = Setup::new(t, &official);
                let base = s.baseline((0..s.cx.leaves.len()).collect());
                for &i in &s.pool {
                    let frame = s.frame(i, &base);
                    for (jobs, price) in [
                        (None, None),
                        (Some(4), None),
                        (None, Some(1000)),
                        (Some(0), Some(900)),
                    ] {
                        let mut changed = t.bids[i].clone();
                        if let Some(q) = jobs {
                            changed.commitments.insert("jobs".into(), Decimal::from(q));
                        }
                        let p = prepare_at(&s.cx, &changed, price.map(Decimal::from));
                        let view = |j: usize| if j == i { &p } else { &s.prepared[j] };
                        for (li, &(before, after)) in frame.iter().enumerate() {
                            let c = s.cx.leaves[li];
                            let want = evaluate::field(t, c, &s.pool, &view);
                            let got = join(join(before, evaluate::field(t, c, &[i], &view)), after);
                            assert_eq!(bits(got), bits(want), "{text}: bid {i}, leaf {li}");
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }
}
