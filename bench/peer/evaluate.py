"""The peer as a whole process, the counterpart of `bidscore evaluate FILE`: reads a bidscore
tender file, evaluates it with bid-evaluation 0.1.0 and writes the result (one JSON record per
bid) to standard output.

    target/peer-venv/bin/python bench/peer/evaluate.py TENDER.json > result.json
"""

import json
import sys

from convert import tender_to_peer


def main(path):
    with open(path, encoding="utf-8") as f:
        tender = json.load(f)
    bids, staged, _ = tender_to_peer(tender)
    result = staged.evaluate(bids)
    sys.stdout.write(result.to_json(orient="records"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
