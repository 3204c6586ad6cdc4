"""Times the peer in-process on one bidscore tender file and prints one JSON line:

    target/peer-venv/bin/python bench/peer/harness.py TENDER.json [--runs N] [--compare RESULT.json]

`evaluate_ms` is the median of N runs of StagedEvaluator.evaluate on the converted DataFrame (the
counterpart of bidscore's evaluate on a read tender), after one untimed run, and `evaluate_cpu_ms`
the median CPU time of those runs; `convert_ms` the
time to turn the parsed JSON into that DataFrame once. With `--compare`, bidscore's result for the
same file (`bidscore evaluate` output): how many bids both rank, the largest difference between
their totals (bidscore rounds each criterion score to 2 decimals, the peer rounds nothing) and how
many bids both rank strictly ahead of the same next bid (tie-breaks differ: see convert.py).
"""

import argparse
import json
import statistics
import sys
import time

from convert import Unsupported, tender_to_peer


def timed(f):
    t = time.perf_counter()
    out = f()
    return (time.perf_counter() - t) * 1000.0, out


def timed_cpu(f):
    """Wall-clock and CPU milliseconds of one call (CPU time does not grow on a busy machine)."""
    t, c = time.perf_counter(), time.process_time()
    f()
    return (time.perf_counter() - t) * 1000.0, (time.process_time() - c) * 1000.0


def compare(result, path, max_total):
    with open(path, encoding="utf-8") as f:
        ours = json.load(f)
    theirs = {
        row["id"]: row["final_score"] * max_total / 100.0
        for row in result[result["ranking"].notna()][["id", "final_score"]].to_dict("records")
    }
    ranked = [b for b in ours["bids"] if b["status"] == "ranked"]
    both = [b for b in ranked if b["id"] in theirs]
    diffs = [abs(float(b["total"]) - theirs[b["id"]]) for b in both]
    # The order of bidscore's ranking, read by the peer's totals: pairs of neighbours the peer
    # puts the other way round by more than rounding can explain.
    order = [b["id"] for b in sorted(both, key=lambda b: b["rank"])]
    swapped = sum(1 for a, b in zip(order, order[1:]) if theirs[a] < theirs[b] - 0.5)
    return {
        "ranked_by_bidscore": len(ranked),
        "ranked_by_peer": len(theirs),
        "ranked_by_both": len(both),
        "max_total_difference": max(diffs) if diffs else None,
        "neighbours_swapped_by_more_than_half_a_mark": swapped,
    }


def main():
    args = argparse.ArgumentParser()
    args.add_argument("tender")
    args.add_argument("--runs", type=int, default=7)
    args.add_argument("--compare")
    a = args.parse_args()
    with open(a.tender, encoding="utf-8") as f:
        tender = json.load(f)
    try:
        convert_ms, (bids, staged, max_total) = timed(lambda: tender_to_peer(tender))
    except (Unsupported, KeyError) as e:
        print(json.dumps({"unsupported": str(e)}))
        return
    result = staged.evaluate(bids)
    times = [timed_cpu(lambda: staged.evaluate(bids)) for _ in range(a.runs)]
    out = {
        "bids": len(bids),
        "columns": len(bids.columns),
        "convert_ms": round(convert_ms, 3),
        "evaluate_ms": round(statistics.median(t for t, _ in times), 3),
        "evaluate_cpu_ms": round(statistics.median(c for _, c in times), 3),
        "runs": a.runs,
    }
    if a.compare:
        out["agreement"] = compare(result, a.compare, max_total)
    print(json.dumps(out))


if __name__ == "__main__":
    sys.exit(main())
