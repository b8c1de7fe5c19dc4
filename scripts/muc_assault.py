"""ASSAULT events found in upper-case wire copy, with and without case restoration.

    .venv/bin/python scripts/muc_assault.py ../shared/corpus/muc34/muc34_docs.jsonl \\
        [--sample 100] [--seed 12] [--show 20]

Reads MUC-3/4 DEV documents only (split `train`, DEV-MUC3-0001…1300; the TST sets are
never read), draws a seeded sample of those whose answer key holds an attack, bombing or
kidnapping template, codes each with and without restoring case, and prints the ASSAULT
events per document and the share of documents with at least one. `--show N` prints the
first N documents' ASSAULT events after restoration, for reading by hand.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from parley.models import Document, Event
from parley.pipeline import Pipeline

VIOLENT = {"attack", "bombing", "kidnapping"}


def sample(path: Path, size: int, seed: int) -> list[dict]:
    """A seeded sample of DEV documents with an attack, bombing or kidnapping template."""
    with path.open(encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle]
    violent = [
        d
        for d in docs
        if d["split"] == "train" and VIOLENT & {t["incident_type"] for t in d["templates_gtt"]}
    ]
    return random.Random(seed).sample(violent, min(size, len(violent)))


def assaults(pipeline: Pipeline, docs: list[dict]) -> list[list[Event]]:
    documents = [Document(id=d["docid"], text=d["text"]) for d in docs]
    return [
        [e for e in events if e.event == "ASSAULT"]
        for _, events in pipeline.extract_many(documents)
    ]


def describe(event: Event) -> str:
    sides = [
        ",".join(a.code or a.name or "?" for a in side) for side in (event.actor, event.recipient)
    ]
    return f"  {event.trigger!r} {sides[0] or '-'} → {sides[1] or '-'}: {event.text[:150]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    docs = sample(args.corpus, args.sample, args.seed)
    found = {
        "as given": assaults(Pipeline(restore=False), docs),
        "restored": assaults(Pipeline(), docs),
    }
    print(f"{len(docs)} DEV documents with an attack, bombing or kidnapping template")
    for label, per_doc in found.items():
        total = sum(len(events) for events in per_doc)
        with_one = sum(1 for events in per_doc if events)
        print(
            f"{label:<9} ASSAULT per document {total / len(docs):.2f}, "
            f"documents with one {with_one / len(docs):.2f}"
        )
    for doc, before, after in list(zip(docs, *found.values(), strict=True))[: args.show]:
        kinds = sorted({t["incident_type"] for t in doc["templates_gtt"]})
        print(f"\n{doc['docid']} ({', '.join(kinds)}): {len(before)} → {len(after)}")
        for event in after:
            print(describe(event))


if __name__ == "__main__":
    main()
