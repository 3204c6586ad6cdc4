"""A bidscore tender (the shape `bidscore generate` writes) as input to the pandas peer
`bid-evaluation` 0.1.0: one DataFrame row per bid and a StagedEvaluator.

What maps, criterion by criterion (marks are the leaf weights; the peer normalises weights, so its
`final_score` is a total out of 100 and equals bidscore's total when the marks add up to 100):

- `pass-fail` gates: a first stage scoring each gate 1 or 0 (`direct`, input scale 1) that only
  bids scoring 100 (every gate passed) leave.
- a `scored` criterion's `threshold` (an aggregated score below it disqualifies): a stage of its
  own scoring the evaluators' mean out of 100, leaving only bids at or above threshold ÷ top × 100.
  Bids a stage drops are left out of every later stage, so the lowest price and the highest social
  value are taken over the bids still in the running, as bidscore's comparison pool is.
- `price` with `lowest-ratio`: `min_ratio` (lowest ÷ price × 100).
- `scored` with the `mean` moderation: each evaluator's marks a column of its own, scored `direct`
  on the scale's top, each with the criterion's marks ÷ the number of evaluators; their weighted sum
  is the mean's score.
- `measures` with `relative-to-highest`: social value ÷ the highest × 100, a `custom` function
  (vectorised, the peer's fastest way to say it).

What the peer's model cannot say, so is left out or done here instead:
- the social value itself (Σ quantity × proxy over the measures): the peer scores one column per
  criterion, so it is worked out here, before the timed evaluation, as a column `sv:<id>`;
- exact decimals (prices, marks and proxies become floats) and rounding (bidscore rounds each
  criterion score half away from zero to the tender's decimals; the peer never rounds);
- tie-breaks (`tieBreak`: group, price, draw): the peer gives tied bids a shared rank;
- workings, explanations, warnings (abnormally low prices, rank reversal, spread between
  evaluators), incomplete bids and missing inputs, bids scored "as if" when disqualified (the peer
  leaves them unscored), group thresholds, relative thresholds, price ceilings, other price and
  numeric formulas, median moderation and lots: the converter refuses a tender that uses them.
"""

import warnings

from bid_evaluation import StagedEvaluator
import pandas as pd

# The peer adds a column per criterion to its result and pandas warns that the frame is
# fragmented, every time: silenced, so that writing warnings is not part of what is timed.
warnings.filterwarnings("ignore", category=pd.errors.PerformanceWarning)


class Unsupported(Exception):
    """A tender that uses something the peer cannot express."""


def _leaves(nodes):
    for node in nodes:
        if "children" in node:
            for field in ("threshold", "thresholdRelative"):
                if field in node:
                    raise Unsupported(f"group {node['id']} has a {field}")
            yield from _leaves(node["children"])
        else:
            yield node


def _number(text):
    return float(text)


def tender_to_peer(tender):
    """The peer's input for `tender` (parsed JSON): (bids DataFrame, StagedEvaluator, max total)."""
    for field in ("lots", "award"):
        if tender.get(field) not in (None, {"method": "weighted-sum"}):
            raise Unsupported(f"the tender has {field}")
    if tender.get("moderation", {}).get("method", "mean") != "mean":
        raise Unsupported("moderation other than the mean")
    scales = tender.get("scales", {})
    proxies = {m["id"]: _number(m["proxy"]) for m in tender.get("measures", [])}
    bids = tender["bids"]
    columns = {"id": [b["id"] for b in bids]}
    gates, thresholds, final = [], [], []
    max_total = 0.0
    for leaf in _leaves(tender["criteria"]):
        cid, kind = leaf["id"], leaf.get("kind")
        marks = _number(leaf.get("weight", 0))
        max_total += marks
        if kind == "pass-fail":
            col = f"gate:{cid}"
            columns[col] = [1.0 if b["gates"][cid] else 0.0 for b in bids]
            gates.append(col)
        elif kind == "price":
            if leaf.get("formula") != "lowest-ratio" or "ceiling" in leaf:
                raise Unsupported(f"price {cid}: only lowest-ratio without a ceiling")
            columns["price"] = [_number(b["price"]) for b in bids]
            final.append(("min_ratio", "price", marks, {}))
        elif kind == "scored":
            if "thresholdRelative" in leaf:
                raise Unsupported(f"{cid} has a relative threshold")
            top = max(p["value"] for p in scales[leaf["scale"]]["points"])
            names = list(bids[0]["scores"][cid]["evaluators"]) if bids else []
            cols = []
            for name in names:
                col = f"{cid}:{name}"
                columns[col] = [_number(b["scores"][cid]["evaluators"][name]) for b in bids]
                cols.append(col)
                final.append(("direct", col, marks / len(names), {"input_scale": top}))
            if "threshold" in leaf:
                thresholds.append((cid, cols, top, _number(leaf["threshold"])))
        elif kind == "measures":
            if leaf.get("svScoring", "relative-to-highest") != "relative-to-highest":
                raise Unsupported(f"{cid}: only relative-to-highest social value")
            col = f"sv:{cid}"
            columns[col] = [
                sum(_number(b["commitments"][m]) * proxies[m] for m in leaf["measures"])
                for b in bids
            ]
            final.append(("custom", col, marks, {}))
        else:
            raise Unsupported(f"{cid} is a {kind} criterion")

    staged = StagedEvaluator(final_score_mode="last_stage")
    if gates:
        staged.add_stage("gates", filter_type="score_threshold", threshold=100)
        for col in gates:
            staged.direct(col, 1, input_scale=1)
    for cid, cols, top, threshold in thresholds:
        staged.add_stage(f"threshold {cid}", filter_type="score_threshold",
                         threshold=threshold * 100 / top)
        for col in cols:
            staged.direct(col, 1, input_scale=top)
    staged.add_stage("award")
    for how, col, weight, options in final:
        if how == "min_ratio":
            staged.min_ratio(col, weight)
        elif how == "direct":
            staged.direct(col, weight, **options)
        else:
            staged.custom(col, weight, _relative_to_highest)
    return pd.DataFrame(columns), staged, max_total


def _relative_to_highest(values, stats):
    """Social value ÷ the highest of the bids still in the running × 100 (0 when that is 0)."""
    highest = stats["max"]
    return values * 0.0 if highest <= 0 else values / highest * 100.0
