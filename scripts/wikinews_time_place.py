"""How often Parley dates and places events from the text, on the Wikinews corpus.

Prints: events, the share dated (any precision) and placed, the share of each date and
place precision; then a seeded random sample of records for checking by hand against the
article.

    .venv/bin/python scripts/wikinews_time_place.py ../shared/corpus/wikinews/*.csv --sample 20
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from parley.ingest import ReadProblem, read_documents
from parley.pipeline import Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()

    documents = [d for d in read_documents(args.paths) if not isinstance(d, ReadProblem)]
    pipeline = Pipeline()
    records = [
        (document, event)
        for document, events in pipeline.extract_many(documents)
        for event in events
    ]
    total = len(records)
    dated = sum(1 for _, e in records if e.date is not None)
    placed = sum(1 for _, e in records if e.event_loc is not None)
    print(f"documents {len(documents)}, events {total}")
    print(f"dated (any precision): {dated / total:.3f}; placed: {placed / total:.3f}")
    _shares("date precision", [e.date.granularity if e.date else None for _, e in records])
    _shares("place precision", [e.event_loc.precision if e.event_loc else None for _, e in records])
    for document, event in random.Random(args.seed).sample(records, min(args.sample, total)):
        when = (
            f"{event.date.start}..{event.date.end} ({event.date.granularity}, {event.date.text!r})"
            if event.date
            else "—"
        )
        where = f"{event.event_loc.name}, {event.event_loc.country}" if event.event_loc else "—"
        print(f"\n[{document.id} published {document.published}] {event.event} {event.status}")
        print(f"  date: {when}   place: {where}")
        print(f"  text: {event.text}")


def _shares(title: str, values: list[str | None]) -> None:
    counts = Counter(value or "none" for value in values)
    shares = ", ".join(f"{k} {v / len(values):.3f}" for k, v in counts.most_common())
    print(f"{title}: {shares}")


if __name__ == "__main__":
    main()
